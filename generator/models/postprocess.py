"""datamodel-code-generator's output, repaired where it would not import or type-check."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..naming import RESERVED_CLASS_NAMES, builtin_class_names, class_base


def class_namer(planned: frozenset[str] = frozenset()) -> Callable[[str], str]:
    """datamodel-code-generator's own class naming, except that a name models.py imports or
    that shadows a builtin gets a ``Model`` suffix, and a non-ASCII name is spelled in ASCII.
    Component names are planned before (see ``plan_class_names``); this covers the classes it
    names itself, after a property (``dict``, ``any``, ``open_enum``...), which it checks only
    against some of the imports, and not against the planned names: Stripe's
    ``application_fee.charge`` (``anyOf: [id string, charge]``) took ``Charge`` and left the
    component ``charge`` to be renamed ``ChargeModel``, so ``Charge`` in the client was the
    id string. A name of its own that is a planned one gets the suffix too."""
    from datamodel_code_generator.reference import ModelResolver

    default = ModelResolver().default_class_name_generator
    avoid = RESERVED_CLASS_NAMES | builtin_class_names()

    def name(text: str) -> str:
        base = default(text)
        if not base.isascii():
            # Python NFKC-normalizes identifiers (`Bª` is defined as `Ba`), so a non-ASCII
            # class name would not match its own string in __all__: spell it in ASCII.
            base = class_base(text)
        if text not in planned and base in planned:
            return base + "Model"
        return base + "Model" if base in avoid else base

    return name


def fix_bare_generics(source: str) -> str:
    """``RootModel[List]`` -> ``RootModel[List[Any]]``: datamodel-code-generator leaves the item
    type out for some recursive arrays, which ``mypy --strict`` rejects."""
    import ast

    if not re.search(r"\b(List|Dict)\b(?!\[)", source):
        return source
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source  # reported by the formatting stage, with the location
    subscripted = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Subscript)}
    bare = sorted(
        (
            (n.lineno, n.col_offset, n.id)
            for n in ast.walk(tree)
            if isinstance(n, ast.Name) and n.id in ("List", "Dict") and id(n) not in subscripted
        ),
        reverse=True,
    )
    if not bare:
        return source
    lines = source.split("\n")
    for lineno, col, name in bare:
        line = lines[lineno - 1]
        fixed = "List[Any]" if name == "List" else "Dict[str, Any]"
        lines[lineno - 1] = line[:col] + fixed + line[col + len(name) :]
    source = "\n".join(lines)
    if not re.search(r"^from typing import .*\bAny\b", source, re.MULTILINE):
        source = source.replace(
            "from __future__ import annotations\n",
            "from __future__ import annotations\n\nfrom typing import Any\n",
            1,
        )
    return source


def hoist_forward_enums(source: str) -> str:
    """Move enum classes before the first class when a default value uses one defined later.

    ``field: Optional[Colour] = Colour.RED`` is evaluated when the class is created, so
    ``Colour`` must already exist; datamodel-code-generator's order does not ensure it.
    Enums depend on nothing, so they can always come first.
    """
    import ast

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    body = tree.body
    position = {n.name: i for i, n in enumerate(body) if isinstance(n, ast.ClassDef)}
    enums = {
        n.name
        for n in body
        if isinstance(n, ast.ClassDef)
        and any(isinstance(b, ast.Name) and b.id in ("OpenEnum", "Enum") for b in n.bases)
    }
    forward: set[str] = set()
    for index, node in enumerate(body):
        if not isinstance(node, ast.ClassDef):
            continue
        for stmt in node.body:
            value = stmt.value if isinstance(stmt, (ast.AnnAssign, ast.Assign)) else None
            for name in ast.walk(value) if value is not None else ():
                if isinstance(name, ast.Name) and position.get(name.id, -1) > index:
                    forward.add(name.id)
    movable = sorted(forward & enums, key=lambda n: position[n])
    if not movable:
        return source
    lines = source.split("\n")

    def span(node: ast.stmt) -> tuple[int, int]:
        return node.lineno - 1, node.end_lineno or node.lineno

    moved = [body[position[n]] for n in movable]
    first_class = min(position.values())
    chunks = ["\n".join(lines[a:b]) for a, b in (span(n) for n in moved)]
    drop = {i for n in moved for i in range(*span(n))}
    insert_at = span(body[first_class])[0]
    out: list[str] = []
    for i, line in enumerate(lines):
        if i == insert_at:
            out.extend("\n\n\n".join(chunks).split("\n") + ["", ""])
        if i not in drop:
            out.append(line)
    return re.sub(r"\n{4,}", "\n\n\n", "\n".join(out))


def dedupe_bases(source: str) -> str:
    """``class C(X, X):`` -> ``class C(X):``. datamodel-code-generator lists a base once per
    ``allOf`` member, and ``allOf: [X, anyOf: [X, null]]`` names ``X`` twice, which Python
    refuses (``TypeError: duplicate base class``) when the module is imported."""
    import ast

    if not re.search(r"^class \w+\(.*,", source, re.MULTILINE):
        return source
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.split("\n")
    # bottom-up, so earlier line numbers stay valid while rewriting
    for node in sorted(
        (n for n in tree.body if isinstance(n, ast.ClassDef)), key=lambda n: -n.lineno
    ):
        names = [ast.unparse(b) for b in node.bases]
        unique = list(dict.fromkeys(names))
        if len(unique) == len(names) or node.keywords:
            continue
        first, last = node.bases[0], node.bases[-1]
        start, end = first.lineno - 1, (last.end_lineno or last.lineno) - 1
        head = lines[start][: first.col_offset]
        tail = lines[end][last.end_col_offset :]
        lines[start : end + 1] = [head + ", ".join(unique) + tail]
    return "\n".join(lines)


_AMBIGUOUS = re.compile(r"^(    (?:l|O|I)(?: =|:).*)$", re.MULTILINE)
_AMBIGUOUS_CLASS = re.compile(r"^(class (?:l|O|I)\(.*:)$", re.MULTILINE)


def mark_ambiguous_names(source: str) -> str:
    """An enum member or field called ``l``, ``O`` or ``I`` is the spec's name: keep it, and
    tell the linter (E741) it is deliberate. Inline schemas can also yield such class names."""
    source = _AMBIGUOUS_CLASS.sub(r"\1  # noqa: E742", source)
    return _AMBIGUOUS.sub(r"\1  # noqa: E741", source)


def drop_inherited_config(source: str) -> str:
    """``model_config = ConfigDict(extra="allow")`` on a model says what the base model
    (templates/runtime/_models.py.jinja: every model keeps unknown fields) already does: it goes
    (a class left with no statement gets ``pass``)."""
    import ast

    if "model_config" not in source:
        return source
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.split("\n")
    for node in sorted(
        (n for n in tree.body if isinstance(n, ast.ClassDef)), key=lambda n: -n.lineno
    ):
        for stmt in node.body:
            if _is_allow_extra(stmt):
                start, end = stmt.lineno - 1, stmt.end_lineno or stmt.lineno
                lines[start:end] = ["    pass"] if len(node.body) == 1 else []
    return "\n".join(lines)


def _is_allow_extra(stmt: object) -> bool:
    import ast

    if not (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call)):
        return False
    target = stmt.targets[0] if len(stmt.targets) == 1 else None
    call = stmt.value
    return (
        isinstance(target, ast.Name)
        and target.id == "model_config"
        and isinstance(call.func, ast.Name)
        and call.func.id == "ConfigDict"
        and not call.args
        and len(call.keywords) == 1
        and call.keywords[0].arg == "extra"
        and isinstance(call.keywords[0].value, ast.Constant)
        and call.keywords[0].value.value == "allow"
    )


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
    import ast

    try:
        tree = ast.parse(source)
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
    for found in ast.walk(tree):
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
    import ast

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
    import ast

    return (
        isinstance(node, ast.ImportFrom)
        and node.level == 1
        and re.fullmatch(r"_[a-z0-9_]+", node.module or "") is not None
        and all(re.fullmatch(r"[A-Za-z_]\w*", a.name) and a.asname is None for a in node.names)
    )


def _is_type_checking_block(node: object) -> bool:
    """``if TYPE_CHECKING:`` holding only imports of sibling model modules."""
    import ast

    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
        and not node.orelse
        and all(_is_sibling(n) for n in node.body)
    )


def _is_references(node: object) -> bool:
    """``_REFERENCES = ("Model", ...)``: the names a split module's annotations use."""
    import ast

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
    import ast

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
    import ast

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
    import ast

    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _is_all(node: object) -> bool:
    import ast

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


