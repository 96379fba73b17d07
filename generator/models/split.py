"""The models module, split into one module per model (a ``models/`` package) that loads each
on first use: importing a client generated from a large document, and its first call, then cost
the models that call uses, not every schema of the API (issue 17, target 3).

Each model's module imports at its top only what creating the class needs (its bases, the
types of a ``RootModel`` or a type alias, the enums its defaults name). The models its field
annotations name (``from __future__ import annotations`` keeps them strings) are listed in
``_REFERENCES`` and imported under ``TYPE_CHECKING`` for type checkers; the base model
(``_models.py``) puts them into the module just before Pydantic evaluates the annotations,
which it does when the model is first validated (``defer_build``). ``models/__init__.py``
resolves every public name lazily (PEP 562), so ``from pkg.models import X`` and
``pkg.models.X`` keep working.

Input is the repaired, verified single-module source (``verify_models`` ran on it, and this
reads the same tree): every definition is copied line for line, each top-level statement on
lines of its own (else the module stays whole), and what is added around it is made of the
names of definitions and imports of that tree, so the modules need no second check.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable
from graphlib import CycleError, TopologicalSorter

from .source import parse

# the files given to ``split_models``' ``emit`` at a time (stripe.yaml: ~3,600 files, ~15 parts)
EMIT_EVERY = 256
_INIT_DOC = '"""Models for every schema of the API, generated from the spec. Do not edit.\n\n'
_INIT_DOC += "Each model lives in its own module, imported when the name is first used.\n" + '"""'


def split_models(
    source: str, package: str, emit: Callable[[dict[str, str]], object] | None = None
) -> dict[str, str] | None:
    """``{file name under models/: source}``; None when the module cannot be split (a cycle
    among the names that creating the classes needs at once), so it stays one module.
    ``emit``: given the files in parts (``EMIT_EVERY``) as they are made, each once."""
    tree = parse(source)  # the tree verify_models read (models/source.py)
    lines = source.split("\n")
    imports: list[ast.ImportFrom] = []
    defs: dict[str, ast.stmt] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            imports.append(node)
        elif isinstance(node, ast.ClassDef):
            defs[node.name] = node
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id != "__all__":
                defs[node.targets[0].id] = node
    if not defs or not _own_lines(tree.body):
        return None
    defined = defs.keys()
    hard = {name: (_hard_names(node) & defined) - {name} for name, node in defs.items()}
    try:
        tuple(TopologicalSorter(hard).static_order())
    except CycleError:
        return None
    # quoted forward references (``RootModel[Union[A, "B"]]``) are looked up later too
    used = {name: _loaded_and_quoted(node) for name, node in defs.items()}
    soft = {name: (used[name] & defined) - hard[name] - {name} for name in defs}
    if any(soft[name] and _is_root_model(node) for name, node in defs.items()):
        # A RootModel has pydantic's base, not the package's, so nothing would load the models
        # it names before it is validated on its own: such a module stays whole.
        return None
    modules = _module_names(defs)
    files: dict[str, str] = {}
    pending: dict[str, str] = {}  # made, not yet given to ``emit``
    for name, node in defs.items():
        refs = sorted(_references(name, defs, hard, soft, {}))
        text = [f'"""The ``{name}`` model. Generated from the spec; do not edit."""', ""]
        text += ["from __future__ import annotations", ""]
        needs = used[name] | ({"TYPE_CHECKING"} if soft[name] else set())
        found: dict[str, list[ast.alias]] = {}
        for imp in imports:
            kept = [a for a in imp.names if (a.asname or a.name) in needs]
            if kept:  # an alias stays (``date as date_aliased``: a field named ``date``)
                found.setdefault(imp.module or "", []).extend(kept)
        if soft[name] and not any(a.name == "TYPE_CHECKING" for a in found.get("typing", [])):
            found.setdefault("typing", []).append(ast.alias("TYPE_CHECKING"))
        for dep in hard[name]:
            found[f".{modules[dep]}"] = [ast.alias(dep)]
        text += import_block(found, first_party=package)
        if soft[name]:
            text += ["", "if TYPE_CHECKING:"]
            soft_imports = {f".{modules[dep]}": [ast.alias(dep)] for dep in soft[name]}
            text += import_block(soft_imports, indent="    ")
        # isort's blank lines after the imports: two before a class, else one
        gap = ["", ""] if isinstance(node, ast.ClassDef) or soft[name] else [""]
        text += gap + _definition(node, lines)
        text += ["", "", "# Models the annotations name: put here when Pydantic needs them"]
        text += _tuple("_REFERENCES", refs)
        file = files[f"{modules[name]}.py"] = "\n".join(text) + "\n"
        if emit is not None:
            pending[f"{modules[name]}.py"] = file
            if len(pending) >= EMIT_EVERY:
                emit(pending)
                pending = {}
    files["__init__.py"] = pending["__init__.py"] = _init(sorted(defs), modules, package)
    if emit is not None:
        emit(pending)
    return files


