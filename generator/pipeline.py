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

import gc
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from . import ir
from .build import build_api
from .errors import SpecError, combined, problems_of
from .ir import Skipped
from .models import generate_models
from .models.leave_out import (
    culprit,
    schema_graph,
    schema_pointer,
)
from .models.source import forget as forget_models_tree
from .output.format import format_tree
from .output.write import read_tree, replace_dir, staging_dir, write_tree
from .read import SpecDocument, load_spec
from .read.overlay import read_overlay
from .read.refs import unescape
from .read.validate import validate_document
from .read.validator import MAX_REPORTED
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
        found: list[SpecError] = []  # the validator's blockers in parts (default mode)
        invalid = validate_document(
            doc, by_operation=skip_unsupported, blockers=None if skip_unsupported else found
        )
        lap("validate")

        def build_with(invalid: dict[str, SpecError], skip: bool = skip_unsupported) -> ir.Api:
            return build_api(
                doc,
                package_version=package_version(doc),
                skip_unsupported=skip,
                package=package,
                invalid=invalid,
            )

        if skip_unsupported:
            api, models_source = build_and_model(doc, invalid, build_with, True, lap)
        else:
            api, models_source = _every_blocker(doc, invalid, found, build_with, lap)
        text = changelog(doc, api.package) if changelog is not None else None
        files = render_package(api, models_source, changelog=text, overlay=extra)
        files.update(document_files(doc, api.package))  # the spec, shipped in the wheel
        forget_models_tree()  # freeing its ~170,000 nodes takes a moment: counted here
        lap("templates")
    except SpecError as exc:
        if not exc.file:
            raise doc.error(exc.message, exc.pointer) from None
        raise
    finally:
        forget_models_tree()  # the models module's tree, shared by models/ and render/
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
    models_found: dict[str, SpecError] | None = None,
) -> tuple[ir.Api, str]:
    """The build and the models stages. A schema that cannot be modelled (the validator's
    finding in a component schema, with ``skip_unsupported``; or a schema the models stage
    fails on: ``models/leave_out.culprit``, one at a time, until the models are made) is a
    located blocker, every one reported at once; with ``skip_unsupported`` its model is left
    out (a warning; a schema referring to it takes any JSON value there), and so is every
    operation whose arguments or answer name its class (a warning each), built again.
    ``models_found`` receives the models stage's blockers (schema name -> its problem)."""
    left_out = {  # schema name -> its problem
        unescape(where.split("/")[3]): problem
        for where, problem in invalid.items()
        if where.startswith("/components/schemas/")
    }
    api, drop = _leaving_out(doc, invalid, build_with, left_out)
    lap("build")
    blockers = {} if models_found is None else models_found  # found by the models stage
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


class Blocked(SpecError):
    """The default mode's failure: every blocker of every stage reached, and what
    ``--skip-unsupported`` would leave out instead (None when it would stop too)."""

    problems: list[SpecError]
    left_out: LeftOut | None = None


@dataclass(frozen=True)
class LeftOut:
    """What ``--skip-unsupported`` leaves out of a document (for the CLI's hint)."""

    operations: int
    parameters: int  # optional parameters and body fields
    schemas: int  # models


def _every_blocker(
    doc: SpecDocument,
    invalid: dict[str, SpecError],
    found: list[SpecError],
    build_with: Callable[..., ir.Api],
    lap: Callable[[str], None],
) -> tuple[ir.Api, str]:
    """The default mode: the build and models stages as they are; or, once anything blocks
    (``found``: the validator's findings inside operations and component schemas, whose parts
    ``invalid`` names; the build's; the models'), one error listing every blocker of every
    stage. From the first failure on, the stages run again as with ``--skip-unsupported``,
    quietly (nothing is written), leaving out what blocks so that the later stages can report
    theirs. A valid document runs each stage once, as before."""
    problems = list(found)
    if not problems:
        try:
            return build_and_model(doc, invalid, build_with, False, lap)
        except SpecError as exc:
            problems = problems_of(exc)
    quiet, warned, warnings = doc.quiet, set(doc._warned), list(doc.warnings)
    doc.quiet = True  # what --skip-unsupported would say is not this run's to say
    models: dict[str, SpecError] = {}
    left_out: LeftOut | None = None
    try:
        if found:  # the build's blockers, every problem of each operation
            try:
                build_with(invalid)
            except SpecError as exc:
                problems += problems_of(exc)
        skipping = partial(build_with, skip=True)
        api, _ = build_and_model(doc, invalid, skipping, True, lap, models_found=models)
        schemas = {where for where in invalid if where.startswith("/components/schemas/")}
        left_out = LeftOut(len(api.skipped), len(api.omitted), len(schemas) + len(models))
    except SpecError as exc:  # what stops --skip-unsupported too
        problems += problems_of(exc)
    finally:
        doc.quiet, doc._warned, doc.warnings = quiet, warned, warnings
    problems += models.values()
    raise _blocked(doc, problems, left_out)


def _blocked(doc: SpecDocument, problems: list[SpecError], left_out: LeftOut | None) -> Blocked:
    """One error for every problem: located, sorted by file and line, each once, at most
    MAX_REPORTED (then how many more)."""
    unique: dict[str, SpecError] = {}
    for problem in problems:
        if _summary(problem):
            continue
        if not problem.file:
            problem = doc.error(problem.message, problem.pointer)
        unique.setdefault(str(problem), problem)
    ordered = sorted(unique.values(), key=lambda p: (p.file, p.line or 0, p.pointer, p.message))
    shown = ordered[:MAX_REPORTED]
    first = combined(shown)
    message = first.message
    if len(ordered) > len(shown):
        more = len(ordered) - len(shown)
        message += f"\n... and {more} more problem{'s' if more > 1 else ''}"
    error = Blocked(message, file=first.file, pointer=first.pointer, line=first.line)
    error.problems = shown
    error.left_out = left_out
    return error


def _summary(problem: SpecError) -> bool:
    """A closing line of one stage (the build's count of operations with ``--skip-unsupported``
    advice; "nothing to generate" when every operation is left out): not a problem itself."""
    return (problem.pointer == "/paths" and "--skip-unsupported" in problem.message) or (
        "nothing to generate" in problem.message and "skipped" in problem.message
    )


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


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection while a package is generated.

    A run keeps the document, the IR and datamodel-code-generator's parse of every schema alive,
    and Python's cycle collector, which starts every 700 allocations, rescans them again and
    again (stripe.yaml: 2.1 s of the model step's 11.5 s CPU, inside datamodel-code-generator
    and in the parses of the models module; more in the later stages).
    What a run leaves as cyclic garbage is bounded by the document (whose size is limited:
    read/limits.py): it costs memory until the collector, enabled again after the run, frees it
    (stripe.yaml: peak resident memory 435 MiB instead of 367 MiB).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    with collector_paused():
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
