# Generated from templates/runtime/_validation.py.jinja. Do not edit by hand.
"""Checks run on arguments before any byte is sent, and upload helpers.

Every number the client sends must be finite: JSON has no NaN or infinity (``json.dumps``
would write ``NaN``, which no JSON parser accepts), and a query or path parameter of ``nan``
means nothing to an API. Header names and values must be what HTTP can carry.
"""

from __future__ import annotations

import contextlib
import math
import mimetypes
import os
import re
import sys
from collections.abc import Mapping, Sized
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import IO, cast

from ._exceptions import ValidationError
from ._redact import is_credential
from ._types import FileInput, NotGiven

__all__ = [
    "check_arguments",
    "check_headers",
    "header_problem",
    "header_value_problem",
    "is_finite",
    "to_httpx_file",
]

# RFC 9110 token characters: what a header name may be made of.
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# What httpx can send in a header value given as text: printable ASCII, spaces and tabs.
_HEADER_VALUE_BAD = re.compile(r"[^\t\x20-\x7e]")

_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "a list",
    "object": "an object",
}


def is_model(value: object) -> bool:
    """Whether ``value`` is a Pydantic model instance, without importing Pydantic: none can
    exist before ``pydantic.main`` is loaded (a command line that sends no model, and has no
    answer yet, never pays for Pydantic's import)."""
    main = sys.modules.get("pydantic.main")
    return main is not None and isinstance(value, main.BaseModel)


def check_arguments(
    operation_name: str,
    values: Mapping[str, object],
    constraints: Mapping[str, Mapping[str, object]],
) -> None:
    """Check call arguments against their specification constraints.

    ``constraints`` maps an argument name to JSON Schema keywords: ``type``, ``minimum``,
    ``maximum``, ``exclusiveMinimum``, ``exclusiveMaximum``, ``minLength``, ``maxLength``,
    ``pattern``, ``enum``, ``minItems``, ``maxItems``, and ``items`` (the keywords each item
    of a list must meet). Path, query, header and body arguments are checked alike; a NaN or
    infinite number always fails (JSON cannot carry it, and no API means it). Arguments that
    are ``None`` or ``NOT_GIVEN`` are not checked (they are not sent), except that ``None``
    fails for an argument with ``nullable: False`` (one sent as it is, which the API does not
    allow to be null: a required argument or one with a default). Raises the package's
    ``ValidationError`` (``status_code`` ``None``) listing every problem, e.g.
    ``"runs.create: completion_length must be >= 128 (got 50)"``.
    """
    problems: list[dict[str, object]] = []
    for name, rules in constraints.items():
        value = values.get(name)
        if value is None and rules.get("nullable") is False:
            message = f"{name} must not be None (the API requires a value)"
            problems.append({"argument": name, "constraint": "nullable", "message": message})
            continue
        if value is None or isinstance(value, NotGiven):
            continue
        for keyword, text in _problems(value, rules):
            shown = _describe(name, value)
            problems.append(
                {"argument": name, "constraint": keyword, "message": f"{name} {text} (got {shown})"}
            )
    if problems:
        summary = "; ".join(str(p["message"]) for p in problems)
        raise ValidationError(f"{operation_name}: {summary}", details={"errors": problems})


