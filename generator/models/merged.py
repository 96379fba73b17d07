"""The two halves' modules of a large document (models/halves.py) made one.

**The merge** (``read_half`` in each half's process, ``merge``): the first half's definitions,
then the second's, each copied line for line; the imports of both, one line a module; the
``model_rebuild()`` calls of both. datamodel-code-generator numbers the classes it names after
properties in the order it meets them, so both halves may invent ``Bank``, ``Bank1``...: the
second half's classes of a name the first half also invented are renumbered after the first
half's (``Bank`` -> ``Bank9`` when the first went up to ``Bank8``), every use renamed by its
place in the syntax tree (never in text: a docstring may say "Bank"); but a class the second
half invented that is one of the first half's under the same name (the same lines but for the
names) is left out for it, as one call leaves out such a copy. A definition that another
evaluates when it is created (a base, a root type, a default) is moved before it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from .split import _hard_names

# A name's stem and number: ``Bank12`` is ``Bank`` 12, ``Bank`` 0; ``Bank0`` and ``Bank01`` have
# the stems ``Bank0`` and ``Bank0`` 1 (a number has no leading zero), so that no two names are
# one stem and number (they would be renumbered to one name).
_NUMBER = re.compile(r"^(.*?)([1-9][0-9]*)?$", re.DOTALL)


@dataclass
class Definition:
    """One top-level definition of a half: its name, its lines, the names evaluated when it is
    created (``split._hard_names``), and where it names the classes its half invented: (line
    in ``lines``, start, end) in UTF-8 bytes of that line, by name."""

    name: str
    lines: list[str]
    hard: set[str]
    places: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)


@dataclass
class Half:
    """What one call made for a half, read in its own process: its imports (module -> names
    as written, ``a`` or ``a as b``), its own definitions in order, its ``model_rebuild()``
    calls (by class name), and the names of the classes it invented."""

    imports: dict[str, list[str]]
    definitions: list[Definition]
    rebuilds: list[str]
    invented: list[str]


def read_half(source: str, own: frozenset[str], planned: frozenset[str]) -> Half | None:
    """``source`` (one call's module for a half) read: the stubs' definitions left out (planned
    names not in ``own``), every place a class invented here is named recorded; None when it
    holds a statement the merge does not know (then one call makes the models): an ``import``,
    a relative import, a decorated class (its lines would lose the decorators)..."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, RecursionError, MemoryError):  # then one call fails as it fails
        return None
    lines = source.split("\n")
    imports: dict[str, list[str]] = {}
    definitions: list[Definition] = []
    rebuilds: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module != "__future__":
                names = imports.setdefault(node.module, [])
                names.extend(_alias(a) for a in node.names if _alias(a) not in names)
        elif isinstance(node, ast.Expr) and _rebuilt(node) is not None:
            rebuilds.append(_rebuilt(node) or "")
        elif (name := _defined(node)) is not None and not getattr(node, "decorator_list", []):
            text = lines[node.lineno - 1 : node.end_lineno or node.lineno]
            definitions.append(Definition(name, text, _hard_names(node)))
        else:
            return None
    kept = [d for d in definitions if d.name in own or d.name not in planned]
    invented = [d.name for d in kept if d.name not in planned]
    places = frozenset(invented)
    by_name = {d.name: d for d in kept}
    for node in tree.body:
        name = _defined(node)
        if name in by_name and not _record(node, places, by_name[name]):
            return None
    own_rebuilds = [r for r in rebuilds if r in by_name]
    return Half(imports, kept, own_rebuilds, invented)


def _alias(alias: ast.alias) -> str:
    return alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"


def _defined(node: ast.stmt) -> str | None:
    if isinstance(node, ast.ClassDef):
        return node.name
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Name):
            return target.id
    return None


def _rebuilt(node: ast.Expr) -> str | None:
    """``X`` of an ``X.model_rebuild()`` statement."""
    call = node.value
    if (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "model_rebuild"
        and isinstance(call.func.value, ast.Name)
    ):
        return call.func.value.id
    return None


