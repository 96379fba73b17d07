"""The API versions tests cover, derived from ``spec/`` and ``spec/versions.toml``, never listed.

A maintainer who adds ``spec/<new>.yaml`` and its ``versions.toml`` entry (README "Adding an
API version") changes what these return, and the tests that use them follow: each version, each
consecutive pair with the verdict its majors promise, the released versions (``released.toml``).
Every function takes the spec directory, so the workflow test can point them at a temp copy.
"""

from __future__ import annotations

import datetime
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.read.annotations import ANNOTATIONS_DIR
from generator.read.load import load_spec
from generator.read.versions import VERSIONS_FILE, package_version
from generator.release.lock import LOCK_FILE

ROOT = Path(__file__).resolve().parents[1]
SPEC_DIR = ROOT / "spec"


@dataclass(frozen=True)
class ApiVersion:
    name: str  # the API version = the spec's file stem = info.version
    spec: Path
    major: int
    patch: int
    package: str  # <major>.<digits>.<patch>


@dataclass(frozen=True)
class Pair:
    old: ApiVersion
    new: ApiVersion

    @property
    def same_major(self) -> bool:
        """The gate then requires the diff to have nothing breaking."""
        return self.old.major == self.new.major

    @property
    def id(self) -> str:
        return f"{self.old.name}->{self.new.name}"


def versions(spec_dir: Path = SPEC_DIR) -> list[ApiVersion]:
    """Every API version in ``spec_dir``, oldest first (the order of the file names)."""
    table = tomllib.loads((spec_dir / VERSIONS_FILE).read_text(encoding="utf-8"))
    found = []
    for path in sorted(p for p in spec_dir.glob("*.yaml") if not p.name.startswith(".")):
        entry = table.get(path.stem, {})
        package = package_version(load_spec(path))
        found.append(
            ApiVersion(
                path.stem, path, int(entry.get("major", 1)), int(entry.get("patch", 0)), package
            )
        )
    return found


def names(spec_dir: Path = SPEC_DIR) -> list[str]:
    return [v.name for v in versions(spec_dir)]


def pairs(spec_dir: Path = SPEC_DIR) -> list[Pair]:
    """Each consecutive pair of API versions (what the diff, changelogs and gate compare)."""
    found = versions(spec_dir)
    return [Pair(a, b) for a, b in zip(found, found[1:], strict=False)]


def latest(spec_dir: Path = SPEC_DIR) -> ApiVersion:
    return versions(spec_dir)[-1]


def released(spec_dir: Path = SPEC_DIR) -> dict[str, str]:
    """API version -> package version published, from ``released.toml`` (empty without it)."""
    path = spec_dir / LOCK_FILE
    if not path.exists():
        return {}
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {v: str(e.get("package", "")) for v, e in table.items() if isinstance(e, dict)}


def next_name(spec_dir: Path = SPEC_DIR, days: int = 7) -> str:
    """A date-named API version ``days`` after the latest: what a test adds as a new version."""
    newest = datetime.date.fromisoformat(latest(spec_dir).name)
    return (newest + datetime.timedelta(days=days)).isoformat()


def versions_entry(name: str, major: int, patch: int = 0) -> str:
    """A ``versions.toml`` entry, as the README tells a maintainer to write it."""
    return f'\n["{name}"]\nmajor = {major}\npatch = {patch}\n'


def copy_spec_extras(target: Path, spec_dir: Path = SPEC_DIR) -> None:
    """Copy what beside the specs shapes their packages into the spec directory ``target``:
    the client annotations (annotations/<version>.yaml; a copy of the specs without them is
    another client) and the recorded surfaces of published packages (released/: the
    changelogs list the client changes since them)."""
    from generator.release.surfaces import SURFACES_DIR

    for name in (ANNOTATIONS_DIR, SURFACES_DIR):
        if (spec_dir / name).is_dir():
            shutil.copytree(spec_dir / name, target / name)
