"""Bounded work: the loaded document's shape is checked before anything walks it.

YAML aliases make a document a graph, not a tree: a ~1 KB "billion laughs" file loads into a
few hundred shared nodes that every later walk (validation, models, templates) would expand
into 10^9. A recursive alias (``&a [*a]``) makes a cycle that a walk never leaves, and deep
nesting makes recursive code fail with ``RecursionError``. One pass over the graph, each shared
node visited once (its expanded size and height memoised), refuses all three with a located
error, in time proportional to the text, before any other stage runs.
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


def children(node: Any) -> list[tuple[str, Any]]:
    if isinstance(node, dict):
        return [(escape_pointer_token(k), v) for k, v in node.items()]
    if isinstance(node, list):
        return [(str(i), v) for i, v in enumerate(node)]
    return []


def check_shape(
    data: Any, *, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES, file: str = ""
) -> None:
    """Raise SpecError (located by JSON pointer) on a cycle, nesting deeper than ``max_depth``
    or more than ``max_nodes`` nodes once aliases are expanded."""
    size: dict[int, int] = {}  # id -> expanded node count of the subtree
    height: dict[int, int] = {}  # id -> containers from this node to its deepest leaf
    on_path: set[int] = set()
    # An explicit stack (no recursion): (node, pointer, depth, children iterator or None).
    stack: list[tuple[Any, str, int, Any]] = [(data, "", 0, None)]
    while stack:
        node, ptr, depth, kids = stack.pop()
        ident = id(node)
        if kids is None:
            if not isinstance(node, (dict, list)) or ident in size:
                continue
            if depth >= max_depth:
                raise SpecError(
                    f"nested more than {max_depth} levels deep (the limit)", file=file, pointer=ptr
                )
            on_path.add(ident)
            stack.append((node, ptr, depth, iter(children(node))))
            continue
        pending = False
        for token, child in kids:
            if isinstance(child, (dict, list)) and id(child) not in size:
                if id(child) in on_path:
                    raise SpecError(
                        "a YAML alias refers to a node that contains it (an infinite document)",
                        file=file,
                        pointer=f"{ptr}/{token}",
                    )
                stack.append((node, ptr, depth, kids))
                stack.append((child, f"{ptr}/{token}", depth + 1, None))
                pending = True
                break
        if pending:
            continue
        on_path.discard(ident)
        total, tallest = 1, 0
        for _, child in children(node):
            if isinstance(child, (dict, list)):
                total += size[id(child)]
                tallest = max(tallest, height[id(child)])
            else:
                total += 1
        size[ident] = total
        height[ident] = tallest + 1
        if total > max_nodes:
            raise SpecError(
                f"more than {max_nodes:,} values once YAML aliases are expanded (the limit): "
                "an alias bomb?",
                file=file,
                pointer=ptr,
            )