def _definition(node: ast.stmt, lines: list[str]) -> list[str]:
    """The lines of ``node``, copied, with the empty line ``ruff format`` puts after a class
    docstring followed by more (so that it rewrites no file: it still decides the bytes)."""
    copied = lines[node.lineno - 1 : node.end_lineno or node.lineno]
    body = node.body if isinstance(node, ast.ClassDef) else []
    if len(body) > 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        after = (body[0].end_lineno or body[0].lineno) - node.lineno + 1
        if isinstance(body[0].value.value, str) and copied[after].strip():
            copied.insert(after, "")
    return copied


def _tuple(target: str, items: list[str]) -> list[str]:
    """``target = (<items as strings>)`` as ``ruff format`` writes it: one item a line, the
    trailing comma kept, when there are several."""
    if len(items) < 2:
        return [f"{target} = (" + "".join(f'"{r}",' for r in items) + ")"]
    return [f"{target} = (", *(f'    "{r}",' for r in items), ")"]


def import_block(
    found: dict[str, list[ast.alias]], indent: str = "", first_party: str = ""
) -> list[str]:
    """``from <module> import <names>`` lines, in the order and form ruff's import sorting
    (isort's rules: sections standard library, other, ``first_party`` (the package, found in
    ``src/`` beside the project's ``pyproject.toml``), relative, a blank line between them;
    modules and names in natural order, names constants first, then classes; a line over
    ``LINE_LENGTH`` wrapped one name a line) writes them, so that ``ruff check --fix``
    rewrites no file (it still runs and decides: a difference here costs time, not bytes)."""
    sections: list[list[str]] = [[], [], [], []]
    for module in sorted(found, key=_natural):
        top = module.split(".", 1)[0]
        section = (
            3
            if module.startswith(".")
            else 2
            if first_party and top == first_party
            else 0
            if top in sys.stdlib_module_names
            else 1
        )
        names = [
            f"{a.name} as {a.asname}" if a.asname else a.name
            for a in sorted(found[module], key=lambda a: (_member(a.name), a.asname or ""))
        ]
        line = f"{indent}from {module} import {', '.join(names)}"
        if len(line) > LINE_LENGTH:
            inner = indent + "    "
            line = "\n".join(
                [f"{indent}from {module} import (", *(f"{inner}{n}," for n in names), f"{indent})"]
            )
        sections[section].append(line)
    out: list[str] = []
    for lines in sections:
        if lines:
            out += ([""] if out else []) + lines
    return out


LINE_LENGTH = 100  # the generated project's (templates/pyproject.toml.jinja)
_DIGITS = re.compile(r"(\d+)")


def _natural(text: str) -> tuple[object, ...]:
    """Case-insensitive, numbers by value (``Model2`` before ``Model10``), then as written."""
    parts = _DIGITS.split(text.lower())
    return (tuple(int(p) if p.isdigit() else p for p in parts), text)


def _member(name: str) -> tuple[object, ...]:
    """Constants (``TYPE_CHECKING``), then classes, then the rest, each in natural order."""
    kind = 0 if len(name) > 1 and name.isupper() else 1 if name[:1].isupper() else 2
    return (kind, _natural(name))


def _own_lines(body: list[ast.stmt]) -> bool:
    """Every top-level statement starts a line and ends one (``a = 1; b = 2`` would make two
    definitions share their text): what makes copying a definition's lines copy it alone."""
    end = 0
    for node in body:
        if node.col_offset != 0 or node.lineno <= end:
            return False
        end = node.end_lineno or node.lineno
    return True


def _loaded_and_quoted(node: ast.AST) -> set[str]:
    """``_loaded(node)`` and the identifiers quoted in subscripts (``RootModel[Union[A,
    "B"]]``: forward references), in one walk."""
    return _names(node, quoted=True)


def _loaded(node: ast.AST) -> set[str]:
    """The names ``node`` reads (not the ones it assigns: enum members)."""
    return _names(node, quoted=False)


