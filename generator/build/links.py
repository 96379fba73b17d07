"""One response link -> ``ir.Link``: which operation it calls and where each filled argument's
value comes from (generator/build/resources.py assembles the links into the object layer).

A link names its target with ``operationId`` and fills the target's arguments from
``parameters`` (a parameter, or a body property, by wire name; ``path.<name>``... qualified) and
``requestBody`` (a mapping: body property -> value). Supported values:

* ``$response.body#/<pointer>``: a member of the object's data (checked against the schema);
  on a list response or a paginated one (whatever its envelope), of each item;
* ``$request.path.<name>``, ``$request.query.<name>``, ``$request.header.<name>`` and
  ``$request.body#/<property>``: the argument of the call that made the object;
* a constant (any JSON value with no ``$``-expression in it).

Anything else (``operationRef``, ``server``, a whole-body ``requestBody`` expression,
``$url``, ``$method``, ``$statusCode``, ``$response.header``, an expression inside a string
or nested in a value, an unknown operation, parameter or body property) is a located error.
"""

from __future__ import annotations

import re
from typing import Any

from .. import ir
from ..ir.types import Model, OptionalOf, Scalar
from ..naming import method_name, snake_case
from ..read.refs import unescape
from ..spectext import SpecText, SpecValue
from .context import Context

SUPPORTED = (
    "$response.body#/<pointer>, $request.path|query|header.<name>, "
    "$request.body#/<property>, a constant"
)
# What an object defines itself: a link method may not take these names.
OBJECT_MEMBERS = frozenset(
    {"data", "api", "info", "refresh", "close", "id", "to_dict", "_client", "_data", "_request"}
)
LOCATIONS = ("path.", "query.", "header.", "cookie.")
BODY = ("body", "file", "form")  # Param.location of a body property
_REQUEST = re.compile(r"\$request\.(path|query|header)\.(.+)|\$request\.(body)#/([^/]+)")


def read_link(
    ctx: Context,
    source: ir.Method,
    name: str,
    node: Any,
    where: str,
    by_op: dict[str, ir.Method],
    many: bool,
) -> ir.Link:
    """The link ``name`` of ``source``'s response (``many``: a list response, per item)."""
    node, where = ctx.deref(node, where)
    if not isinstance(node, dict):
        raise ctx.fail("a link must be a mapping", where)
    if "operationRef" in node:
        raise ctx.fail(
            "operationRef is not supported (name the operation with operationId)",
            f"{where}/operationRef",
        )
    if "server" in node:
        raise ctx.fail("a link's server is not supported", f"{where}/server")
    op_id = node.get("operationId")
    if not isinstance(op_id, str) or op_id not in by_op:
        raise ctx.fail(
            f"operationId {op_id!r:.80} names no generated operation", f"{where}/operationId"
        )
    target = by_op[op_id]
    args: dict[str, ir.LinkArg] = {}
    for key, location in (("parameters", ""), ("requestBody", "body")):
        values = node.get(key)
        if values is None:
            continue
        if not isinstance(values, dict):
            raise ctx.fail(
                f"a link's {key} must be a mapping ({'body property' if location else 'name'} "
                "-> value; a whole-body expression is not supported)",
                f"{where}/{key}",
            )
        for k, v in values.items():
            at = f"{where}/{key}/{token(str(k))}"
            param = target_param(ctx, target, str(k), location, at)
            if param.name in args:
                raise ctx.fail(f"{k!r:.80} is filled twice by this link", at)
            args[param.name] = _arg(ctx, source, param, v, at, many)
    description = node.get("description")
    return ir.Link(
        name=method_name(snake_case(name) or "link", OBJECT_MEMBERS),
        link_name=SpecText(name),
        description=SpecText(description if isinstance(description, str) else ""),
        method=target,
        args=tuple(args.values()),
    )


def target_param(ctx: Context, target: ir.Method, name: str, location: str, where: str) -> ir.Param:
    """The argument of ``target`` a link (or an ``x-sdk-resource`` ``id-in``) names: a
    parameter or body property by wire name, ``path.<name>``... qualified; ``location`` "body":
    a body property only."""
    wire = name
    for prefix in LOCATIONS if not location else ():
        if name.startswith(prefix):
            location, wire = prefix[:-1], name[len(prefix) :]
    found = next(
        (
            p
            for p in target.params
            if p.wire_name.value == wire
            and (
                not location
                or p.location == location
                or location == "body"
                and p.location in BODY
                and not p.is_whole_body
            )
        ),
        None,
    )
    if found is None:
        what = "a body property" if location == "body" else "a parameter"
        raise ctx.fail(f"{name!r:.80} is not {what} of {target.operation_id.value!r}", where)
    return found


