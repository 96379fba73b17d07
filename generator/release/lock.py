"""Released versions are frozen: ``spec/released.toml`` records what was published.

``python -m generator release [API-VERSION ...]`` (after ``twine upload``) writes one entry per
published API version: the package version, and sha256 hashes of the spec document, of the
generated client's Python surface (``diff.surface.fingerprint``), of ``generated/<v>/`` and of
its ``CHANGELOG.md``. The release gate (gate.py, ``check_frozen``) then fails when:

* a released spec document changed in any way (the API version is frozen: the change belongs in
  a new API version, README "Adding an API version");
* its client annotations (``annotations/<v>.yaml``, generator/read/annotations.py) changed while
  its package version stayed the one published (a client-only change: ``patch`` + 1; gate.py
  also requires that they leave the wire alone and break no user code);
* a released version's client surface, package or changelog changed while its package version
  stayed the one published (a client-only change needs ``patch`` + 1, or ``major`` + 1 when it
  breaks user code, in ``versions.toml``; gate.py tells which from the surface ``release``
  recorded beside this file, surfaces.py);
* a released version's package version went down, or its spec was deleted.

A bumped version that is not yet recorded is a pending release (a note), recorded by running
``release`` again once it is published. The file is written only by the command, never by hand.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from packaging.version import InvalidVersion, Version

from ..output.write import read_tree

LOCK_FILE = "released.toml"
HEADER = """\
# Released API versions, written by `python -m generator release` (README, "Versions and
# releases"): never edited by hand. For each published version, its package version and sha256
# hashes of what was published. `make release-check` fails when a released spec changes (add a
# new API version instead) or when its client, package or changelog changes without a version
# bump in versions.toml.
"""
FIELDS = ("package", "spec", "annotations", "surface", "tree", "changelog")
REQUIRED = ("package", "spec", "surface")


@dataclass(frozen=True)
class Released:
    """One published API version, as recorded (or as it is now, to compare)."""

    api_version: str
    package: str  # the package version published
    spec: str  # sha256 of spec/<v>.yaml
    surface: str  # fingerprint of the Python surface
    annotations: str = ""  # sha256 of its client annotations ("" when it has none)
    tree: str = ""  # sha256 of generated/<v>/ ("" when not checked)
    changelog: str = ""  # sha256 of generated/<v>/CHANGELOG.md ("" when not checked)


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def tree_hash(directory: Path) -> str:
    """sha256 over every file of a generated package (path and bytes, in path order)."""
    digest = hashlib.sha256()
    for rel, data in read_tree(directory).items():
        digest.update(rel.encode("utf-8") + b"\0" + sha256(data).encode("ascii") + b"\n")
    return "sha256:" + digest.hexdigest()


def read_lock(spec_dir: Path) -> tuple[dict[str, Released], list[str]]:
    """The recorded releases of a spec directory, and what is wrong with the file."""
    path = spec_dir / LOCK_FILE
    if not path.exists():
        return {}, []
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{path}: invalid TOML: {exc} (it is written by `python -m generator release`)"]
    found: dict[str, Released] = {}
    problems: list[str] = []
    for version, entry in table.items():
        values = entry if isinstance(entry, dict) else {}
        if not all(isinstance(values.get(f), str) for f in REQUIRED):
            problems.append(f'{path}: ["{version}"] needs package, spec and surface strings')
            continue
        found[version] = Released(version, **{f: str(values.get(f, "")) for f in FIELDS})
    return found, problems


def write_lock(spec_dir: Path, releases: Iterable[Released]) -> Path:
    """Write ``released.toml`` (sorted by API version)."""
    lines = [HEADER]
    for r in sorted(releases, key=lambda r: r.api_version):
        lines.append(f'["{r.api_version}"]')
        lines += [f'{f} = "{getattr(r, f)}"' for f in FIELDS if f in REQUIRED or getattr(r, f)]
        lines.append("")
    path = spec_dir / LOCK_FILE
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def compare(recorded: Released, now: Released, versions_file: str) -> tuple[list[str], list[str]]:
    """(problems, notes) of one released version as it is ``now``."""
    v = recorded.api_version
    entry = f'["{v}"] in spec/{versions_file}'
    if recorded.spec != now.spec:
        return [
            f"spec/{v}.yaml changed after API {v} was released (as {recorded.package}): a "
            f"released API version is frozen. Restore it (`git checkout -- spec/{v}.yaml`) and "
            f"put the change in a new API version: copy it to spec/<new>.yaml, set "
            f'info.version, add ["<new>"] to spec/{versions_file} (README "Adding an API '
            f'version")'
        ], []
    try:
        went_down = Version(now.package) < Version(recorded.package)
    except InvalidVersion:
        went_down = False
    if went_down:
        return [f"{v}: package version {now.package} is below the released {recorded.package}"], []
    if now.package == recorded.package and recorded.annotations != now.annotations:
        return [
            f"the client annotations of API {v} (spec/annotations/{v}.yaml) changed since "
            f"{recorded.package} was released, but its version did not: a client-only change, "
            f"bump patch of {entry}, then `make generate`"
        ], []
    if now.package != recorded.package:
        return [], [
            f"{v}: {now.package} is not released yet ({recorded.package} is); after publishing "
            f"it, run `python -m generator release {v}`"
        ]
    changed = []
    if recorded.surface != now.surface:
        changed.append("its Python client surface (methods, arguments, returns, classes)")
    if recorded.changelog and now.changelog and recorded.changelog != now.changelog:
        changed.append("its CHANGELOG.md")
    if recorded.tree and now.tree and recorded.tree != now.tree and not changed:
        changed.append(f"generated/{v}/ (a generator, template or runtime change)")
    if not changed:
        return [], []
    return [
        f"{v}: {' and '.join(changed)} changed since {recorded.package} was released, but its "
        f"version did not: bump patch of {entry} (or major, if user code breaks: see "
        f"`python -m generator diff`), then `make generate`"
    ], []
