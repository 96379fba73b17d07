"""One generation: spec file -> project directory, through the stages in order, each once.

    read/     load, $refs, validate                      -> SpecDocument
    build/    extensions, package, operations, types...  -> ir.Api
    models/   component schemas -> models module          (datamodel-code-generator)
    render/   ir.Api -> {path: text}                      (Jinja templates)
    output/   format (ruff), write (atomic)               -> the project directory

Stages are timed for the CLI's report. CHANGELOG.md is not the generator's: the release tools
(generator/release) write it, and the CLI hands it in as ``changelog``.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import ir
from .build import build_api
from .errors import SpecError, combined
from .ir import Skipped
from .models import generate_models
from .models.leave_out import (
    culprit,
    schema_graph,
    schema_pointer,
)
from .output.format import format_tree
from .output.write import read_tree, replace_dir, staging_dir, write_tree
from .read import SpecDocument, load_spec
from .read.overlay import read_overlay
from .read.refs import unescape
from .read.validate import validate_document
from .read.versions import package_version
from .render.bundle import document_files
from .render.package import render_package

# What writes CHANGELOG.md: given the document and its package facts, the file's text.
Changelog = Callable[[SpecDocument, ir.Package], str]


@dataclass
class Report:
    spec: Path
    out: Path
    package_version: str = ""
    package_name: str = ""  # the import (and distribution) name
    client: str = ""  # the sync client class
    api_version: str = ""
    operations: int = 0
    models: int = 0
    files: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    skipped: tuple[Skipped, ...] = ()  # operations left out (only with skip_unsupported)

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())


def build(
    spec_path: Path,
    *,
    skip_unsupported: bool = False,
    changelog: Changelog | None = None,
    overlay: Path | None = None,
    ref_root: Path | None = None,
    package: str | None = None,
    annotations: Sequence[Path] | None = None,
) -> tuple[dict[str, str], Report, SpecDocument]:
    """Read, build, model and render one spec; nothing is written.

    ``skip_unsupported``: leave out (and warn about) operations using an unsupported feature
    instead of stopping with that error. ``overlay``: a directory of hand-written modules and
    README sections added to the package (generator/read/overlay.py). ``ref_root``: the
    directory files referenced by ``$ref`` must be under (default: the spec's own).
    ``package``: the package name, instead of ``info.x-sdk.package`` or the one made from
    ``info.title``. ``annotations``: Overlay documents applied as the spec is read (default:
    ``annotations/<stem>.yaml`` beside the spec; generator/read/annotations.py).
    """
    report = Report(spec=spec_path, out=Path())
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.timings[stage] = report.timings.get(stage, 0.0) + now - clock
        clock = now

    doc = load_spec(
        spec_path, ref_root=ref_root, annotations=annotations, tolerant=skip_unsupported
    )
    extra = read_overlay(overlay) if overlay is not None else None
    lap("load")
    try:
        invalid = validate_document(doc, by_operation=skip_unsupported)
        lap("validate")

        def build_with(invalid: dict[str, SpecError]) -> ir.Api:
            return build_api(
                doc,
                package_version=package_version(doc),
                skip_unsupported=skip_unsupported,
                package=package,
                invalid=invalid,
            )

        api, models_source = build_and_model(doc, invalid, build_with, skip_unsupported, lap)
        text = changelog(doc, api.package) if changelog is not None else None
        files = render_package(api, models_source, changelog=text, overlay=extra)
        files.update(document_files(doc, api.package))  # the spec, shipped in the wheel
        lap("templates")
    except SpecError as exc:
        if not exc.file:
            raise doc.error(exc.message, exc.pointer) from None
        raise
    report.package_version = api.package.version
    report.package_name = api.package.name
    report.client = api.package.client
    report.api_version = api.package.api_version.value
    report.operations = len(api.all_methods)
    report.models = len(api.schemas)
    report.files = len(files)
    report.skipped = api.skipped
    return files, report, doc


def build_and_model(
    doc: SpecDocument,
    invalid: dict[str, SpecError],
    build_with: Callable[[dict[str, SpecError]], ir.Api],
    skip_unsupported: bool,
    lap: Callable[[str], None],
) -> tuple[ir.Api, str]:
    """The build and the models stages. A schema that cannot be modelled (the validator's
    finding in a component schema, with ``skip_unsupported``; or a schema the models stage
    fails on: ``models/leave_out.culprit``, one at a time, until the models are made) is a
    located blocker, every one reported at once; with ``skip_unsupported`` its model is left
    out (a warning; a schema referring to it takes any JSON value there), and so is every
    operation whose arguments or answer name its class (a warning each), built again."""
    left_out = {  # schema name -> its problem
        unescape(where.split("/")[3]): problem
        for where, problem in invalid.items()
        if where.startswith("/components/schemas/")
    }
    api, drop = _leaving_out(doc, invalid, build_with, left_out)
    lap("build")
    blockers: dict[str, SpecError] = {}  # found by the models stage
    while True:
        try:
            source = generate_models(doc.data, api.schemas, api.package.name, frozenset(drop))
            break
        except SpecError as exc:
            found = _blocker(doc, api, drop, exc)
            if found is None or found[0] in blockers or len(blockers) >= _MAX_BLOCKERS:
                raise combined([*_by_line(blockers), exc]) from None
            blockers[found[0]] = found[1]
        if skip_unsupported:
            lap("models")
            api, drop = _leaving_out(doc, invalid, build_with, {**left_out, **blockers})
            lap("build")
        else:
            drop = set(blockers)
    lap("models")
    if blockers and not skip_unsupported:
        raise combined(_by_line(blockers))
    return replace(api, schemas={k: v for k, v in api.schemas.items() if k not in drop}), source


_MAX_BLOCKERS = 20


def _by_line(problems: dict[str, SpecError]) -> list[SpecError]:
    return sorted(problems.values(), key=lambda e: (e.line or 0, e.pointer))


def _blocker(
    doc: SpecDocument, api: ir.Api, drop: set[str], error: SpecError
) -> tuple[str, SpecError] | None:
    """A schema the models stage fails on, with its located error."""

    def attempt(leave: frozenset[str]) -> SpecError | None:
        try:
            generate_models(doc.data, api.schemas, api.package.name, leave | drop)
        except SpecError as problem:
            return problem
        return None

    graph = schema_graph(doc.data, [k for k in api.schemas if k not in drop])
    found = culprit(graph, attempt, error)
    return None if found is None else (found[0], _located(doc, found[0], found[1]))


def _leaving_out(
    doc: SpecDocument,
    invalid: dict[str, SpecError],
    build_with: Callable[[dict[str, SpecError]], ir.Api],
    left_out: dict[str, SpecError],
) -> tuple[ir.Api, set[str]]:
    """The build without the operations whose arguments or answer name a class of
    ``left_out`` (one warning each), and the schemas left out of the models (``left_out``:
    where another schema refers to one, it takes any JSON value; one warning each)."""
    api = build_with(invalid)
    if not left_out:
        return api, set()
    for name in sorted(left_out):
        doc.warn(
            f"{left_out[name].message}; schema {name!r} left out (where another schema refers "
            "to it, any JSON value is taken)",
            left_out[name].pointer,
        )
    classes = {api.schemas[name]: name for name in left_out if name in api.schemas}
    skipped: dict[str, SpecError] = {}
    for method in api.all_methods:
        used = sorted(set(_models_named(method)) & classes.keys())
        if used and method.source_pointer:
            name = classes[used[0]]
            skipped[method.source_pointer] = SpecError(
                f"schema {name!r} cannot be generated: {left_out[name].message}",
                pointer=left_out[name].pointer,
            )
    if skipped:
        api = build_with({**skipped, **invalid})
    return api, set(left_out)


def _models_named(method: ir.Method) -> frozenset[str]:
    """The model classes a method's signature and answer name."""
    found: set[str] = set(method.returns.type.models() | method.returns.cast_type.models())
    for param in method.params:
        found |= param.type.models()
    return frozenset(found)


def _located(doc: SpecDocument, name: str, error: SpecError) -> SpecError:
    """The models stage's error about schema ``name`` alone, located at that schema."""
    where = error.pointer
    if not where.startswith(schema_pointer(name)):
        where = schema_pointer(name)
    return doc.error(error.message, where)


def generate(
    spec_path: Path,
    out: Path,
    *,
    skip_unsupported: bool = False,
    changelog: Changelog | None = None,
    overlay: Path | None = None,
    ref_root: Path | None = None,
    package: str | None = None,
    annotations: Sequence[Path] | None = None,
) -> Report:
    """Generate the project for ``spec_path`` into ``out``, atomically."""
    files, report, _ = build(
        spec_path,
        skip_unsupported=skip_unsupported,
        changelog=changelog,
        overlay=overlay,
        ref_root=ref_root,
        package=package,
        annotations=annotations,
    )
    report.out = out
    clock = time.perf_counter()
    staged = staging_dir(out)
    try:
        write_tree(files, staged)
        format_tree(staged, label=f"{out} (generated from {spec_path})")
        report.timings["format"] = time.perf_counter() - clock
        clock = time.perf_counter()
        replace_dir(staged, out)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    report.timings["write"] = time.perf_counter() - clock
    return report


def generate_to_tree(
    spec_path: Path,
    scratch: Path,
    *,
    changelog: Changelog | None = None,
    overlay: Path | None = None,
) -> dict[str, bytes]:
    """Generate into ``scratch`` and return the tree (for ``check`` and golden tests)."""
    generate(spec_path, scratch, changelog=changelog, overlay=overlay)
    return read_tree(scratch)
