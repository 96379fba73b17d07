"""Comparing two schemas, for what the client sends (``request``) or receives (``response``):
the structure (properties, array items, additionalProperties, oneOf/anyOf variants) walked
here, each level's own keywords compared by keywords.py.

Memoised by the pair of pointers compared and guarded against cycles and depth, so shared
schemas in multi-megabyte documents are compared once (see ``MAX_DEPTH``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ...read.load import SpecDocument
from ...read.refs import Resolver
from .changes import MAX_DEPTH
from .keywords import compare_keywords, type_text, values_text
from .normalise import Schema, Side


@dataclass(frozen=True)
class Rel:
    """A change found inside a schema, located relative to that schema (memoisable)."""

    path: str  # "config.lora_rank", "[].id", "" for the schema itself
    kind: str
    before: Any
    after: Any
    breaking: bool
    message: str


class SchemaDiffer:
    """The schemas of two documents compared, level by level (``compare``), memoised."""

    def __init__(self, old: SpecDocument, new: SpecDocument):
        self.old = Side(old, "old")
        self.new = Side(new, "new")
        self._memo: dict[tuple[str, str, str], tuple[Rel, ...]] = {}
        self._active: set[tuple[str, str, str]] = set()

    def compare(
        self, old_node: Any, old_ptr: str, new_node: Any, new_ptr: str, direction: str
    ) -> tuple[Rel, ...]:
        old = self.old.schema(old_node, old_ptr)
        new = self.new.schema(new_node, new_ptr)
        key = (old.ptr, new.ptr, direction)
        memo = self._memo.get(key)
        if memo is not None:
            return memo
        if key in self._active or len(self._active) >= MAX_DEPTH:
            return ()  # a cycle (reported where it started) or too deep
        self._active.add(key)
        try:
            result = tuple(self._compare(old, new, direction))
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    def _compare(self, old: Schema, new: Schema, direction: str) -> list[Rel]:
        req = direction == "request"
        out: list[Rel] = []

        def rel(kind: str, before: Any, after: Any, breaking: bool, message: str) -> None:
            out.append(Rel("", kind, before, after, breaking, message))

        if not compare_keywords(old, new, req, rel):
            return out  # the type changed: the rest of the comparison would only repeat it
        if "object" in new.types or old.props or new.props:
            out.extend(self._properties(old, new, direction))
        out.extend(self._nested(old, new, direction))
        if old.variants or new.variants:
            out.extend(self._variants(old, new, direction))
        return out

    def _nested(self, old: Schema, new: Schema, direction: str) -> list[Rel]:
        """Array items (``[]``) and additionalProperties (``{*}``)."""
        out: list[Rel] = []
        if "array" in new.types:
            old_items, new_items = old.node.get("items"), new.node.get("items")
            if isinstance(old_items, dict) and isinstance(new_items, dict):
                for r in self.compare(
                    old_items, f"{old.ptr}/items", new_items, f"{new.ptr}/items", direction
                ):
                    out.append(prefix(r, "[]"))
        old_ap, new_ap = old.node.get("additionalProperties"), new.node.get("additionalProperties")
        if isinstance(old_ap, dict) and isinstance(new_ap, dict):
            for r in self.compare(
                old_ap,
                f"{old.ptr}/additionalProperties",
                new_ap,
                f"{new.ptr}/additionalProperties",
                direction,
            ):
                out.append(prefix(r, "{*}"))
        return out

    def _visible(self, side: Side, schema: Schema, skip: str) -> dict[str, tuple[Any, str]]:
        """The properties of ``schema`` without the ``readOnly``/``writeOnly`` ones (``skip``)."""
        result = {}
        for name, (node, ptr) in schema.props.items():
            target, _, _ = side.deref(node, ptr)
            if not (isinstance(target, dict) and target.get(skip) is True):
                result[name] = (node, ptr)
        return result

    def _properties(self, old: Schema, new: Schema, direction: str) -> list[Rel]:
        req = direction == "request"
        side_word = "request field" if req else "response field"
        kind_word = "request-field" if req else "response-field"
        skip = "readOnly" if req else "writeOnly"
        old_props = self._visible(self.old, old, skip)
        new_props = self._visible(self.new, new, skip)
        removed = [n for n in old_props if n not in new_props]
        added = [n for n in new_props if n not in old_props]
        renamed: dict[str, str] = {}
        if not req and len(removed) == 1 and len(added) == 1:
            # A rename keeps the property's schema word for word (its description too): a
            # field removed beside a new one that merely has the same type is two changes.
            o_node, o_ptr = old_props[removed[0]]
            n_node, n_ptr = new_props[added[0]]
            if o_node == n_node and not self.compare(o_node, o_ptr, n_node, n_ptr, direction):
                renamed[removed[0]] = added[0]
        out: list[Rel] = []
        for name in removed:
            if name in renamed:
                message = f"{side_word} renamed from {name} to {renamed[name]}"
                out.append(
                    Rel(renamed[name], f"{kind_word}-renamed", name, renamed[name], True, message)
                )
            else:
                out.append(
                    Rel(name, f"{kind_word}-removed", name, None, True, f"{side_word} removed")
                )
        for name in added:
            if name in renamed.values():
                continue
            node, ptr = new_props[name]
            required = name in new.required
            breaking = req and required and not has_default(self.new, node, ptr)
            detail = self.describe(self.new, node, ptr)
            kind = "required" if required else "optional"
            message = f"new {kind} {side_word} ({detail})"
            out.append(Rel(name, f"{kind_word}-added", None, name, breaking, message))
        for name, (node, ptr) in new_props.items():
            if name in old_props:
                out.extend(self._property(old, new, name, old_props[name], (node, ptr), direction))
        return out

    def _property(
        self,
        old: Schema,
        new: Schema,
        name: str,
        old_prop: tuple[Any, str],
        new_prop: tuple[Any, str],
        direction: str,
    ) -> list[Rel]:
        """A property both sides have: required-ness, deprecation, its schema."""
        req = direction == "request"
        side_word = "request field" if req else "response field"
        kind_word = "request-field" if req else "response-field"
        out: list[Rel] = []
        was, now = name in old.required, name in new.required
        if was != now:
            kind = f"{kind_word}-required" if now else f"{kind_word}-optional"
            message = f"{side_word} became {'required' if now else 'optional'}"
            out.append(Rel(name, kind, was, now, now if req else not now, message))
        (o_node, o_ptr), (node, ptr) = old_prop, new_prop
        o_target, _, _ = self.old.deref(o_node, o_ptr)
        n_target, _, _ = self.new.deref(node, ptr)
        if isinstance(o_target, dict) and isinstance(n_target, dict):
            was_dep, now_dep = bool(o_target.get("deprecated")), bool(n_target.get("deprecated"))
            if was_dep != now_dep:
                message = f"{side_word} {'deprecated' if now_dep else 'no longer deprecated'}"
                out.append(Rel(name, "deprecated", was_dep, now_dep, False, message))
        for r in self.compare(o_node, o_ptr, node, ptr, direction):
            out.append(prefix(r, name))
        return out

    def _variant_keys(
        self, side: Side, variants: list[tuple[Any, str]]
    ) -> dict[str, tuple[Any, str]]:
        """oneOf/anyOf members keyed by what identifies them: a ref name, a type, a position."""
        result: dict[str, tuple[Any, str]] = {}
        for index, (node, ptr) in enumerate(variants):
            name = Resolver.ref_name(node)
            target = side.deref(node, ptr)[0] if name is None else None
            if name is not None:
                key = f"ref:{name}"
            elif isinstance(target, dict) and isinstance(target.get("type"), str):
                key = f"type:{target['type']}"
            else:
                key = f"#{index}"
            result[key if key not in result else f"{key}#{index}"] = (node, ptr)
        return result

    def _variants(self, old: Schema, new: Schema, direction: str) -> list[Rel]:
        req = direction == "request"
        out: list[Rel] = []
        word = new.variant_word or old.variant_word
        old_keys = self._variant_keys(self.old, old.variants)
        new_keys = self._variant_keys(self.new, new.variants)
        # Unmatched variants at the same position are compared with each other (a renamed ref).
        only_old = [k for k in old_keys if k not in new_keys]
        only_new = [k for k in new_keys if k not in old_keys]
        pairs = [(k, k) for k in old_keys if k in new_keys]
        while only_old and only_new and len(only_old) == len(only_new):
            pairs.append((only_old.pop(0), only_new.pop(0)))
        for k in only_old:
            text = self.describe(self.old, *old_keys[k])
            out.append(
                Rel("", "variant-removed", text, None, req, f"{word} variant {text} removed")
            )
        for k in only_new:
            text = self.describe(self.new, *new_keys[k])
            out.append(Rel("", "variant-added", None, text, not req, f"new {word} variant {text}"))
        for ko, kn in pairs:
            (o_node, o_ptr), (n_node, n_ptr) = old_keys[ko], new_keys[kn]
            name = Resolver.ref_name(n_node)
            label = f"(as {name})" if name else f"({word}[{new.variants.index((n_node, n_ptr))}])"
            for r in self.compare(o_node, o_ptr, n_node, n_ptr, direction):
                out.append(prefix(r, label))
        return out

    def describe(self, side: Side, node: Any, ptr: str) -> str:
        """A short type text for messages: ``integer``, ``array of Run``, ``string (date-time)``."""
        if node is None:
            return "any"
        schema = side.schema(node, ptr)
        text = type_text(schema)
        if schema.name and "object" in schema.types:
            text = schema.name
        if schema.types == {"array"}:
            items = schema.node.get("items")
            if isinstance(items, dict):
                text = f"array of {self.describe(side, items, schema.ptr + '/items')}"
        extras = []
        if "default" in schema.node:
            extras.append(f"default {json.dumps(schema.node['default'], default=str)}")
        if isinstance(schema.node.get("enum"), list):
            extras.append(f"one of {values_text(schema.node['enum'])}")
        return text + (", " + ", ".join(extras) if extras else "")


def prefix(r: Rel, segment: str) -> Rel:
    """Locate a nested change under a property name, ``[]`` (items), ``{*}`` or ``<variant>``."""
    if not r.path:
        path = segment
    elif r.path.startswith(("[", "{", "(")):
        path = segment + r.path
    else:
        path = f"{segment}.{r.path}"
    return Rel(path, r.kind, r.before, r.after, r.breaking, r.message)


def has_default(side: Side, node: Any, ptr: str) -> bool:
    target, _, _ = side.deref(node, ptr)
    return isinstance(target, dict) and "default" in target
