"""A package's release history and its CHANGELOG.md.

Two sources, nothing else (README.md, "Versions and releases"):

* the API version is ``info.version`` of ``spec/<api-version>.yaml`` (the file is named after it);
* the package version is ``<major>.<API version digits>.<patch>`` with ``major`` and ``patch``
  from ``spec/versions.toml`` (``generator.read.versions.package_version``, the one formula).

The API versions of a spec directory are its ``*.yaml`` files in name order (ISO dates sort).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from .. import ir
from ..build.extensions import read_extensions
from ..build.package import package_facts
from ..errors import SpecError
from ..read.annotations import annotations_of
from ..read.load import SpecDocument, load_spec
from ..read.versions import VERSIONS_FILE, api_version_of, package_version
from ..render.environment import environment
from .diff import Change, DiffResult, diff_documents, surface_of
from .diff.surface_changes import diff_surfaces
from .surfaces import SurfaceFileError, previous_surface, read_surface

CLIENT_LINES = 20  # per group (breaking, added, changed) of a client-only release


def spec_paths(spec_dir: Path) -> list[Path]:
    """Every API version's spec in a directory, oldest first (as ``commands.layout.spec_files``)."""
    return sorted(p for p in spec_dir.glob("*.yaml") if not p.name.startswith("."))


@functools.lru_cache(maxsize=32)
def _load_cached(path: Path, stats: tuple[tuple[int, int], ...]) -> SpecDocument:
    return load_spec(path)


def load(path: Path) -> SpecDocument:
    """A spec document, loaded once per process while the file (and its client annotations,
    annotations/<stem>.yaml) are unchanged."""
    stats = tuple((p.stat().st_mtime_ns, p.stat().st_size) for p in (path, *annotations_of(path)))
    return _load_cached(path.resolve(), stats)


@dataclass
class Entry:
    """One API version in a package's history: its release and the diff from the one before."""

    api_version: str
    package_version: str
    previous: str | None = None  # the previous API version; None for the first one
    previous_package_version: str | None = None
    diff: DiffResult | None = None
    # A client-only release: the recorded package of this API version it follows, and the
    # changes of the Python surface since (``client_release``)
    released_as: str | None = None
    client: list[Change] = field(default_factory=list)

    @property
    def major(self) -> int:
        return int(self.package_version.split(".", 1)[0])

    @property
    def breaking(self) -> list[str]:
        return [changelog_line(c) for c in (self.diff.breaking if self.diff else [])]

    @property
    def compatible(self) -> list[str]:
        return [changelog_line(c) for c in (self.diff.compatible if self.diff else [])]

    @property
    def client_groups(self) -> list[tuple[str, int, list[str]]]:
        """(heading, number of changes, lines) of the client-only changes: breaking, added,
        changed; each group at most ``CLIENT_LINES`` lines and a count of the rest."""
        groups: dict[str, list[Change]] = {"breaking": [], "added": [], "changed": []}
        for c in self.client:
            key = "breaking" if c.breaking else "added" if c.before is None else "changed"
            groups[key].append(c)
        found = []
        for name, changes in groups.items():
            lines = [changelog_line(c) for c in changes[:CLIENT_LINES]]
            if len(changes) > CLIENT_LINES:
                lines.append(f"... and {len(changes) - CLIENT_LINES} more")
            found.append((name, len(changes), lines))
        return found


def changelog_line(change: Change) -> str:
    """``POST /runs`` — ``request body (application/json): lora_rank``: new optional field;
    a class or method of the package as itself: ``FileObject.delete()`` removed (object layer)."""
    if change.is_package_name:
        return change.line()
    op = f"`{change.operation}`" if change.operation else "document"
    return f"{op} — {change.line()}"


def history(spec: Path | SpecDocument) -> list[Entry]:
    """The releases up to ``spec``, newest first, each with the diff from its predecessor.

    In a directory without ``versions.toml`` (a stand-alone spec) the history is the spec alone.
    """
    doc = spec if isinstance(spec, SpecDocument) else load(spec)
    path = doc.path
    own = Entry(api_version_of(doc) or path.stem, package_version(doc))
    if not (path.parent / VERSIONS_FILE).exists():
        return [own]
    siblings = spec_paths(path.parent)
    if path.resolve() not in [p.resolve() for p in siblings]:
        return [own]
    chain = [p for p in siblings if p.name <= path.name]
    docs = [doc if p.resolve() == path.resolve() else load(p) for p in chain]
    entries: list[Entry] = []
    for index, current in enumerate(docs):
        entry = Entry(api_version_of(current) or current.path.stem, package_version(current))
        if index:
            before = docs[index - 1]
            entry.previous = api_version_of(before) or before.path.stem
            entry.previous_package_version = package_version(before)
            entry.diff = diff_documents(before, current)
        entries.append(entry)
    client_release(doc, entries[-1])
    return entries[::-1]


def client_release(doc: SpecDocument, entry: Entry) -> None:
    """When a package of ``doc``'s API version below ``entry``'s was recorded with its surface
    (spec/released/, surfaces.py), ``entry`` is a client-only release after it: fill in the
    Python surface changes since (the diff the release gate judges)."""
    found = previous_surface(doc.path.parent, entry.api_version, entry.package_version)
    if found is None:
        return
    package, path = found
    try:
        recorded = read_surface(path)
    except SurfaceFileError as exc:
        raise SpecError(f"{exc} (written by `python -m generator release`)") from None
    entry.released_as = package
    entry.client = diff_surfaces(recorded, surface_of(doc), [], same_wire=True)


def render_changelog(pkg: ir.Package, entries: list[Entry]) -> str:
    """CHANGELOG.md of ``pkg`` from its history (``history()``, newest first)."""
    template = environment().get_template("package/CHANGELOG.md.jinja")
    return template.render(pkg=pkg, changelog=entries)


def package_of(doc: SpecDocument) -> ir.Package:
    """The package facts of a spec, as the build stage derives them."""
    return package_facts(doc, read_extensions(doc), package_version(doc))


def changelog_for(doc: SpecDocument, pkg: ir.Package) -> str:
    """The CHANGELOG.md the generator writes for ``doc``'s package (``pipeline.Changelog``)."""
    return render_changelog(pkg, history(doc))


def changelog_text(spec: Path) -> str:
    """The CHANGELOG.md the generator writes for ``spec``'s package."""
    doc = load(spec)
    return changelog_for(doc, package_of(doc))
