"""Request bodies -> arguments: every property of the body schema becomes a typed keyword
argument (via ``arguments.argument``); a body that is not an object is passed whole as ``body``.

One method per request media type that carries ``x-sdk-method`` (e.g. an upload and a JSON
create of one ``POST /files``), else one method for the preferred media type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .. import ir
from ..errors import SpecError, pointer
from ..ir import types as t
from ..spectext import prose
from .arguments import argument, whole_body
from .context import Context
from .extensions import MediaExt
from .schemas import (
    essence,
    is_binary,
    is_json_media,
    is_json_schema,
    merged_object,
    primary_type,
    value_kind,
)
from .types import TypeBuilder

BODY_TYPES = {
    "application/json": "json",
    "multipart/form-data": "multipart",
    "application/x-www-form-urlencoded": "form",
}
# Media types of a request body the client sends as JSON (`application/json`): JSON itself, and
# "anything" when the schema describes a JSON value (not binary).
_ANY_MEDIA_TYPES = ("*/*", "application/*")


@dataclass
class BodyVariant:
    """One request media type of an operation, and the arguments its body gives."""

    pointer: str  # "" without a body
    media_type: str | None
    ext: MediaExt
    params: list[ir.Param]
    required: bool = False  # requestBody.required: an optional body is not sent when empty

    @property
    def body_type(self) -> str | None:
        return BODY_TYPES.get(essence(self.media_type), "json") if self.media_type else None


def body_variants(
    ctx: Context, types: TypeBuilder, op: dict[str, Any], op_ptr: str
) -> list[BodyVariant]:
    """One variant per generated method (one without a body when there is none)."""
    raw = op.get("requestBody")
    if raw is None:
        return [BodyVariant("", None, MediaExt(), [])]
    body, body_ptr = ctx.deref(raw, f"{op_ptr}/requestBody")
    if not isinstance(body, dict):
        raise ctx.fail("requestBody must be a mapping", body_ptr)
    content = body.get("content") or {}
    if not isinstance(content, dict):
        raise ctx.fail("requestBody content must be a mapping", f"{body_ptr}/content")
    if not content:
        return [BodyVariant("", None, MediaExt(), [])]
    chosen = [str(mt) for mt, media in content.items() if ctx.ext.media(media).method]
    if not chosen:
        chosen = [preferred_media_type(ctx, content, f"{body_ptr}/content")]
    variants = []
    for media_type in chosen:
        media_ptr = f"{body_ptr}/content/{pointer(media_type)[1:]}"
        media = content[media_type] if isinstance(content[media_type], dict) else {}
        required = body.get("required") is True
        params = params_from_body(ctx, types, media, media_type, media_ptr, required)
        variants.append(BodyVariant(media_ptr, media_type, ctx.ext.media(media), params, required))
    return variants


def preferred_media_type(ctx: Context, content: dict[str, Any], where: str) -> str:
    """JSON, then forms, then a JSON-based type (``+json``), then ``*/*`` with a JSON schema,
    then the first one (sent as it is: text or bytes)."""
    types = [str(t) for t in content]
    for preferred in BODY_TYPES:
        for media_type in types:
            if essence(media_type) == preferred:
                return media_type
    json_types = [m for m in types if is_json_media(m)]
    for media_type in json_types:
        schema_ptr = f"{where}/{pointer(media_type)[1:]}/schema"
        if essence(media_type) != JSON_PATCH or _array_schema(ctx, content[media_type], schema_ptr):
            return media_type
    if json_types:
        return json_types[0]
    for media_type in types:
        media = content[media_type] if isinstance(content[media_type], dict) else {}
        if essence(media_type) in _ANY_MEDIA_TYPES and is_json_schema(
            ctx, media.get("schema"), f"{where}/{pointer(media_type)[1:]}/schema"
        ):
            return media_type
    return types[0]


# RFC 6902's JSON Patch is an array of operations: an object schema declared for it (Kubernetes'
# ``Patch``, one schema for every patch type) is sent as one of the body's other JSON types
# (``merge-patch+json``, RFC 7396: an object), which a server applies as the object it is.
JSON_PATCH = "application/json-patch+json"


def _array_schema(ctx: Context, media: Any, where: str) -> bool:
    schema = media.get("schema") if isinstance(media, dict) else None
    resolved, _ = ctx.deref(schema, where) if schema is not None else (None, where)
    return isinstance(resolved, dict) and primary_type(resolved) == "array"


def params_from_body(
    ctx: Context,
    types: TypeBuilder,
    media: dict[str, Any],
    media_type: str,
    media_ptr: str,
    body_required: bool,
) -> list[ir.Param]:
    """Every property of the body schema becomes a typed keyword argument."""
    kind = essence(media_type)
    schema_ptr = f"{media_ptr}/schema"
    sent_as = ""  # the Content-Type, when not application/json
    if kind in _ANY_MEDIA_TYPES and is_json_schema(ctx, media.get("schema"), schema_ptr):
        kind = "application/json"
    elif is_json_media(media_type) and kind != "application/json":
        kind, sent_as = "application/json", re.split(r",", media_type, maxsplit=1)[0].strip()
    elif kind not in BODY_TYPES:
        return [raw_body(ctx, media, media_type, schema_ptr, body_required)]
    params = _params(ctx, types, media, kind, schema_ptr, body_required)
    return [replace(p, media_type=sent_as) for p in params] if sent_as else params


def raw_body(
    ctx: Context, media: dict[str, Any], media_type: str, schema_ptr: str, required: bool
) -> ir.Param:
    """A body of another media type (``text/plain``, ``application/octet-stream``, XML,
    ``image/png``...), sent as it is: ``body: str`` for text, ``body: FileInput`` (bytes, a path
    or a binary file) for anything else."""
    schema, _ = ctx.deref(media.get("schema") or {}, schema_ptr)
    schema = schema if isinstance(schema, dict) else {}
    kind = essence(media_type)
    textual = kind.startswith("text/") or kind.endswith(("+xml", "/xml", "+yaml", "/yaml"))
    if is_binary(schema) or kind == "application/octet-stream":
        textual = False
    elif primary_type(schema) == "string":
        textual = True
    param = whole_body(t.Scalar("str") if textual else t.FILE_INPUT, required)
    return replace(param, media_type=media_type, raw="text" if textual else "file")


def _params(
    ctx: Context,
    types: TypeBuilder,
    media: dict[str, Any],
    kind: str,
    schema_ptr: str,
    body_required: bool,
) -> list[ir.Param]:
    schema = merged_object(ctx, media.get("schema") or {}, schema_ptr)
    # properties are read where they are (a component's: where lift.py named their classes)
    schema_ptr = ctx.deref(media.get("schema") or {}, schema_ptr)[1]
    properties = schema.get("properties") or {}
    if not isinstance(properties, dict):
        raise ctx.fail("properties must be a mapping", f"{schema_ptr}/properties")
    if not properties:
        if kind == "application/json" and media.get("schema") is not None:
            # A body that is not an object with properties is passed whole as `body`.
            return [whole_body(types.of(media["schema"], schema_ptr, request=True), body_required)]
        return []
    listed = schema.get("required")
    required = {str(r) for r in listed if isinstance(r, str)} if isinstance(listed, list) else set()
    # `required: true` on a property itself (a Swagger 2.0 habit) means the same.
    required |= {
        str(k) for k, v in properties.items() if isinstance(v, dict) and v.get("required") is True
    }
    encoding: dict[str, Any] = media["encoding"] if isinstance(media.get("encoding"), dict) else {}
    params = []
    for raw_prop, prop_schema in properties.items():
        prop = str(raw_prop)
        prop_ptr = f"{schema_ptr}/properties/{pointer(prop)[1:]}"
        param = _property(ctx, types, kind, prop, prop_schema, prop_ptr, prop in required, encoding)
        if param is not None:
            params.append(param)
    return params


def _property(
    ctx: Context,
    types: TypeBuilder,
    kind: str,
    prop: str,
    prop_schema: Any,
    prop_ptr: str,
    required: bool,
    encoding: dict[str, Any],
) -> ir.Param | None:
    ctx.check_quotable(prop, "body property name", prop_ptr)
    resolved, _ = ctx.deref(prop_schema, prop_ptr)
    resolved = resolved if isinstance(resolved, dict) else {}
    if resolved.get("readOnly") is True:
        return None
    location, style, explode = "body", "", False
    if kind != "application/json":
        try:
            location, style, explode = form_location(
                ctx, kind, prop, prop_schema, resolved, encoding.get(prop), prop_ptr
            )
        except SpecError as exc:
            if not ctx.skip_unsupported or required:
                raise
            ctx.omitted.append(ir.Omitted(ctx.operation_label, "body", prop, exc.message))
            ctx.warn(
                f"{exc.message}; optional field {prop!r} left out (send it encoded "
                "with extra_body, e.g. {'field[key]': value})",
                exc.pointer or prop_ptr,
            )
            return None
    own = ctx.ext.node(prop_schema).name if isinstance(prop_schema, dict) else None
    param = argument(
        ctx,
        types,
        wire_name=prop,
        py_name=own or ctx.ext.node(resolved).name,
        location=location,
        schema=prop_schema,
        schema_ptr=prop_ptr,
        required=required,
        description=prose(_own_description(prop_schema) or resolved.get("description")),
        for_body=True,
    )
    if style == "files":  # an array of files: one part per file, all under the field's name
        files = t.ListOf(t.FILE_INPUT)
        return replace(param, type=files if required else t.optional(files))
    return replace(param, style=style, explode=explode) if style else param


def _own_description(prop_schema: Any) -> Any:
    """The description written beside a property's ``$ref`` (3.1 lets it override the
    referenced schema's; 3.0 documents write it too): it says what this field is, the
    schema's own what the type is (Adyen's ``amount``, a ``$ref`` to ``Amount``)."""
    return prop_schema.get("description") if isinstance(prop_schema, dict) else None


def form_location(
    ctx: Context,
    kind: str,
    prop: str,
    prop_schema: Any,
    resolved: dict[str, Any],
    encoding: Any,
    prop_ptr: str,
) -> tuple[str, str, bool]:
    """(location, style, explode) of a property of a multipart or urlencoded body: a ``file``,
    or a ``form`` field sent as the property's ``encoding`` says (OpenAPI: objects in a
    multipart body are JSON parts; in a urlencoded one ``form``/``deepObject`` fields)."""
    if kind == "multipart/form-data" and is_binary(resolved):
        return "file", "", False
    value = value_kind(ctx, prop_schema, prop_ptr)
    encoding = encoding if isinstance(encoding, dict) else {}
    style = str(encoding.get("style") or "form")
    if style not in ("form", "spaceDelimited", "pipeDelimited", "deepObject"):
        raise ctx.fail(
            f"{kind} property {prop!r}: encoding style {style!r} is not defined for form "
            "fields (OpenAPI allows form, spaceDelimited, pipeDelimited, deepObject)",
            prop_ptr,
        )
    explode = encoding.get("explode", style == "form") is True
    if value == "array" and kind == "multipart/form-data":
        items, _ = ctx.deref(resolved.get("items") or {}, f"{prop_ptr}/items")
        if isinstance(items, dict) and is_binary(items):
            return "file", "files", True
    if value == "object" and kind == "multipart/form-data" and "style" not in encoding:
        return "form", "json", False  # a JSON part (as its text)
    if value == "object" and style == "form" and primary_type(resolved) == "array":
        style = "deepObject"  # an array of objects: items[0][key]=value is the only encoding
    if value == "array" and style == "form" and explode:
        return "form", "", False  # repeated keys: what the runtime does for any list
    if value == "scalar":
        return "form", "", False
    return "form", style, explode
