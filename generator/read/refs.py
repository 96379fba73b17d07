"""Local ``$ref`` resolution (``#/components/...``). Remote references are not supported."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..errors import SpecError

_SCHEMAS = "#/components/schemas/"
# Members whose values are data or other operations, never this schema's own references.
_DATA_KEYS = frozenset({"example", "examples", "links", "callbacks"})


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class _Missing:
    """What a pointer to nothing finds."""


MISSING: Any = _Missing()


def at_pointer(root: Any, pointer: str) -> Any:
    """The value at a JSON pointer (``/a/0/b``, tokens escaped) under ``root``, or ``MISSING``.
    The one pointer walk of the read and models stages."""
    node = root
    for raw in pointer.split("/")[1:] if pointer else []:
        node = _child(node, unescape(raw))
        if node is MISSING:
            return MISSING
    return node


def _child(node: Any, token: str) -> Any:
    """One step of a pointer walk: the member or item ``token`` names, or ``MISSING``."""
    if isinstance(node, dict) and token in node:
        return node[token]
    if isinstance(node, list) and token.isdigit() and int(token) < len(node):
        return node[int(token)]
    return MISSING


def through_refs(root: Any, pointer: str) -> str:
    """Where the value at ``pointer`` is written: a pointer that passes through a ``$ref``
    (``/paths/~1x/get/.../schema/type``, the schema a ``$ref`` to ``Pet``) continues at the
    target (``/components/schemas/Pet/type``); ``pointer`` itself when nothing is passed."""
    node, out = root, ""
    for raw in pointer.split("/")[1:] if pointer else []:
        token = unescape(raw)
        for _ in range(100):  # a chain of refs, bounded (a cycle is the validator's to report)
            ref = node.get("$ref") if isinstance(node, dict) and token not in node else None
            if not isinstance(ref, str) or not ref.startswith("#/"):
                break
            target = at_pointer(root, ref[1:])
            if target is MISSING:
                break
            node, out = target, ref[1:]
        node = _child(node, token)
        if node is MISSING:
            return pointer
        out = f"{out}/{raw}"
    return out


def schema_refs(node: Any) -> set[str]:
    """The component schemas that ``node``'s local ``$ref``s point into
    (``#/components/schemas/A/properties/b`` names ``A``), not looking into data: examples,
    links, callbacks and ``x-`` extensions. The one reference walk of the models stage."""
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith(_SCHEMAS):
                found.add(unescape(ref[len(_SCHEMAS) :].split("/")[0]))
            stack.extend(
                v for k, v in item.items() if not str(k).startswith("x-") and k not in _DATA_KEYS
            )
        elif isinstance(item, list):
            stack.extend(item)
    return found


def closure(names: Iterable[str], edges: Callable[[str], Iterable[str]]) -> set[str]:
    """``names`` and every name ``edges`` leads to from them, directly or not (``edges`` is
    asked once per name reached)."""
    out: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in out:
            out.add(name)
            todo.extend(edges(name))
    return out


class Resolver:
    """Resolves local JSON references within one document, with clear errors for broken ones."""

    def __init__(self, root: dict[str, Any]):
        self.root = root

    def lookup(self, ref: str, where: str) -> Any:
        if not ref.startswith("#"):
            raise SpecError(
                f"remote $ref {ref!r} is not supported (only '#/...' references)", pointer=where
            )
        node = at_pointer(self.root, ref[1:])
        if node is MISSING:
            raise SpecError(f"$ref {ref!r} points to nothing", pointer=where + "/$ref")
        return node

    def deref(self, node: Any, where: str) -> tuple[Any, str]:
        """Follow ``$ref`` chains. Returns the target and the pointer where it lives."""
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str):
                raise SpecError("$ref must be a string", pointer=where + "/$ref")
            if ref in seen:
                raise SpecError(f"$ref cycle through {ref!r}", pointer=where + "/$ref")
            seen.add(ref)
            node = self.lookup(ref, where)
            where = ref[1:]
        return node, where

    @staticmethod
    def ref_name(node: Any) -> str | None:
        """``{'$ref': '#/components/schemas/File'}`` -> ``'File'``."""
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref: str = node["$ref"]
            if ref.startswith("#/components/schemas/"):
                return unescape(ref.rsplit("/", 1)[1])
        return None
