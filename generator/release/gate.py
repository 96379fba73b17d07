"""The release gate (``python -m generator release-check``).

It requires, for every consecutive pair of API versions in a spec directory, that a breaking diff
(``python -m generator diff``, wire and Python surface) comes with a bigger major, that majors
never go down, that every spec has a ``versions.toml`` entry and every entry a spec, that every
``generated/<api-version>/`` carries the version and the ``CHANGELOG.md`` the specs produce, and
that released versions (``released.toml``, lock.py) are unchanged unless their version was bumped,
and that a released client whose surface changed since its recorded surface (surfaces.py) has a
bigger major when the change breaks user code. ``record_releases`` is ``python -m generator
release``: it writes ``released.toml`` and the surfaces.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SpecError
from ..read.load import SpecDocument, load_spec
from ..read.versions import VERSIONS_FILE, api_version_of, package_version
from .changelog import Entry, changelog_for, load, package_of, spec_paths
from .diff import Change, diff_documents, fingerprint, surface_of
from .diff.surface import Surface
from .diff.surface_changes import diff_surfaces
from .lock import LOCK_FILE, Released, compare, read_lock, sha256, tree_hash, write_lock
from .surfaces import SurfaceFileError, read_surface, surface_file, write_surface


@dataclass
class PairCheck:
    old: Entry
    new: Entry
    ok: bool
    verdict: str


@dataclass
class GateReport:
    entries: list[Entry] = field(default_factory=list)  # oldest first
    pairs: list[PairCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    docs: list[SpecDocument] = field(default_factory=list)  # as entries

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        lines = ["API version  package version     from previous              verdict"]
        for entry in self.entries:
            pair = next((p for p in self.pairs if p.new is entry), None)
            if pair is None:
                counts, verdict = "initial release", "ok"
            else:
                diff = entry.diff
                assert diff is not None
                counts = f"{len(diff.breaking)} breaking, {len(diff.compatible)} compatible"
                verdict = pair.verdict
            lines.append(
                f"{entry.api_version:<12} {entry.package_version:<19} {counts:<26} {verdict}"
            )
        lines += [f"note: {n}" for n in self.notes]
        lines += [f"FAIL: {p}" for p in self.problems]
        lines.append("release check: " + ("passed" if self.ok else "FAILED"))
        return "\n".join(lines) + "\n"


def check_releases(spec_dir: Path, generated_dir: Path | None = None) -> GateReport:
    """The release gate over ``spec_dir`` (and ``generated_dir``, when given)."""
    report = GateReport()
    specs = spec_paths(spec_dir)
    if not specs:
        report.problems.append(f"no *.yaml specs in {spec_dir}")
        return report
    versions_path = spec_dir / VERSIONS_FILE
    if not versions_path.exists():
        report.problems.append(f"{versions_path}: missing (one entry per API version)")
        return report
    try:
        table = tomllib.loads(versions_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        report.problems.append(f"{versions_path}: invalid TOML: {exc}")
        return report
    report.docs = docs = []
    for path in specs:
        try:
            doc = load(path)
            version = package_version(doc)
        except SpecError as exc:
            report.problems.append(str(exc))
            continue
        api_version = api_version_of(doc)
        if api_version != path.stem:
            report.problems.append(
                f"{path}: info.version is {api_version!r}; the file must be named after it "
                f"({api_version}.yaml), so that file order is release order"
            )
        docs.append(doc)
        report.entries.append(Entry(api_version or path.stem, version))
    for stale in sorted(set(table) - {api_version_of(d) for d in docs}):
        report.problems.append(
            f'{versions_path}: ["{stale}"] has no spec/{stale}.yaml (remove the entry or add it)'
        )
    for index in range(1, len(report.entries)):
        old, new = report.entries[index - 1], report.entries[index]
        try:
            new.diff = diff_documents(docs[index - 1], docs[index])
        except SpecError as exc:
            report.problems.append(str(exc))
            continue
        new.previous, new.previous_package_version = old.api_version, old.package_version
        hint = _annotations_hint(docs[index - 1], docs[index], new.diff.breaking)
        pair = _judge(old, new, report, hint)
        report.pairs.append(pair)
    _check_frozen(spec_dir, generated_dir, report)
    if generated_dir is not None:
        _check_generated(docs, generated_dir, report)
    return report


def current_release(
    doc: SpecDocument, entry: Entry, generated_dir: Path | None, surface: Surface | None = None
) -> Released:
    """What would be recorded for ``doc``'s API version now (``surface``: its surface_of)."""
    out = generated_dir / entry.api_version if generated_dir is not None else None
    built = out is not None and (out / "pyproject.toml").exists()
    changelog = out / "CHANGELOG.md" if out is not None else None
    return Released(
        api_version=entry.api_version,
        package=entry.package_version,
        spec=sha256(doc.path.read_bytes()),
        annotations=annotations_hash(doc),
        surface=fingerprint(surface_of(doc) if surface is None else surface),
        tree=tree_hash(out) if built and out is not None else "",
        changelog=sha256(changelog.read_bytes()) if changelog and changelog.exists() else "",
    )


