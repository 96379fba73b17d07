"""A short string that a spec's ``pattern`` accepts, for the README's example calls.

Twilio's ids have patterns (``^AC[0-9a-fA-F]{32}$``): the example ``fetch("<sid>")`` was
refused by the client's own check before anything was sent, in the quick start and in the
"test against a mock" example. ``matching("^AC[0-9a-fA-F]{32}$")`` is ``"AC" + "0" * 32``.

The pattern is parsed by Python's own regular-expression parser (``re._parser``, the one
``re.compile`` uses) and the shortest string is read off its tree: literals as they are, the
first member of a class, the first alternative, each repetition its minimum. Whatever it
cannot read (look-arounds, back references, a parser that is not there), or a result that
the pattern (and the length limits) do not accept, gives ``None``: the caller keeps its
placeholder, as does a string with a character that is not printable (a control or a bidi
override written as ``\\u202e`` in the pattern: the README shows the example as it is).
Work is bounded: at most ``MAX_LENGTH`` characters are made.
"""

from __future__ import annotations

import re
from typing import Any

MAX_LENGTH = 120

try:  # Python 3.11+: re._parser; before: sre_parse (the same module)
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre_parse


class _Unreadable(Exception):
    """A part of the pattern the walk does not make a string for."""


_CATEGORIES = {
    "CATEGORY_DIGIT": "0",
    "CATEGORY_WORD": "a",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_NOT_WORD": "-",
    "CATEGORY_NOT_SPACE": "a",
}


def matching(pattern: str, min_length: int = 0, max_length: int | None = None) -> str | None:
    """The shortest string ``pattern`` finds (``re.search``, as JSON Schema's ``pattern`` is
    applied) within the length limits, or ``None`` (also for the empty string)."""
    try:
        compiled = re.compile(pattern)
        text = _walk(_sre_parse.parse(pattern))
    except (_Unreadable, re.error, RecursionError, ValueError, TypeError, AttributeError):
        return None
    if not text or not text.isprintable() or len(text) < min_length:
        return None
    if max_length is not None and len(text) > max_length:
        return None
    return text if compiled.search(text) else None


def _walk(tokens: Any) -> str:
    out: list[str] = []
    for op, arg in tokens:
        out.append(_token(str(op), arg))
        if sum(map(len, out)) > MAX_LENGTH:
            raise _Unreadable("too long")
    return "".join(out)


def _token(op: str, arg: Any) -> str:
    if op == "LITERAL":
        return chr(arg)
    if op == "AT":
        return ""
    if op == "ANY":
        return "a"
    if op == "IN":
        return _member(arg)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, sub = arg
        if low > MAX_LENGTH:
            raise _Unreadable("too long")
        return _walk(sub) * int(low)
    if op == "SUBPATTERN":
        return _walk(arg[-1])
    if op == "ATOMIC_GROUP":
        return _walk(arg)
    if op == "BRANCH":
        return _walk(arg[1][0])
    if op == "CATEGORY":
        return _CATEGORIES.get(str(arg)) or _unreadable(arg)
    return _unreadable(op)


def _member(items: Any) -> str:
    """The first character a class ``[...]`` takes (``[^...]``: not read)."""
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            raise _Unreadable("a negated class")
        if name == "LITERAL":
            return chr(arg)
        if name == "RANGE":
            return chr(arg[0])
        if name == "CATEGORY":
            return _CATEGORIES.get(str(arg)) or _unreadable(arg)
    raise _Unreadable("an empty class")


def _unreadable(what: Any) -> str:
    raise _Unreadable(str(what))
