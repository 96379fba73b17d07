"""Bounded work: the loaded document's shape is checked before anything walks it.

YAML aliases make a document a graph, not a tree: a ~1 KB "billion laughs" file loads into a
few hundred shared nodes that every later walk (validation, models, templates) would expand
into 10^9. A recursive alias (``&a [*a]``) makes a cycle that a walk never leaves, and deep
nesting makes recursive code fail with ``RecursionError``. One pass over the graph, each shared
node visited once (its expanded size memoised), refuses all three with a located error, in time
proportional to the text, before any other stage runs.
"""

from __future__ import annotations

from typing import Any

from ..errors import SpecError, escape_pointer_token

# Containers (mappings and lists) from the root to the deepest value. The public documents of
# the corpus stay under 30 (influxdb: 28, stripe.yaml: 25); the stages after this one recurse
# a few frames per level, well inside Python's default limit at this depth.
MAX_DEPTH = 100
# Nodes (mappings, lists and scalars) once every alias and shared reference is expanded: 20x
# the largest public document of the corpus (stripe.yaml, 4 MB: ~99,000).
MAX_NODES = 2_000_000
# Keywords that make the reference pass (bundle.py) necessary; without them (and with only
# '#/...' $refs) it has nothing to do.
REFERENCE_KEYWORDS = frozenset(
    {"$dynamicRef", "$recursiveRef", "$id", "$anchor", "$dynamicAnchor", "discriminator"}
)


class _Walk:
    """The pass itself: recursive, but never deeper than ``max_depth`` (it stops there)."""

    def __init__(self, max_depth: int, max_nodes: int, file: str) -> None:
        self.max_depth, self.max_nodes, self.file = max_depth, max_nodes, file
        self.size: dict[int, int] = {}  # id -> expanded node count of a container
        self.on_path: set[int] = set()
        self.path: list[Any] = []  # keys from the root (a pointer only when one is reported)
        self.references = False  # something for bundle.py to do

    def fail(self, message: str) -> SpecError:
        pointer = "".join("/" + escape_pointer_token(k) for k in self.path)
        return SpecError(message, file=self.file, pointer=pointer)

    def walk(self, node: Any, depth: int) -> int:
        ident = id(node)
        known = self.size.get(ident)
        if known is not None:
            return known
        if ident in self.on_path:
            raise self.fail("a YAML alias refers to a node that contains it (an infinite document)")
        if depth >= self.max_depth:
            raise self.fail(f"nested more than {self.max_depth} levels deep (the limit)")
        self.on_path.add(ident)
        total = 1
        if isinstance(node, dict):
            if not self.references:
                ref = node.get("$ref")
                if (ref is not None and not (isinstance(ref, str) and ref.startswith("#/"))) or (
                    not REFERENCE_KEYWORDS.isdisjoint(node)
                ):
                    self.references = True
            items: Any = node.items()
        else:
            items = enumerate(node)
        for key, child in items:
            if isinstance(child, (dict, list)):
                self.path.append(key)
                total += self.walk(child, depth + 1)
                self.path.pop()
            else:
                total += 1
        self.on_path.discard(ident)
        self.size[ident] = total
        if total > self.max_nodes:
            raise self.fail(
                f"more than {self.max_nodes:,} values once YAML aliases and $refs are expanded "
                "(the limit)"
            )
        return total


def check_shape(
    data: Any, *, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES, file: str = ""
) -> bool:
    """Raise SpecError (located by JSON pointer) on a cycle, nesting deeper than ``max_depth``
    or more than ``max_nodes`` nodes once aliases are expanded. Returns whether the document
    has references for bundle.py to resolve (any ``$ref`` not ``#/...``, ``$id``, ...)."""
    walk = _Walk(max_depth, max_nodes, file)
    if isinstance(data, (dict, list)):
        walk.walk(data, 0)
    return walk.references
