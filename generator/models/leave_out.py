"""A schema the models stage cannot turn into a class: which one, and what uses it.

When the models module cannot be made, the error of datamodel-code-generator (or of our
checks) rarely says which schema caused it. ``isolate`` finds out by generating halves of the
schemas (each with the schemas it refers to) until single schemas fail on their own: every
such schema is a located blocker, all reported in one run. With ``--skip-unsupported``, the
pipeline leaves out those schemas, every schema that refers to them (``dependents``) and
every operation that uses one of them, through any chain of ``$ref``s (``operations_using``),
with one warning per operation.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import SpecError, pointer
from ..read.refs import MISSING, at_pointer, unescape
from .lift import lift_inline

_SCHEMAS = "/components/schemas/"
_VERBS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# what the client never reads: a $ref there is data (as read/validate.py treats it)
_DATA_KEYS = frozenset({"example", "examples", "links", "callbacks"})

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
        graph[name] = {unescape(p[len(_SCHEMAS) :].split("/")[0]) for p in _refs(node)}
    return graph


def dependents(graph: dict[str, set[str]], bad: Iterable[str]) -> set[str]:
    """``bad`` and every schema that refers to one of them, directly or not."""
    users: dict[str, set[str]] = {}
    for name, targets in graph.items():
        for target in targets:
            users.setdefault(target, set()).add(name)
    out: set[str] = set()
    todo = list(bad)
    while todo:
        name = todo.pop()
        if name not in out:
            out.add(name)
            todo.extend(users.get(name, ()))
    return out


def dependencies(graph: dict[str, set[str]], names: Iterable[str]) -> set[str]:
    """``names`` and every schema they refer to, directly or not."""
    out: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in out:
            out.add(name)
            todo.extend(graph.get(name, ()))
    return out


def isolate(graph: dict[str, set[str]], attempt: Attempt) -> dict[str, SpecError]:
    """The schemas that fail on their own (with what they refer to), each with its error;
    a schema that fails only through another failing one it refers to is not one of them.
    {} when no single schema fails (the whole fails, its halves do not)."""
    every = frozenset(graph)
    failing: dict[str, SpecError] = {}

    def search(group: list[str]) -> None:
        error = attempt(every - dependencies(graph, group))
        if error is None:
            return
        if len(group) == 1:
            failing[group[0]] = error
            return
        middle = len(group) // 2
        search(group[:middle])
        search(group[middle:])

    names = sorted(graph)
    middle = len(names) // 2
    search(names[:middle])
    search(names[middle:])
    own = {
        name: error
        for name, error in failing.items()
        if not (dependencies(graph, graph[name]) - {name}) & failing.keys()
    }
    return own or failing


def operations_using(spec: dict[str, Any], bad: dict[str, str]) -> dict[str, str]:
    """{operation pointer: the first (by pointer) of ``bad`` it reaches}, for every operation
    whose own subtree, or anything it reaches through ``$ref``s, lies at or under one of the
    pointers of ``bad`` ({pointer: name})."""
    memo: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    paths = spec.get("paths")
    for raw_path, item in paths.items() if isinstance(paths, dict) else ():
        if not isinstance(item, dict):
            continue
        item_ptr = pointer("paths", str(raw_path))
        shared = _reached(spec, item.get("parameters"), memo)
        if isinstance(item.get("$ref"), str):
            shared |= _reached(spec, {"$ref": item["$ref"]}, memo)
        for verb in _VERBS:
            if not isinstance(item.get(verb), dict):
                continue
            op_ptr = f"{item_ptr}/{verb}"
            seen = {op_ptr, *shared, *_reached(spec, item[verb], memo)}
            hits = sorted(p for p in bad if any(p == s or p.startswith(s + "/") for s in seen))
            if hits:
                out[op_ptr] = bad[hits[0]]
    return out


def _reached(root: Any, node: Any, memo: dict[str, list[str]]) -> frozenset[str]:
    """The pointers of every ``$ref`` target reached from ``node``, through any chain
    (``memo``: each target's own refs, so that every target is walked once)."""
    found: set[str] = set()
    stack = _refs(node)
    while stack:
        ref = stack.pop()
        if ref in found:
            continue
        found.add(ref)
        if ref not in memo:
            target = at_pointer(root, ref)
            memo[ref] = _refs(target) if target is not MISSING else []
        stack.extend(memo[ref])
    return frozenset(found)


def _refs(node: Any) -> list[str]:
    """The local ``$ref`` pointers (without ``#``) in ``node``, not looking into data."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/"):
                found.append(ref[1:])
            stack.extend(
                v for k, v in item.items() if not str(k).startswith("x-") and k not in _DATA_KEYS
            )
        elif isinstance(item, list):
            stack.extend(item)
    return found


def enum_subclasses(source: str) -> list[str]:
    """Classes of the models source that subclass one of its enums: Python refuses them when
    the module is imported (``allOf`` of an enum and an object, merged by
    datamodel-code-generator into a subclass of the enum)."""
    tree = ast.parse(source)
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
