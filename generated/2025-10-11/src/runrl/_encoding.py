# Generated from templates/runtime/_encoding.py.jinja. Do not edit by hand.
"""OpenAPI parameter serialization: ``style`` and ``explode`` of path, query, header and
cookie parameters (OpenAPI 3.1, "Style Values" and its examples), and raw request bodies.

A generated method wraps a value whose encoding is not the default (query arrays as repeated
keys, scalars everywhere) in ``Styled``; the base client asks this module for the text.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import date, datetime
from datetime import time as dt_time
from enum import Enum
from typing import Any
from urllib.parse import quote

__all__ = [
    "Styled",
    "content_coded",
    "cookie_header",
    "header_text",
    "path_text",
    "query_pairs",
    "raw_content",
]


class Styled:
    """A parameter value and how OpenAPI says to serialize it (``style``, ``explode``)."""

    __slots__ = ("explode", "style", "value")

    def __init__(self, value: object, style: str, explode: bool) -> None:
        self.value = value
        self.style = style
        self.explode = explode

    def __repr__(self) -> str:
        return f"Styled({self.value!r}, {self.style!r}, {self.explode!r})"


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        return value
    if isinstance(value, (datetime, date, dt_time)):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def _plain(value: object) -> object:
    """A model as its JSON-ready mapping (wire names, unset fields left out)."""
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        from ._models import mark_constants  # loaded: a model exists

        mark_constants(value)  # one-value and required-with-default fields are always sent
        return dump(mode="json", by_alias=True, exclude_unset=True)
    return value


def _pairs(value: object) -> list[tuple[str, object]] | None:
    value = _plain(value)
    if isinstance(value, Mapping):
        return [(str(k), v) for k, v in value.items() if v is not None]
    return None


def _items(value: object) -> list[object] | None:
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if v is not None]
    return None


def _json(value: object) -> str:
    """A parameter declared with ``content: {application/json: ...}``: its JSON text."""
    return json.dumps(_plain(value), separators=(",", ":"), ensure_ascii=False, default=str)


def _deep(name: str, value: object, out: list[tuple[str, str]]) -> None:
    """``deepObject``: ``name[key]=value``, nested objects and arrays by bracketed keys (as
    Rails, Stripe and qs read them; OpenAPI defines only one level)."""
    pairs = _pairs(value)
    items = _items(value)
    if pairs is not None:
        for key, item in pairs:
            _deep(f"{name}[{key}]", item, out)
    elif items is not None:
        for index, item in enumerate(items):
            _deep(f"{name}[{index}]", item, out)
    else:
        out.append((name, _text(value)))


_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|", "simple": ","}


def query_pairs(name: str, styled: Styled) -> list[tuple[str, str]]:
    """The query (or form) pairs of one parameter."""
    value = styled.value
    out: list[tuple[str, str]] = []
    if value is None:
        return out
    if styled.style == "json":
        return [(name, _json(value))]
    if styled.style == "deepObject":
        _deep(name, value, out)
        return out
    delimiter = _DELIMITERS.get(styled.style, ",")
    pairs = _pairs(value)
    items = _items(value)
    if pairs is not None:
        if styled.explode:
            out.extend((key, _text(item)) for key, item in pairs)
        elif pairs:
            out.append((name, delimiter.join(f"{k}{delimiter}{_text(v)}" for k, v in pairs)))
    elif items is not None:
        if styled.explode:
            out.extend((name, _text(item)) for item in items)
        elif items:
            out.append((name, delimiter.join(_text(item) for item in items)))
    else:
        out.append((name, _text(value)))
    return out


def _joined(value: object, explode: bool, sep: str, quote_part: Any) -> str | None:
    """``simple``-style text of an array or object (``a,b`` / ``k,v`` / ``k=v``)."""
    pairs = _pairs(value)
    items = _items(value)
    if pairs is not None:
        if explode:
            return sep.join(f"{quote_part(k)}={quote_part(_text(v))}" for k, v in pairs)
        return ",".join(f"{quote_part(k)},{quote_part(_text(v))}" for k, v in pairs)
    if items is not None:
        return (sep if explode else ",").join(quote_part(_text(i)) for i in items)
    return None


def _quote(text: str) -> str:
    return quote(text, safe="")


def path_text(name: str, styled: Styled) -> str:
    """The percent-encoded text of a path parameter (``simple``, ``label``, ``matrix``)."""
    value, explode = styled.value, styled.explode
    if styled.style == "json":
        return _quote(_json(value))
    if styled.style == "label":
        joined = _joined(value, explode, ".", _quote)
        return "." + (joined if joined is not None else _quote(_text(value)))
    if styled.style == "matrix":
        key = _quote(name)
        pairs, items = _pairs(value), _items(value)
        if pairs is not None and explode:
            return "".join(f";{_quote(k)}={_quote(_text(v))}" for k, v in pairs)
        if items is not None and explode:
            return "".join(f";{key}={_quote(_text(i))}" for i in items)
        joined = _joined(value, False, ",", _quote)
        text = joined if joined is not None else _quote(_text(value))
        return f";{key}={text}" if text else f";{key}"
    joined = _joined(value, explode, ",", _quote)
    return joined if joined is not None else _quote(_text(value))


def header_text(value: object, explode: bool, style: str = "simple") -> str:
    """A header value (``simple`` style): arrays ``a,b``, objects ``k,v`` or ``k=v``; JSON text
    for ``style="json"`` (a parameter with ``content``)."""
    if style == "json":
        return _json(value)
    joined = _joined(value, explode, ",", str)
    return joined if joined is not None else _text(value)


def cookie_header(cookies: Mapping[str, object]) -> str:
    """The ``Cookie`` header of the cookie parameters given (``form`` style, not exploded:
    arrays and objects as comma-separated lists; values percent-encoded)."""
    parts = []
    for name, value in cookies.items():
        if value is None:
            continue
        joined = _joined(value, False, ",", _quote)
        parts.append(f"{name}={joined if joined is not None else _quote(_text(value))}")
    return "; ".join(parts)


def raw_content(value: object, kind: str) -> bytes:
    """A raw request body: ``text`` (a ``str``, sent as UTF-8, or ``bytes``) or ``file`` (bytes,
    a path or a binary file object, read whole so that a retry can send it again)."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if kind == "text":
        return _text(value).encode("utf-8")
    if isinstance(value, (str, os.PathLike)):
        with open(os.fspath(value), "rb") as handle:
            return handle.read()
    read = getattr(value, "read", None)
    if callable(read):
        seek = getattr(value, "seek", None)
        if callable(seek) and getattr(value, "seekable", lambda: False)():
            seek(0)
        data = read()
        return data if isinstance(data, bytes) else str(data).encode("utf-8")
    kind_name = type(value).__name__
    raise TypeError(f"a request body must be bytes, a path or a binary file, not {kind_name}")