def allow_field_overrides(source: str) -> str:
    """A subclass that redefines a field of its base with another type: ``allOf: [Base, {...}]``
    whose second member narrows or replaces a property (``data: object`` -> ``data: Item``), or
    a discriminated subclass narrowing an enum field to ``Literal["value"]``. Pydantic replaces
    the field, as the spec means; ``mypy --strict`` reports the override as an incompatible
    assignment. Such a line is marked as deliberate (``unused-ignore``: for an override mypy
    accepts, the comment must not be an error either)."""
    import ast

    if not re.search(r"^class \w+\((?!BaseModel\)|OpenEnum\))", source, re.MULTILINE):
        return source
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}

    def fields(node: ast.ClassDef) -> dict[str, ast.AnnAssign]:
        return {
            s.target.id: s
            for s in node.body
            if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
        }

    def inherited(node: ast.ClassDef, field: str, depth: int = 0) -> str | None:
        for base in node.bases:
            parent = classes.get(ast.unparse(base))
            if parent is None or depth > 50:
                continue
            own = fields(parent).get(field)
            found = ast.unparse(own.annotation) if own else inherited(parent, field, depth + 1)
            if found is not None:
                return found
        return None

    lines = source.split("\n")
    for node in classes.values():
        for field, stmt in fields(node).items():
            base = inherited(node, field)
            if base is None or base == ast.unparse(stmt.annotation):
                continue
            first, last = stmt.lineno - 1, (stmt.end_lineno or stmt.lineno) - 1
            if first != last or "#" in lines[first]:
                continue  # (datamodel-code-generator writes a field on one line)
            lines[first] += "  # type: ignore[assignment, unused-ignore]"
    return "\n".join(lines)
