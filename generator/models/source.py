"""The models module's syntax tree, parsed once per text.

The repairs (postprocess.py), ``verify_models`` (verify.py), ``enum_subclasses``
(leave_out.py) and ``split_models`` (split.py) all read the tree of the same source, a few
megabytes for a large API (stripe.yaml: ~1.8 MB, 0.2 s a parse, more while the heap is full of
datamodel-code-generator's objects). Each asks here: a text parsed last is not parsed again, and
a repair that only appends comments to lines hands the tree on (``carry``): comments are not
part of the tree and move no node. ``generate_models`` writes the whole module (docstring and
``__all__`` included) before the repairs, so when no repair changes the code (stripe.yaml) it is
parsed once in all.

The trees are shared: callers read them and never change them. So is the list of a tree's nodes
(``nodes``): ``fix_bare_generics`` and ``verify_models`` look at every node of the same tree
(~170,000 for stripe.yaml), walked once.
"""

from __future__ import annotations

import ast

# source text -> its tree; one entry (the newest text), so no old tree outlives its use
_PARSED: dict[str, ast.Module] = {}
# the tree walked last, and its nodes (``nodes``)
_WALKED: list[tuple[ast.Module, list[ast.AST]]] = []
# node class -> its fields (``nodes``)
_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}


def parse(source: str) -> ast.Module:
    """``ast.parse(source)``, reusing the tree of the text parsed (or carried) last."""
    tree = _PARSED.get(source)
    if tree is None:
        tree = ast.parse(source)
        _PARSED.clear()
        _PARSED[source] = tree
    return tree


def carry(before: str, after: str) -> str:
    """``after``, which differs from ``before`` only by comments appended to lines: it keeps
    ``before``'s tree, if that was parsed (every node's line and column are the same)."""
    tree = _PARSED.get(before)
    if tree is not None and after is not before:
        _PARSED.clear()
        _PARSED[after] = tree
    return after


def nodes(tree: ast.Module) -> list[ast.AST]:
    """The nodes of ``tree`` in ``ast.walk``'s order (breadth first), but for the ones without
    fields (expression contexts such as ``Load``, operators such as ``Add``: leaves that say
    how their parent is used, never a name, a call or a value); the list of the tree walked
    last is reused. About twice as fast as ``ast.walk`` (no generator, no context nodes)."""
    if _WALKED and _WALKED[0][0] is tree:
        return _WALKED[0][1]
    found: list[ast.AST] = [tree]
    index = 0
    while index < len(found):
        found += children(found[index])
        index += 1
    _WALKED[:] = [(tree, found)]
    return found


def children(node: ast.AST) -> list[ast.AST]:
    """The child nodes of ``node`` but the ones without fields (``nodes``: expression
    contexts, operators)."""
    names = _FIELDS.get(type(node))
    if names is None:
        names = _FIELDS[type(node)] = type(node)._fields
    found: list[ast.AST] = []
    for name in names:
        value = getattr(node, name, None)
        if isinstance(value, list):
            found.extend(v for v in value if isinstance(v, ast.AST) and v._fields)
        elif isinstance(value, ast.AST) and value._fields:
            found.append(value)
    return found


def forget() -> None:
    """Drop the cached tree (the end of a run's model stage: it is no longer needed)."""
    _PARSED.clear()
    _WALKED.clear()
