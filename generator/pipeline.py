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
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import ir
from .blockers import build_and_model, every_blocker
from .build import build_api
from .errors import SpecError
from .ir import Skipped
from .models.source import forget as forget_models_tree
from .output.staged import StagedOutput
from .output.write import read_tree
from .parallel import ModelsAhead, reap
from .read import SpecDocument, load_spec
from .read.overlay import read_overlay
from .read.validate import validate_document
from .read.versions import package_version
from .render.bundle import document_files
from .render.package import model_files, package_files, render_templates

# What writes CHANGELOG.md: given the document and its package facts, the file's text.
Changelog = Callable[[SpecDocument, ir.Package], str]
# The files rendered apart from the models: the templates', and the shipped document's.
Rest = tuple[dict[str, str], dict[str, str]]


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
    # the models' files: checked as one module, so known to compile (output/format.py)
    verified: frozenset[str] = frozenset()
    # each file's text as written, before formatting (output/staged.py): relative path ->
    # its digest, for the next run to link the files made from the same text
    rendered: dict[str, str] = field(default_factory=dict)

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
    meanwhile: Callable[[dict[str, str]], None] | None = None,
    models_meanwhile: Callable[[dict[str, str]], None] | None = None,
) -> tuple[dict[str, str], Report, SpecDocument]:
    """Read, build, model and render one spec; nothing is written.

    ``skip_unsupported``: leave out (and warn about) operations using an unsupported feature
    instead of stopping with that error. ``overlay``: a directory of hand-written modules and
    README sections added to the package (generator/read/overlay.py). ``ref_root``: the
    directory files referenced by ``$ref`` must be under (default: the spec's own).
    ``package``: the package name, instead of ``info.x-sdk.package`` or the one made from
    ``info.title``. ``annotations``: Overlay documents applied as the spec is read (default:
    ``annotations/<stem>.yaml`` beside the spec; generator/read/annotations.py).
    ``meanwhile``: given every file but the models' (and the overlay's) while a worker makes
    the models (generator/parallel.py), if one does; it may not be the final text.
    ``models_meanwhile``: given the models' files in parts as that worker sends them (after
    ``meanwhile``); they too may not be the final text.
    """
    report = Report(spec=spec_path, out=Path())
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.timings[stage] = report.timings.get(stage, 0.0) + now - clock
        clock = now

    def rest(api: ir.Api) -> Rest:  # every file but the models' (and the overlay's)
        text = changelog(doc, api.package) if changelog is not None else None
        return render_templates(api, text, extra), document_files(doc, api.package)

    ahead = ModelsAhead(partial(_beside, rest, meanwhile), models_meanwhile)
    try:  # the worker gets ready while the load, the validation and the build run
        ahead.before_load(spec_path)
        doc = load_spec(
            spec_path, ref_root=ref_root, annotations=annotations, tolerant=skip_unsupported
        )
        extra = read_overlay(overlay) if overlay is not None else None
        ahead.loaded(doc.data)
    except BaseException:
        ahead.stop()
        raise
    lap("load")
    try:
        with ahead:
            found: list[SpecError] = []  # the validator's blockers in parts (default mode)
            invalid = validate_document(
                doc,
                by_operation=skip_unsupported,
                blockers=None if skip_unsupported else found,
                settled=ahead.settled,
            )
            lap("validate")
            if found and not skip_unsupported:
                ahead.stop()  # the models step is never asked

            def build_with(invalid: dict[str, SpecError], skip: bool = skip_unsupported) -> ir.Api:
                return build_api(
                    doc,
                    package_version=package_version(doc),
                    skip_unsupported=skip,
                    package=package,
                    invalid=invalid,
                    planned=ahead.planned,
                )

            if skip_unsupported:
                api, source = build_and_model(doc, invalid, build_with, True, lap, models=ahead)
            else:
                api, source = every_blocker(doc, invalid, found, build_with, lap, models=ahead)
        if ahead.made(source):  # the worker's first attempt: rendered beside it
            (templates, documents), models = ahead.rendered()
        else:  # in this process, or after a blocker changed the api
            (templates, documents), models = rest(api), model_files(source, api.package.name)
        files = package_files(templates, models, api, extra)
        files.update(documents)  # the spec, shipped in the wheel
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
    report.verified = frozenset(models)
    report.skipped = api.skipped
    return files, report, doc


def _beside(
    rest: Callable[[ir.Api], Rest],
    meanwhile: Callable[[dict[str, str]], None] | None,
    api: ir.Api,
) -> Rest:
    """What runs while the models worker makes the models (generator/parallel.py): every other
    file rendered for ``api`` as modelled, and handed to ``meanwhile`` (generate writes and
    formats them: output/staged.py)."""
    made = rest(api)
    if meanwhile is not None:
        meanwhile({**made[0], **made[1]})
    return made


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
    waiting: Callable[[], object] | None = None,
) -> Report:
    """Generate the project for ``spec_path`` into ``out``, atomically. While the models
    worker runs, the other files are written and formatted (output/staged.py); not with an
    overlay, whose modules come last. ``waiting``: called once those are, while the worker
    goes on (the caller's own work that the run's end would otherwise wait for)."""
    staged = StagedOutput(out, spec_path)

    def early(files: dict[str, str]) -> None:
        staged.early(files)
        if waiting is not None:
            waiting()

    with collector_paused():
        try:
            files, report, _ = build(
                spec_path,
                skip_unsupported=skip_unsupported,
                changelog=changelog,
                overlay=overlay,
                ref_root=ref_root,
                package=package,
                annotations=annotations,
                meanwhile=early if overlay is None else None,
                models_meanwhile=staged.ahead if overlay is None else None,
            )
            report.out = out
            clock = time.perf_counter()
            staged.complete(files, trusted=report.verified)
            report.rendered = staged.rendered
            report.timings["format"] = time.perf_counter() - clock
            clock = time.perf_counter()
            staged.replace()
        except BaseException:
            staged.discard()
            raise
        finally:
            reap()  # the models worker, if one answered (generator/parallel.py)
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
