"""Turning names from a spec into safe, idiomatic Python identifiers."""

from __future__ import annotations

import builtins
import keyword
import re

_CAMEL_BOUNDARY_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_CAMEL_BOUNDARY_2 = re.compile(r"([a-z0-9])([A-Z])")
_NON_IDENT = re.compile(r"[^0-9a-zA-Z_]+")


def snake_case(name: str) -> str:
    """``getRunHistory`` -> ``get_run_history``; ``shared-configs`` -> ``shared_configs``."""
    text = _CAMEL_BOUNDARY_1.sub(r"\1_\2", name)
    text = _CAMEL_BOUNDARY_2.sub(r"\1_\2", text)
    text = _NON_IDENT.sub("_", text).strip("_").lower()
    text = re.sub(r"_+", "_", text)
    return text or "_"


def pascal_case(name: str) -> str:
    """``shared_configurations`` -> ``SharedConfigurations``."""
    parts = [p for p in re.split(r"[^0-9a-zA-Z]+", snake_case(name)) if p]
    text = "".join(p[:1].upper() + p[1:] for p in parts) or "X"
    if text[0].isdigit():
        text = "_" + text
    return text


# Names a generated method parameter must not take: they would shadow what the method body uses.
_RESERVED_ARGUMENTS = {
    "self",
    "extra_headers",
    "extra_query",
    "extra_body",
    "timeout",
    "idempotency_key",
    "poll_interval",
    "max_timeout",
}


def identifier(name: str) -> str:
    """A safe Python identifier for a parameter or attribute."""
    text = snake_case(name)
    if text[0].isdigit():
        text = "_" + text
    if keyword.iskeyword(text) or keyword.issoftkeyword(text) or text in _RESERVED_ARGUMENTS:
        text += "_"
    return text


def method_name(name: str) -> str:
    text = identifier(name)
    # A method may shadow a builtin (``list``, ``filter``) on a class: fine and idiomatic.
    return text


def is_builtin(name: str) -> bool:
    return hasattr(builtins, name)
