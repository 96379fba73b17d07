"""What blocks a generation, and what ``--skip-unsupported`` leaves out instead.

The pipeline's build and models stages run through here (``build_and_model``). A schema that
cannot be modelled, or an operation that cannot be built, is a located blocker: with
``--skip-unsupported`` it is left out (one warning each, and so is every operation whose
signature names a left-out model); in the default mode ``every_blocker`` keeps going, quietly,
as ``--skip-unsupported`` would, so that one run reports every blocker of every stage it can
reach (``Blocked``, sorted by file and line, bounded), and the CLI's hint says what would be
left out (``LeftOut``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import partial

from . import ir
from .errors import SpecError, combined, problems_of
from .models import generate_models
from .models.leave_out import culprit, schema_graph, schema_pointer
from .read import SpecDocument
from .read.refs import unescape
from .read.validator import MAX_REPORTED

# The models step: the api as built and the schemas left out -> the models module's source
# (default: generate_models; the pipeline's may run it in a worker: generator/parallel.py).
ModelsStep = Callable[[ir.Api, frozenset[str]], str]


def build_and_model(
    doc: SpecDocument,
    invalid: dict[str, SpecError],
    build_with: Callable[[dict[str, SpecError]], ir.Api],
    skip_unsupported: bool,
    lap: Callable[[str], None],
    models_found: dict[str, SpecError] | None = None,
    models: ModelsStep | None = None,
) -> tuple[ir.Api, str]:
    """The build and the models stages. A schema that cannot be modelled (the validator's
    finding in a component schema, with ``skip_unsupported``; or a schema the models stage
    fails on: ``models/leave_out.culprit``, one at a time, until the models are made) is a
    located blocker, every one reported at once; with ``skip_unsupported`` its model is left
    out (a warning; a schema referring to it takes any JSON value there), and so is every
    operation whose arguments or answer name its class (a warning each), built again.
    ``models_found`` receives the models stage's blockers (schema name -> its problem).
    ``models`` makes the first attempt's models (the ones after a blocker, and the search for
    it, are generate_models' here)."""
    left_out = {  # schema name -> its problem
        unescape(where.split("/")[3]): problem
        for where, problem in invalid.items()
        if where.startswith("/components/schemas/")
    }
    api, drop = _leaving_out(doc, invalid, build_with, left_out)
    lap("build")
    blockers = {} if models_found is None else models_found  # found by the models stage
    first = models  # the first attempt (then generate_models, here)
    while True:
        try:
            if first is not None:
                source = first(api, frozenset(drop))
            else:
                source = generate_models(doc.data, api.schemas, api.package.name, frozenset(drop))
            break
        except SpecError as exc:
            found = _blocker(doc, api, drop, exc)
            if found is None or found[0] in blockers or len(blockers) >= _MAX_BLOCKERS:
                raise combined([*_by_line(blockers), exc]) from None
            blockers[found[0]] = found[1]
            first = None
        if skip_unsupported:
            lap("models")
            api, drop = _leaving_out(doc, invalid, build_with, {**left_out, **blockers})
            lap("build")
        else:
            drop = set(blockers)
    lap("models")
    if blockers and not skip_unsupported:
        raise combined(_by_line(blockers))
    return modelled(api, drop), source


def modelled(api: ir.Api, left_out: Collection[str]) -> ir.Api:
    """The api as its models are made: without the schemas left out."""
    return replace(api, schemas={k: v for k, v in api.schemas.items() if k not in left_out})


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


def every_blocker(
    doc: SpecDocument,
    invalid: dict[str, SpecError],
    found: list[SpecError],
    build_with: Callable[..., ir.Api],
    lap: Callable[[str], None],
    models: ModelsStep | None = None,
) -> tuple[ir.Api, str]:
    """The default mode: the build and models stages as they are; or, once anything blocks
    (``found``: the validator's findings inside operations and component schemas, whose parts
    ``invalid`` names; the build's; the models'), one error listing every blocker of every
    stage. From the first failure on, the stages run again as with ``--skip-unsupported``,
    quietly (nothing is written), leaving out what blocks so that the later stages can report
    theirs. A valid document runs each stage once, as before (``models``: its models step,
    as build_and_model's)."""
    problems = list(found)
    if not problems:
        try:
            return build_and_model(doc, invalid, build_with, False, lap, models=models)
        except SpecError as exc:
            problems = problems_of(exc)
    quiet, warned, warnings = doc.quiet, set(doc._warned), list(doc.warnings)
    doc.quiet = True  # what --skip-unsupported would say is not this run's to say
    modelling: dict[str, SpecError] = {}  # the models stage's blockers
    left_out: LeftOut | None = None
    try:
        if found:  # the build's blockers, every problem of each operation
            try:
                build_with(invalid)
            except SpecError as exc:
                problems += problems_of(exc)
        skipping = partial(build_with, skip=True)
        api, _ = build_and_model(doc, invalid, skipping, True, lap, models_found=modelling)
        schemas = {where for where in invalid if where.startswith("/components/schemas/")}
        left_out = LeftOut(len(api.skipped), len(api.omitted), len(schemas) + len(modelling))
    except SpecError as exc:  # what stops --skip-unsupported too
        problems += problems_of(exc)
    finally:
        doc.quiet, doc._warned, doc.warnings = quiet, warned, warnings
    problems += modelling.values()
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