def _record(node: ast.stmt, invented: frozenset[str], into: Definition) -> bool:
    """Every place in ``node`` that names a class of ``invented``: its own name, names in
    expressions, a name quoted in a subscript (a forward reference: ``RootModel[List["B"]]``;
    not a ``Literal[...]``'s value, nor a call's argument: ``Field(description="B")``), and the
    name string of a ``TypeAliasType("X", ...)``. False when a quoted one is not written as
    plain quotes around the name (the merge could not rename it: one call then)."""
    first = node.lineno

    def add(name: str, line: int, start: int, end: int) -> None:
        into.places.setdefault(name, []).append((line - first, start, end))

    def quoted(constant: ast.Constant) -> bool:
        name, line = str(constant.value), constant.lineno
        start, end = constant.col_offset + 1, (constant.end_col_offset or 1) - 1
        if (
            constant.end_lineno != line
            or into.lines[line - first].encode()[start:end] != name.encode()
        ):
            return False
        add(name, line, start, end)
        return True

    if isinstance(node, ast.ClassDef) and node.name in invented:
        start = into.lines[0].encode().index(b"class ") + len(b"class ")
        add(node.name, first, start, start + len(node.name.encode()))
    stack: list[tuple[ast.AST, bool]] = [(node, False)]  # (node, whether in a subscript)
    while stack:
        sub, in_slice = stack.pop()
        if isinstance(sub, ast.Name):
            if sub.id in invented:
                add(sub.id, sub.lineno, sub.col_offset, sub.end_col_offset or sub.col_offset)
        elif isinstance(sub, ast.Constant):
            if (
                in_slice
                and isinstance(sub.value, str)
                and sub.value in invented
                and not quoted(sub)
            ):
                return False
        elif isinstance(sub, ast.AnnAssign):  # a quoted annotation is a forward reference
            stack.extend((part, part is sub.annotation) for part in (sub.target, sub.annotation))
            if sub.value is not None:
                stack.append((sub.value, False))
        elif isinstance(sub, ast.Subscript):
            stack.append((sub.value, in_slice))
            if not _is_literal(sub.value):
                stack.append((sub.slice, True))
        elif isinstance(sub, ast.Call):
            func = sub.func
            if isinstance(func, ast.Name) and func.id == "TypeAliasType" and sub.args:
                alias = sub.args[0]
                if (
                    isinstance(alias, ast.Constant)
                    and alias.value in invented
                    and not quoted(alias)
                ):
                    return False
                stack.extend((arg, True) for arg in sub.args[1:])
            else:
                stack.extend((child, False) for child in ast.iter_child_nodes(sub))
        else:
            stack.extend((child, in_slice) for child in ast.iter_child_nodes(sub))
    return True


def _is_literal(node: ast.expr) -> bool:
    """``Literal`` or ``typing.Literal``: its subscript holds values, not names."""
    if isinstance(node, ast.Attribute):
        return node.attr == "Literal"
    return isinstance(node, ast.Name) and node.id == "Literal"


def merge(first: Half, second: Half, taken: frozenset[str]) -> str:
    """One module of both halves' definitions (the first's, then the second's; one moved only
    before a definition that evaluates it): a class the second invented that is one the first
    invented under the same name (the same lines but for its name) is left out for it, as one
    call leaves out such a copy, and the second's other invented classes are renumbered where
    the first invented the same name; ``taken``: names no new number may make."""
    same = _same_as_first(first, second)
    kept = [name for name in second.invented if name not in same]
    imported = {
        n.split(" as ")[-1] for half in (first, second) for m in half.imports.values() for n in m
    }
    names = taken | imported | {d.name for d in first.definitions}
    renames = {**same, **_renumber(first.invented, kept, names)}
    definitions = [*first.definitions]
    definitions += [_renamed(d, renames) for d in second.definitions if d.name not in same]
    imports = dict(first.imports)
    for module, listed in second.imports.items():
        known = imports.get(module, [])
        imports[module] = known + [n for n in listed if n not in known]
    head = ["from __future__ import annotations"]
    head += [
        f"from {module} import {', '.join(sorted(names))}" for module, names in imports.items()
    ]
    body = ["\n".join(d.lines) for d in _created_first(definitions)]
    rebuilds = first.rebuilds + [renames.get(r, r) for r in second.rebuilds if r not in same]
    tail = "\n".join(f"{r}.model_rebuild()" for r in rebuilds)
    return (
        "\n".join(head) + "\n\n\n" + "\n\n\n".join(body) + ("\n\n\n" + tail if tail else "") + "\n"
    )