def _arg(
    ctx: Context, source: ir.Method, param: ir.Param, value: Any, where: str, many: bool
) -> ir.LinkArg:
    if not isinstance(value, str) or (not value.startswith("$") and "{$" not in value):
        if _has_expression(value):
            raise ctx.fail(
                "a runtime expression nested inside a value is not supported "
                "(give each body property its own value)",
                where,
            )
        return ir.LinkArg(param=param.name, source="const", value=SpecValue(value))
    if value.startswith("$response.body#/"):
        pointer = _payload_pointer(ctx, source, value, where, many)
        return ir.LinkArg(param=param.name, source="body", pointer=pointer, text=takes_text(param))
    match = _REQUEST.fullmatch(value)
    if match:
        kind = match.group(1) or match.group(3)
        field = unescape(match.group(2) or match.group(4))
        given = _request_param(source, kind, field)
        if given is None:
            raise ctx.fail(
                f"{value!r:.80}: {source.operation_id.value!r} has no {kind} field {field!r}",
                where,
            )
        return ir.LinkArg(param=param.name, source="request", key=f"{kind}:{given.wire_name.value}")
    raise ctx.fail(
        f"runtime expression {value!r:.80} is not supported (supported: {SUPPORTED})", where
    )


def _request_param(source: ir.Method, kind: str, field: str) -> ir.Param | None:
    """The producing call's argument a ``$request.<kind>...`` expression reads (header names
    are case-insensitive)."""
    for p in source.params:
        wire = p.wire_name.value
        if kind == "body" and p.location in BODY and wire == field and not p.is_whole_body:
            return p
        if kind == "header" and p.location == "header" and wire.lower() == field.lower():
            return p
        if kind in ("path", "query") and p.location == kind and wire == field:
            return p
    return None


def takes_text(param: ir.Param) -> bool:
    """A ``str`` argument (or an optional one): a linked number is sent as its text (links
    like ``pid: $response.body#/id`` with an integer id)."""
    kind = param.type
    if isinstance(kind, OptionalOf):
        kind = kind.inner
    return isinstance(kind, Scalar) and kind.python == "str"


def _has_expression(value: Any) -> bool:
    if isinstance(value, str):
        return value.startswith("$") or "{$" in value
    if isinstance(value, dict):
        return any(_has_expression(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_expression(v) for v in value)
    return False


def _payload_pointer(
    ctx: Context, source: ir.Method, value: str, where: str, many: bool
) -> tuple[SpecText, ...]:
    """A ``$response.body#/...`` pointer, checked, relative to the object's data (the payload
    the method returns: an envelope unwrapped)."""
    pointer = tuple(unescape(t) for t in value[len("$response.body#/") :].split("/"))
    _check_pointer(ctx, source, pointer, where, many)
    unwrap = tuple(t.value for t in source.returns.unwrap)
    if not many and unwrap:
        if pointer[: len(unwrap)] != unwrap:
            raise ctx.fail(
                f"{value!r:.80} points outside the payload the method returns "
                f"(/{'/'.join(unwrap)})",
                where,
            )
        pointer = pointer[len(unwrap) :]
    return tuple(map(SpecText, pointer))


def _check_pointer(
    ctx: Context, source: ir.Method, pointer: tuple[str, ...], where: str, many: bool
) -> None:
    """The pointer names members the response schema declares (when it declares any); on a
    list or page response, members of the item's component schema."""
    if many:
        schema = _item_schema(ctx, source)
    else:
        op, _ = ctx.deref(
            ctx.resolver.lookup("#" + source.source_pointer, ""), source.source_pointer
        )
        schema = _json_schema(ctx, op)
    for name in pointer:
        props = _properties(ctx, schema, where)
        if props is None:
            return  # free-form: nothing to check
        if name not in props:
            raise ctx.fail(
                f"$response.body#/{'/'.join(pointer)}: the response schema has no member "
                f"{name!r:.80}",
                where,
            )
        schema = props[name]


def _item_schema(ctx: Context, source: ir.Method) -> Any:
    """The component schema of the items a list (or paged) method returns, if it has one."""
    item = getattr(source.returns.type, "item", None)
    if not isinstance(item, Model):
        return None
    name = next((n for n, cls in ctx.schema_classes.items() if cls == item.name), None)
    return ctx.spec.get("components", {}).get("schemas", {}).get(name) if name else None


def _json_schema(ctx: Context, op: dict[str, Any]) -> Any:
    for status, response in sorted((str(k), v) for k, v in op.get("responses", {}).items()):
        if status.startswith("2"):
            response, _ = ctx.deref(response, "")
            for media, content in (response.get("content") or {}).items():
                if "json" in media and isinstance(content, dict):
                    return ctx.deref(content.get("schema"), "")[0]
    return None


def _properties(ctx: Context, schema: Any, where: str) -> dict[str, Any] | None:
    schema, _ = ctx.deref(schema, where)
    if not isinstance(schema, dict):
        return None
    props: dict[str, Any] = {}
    declared = False
    if isinstance(schema.get("properties"), dict):
        props.update(schema["properties"])
        declared = True
    for part in schema.get("allOf") or ():
        more = _properties(ctx, part, where)
        if more is None:
            return None
        props.update(more)
        declared = True
    return props if declared else None


def token(name: str) -> str:
    """``name`` as a JSON-pointer token."""
    return name.replace("~", "~0").replace("/", "~1")
