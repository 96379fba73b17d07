"""Questions about JSON schemas that several build steps ask (what kind of value, merged allOf)."""

from __future__ import annotations

import math
import re
from typing import Any

from .context import Context


def primary_type(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        concrete = [k for k in kind if k != "null"]
        return concrete[0] if len(concrete) == 1 else ("null" if not concrete else None)
    if kind is None and ("properties" in schema or "additionalProperties" in schema):
        return "object"
    return kind if isinstance(kind, str) else None


def is_nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return (isinstance(kind, list) and "null" in kind) or schema.get("nullable") is True


def is_model_like(schema: dict[str, Any]) -> bool:
    return bool(
        schema.get("properties")
        or schema.get("allOf")
        or schema.get("oneOf")
        or schema.get("anyOf")
        or schema.get("enum")
        or primary_type(schema) == "object"
    )


def is_free_form(schema: dict[str, Any]) -> bool:
    """An object of any keys, its values any (OpenAI's ``FunctionParameters``: ``type: object``,
    ``additionalProperties: true``, nothing else) or of one schema (a map: ``additionalProperties:
    {type: string}``, a ``RootModel[Dict[str, str]]``): its class has no field of its own, and a
    caller may as well pass a plain dict."""
    composed = ("properties", "patternProperties", "allOf", "oneOf", "anyOf", "enum")
    extra = schema.get("additionalProperties", True)
    return (
        primary_type(schema) == "object"
        and not any(schema.get(key) for key in composed)
        and (extra is True or isinstance(extra, dict))
    )


def is_root_union(schema: dict[str, Any]) -> bool:
    """A ``oneOf``/``anyOf`` and nothing that makes fields (OpenAI's
    ``ChatCompletionRequestMessage``): its class is a ``RootModel[Union[...]]``."""
    combined = [c for c in ("oneOf", "anyOf") if isinstance(schema.get(c), list) and schema[c]]
    fields = ("properties", "patternProperties", "additionalProperties", "allOf", "enum")
    return (
        len(combined) == 1
        and not any(key in schema for key in fields)
        and primary_type(schema) in (None, "object")
        and not is_nullable(schema)
    )


def is_binary(schema: dict[str, Any]) -> bool:
    return schema.get("format") == "binary" or "contentMediaType" in schema


def essence(media_type: str | None) -> str:
    """``application/json; charset=utf-8`` -> ``application/json`` (also for a parameter
    written after a comma, ``application/json, okta-version=1.0.0``, a common slip)."""
    return re.split(r"[;,]", media_type or "", maxsplit=1)[0].strip().lower()


def is_json_media(media_type: str | None) -> bool:
    """JSON itself or a JSON-based media type (``application/merge-patch+json``)."""
    kind = essence(media_type)
    return kind == "application/json" or kind.endswith("+json")


def compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError, ValueError):
        return False
    return True


def is_plain(value: Any) -> bool:
    return isinstance(value, (str, int)) or (isinstance(value, float) and math.isfinite(value))


def dedupe_values(values: list[Any]) -> list[Any]:
    seen: set[tuple[type, Any]] = set()
    out = []
    for v in values:
        key = (type(v), v)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def literal_values(values: Any) -> tuple[Any, ...] | None:
    """The values of a ``Literal[...]``, or None when they cannot all be literals."""
    if not isinstance(values, list):
        return None
    plain = [v for v in values if v is not None]
    if not plain or not all(isinstance(v, (str, int)) for v in plain):
        return None
    return tuple(dedupe_values(plain))


def value_kind(ctx: Context, schema: Any, where: str, depth: int = 0) -> str:
    """'scalar', 'array' (of scalars), 'object' (or array of objects) or 'any'."""
    resolved, where = ctx.deref(schema, where)
    if not isinstance(resolved, dict) or depth > 20:
        return "any"
    kinds: list[str] = []
    for combiner in ("oneOf", "anyOf", "allOf"):
        members = resolved.get(combiner)
        if isinstance(members, list):
            kinds.extend(
                value_kind(ctx, m, f"{where}/{combiner}/{i}", depth + 1)
                for i, m in enumerate(members)
            )
    primary = primary_type(resolved)
    if primary == "object" or resolved.get("properties"):
        kinds.append("object")
    elif primary == "array":
        items = resolved.get("items")
        inner = value_kind(ctx, items, f"{where}/items", depth + 1) if items else "any"
        kinds.append("object" if inner in ("object", "array") else "array")
    elif isinstance(resolved.get("type"), list):
        types = [t for t in resolved["type"] if t != "null"]
        if "object" in types or "array" in types:
            kinds.append("object" if "object" in types else "array")
    for preferred in ("object", "array", "scalar"):
        if preferred in kinds:
            return preferred
    return "scalar"


def is_json_schema(ctx: Context, schema: Any, where: str) -> bool:
    """A schema describing a JSON value (so that ``*/*`` can be sent as JSON)."""
    resolved, _ = ctx.deref(schema, where)
    if not isinstance(resolved, dict) or not resolved:
        return False
    if is_binary(resolved):
        return False
    # A string or number body under "*/*" is raw text or bytes, not a JSON document.
    return value_kind(ctx, schema, where) in ("object", "array")


def merged_object(
    ctx: Context, schema: Any, where: str, seen: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """Resolve refs and merge ``allOf`` members into one object schema."""
    resolved, where = ctx.deref(schema, where)
    if not isinstance(resolved, dict) or where in seen:
        return {}
    if "allOf" not in resolved or not isinstance(resolved["allOf"], list):
        return resolved
    seen = seen | {where}
    merged: dict[str, Any] = {k: v for k, v in resolved.items() if k != "allOf"}
    props: dict[str, Any] = dict(merged.get("properties") or {})
    required: list[str] = list(merged.get("required") or [])
    for index, member in enumerate(resolved["allOf"]):
        part = merged_object(ctx, member, f"{where}/allOf/{index}", seen)
        for key, value in (part.get("properties") or {}).items():
            # A later member that narrows a property (e.g. `data`) wins over an earlier `{}`.
            props[key] = value
        required.extend(r for r in part.get("required") or [] if r not in required)
        for key in ("type", "description", "title"):
            if key in part and key not in merged:
                merged[key] = part[key]
    merged["properties"] = props
    merged["required"] = required
    return merged