# node class -> its fields (``_names``)
_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}


def _names(node: ast.AST, quoted: bool) -> set[str]:
    """The walk of ``_loaded`` and ``_loaded_and_quoted`` (every definition of a large API's
    models: ~3,600; by node type and fields, not ``ast.iter_child_nodes``: ~40 % faster)."""
    found: set[str] = set()
    stack: list[tuple[ast.AST, bool]] = [(node, False)]
    fields = _FIELDS
    while stack:
        current, in_slice = stack.pop()
        kind = type(current)
        if isinstance(current, ast.Name):
            if type(current.ctx) is ast.Load:
                found.add(current.id)
        elif isinstance(current, ast.Constant):
            value = current.value
            if in_slice and type(value) is str and value.isidentifier():
                found.add(value)
        elif quoted and isinstance(current, ast.Subscript):
            stack.append((current.value, in_slice))
            stack.append((current.slice, True))
        else:
            names = fields.get(kind)
            if names is None:
                names = fields[kind] = kind._fields
            for name in names:
                value = getattr(current, name, None)
                if type(value) is list:
                    stack.extend((v, in_slice) for v in value if isinstance(v, ast.AST))
                elif isinstance(value, ast.AST):
                    stack.append((value, in_slice))
    return found


def _is_root_model(node: ast.stmt) -> bool:
    return isinstance(node, ast.ClassDef) and any(
        isinstance(n, ast.Name) and n.id == "RootModel" for b in node.bases for n in ast.walk(b)
    )


def _hard_names(node: ast.stmt) -> set[str]:
    """The names evaluated when the class (or alias) is created: bases, keywords, defaults."""
    if not isinstance(node, ast.ClassDef):
        return _loaded(node)
    roots: list[ast.AST] = [*node.bases, *node.keywords, *node.decorator_list]
    for stmt in node.body:
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
            roots.append(stmt.value)
    return {name for root in roots for name in _loaded(root)}


def _references(
    name: str,
    defs: dict[str, ast.stmt],
    hard: dict[str, set[str]],
    soft: dict[str, set[str]],
    memo: dict[str, set[str]],
) -> set[str]:
    """The models Pydantic may look up in ``name``'s module: its own annotations' and, since
    inherited fields are evaluated again in the subclass's module, its bases'."""
    if name in memo:
        return memo[name]
    found = set(soft[name])
    node = defs[name]
    if isinstance(node, ast.ClassDef):
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in defs:
                found |= _references(base.id, defs, hard, soft, memo) | hard[base.id]
    memo[name] = found - {name} - hard[name]
    return memo[name]


def _module_names(defs: dict[str, ast.stmt]) -> dict[str, str]:
    """A private module name per model, unique even on a case-insensitive file system."""
    taken: set[str] = {"__init__"}
    out: dict[str, str] = {}
    for name in defs:
        base = "_" + re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
        candidate, n = base, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{base}_{n}"
        taken.add(candidate.lower())
        out[name] = candidate
    return out


def _init(names: list[str], modules: dict[str, str], package: str) -> str:
    exports = sorted({*names, "PagedResponse"})
    where = {name: modules[name] for name in names}
    out = [_INIT_DOC, "", "from __future__ import annotations", ""]
    out += ["import importlib", "from typing import TYPE_CHECKING, Any", ""]
    out += ["if TYPE_CHECKING:"]
    found = {f"{package}._pagination": [ast.alias("PagedResponse", "PagedResponse")]}
    found.update({f".{where[n]}": [ast.alias(n, n)] for n in names})
    out += import_block(found, indent="    ", first_party=package)
    out += ["", "# model name -> the module that defines it"]
    out += ["_MODULES = {"] + [f'    "{n}": "{where[n]}",' for n in names] + ["}", ""]
    out += [
        "",
        "def __getattr__(name: str) -> Any:",
        '    """Import a model\'s module the first time the model is used (PEP 562)."""',
        '    if name == "PagedResponse":',
        f"        from {package}._pagination import PagedResponse",
        "",
        "        return PagedResponse",
        "    module = _MODULES.get(name)",
        "    if module is None:",
        '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
        '    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)',
        "    globals()[name] = value",
        "    return value",
        "",
        "",
        "def __dir__() -> list[str]:",
        "    return sorted(__all__)",
        "",
        "",
        "__all__ = [",
    ]
    out += [f'    "{n}",' for n in exports] + ["]", ""]
    return "\n".join(out)