# The content codings a client can apply itself (RFC 9110 8.4.1), by their names.
_CODINGS = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate"}
_GZIP_MAGIC = b"\x1f\x8b\x08"  # ID1, ID2, CM=8 (deflate): RFC 1952


def content_coded(coding: str, content: bytes | None, form: bool) -> tuple[bytes | None, str]:
    """The body as a ``Content-Encoding`` parameter says it is sent, and the header's value
    ("" = no header): ``gzip`` (``x-gzip``) and ``deflate`` compress it, in the order listed;
    ``identity`` is no coding (RFC 9110 keeps it out of ``Content-Encoding``: not sent). A body
    that already is a gzip stream (gzip's magic number and method: a ``.gz`` file, bytes the
    caller compressed as the API's description told them to) is not compressed twice. A
    request without a body sends no header. ``form``: the body is a form or multipart (httpx
    encodes it), which this client does not compress. ``ValueError`` names a coding this
    client cannot apply, rather than declare one the body does not have."""
    codings = [c.strip().lower() for c in coding.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings or (content is None and not form):
        return content, ""
    unknown = [c for c in codings if c not in _CODINGS]
    if unknown:
        known = ", ".join(sorted({*_CODINGS, "identity"}))
        raise ValueError(f"Content-Encoding {unknown[0]!r} cannot be applied (known: {known})")
    if content is None:
        raise ValueError("a form or multipart body cannot be sent with a Content-Encoding")
    import zlib  # only a call that compresses pays the import

    for name in codings:
        if _CODINGS[name] == "gzip" and content[:3] == _GZIP_MAGIC:
            continue  # gzip already (a .gz file, or bytes the caller compressed): sent as is
        if _CODINGS[name] == "gzip":
            # mtime 0: the same body gives the same bytes (what gzip.compress(mtime=0) does)
            packer = zlib.compressobj(6, zlib.DEFLATED, 31)
            content = packer.compress(content) + packer.flush()
        else:
            content = zlib.compress(content)
    return content, ", ".join(codings)