def _check_frozen(spec_dir: Path, generated_dir: Path | None, report: GateReport) -> None:
    """Released versions (``released.toml``) are unchanged, or carry a bumped version."""
    recorded, problems = read_lock(spec_dir)
    report.problems += problems
    by_version = dict(zip((e.api_version for e in report.entries), report.docs, strict=True))
    entries = {e.api_version: e for e in report.entries}
    for version, released in recorded.items():
        doc = by_version.get(version)
        if doc is None:
            report.problems.append(
                f"spec/{version}.yaml is gone, but API {version} was released as "
                f"{released.package} (spec/{LOCK_FILE}): released versions stay"
            )
            continue
        try:
            surface = surface_of(doc)
            now = current_release(doc, entries[version], generated_dir, surface)
        except SpecError as exc:
            report.problems.append(str(exc))
            continue
        found, notes = compare(released, now, VERSIONS_FILE)
        annotations_changed = released.annotations != now.annotations and not found
        if released.spec == now.spec:
            # the diff from the recorded surface says more than compare's "changed": use it
            surface_found = _check_surface(spec_dir, released, now, surface, report)
            if surface_found:
                found = [p for p in found if not p.startswith(f"{version}: ")] + surface_found
        report.problems += found
        report.notes += notes
        if annotations_changed:
            major_bumped = now.package.split(".")[0] != released.package.split(".")[0]
            _check_annotations(doc, report, major_bumped=major_bumped)
    unreleased = [e.api_version for e in report.entries if e.api_version not in recorded]
    if unreleased and recorded:
        report.notes.append(f"not released yet: {', '.join(unreleased)}")


def _check_surface(
    spec_dir: Path, released: Released, now: Released, surface: Surface, report: GateReport
) -> list[str] | None:
    """A released (frozen) version's recorded surface (surfaces.py) is intact, and when its
    client changed, the diff to ``surface`` follows the README table (breaking -> major, else
    patch). None when nothing is to say or the record has no surface (the old format:
    compare's fingerprint rule stands)."""
    v, entry = released.api_version, f'["{released.api_version}"] in spec/{VERSIONS_FILE}'
    try:
        path = surface_file(spec_dir, v, released.package)
        if not path.exists():
            if released.surface != now.surface:
                report.notes.append(
                    f"{v}: {released.package} was recorded without its surface (an older "
                    f"released.toml): only its fingerprint is compared, so whether the change "
                    f"breaks user code is yours to judge; `release` records it from now on"
                )
            return None
        recorded = read_surface(path, released.surface)
    except SurfaceFileError as exc:
        return [f"{exc} (written by `python -m generator release`; restore it from git)"]
    if released.surface == now.surface:
        return None
    changes = diff_surfaces(recorded, surface, [], same_wire=True)
    breaking = [c for c in changes if c.breaking]
    since = f"since {released.package} was released"
    if breaking and _major(now.package) <= _major(released.package):
        return [
            f"{v}: the Python client surface changed {since} and breaks user code "
            f"({len(breaking)} breaking change(s), first: {_first(breaking)}): a client-side "
            f"breaking change: bump major of {entry} (README, Versions and releases), then "
            f"`make generate`"
        ]
    if now.package == released.package:
        what = f"first: {_first(changes)}" if changes else "no user-visible change"
        return [
            f"{v}: the Python client surface changed {since} ({len(changes)} compatible "
            f"change(s), {what}), but its version did not: bump patch of {entry}, then "
            f"`make generate`"
        ]
    report.notes.append(
        f"{v}: the Python client surface {since}: {len(breaking)} breaking, "
        f"{len(changes) - len(breaking)} compatible change(s)"
    )
    return []


def _major(package: str) -> int:
    head = package.split(".", 1)[0]
    return int(head) if head.isdigit() else 0


def _first(changes: list[Change], count: int = 3) -> str:
    text = "; ".join(f"{c.operation} {c.location}: {c.message}" for c in changes[:count])
    return text + ("; ..." if len(changes) > count else "")


def annotations_hash(doc: SpecDocument) -> str:
    """sha256 of the client annotations applied to ``doc`` ("" when none)."""
    if not doc.annotations:
        return ""
    return sha256(b"\0".join(a.path.read_bytes() for a in doc.annotations))


def _check_annotations(doc: SpecDocument, report: GateReport, *, major_bumped: bool) -> None:
    """Changed annotations of a released version: a client-only change (the version's patch
    was bumped, or ``compare`` refused already). They may not change the wire (that is a new
    API version) nor break user code: the diff from the document without them to the one with
    them (links add objects; an ``x-sdk-method`` rename would break) has no breaking change,
    unless the version's major was bumped."""
    v = api_version_of(doc) or doc.path.stem
    try:
        bare = load_spec(doc.path, annotations=())
        diff = diff_documents(bare, doc)
    except SpecError as exc:
        report.problems.append(str(exc))
        return
    where = ", ".join(str(a.path.name) for a in doc.annotations) or "(none)"
    wire = diff.layer("wire")
    if wire:
        report.problems.append(
            f"the client annotations of API {v} ({where}) change the wire ({len(wire)} change(s), "
            f"first: {wire[0].operation} {wire[0].location}: {wire[0].message}): a released API "
            f"version is frozen; put the change in a new API version"
        )
    breaking = [c for c in diff.breaking if c.layer != "wire"]
    if breaking and not major_bumped:
        report.problems.append(
            f"the client annotations of API {v} ({where}) break user code ({len(breaking)} "
            f"change(s), first: {breaking[0].operation}: {breaking[0].message}): keep what was "
            f"released and only add (or bump major of the version: README, Versions and releases)"
        )


