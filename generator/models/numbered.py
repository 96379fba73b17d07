"""Names for the numbered classes datamodel-code-generator invents: after where they are used.

It names an inline enum or model after its property and numbers the ones that collide, in the
order it meets them: Stripe's ``AccountType17``, OpenAI's ``Object11`` (``Model.object``),
Box's ``Event13`` (933, 212 and 210 such classes). A reader cannot tell what ``Object11`` is,
and the numbers move when the document changes (a schema added before renumbers the rest: a
user's import breaks). A numbered class used at one place only is named after that place
instead: ``<Parent><Property>`` (``ModelObject``), with ``Item`` for the items of a list and
``Value`` for the values of a mapping, as the inline schemas the build names (lift.py). One
used at several places, or whose new name is taken, keeps its number.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from ..naming import class_base

NUMBERED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*[A-Za-z_][0-9]+")
_LISTS = frozenset({"List", "list", "Sequence", "Set", "set", "FrozenSet", "Tuple", "tuple"})
_MAPS = frozenset({"Dict", "dict", "Mapping"})
Site = tuple[str, str, str]  # (class, field, "" | "Item" | "Value")


def site_names(
    tree: ast.Module,
    planned: frozenset[str],
    inlined: dict[str, ast.expr],
    taken: set[str],
    quoted: set[str],
) -> dict[str, str]:
    """{numbered class: its new name} for the unplanned numbered classes of ``tree`` used at
    one place; ``inlined``: the root classes written where they are used (their annotations
    are used where they are); ``taken``: names a new one must not be; ``quoted``: names left
    as they are (in a quoted forward reference)."""
    classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    numbered = {
        n.name
        for n in classes
        if n.name not in planned
        and n.name not in inlined
        and n.name not in quoted
        and NUMBERED.fullmatch(n.name)
    }
    if not numbered:
        return {}
    sites: dict[str, set[Site]] = {name: set() for name in numbered}
    for node in classes:
        if node.name in inlined:
            continue
        for field, annotation in _fields(node):
            for name, role in _names(annotation, "", inlined, ()):
                if name in sites:
                    sites[name].add((node.name, field, role))
    renames: dict[str, str] = {}
    used = set(taken)
    for name in sorted(numbered):
        if len(sites[name]) != 1:
            continue
        parent, field, role = next(iter(sites[name]))
        new = parent + (class_base(field) if field != "root" else "") + role
        if new in used or new in numbered:
            continue
        renames[name] = new
        used.add(new)
    return renames


def _fields(node: ast.ClassDef) -> Iterator[tuple[str, ast.expr]]:
    """(field name, annotation) of the class's fields; ``root`` for a ``RootModel[...]``
    base."""
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            yield stmt.target.id, stmt.annotation
    for base in node.bases:
        if isinstance(base, ast.Subscript):
            yield "root", base.slice


def _names(
    node: ast.AST, role: str, inlined: dict[str, ast.expr], seen: tuple[str, ...]
) -> Iterator[tuple[str, str]]:
    """The names in the type positions of ``node`` with their role there (``Item``: in a
    list, ``Value``: a mapping's value); an inlined root class's own annotation counts where
    it is used."""
    if isinstance(node, ast.Call):
        return  # Field(...): arguments, not types
    if isinstance(node, ast.Name):
        if node.id in inlined and node.id not in seen:
            yield from _names(inlined[node.id], role, inlined, (*seen, node.id))
        yield node.id, role
        return
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        outer = node.value.id
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        for index, arg in enumerate(args):
            inner = role
            if outer in _LISTS:
                inner = "Item"
            elif outer in _MAPS:
                inner = "Value" if index == 1 else "Key"
            elif outer == "Annotated" and index > 0:
                continue
            yield from _names(arg, inner, inlined, seen)
        return
    for child in ast.iter_child_nodes(node):
        yield from _names(child, role, inlined, seen)
