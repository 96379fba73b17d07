"""Path, query and header parameters of an operation -> arguments (via ``arguments.argument``).

Only what the runtime sends correctly is accepted: scalars, and query arrays as repeated keys.
With ``skip_unsupported`` an optional parameter the client cannot send is left out (a warning and
an ``ir.Omitted``); anything else unsupported stops with a located error.
"""

from __future__ import annotations

import re
from typing import Any

from .. import ir
from ..naming import prose
from ..errors import SpecError
from .arguments import argument
from .context import Context
from .schemas import value_kind
from .types import TypeBuilder

# Header parameters OpenAPI says to ignore: the client sets them itself.
_IGNORED_HEADERS = ("accept", "content-type", "authorization")
PATH_TEMPLATE = re.compile(r"\{([^{}]*)\}")
_HEADER_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")


def parameters(
    ctx: Context,
    types: TypeBuilder,
    shared: Any,
    shared_ptr: str,
    own: Any,
    op_ptr: str,
    path: str,
) -> list[ir.Param]:
    """The path-item's and the operation's parameters (the operation's win), as arguments."""
    merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for base, entries in ((shared_ptr, shared), (f"{op_ptr}/parameters", own)):
        if not isinstance(entries, list):
            raise ctx.fail("parameters must be a list", base)
        for index, raw in enumerate(entries):
            param, where = ctx.deref(raw, f"{base}/{index}")
            if not isinstance(param, dict) or "name" not in param or "in" not in param:
                raise ctx.fail("a parameter needs 'name' and 'in'", where)
            location, name = str(param["in"]), str(param["name"])
            if location == "header" and name.lower() in _IGNORED_HEADERS:
                continue  # OpenAPI: such a header parameter "SHALL be ignored"
            merged[(location, name)] = (param, where)
    _match_path_template(ctx, merged, op_ptr, path)
    params = [_from_parameter(ctx, types, p, w) for p, w in merged.values()]
    return [p for p in params if p is not None]


def _match_path_template(
    ctx: Context, merged: dict[tuple[str, str], tuple[dict[str, Any], str]], op_ptr: str, path: str
) -> None:
    """Path parameters and the path's ``{names}`` agree (warnings where they did not)."""
    template = PATH_TEMPLATE.findall(path)
    for location, name in list(merged):
        if location == "path" and name not in template:
            _, where = merged.pop((location, name))
            ctx.warn(f"path parameter {name!r} does not appear in the path {path!r}: ignored", where)
    for name in template:
        if ("path", name) not in merged:
            ctx.warn(
                f"path parameter {name!r} of {path!r} is not declared: "
                "generated as a required string argument",
                f"{op_ptr}/parameters",
            )
            synthetic = {"name": name, "in": "path", "required": True, "schema": {}}
            merged[("path", name)] = (synthetic, f"{op_ptr}/parameters")


def _from_parameter(
    ctx: Context, types: TypeBuilder, param: dict[str, Any], where: str
) -> ir.Param | None:
    """The argument for one parameter; None when an optional parameter the client cannot
    send is left out (``skip_unsupported`` only; reported as a warning)."""
    required = param.get("required") is True or str(param["in"]) == "path"
    try:
        return _argument(ctx, types, param, where)
    except SpecError as exc:
        if not ctx.skip_unsupported or required:
            raise
        location = str(param["in"])
        how = "extra_headers" if location in ("header", "cookie") else "extra_query"
        ctx.omitted.append(
            ir.Omitted(ctx.operation_label, location, str(param["name"]), exc.message)
        )
        ctx.warn(
            f"{exc.message}; optional parameter {str(param['name'])!r} left out "
            f"(send it with {how})",
            exc.pointer or where,
        )
        return None


def _argument(ctx: Context, types: TypeBuilder, param: dict[str, Any], where: str) -> ir.Param:
    location = str(param["in"])
    name = str(param["name"])
    if location == "cookie":
        raise ctx.fail("cookie parameters are not supported", where)
    if location not in ("path", "query", "header"):
        raise ctx.fail(f"unknown parameter location {location!r}", f"{where}/in")
    ctx.check_quotable(name, f"{location} parameter name", f"{where}/name")
    if location == "header" and not _HEADER_NAME.fullmatch(name):
        raise ctx.fail(f"header name {name!r} is not a valid HTTP header name", where)
    schema = param.get("schema")
    if schema is None:
        if "content" in param:
            raise ctx.fail(
                "parameters with 'content' (a media type) instead of 'schema' are not supported",
                where,
            )
        schema = {}
    resolved, _ = ctx.deref(schema, f"{where}/schema")
    _check_serialization(ctx, location, name, param, resolved, where)
    return argument(
        ctx,
        types,
        wire_name=name,
        py_name=ctx.ext.node(param).name,
        location=location,
        schema=schema,
        schema_ptr=f"{where}/schema",
        required=param.get("required") is True or location == "path",
        description=prose(param.get("description")),
        for_body=False,
    )


def _check_serialization(
    ctx: Context, location: str, name: str, param: dict[str, Any], schema: Any, where: str
) -> None:
    """Only what the runtime sends correctly: scalars, and query arrays as repeated keys."""
    kind = value_kind(ctx, schema, f"{where}/schema")
    style = str(param.get("style") or {"query": "form"}.get(location, "simple"))
    explode = param.get("explode", style == "form")
    if location == "path" and style != "simple":
        raise ctx.fail(
            f"path parameter {name!r}: style {style!r} is not supported (only 'simple')",
            f"{where}/style",
        )
    if kind == "object":
        raise ctx.fail(
            f"{location} parameter {name!r}: object values (style {style!r}) are not supported",
            where,
        )
    if kind == "array":
        if location != "query":
            raise ctx.fail(f"{location} parameter {name!r}: array values are not supported", where)
        if style != "form" or explode is not True:
            raise ctx.fail(
                f"query parameter {name!r}: arrays with style {style!r} and explode "
                f"{bool(explode)} are not supported (only repeated keys: style form, "
                "explode true)",
                where,
            )