def record_releases(
    spec_dir: Path, generated_dir: Path, versions: list[str] | None = None
) -> tuple[GateReport, list[Released]]:
    """``python -m generator release``: record ``versions`` (default: every version whose
    package version is not recorded yet) in ``released.toml``, if the gate passes."""
    report = check_releases(spec_dir, generated_dir)
    if not report.ok:
        return report, []
    recorded, _ = read_lock(spec_dir)
    entries = {e.api_version: (e, d) for e, d in zip(report.entries, report.docs, strict=True)}
    unknown = sorted(set(versions or ()) - set(entries))
    if unknown:
        report.problems.append(f"no spec for API version(s) {', '.join(unknown)}")
        return report, []
    wanted = versions or [
        v for v, (e, _) in entries.items()
        if v not in recorded or recorded[v].package != e.package_version
    ]  # fmt: skip
    new = []
    for v in wanted:
        entry, doc = entries[v]
        surface = surface_of(doc)
        try:
            write_surface(spec_dir, v, entry.package_version, surface)
        except SurfaceFileError as exc:
            report.problems.append(str(exc))
            return report, []
        new.append(current_release(doc, entry, generated_dir, surface))
    if new:
        write_lock(spec_dir, {**recorded, **{r.api_version: r for r in new}}.values())
    return report, new


def _annotations_hint(old_doc: SpecDocument, new_doc: SpecDocument, breaking: list[Change]) -> str:
    """What to say when a new API version lost the client annotations of the one before and with
    them its object layer: the usual cause is a forgotten copy, not a wish to break users."""
    lost_objects = any(c.section == "package" and c.operation == "objects" for c in breaking)
    if not lost_objects or not old_doc.annotations or new_doc.annotations:
        return ""
    old_v, new_v = old_doc.path.stem, new_doc.path.stem
    return (
        f". API {old_v} has client annotations (spec/annotations/{old_v}.yaml) and {new_v} "
        f"none: to keep the object layer, copy them to spec/annotations/{new_v}.yaml instead "
        f"(README, Adding an API version)"
    )


def _judge(old: Entry, new: Entry, report: GateReport, hint: str = "") -> PairCheck:
    assert new.diff is not None
    where = f"{old.api_version} -> {new.api_version}"
    if new.major < old.major:
        report.problems.append(
            f"{where}: major went down ({old.major} -> {new.major}); majors never decrease"
        )
        return PairCheck(old, new, False, "major went down")
    if new.diff.is_breaking and new.major == old.major:
        first = new.diff.breaking[0]
        report.problems.append(
            f"{where}: {len(new.diff.breaking)} breaking change(s) but the major stays "
            f'{old.major}: set major = {old.major + 1} for ["{new.api_version}"] in '
            f"spec/{VERSIONS_FILE} (first: {first.operation} {first.location}: {first.message}; "
            f"see `python -m generator diff spec/{old.api_version}.yaml "
            f"spec/{new.api_version}.yaml`){hint}"
        )
        return PairCheck(old, new, False, "breaking without a major bump")
    if new.major > old.major and not new.diff.is_breaking:
        report.notes.append(
            f"{where}: major bumped without a breaking API change (a client-side break?)"
        )
        return PairCheck(old, new, True, "ok (major bumped)")
    return PairCheck(
        old, new, True, "ok (major bumped)" if new.major > old.major else "ok (same major)"
    )


def _check_generated(docs: list[SpecDocument], generated_dir: Path, report: GateReport) -> None:
    for doc, entry in zip(docs, report.entries, strict=True):
        out = generated_dir / entry.api_version
        label = f"{generated_dir.name}/{entry.api_version}"
        if not (out / "pyproject.toml").exists():
            report.problems.append(f"{label}: missing (run `make generate`)")
            continue
        pyproject = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))
        built = str((pyproject.get("project") or {}).get("version"))
        if built != entry.package_version:
            report.problems.append(
                f"{label}: pyproject.toml has version {built}, spec/{VERSIONS_FILE} says "
                f"{entry.package_version} (run `make generate`)"
            )
        changelog = out / "CHANGELOG.md"
        if not changelog.exists():
            report.problems.append(f"{label}: no CHANGELOG.md (run `make generate`)")
            continue
        expected = changelog_for(doc, package_of(doc))
        if changelog.read_text(encoding="utf-8") != expected:
            report.problems.append(
                f"{label}/CHANGELOG.md: not what the specs produce (run `make generate`)"
            )
