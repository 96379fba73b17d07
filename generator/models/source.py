"""The models module's syntax tree, parsed once per text.

The repairs (postprocess.py), ``verify_models`` (verify.py) and ``split_models`` (split.py) all
read the tree of the same source, a few megabytes for a large API (stripe.yaml: ~1.8 MB, 0.2 s a
parse, more while the heap is full of datamodel-code-generator's objects). Each asks here: a
text parsed last is not parsed again, and a repair that only appends comments to lines hands
the tree on (``carry``): comments are not part of the tree and move no node.

The trees are shared: callers read them and never change them.
"""

from __future__ import annotations

import ast

# source text -> its tree; one entry (the newest text), so no old tree outlives its use
_PARSED: dict[str, ast.Module] = {}


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


def forget() -> None:
    """Drop the cached tree (the end of a run's model stage: it is no longer needed)."""
    _PARSED.clear()
