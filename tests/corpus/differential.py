"""Differential check against openapi-python-client's parser (an independent oracle).

For each corpus document openapi-python-client can read, the operations (method + path) and the
parameters of each (location + wire name) that our intermediate model has must equal what its
parser finds. Every difference is listed with a reason; a difference without a known reason is
``UNEXPLAINED`` and fails the test.

    python -m tests.corpus.differential            # every corpus document
    python -m tests.corpus.differential --only petstore.yaml

Body fields are not compared (openapi-python-client models a body as one argument); cookie
parameters are (we do not support them: a reason).
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.corpus.corpus import CORPUS_DIR, label, spec_paths

Op = tuple[str, str]  # ("GET", "/pets/{}"): path template names normalized (see _op)
Param = tuple[str, str]  # ("query", "limit")
IGNORED_HEADERS = ("accept", "content-type", "authorization")


@dataclass
class Side:
    """What one parser found in a document."""

    ops: dict[Op, set[Param]] = field(default_factory=dict)
    dropped: dict[Op, str] = field(default_factory=dict)  # operations it refused, and why
    omitted: dict[Op, dict[Param, str]] = field(default_factory=dict)  # params it left out
    synthesized: dict[Op, set[Param]] = field(default_factory=dict)  # undeclared path params
    unused: set[Op] = field(default_factory=set)  # declared path params not in the template
    error: str = ""  # the document could not be read at all


@dataclass
class Difference:
    op: Op
    what: str  # "operation only in ours", "query parameter 'x' only in opc"...
    reason: str

    @property
    def explained(self) -> bool:
        return not self.reason.startswith("UNEXPLAINED")


@dataclass
class Comparison:
    spec: str
    ours: Side
    theirs: Side
    differences: list[Difference] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def common(self) -> int:
        return len(set(self.ours.ops) & set(self.theirs.ops))

    @property
    def unexplained(self) -> list[Difference]:
        return [d for d in self.differences if not d.explained]


def our_side(spec: Path) -> Side:
    """Our intermediate model (generator/build, with --skip-unsupported) of ``spec``."""
    from generator.build import build_api
    from generator.errors import SpecError
    from generator.read.load import load_spec

    side = Side()
    try:
        doc = load_spec(spec)
        doc.quiet = True
        api = build_api(doc, skip_unsupported=True)
    except SpecError as exc:
        side.error = exc.message.splitlines()[0]
        return side
    for method in api.all_methods:
        op = _op(method.http_method, method.path.value)
        params = side.ops.setdefault(op, set())
        params.update((p.location, p.wire_name.value) for p in method.params if p.location in _LOCS)
    for warning in doc.warnings:
        text = warning.message
        if " is not declared: generated as a required string argument" in text:
            name = text.split("'", 2)[1]
            path = text.split(" of '", 1)[1].split("'", 1)[0]
            for op in side.ops:
                if op[1] == _op("GET", path)[1]:
                    side.synthesized.setdefault(op, set()).add(("path", name))
        elif "does not appear in the path" in text:
            path = text.split("the path '", 1)[1].split("'", 1)[0]
            side.unused.update(op for op in side.ops if op[1] == _op("GET", path)[1])
    for skipped in api.skipped:
        verb, path = skipped.operation.split(" ", 1)
        side.dropped[_op(verb, path)] = skipped.reason
    for omitted in api.omitted:
        verb, path = omitted.operation.split(" ", 1)
        side.omitted.setdefault(_op(verb, path), {})[(omitted.location, omitted.name)] = (
            omitted.reason
        )
    return side


_LOCS = ("path", "query", "header", "cookie")


def their_side(spec: Path) -> Side:
    """openapi-python-client 0.29.1's parser on the same data (loaded by our loader, which
    reads re-defined YAML anchors; everything else is theirs)."""
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser.openapi import GeneratorData

    from generator.errors import SpecError
    from generator.read.load import load_spec

    side = Side()
    try:
        data = load_spec(spec).data
    except SpecError as exc:
        side.error = f"cannot load: {exc.message}"
        return side
    # literal_enums: its Enum classes refuse duplicate member names (Stripe's timezones)
    config = Config.from_sources(
        ConfigFile(literal_enums=True), MetaType.NONE, spec, "utf-8", True, None
    )
    try:
        generated = GeneratorData.from_dict(copy.deepcopy(data), config=config)
    except Exception as exc:  # noqa: BLE001 - the oracle crashing is a result, not our bug
        side.error = f"crashed: {type(exc).__name__}: {' '.join(str(exc).split())[:160]}"
        return side
    if not isinstance(generated, GeneratorData):
        side.error = f"refused: {generated.header}"
        return side
    for collection in generated.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            op = _op(endpoint.method, _plain(endpoint.path))
            params = side.ops.setdefault(op, set())
            for location, prop in (
                ("path", endpoint.path_parameters),
                ("query", endpoint.query_parameters),
                ("header", endpoint.header_parameters),
                ("cookie", endpoint.cookie_parameters),
            ):
                params.update((location, _plain(p.name)) for p in prop)
        for error in collection.parse_errors:
            header = str(error.header or "")
            if "Endpoint will not be generated" in header:
                verb, path = (
                    header.split("WARNING parsing ", 1)[1].split(" within ", 1)[0].split(" ", 1)
                )
                side.dropped[_op(verb, path)] = " ".join(str(error.detail or "").split())[:160]
    return side


def _op(verb: str, path: str) -> Op:
    """openapi-python-client renames path template variables (``{petId}`` -> ``{pet_id}``):
    operations are matched by method and path shape."""
    import re

    return (verb.upper(), re.sub(r"\{[^{}]*\}", "{}", path))


def _plain(value: Any) -> str:
    getter = getattr(value, "get_untrusted_value", None)
    return str(getter() if getter else value)


def compare(spec: Path) -> Comparison:
    started = time.perf_counter()
    ours, theirs = our_side(spec), their_side(spec)
    result = Comparison(spec=label(spec), ours=ours, theirs=theirs)
    if theirs.error:
        result.seconds = time.perf_counter() - started
        return result  # not a document openapi-python-client can read
    for op in sorted(set(ours.ops) | set(theirs.ops)):
        if op not in theirs.ops:
            reason = theirs.dropped.get(op)
            result.differences.append(
                Difference(
                    op,
                    "operation only in ours",
                    f"openapi-python-client drops it: {reason}"
                    if reason
                    else "UNEXPLAINED: openapi-python-client does not see this operation",
                )
            )
        elif op not in ours.ops:
            reason = ours.dropped.get(op) or ours.error
            result.differences.append(
                Difference(
                    op,
                    "operation only in openapi-python-client",
                    f"we skip it (documented limitation): {reason}"
                    if reason
                    else "UNEXPLAINED: our model does not have this operation",
                )
            )
        else:
            result.differences.extend(_param_differences(op, ours, theirs))
    result.seconds = time.perf_counter() - started
    return result


def _param_differences(op: Op, ours: Side, theirs: Side) -> list[Difference]:
    out = []
    mine, other = ours.ops[op], theirs.ops[op]
    omitted = ours.omitted.get(op, {})
    for location, name in sorted(other - mine):
        what = f"{location} parameter {name!r} only in openapi-python-client"
        if location == "header" and name.lower() in IGNORED_HEADERS:
            reason = "OpenAPI says a header parameter named Accept, Content-Type or "
            reason += "Authorization SHALL be ignored; we ignore it"
        elif (location, name) in omitted:
            reason = f"we leave this optional parameter out: {omitted[(location, name)]}"
        elif location == "path" and (location, name) not in mine and op in ours.unused:
            reason = "declared but not in the path template: we drop it with a warning"
        else:
            reason = "UNEXPLAINED"
        out.append(Difference(op, what, reason))
    for location, name in sorted(mine - other):
        what = f"{location} parameter {name!r} only in ours"
        if location == "path" and (location, name) in ours.synthesized.get(op, set()):
            reason = "in the path template but not declared: we add it as a required string "
            reason += "argument (with a warning); openapi-python-client leaves the URL unfilled"
        else:
            reason = "UNEXPLAINED"
        out.append(Difference(op, what, reason))
    return out


def format_report(results: list[Comparison]) -> str:
    lines = ["spec  ours  opc  common  differences (explained/unexplained)  seconds"]
    for r in results:
        if r.theirs.error:
            lines.append(f"{r.spec}: openapi-python-client cannot read it ({r.theirs.error})")
            continue
        explained = len(r.differences) - len(r.unexplained)
        lines.append(
            f"{r.spec}  {len(r.ours.ops)}  {len(r.theirs.ops)}  {r.common}  "
            f"{explained}/{len(r.unexplained)}  {r.seconds:.1f}"
            + (f"  (our generator refuses it: {r.ours.error})" if r.ours.error else "")
        )
        reasons = Counter(
            (d.what.split(" only in ")[-1], _reason_kind(d.reason)) for d in r.differences
        )
        for (side, kind), count in sorted(reasons.items()):
            lines.append(f"    {count:4d} x only in {side}: {kind}")
        for d in r.unexplained[:20]:
            lines.append(f"    UNEXPLAINED {d.op[0]} {d.op[1]}: {d.what}")
    return "\n".join(lines)


def _reason_kind(reason: str) -> str:
    """A reason without the operation-specific details, for grouping."""
    import re

    text = re.sub(r"<openapi_python_client\.[^>]*>", "…", reason.split(" (send it")[0])
    for marker in ("'", '"'):
        parts = text.split(marker)
        text = marker.join(p if i % 2 == 0 else "…" for i, p in enumerate(parts))
    return text[:150]


def run(specs: list[Path]) -> list[Comparison]:
    return [compare(spec) for spec in specs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.corpus.differential")
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--verbose", action="store_true", help="every difference, one a line")
    args = parser.parse_args(argv)
    specs = [p for p in spec_paths() if not args.only or label(p) in args.only]
    if not specs:
        print(f"no specs in {CORPUS_DIR}", file=sys.stderr)
        return 2
    results = run(specs)
    print(format_report(results))
    if args.verbose:
        for r in results:
            for d in r.differences:
                print(f"{r.spec}: {d.op[0]} {d.op[1]}: {d.what}: {d.reason}")
    return 1 if any(r.unexplained for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
