"""Responses -> what a method returns (``ir.Returns``): the first 2xx response's content.

``text/event-stream`` streams events, typed by the schema of their data when the media type
declares one (``read/events.py``); a JSON-lines media type (``application/x-ndjson``,
``application/jsonl``, Kubernetes' ``application/json;stream=watch``) streams its schema's
values, one a line; JSON is typed from its schema, after the envelope
(``x-sdk.envelope``) and ``x-sdk-unwrap`` are taken off; any other content is ``bytes``; no
content (or a ``null`` payload) is ``None``. ``x-sdk-pagination``, or a shape ``pagination.py``
recognises on a ``GET``, returns a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .. import ir
from ..errors import pointer
from ..ir import types as t
from ..read.events import event_data_schema
from ..spectext import SpecText
from .context import Context
from .extensions import OperationExt
from .pagination import declared, infer, list_envelope, list_member, query_params
from .schemas import essence, is_json_media, merged_object, primary_type
from .types import TypeBuilder

_NONE = ir.Returns(kind="none", type=t.NONE, cast_type=t.NONE, unwrap=())


def returns(
    ctx: Context, types: TypeBuilder, op: dict[str, Any], op_ptr: str, events: bool = True
) -> ir.Returns:
    """What the operation's method returns; ``events=False``: the JSON answer of a response
    that also declares ``text/event-stream`` (``_NONE`` when it declares no JSON)."""
    responses = op.get("responses") or {}
    if not isinstance(responses, dict):
        raise ctx.fail("responses must be a mapping", f"{op_ptr}/responses")
    codes = sorted(str(c) for c in responses if str(c).startswith("2") or str(c).upper() == "2XX")
    if not codes and "default" in responses:
        codes = ["default"]  # the only response described: take it as the success
    if not codes:
        return _NONE
    code = codes[0]
    raw = responses.get(code)
    if raw is None and code.isdigit():
        raw = responses.get(int(code))
    response, resp_ptr = ctx.deref(raw, f"{op_ptr}/responses/{code}")
    content = response.get("content") if isinstance(response, dict) else None
    if not isinstance(content, dict) or not content or code == "204":
        return _NONE
    media_types = [str(m) for m in content]
    stream = next((m for m in media_types if essence(m) == "text/event-stream"), None)
    if stream is not None and not events:
        media_types = [m for m in media_types if m != stream]
        if not any(essence(m) == "application/json" or essence(m).endswith("+json")
                   for m in media_types):  # fmt: skip
            return _NONE
    elif stream is not None:
        return _stream_returns(
            ctx, types, content[stream], f"{resp_ptr}/content/{pointer(stream)[1:]}"
        )
    lines = next((m for m in media_types if json_lines(m)), None) if stream is None else None
    plain = [m for m in media_types if m != lines]
    json_type = next((m for m in plain if essence(m) == "application/json"), None)
    if json_type is None:
        json_type = next((m for m in plain if essence(m).endswith("+json")), None)
    if json_type is None and lines is not None:
        return _lines_returns(ctx, types, content[lines], resp_ptr, lines) if events else _NONE
    if json_type is None:
        accept = _binary_accept(media_types)
        return ir.Returns(kind="bytes", type=t.BYTES, cast_type=t.BYTES, unwrap=(), accept=accept)
    media = content[json_type] if isinstance(content[json_type], dict) else {}
    schema_ptr = f"{resp_ptr}/content/{pointer(json_type)[1:]}/schema"
    link = _declares_link(ctx, response, resp_ptr)
    where = Where(op, op_ptr, link)
    found = _json_returns(
        ctx, types, ctx.ext.operation(op), media.get("schema") or {}, schema_ptr, where
    )
    if lines is not None and found.kind != "page":  # a page of a list is not a stream's value
        return _lines_returns(ctx, types, content[lines], resp_ptr, lines) if events else _NONE
    flag = _stream_flag(ctx, op, op_ptr, lines) if lines is not None else None
    return replace(found, accept=_accept(json_type), stream_flag=flag)


def _stream_flag(ctx: Context, op: dict[str, Any], op_ptr: str, media_type: str) -> SpecText | None:
    """The boolean query parameter that turns a JSON answer into the JSON-lines stream the
    response declares beside it: the one the media type's ``stream`` parameter names
    (Kubernetes' lists declare ``application/json;stream=watch`` and take ``watch=true``).

    Decided from the document alone, not from the answer: Kubernetes sends its watch stream as
    plain ``application/json``, so the response's ``Content-Type`` cannot tell the client that
    a stream is coming; the method refuses ``<name>=True`` before sending instead, and names
    the method that reads the stream (``stream_partners``)."""
    for part in media_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "stream":
            name = value.strip().strip('"')
            if name and query_params(ctx, op, op_ptr).get(name) == "boolean":
                return SpecText(name)
    return None


def stream_partners(methods: list[ir.Method]) -> list[ir.Method]:
    """``methods``, each JSON method with a ``stream_flag`` given the method that reads that
    stream: the one JSON-lines stream method (same HTTP method) whose path is this method's
    with one more segment, the flag's name (Kubernetes' ``GET /api/v1/watch/pods`` for
    ``GET /api/v1/pods``); none when there is no such method, or more than one."""
    streams: dict[tuple[str, tuple[str, ...]], list[ir.Method]] = {}
    for m in methods:
        if m.returns.kind == "stream" and m.returns.lines:
            segments = tuple(m.path.value.strip("/").split("/"))
            streams.setdefault((m.http_method, segments), []).append(m)
    out: list[ir.Method] = []
    for m in methods:
        flag = m.returns.stream_flag
        if flag is None:
            out.append(m)
            continue
        segments = tuple(m.path.value.strip("/").split("/"))
        found = {
            s.qualified_name
            for i in range(len(segments) + 1)
            for s in streams.get((m.http_method, (*segments[:i], flag.value, *segments[i:])), [])
        }
        named = found.pop() if len(found) == 1 else ""
        out.append(replace(m, returns=replace(m.returns, stream_method=named)))
    return out


def _stream_returns(ctx: Context, types: TypeBuilder, media: Any, media_ptr: str) -> ir.Returns:
    """Events typed by the schema of their data (``read/events.py``: ``itemSchema``,
    ``x-event-data``, a non-string ``schema``); ``ServerSentEvent`` when none is declared or
    it says nothing (``Any``)."""
    found = event_data_schema(media, media_ptr, ctx.deref)
    kind = types.of(found[0], found[1], request=False) if found is not None else t.ANY
    if kind == t.ANY:
        return ir.Returns(kind="stream", type=t.EVENT, cast_type=t.EVENT, unwrap=())
    model = ctx.class_of(found[0]) if found is not None else None
    return ir.Returns(kind="stream", type=kind, cast_type=kind, unwrap=(), model=model)


_JSON_LINES = (
    "application/x-ndjson",
    "application/ndjson",
    "application/jsonl",
    "application/x-jsonl",
    "application/jsonlines",
    "application/x-jsonlines",
)


def json_lines(media_type: str) -> bool:
    """A stream of JSON values, one a line: NDJSON/JSON Lines, or a JSON type with the
    ``stream=watch`` parameter (Kubernetes' watch, its events one JSON object a line)."""
    params = [p.strip().lower().replace(" ", "") for p in media_type.split(";")[1:]]
    return essence(media_type) in _JSON_LINES or (
        is_json_media(media_type) and "stream=watch" in params
    )


def _lines_returns(
    ctx: Context, types: TypeBuilder, media: Any, resp_ptr: str, media_type: str
) -> ir.Returns:
    """The values of a JSON-lines stream, typed by its schema (``Any``: the decoded JSON).
    Preferred to a JSON answer the response also declares (Kubernetes' watch declares
    ``application/json`` too, and answers with a stream whatever is asked for), unless that
    answer is a page of a list (its lists: the stream is their ``watch=true`` form)."""
    schema = media.get("schema") if isinstance(media, dict) else None
    schema_ptr = f"{resp_ptr}/content/{pointer(media_type)[1:]}/schema"
    kind = types.of(schema, schema_ptr, request=False) if schema else t.ANY
    model = ctx.class_of(schema) if schema else None
    accept = media_type if _MEDIA_TYPE.fullmatch(media_type) else ""
    return ir.Returns(kind="stream", type=kind, cast_type=kind, unwrap=(), model=model,
                      accept=accept, lines=True)  # fmt: skip


# A media type with parameters, in the tokens RFC 9110 allows (nothing else reaches a header).
_MEDIA_TYPE = re.compile(r"[\w!#$&^.+-]+/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=[\w!#$&^.+-]+)*", re.A)


def _accept(media_type: str) -> str:
    """The ``Accept`` header of a JSON answer declared as another JSON type than
    ``application/json`` (GitHub's ``application/vnd.github.v3.repository+json``): a server that
    negotiates (Prism) has nothing for ``application/json`` there. ``""``: the default."""
    if media_type == "application/json" or len(media_type) > 200:
        return ""
    return media_type if _MEDIA_TYPE.fullmatch(media_type) else ""


# A media range (``image/*``, ``*/*``) or a media type, with parameters, in RFC 9110's tokens.
_MEDIA_RANGE = re.compile(
    r"[\w!#$&^.+*-]+/[\w!#$&^.+*-]+(\s*;\s*[\w!#$&^.+-]+=[\w!#$&^.+-]+)*", re.A
)


def _binary_accept(media_types: list[str]) -> str:
    """The ``Accept`` header of an answer read as bytes: the media types the document declares
    for it (Google's place photo: ``image/*``), so that a server that negotiates answers with
    one of them. ``""`` (the runtime's ``application/octet-stream, */*``) when the document
    declares only ``application/octet-stream``, or a type that is not a plain media range."""
    kept = [m.strip() for m in media_types]
    if not all(len(m) <= 200 and _MEDIA_RANGE.fullmatch(m) for m in kept):
        return ""
    if kept == ["application/octet-stream"]:
        return ""
    return ", ".join(dict.fromkeys(kept))[:1000] if len(kept) <= 20 else ""


@dataclass(frozen=True)
class Where:
    """The operation a response belongs to (pagination inference reads its parameters)."""

    op: dict[str, Any]
    pointer: str
    link_header: bool  # the success response declares a ``Link`` header


def _declares_link(ctx: Context, response: Any, resp_ptr: str) -> bool:
    headers = response.get("headers") if isinstance(response, dict) else None
    return isinstance(headers, dict) and any(str(h).lower() == "link" for h in headers)


def _json_returns(
    ctx: Context,
    types: TypeBuilder,
    ext: OperationExt,
    schema: Any,
    schema_ptr: str,
    where: Where,
) -> ir.Returns:
    op_ptr = where.pointer
    unwrap: list[str] = []
    envelope = ctx.envelope
    if envelope:
        props = merged_object(ctx, schema, schema_ptr).get("properties") or {}
        if envelope in props:
            schema = props[envelope]
            schema_ptr = f"{schema_ptr}/properties/{envelope}"
            unwrap.append(envelope)
    member = ext.unwrap
    if member:
        props = merged_object(ctx, schema, schema_ptr).get("properties") or {}
        if member not in props:
            raise ctx.fail(
                f"x-sdk-unwrap: the response has no member {member!r}", f"{op_ptr}/x-sdk-unwrap"
            )
        schema = props[member]
        schema_ptr = f"{schema_ptr}/properties/{member}"
        unwrap.append(member)
    members = tuple(SpecText(m) for m in unwrap)
    resolved, _ = ctx.deref(schema, schema_ptr)
    if isinstance(resolved, dict) and primary_type(resolved) == "null":
        return ir.Returns(kind="none", type=t.NONE, cast_type=t.NONE, unwrap=members)
    if where.pointer.endswith("/get"):  # what a path-shaped name reads (path_names)
        ctx.listing[where.pointer] = list_member(ctx, schema, schema_ptr) is not None
    pagination = None
    if ext.pagination is not None and ext.pagination.style != "none":
        pagination = declared(ext.pagination)
    elif ext.pagination is None and where.pointer.endswith(("/get", "/post")):
        pagination = infer(ctx, where.op, schema, schema_ptr, where.link_header, where.pointer)
        nested = list_envelope(ctx, schema, schema_ptr) if pagination is None else None
        if nested is not None:  # the list one object down: that object is the page's payload
            name, inner, inner_ptr = nested
            pagination = infer(ctx, where.op, inner, inner_ptr, where.link_header, where.pointer)
            if pagination is not None:
                schema, schema_ptr = inner, inner_ptr
                members = (*members, SpecText(name))
    if pagination is not None:
        return page_returns(ctx, types, pagination, schema, schema_ptr, members)
    kind = types.of(schema, schema_ptr, request=False)
    return ir.Returns(
        kind="value", type=kind, cast_type=kind, unwrap=members, model=ctx.class_of(schema)
    )


def page_returns(
    ctx: Context,
    types: TypeBuilder,
    pagination: ir.Pagination,
    schema: Any,
    schema_ptr: str,
    unwrap: tuple[SpecText, ...],
) -> ir.Returns:
    items = pagination.items.value
    if pagination.style != "single" and items:
        items_schema = (merged_object(ctx, schema, schema_ptr).get("properties") or {}).get(items)
        if items_schema is None:
            raise ctx.fail(f"paginated response has no {items!r} member", schema_ptr)
        array, array_ptr = ctx.deref(items_schema, f"{schema_ptr}/properties/{items}")
    else:
        array, array_ptr = ctx.deref(schema, schema_ptr)
    if not isinstance(array, dict) or primary_type(array) != "array":
        raise ctx.fail("paginated items must be an array", array_ptr)
    item_schema = array.get("items") or {}
    item = types.of(item_schema, f"{array_ptr}/items", request=False)
    return ir.Returns(
        kind="page",
        type=t.Paged(item),
        cast_type=item,
        unwrap=unwrap,
        pagination=pagination,
        model=ctx.class_of(item_schema),
    )
