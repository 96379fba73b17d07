"""A large document's models made by two calls of datamodel-code-generator at once, on two
halves of its schemas (issue 17: stripe.yaml's models are ~8 s of one call on one core; two
cores make them in ~4.5).

**The halves** (``plan``): schemas that datamodel-code-generator renders from one another's
content stay together: a schema and what its ``allOf``, ``oneOf``, ``anyOf`` or discriminator
mapping names, or what it is an alias of (a parent's fields are copied into a child; a union's
variants get their tags). Any other reference (a property's, an item's, a value's type) is
rendered by the name alone, so a half gets the schemas it names that way from the other half as
**stubs** (``stub``): what a reference's rendering reads (type, nullability, format; an enum
whole, for a default member), whose classes are left out of the half's output (merged.py
makes the two halves' modules one). Groups are given
to the first half in document order until it holds half of the schemas' size. A document below
``MIN_SCHEMAS``, or one that no cut makes two halves of at least ``MIN_SHARE`` of it, is made
by one call.

The halves are chosen from the document alone, never from the machine: where no process can be
forked the halves are made one after the other, the same bytes (tests/codegen/test_halves.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..read.refs import closure, schema_refs

# Below this many schemas one call is made: the second process and the merge cost ~0.5 s.
MIN_SCHEMAS = 1000
# Each half holds at least this share of the schemas' size, or one call is made.
MIN_SHARE = 0.3
_REF = "#/components/schemas/"
_UNIONS = ("allOf", "oneOf", "anyOf")
_STUB_KEYS = ("type", "nullable", "format", "description", "title", "const", "default")


def plan(prepared: dict[str, Any]) -> tuple[list[str], list[str]] | None:
    """The two halves of ``prepared`` (class name -> schema), each in document order; None
    when it is made by one call."""
    if len(prepared) < MIN_SCHEMAS:
        return None
    parent = {name: name for name in prepared}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    sizes: dict[str, int] = {}
    for name, schema in prepared.items():
        together: list[str] = []
        sizes[name] = _walk(schema, together)
        for other in together:
            if other in parent:
                parent[root(name)] = root(other)
    weight: dict[str, int] = {}
    for name in prepared:
        top = root(name)
        weight[top] = weight.get(top, 0) + sizes[name]
    total = sum(weight.values())
    first: set[str] = set()
    held = 0
    for name in prepared:  # groups in the order of their first schema
        top = root(name)
        if top in first or top not in weight:
            continue
        if held >= total / 2:
            break
        first.add(top)
        held += weight.pop(top)
    if not MIN_SHARE * total <= held <= (1 - MIN_SHARE) * total:
        return None
    one = [n for n in prepared if root(n) in first]
    two = [n for n in prepared if root(n) not in first]
    return one, two


def _walk(schema: Any, together: list[str]) -> int:
    """The size of ``schema`` (its JSON containers); appends to ``together`` the schemas it
    names where their content shapes its rendering (the schema itself an alias, a union's
    variants, a discriminator's mapping). A loop, not recursion: the schemas are untrusted, and
    a non-schema ``$ref`` copied in by ``prepare.rewrite_refs`` nests them past the document's
    own depth (read/limits.py)."""
    size = 0
    stack: list[tuple[Any, bool]] = [(schema, True)]  # (node, whether its $ref is strong)
    while stack:
        node, strong = stack.pop()
        if isinstance(node, list):
            size += 1
            stack.extend((item, False) for item in node)
            continue
        if not isinstance(node, dict):
            continue
        size += 1
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF) and strong:
            together.append(ref[len(_REF) :])
        for key, value in node.items():
            if key in _UNIONS and isinstance(value, list):
                size += 1
                stack.extend((item, True) for item in value)
            elif key == "discriminator" and isinstance(value, dict):
                together.extend(_mapped(value))
                size += 1
            else:
                stack.append((value, False))
    return size


def _mapped(discriminator: dict[str, Any]) -> list[str]:
    """The schemas a discriminator's ``mapping`` names."""
    mapping = discriminator.get("mapping")
    if not isinstance(mapping, dict):
        return []
    return [m[len(_REF) :] for m in mapping.values() if isinstance(m, str) and m.startswith(_REF)]


def half_document(prepared: dict[str, Any], own: list[str]) -> dict[str, Any]:
    """The schemas one call makes for the half ``own``: its own, and a stub for each schema of
    the other half that they name (and that those stubs name), in document order. (A
    discriminator's mapping names only schemas of its own half: ``plan`` keeps them together.)"""
    mine = set(own)

    def edges(name: str) -> Iterable[str]:
        schema = prepared[name] if name in mine else stub(prepared[name])
        return (other for other in schema_refs(schema) if other in prepared)

    needed = closure(own, edges)
    return {
        name: prepared[name] if name in mine else stub(prepared[name])
        for name in prepared
        if name in needed
    }


def stub(schema: Any) -> Any:
    """What a reference to ``schema`` reads when it is rendered by name: an enum whole; an
    alias (a ``$ref``) as it is; of anything else its type, nullability, format, texts, constant
    and default."""
    if not isinstance(schema, dict) or "enum" in schema:
        return schema
    if "$ref" in schema:
        return {"$ref": schema["$ref"]}
    return {key: schema[key] for key in _STUB_KEYS if key in schema}
