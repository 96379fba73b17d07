"""THE place where a spec field becomes a Python argument: ``argument()``.

A path, query or header parameter (generator/build/parameters.py) and a property of a request
body (generator/build/bodies.py) both end here: the Python name (``x-sdk-name`` or the wire
name, made an identifier that is none of ``reserved.RESERVED_ARGUMENTS``, the names the generated
method itself uses), the type, the default, what is sent when, and the constraints the
runtime checks before sending. ``order()`` then puts a method's arguments in signature order.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from .. import ir
from ..ir import types as t
from ..naming import argument_name, comparison_words, unique
from ..reserved import RESERVED_ARGUMENTS
from ..spectext import SpecText, SpecValue, prose
from .context import Context
from .schemas import compiles, dedupe_values, is_nullable, is_plain, primary_type
from .types import TypeBuilder

CONSTRAINT_KEYS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
)


def argument(
    ctx: Context,
    types: TypeBuilder,
    *,
    wire_name: str,
    py_name: str | None,
    location: str,
    schema: Any,
    schema_ptr: str,
    required: bool,
    description: str,
    for_body: bool,
) -> ir.Param:
    """One argument of a generated method, from a parameter or a body property."""
    resolved, _ = ctx.deref(schema, schema_ptr)
    if not isinstance(resolved, dict):
        resolved = {}
    kind = types.of(schema, schema_ptr, request=True)
    base = kind
    # A path parameter is always required: a default there means nothing (and a positional
    # argument with a default cannot precede one without).
    default = spec_default(resolved, kind) if location != "path" else None
    if not description:
        description = prose(resolved.get("description"))
    if location == "file":
        kind = base = t.FILE_INPUT
        default = None
    send = "always"
    server_default = None
    nulls = is_nullable(resolved) and for_body and location == "body"
    if required and default is None:
        chosen: ir.Default | None = None
    elif default is not None and (required or not for_body or _one_value(resolved)):
        # (a body field that can hold one value only, with it as its default, is a tag: the
        # `type: ideal` that tells a oneOf's members apart. It is always sent, as in a model.)
        chosen = default
    elif default is not None or nulls:
        # A body field with a spec default is sent only when given, and the server applies
        # its default otherwise: sending the default would overwrite what is stored on every
        # update (GitHub's PATCH /repos/{owner}/{repo} would send `private: false` and
        # `archived: false` with a new description). The default is in the docstring.
        # None is a value the API accepts for a nullable field, and JSON can carry it (a form
        # field, a query parameter or a header cannot: there None is "left out", as
        # everywhere else): so "not given" needs a sentinel of its own. The package README
        # states the rule.
        kept = (t.without_optional(base), t.NONE) if nulls else (t.without_optional(base),)
        kind = t.UnionOf((*kept, t.NOT_GIVEN))
        chosen, send = ir.NOT_GIVEN_DEFAULT, "if_given"
        server_default = default.value if default is not None else None
    else:
        kind = t.optional(base)
        chosen, send = ir.NO_DEFAULT_NONE, "if_not_none"
    rules = constraints(ctx, resolved, schema_ptr)
    if for_body and send != "if_not_none" and location != "file" and not is_nullable(resolved):
        # A body field sent whatever it holds, which the API does not allow to be null: None
        # (from untyped code, a JSON file) fails before sending instead of going out as null.
        # (None for a parameter means "not sent"; a path parameter has its own check.)
        rules["nullable"] = False
    return ir.Param(
        name=argument_name(py_name or comparison_words(wire_name, dated=_dated(resolved))),
        wire_name=SpecText(wire_name),
        location=location,
        type=kind,
        required=required,
        default=chosen,
        description=SpecText(description),
        positional=location == "path",
        constraints=SpecValue(rules),
        send=send,
        server_default=server_default,
    )


def _one_value(schema: dict[str, Any]) -> bool:
    """A schema that allows one value only: a ``const``, or an ``enum`` of one member."""
    enum = schema.get("enum")
    return "const" in schema or (isinstance(enum, list) and len(enum) == 1)


def _dated(schema: dict[str, Any]) -> bool:
    """A date or a date-time (its comparisons read ``before``/``after``)."""
    return schema.get("format") in ("date", "date-time")


def whole_body(kind: t.Type, required: bool) -> ir.Param:
    """``body``: a request body that is not an object with properties, passed whole."""
    return ir.Param(
        name="body",
        wire_name=SpecText(""),
        location="body",
        type=kind if required else t.optional(kind),
        required=required,
        default=None if required else ir.NO_DEFAULT_NONE,
        description=SpecText("The request body."),
        positional=False,
        send="always" if required else "if_not_none",
    )


def spec_default(schema: dict[str, Any], kind: t.Type) -> ir.Default | None:
    """The Python default of an argument, or None when the spec's default does not fit its
    type (an ill-typed default is left to the server rather than breaking type checks)."""
    if "default" not in schema:
        return None
    value = schema["default"]
    if value is None or not _is_literal(value):
        return None
    found = ir.Default(SpecValue(value))
    enum = schema.get("enum")
    if isinstance(enum, list) and value not in enum:
        return None
    if any(isinstance(node, t.LiteralOf) for node in kind.walk()):
        if not isinstance(enum, list) and schema.get("const", value) != value:
            return None
        return found
    json_type = primary_type(schema)
    fits = {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
    }.get(json_type or "", False)
    if not fits or (json_type == "string" and schema.get("format") == "binary"):
        return None
    return found


def _is_literal(value: Any) -> bool:
    """A scalar that can be a Python default (lists and objects would be shared mutable
    defaults: they are left to the server)."""
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return isinstance(value, (bool, int, float, str))


def constraints(
    ctx: Context, resolved: dict[str, Any], where: str, depth: int = 0
) -> dict[str, Any]:
    """What the runtime checks an argument against before sending, in any location (generated
    as ``<OP>_CONSTRAINTS``): the schema's bounds, pattern, enum and type, and for an array the
    same of its items."""
    found: dict[str, Any] = {}
    for key in CONSTRAINT_KEYS:
        value = resolved.get(key)
        if isinstance(value, bool):  # OpenAPI 3.0 boolean exclusive bounds
            continue
        if key == "pattern":
            if isinstance(value, str) and compiles(value):
                found[key] = value
        elif isinstance(value, (int, float)) and math.isfinite(value):
            found[key] = value
    if resolved.get("exclusiveMinimum") is True and "minimum" in found:
        found["exclusiveMinimum"] = found.pop("minimum")
    if resolved.get("exclusiveMaximum") is True and "maximum" in found:
        found["exclusiveMaximum"] = found.pop("maximum")
    enum = resolved.get("enum")
    if isinstance(enum, list) and enum and all(is_plain(v) for v in enum if v is not None):
        values = dedupe_values([v for v in enum if v is not None])
        if values:
            found["enum"] = values
    kind = primary_type(resolved)
    if kind in ("string", "integer", "number", "boolean", "array") and resolved.get(
        "format"
    ) not in ("binary", "date-time", "date"):
        found["type"] = kind
    if kind == "array" and depth == 0 and isinstance(resolved.get("items"), dict):
        items, items_ptr = ctx.deref(resolved["items"], f"{where}/items")
        inner = constraints(ctx, items, items_ptr, 1) if isinstance(items, dict) else {}
        if inner:
            found["items"] = inner
    return found


def order(
    ctx: Context, params: list[ir.Param], positional: list[str], where: str, path_names: list[str]
) -> tuple[ir.Param, ...]:
    """Signature order: path parameters (in path order), then the ``x-sdk-positional`` names,
    then everything else keyword-only in spec order. Python names are made unique here: by
    place first (``_told_apart``), then ``name_2``, ``name_3``... in spec order."""
    taken: set[str] = set()
    unique_params: list[ir.Param] = []
    for p, wanted in zip(params, _told_apart(params), strict=True):
        name = unique(wanted, taken)  # what is left: two of one place (`fromDate`, `from_date`)
        taken.add(name)
        unique_params.append(replace(p, name=name) if name != p.name else p)
    by_name = {p.name: p for p in unique_params}
    in_path = sorted(
        (p for p in unique_params if p.location == "path"),
        key=lambda p: path_names.index(p.wire_name.value) if p.wire_name.value in path_names else 0,
    )
    ordered: list[ir.Param] = list(in_path)
    for key in positional:
        if key not in by_name:
            raise ctx.fail(f"x-sdk-positional names {key!r}, which is not an argument", where)
        if by_name[key] not in ordered:
            ordered.append(replace(by_name[key], positional=True))
    ordered = [replace(p, positional=True) for p in ordered]
    names = {p.name for p in ordered}
    ordered.extend(p for p in unique_params if p.name not in names)
    # Positional arguments with a default must not come before ones without.
    seen_default = False
    for p in ordered:
        if not p.positional:
            break
        if p.default is not None:
            seen_default = True
        elif seen_default:
            raise ctx.fail(
                f"positional argument {p.name!r} without default follows one with a default",
                where,
            )
    return tuple(ordered)


# Of arguments of one name from different places, the first place here keeps the name; the
# others are prefixed with theirs (a form field or file part is a body field).
_PLACES = ("path", "query", "header", "cookie", "body", "form", "file")
_PREFIXES = {"form": "body", "file": "body"}


def _told_apart(params: list[ir.Param]) -> list[str]:
    """Each argument's name, the name shared by arguments of different places prefixed with the
    place of all but one: Kubernetes' ``dryRun`` query parameter stays ``dry_run``, its
    ``DeleteOptions`` body field ``dryRun`` is ``body_dry_run``; a query ``path`` beside the
    path parameter ``path`` is ``query_path`` (not ``dry_run_2``, ``path_2``: which was which?).
    Path, then query, header, cookie, body: the order is the rule, not the spec's order."""
    places: dict[str, set[str]] = {}
    for p in params:
        places.setdefault(p.name, set()).add(p.location)
    names = []
    for p in params:
        shared = places[p.name]
        if len(shared) < 2 or p.location == min(shared, key=_place_rank):
            names.append(p.name)
            continue
        prefixed = f"{_PREFIXES.get(p.location, p.location)}_{p.name.rstrip('_')}"
        names.append(prefixed + "_" if prefixed in RESERVED_ARGUMENTS else prefixed)
    return names


def _place_rank(location: str) -> int:
    return _PLACES.index(location) if location in _PLACES else len(_PLACES)
