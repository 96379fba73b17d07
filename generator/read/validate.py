"""Structural validation of a spec with openapi-spec-validator, reported as file:line: pointer.

This module decides what is reported and how: the validator runs in validator.py (two passes,
each finding located with a JSON pointer), after the checks it relies on: every local ``$ref``
resolves (check_refs.py), no schema contains itself (composition.py), 3.0/3.1 mix-ups are read
with their evident meaning (tolerate.py). Problems that do not stop generation are warnings,
printed and kept in ``doc.warnings``:

* unknown fixed fields (``title`` on an operation): ignored;
* a ``default`` that does not match its schema: the default is not used;
* duplicate enum values, ``required`` names without a property, duplicate operationIds.

The validator's findings depend only on the document text and validator.py, so they are
cached (in memory, and on disk under ``$GENERATOR_CACHE_DIR``, default
``~/.cache/openapi-sdk-generator``): the semantic pass is the slowest stage of a run.
``GENERATOR_CACHE_DIR=off`` disables the disk cache.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import SpecError, combined
from . import validator
from .cache import Finding, cache_key, read_cache, write_cache
from .check_refs import check_refs
from .composition import check_composition_cycles
from .load import SpecDocument
from .parts import UNUSED, part_of, unused_part
from .refs import through_refs
from .tolerate import tolerate
from .validator import MAX_REPORTED, run_validator

MAX_WARNINGS_PER_KIND = 5

_MEMO: dict[str, list[Finding]] = {}
_TOLERATE = Path(__file__).with_name("tolerate.py")
_VALIDATOR = Path(validator.__file__)


def check_version(doc: SpecDocument) -> None:
    """The document is OpenAPI 3.0 or 3.1, else the located error (no mode generates it)."""
    version = doc.data.get("openapi", doc.data.get("swagger", ""))
    if not version:
        raise doc.error("not an OpenAPI document: no 'openapi' field", "")
    version = str(version)
    if "swagger" in doc.data and "openapi" not in doc.data:
        raise doc.error(
            f"Swagger {version} (OpenAPI 2.0) is not supported "
            "(expected OpenAPI 3.0.x or 3.1.x; convert it first, e.g. `npx swagger2openapi "
            f"{doc.path.name} -o openapi.yaml`)",
            "/swagger",
        )
    if not isinstance(doc.data.get("openapi"), str) or not version.startswith(("3.0", "3.1")):
        raise doc.error(f"OpenAPI {version} is not supported (expected 3.0.x or 3.1.x)", "/openapi")


def validate_document(
    doc: SpecDocument,
    *,
    by_operation: bool = False,
    blockers: list[SpecError] | None = None,
    settled: Callable[[bool], None] | None = None,
) -> dict[str, SpecError]:
    """Raise SpecError (up to MAX_REPORTED problems) if the document is not valid OpenAPI.

    ``by_operation`` (``generate --skip-unsupported``): a problem inside one operation or one
    component schema does not stop the run; it is returned instead (operation or schema pointer
    -> its first problem), for the build to leave that operation (every operation using that
    schema: ``models/leave_out.py``) out. ``blockers`` (the default mode, which lists every
    blocker of every stage in one run): when every error lies inside operations or component
    schemas, each is added to it and they are returned as with ``by_operation`` (for the later
    stages to find their blockers too, leaving these parts out); any other error stops the run
    with all of them, as without. ``settled`` is called once the data is as the later stages
    read it (before the validator's own checks), with whether this call changed it (a mix-up
    rewritten, a broken ``$ref`` taken out): the models worker forks before validation
    (generator/parallel.py)."""
    check_version(doc)
    tolerated = tolerate(doc.data)
    report(doc, tolerated)  # 3.0/3.1 mix-ups: warnings, the evident meaning taken
    removed: list[str] = []
    invalid, broken = check_refs(doc, by_operation=by_operation, removed=removed)
    if settled is not None:
        settled(bool(tolerated or removed))
    _check_composition(doc)
    # a broken $ref was taken out of the data: what the validator says about the hole it left
    # is that same problem
    holes = [problem.pointer.removesuffix("/$ref") for problem in broken]
    findings = [
        (kind, message, where)
        for kind, message, where in _findings(doc)
        if kind != "error" or not any(where == h or where.startswith(h + "/") for h in holes)
    ]
    found = report(doc, findings, by_operation=by_operation, also=broken, blockers=blockers)
    for where, problem in found.items():
        invalid.setdefault(where, problem)
    return invalid


def _check_composition(doc: SpecDocument) -> None:
    schemas = doc.data.get("components")
    schemas = schemas.get("schemas") if isinstance(schemas, dict) else None
    if isinstance(schemas, dict):
        try:
            check_composition_cycles(schemas)
        except SpecError as exc:
            raise doc.error(exc.message, exc.pointer) from None


def report(
    doc: SpecDocument,
    findings: list[Finding],
    *,
    by_operation: bool = False,
    also: list[SpecError] | None = None,
    blockers: list[SpecError] | None = None,
) -> dict[str, SpecError]:
    """Print the warnings, raise the errors (after ``also``, found before); with
    ``by_operation``, return those inside an operation instead (pointer -> its first error);
    with ``blockers``, the same when every error is inside one, each added to ``blockers``."""
    counts: dict[str, int] = {}
    findings = [(kind, message, _written_at(doc, where)) for kind, message, where in findings]
    findings = [
        ("unused part", f"{message}: ignored ({UNUSED})", where)
        if kind == "error" and unused_part(where)
        else (kind, message, where)
        for kind, message, where in findings
    ]
    invalid: dict[str, SpecError] = {}
    if by_operation:
        for kind, message, where in findings:
            operation = part_of(where) if kind == "error" else ""
            if operation:
                invalid.setdefault(operation, doc.error(message, where))
        findings = [f for f in findings if f[0] != "error" or not part_of(f[2])]
    for kind, message, where in findings:
        if kind == "error":
            continue
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= MAX_WARNINGS_PER_KIND:
            doc.warn(message, where)
    for kind, count in counts.items():
        if count > MAX_WARNINGS_PER_KIND:
            doc.warn(
                f"... and {count - MAX_WARNINGS_PER_KIND} more warnings like these ({kind})", ""
            )
    problems = [*(also or []), *(doc.error(m, w) for kind, m, w in findings if kind == "error")]
    if blockers is not None and problems and all(part_of(p.pointer) for p in problems):
        for problem in problems:
            invalid.setdefault(part_of(problem.pointer), problem)
        blockers.extend(problems)
        return invalid
    problems = problems[:MAX_REPORTED]
    if problems:
        raise combined(problems)
    return invalid


def _written_at(doc: SpecDocument, where: str) -> str:
    """A finding in a component schema that the validator reached through an operation's
    ``$ref`` is located where the schema is written (so every operation using it is left out
    with ``--skip-unsupported``, and the line is the schema's)."""
    written = through_refs(doc.data, where)
    return written if written.startswith("/components/schemas/") else where


def _findings(doc: SpecDocument) -> list[Finding]:
    # the validator sees the document as tolerate() left it: its rules are part of the key
    annotated = "".join("\0" + a.text for a in doc.annotations)  # they change the data
    key = cache_key(doc.text + annotated + "\0" + _TOLERATE.read_text(encoding="utf-8"), _VALIDATOR)
    if key in _MEMO:
        return _MEMO[key]
    cached = read_cache(key)
    if cached is None:
        cached = run_validator(doc.data)
        write_cache(key, cached)
    _MEMO[key] = cached
    return cached
