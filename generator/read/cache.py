"""The validator's findings, cached on disk by document text and validator version.

The outcome of validation depends only on the document text, openapi-spec-validator's version,
how parse.py reads the text and the classification rules of generator/read/validator.py, so it is
kept under ``$GENERATOR_CACHE_DIR`` (default ``~/.cache/openapi-sdk-generator``); ``off``
disables it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

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


def _cache_dir() -> Path | None:
    setting = os.environ.get("GENERATOR_CACHE_DIR", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting) / "validate"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "openapi-sdk-generator" / "validate"


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