def is_finite(value: object) -> bool:
    """``False`` for a float or ``Decimal`` NaN or infinity, ``True`` for anything else."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, Decimal):
        return value.is_finite()
    return True


def header_value_problem(value: object) -> str | None:
    """Why ``value`` cannot be sent as a header value, or ``None``; never quotes the value.

    Surrounding whitespace is allowed here (it is stripped before sending).
    """
    if not isinstance(value, str):
        return f"must be a string (got a {type(value).__name__})"
    bad = _HEADER_VALUE_BAD.search(value.strip())
    if bad is None:
        return None
    kind = "a non-ASCII character" if ord(bad.group()) > 0x7E else "a control character"
    return f"contains {kind} (at position {bad.start()})"


def header_problem(name: object, value: object) -> str | None:
    """Why the header ``name: value`` cannot be sent, or ``None``; never quotes the value."""
    if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
        shown = repr(name)[:40] if isinstance(name, str) else f"a {type(name).__name__}"
        return f"{shown} is not a valid header name"
    problem = header_value_problem(value)
    return None if problem is None else f"the value of header {name!r} {problem}"


def check_headers(operation_name: str, headers: Mapping[str, object]) -> dict[str, str]:
    """Headers of one call, ready to send: values as text, without surrounding whitespace.

    Numbers and booleans become text (``true``/``false``); anything HTTP cannot carry (a line
    break, a non-ASCII character, a NaN) raises ``ValidationError`` without showing the value.
    """
    ready: dict[str, str] = {}
    problems: list[str] = []
    for name, value in headers.items():
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, (int, float, Decimal)):
            if not is_finite(value):
                problems.append(f"header {name!r} must be a finite number")
                continue
            value = str(value)
        problem = header_problem(name, value)
        if problem is not None:
            problems.append(problem)
            continue
        ready[name] = cast(str, value).strip()
    if problems:
        raise ValidationError(f"{operation_name}: {'; '.join(problems)}")
    return ready


def _describe(name: str, value: object) -> str:
    if is_credential(name):
        return f"a {type(value).__name__} that is not shown"
    if isinstance(value, Enum):
        value = value.value
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _problems(value: object, rules: Mapping[str, object]) -> list[tuple[str, str]]:
    """(keyword, message) for every rule ``value`` breaks."""
    if isinstance(value, Enum):  # a member is checked as its value (an integer enum's: an int)
        value = value.value
    elif getattr(value, "__pydantic_root_model__", False) and is_model(value):
        value = getattr(value, "root", value)  # a scalar component's class: checked as its value
    expected = rules.get("type")
    if isinstance(expected, str) and not _has_type(value, expected):
        # Range or length checks on a value of the wrong type would only add noise.
        return [("type", f"must be {_TYPE_NAMES.get(expected, expected)}")]
    count = len(rules)
    only_type = count == 1 or (count == 2 and "nullable" in rules)
    if only_type and expected is not None and type(value) in (str, int):
        # the usual path parameter or required string: its type is its only rule (besides not
        # being None), and a str or int is finite
        return []

    found: list[tuple[str, str]] = []
    plain = value
    if not is_finite(plain):
        # Every range check passes for NaN; JSON cannot carry it nor infinity.
        return [("type", "must be a finite number")]
    number = _number(plain)
    if number is not None:
        minimum = _number(rules.get("minimum"))
        maximum = _number(rules.get("maximum"))
        ex_min = _number(rules.get("exclusiveMinimum"))
        ex_max = _number(rules.get("exclusiveMaximum"))
        # OpenAPI 3.0 writes exclusiveMinimum: true next to minimum; 3.1 gives the bound itself.
        if rules.get("exclusiveMinimum") is True:
            ex_min, minimum = minimum, None
        if rules.get("exclusiveMaximum") is True:
            ex_max, maximum = maximum, None
        if minimum is not None and number < minimum:
            found.append(("minimum", f"must be >= {minimum}"))
        if maximum is not None and number > maximum:
            found.append(("maximum", f"must be <= {maximum}"))
        if ex_min is not None and number <= ex_min:
            found.append(("exclusiveMinimum", f"must be > {ex_min}"))
        if ex_max is not None and number >= ex_max:
            found.append(("exclusiveMaximum", f"must be < {ex_max}"))

    if isinstance(plain, str):
        min_length = rules.get("minLength")
        max_length = rules.get("maxLength")
        if isinstance(min_length, int) and len(plain) < min_length:
            found.append(("minLength", f"must have at least {min_length} characters"))
        if isinstance(max_length, int) and len(plain) > max_length:
            found.append(("maxLength", f"must have at most {max_length} characters"))
        pattern = rules.get("pattern")
        if isinstance(pattern, str) and not _compiled(pattern).search(plain):
            found.append(("pattern", f"must match the pattern {pattern!r}"))
    elif isinstance(plain, Sized) and not isinstance(plain, (bytes, Mapping)):
        min_items = rules.get("minItems")
        max_items = rules.get("maxItems")
        if isinstance(min_items, int) and len(plain) < min_items:
            found.append(("minItems", f"must have at least {min_items} items"))
        if isinstance(max_items, int) and len(plain) > max_items:
            found.append(("maxItems", f"must have at most {max_items} items"))
        items = rules.get("items")
        if isinstance(items, Mapping) and isinstance(plain, (list, tuple)):
            for index, item in enumerate(plain):
                if item is None:
                    continue  # dropped from a query; null in a body (nullability is not checked)
                found.extend((f"items.{k}", f"[{index}] {t}") for k, t in _problems(item, items))

    allowed = rules.get("enum")
    if isinstance(allowed, (list, tuple, set, frozenset)) and plain not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        found.append(("enum", f"must be one of {choices}"))
    return found


def _number(value: object) -> float | None:
    # bool is an int subclass, but True is not a valid number argument.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def _has_type(value: object, expected: str) -> bool:
    if expected == "string":
        return isinstance(value, str)
    if expected == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == "number":
        return _number(value) is not None
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "array":
        return isinstance(value, (list, tuple))
    if expected == "object":
        return isinstance(value, Mapping) or is_model(value)
    return True


@lru_cache(maxsize=128)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def to_httpx_file(
    value: FileInput,
    stack: contextlib.ExitStack,
    *,
    filename: str | None = None,
    content_type: str | None = None,
) -> tuple[str | None, bytes | IO[bytes], str | None]:
    """Turn a ``FileInput`` into the ``(filename, content, content_type)`` tuple httpx sends.

    A path (``str`` or ``os.PathLike``) is opened, not read: httpx streams it in chunks, and
    ``stack`` closes it when the request is over. A file object is streamed as is (it is
    rewound before a retry); ``bytes`` are sent directly. A ``(filename, content[,
    content_type])`` tuple gives the filename (and content type) of its content.
    """
    content: bytes | IO[bytes]
    if isinstance(value, tuple):
        name, content = filename or value[0], value[1]
        content_type = content_type or (value[2] if len(value) == 3 else None)
    elif isinstance(value, (str, os.PathLike)):
        path = os.fspath(value)
        content = stack.enter_context(open(path, "rb"))  # closed by the stack
        name = filename or os.path.basename(path)
    elif isinstance(value, (bytes, bytearray, memoryview)):
        content = bytes(value)
        name = filename or "upload"
    else:
        content = value
        raw_name = getattr(value, "name", None)
        name = filename or (os.path.basename(raw_name) if isinstance(raw_name, str) else "upload")
    if content_type is None:
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return (name, content, content_type)
