"""Where a ``text/event-stream`` media type declares the JSON ``data`` of each event.

OpenAPI has said it three ways; the first one a media type object uses wins:

1. ``itemSchema`` (OpenAPI 3.2): the schema of one event, an object with ``data``, ``event``,
   ``id`` and ``retry`` members; the data's schema is its ``data`` property, or that property's
   ``contentSchema`` when the data is a string of JSON (``contentMediaType``). An item schema
   without a ``data`` property (a ``oneOf`` of event kinds, say) declares no one data schema.
2. ``x-event-data`` beside ``schema``: the schema of each event's data, as 3.0/3.1 documents
   that describe the stream itself as ``type: string`` write it (RunRL's spec;
   tests/contract's schemathesis hooks read the same key).
3. ``schema`` (3.0/3.1 practice): read as the schema of each event's data, unless it is a plain
   string (the stream's text, which says nothing about the events); a string schema with a
   ``contentSchema`` declares that schema.

Used by the build stage (a stream method's event type) and by ``models/lift.py`` (an inline
data schema gets its class, ``<Operation>Event``), so both name the same pointer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Deref = Callable[[Any, str], "tuple[Any, str]"]
_JSON_TYPES = ("application/json",)


def event_data_schema(media: Any, media_ptr: str, deref: Deref) -> tuple[Any, str] | None:
    """(schema, pointer) of each event's data in the media type object ``media``, or None."""
    if not isinstance(media, dict):
        return None
    if "itemSchema" in media:
        item, item_ptr = deref(media["itemSchema"], f"{media_ptr}/itemSchema")
        props = item.get("properties") if isinstance(item, dict) else None
        if not isinstance(props, dict) or "data" not in props:
            return None
        return _data(props["data"], f"{item_ptr}/properties/data", deref)
    if "x-event-data" in media:
        found = media["x-event-data"]
        return (found, f"{media_ptr}/x-event-data") if isinstance(found, dict) and found else None
    if "schema" in media:
        return _data(media["schema"], f"{media_ptr}/schema", deref)
    return None


def _data(schema: Any, where: str, deref: Deref) -> tuple[Any, str] | None:
    """``schema`` as the data's schema: its ``contentSchema`` for a JSON string, None for a
    plain string or an empty schema (nothing declared)."""
    resolved, resolved_ptr = deref(schema, where)
    if not isinstance(resolved, dict) or not resolved:
        return None
    content = resolved.get("contentSchema")
    media_type = str(resolved.get("contentMediaType", "application/json")).lower()
    if isinstance(content, dict) and content and media_type.split(";")[0] in _JSON_TYPES:
        return content, f"{resolved_ptr}/contentSchema"
    kind = resolved.get("type")
    if kind == "string" or kind == ["string"]:
        return None
    return schema, where
