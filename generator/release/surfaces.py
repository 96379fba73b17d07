"""The Python surface of every published package, kept beside ``released.toml``.

``python -m generator release`` writes, for each version it records, the surface the diff builds
(``diff.surface_of``: plain JSON data: methods, arguments, returns, classes) to
``spec/released/<api-version>/<package-version>.surface.json`` (sorted keys, one item a line,
so a review reads it like code), and its fingerprint in ``released.toml`` as before. A file is
never removed nor rewritten: the one of the package ``released.toml`` records is what the gate
diffs a regenerated client against (gate.py, with the surface-change rules of
diff/surface_changes.py); the newest one below a package version is what that package's
``CHANGELOG.md`` lists the client-only changes from (changelog.py).

The files are read as untrusted input: both path parts must be plain names, at most
``MAX_BYTES`` are read, the JSON must have the shape of ``surface.surface()`` (validated by
pydantic, strictly), and the gate also requires the fingerprint ``released.toml`` holds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NotRequired

import pydantic
from packaging.version import InvalidVersion, Version
from typing_extensions import TypedDict

from .diff.surface import Surface, fingerprint

SURFACES_DIR = "released"  # spec/released/<api-version>/<package-version>.surface.json
SUFFIX = ".surface.json"
MAX_BYTES = 8 * 1024 * 1024  # a surface is ~40 kB per 50 operations
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,79}")


class SurfaceFileError(ValueError):
    """A recorded surface that cannot be used (missing parts, not JSON, wrong shape...)."""


class _Param(TypedDict):
    name: str
    wire: str
    positional: bool
    required: bool
    default: str | None
    type: str


class _Returns(TypedDict):
    annotation: str
    kind: str


class _Method(TypedDict):
    operation: str
    label: NotRequired[str]
    helper: NotRequired[bool]
    params: list[_Param]
    returns: _Returns
    deprecated: bool


_Model = TypedDict("_Model", {"class": str, "fields": NotRequired[dict[str, bool]]})


class _Surface(TypedDict):
    client: list[str]
    namespaces: dict[str, str]
    methods: dict[str, _Method]
    models: dict[str, _Model]
    exceptions: list[str]
    objects: NotRequired[list[str]]


_SHAPE = pydantic.TypeAdapter(_Surface)


def surface_file(spec_dir: Path, api_version: str, package: str) -> Path:
    """Where the surface of ``package`` (API ``api_version``) is recorded."""
    for part in (api_version, package):
        if not _PLAIN.fullmatch(part) or ".." in part:
            raise SurfaceFileError(f"{part!r} cannot name a recorded surface file")
    return spec_dir / SURFACES_DIR / api_version / f"{package}{SUFFIX}"


def surface_text(data: Surface) -> str:
    """The recorded form: canonical, stable, one item a line."""
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def write_surface(spec_dir: Path, api_version: str, package: str, data: Surface) -> Path:
    path = surface_file(spec_dir, api_version, package)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(surface_text(data), encoding="utf-8")
    return path


def read_surface(path: Path, expected: str = "") -> Surface:
    """A recorded surface, checked (and its fingerprint, when ``expected`` is one)."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SurfaceFileError(f"{path}: cannot be read ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise SurfaceFileError(f"{path}: larger than {MAX_BYTES} bytes")
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise SurfaceFileError(f"{path}: not JSON ({str(exc)[:200]})") from None
    try:
        _SHAPE.validate_python(data, strict=True)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(str(x) for x in first["loc"])
        raise SurfaceFileError(f"{path}: /{where}: {first['msg']}") from None
    unlabelled = [n for n, m in data["methods"].items() if m["operation"] and "label" not in m]
    if unlabelled:
        raise SurfaceFileError(f"{path}: /methods/{unlabelled[0]}: label missing")
    if expected and fingerprint(data) != expected:
        raise SurfaceFileError(
            f"{path}: does not match the surface fingerprint recorded in released.toml"
        )
    result: Surface = data
    return result


def previous_surface(spec_dir: Path, api_version: str, package: str) -> tuple[str, Path] | None:
    """The newest recorded package of ``api_version`` below ``package``, and its file."""
    try:
        folder = surface_file(spec_dir, api_version, package).parent
        below = Version(package)
    except (SurfaceFileError, InvalidVersion):
        return None
    if not folder.is_dir():
        return None
    found: list[tuple[Version, str, Path]] = []
    for path in folder.glob(f"*{SUFFIX}"):
        name = path.name.removesuffix(SUFFIX)
        try:
            version = Version(name)
        except InvalidVersion:
            continue
        if version < below:
            found.append((version, name, path))
    if not found:
        return None
    _, name, path = max(found)
    return name, path
