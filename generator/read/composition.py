"""The one structural check the JSON schema of OpenAPI cannot make: a schema that contains
itself through allOf/oneOf/anyOf alone."""

from __future__ import annotations

from typing import Any

from ..errors import SpecError, pointer
from .refs import unescape

_SCHEMA_REF = "#/components/schemas/"


_COMPOSITION = ("allOf", "oneOf", "anyOf")


def check_composition_cycles(schemas: dict[str, Any]) -> None:
    """Reject a schema that contains itself through allOf/oneOf/anyOf alone (no object property
    or array item in between): that is an infinite type, which no model can represent.

    Recursion through a property (``Node.children: [Node]``) is fine and common.
    """
    edges: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        targets: list[str] = []
        stack = [schema]
        seen = 0
        while stack and seen < 10_000:
            seen += 1
            node = stack.pop()
            if not isinstance(node, dict):
                continue
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(_SCHEMA_REF):
                target = unescape(ref[len(_SCHEMA_REF) :].split("/", 1)[0])
                if target in schemas:
                    targets.append(target)
                continue
            for key in _COMPOSITION:
                members = node.get(key)
                if isinstance(members, list):
                    stack.extend(members)
        edges[str(name)] = targets
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in edges.get(node, ()):
            if state.get(target) == 1:
                cycle = path[path.index(target) :] + [target]
                raise SpecError(
                    f"schema {target!r} contains itself through allOf/oneOf/anyOf alone "
                    f"({' -> '.join(cycle)}): such an infinite type is not supported",
                    pointer=pointer("components", "schemas", target),
                )
            if target not in state:
                visit(target, path + [target])
        state[node] = 2

    for name in edges:
        if name not in state:
            visit(name, [name])
