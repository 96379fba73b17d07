# Generated from templates/runtime/_envelopes.py.jinja. Do not edit by hand.
"""One-pass parsing of JSON responses: envelope and payload validated straight from the bytes.

``json.loads`` followed by Pydantic validation builds every value of the body twice (once as
Python objects, once as models), the envelope members the client throws away included.
Pydantic can validate the bytes directly (``TypeAdapter.validate_json``): here the envelope is a
``TypedDict`` around the declared type (``{"data": File}``; unknown members such as ``success``
are skipped, never built), made once per (envelope path, type) and kept.

Nothing here decides what is an error. When the bytes do not validate, :data:`MISSING` is
returned and the caller takes its two-pass path, which either accepts the body (Pydantic's
JSON and Python modes differ in a few corners) or says precisely what is wrong with it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pydantic
from typing_extensions import NotRequired, TypedDict

__all__ = ["MISSING", "parse", "parse_page"]

MISSING: Any = object()
# At most this many adapters are kept (one per operation shape in generated code; a program
# that invents types per call gets the two-pass path past this point, not unbounded memory).
_MAX_ADAPTERS = 1024
_ADAPTERS: dict[Any, pydantic.TypeAdapter[Any] | None] = {}
_LOCK = threading.Lock()
# Called, not subclassed: the member names are data (and mypy only accepts literal ones).
_typed_dict: Any = TypedDict


def _adapter(key: Any, build: Callable[[], Any]) -> pydantic.TypeAdapter[Any] | None:
    try:
        return _ADAPTERS[key]
    except KeyError:
        pass
    try:
        adapter: pydantic.TypeAdapter[Any] | None = pydantic.TypeAdapter(build())
    except Exception:  # a type Pydantic cannot wrap this way: the two-pass path handles it
        adapter = None
    with _LOCK:
        if len(_ADAPTERS) < _MAX_ADAPTERS:
            adapter = _ADAPTERS.setdefault(key, adapter)
    return adapter


def _nest(path: tuple[str, ...], inner: Any) -> Any:
    """``("data",)`` and ``File`` -> ``TypedDict({"data": File})``, from the inside out."""
    envelope = inner
    for key in reversed(path):
        envelope = _typed_dict("Envelope", {key: envelope})
    return envelope


def _validate(adapter: pydantic.TypeAdapter[Any] | None, content: bytes) -> Any:
    if adapter is None:
        return MISSING
    try:
        return adapter.validate_json(content)
    except pydantic.ValidationError:
        return MISSING


def parse(content: bytes, path: tuple[str, ...], cast_to: Any) -> Any:
    """The member at ``path`` of the JSON ``content``, validated as ``cast_to``; else MISSING."""
    try:
        adapter = _adapter(("one", path, cast_to), lambda: _nest(path, cast_to))
    except TypeError:  # an unhashable type expression
        return MISSING
    value = _validate(adapter, content)
    if value is not MISSING:
        for key in path:
            value = value[key]
    return value


def parse_page(
    content: bytes, path: tuple[str, ...], items: str, meta: str | None, item_type: Any
) -> tuple[Any, Any]:
    """``(items, pagination facts)`` of a page at ``path``; ``(MISSING, None)`` if it does not
    validate. ``meta=None``: the payload is a bare list (a single page, no facts)."""
    if meta == items:
        return MISSING, None

    def build() -> Any:
        if meta is None:
            return _nest(path, list[item_type])
        page = _typed_dict("Page", {items: list[item_type], meta: NotRequired[Any]})
        return _nest(path, page)

    try:
        adapter = _adapter(("page", path, items, meta, item_type), build)
    except TypeError:
        return MISSING, None
    value = _validate(adapter, content)
    if value is MISSING:
        return MISSING, None
    for key in path:
        value = value[key]
    if meta is None:
        return value, None
    return value[items], value.get(meta)
