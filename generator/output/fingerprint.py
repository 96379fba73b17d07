"""Incremental generation: skip a package whose inputs and output are exactly as last written.

A package's output is a pure function of its inputs: the spec and what the generator reads beside
it (earlier versions for the changelog, ``versions.toml``, the overlay, relative ``$ref`` files),
the generator's own source and templates, the installed tools (datamodel-code-generator, ruff,
pydantic...), the Python version and the options. ``inputs_digest`` hashes all of that;
``tree_digest`` hashes the output directory as it is on disk. After a generation both are recorded
under the cache directory (``$GENERATOR_CACHE_DIR``, as the validator's cache; ``off`` disables
both). The next run skips the package only when both digests match the record, so any change to
an input, and any edit or deletion in the output, regenerates it.

What is hashed is chosen to be conservative rather than minimal: every file under the spec's
directory except the later API versions of a versioned directory (a change to ``2025-10-11.yaml``
does not regenerate ``2025-10-03``, which cannot see it), and every installed distribution's
version. A spec directory too large to hash cheaply (``MAX_FILES``, ``MAX_BYTES``) is never
skipped.

This module imports nothing heavy: the no-change path of ``make generate`` must not pay for
importing the pipeline.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = (ROOT / "generator", ROOT / "templates")  # the generator's code and templates
VERSIONS_FILE = "versions.toml"
MAX_FILES = 2_000
MAX_BYTES = 64 * 1024 * 1024
SKIPPED_DIRS = {"__pycache__", ".git", "node_modules", ".venv"}


class TooLarge(Exception):
    """The inputs are too many to hash cheaply: generate without a fingerprint."""


def _files(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            if not name.endswith((".pyc", ".tmp")):
                yield Path(dirpath) / name


def _hash_files(digest: hashlib._Hash, label: str, root: Path, files: Iterable[Path]) -> None:
    count = size = 0
    for path in files:
        count += 1
        data = path.read_bytes()
        size += len(data)
        if count > MAX_FILES or size > MAX_BYTES:
            raise TooLarge(str(root))
        rel = path.relative_to(root).as_posix()
        digest.update(f"{label}:{rel}:{len(data)}\0".encode())
        digest.update(data)


def _spec_inputs(spec: Path) -> Iterator[Path]:
    """Every file under the spec's directory but the API versions that come after it.

    Only a versioned directory (one with ``versions.toml``, where every top-level ``*.yaml`` is an
    API version, as the release tools read it) has later versions; elsewhere every file counts.
    """
    directory = spec.parent
    versioned = (directory / VERSIONS_FILE).is_file()
    for path in _files(directory):
        later_version = (
            versioned
            and path.parent == directory
            and path.suffix == ".yaml"
            and not path.name.startswith(".")
            and path.name > spec.name
        )
        if not later_version:
            yield path


def _tools() -> list[str]:
    """Every installed distribution and version, and the interpreter: the pinned toolchain."""
    names = {
        f"{dist.metadata['Name']}=={dist.version}"
        for dist in metadata.distributions()
        if dist.metadata["Name"]
    }
    return [sys.version, *sorted(names)]


def inputs_digest(spec: Path, out: Path, options: dict[str, object]) -> str:
    """A digest of everything the package generated from ``spec`` into ``out`` depends on.

    Raises ``TooLarge`` when the spec's directory is too big to hash cheaply.
    """
    digest = hashlib.sha256()
    spec = spec.resolve()
    digest.update(json.dumps([spec.name, str(out.resolve()), options], sort_keys=True).encode())
    _hash_files(digest, "spec", spec.parent, _spec_inputs(spec))
    for label in ("overlay", "ref_root"):  # more directories the generation reads
        extra = options.get(label)
        if isinstance(extra, str) and extra:
            _hash_files(digest, label, Path(extra), _files(Path(extra)))
    for source in SOURCES:
        _hash_files(digest, source.name, source, _files(source))
    digest.update("\0".join(_tools()).encode())
    return digest.hexdigest()


def tree_digest(out: Path) -> str | None:
    """A digest of the output directory as it is on disk (None when there is none)."""
    if not out.is_dir():
        return None
    digest = hashlib.sha256()
    try:
        _hash_files(digest, "out", out, _files(out))
    except (TooLarge, OSError):
        return None
    return digest.hexdigest()


def _record_path(out: Path) -> Path | None:
    setting = os.environ.get("GENERATOR_CACHE_DIR", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        base = Path(setting)
    else:
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = Path(home) / "openapi-sdk-generator"
    key = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:32]
    return base / "generate" / f"{key}.json"


def up_to_date(inputs: str, out: Path) -> bool:
    """Whether ``out`` holds exactly what the last generation from ``inputs`` wrote."""
    record = _record_path(out)
    if record is None:
        return False
    try:
        saved = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(saved, dict) or saved.get("inputs") != inputs:
        return False
    return saved.get("tree") is not None and saved.get("tree") == tree_digest(out)


def remember(inputs: str, out: Path) -> None:
    """Record that ``out`` was just generated from ``inputs`` (best effort: no cache, no skip)."""
    record = _record_path(out)
    tree = tree_digest(out)
    if record is None or tree is None:
        return
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=record.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"inputs": inputs, "tree": tree}, fh)
        os.replace(tmp, record)
    except OSError:
        pass
