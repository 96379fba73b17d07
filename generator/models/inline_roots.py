"""The wrapper classes datamodel-code-generator invents, written where they are used.

For a property whose schema is not an object (a constrained string, a nullable boolean, an
``anyOf`` of models, a list of strings...) datamodel-code-generator may make a ``RootModel``
class of its own, named after the property (Stripe's ``AccountTaxId(RootModel[str])``, Box's
``FolderDescription(RootModel[str])`` and ``CollaborationItem(RootModel[Union[File, Folder,
WebLink]])``: 364 and 50 such classes). A field typed with one holds the wrapper, not the value:
a user reads ``folder.description.root``, and ``Folder(description="x")`` does not type-check.
openapi-python-client and Stainless SDKs type such a field with the value's own type.

So each such class is replaced, where it is used, by its ``root`` annotation (constraints and
all: ``List[Annotated[str, Field(max_length=5000)]]``) and is not written. Only the classes
the generator did not plan: a component schema or an inline schema the build named (``lift.py``)
keeps its class, which the client and users import by name. One of a plain value (a string,
number, boolean or date: Algolia's ``nbHits``, Kubernetes' ``Time``) is also written where it
is used, and its class kept: the field holds the ``int``, as the methods' arguments do
(``response.nb_hits > 0`` raised ``TypeError`` on a wrapper; ``Params(query="x")`` did not
type-check). A class is left as it is when
anything but a type annotation names it (a base class, a default value, a quoted forward
reference), when its body is more than a docstring and ``root`` (a default, a config), or when
it takes part in a cycle (a recursive type needs its name).
"""

from __future__ import annotations

import ast
import copy
import re

from ..reserved import RESERVED_CLASS_NAMES, builtin_class_names
from .numbered import NUMBERED, site_names
from .source import children, parse

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def inline_roots(source: str, planned: frozenset[str]) -> str:
    """``source`` (datamodel-code-generator's module) with every unplanned ``RootModel`` class
    that can be written where it is used so written, and not defined. A field without a
    docstring of its own takes the class's (the description of the property's schema). The
    numbered classes it invents are named after where they are used, when they can be
    (numbered.py). One parse for both, shared with the repairs when nothing changes."""
    try:
        tree = parse(source)
    except SyntaxError:
        return source  # reported by the formatting stage, with the location
    roots: dict[str, ast.expr] = {}
    docs: dict[str, ast.Expr] = {}
    scalars: set[str] = set()  # planned classes of one plain value: kept, and written out too
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found = _root_annotation(node)
            if found is None or (node.name in planned and not _is_scalar(found[0])):
                continue
            roots[node.name] = found[0]
            if found[1] is not None:
                docs[node.name] = found[1]
            if node.name in planned:
                scalars.add(node.name)
    walks = _Walks()
    quoted = _quoted(tree, walks)
    uses = _annotation_uses(tree, set(roots), quoted, walks)
    inlinable = roots.keys() - uses.elsewhere
    unplanned = inlinable - scalars
    renames = site_names(
        tree, planned, {n: roots[n] for n in unplanned}, _taken(tree, planned), quoted
    )
    texts = _expanded(roots, inlinable, renames)
    unused = _unused_numbered(tree, planned, quoted, uses.named)
    if not texts and not renames and not unused:
        return source
    lines = source.split("\n")
    after = _docstrings(tree, texts, docs, lines, walks, scalars)
    gone = texts.keys() - scalars  # the classes not written (a planned one always is)
    edits = [
        (n.lineno, n.col_offset, n.end_col_offset or n.col_offset, texts[n.id])
        for n in uses.names
        if n.id in texts and uses.classes[id(n)] not in gone
    ]
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in renames and node.name not in texts:
            start = lines[node.lineno - 1].index(node.name, node.col_offset + len("class"))
            edits.append((node.lineno, start, start + len(node.name), renames[node.name]))
    for old in renames:  # (a name in a class not written is on a line dropped below)
        for n in uses.named.get(old, ()):
            end = n.end_col_offset or n.col_offset
            edits.append((n.lineno, n.col_offset, end, renames[old]))
    for lineno, start, end, text in sorted(edits, reverse=True):
        line = lines[lineno - 1]
        lines[lineno - 1] = line[:start] + text + line[end:]
    dropped: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and (node.name in gone or node.name in unused):
            dropped.update(range(node.lineno - 1, node.end_lineno or node.lineno))
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index not in dropped:
            kept.append(line)
        kept.extend(after.get(index, ()))
    return re.sub(r"\n{4,}", "\n\n\n", "\n".join(kept))


