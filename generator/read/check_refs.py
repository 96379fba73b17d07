"""Every local ``$ref`` of the document must resolve: checked before openapi-spec-validator,
which crashes on broken ones. A broken one is taken out of the data and becomes a warning, a
reason to leave its operation out, or a problem reported with the validator's (``check_refs``).
"""

from __future__ import annotations

from typing import Any

from ..errors import SpecError, escape_pointer_token
from .load import SpecDocument
from .parts import UNUSED, part_of, unused_part
from .refs import Resolver


def check_refs(
    doc: SpecDocument, *, by_operation: bool = False, removed: list[str] | None = None
) -> tuple[dict[str, SpecError], list[SpecError]]:
    """Every local ``$ref`` must resolve (checked first: the validator crashes on broken ones).

    Each broken one is taken out of the data (so that the validator can still run) and is:
    a warning in a part the client does not use (webhooks, callbacks, links, examples); with
    ``by_operation``, a reason to leave its operation out (first result: operation pointer ->
    problem); else a problem (second result, every one, to be reported with the validator's).
    ``removed`` receives the pointer of each ``$ref`` taken out."""
    taken = [] if removed is None else removed
    resolver = Resolver(doc.data)
    problems: list[SpecError] = []
    invalid: dict[str, SpecError] = {}
    stack: list[tuple[Any, str]] = [(doc.data, "")]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    resolver.lookup(ref, ptr)
                    resolver.deref(node, ptr)  # a chain of refs that never reaches a value
                except SpecError as exc:
                    if unused_part(ptr):
                        doc.warn(f"{exc.message}: ignored ({UNUSED})", exc.pointer)
                    elif by_operation and part_of(ptr):  # that operation (schema) is left out
                        invalid.setdefault(part_of(ptr), doc.error(exc.message, exc.pointer))
                    else:
                        problems.append(doc.error(exc.message, exc.pointer))
                    del node["$ref"]
                    taken.append(ptr)
            elif "$ref" in node and not _is_property_map(ptr):
                problems.append(
                    doc.error(f"$ref must be a string, found {type(ref).__name__}", f"{ptr}/$ref")
                )
                del node["$ref"]
                taken.append(ptr)
            names = _is_property_map(ptr)
            for key, value in node.items():
                if not names and _unused_by_client(str(key)):
                    continue  # an x- extension or an example: data, never followed
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{ptr}/{escape_pointer_token(key)}"))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{ptr}/{index}"))
    problems.sort(key=lambda e: (e.line or 0, e.pointer))
    return invalid, problems


def _unused_by_client(key: str) -> bool:
    """Keys whose values the client never reads as OpenAPI: extensions other than the
    generator's own (``x-sdk*``) and examples. A ``$ref`` there (documentation topics pointing
    at a Markdown file, an example's source) is not followed, so it cannot block generation."""
    return (key.startswith("x-") and not key.startswith("x-sdk")) or key in ("example", "examples")


def _is_property_map(ptr: str) -> bool:
    """A mapping whose keys are names (a property called ``$ref`` is legal there)."""
    last = ptr.rsplit("/", 1)[-1]
    return last in ("properties", "patternProperties", "schemas", "examples", "example")
