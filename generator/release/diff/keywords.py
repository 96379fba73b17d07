"""The keywords of one schema compared on their own: type, nullable, format, enum, default and
the constraints (``minimum`` ... ``pattern``). Whether a change breaks a client user depends on
the direction: what the client sends (``request``) or what it receives (``response``).

schemas.py walks the structure (properties, items, variants) and calls ``compare_keywords`` at
every level; each change is reported through an ``Emit`` callback, located by the caller.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .changes import BREAKING_DEFAULT, CONSTRAINTS, TYPED_FORMATS
from .normalise import Schema

Emit = Callable[[str, Any, Any, bool, str], None]  # (kind, before, after, breaking, message)


def compare_keywords(old: Schema, new: Schema, req: bool, rel: Emit) -> bool:
    """Report every keyword change of one schema; False when the type changed outright (the
    rest of the comparison would only repeat it)."""
    if not _types(old, new, req, rel):
        return False
    _nullable(old, new, req, rel)
    _format(old, new, rel)
    _enum(old, new, req, rel)
    _default(old, new, req, rel)
    _constraints(old, new, req, rel)
    return True


def _types(old: Schema, new: Schema, req: bool, rel: Emit) -> bool:
    """Report a type change; False when the types changed outright (nothing else to say).

    Widening (string -> any, integer -> number) accepts everything the old type did: harmless for
    what the client sends, breaking for what it receives; narrowing is the reverse. Any other
    change breaks both ways."""
    if old.types == new.types:
        return True
    before, after = type_text(old), type_text(new)
    if _wider(new.types, old.types):
        kind, breaking, how = "type-widened", not req, "widened"
    elif _wider(old.types, new.types):
        kind, breaking, how = "type-narrowed", req, "narrowed"
    else:
        kind, breaking, how = "type-changed", True, "changed"
    rel(kind, before, after, breaking, f"type {how} from {before} to {after}")
    return kind != "type-changed"


def _nullable(old: Schema, new: Schema, req: bool, rel: Emit) -> None:
    if old.nullable != new.nullable:
        rel(
            "nullable-added" if new.nullable else "nullable-removed",
            old.nullable,
            new.nullable,
            new.nullable != req,
            "may now be null" if new.nullable else "may no longer be null",
        )


def _format(old: Schema, new: Schema, rel: Emit) -> None:
    old_fmt, new_fmt = old.node.get("format"), new.node.get("format")
    if old_fmt != new_fmt:
        rel(
            "format-changed",
            old_fmt,
            new_fmt,
            old_fmt in TYPED_FORMATS or new_fmt in TYPED_FORMATS,
            f"format changed from {old_fmt or 'none'} to {new_fmt or 'none'}",
        )


def _enum(old: Schema, new: Schema, req: bool, rel: Emit) -> None:
    old_enum, new_enum = old.node.get("enum"), new.node.get("enum")
    if not isinstance(old_enum, list) and not isinstance(new_enum, list):
        return
    if not isinstance(old_enum, list):
        rel("enum-added", None, new_enum, req, f"now limited to {values_text(new_enum)}")
        return
    if not isinstance(new_enum, list):
        rel("enum-removed", old_enum, None, False, "no longer limited to a list of values")
        return
    old_values = [v for v in old_enum if v is not None]
    new_values = [v for v in new_enum if v is not None]
    for value in [v for v in old_values if v not in new_values]:
        note = "" if req else " (the client no longer receives it)"
        rel("enum-value-removed", value, None, req, f"enum value {json.dumps(value)} removed{note}")
    for value in [v for v in new_values if v not in old_values]:
        note = "" if req else " (enums in responses are open)"
        rel("enum-value-added", None, value, False, f"new enum value {json.dumps(value)}{note}")


def _default(old: Schema, new: Schema, req: bool, rel: Emit) -> None:
    missing = object()
    before = old.node.get("default", missing)
    after = new.node.get("default", missing)
    if before is missing and after is missing:
        return
    both = before is not missing and after is not missing
    if both and type(before) is type(after) and before == after:
        return
    if both and before == after and not req:
        return
    marked = bool(new.node.get(BREAKING_DEFAULT)) and req
    if before is missing:
        rel("default-added", None, after, marked, f"default {json.dumps(after)} added")
    elif after is missing:
        rel("default-removed", before, None, marked, f"default {json.dumps(before)} removed")
    else:
        rel(
            "default-changed",
            before,
            after,
            marked,
            f"default changed from {json.dumps(before)} to {json.dumps(after)}",
        )


def _constraints(old: Schema, new: Schema, req: bool, rel: Emit) -> None:
    for keyword, sense in CONSTRAINTS:
        before, after = old.node.get(keyword), new.node.get(keyword)
        if before == after or isinstance(before, bool) or isinstance(after, bool):
            continue
        if sense == "other":
            tighter = looser = True  # a new pattern or multipleOf: can't tell, assume tighter
        elif before is None:
            tighter, looser = True, False
        elif after is None:
            tighter, looser = False, True
        elif not isinstance(before, (int, float)) or not isinstance(after, (int, float)):
            tighter = looser = True
        else:
            grew = after > before
            tighter = grew if sense == "lower" else not grew
            looser = not tighter
        breaking = tighter if req else looser
        word = "tightened" if tighter and not looser else "loosened" if looser else "changed"
        if tighter and looser:
            word = "changed"
        rel(
            "constraint-changed",
            {keyword: before} if before is not None else None,
            {keyword: after} if after is not None else None,
            breaking,
            f"{keyword} {word}: {_fmt(before)} → {_fmt(after)}",
        )


def type_text(schema: Schema) -> str:
    if not schema.types:
        text = f"{schema.variant_word} union" if schema.variants else "any"
    else:
        text = " | ".join(sorted(schema.types))
    fmt = schema.node.get("format")
    if fmt and len(schema.types) == 1:
        text += f" ({fmt})"
    return text


def values_text(values: Any) -> str:
    if not isinstance(values, list):
        return str(values)
    shown = ", ".join(json.dumps(v, default=str) for v in values[:8])
    return f"[{shown}{', ...' if len(values) > 8 else ''}]"


def _fmt(value: Any) -> str:
    return "none" if value is None else json.dumps(value, default=str)


def _wider(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Every value of the ``narrow`` types is a value of the ``wide`` ones (empty = any)."""
    if not wide:
        return True
    if not narrow:
        return False
    covered = set(wide) | ({"integer"} if "number" in wide else set())
    return set(narrow) <= covered
