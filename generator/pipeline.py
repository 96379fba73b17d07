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
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import ir
from .build import build_api
from .errors import SpecError, combined
from .ir import Skipped
from .models import generate_models
from .models.leave_out import (
    dependents,
    isolate,
    operations_using,
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
) -> tuple[dict[str, str], Report, SpecDocument]:
    """Read, build, model and render one spec; nothing is written.

    ``skip_unsupported``: leave out (and warn about) operations using an unsupported feature
    instead of stopping with that error. ``overlay``: a directory of hand-written modules and
    README sections added to the package (generator/read/overlay.py). ``ref_root``: the
    directory files referenced by ``$ref`` must be under (default: the spec's own).
    ``package``: the package name, instead of ``info.x-sdk.package`` or the one made from
    ``info.title``.
    """
    report = Report(spec=spec_path, out=Path())
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.timings[stage] = report.timings.get(stage, 0.0) + now - clock
        clock = now

    doc = load_spec(spec_path, ref_root=ref_root)
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
    finding in a component schema, with ``skip_unsupported``; or the models stage's failure,
    narrowed to the schemas that fail on their own: ``models/leave_out.isolate``) is a
    located blocker, every one reported at once; with ``skip_unsupported`` it is left out,
    with every schema referring to it and every operation using one of them (one warning per
    operation, or per schema no operation uses)."""
    left_out = {  # schema name -> its problem
        unescape(where.split("/")[3]): problem
        for where, problem in invalid.items()
        if where.startswith("/components/schemas/")
    }
    while True:
        api, drop = _leaving_out(doc, invalid, build_with, left_out)
        lap("build")
        try:
            source = generate_models(doc.data, api.schemas, api.package.name, frozenset(drop))
        except SpecError:
            found = _blockers(doc, api, drop)
            lap("models")
            if not found or found.keys() <= left_out.keys():
                raise
            if not skip_unsupported:
                problems = sorted(found.values(), key=lambda e: (e.line or 0, e.pointer))
                raise combined(problems) from None
            left_out.update(found)
            continue
        lap("models")
        return replace(api, schemas={k: v for k, v in api.schemas.items() if k not in drop}), source


def _blockers(doc: SpecDocument, api: ir.Api, drop: set[str]) -> dict[str, SpecError]:
    """The schemas the models stage fails on alone, each with its located error."""

    def attempt(leave: frozenset[str]) -> SpecError | None:
        try:
            generate_models(doc.data, api.schemas, api.package.name, leave | drop)
        except SpecError as error:
            return error
        return None

    graph = schema_graph(doc.data, [k for k in api.schemas if k not in drop])
    found = isolate(graph, attempt)
    return {name: _located(doc, name, error) for name, error in found.items()}


def _leaving_out(
    doc: SpecDocument,
    invalid: dict[str, SpecError],
    build_with: Callable[[dict[str, SpecError]], ir.Api],
    left_out: dict[str, SpecError],
) -> tuple[ir.Api, set[str]]:
    """The build without the operations that use a schema of ``left_out``, and the schemas
    left out of the models (``left_out`` and every schema that refers to one of them)."""
    if not left_out:
        return build_with(invalid), set()
    pointers = {schema_pointer(name): name for name in left_out}
    using = operations_using(doc.data, pointers)
    skipped = {
        op: SpecError(
            f"schema {name!r} cannot be generated: {left_out[name].message}",
            pointer=left_out[name].pointer,
        )
        for op, name in using.items()
    }
    for name in sorted(set(left_out) - set(using.values())):
        doc.warn(f"{left_out[name].message}; schema {name!r} left out", left_out[name].pointer)
    api = build_with({**skipped, **invalid})
    return api, dependents(schema_graph(doc.data, api.schemas), left_out)


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
) -> Report:
    """Generate the project for ``spec_path`` into ``out``, atomically."""
    files, report, _ = build(
        spec_path,
        skip_unsupported=skip_unsupported,
        changelog=changelog,
        overlay=overlay,
        ref_root=ref_root,
        package=package,
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
