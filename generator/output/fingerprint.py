"""Incremental generation: skip a package whose inputs and output are exactly as last written.

A package's output is a pure function of its inputs: the files the generation reads (the spec,
the files its ``$ref``s reach, earlier versions and ``versions.toml`` for the changelog, the
overlay...), the generator's own source and templates, the installed tools
(datamodel-code-generator, ruff, pydantic...), the Python version and the options.

Which files a generation reads is not listed by hand, where a new reader could be forgotten: while
a package is generated, ``Recorder`` (an audit hook, ``sys.addaudithook``) notes every file
opened for reading and every directory listed, outside the generator's own code, the Python
installation, the output and the cache. After the generation, ``remember`` stores that list with
a digest of all the inputs and a digest of the output as written, under the cache directory
(``$GENERATOR_CACHE_DIR``, as the validator's cache; ``off`` disables both). The next run skips
the package only when the inputs, re-hashed from that list, and the output on disk match the
record: any change to an input (a listed directory gaining a file included), and any edit or
deletion in the output, regenerates it. Only files the generation itself read are read again.

This module imports nothing heavy: the no-change path of ``make generate`` must not pay for
importing the pipeline.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = (ROOT / "generator", ROOT / "templates")  # the generator's code and templates
MAX_FILES = 5_000
MAX_BYTES = 256 * 1024 * 1024
SKIPPED_DIRS = {"__pycache__", ".git"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class TooLarge(Exception):
    """The inputs are too many to hash cheaply: generate without a fingerprint."""


def cache_base() -> Path | None:
    """The cache directory (shared with the validator's cache), or None when it is off."""
    setting = os.environ.get("GENERATOR_CACHE_DIR", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(home) / "openapi-sdk-generator"


class Recorder:
    """Notes the files a generation reads and the directories it lists (an audit hook: it can
    never be removed, so it is installed once and records only while ``active``)."""

    _installed: Recorder | None = None

    def __init__(self) -> None:
        self.active = False
        self.files: set[str] = set()
        self.dirs: set[str] = set()

    @classmethod
    def get(cls) -> Recorder:
        if cls._installed is None:
            cls._installed = cls()
            sys.addaudithook(cls._installed._hook)
        return cls._installed

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.active:
            return
        if event == "open" and isinstance(args[0], str):
            mode, flags = args[1], args[2]
            writes = any(c in mode for c in "wax+") if isinstance(mode, str) else False
            if isinstance(flags, int) and flags & _WRITE_FLAGS:
                writes = True
            if not writes:
                self.files.add(os.path.abspath(args[0]))
        elif event in ("os.listdir", "os.scandir") and isinstance(args[0], str):
            self.dirs.add(os.path.abspath(args[0] or "."))

    def start(self) -> None:
        _TOOLS.clear()  # what ``prepare`` computed is for one run
        self.files.clear()
        self.dirs.clear()
        self.active = True

    def stop(self, out: Path) -> tuple[list[str], list[str]]:
        """What was read since ``start``, without the generator, Python, output and cache."""
        self.active = False
        skip = [str(p) for p in SOURCES] + [sys.prefix, sys.base_prefix, sys.exec_prefix]
        skip += [str(out.resolve()), "/proc", "/dev"]
        base = cache_base()
        if base is not None:
            skip.append(str(base.resolve()))
        caches = (
            str(out.resolve().parent / f".{out.name}.staging-"),  # output/write.py
            os.path.join(tempfile.gettempdir(), "_jinja2-cache-"),  # Jinja's bytecode cache
        )

        def kept(path: str) -> bool:
            if path.startswith(caches):
                return False
            return not any(path == s or path.startswith(s.rstrip("/") + "/") for s in skip)

        files = sorted(p for p in self.files if kept(p) and os.path.isfile(p))
        dirs = sorted(p for p in self.dirs if kept(p) and not any(f == p for f in files))
        return files, dirs


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            if not name.endswith((".pyc", ".tmp")):
                yield Path(dirpath) / name


def _walk_names(root: str) -> Iterator[tuple[str, str]]:
    """``_walk``'s files as (path, path relative to ``root``, posix) strings: a large output
    (stripe.yaml: ~3,700 files) is read back at the end of every run (``tree_digest``)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        rel = os.path.relpath(dirpath, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        for name in sorted(filenames):
            if not name.endswith((".pyc", ".tmp")):
                yield os.path.join(dirpath, name), prefix + name


class _Digest:
    def __init__(self) -> None:
        self.sha = hashlib.sha256()
        self.count = 0
        self.size = 0

    def add(self, label: str, data: bytes) -> None:
        self.count += 1
        self.size += len(data)
        if self.count > MAX_FILES or self.size > MAX_BYTES:
            raise TooLarge(label)
        self.sha.update(f"{label}\0{len(data)}\0".encode())
        self.sha.update(data)

    def add_file(self, path: str) -> None:
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = b"\0missing"
        self.add(f"file:{path}", data)

    def add_listing(self, path: str) -> None:
        try:
            names = "\0".join(sorted(os.listdir(path))).encode()
        except OSError:
            names = b"\0missing"
        self.add(f"dir:{path}", names)


def _tools() -> list[str]:
    """Every installed distribution and version, and the interpreter: the pinned toolchain."""
    names = {
        f"{dist.metadata['Name']}=={dist.version}"
        for dist in metadata.distributions()
        if dist.metadata["Name"]
    }
    return [sys.version, *sorted(names)]


# ``_tools()``, computed while the generation waited for its models worker (``prepare``)
_TOOLS: list[list[str]] = []


def prepare() -> None:
    """Compute now what ``remember`` needs that the generation cannot change, so that the end
    of the run does not wait for it: the installed tools (~0.1 s, reading every distribution's
    metadata). Called while the generation waits (the models worker: generator/parallel.py);
    the recording of the files read pauses meanwhile (these are not the document's inputs)."""
    recorder = Recorder._installed
    active = recorder is not None and recorder.active
    if recorder is not None:
        recorder.active = False
    try:
        _TOOLS[:] = [_tools()]
        from .format import formatter_version

        formatter_version()  # for ``remember``: asked once per process
    finally:
        if recorder is not None:
            recorder.active = active


def inputs_digest(
    spec: Path,
    out: Path,
    options: dict[str, object],
    files: list[str],
    dirs: list[str],
    tools: list[str] | None = None,
) -> str:
    """A digest of every input of the package generated from ``spec`` into ``out``: the files
    and directory listings the generation read, the generator's source and templates, the tools
    (``tools``: ``_tools()``, if it was computed already) and the options. Raises ``TooLarge``
    past ``MAX_FILES``/``MAX_BYTES``."""
    digest = _Digest()
    spec_path = str(spec.resolve())
    options_text = json.dumps([spec_path, str(out.resolve()), options], sort_keys=True)
    digest.add("options", options_text.encode())
    for name in sorted({spec_path, *files}):
        digest.add_file(name)
    for name in sorted({str(spec.resolve().parent), *dirs}):  # a new overlay/ or $ref target
        digest.add_listing(name)
    for source in SOURCES:
        for path in _walk(source):
            digest.add(f"{source.name}:{path.relative_to(source).as_posix()}", path.read_bytes())
    digest.add("tools", "\0".join(_tools() if tools is None else tools).encode())
    return digest.sha.hexdigest()


def tree_digest(out: Path) -> str | None:
    """A digest of the output directory as it is on disk (None when there is none)."""
    if not out.is_dir():
        return None
    digest = _Digest()
    try:
        for path, rel in _walk_names(str(out)):
            with open(path, "rb") as fh:
                digest.add(rel, fh.read())
    except (TooLarge, OSError):
        return None
    return digest.sha.hexdigest()


def _record_path(out: Path) -> Path | None:
    base = cache_base()
    if base is None:
        return None
    key = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:32]
    return base / "generate" / f"{key}.json"


def up_to_date(spec: Path, out: Path, options: dict[str, object]) -> bool:
    """Whether ``out`` holds exactly what the last generation wrote, from the same inputs."""
    record = _record_path(out)
    if record is None:
        return False
    try:
        saved = json.loads(record.read_text(encoding="utf-8"))
        files, dirs = list(map(str, saved["files"])), list(map(str, saved["dirs"]))
        inputs = inputs_digest(spec, out, options, files, dirs)
    except (OSError, ValueError, TypeError, KeyError, TooLarge):
        return False
    tree = tree_digest(out)
    return tree is not None and saved.get("inputs") == inputs and saved.get("tree") == tree


def final_output(out: Path) -> dict[str, str] | None:
    """When ``out`` is exactly what the last generation into it wrote (its tree digest as
    recorded), formatted by the ruff this process runs: the text each of its files was made
    from (relative path -> ``write.text_digest``), for the next output to link the files made
    from the same text (output/staged.py); else None."""
    record = _record_path(out)
    if record is None or not out.is_dir():
        return None
    try:
        saved = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or not saved.get("formatter"):
        return None
    rendered = saved.get("rendered")
    if not isinstance(rendered, dict):
        return None
    from .format import formatter_version

    if saved["formatter"] != formatter_version() or saved.get("tree") != tree_digest(out):
        return None
    return {str(k): str(v) for k, v in rendered.items()}


def remember(
    spec: Path,
    out: Path,
    options: dict[str, object],
    files: list[str],
    dirs: list[str],
    rendered: dict[str, str] | None = None,
) -> None:
    """Record what ``out`` was just generated from (best effort: no record, no skip), and
    ``rendered``: the text each of its files was made from (``final_output``)."""
    record = _record_path(out)
    tools = _TOOLS.pop() if _TOOLS else None  # computed for this run (``prepare``), or not
    tree = tree_digest(out)
    if record is None or tree is None:
        return
    from .format import formatter_version

    try:
        inputs = inputs_digest(spec, out, options, files, dirs, tools)
        record.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=record.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(
                {
                    "inputs": inputs,
                    "tree": tree,
                    "files": files,
                    "dirs": dirs,
                    "formatter": formatter_version(),
                    "rendered": rendered or {},
                },
                fh,
            )
        os.replace(tmp, record)
    except (OSError, TooLarge):
        pass
