"""Path, query, header and cookie parameters of an operation -> arguments (``argument``).

Every style OpenAPI defines is sent as it says (``Param.style``/``explode``, serialized by the
runtime's ``_encoding``); cookies go into one ``Cookie`` header; a parameter with ``content``
(a media type) instead of a ``schema`` is sent as JSON text. With ``skip_unsupported`` an
optional parameter the client cannot send is left out (a warning and an ``ir.Omitted``);
anything else unsupported stops with a located error.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import ir
from ..errors import Blockers, SpecError, pointer
from ..spectext import prose
from .arguments import argument
from .context import Context
from .schemas import value_kind
from .types import TypeBuilder

# Header parameters OpenAPI says to ignore (the client sets them itself), and the framing
# headers the HTTP client computes from the body it sends (InfluxDB's write declares
# Content-Length: a wrong value given by hand breaks the request).
_IGNORED_HEADERS = frozenset(
    {"accept", "content-type", "authorization", "content-length", "transfer-encoding"}
)
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
                continue  # OpenAPI: such a header parameter "SHALL be ignored"; framing
            merged[(location, name)] = (param, where)
    _match_path_template(ctx, merged, op_ptr, path)
    params, problems = [], []
    for param, where in merged.values():
        try:
            params.append(_from_parameter(ctx, types, param, where))
        except SpecError as exc:  # every bad parameter is listed, not only the first
            problems.append(exc)
    if problems:
        raise Blockers(problems)
    return [p for p in params if p is not None]


def _match_path_template(
    ctx: Context, merged: dict[tuple[str, str], tuple[dict[str, Any], str]], op_ptr: str, path: str
) -> None:
    """Path parameters and the path's ``{names}`` agree (warnings where they did not)."""
    template = PATH_TEMPLATE.findall(path)
    for location, name in list(merged):
        if location == "path" and name not in template:
            _, where = merged.pop((location, name))
            ctx.warn(
                f"path parameter {name!r} does not appear in the path {path!r}: ignored", where
            )
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
    if location not in ("path", "query", "header", "cookie"):
        raise ctx.fail(f"unknown parameter location {location!r}", f"{where}/in")
    ctx.check_quotable(name, f"{location} parameter name", f"{where}/name")
    if location in ("header", "cookie") and not _HEADER_NAME.fullmatch(name):
        raise ctx.fail(f"{location} name {name!r} is not a valid HTTP {location} name", where)
    schema = param.get("schema")
    schema_ptr = f"{where}/schema"
    style = ""
    if schema is None and isinstance(param.get("content"), dict) and param["content"]:
        # `content` instead of `schema`: one media type; JSON is sent as JSON text, any other
        # as the value's text.
        media_type = str(next(iter(param["content"])))
        media = param["content"][media_type]
        schema = media.get("schema") if isinstance(media, dict) else None
        schema_ptr = f"{where}/content/{pointer(media_type)[1:]}/schema"
        style = "json" if _is_json(media_type) else ""
        if schema is None:
            schema = {}
    elif schema is None:
        schema = {}
    resolved, _ = ctx.deref(schema, schema_ptr)
    explode = False
    if not style:
        style, explode = _serialization(ctx, location, name, param, resolved, schema_ptr, where)
    arg = argument(
        ctx,
        types,
        wire_name=name,
        py_name=ctx.ext.node(param).name,
        location=location,
        schema=schema,
        schema_ptr=schema_ptr,
        required=param.get("required") is True or location == "path",
        description=prose(param.get("description")),
        for_body=False,
    )
    return replace(arg, style=style, explode=explode) if style else arg


def _is_json(media_type: str) -> bool:
    kind = media_type.split(";", 1)[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


# The styles OpenAPI defines for each location (the first is the default).
_STYLES = {
    "path": ("simple", "label", "matrix"),
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "header": ("simple",),
    "cookie": ("form",),
}


def _serialization(
    ctx: Context,
    location: str,
    name: str,
    param: dict[str, Any],
    schema: Any,
    schema_ptr: str,
    where: str,
) -> tuple[str, bool]:
    """(style, explode) for the runtime (templates/runtime/_encoding.py.jinja), or ("", False)
    when the value is sent the default way (scalars; query arrays as repeated keys)."""
    allowed = _STYLES[location]
    style = str(param.get("style") or allowed[0])
    if style not in allowed:
        raise ctx.fail(
            f"{location} parameter {name!r}: style {style!r} is not defined for {location} "
            f"parameters (OpenAPI allows {', '.join(allowed)})",
            f"{where}/style",
        )
    explode = param.get("explode", style == "form")
    explode = explode is True
    kind = value_kind(ctx, schema, schema_ptr)
    if location == "cookie":
        return "", False  # cookie_header (runtime) writes every value
    if kind == "scalar" and style in ("form", "simple", "deepObject"):
        return "", False
    if location == "query" and kind == "array" and style == "form" and explode:
        return "", False  # repeated keys: what the runtime does for any list
    return style, explode
