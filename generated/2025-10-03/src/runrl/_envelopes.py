# Generated from templates/runtime/_envelopes.py.jinja. Do not edit by hand.
"""One-pass parsing of JSON responses: envelope and payload validated straight from the bytes.

``json.loads`` followed by Pydantic validation builds every value of the body twice (once as
Python objects, once as models), the envelope members the client throws away included.
Pydantic can validate the bytes directly (``TypeAdapter.validate_json``): here the envelope is a
``TypedDict`` around the declared type (``{"data": File}``; unknown members such as ``success``
are skipped, never built), made once per (envelope path, type) and kept. A page's own object
keeps its other members as plain values (the next-page logic of every pagination style reads
them); only its list is validated.

Nothing here decides what is an error. When the bytes do not validate, :data:`MISSING` is
returned and the caller takes its two-pass path, which either accepts the body (Pydantic's
JSON and Python modes differ in a few corners) or says precisely what is wrong with it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pydantic

__all__ = ["MISSING", "parse", "parse_page"]

MISSING: Any = object()
# At most this many adapters are kept (one per operation shape in generated code; a program
# that invents types per call gets the two-pass path past this point, not unbounded memory).
_MAX_ADAPTERS = 1024
_ADAPTERS: dict[Any, pydantic.TypeAdapter[Any] | None] = {}
_LOCK = threading.Lock()


def _typed_dict(name: str, fields: dict[str, Any]) -> Any:
    """``TypedDict(name, fields)``: called, not subclassed (the member names are data, and mypy
    only accepts literal ones); typing_extensions' (Pydantic needs it before Python 3.12),
    imported with the first adapter, after the first answer, not before a request is sent."""
    from typing_extensions import TypedDict

    make: Any = TypedDict
    return make(name, fields)


def _adapter(
    key: Any,
    build: Callable[[], Any],
    check: Callable[[pydantic.TypeAdapter[Any]], bool] | None = None,
) -> pydantic.TypeAdapter[Any] | None:
    try:
        return _ADAPTERS[key]
    except KeyError:
        pass
    import pydantic  # here, not at the top: nothing is validated before an answer arrives

    try:
        adapter: pydantic.TypeAdapter[Any] | None = pydantic.TypeAdapter(build())
        if adapter is not None and check is not None and not check(adapter):
            adapter = None
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
    except ValueError:  # pydantic.ValidationError is one
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


def parse_page(content: bytes, path: tuple[str, ...], items: str | None, item_type: Any) -> Any:
    """The page payload at ``path`` of the JSON ``content``, its list validated as
    ``list[item_type]``; else MISSING.

    ``items=None``: the payload is the list itself. Otherwise it is an object whose ``items``
    member is the list; its other members (the pagination facts, a next cursor or URL,
    whatever the server adds) are kept as plain JSON values, exactly as ``json.loads`` gives
    them, because which of them matter depends on the pagination style, not on this module.
    """

    def build() -> Any:
        if items is None:
            return _nest(path, list[item_type])
        page = _typed_dict("Page", {items: list[item_type]})
        page.__pydantic_config__ = {"extra": "allow"}  # a pydantic.ConfigDict
        return _nest(path, page)

    def keeps_members(adapter: pydantic.TypeAdapter[Any]) -> bool:
        # Pydantic versions that ignore ``extra="allow"`` on a TypedDict would drop the other
        # members: then pages always take the two-pass path.
        if items is None:
            return True
        other = "probe" if items != "probe" else "probe_"
        probe: Any = {items: [], other: 1}
        for key in reversed(path):
            probe = {key: probe}
        value = adapter.validate_python(probe)
        for key in path:
            value = value[key]
        return bool(value.get(other) == 1)

    try:
        adapter = _adapter(("page", path, items, item_type), build, keeps_members)
    except TypeError:  # an unhashable type expression
        return MISSING
    value = _validate(adapter, content)
    if value is not MISSING:
        for key in path:
            value = value[key]
    return value
