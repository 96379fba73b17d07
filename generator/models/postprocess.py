"""datamodel-code-generator's output, repaired where it would not import or type-check."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from ..naming import class_base
from ..reserved import RESERVED_CLASS_NAMES, builtin_class_names
from .source import carry, nodes, parse


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
    if not re.search(r"\b(List|Dict)\b(?!\[)", source):
        return source
    try:
        tree = parse(source)
    except SyntaxError:
        return source  # reported by the formatting stage, with the location
    subscripted: set[int] = set()
    generics: list[ast.Name] = []
    for n in nodes(tree):  # one walk, shared with verify_models (~170,000 nodes)
        if isinstance(n, ast.Subscript):
            subscripted.add(id(n.value))
        elif isinstance(n, ast.Name) and n.id in ("List", "Dict"):
            generics.append(n)
    bare = sorted(
        ((n.lineno, n.col_offset, n.id) for n in generics if id(n) not in subscripted),
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
    try:
        tree = parse(source)
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
    if not re.search(r"^class \w+\(.*,", source, re.MULTILINE):
        return source
    try:
        tree = parse(source)
    except SyntaxError:
        return source
    lines = source.split("\n")
    changed = False
    # bottom-up, so earlier line numbers stay valid while rewriting
    for node in sorted(
        (n for n in tree.body if isinstance(n, ast.ClassDef)), key=lambda n: -n.lineno
    ):
        if len(node.bases) < 2 or node.keywords:
            continue
        names = [ast.unparse(b) for b in node.bases]
        unique = list(dict.fromkeys(names))
        if len(unique) == len(names):
            continue
        changed = True
        first, last = node.bases[0], node.bases[-1]
        start, end = first.lineno - 1, (last.end_lineno or last.lineno) - 1
        head = lines[start][: first.col_offset]
        tail = lines[end][last.end_col_offset :]
        lines[start : end + 1] = [head + ", ".join(unique) + tail]
    return "\n".join(lines) if changed else source


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
    if "model_config" not in source:
        return source
    try:
        tree = parse(source)
    except SyntaxError:
        return source
    lines = source.split("\n")
    changed = False
    for node in sorted(
        (n for n in tree.body if isinstance(n, ast.ClassDef)), key=lambda n: -n.lineno
    ):
        for stmt in node.body:
            if _is_allow_extra(stmt):
                start, end = stmt.lineno - 1, stmt.end_lineno or stmt.lineno
                lines[start:end] = ["    pass"] if len(node.body) == 1 else []
                changed = True
    return "\n".join(lines) if changed else source


def _is_allow_extra(stmt: object) -> bool:
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


def allow_field_overrides(source: str) -> str:
    """A subclass that redefines a field of its base with another type: ``allOf: [Base, {...}]``
    whose second member narrows or replaces a property (``data: object`` -> ``data: Item``), or
    a discriminated subclass narrowing an enum field to ``Literal["value"]``. Pydantic replaces
    the field, as the spec means; ``mypy --strict`` reports the override as an incompatible
    assignment. Such a line is marked as deliberate (``unused-ignore``: for an override mypy
    accepts, the comment must not be an error either)."""
    if not re.search(r"^class \w+\((?!BaseModel\)|OpenEnum\))", source, re.MULTILINE):
        return source
    try:
        tree = parse(source)
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
    changed = False
    for node in classes.values():
        for field, stmt in fields(node).items():
            base = inherited(node, field)
            if base is None or base == ast.unparse(stmt.annotation):
                continue
            first, last = stmt.lineno - 1, (stmt.end_lineno or stmt.lineno) - 1
            if first != last or "#" in lines[first]:
                continue  # (datamodel-code-generator writes a field on one line)
            lines[first] += "  # type: ignore[assignment, unused-ignore]"
            changed = True
    # only comments were appended: the tree stays the one of ``source`` (models/source.py)
    return carry(source, "\n".join(lines)) if changed else source
