"""A schema the models stage cannot turn into a class: which one.

When the models module cannot be made, the error of datamodel-code-generator (or of our
checks) does not always say which schema caused it. ``culprit`` finds one by generating the
schemas up to a cut (each after the schemas it refers to); the pipeline leaves it out and
tries again, until the models are made: every such schema is a located blocker, all
reported in one run. With ``--skip-unsupported``, the pipeline leaves out those schemas
(where another schema refers to one, it takes any JSON value) and every operation whose
arguments or answer name one of them, one warning each.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import SpecError, pointer
from ..read.refs import closure, schema_refs, unescape
from .lift import lift_inline
from .source import parse

# what the client never reads: a $ref there is data (as read/validate.py treats it)

# generate(leave_out) -> None, or the error the models stage raised
Attempt = Callable[[frozenset[str]], "SpecError | None"]


def schema_pointer(name: str) -> str:
    return pointer("components", "schemas", name)


def schema_graph(spec: dict[str, Any], names: Iterable[str]) -> dict[str, set[str]]:
    """{schema name: the schema names it refers to}, for the component schemas and the
    lifted inline ones (``names``: those the build planned classes for)."""
    components = (spec.get("components") or {}).get("schemas") or {}
    found = lift_inline(spec)
    graph: dict[str, set[str]] = {}
    for name in names:
        if name in found.schemas:
            node = found.schemas[name]
        elif isinstance(components, dict) and name in components:
            node = found.patch(name, components[name])
        else:
            continue
        graph[name] = schema_refs(node)
    return graph


def dependencies(graph: dict[str, set[str]], names: Iterable[str]) -> set[str]:
    """``names`` and every schema they refer to, directly or not."""
    return closure(names, lambda name: graph.get(name, ()))


def culprit(
    graph: dict[str, set[str]], attempt: Attempt, error: SpecError
) -> tuple[str, SpecError] | None:
    """One schema the models stage fails on, with the schemas it refers to but without the
    ones that refer to it, and its error; None when none is found. An ``error`` located at a
    schema names it; else the schemas, each after the ones it refers to, are cut at the
    shortest start that fails (a binary search: about log2(n) attempts), whose last schema
    is the one."""
    named = _named(error.pointer)
    if named in graph:
        return named, error
    order = _dependencies_first(graph)
    every = frozenset(graph)
    low, high, failure = 0, len(order), error  # order[:low] passes, order[:high] fails
    while high - low > 1:
        middle = (low + high) // 2
        found = attempt(every - dependencies(graph, order[:middle]))
        if found is None:
            low = middle
        else:
            high, failure = middle, found
    if high == 0:
        return None
    if high == len(order) and attempt(every - dependencies(graph, order)) is None:
        return None  # only the whole fails (never seen): not one schema's doing
    named = _named(failure.pointer)
    return (named, failure) if named in graph else (order[high - 1], failure)


def _named(where: str) -> str:
    tokens = where.split("/")
    return (
        unescape(tokens[3]) if len(tokens) >= 4 and tokens[1:3] == ["components", "schemas"] else ""
    )


def _dependencies_first(graph: dict[str, set[str]]) -> list[str]:
    """Every schema after those it refers to (in a cycle: after the ones met first)."""
    out: list[str] = []
    seen: set[str] = set()
    for root in sorted(graph):
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            name, done = stack.pop()
            if done:
                out.append(name)
                continue
            if name in seen or name not in graph:
                continue
            seen.add(name)
            stack.append((name, True))
            stack.extend((d, False) for d in sorted(graph[name], reverse=True) if d not in seen)
    return out


def enum_subclasses(source: str) -> list[str]:
    """Classes of the models source that subclass one of its enums: Python refuses them when
    the module is imported (``allOf`` of an enum and an object, merged by
    datamodel-code-generator into a subclass of the enum). ``source`` parses (verify_models
    read it): its tree is the shared one (models/source.py)."""
    tree = parse(source)
    enums = {"OpenEnum", "Enum"}
    classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    for node in classes:  # in order: a base is defined before the class
        if any(isinstance(b, ast.Name) and b.id in enums for b in node.bases):
            enums.add(node.name)
    return [
        node.name
        for node in classes
        if any(isinstance(b, ast.Name) and b.id in enums - {"OpenEnum", "Enum"} for b in node.bases)
    ]
