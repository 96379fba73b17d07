# Generated from templates/runtime/_types.py.jinja. Do not edit by hand.
"""Small shared types: the ``NOT_GIVEN`` sentinel and the aliases used in signatures."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Any, Literal, Union

import httpx

__all__ = [
    "NOT_GIVEN",
    "Body",
    "FileContent",
    "FileInput",
    "Headers",
    "NoneType",
    "NotGiven",
    "Query",
    "Timeout",
]


class NotGiven:
    """Marks an argument that was not passed at all.

    ``None`` can be a meaningful value (a nullable field the caller wants to clear), so
    "leave it out of the request" needs its own marker. There is one instance, ``NOT_GIVEN``;
    it is falsy so ``if value:`` style checks treat it like an absent value.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        # A singleton keeps ``value is NOT_GIVEN`` reliable, also after copy/pickle.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __copy__(self) -> NotGiven:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> NotGiven:
        return self

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

NoneType = type(None)
"""``cast_to`` of a response without content. Generated methods name it rather than
``type(None)``: an argument called ``type`` would shadow the builtin there."""

Headers = Mapping[str, str]
"""Extra HTTP headers for one call."""

Query = Mapping[str, object]
"""Query parameters; ``None`` values are dropped, booleans are sent as ``true``/``false``."""

Body = Mapping[str, object]
"""A JSON object request body."""

Timeout = Union[float, httpx.Timeout, None]
"""Seconds (for connect, read, write and pool), an ``httpx.Timeout``, or ``None`` (no limit)."""

FileContent = Union[bytes, IO[bytes]]
"""What is actually streamed in a multipart upload."""

FileInput = Union[
    str,
    os.PathLike[str],
    bytes,
    IO[bytes],
    tuple[str, FileContent],
    tuple[str, FileContent, str],
]
"""A file to upload: a path (``str`` or ``os.PathLike``), its bytes, a binary file object, or
``(filename, content)`` / ``(filename, content, content_type)`` (``content`` bytes or a binary
file object): a multipart part then carries that filename (and content type, else one guessed
from the filename); a raw body sends the content, the content type as its ``Content-Type``."""
