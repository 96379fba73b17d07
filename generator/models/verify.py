"""The last line of defence for spec text inside the models module: ``verify_models``.

Descriptions, titles, enum values, defaults and examples reach the models only as string (or
other constant) literals, docstrings and arguments of ``Field``; datamodel-code-generator's
templates and ours escape them. This check does not trust that: it reads the module's syntax
tree and refuses any statement or call of a kind datamodel-code-generator does not write for a
schema, so text that became code stops the run before anything is written.

It runs once, on the whole module (``generate_models``); the split into one module per model
(``split.py``) copies verified definitions line for line and adds only names of them.
"""

from __future__ import annotations

import ast
import re

from .source import nodes, parse

# What a models module may hold, and nothing else: spec text that escaped its string literal
# would show up as a statement or a call of another kind (``verify_models``).
_MODEL_IMPORTS = frozenset(
    {"__future__", "typing", "typing_extensions", "pydantic", "datetime", "decimal", "uuid",
     "enum", "ipaddress", "pathlib", "builtins"}
)  # fmt: skip
_MODEL_CALLS = frozenset(
    {"Field", "float", "StringConstraints", "ConfigDict", "Decimal", "TypeAliasType"}
)


def verify_models(source: str, package: str) -> list[str]:
    """``line: reason`` for every statement or call of the models module that is not one
    datamodel-code-generator writes for a schema (empty when the module is as expected).

    The last line of defence for spec text inside models.py: descriptions, titles, enum values,
    defaults and examples may only be string (or other constant) literals, docstrings and
    arguments of ``Field``; any other code (a call, an import of another module, a decorator,
    a function) means text became code, and the run stops before writing."""
    try:
        tree = parse(source)
    except SyntaxError as exc:
        return [f"{exc.lineno}: does not parse: {exc.msg}"]
    own = {f"{package}._models", f"{package}._pagination"}
    classes = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    rebuilds = {
        id(n.value) for n in tree.body if isinstance(n, ast.Expr) and _is_rebuild(n, classes)
    }
    problems = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            if not _is_sibling(node) and (
                node.level or (node.module not in _MODEL_IMPORTS and node.module not in own)
            ):
                problems.append(f"{node.lineno}: import from {node.module!r}")
        elif _is_type_checking_block(node) or _is_references(node):
            continue  # a split module (generator/models/split.py)
        elif isinstance(node, ast.ClassDef):
            problems.extend(_verify_class(node))
        elif not (
            _is_docstring(node)
            or _is_all(node)
            or _is_type_alias(node)
            or id(getattr(node, "value", 0)) in rebuilds
        ):
            problems.append(f"{node.lineno}: unexpected {type(node).__name__} statement")
    for found in nodes(tree):  # every node but contexts and operators
        if (
            isinstance(found, ast.Call)
            and id(found) not in rebuilds
            and not (isinstance(found.func, ast.Name) and found.func.id in _MODEL_CALLS)
        ):
            problems.append(f"{found.lineno}: unexpected call of {ast.unparse(found.func)!r}")
        elif isinstance(found, (ast.Lambda, ast.NamedExpr, ast.Await, ast.Yield, ast.YieldFrom)):
            problems.append(f"{found.lineno}: unexpected {type(found).__name__}")
    return problems


def _verify_class(node: object) -> list[str]:
    assert isinstance(node, ast.ClassDef)
    if node.decorator_list or node.keywords:
        return [f"{node.lineno}: class {node.name} has decorators or keywords"]
    problems = []
    for stmt in node.body:
        if isinstance(stmt, (ast.AnnAssign, ast.Assign, ast.Pass)) or _is_docstring(stmt):
            if isinstance(stmt, ast.Assign) and not all(
                isinstance(t, ast.Name) for t in stmt.targets
            ):
                problems.append(f"{stmt.lineno}: unexpected assignment in class {node.name}")
            continue
        problems.append(f"{stmt.lineno}: unexpected {type(stmt).__name__} in class {node.name}")
    return problems


def _is_sibling(node: object) -> bool:
    """``from ._model import Model``: another model module of a split models package."""
    return (
        isinstance(node, ast.ImportFrom)
        and node.level == 1
        and re.fullmatch(r"_[a-z0-9_]+", node.module or "") is not None
        and all(re.fullmatch(r"[A-Za-z_]\w*", a.name) and a.asname is None for a in node.names)
    )


def _is_type_checking_block(node: object) -> bool:
    """``if TYPE_CHECKING:`` holding only imports of sibling model modules."""
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
        and not node.orelse
        and all(_is_sibling(n) for n in node.body)
    )


def _is_references(node: object) -> bool:
    """``_REFERENCES = ("Model", ...)``: the names a split module's annotations use."""
    return (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id == "_REFERENCES"
        and isinstance(node.value, ast.Tuple)
        and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.value.elts)
    )


def _is_rebuild(node: object, classes: set[str]) -> bool:
    """``Model.model_rebuild()`` (recursive models), of a class of the module."""
    call = node.value if isinstance(node, ast.Expr) else None
    return (
        isinstance(call, ast.Call)
        and not call.args
        and not call.keywords
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "model_rebuild"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id in classes
    )


def _is_type_alias(node: object) -> bool:
    """``Name = TypeAliasType("Name", <annotation>)`` (a schema that is only a constrained type);
    the call itself is checked like every other."""
    if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
        return False
    target = node.targets[0] if len(node.targets) == 1 else None
    call = node.value
    return (
        isinstance(target, ast.Name)
        and isinstance(call.func, ast.Name)
        and call.func.id == "TypeAliasType"
        and len(call.args) == 2
        and isinstance(call.args[0], ast.Constant)
        and call.args[0].value == target.id
    )


def _is_docstring(node: object) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _is_all(node: object) -> bool:
    target = (
        node.targets[0]
        if isinstance(node, ast.Assign) and len(node.targets) == 1
        else node.target
        if isinstance(node, ast.AnnAssign)
        else None
    )
    value = getattr(node, "value", None)
    return (
        isinstance(target, ast.Name)
        and target.id == "__all__"
        and isinstance(value, ast.List)
        and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts)
    )
