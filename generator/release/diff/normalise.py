"""One side of a diff: a document whose schemas are read with refs followed, ``allOf`` merged
and trivial unions unwrapped (``Schema``), each once (cached by pointer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...errors import SpecError, escape_pointer_token
from ...read.load import SpecDocument
from ...read.refs import Resolver


@dataclass
class Schema:
    """A schema with refs followed, allOf merged, trivial unions unwrapped."""

    node: dict[str, Any]
    ptr: str
    name: str | None  # component name of the first $ref followed, for messages
    nullable: bool
    types: frozenset[str]  # JSON types without "null"; empty = any
    props: dict[str, tuple[Any, str]]  # property name -> (schema node, pointer)
    required: frozenset[str]
    variants: list[tuple[Any, str]]  # oneOf/anyOf members (not unwrapped)
    variant_word: str  # "oneOf" / "anyOf" / ""


class Side:
    """One document: resolution of refs with pointers, and normalised schemas (cached)."""

    def __init__(self, doc: SpecDocument, label: str):
        self.doc = doc
        self.label = label
        self.resolver = Resolver(doc.data)
        self._cache: dict[str, Schema] = {}

    def deref(self, node: Any, ptr: str) -> tuple[Any, str, str | None]:
        name = Resolver.ref_name(node)
        try:
            target, where = self.resolver.deref(node, ptr)
        except SpecError as exc:
            raise SpecError(exc.message, file=self.label, pointer=exc.pointer) from None
        return target, where, name

    def schema(self, node: Any, ptr: str) -> Schema:
        target, where, name = self.deref(node, ptr)
        cached = self._cache.get(where)
        if cached is not None:
            return cached
        result = self._normalise(target, where, name, frozenset())
        self._cache[where] = result
        return result

    def _normalise(self, node: Any, ptr: str, name: str | None, seen: frozenset[str]) -> Schema:
        if not isinstance(node, dict):
            node = {}
        nullable = node.get("nullable") is True
        # A one-member (or member + null) oneOf/anyOf is that member, possibly nullable.
        for word in ("oneOf", "anyOf"):
            members = node.get(word)
            if isinstance(members, list) and members and ptr not in seen:
                real = self._non_null(members, f"{ptr}/{word}")
                if len(real) < len(members):
                    nullable = True
                if len(real) == 1 and not _has_own_shape(node):
                    target, where, inner = self.deref(real[0][0], real[0][1])
                    base = self._normalise(target, where, inner or name, seen | {ptr})
                    base.nullable = base.nullable or nullable
                    return base
        merged = dict(node)
        props: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        all_of = node.get("allOf")
        if isinstance(all_of, list) and ptr not in seen:
            merged.pop("allOf")
            for i, member in enumerate(all_of):
                target, where, inner = self.deref(member, f"{ptr}/allOf/{i}")
                part = self._normalise(target, where, inner, seen | {ptr})
                props.update(part.props)
                required |= part.required
                nullable = nullable or part.nullable
                _merge_keywords(merged, part)
                name = name or inner
        own = node.get("properties")
        if isinstance(own, dict):
            for key, value in own.items():
                props[str(key)] = (value, f"{ptr}/properties/{escape_pointer_token(key)}")
        req = node.get("required")
        if isinstance(req, list):
            required |= {str(r) for r in req}
        types = _types(merged, props)
        enum = merged.get("enum")
        if "null" in types or (isinstance(enum, list) and None in enum):
            nullable = True
            types.discard("null")
        word, variants = self._variants(merged, ptr)
        return Schema(
            node=merged,
            ptr=ptr,
            name=name,
            nullable=nullable,
            types=frozenset(types),
            props=props,
            required=frozenset(required),
            variants=variants,
            variant_word=word,
        )

    def _non_null(self, members: list[Any], base: str) -> list[tuple[Any, str]]:
        return [
            (m, f"{base}/{i}")
            for i, m in enumerate(members)
            if not _is_null_schema(self.deref(m, f"{base}/{i}")[0])
        ]

    def _variants(self, merged: dict[str, Any], ptr: str) -> tuple[str, list[tuple[Any, str]]]:
        """The oneOf/anyOf members that are not ``null`` (merged from allOf: same owner)."""
        for candidate in ("oneOf", "anyOf"):
            members = merged.get(candidate)
            if isinstance(members, list) and members:
                return candidate, self._non_null(members, f"{ptr}/{candidate}")
        return "", []


def _merge_keywords(merged: dict[str, Any], part: Schema) -> None:
    """What an allOf member adds to the merged schema (the first to say wins)."""
    for key in ("type", "enum", "format", "items", "additionalProperties"):
        if key in part.node and key not in merged:
            merged[key] = part.node[key]
    if part.variants and "oneOf" not in merged and "anyOf" not in merged:
        merged[part.variant_word] = [v for v, _ in part.variants]


def _types(merged: dict[str, Any], props: dict[str, Any]) -> set[str]:
    raw_type = merged.get("type")
    if isinstance(raw_type, list):
        types = {str(t) for t in raw_type}
    elif isinstance(raw_type, str):
        types = {raw_type}
    elif props or "additionalProperties" in merged:
        types = {"object"}
    elif "items" in merged:
        types = {"array"}
    else:
        types = set()
    if {"integer", "number"} <= types and not types - {"integer", "number", "null"}:
        types.discard("integer")
    return types


def _is_null_schema(node: Any) -> bool:
    return isinstance(node, dict) and (
        node.get("type") == "null" or (node.get("enum") == [None] and "type" not in node)
    )


def _has_own_shape(node: dict[str, Any]) -> bool:
    return any(k in node for k in ("properties", "allOf", "items", "enum"))