def _unused_numbered(
    tree: ast.Module, planned: frozenset[str], quoted: set[str], named: dict[str, list[ast.Name]]
) -> set[str]:
    """The numbered classes datamodel-code-generator invented that nothing names: the enum it
    makes for a discriminated variant's tag (``TypeModel1(OpenEnum)``: ``FOLDER``) before it
    types the field ``Literal["folder"]``. Such a class is in no model, only in the package's
    names, under a number that moves when the document changes: it is not written. ``named``:
    every ``ast.Name`` of the module (``_annotation_uses``' walk); ``quoted``: the words of
    quoted forward references (``_quoted``)."""
    return {
        n.name
        for n in tree.body
        if isinstance(n, ast.ClassDef)
        and n.name not in planned
        and n.name not in quoted
        and n.name not in named
        and NUMBERED.fullmatch(n.name)
    }


def _taken(tree: ast.Module, planned: frozenset[str]) -> set[str]:
    """The names a class named anew must not take: every name the module defines or
    imports, the planned ones, and those models.py avoids (builtins, its own imports)."""
    names = set(planned) | RESERVED_CLASS_NAMES | builtin_class_names()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _quoted(tree: ast.Module, walks: _Walks) -> set[str]:
    """The words of the strings in a class body outside calls and docstrings: quoted forward
    references, in annotations or in an assignment (``__annotations__ = {"__pydantic_extra__":
    Dict[str, "Extra"]}``), which name classes that must keep their names."""
    words: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            parts: list[ast.AST] = [b.slice for b in node.bases if isinstance(b, ast.Subscript)]
            for stmt in node.body:
                if isinstance(stmt, ast.AnnAssign):  # its parts: the annotation's walk is shared
                    parts += [stmt.annotation] + ([stmt.value] if stmt.value is not None else [])
                elif not _is_docstring(stmt):
                    parts.append(stmt)
            for part in parts:
                for n in walks.positions(part):
                    if isinstance(n, ast.Constant) and isinstance(n.value, str):
                        words.update(_WORD.findall(n.value))
    return words


def _root_annotation(node: ast.ClassDef) -> tuple[ast.expr, ast.Expr | None] | None:
    """The annotation of ``root`` and the docstring (the class's or the field's), when
    ``node`` is ``class X(RootModel[...])`` holding only those (no config, no default but
    ``None``)."""
    if len(node.bases) != 1 or node.keywords or node.decorator_list:
        return None
    base = node.bases[0]
    if not (
        isinstance(base, ast.Subscript)
        and isinstance(base.value, ast.Name)
        and base.value.id == "RootModel"
    ):
        return None
    annotations = [s for s in node.body if not _is_docstring(s)]
    strings = [s for s in node.body if _is_docstring(s)]
    if len(annotations) != 1 or len(strings) > 1:
        return None
    stmt = annotations[0]
    if (
        isinstance(stmt, ast.AnnAssign)
        and isinstance(stmt.target, ast.Name)
        and stmt.target.id == "root"
        and (stmt.value is None or _is_none(stmt.value))
    ):
        doc = strings[0] if strings else None
        return stmt.annotation, doc if isinstance(doc, ast.Expr) else None
    return None


# The annotations of one plain value (``datetime``'s and ``UUID``'s included).
_SCALARS = frozenset({"str", "int", "float", "bool", "bytes", "date", "datetime", "time",
                      "AwareDatetime", "NaiveDatetime", "UUID", "Decimal", "AnyUrl"})  # fmt: skip


def _is_scalar(annotation: ast.expr) -> bool:
    """Whether ``annotation`` is one plain value: ``str``, ``Optional[int]``, ``Annotated[str,
    Field(max_length=3)]`` (a component schema ``{type: string, maxLength: 3}``)."""
    if isinstance(annotation, ast.Name):
        return annotation.id in _SCALARS
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.value, ast.Name):
        inner = annotation.slice
        if annotation.value.id == "Annotated" and isinstance(inner, ast.Tuple) and inner.elts:
            return _is_scalar(inner.elts[0])
        if annotation.value.id == "Optional":
            return _is_scalar(inner)
    return False


def _is_none(value: ast.expr) -> bool:
    """``= None``: a nullable root's default, which a field typed with the root has (or not)
    of its own."""
    return isinstance(value, ast.Constant) and value.value is None


