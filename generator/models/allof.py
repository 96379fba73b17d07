"""An ``allOf`` that only describes one schema, written as that schema (not a class of its own).

Documents describe a property with ``allOf`` (OpenAPI 3.0 ignores keywords beside a ``$ref``):
``allOf: [{$ref: User}, {description: The owner.}]``, or Box's ``allOf: [{type: string,
maxLength: 256}, {nullable: false}]``, or ``allOf: [{oneOf: [File, Folder]}, {nullable:
false}]``. datamodel-code-generator types such a property as the schema described (``User``,
``str`` with its constraints, ``Union[File, Folder]``) with its description, but for a
``$ref`` to a ``oneOf`` (a wrapper class with a copy of every member) unless it is written as a
one-member ``allOf`` (``prepare.py``); lifted as an inline schema worth a class (``lift.py``),
it was a subclass ``<Parent><Property>`` of ``User``, a ``RootModel[str]`` to unwrap with
``.root``, such a wrapper.
"""

from __future__ import annotations

from typing import Any

# What makes a schema more than one value's type and constraints (an enum is a class too)
_STRUCTURE = frozenset(
    {"$ref", "properties", "allOf", "anyOf", "oneOf", "items", "additionalProperties"}
    | {"patternProperties", "prefixItems", "enum"}
)
_UNIONS = frozenset({"oneOf", "anyOf"})
# Keywords that describe a value without constraining its shape
_ANNOTATIONS = frozenset(
    {"description", "title", "nullable", "readOnly", "writeOnly", "deprecated", "example"}
    | {"examples", "externalDocs"}
)


def described(schema: dict[str, Any]) -> dict[str, Any] | None:
    """``schema`` written as the one schema its ``allOf`` describes, or None when it is more:
    a ``$ref`` with members that only describe it (``_ANNOTATIONS``) becomes a one-member
    ``allOf`` beside their keywords (how datamodel-code-generator takes a described ref);
    scalar members (and at most one ``oneOf`` or ``anyOf``) become one schema with all their
    keywords (nullable when every member is; the first description), unless two disagree on
    a constraint."""
    parts = schema.get("allOf")
    if not isinstance(parts, list) or not parts or not all(isinstance(p, dict) for p in parts):
        return None
    merged = {k: v for k, v in schema.items() if k != "allOf"}
    refs = [p for p in parts if p.keys() == {"$ref"}]
    if len(refs) == 1:
        others = [p for p in [merged, *parts] if p is not refs[0]]
        if not all(p.keys() <= _ANNOTATIONS for p in others):
            return None
        for part in others:
            for key, value in part.items():
                merged.setdefault(key, value)
        return {**merged, "allOf": refs}
    shaped = [p for p in [merged, *parts] if not _scalar(p)]
    if len(shaped) > 1 or (shaped and not _STRUCTURE & shaped[0].keys() <= _UNIONS):
        return None
    for part in parts:
        for key, value in part.items():
            if key == "nullable":  # null must pass every member
                merged[key] = merged.get(key, True) is True and value is True
            elif merged.setdefault(key, value) != value and key not in _ANNOTATIONS:
                return None  # two constraints disagree (a description: the first one)
    return merged


def _scalar(schema: Any) -> bool:
    """A schema of one value with its constraints (``{type: string, maxLength: 256}``,
    ``{nullable: false}``): no structure, no reference, no enum."""
    return (
        isinstance(schema, dict)
        and not (_STRUCTURE & schema.keys())
        and schema.get("type") not in ("object", "array")
    )
