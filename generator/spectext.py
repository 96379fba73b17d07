"""Text and values that come from the spec, kept apart from the generator's own strings.

Every description, name, enum value, default, example, server URL and ``x-sdk-*`` value of a spec
travels in the IR wrapped in ``SpecText`` (a string) or ``SpecValue`` (any JSON value). Neither can
be turned into a string by accident: ``str()``, ``format()``, ``~`` and ``join`` in a template, an
f-string in Python all raise ``UnescapedSpecText``. The only way out is a function made for the
place the text goes (generator/render/escape.py: a docstring, a comment, a Python string literal,
TOML, Markdown). Identifiers the generator made from spec names (generator/naming.py) are plain
``str``: they are safe by construction.

Spec prose goes into the IR cleaned first (``clean_text``, ``prose``: line breaks made ``\n``,
control and invisible characters dropped), still to be escaped for its context.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any


class UnescapedSpecText(TypeError):
    """Spec text reached generated output without choosing its context (a generator bug)."""


@dataclass(frozen=True, slots=True)
class SpecText:
    """A string from the spec. Its ``value`` is raw and untrusted."""

    value: str

    def __str__(self) -> str:
        raise UnescapedSpecText(
            f"spec text {self.value[:60]!r} must go through an escaping function for its "
            "context (docstring, comment, pyrepr, toml, md...), not str()"
        )

    def __format__(self, format_spec: str) -> str:
        raise UnescapedSpecText(
            f"spec text {self.value[:60]!r} must go through an escaping function, not format()"
        )

    def __bool__(self) -> bool:
        return bool(self.value)


@dataclass(frozen=True, slots=True, eq=False)
class SpecValue:
    """A JSON value from the spec (a default, constraints, an enum value). ``value`` is raw."""

    value: Any

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SpecValue) and _canonical(self.value) == _canonical(other.value)

    def __hash__(self) -> int:
        return hash(_canonical(self.value))

    def __str__(self) -> str:
        raise UnescapedSpecText(f"spec value {self.value!r:.60} must go through pyrepr, not str()")

    def __format__(self, format_spec: str) -> str:
        raise UnescapedSpecText(f"spec value {self.value!r:.60} must go through pyrepr")

    def __bool__(self) -> bool:
        return bool(self.value)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr, ensure_ascii=False)


def raw(value: Any) -> Any:
    """The raw data inside ``SpecText``/``SpecValue`` (recursively through tuples, lists and
    dicts): for escaping functions and comparisons, never for output."""
    if isinstance(value, (SpecText, SpecValue)):
        return raw(value.value)
    if isinstance(value, tuple):
        return tuple(raw(v) for v in value)
    if isinstance(value, list):
        return [raw(v) for v in value]
    if isinstance(value, dict):
        return {raw(k): raw(v) for k, v in value.items()}
    return value


def text(value: str | None) -> SpecText | None:
    return None if value is None else SpecText(value)


_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


# An ASCII control character but the line break (what clean_text drops from ASCII text).
_ASCII_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def clean_text(text: object) -> str:
    """Spec prose made safe to put in generated comments and docstrings (before escaping).

    Line breaks of every kind become ``\\n``, tabs spaces; control, format (bidi overrides,
    zero-width), private-use, surrogate and unassigned characters go; lines lose trailing
    whitespace. Quotes and backslashes are left for the caller to escape.
    """
    value = _LINE_BREAKS.sub("\n", str(text)).replace("\t", "    ")
    if not value.isascii() or _ASCII_CONTROL.search(value):
        value = "".join(
            ch
            for ch in value
            if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
        )
    return "\n".join(line.rstrip() for line in value.split("\n"))


def prose(value: object) -> str:
    """Spec prose (a description, a summary) cleaned for generated docs; "" when absent."""
    return clean_text(value).strip() if value else ""