def _is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _docstrings(
    tree: ast.Module,
    texts: dict[str, str],
    docs: dict[str, ast.Expr],
    lines: list[str],
    walks: _Walks,
    scalars: set[str],
) -> dict[int, list[str]]:
    """{line index: the docstring lines to add after it}: for each field of a kept class that
    names a written-out class with a docstring, and has none of its own, that docstring (the
    same indentation: both are in a class body)."""
    after: dict[int, list[str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or (node.name in texts and node.name not in scalars):
            continue
        for index, stmt in enumerate(node.body):
            if not isinstance(stmt, ast.AnnAssign):
                continue
            following = node.body[index + 1] if index + 1 < len(node.body) else None
            if following is not None and _is_docstring(following):
                continue
            named = [
                n.id
                for n in walks.positions(stmt.annotation)
                if isinstance(n, ast.Name) and n.id in texts and n.id in docs
            ]
            if len(named) == 1:
                doc = docs[named[0]]
                end = stmt.end_lineno or stmt.lineno
                after[end - 1] = lines[doc.lineno - 1 : doc.end_lineno or doc.lineno]
    return after


class _Uses:
    """Where the root classes are named: ``names`` (each ``ast.Name`` in a type position of a
    class's field annotation or ``RootModel[...]`` base), ``classes`` (the class each such name
    is in), ``elsewhere`` (root classes named in any other way), ``named`` (every name of
    the module: its ``ast.Name`` nodes, wherever they are)."""

    def __init__(self) -> None:
        self.names: list[ast.Name] = []
        self.classes: dict[int, str] = {}
        self.elsewhere: set[str] = set()
        self.named: dict[str, list[ast.Name]] = {}


def _annotation_uses(tree: ast.Module, roots: set[str], quoted: set[str], walks: _Walks) -> _Uses:
    uses = _Uses()
    uses.elsewhere.update(quoted & roots)  # a quoted forward reference: left as it is
    others: list[ast.AST] = []  # the nodes in no type position (the rest of the module)
    named = uses.named
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            others.append(node)
            continue
        types: list[ast.expr] = []
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign):
                types.append(stmt.annotation)
                others += [stmt.target] + ([stmt.value] if stmt.value is not None else [])
            else:
                others.append(stmt)
        for base in node.bases:
            if isinstance(base, ast.Subscript):
                types.append(base.slice)
                others.append(base.value)
            else:
                others.append(base)
        others += [*node.keywords, *node.decorator_list]
        for annotation in types:
            for n in walks.positions(annotation):
                if isinstance(n, ast.Name):
                    named.setdefault(n.id, []).append(n)
                    if n.id in roots:
                        uses.names.append(n)
                        uses.classes[id(n)] = node.name
                elif isinstance(n, ast.Call):
                    others.append(n)  # its arguments: ``Field(...)``'s
    for top in others:
        for n in walks.everything(top):
            if isinstance(n, ast.Name):
                named.setdefault(n.id, []).append(n)
                if n.id in roots:
                    uses.elsewhere.add(n.id)  # a base class, a default, inside Field(...)...
    return uses


class _Walks:
    """The nodes in type positions of a statement or an annotation: all of its nodes but
    those inside calls (``Field(...)``'s arguments) and the expression contexts (``Load``:
    never a name or a string). Each asked once: the walks of ``_quoted``, ``_annotation_uses``
    and ``_docstrings`` go over the same annotations (stripe.yaml: ~30,000)."""

    def __init__(self) -> None:
        self._done: dict[int, list[ast.AST]] = {}

    def positions(self, top: ast.AST) -> list[ast.AST]:
        found = self._done.get(id(top))
        if found is None:
            found = self._done[id(top)] = self._walk(top, into_calls=False)
        return found

    def everything(self, top: ast.AST) -> list[ast.AST]:
        """All the nodes of ``top`` (but the expression contexts), calls' arguments included."""
        return self._walk(top, into_calls=True)

    def _walk(self, top: ast.AST, into_calls: bool) -> list[ast.AST]:
        found: list[ast.AST] = []
        stack: list[ast.AST] = [top]
        while stack:
            node = stack.pop()
            found.append(node)
            if into_calls or not isinstance(node, ast.Call):
                stack += children(node)
        return found


def _expanded(
    roots: dict[str, ast.expr], candidates: set[str], renames: dict[str, str]
) -> dict[str, str]:
    """Each candidate's annotation as source text, with the candidates it names written out
    in turn; those in a cycle (and those that name one) are left out."""
    texts: dict[str, str] = {}
    failed: set[str] = set()

    def expand(name: str, path: tuple[str, ...]) -> str | None:
        if name in texts:
            return texts[name]
        if name in failed or name in path:
            return None
        annotation = roots[name]
        inner = {n.id for n in ast.walk(annotation) if isinstance(n, ast.Name) and n.id in roots}
        if inner - candidates:
            failed.add(name)
            return None
        replaced: dict[str, str] = {}
        for other in inner:
            text = expand(other, (*path, name))
            if text is None:
                failed.add(name)
                return None
            replaced[other] = text
        substitute = _Substitute({**renames, **replaced})
        texts[name] = ast.unparse(substitute.visit(copy.deepcopy(annotation)))
        return texts[name]

    for name in sorted(candidates):
        expand(name, ())
    return texts


class _Substitute(ast.NodeTransformer):
    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts

    def visit_Name(self, node: ast.Name) -> ast.expr:
        text = self.texts.get(node.id)
        if text is None:
            return node
        return ast.parse(text, mode="eval").body
