"""Common OpenAPI 3.0/3.1 mix-ups, read with their evident meaning (each kind a warning).

Real documents mix the two versions' habits, and most tools accept them; refusing the whole
document for one of them helps nobody. Before validation, ``tolerate()`` rewrites these in the
document's data (the text, shipped in the package, is left as written):

* ``required: true|false`` on a property schema (the parameter habit): the property is listed
  in its object's ``required`` (``true``) or nothing (``false``);
* a boolean ``exclusiveMinimum``/``exclusiveMaximum`` in a 3.1 document (3.0's form): the
  number form, taking ``minimum``/``maximum``; a number in a 3.0 document: the boolean form;
* ``nullable: true`` in a 3.1 document: ``"null"`` added to ``type``; ``type: [T, "null"]`` in
  a 3.0 document: ``type: T, nullable: true`` (so is a ``{type: 'null'}`` member of ``oneOf`` or
  ``anyOf``); ``const`` in 3.0: a one-value ``enum``;
* ``examples`` of a schema written as a map (3.0's media-type form) in 3.1: its values;
* ``$recursiveRef: "#"`` (JSON Schema 2019-09) in a component schema: a ``$ref`` to it;
* Swagger 2.0's ``type: file`` (a binary string) and ``x-nullable: true`` (``nullable``);
* a ``required`` name that no property defines, in an object that lists its properties and
  takes none from elsewhere (not a component, which ``allOf`` may extend; no ``$ref`` or
  composition around it): a typo, read as not required (Box's ``accessed`` for ``access``);
* ``type: string`` with numbers or booleans in its ``enum`` (Google Maps' ``maxprice``:
  ``enum: [0, 1, 2, 3, 4]``): the members as the strings they are sent as (``"2"``), else no
  value passes both the type and the enum.

Only schema objects are touched, found from their positions (``components/schemas``, every
``schema``, and the subschema keywords); ``x-`` extensions and examples are never walked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import escape_pointer_token
from .cache import Finding

# keyword -> how its value holds subschemas
_ONE = ("items", "not", "additionalProperties", "additionalItems", "contains", "if", "then",
        "else", "propertyNames", "unevaluatedItems", "unevaluatedProperties",
        "contentSchema")  # fmt: skip
_LIST = ("allOf", "oneOf", "anyOf", "prefixItems")
_MAP = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def tolerate(data: dict[str, Any]) -> list[Finding]:
    """Rewrite the mix-ups in ``data`` in place; one finding (a warning) per change, so that
    no finding means nothing changed."""
    v31 = str(data.get("openapi", "")).startswith("3.1")
    findings: list[Finding] = []
    for schema, where, component in _schema_roots(data):
        _fix_tree(schema, where, v31, component, findings)
    return findings


def _schema_roots(data: dict[str, Any]) -> Iterator[tuple[Any, str, str]]:
    """(schema, pointer, component pointer or "") for every schema a document holds."""
    components = data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    if isinstance(schemas, dict):
        for name, schema in schemas.items():
            ptr = f"/components/schemas/{escape_pointer_token(name)}"
            yield schema, ptr, ptr
    stack: list[tuple[Any, str]] = [
        (value, f"/{escape_pointer_token(key)}")
        for key, value in data.items()
        if key in ("paths", "components", "webhooks")
    ]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                key = str(key)
                here = f"{ptr}/{escape_pointer_token(key)}"
                if (
                    key.startswith("x-")
                    or key in ("example", "examples")
                    or here == ("/components/schemas")
                ):
                    continue
                if key == "schema" and isinstance(value, dict):
                    yield value, here, ""
                elif isinstance(value, (dict, list)):
                    stack.append((value, here))
        elif isinstance(node, list):
            stack.extend((value, f"{ptr}/{i}") for i, value in enumerate(node))


_ALONE: frozenset[str] = frozenset()  # a schema whose object is its own (no allOf around it)


def _fix_tree(root: Any, where: str, v31: bool, component: str, findings: list[Finding]) -> None:
    # (schema, pointer, the property names its allOf siblings and parent define; None: not
    # known, as for a component, which other schemas may extend with allOf)
    first = None if where == component else _ALONE
    stack: list[tuple[Any, str, frozenset[str] | None]] = [(root, where, first)]
    seen: set[int] = set()
    while stack:
        schema, ptr, around = stack.pop()
        if not isinstance(schema, dict) or id(schema) in seen:
            continue
        seen.add(id(schema))
        _fix_schema(schema, ptr, v31, component, findings)
        if around is not None:
            _undefined_required(schema, ptr, around, findings)
        for key in _ONE:
            if isinstance(schema.get(key), dict):
                stack.append((schema[key], f"{ptr}/{escape_pointer_token(key)}", _ALONE))
        for key in _LIST:
            if isinstance(schema.get(key), list):
                inner = _all_of_names(schema) if key == "allOf" else None
                stack.extend((s, f"{ptr}/{key}/{i}", inner) for i, s in enumerate(schema[key]))
        if isinstance(schema.get("items"), list):  # 2019-09 tuple form
            stack.extend((s, f"{ptr}/items/{i}", _ALONE) for i, s in enumerate(schema["items"]))
        for key in _MAP:
            members = schema.get(key)
            if isinstance(members, dict):
                base = f"{ptr}/{escape_pointer_token(key)}"
                stack.extend(
                    (s, f"{base}/{escape_pointer_token(n)}", _ALONE) for n, s in members.items()
                )


_ELSEWHERE = ("$ref", "allOf", "anyOf", "oneOf", "patternProperties", "additionalProperties",
              "dependentSchemas", "if", "unevaluatedProperties")  # fmt: skip


def _all_of_names(schema: dict[str, Any]) -> frozenset[str] | None:
    """The property names an ``allOf`` and its parent define, or ``None`` when a member may
    define more than it shows (a ``$ref``, a composition of its own)."""
    names = (
        set(schema.get("properties") or ()) if isinstance(schema.get("properties"), dict) else set()
    )
    for member in schema["allOf"]:
        if not isinstance(member, dict):
            return None
        if any(k in member for k in _ELSEWHERE if k != "additionalProperties"):
            return None
        props = member.get("properties")
        names.update(props if isinstance(props, dict) else ())
    return frozenset(str(n) for n in names)


def _undefined_required(
    schema: dict[str, Any], ptr: str, around: frozenset[str], findings: list[Finding]
) -> None:
    """A ``required`` name that no property defines, in an object that lists its properties
    and takes them from nowhere else (no ``$ref``, composition or schema for other members):
    a typo (Box's shared links require ``accessed``, their property is ``access``). Read as
    not required, so that answers the API really sends still parse."""
    props, required = schema.get("properties"), schema.get("required")
    if not isinstance(props, dict) or not props or not isinstance(required, list):
        return
    if any(k in schema for k in _ELSEWHERE if k != "additionalProperties"):
        return
    if isinstance(schema.get("additionalProperties"), dict):
        return
    missing = [n for n in required if isinstance(n, str) and n not in props and n not in around]
    if not missing:
        return
    kept = [n for n in required if n not in missing]
    if kept:
        schema["required"] = kept
    else:  # 3.0 refuses an empty list
        del schema["required"]
    names = ", ".join(repr(n) for n in missing)
    findings.append(
        (
            "required but undefined",
            f"'required' names {names}, which no property of the object defines: read as not "
            "required",
            f"{ptr}/required",
        )  # fmt: skip
    )


def _fix_schema(
    schema: dict[str, Any], ptr: str, v31: bool, component: str, findings: list[Finding]
) -> None:
    _swagger_habits(schema, ptr, findings)
    _required_flags(schema, ptr, findings)
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        _exclusive_bound(schema, ptr, bound, exclusive, v31, findings)
    if v31:
        _nullable_31(schema, ptr, findings)
        examples = schema.get("examples")
        if isinstance(examples, dict):
            schema["examples"] = [
                e.get("value") if isinstance(e, dict) and "value" in e else e
                for e in examples.values()
            ]
            findings.append(
                (
                    "3.0 habit",
                    "schema 'examples' is a map (3.0's media-type form): read as "
                    "the list of its values",
                    f"{ptr}/examples",
                )  # fmt: skip
            )
    else:
        _nullable_30(schema, ptr, findings)
        _null_members_30(schema, ptr, findings)
    _recursive_ref(schema, ptr, component, findings)
    _string_enum(schema, ptr, findings)


def _string_enum(schema: dict[str, Any], ptr: str, findings: list[Finding]) -> None:
    """``type: string`` (or ``[string, 'null']``) whose ``enum`` lists numbers or booleans:
    each such member read as its JSON text (``2`` -> ``"2"``, ``true`` -> ``"true"``), the
    form a string parameter or field carries it in."""
    kind, members = schema.get("type"), schema.get("enum")
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    if [k for k in kinds if k != "null"] != ["string"] or not isinstance(members, list):
        return
    if not any(isinstance(m, (bool, int, float)) for m in members):
        return
    schema["enum"] = [json.dumps(m) if isinstance(m, (bool, int, float)) else m for m in members]
    findings.append(
        (
            "enum of another type",
            "'enum' of a 'type: string' schema lists numbers or booleans: read as their strings",
            f"{ptr}/enum",
        )  # fmt: skip
    )


def _swagger_habits(schema: dict[str, Any], ptr: str, findings: list[Finding]) -> None:
    """Swagger 2.0's ``type: file`` and ``x-nullable``, still common in converted documents."""
    if schema.get("type") == "file":
        schema["type"] = "string"
        schema.setdefault("format", "binary")
        findings.append(
            ("2.0 habit", "'type: file' is Swagger 2.0's: read as a binary string", f"{ptr}/type")
        )
    if schema.get("x-nullable") is True and "nullable" not in schema:
        schema["nullable"] = True
        findings.append(
            (
                "2.0 habit",
                "'x-nullable' is Swagger 2.0's: read as 'nullable: true'",
                f"{ptr}/x-nullable",
            )  # fmt: skip
        )


def _required_flags(schema: dict[str, Any], ptr: str, findings: list[Finding]) -> None:
    props = schema.get("properties")
    if isinstance(props, dict):
        for name, prop in props.items():
            if isinstance(prop, dict) and isinstance(prop.get("required"), bool):
                flag = prop.pop("required")
                if flag:
                    required = schema.get("required")
                    if not isinstance(required, list):
                        required = schema["required"] = []
                    if name not in required:
                        required.append(name)
                where = f"{ptr}/properties/{escape_pointer_token(name)}/required"
                findings.append(
                    (
                        "required on a property",
                        f"'required: {str(flag).lower()}' on a property (a parameter's "
                        "keyword): read as the property being "
                        f"{'required' if flag else 'optional'} in its object",
                        where,
                    )
                )
    if isinstance(schema.get("required"), bool):  # not under properties: nothing to mean
        schema.pop("required")
        findings.append(("required on a property", "boolean 'required': ignored", ptr))


def _exclusive_bound(
    schema: dict[str, Any],
    ptr: str,
    bound: str,
    exclusive: str,
    v31: bool,
    findings: list[Finding],
) -> None:
    value = schema.get(exclusive)
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if v31 and isinstance(value, bool):
        del schema[exclusive]
        if value and bound in schema:
            schema[exclusive] = schema.pop(bound)
        findings.append(
            (
                "3.0 habit",
                f"boolean '{exclusive}' is OpenAPI 3.0's form (3.1 takes the bound "
                f"itself): read as {'an exclusive' if value else 'an inclusive'} '{bound}'",
                f"{ptr}/{exclusive}",
            )  # fmt: skip
        )
    elif not v31 and number:
        schema[bound] = value
        schema[exclusive] = True
        findings.append(
            (
                "3.1 habit",
                f"numeric '{exclusive}' is OpenAPI 3.1's form (3.0 takes a boolean): "
                f"read as an exclusive '{bound}' of {value}",
                f"{ptr}/{exclusive}",
            )  # fmt: skip
        )


def _nullable_31(schema: dict[str, Any], ptr: str, findings: list[Finding]) -> None:
    if "nullable" not in schema or not isinstance(schema["nullable"], bool):
        return
    flag = schema.pop("nullable")
    kind = schema.get("type")
    if flag and isinstance(kind, str):
        schema["type"] = [kind, "null"]
    elif flag and isinstance(kind, list) and "null" not in kind:
        schema["type"] = [*kind, "null"]
    elif flag:
        schema["nullable"] = True  # no type to extend: the build reads the flag itself
    findings.append(
        (
            "3.0 habit",
            f"'nullable: {str(flag).lower()}' is OpenAPI 3.0's form (3.1 lists "
            "\"null\" in 'type'): read as " + ("nullable" if flag else "not nullable"),
            f"{ptr}/nullable",
        )  # fmt: skip
    )


def _nullable_30(schema: dict[str, Any], ptr: str, findings: list[Finding]) -> None:
    kind = schema.get("type")
    if isinstance(kind, list):
        rest = [k for k in kind if k != "null"]
        if len(rest) == 1 and isinstance(rest[0], str):
            schema["type"] = rest[0]
            if len(rest) < len(kind):
                schema["nullable"] = True
            findings.append(
                (
                    "3.1 habit",
                    "a list in 'type' is OpenAPI 3.1's form: read as "
                    f"'type: {rest[0]}'" + (", nullable" if len(rest) < len(kind) else ""),
                    f"{ptr}/type",
                )  # fmt: skip
            )
    if "const" in schema and "enum" not in schema:
        schema["enum"] = [schema.pop("const")]
        findings.append(
            ("3.1 habit", "'const' is OpenAPI 3.1's: read as a one-value 'enum'", f"{ptr}/const")
        )


def _null_members_30(schema: dict[str, Any], ptr: str, findings: list[Finding]) -> None:
    """``oneOf``/``anyOf: [X, {type: 'null'}]`` in a 3.0 document (3.1's way of saying "or null";
    3.0 has no null type): the null member is dropped and the schema made ``nullable``."""
    for key in ("oneOf", "anyOf"):
        members = schema.get(key)
        if not isinstance(members, list):
            continue
        nulls = [
            i
            for i, m in enumerate(members)
            if isinstance(m, dict) and m.get("type") == "null" and set(m) <= {"type", "description"}
        ]
        if not nulls or len(nulls) == len(members):
            continue
        schema[key] = [m for i, m in enumerate(members) if i not in nulls]
        schema["nullable"] = True
        findings.append(
            (
                "3.1 habit",
                f"a {{type: 'null'}} member of '{key}' is OpenAPI 3.1's form (3.0 has no null "
                "type): read as 'nullable: true'",
                f"{ptr}/{key}/{nulls[0]}",
            )  # fmt: skip
        )


def _recursive_ref(
    schema: dict[str, Any], ptr: str, component: str, findings: list[Finding]
) -> None:
    if "$recursiveAnchor" in schema:  # every change is a finding (validate's ``settled``)
        del schema["$recursiveAnchor"]
        findings.append(
            (
                "2019-09 keyword",
                "'$recursiveAnchor' (JSON Schema 2019-09): ignored; "
                "'$recursiveRef' refers to this schema",
                f"{ptr}/$recursiveAnchor",
            )  # fmt: skip
        )
    target = schema.get("$recursiveRef")
    if target is None:
        return
    del schema["$recursiveRef"]
    if target == "#" and component:
        schema["$ref"] = "#" + component
        meaning = f"read as '$ref: #{component}'"
    else:
        meaning = "ignored (any value)"
    findings.append(
        (
            "2019-09 keyword",
            f"'$recursiveRef' (JSON Schema 2019-09): {meaning}",
            f"{ptr}/$recursiveRef",
        )  # fmt: skip
    )