_SELF = "\x00self"


def _same_as_first(first: Half, second: Half) -> dict[str, str]:
    """{a class the second half invented: the first half's class it is a copy of}: the same
    stem, the same lines with its own name (and the copies it names) read as the first's.
    Repeated until nothing more is found: a copy found makes its users copies."""
    index: dict[tuple[str, tuple[str, ...]], str] = {}
    invented = set(first.invented)
    for d in first.definitions:
        if d.name in invented:
            key = (_split_number(d.name)[0], tuple(_renamed(d, {d.name: _SELF}).lines))
            index.setdefault(key, d.name)
    stems = {stem for stem, _ in index}
    candidates = [
        d
        for d in second.definitions
        if d.name in set(second.invented) and _split_number(d.name)[0] in stems
    ]
    # the second half's other invented names, as no name of the first half can be
    apart = {name: f"\x00{name}" for name in second.invented}
    same: dict[str, str] = {}
    found = True
    while found:
        found = False
        for d in candidates:
            if d.name in same:
                continue
            lines = _renamed(d, {**apart, **same, d.name: _SELF}).lines
            target = index.get((_split_number(d.name)[0], tuple(lines)))
            if target is not None:
                same[d.name] = target
                found = True
    return same


def _split_number(name: str) -> tuple[str, int]:
    match = _NUMBER.match(name)
    assert match is not None
    return match.group(1), int(match.group(2) or 0)


def _renumber(
    first: list[str], second: list[str], taken: frozenset[str] | set[str]
) -> dict[str, str]:
    """{second half's invented name: its new name} for the names whose stem (the name without
    its number) the first half invented too: numbered after the first half's highest."""
    highest: dict[str, int] = {}
    for name in first:
        stem, number = _split_number(name)
        highest[stem] = max(highest.get(stem, -1), number)
    by_stem: dict[str, list[tuple[str, int]]] = {}
    for name in second:
        stem, number = _split_number(name)
        if stem in highest:
            by_stem.setdefault(stem, []).append((name, number))
    staying = set(second) - {name for group in by_stem.values() for name, _ in group}
    used = set(taken) | staying
    renames: dict[str, str] = {}
    for stem in sorted(by_stem):
        offset = highest[stem] + 1
        while any(f"{stem}{offset + n}" in used for _, n in by_stem[stem]):
            offset += 1
        for name, number in by_stem[stem]:
            renames[name] = f"{stem}{offset + number}"
            used.add(renames[name])
    return renames


def _renamed(definition: Definition, renames: dict[str, str]) -> Definition:
    """``definition`` with its invented names renamed at their recorded places."""
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for old, places in definition.places.items():
        if old in renames:
            for line, start, end in places:
                edits.setdefault(line, []).append((start, end, renames[old]))
    if not edits:
        return definition
    lines = list(definition.lines)
    for line, changes in edits.items():
        data = lines[line].encode()
        for start, end, new in sorted(set(changes), reverse=True):
            data = data[:start] + new.encode() + data[end:]
        lines[line] = data.decode()
    name = renames.get(definition.name, definition.name)
    hard = {renames.get(h, h) for h in definition.hard}
    return Definition(name, lines, hard)


def _created_first(definitions: list[Definition]) -> list[Definition]:
    """``definitions`` in their order, except that one another evaluates when it is created
    comes before it (depth first, without recursion; a cycle, which Python could not run
    either, is left as it is)."""
    by_name = {d.name: d for d in definitions}
    placed: set[str] = set()
    out: list[Definition] = []
    for definition in definitions:
        stack = [(definition, iter(sorted(definition.hard)))]
        entered = {definition.name}
        while stack:
            current, deps = stack[-1]
            dep = next(
                (d for d in deps if d in by_name and d not in placed and d not in entered), None
            )
            if dep is not None:
                entered.add(dep)
                stack.append((by_name[dep], iter(sorted(by_name[dep].hard))))
                continue
            stack.pop()
            if current.name not in placed:
                placed.add(current.name)
                out.append(current)
    return out
