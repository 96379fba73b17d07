"""What reading a document computes that depends on its text alone, cached on disk.

Two things, under ``$GENERATOR_CACHE_DIR`` (default ``~/.cache/openapi-sdk-generator``; ``off``
disables both):

* ``validate/``: the validator's findings. The outcome of validation depends only on the
  document text, openapi-spec-validator's version, how parse.py reads the text and the
  classification rules of generator/read/validator.py.
* ``parsed/``: a large YAML document as parse.py reads it (its data, its text with re-defined
  anchors renamed, the keys given twice), keyed by the text, parse.py's own source, PyYAML's
  version and the interpreter's (``marshal``'s format is the interpreter's). Reading 4 MB of
  YAML is ~0.5 s (stripe.yaml), its ``marshal`` ~0.02 s: regenerating after a change to the
  generator, its templates or the options (the usual loop) no longer pays it. Only documents of
  ``PARSED_MIN_CHARS`` or more (a small one parses in less time than the file takes to read),
  the ``PARSED_KEEP`` used last; files only this user can write (mode 0600 in a 0700
  directory), read only when this user owns them, and whose key matches: anything else is a
  miss, and the text is parsed as without a cache. The data read is then checked like any
  other (read/limits.py).
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

_LOAD = Path(__file__).with_name("parse.py")

# (kind, message, pointer): kind is "error" or a warning category
Finding = tuple[str, str, str]


def cache_key(text: str, rules: Path) -> str:
    try:
        from importlib.metadata import version

        validator = version("openapi-spec-validator")
    except Exception:  # noqa: BLE001 - any failure just means a different key
        validator = "?"
    digest = hashlib.sha256()
    digest.update(rules.read_bytes())  # the module that classifies the findings
    # how the text becomes the data validated (a loader fix must not meet a finding cached
    # before it: YAML's unquoted `200:` keys were once refused, and stayed refused from here)
    digest.update(_LOAD.read_bytes())
    digest.update(validator.encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _cache_dir(kind: str = "validate") -> Path | None:
    setting = os.environ.get("GENERATOR_CACHE_DIR", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting) / kind
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "openapi-sdk-generator" / kind


def read_cache(key: str) -> list[Finding] | None:
    directory = _cache_dir()
    if directory is None:
        return None
    try:
        raw = json.loads((directory / f"{key}.json").read_text(encoding="utf-8"))
        return [(str(k), str(m), str(w)) for k, m, w in raw]
    except (OSError, ValueError, TypeError):
        return None


def write_cache(key: str, findings: list[Finding]) -> None:
    directory = _cache_dir()
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(findings, fh)
        os.replace(tmp, directory / f"{key}.json")
    except OSError:
        pass  # a read-only home: no cache, same result


# A parsed document: (the text if parse.py changed it, else None; the data; the keys given twice)
Parsed = tuple[str | None, dict[str, Any], list[Any]]
PARSED_MIN_CHARS = 256 * 1024
PARSED_KEEP = 16


def parsed_key(text: str) -> str:
    """The key of ``text`` as parse.py reads it (see the module docstring)."""
    import yaml

    digest = hashlib.sha256()
    for part in (sys.version, str(marshal.version), yaml.__version__):
        digest.update(part.encode() + b"\0")
    digest.update(_LOAD.read_bytes())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def read_parsed(key: str) -> Parsed | None:
    """The document cached under ``key``, or None (no cache, or a file that is not this
    user's, is damaged or holds another key)."""
    directory = _cache_dir("parsed")
    if directory is None:
        return None
    path = directory / f"{key}.marshal"
    try:
        with open(path, "rb") as fh:
            if hasattr(os, "getuid") and os.fstat(fh.fileno()).st_uid != os.getuid():
                return None
            value = marshal.loads(fh.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(value, tuple) and len(value) == 4 and value[0] == key):
        return None
    _, text, data, duplicates = value
    if not (isinstance(data, dict) and isinstance(duplicates, list)):
        return None
    if text is not None and not isinstance(text, str):
        return None
    try:
        os.utime(path)  # used last: kept (``_prune``)
    except OSError:
        pass
    return text, data, duplicates


def write_parsed(key: str, parsed: Parsed) -> None:
    """Keep ``parsed`` under ``key`` (best effort: a value ``marshal`` cannot write, such as a
    YAML timestamp tag's datetime, or a read-only home, is no cache, same result)."""
    directory = _cache_dir("parsed")
    if directory is None:
        return
    try:
        blob = marshal.dumps((key, *parsed))
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")  # mode 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, directory / f"{key}.marshal")
        _prune(directory)
    except (OSError, ValueError):
        pass


def _prune(directory: Path) -> None:
    """Keep the ``PARSED_KEEP`` documents used last."""
    entries = []
    for entry in os.scandir(directory):
        if entry.name.endswith(".marshal"):
            try:
                entries.append((entry.stat().st_mtime, entry.path))
            except OSError:
                pass
    for _, path in sorted(entries, reverse=True)[PARSED_KEEP:]:
        try:
            os.unlink(path)
        except OSError:
            pass
