"""Component schemas -> Pydantic v2 model source, through datamodel-code-generator's Python API.

The options are the ones field-notes.md measured to give clean, mypy-strict, reproducible models;
our template overrides make enums open and escape spec text (see templates/models/).

Schema names are arbitrary strings in a spec (``account.capabilities``, ``pet-store``, ``List``,
``BaseModel``); datamodel-code-generator would split dotted names into packages and silently
merge names that differ only in case or punctuation. So every component schema first gets a
unique, safe Python class name (``plan_class_names``), and the schemas are handed over under
those names with every ``$ref`` rewritten.
"""

from __future__ import annotations

import copy
import keyword
import re
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import SpecError, pointer
from .naming import RESERVED_CLASS_NAMES, builtin_class_names, clean_text, pascal_case
from .refs import unescape

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "models"
_CLASS = re.compile(r"^class (\w+)\(", re.MULTILINE)
_SCHEMA_REF = "#/components/schemas/"


def _class_base(name: str) -> str:
    """``pet.store`` -> ``PetStore``, ``1st`` -> ``Model1st``, nothing usable -> ``Model``:
    ASCII PascalCase that is an identifier."""
    base = pascal_case(name).lstrip("_")
    if not base or base == "X":  # pascal_case's answer for a name with no letters or digits
        return "Model"
    return "Model" + base if base[0].isdigit() else base


def plan_class_names(
    schemas: dict[str, Any], reserved: frozenset[str] | set[str] = frozenset()
) -> dict[str, str]:
    """{component schema name: unique, safe Python class name}, deterministic (spec order).

    A name that already is a plain PascalCase identifier is kept; anything else is
    PascalCased; clashes with reserved names get a ``Model`` suffix, duplicates a number.
    """
    taken = {n.lower() for n in RESERVED_CLASS_NAMES | builtin_class_names() | set(reserved)}
    taken.update(keyword.kwlist)
    out: dict[str, str] = {}
    used: set[str] = set()
    for raw in schemas:
        name = str(raw)
        if re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
            base = name
        else:
            base = _class_base(name)
        if base.lower() in taken or base in ("I", "O", "l"):  # E742: ambiguous class names
            base += "Model"
        candidate = base
        counter = 1
        # case-insensitive: two classes must not differ only in case (readers and file systems)
        while candidate.lower() in used or candidate.lower() in taken:
            counter += 1
            candidate = f"{base}{counter}"
        used.add(candidate.lower())
        out[raw] = candidate
    return out


# Keywords whose value is literal data (not schemas): copied as they are.
_LITERAL_KEYS = frozenset({"example", "examples", "default", "enum", "const", "required", "type"})
_DROPPED_FORMATS = frozenset({"email", "idn-email"})
# Keywords whose value maps names to schemas.
_SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
)


def rewrite_refs(node: Any, names: dict[str, str], root: dict[str, Any]) -> Any:
    """A deep copy of schema ``node`` prepared for datamodel-code-generator.

    * ``#/components/schemas/<name>`` refs use the new class names;
    * a ``$ref`` to anywhere else in the document (a parameter's schema, a path) is replaced by
      a copy of its target, so datamodel-code-generator only ever sees component schemas;
    * descriptions and titles are cleaned of control and invisible characters;
    * a ``pattern`` Python or pydantic cannot compile is dropped (it would make the models
      module fail at import); such a value is then simply not checked.
    """
    cache: dict[str, Any] = {}

    def target_of(ref: str) -> Any:
        if ref not in cache:
            cache[ref] = None  # a cycle through a non-schema ref resolves to "anything"
            found: Any = root
            for token in ref[2:].split("/") if ref.startswith("#/") else []:
                token = unescape(token)
                if isinstance(found, dict) and token in found:
                    found = found[token]
                elif isinstance(found, list) and token.isdigit() and int(token) < len(found):
                    found = found[int(token)]
                else:
                    found = None
                    break
            cache[ref] = schema(found) if isinstance(found, dict) else {}
        return copy.deepcopy(cache[ref]) if cache[ref] is not None else {}

    def rename_ref(ref: str) -> str | None:
        if not ref.startswith(_SCHEMA_REF):
            return None
        rest = ref[len(_SCHEMA_REF) :]
        first, sep, tail = rest.partition("/")
        original = unescape(first)
        if original not in names:
            return None
        return _SCHEMA_REF + names[original] + sep + tail

    def schema(value: Any) -> Any:
        if isinstance(value, list):
            return [schema(v) for v in value]
        if not isinstance(value, dict):
            return copy.deepcopy(value)
        out: dict[str, Any] = {}
        for raw_key, item in value.items():
            key = str(raw_key)
            if key == "$ref" and isinstance(item, str):
                renamed = rename_ref(item)
                if renamed is None:
                    return target_of(item)
                out[key] = renamed
            elif key == "discriminator" and isinstance(item, dict):
                out[key] = _rewrite_discriminator(item, names, rename_ref)
            elif key in _LITERAL_KEYS or key.startswith("x-"):
                out[key] = copy.deepcopy(item)
            elif key in ("description", "title") and isinstance(item, str):
                out[key] = clean_text(item)
            elif key == "nullable" and item is False:
                continue  # the default anyway; spelled out, it makes an optional field non-Optional
            elif key == "format" and item in _DROPPED_FORMATS:
                continue  # EmailStr needs the optional email-validator: a plain str instead
            elif key == "pattern":
                if isinstance(item, str) and _pattern_compiles(item):
                    out[key] = item
            elif key in _SCHEMA_MAPS and isinstance(item, dict):
                out[key] = {str(k): schema(v) for k, v in item.items()}
            else:
                out[key] = schema(item)
        if "default" in out and not _default_fits(value, value["default"], lookup):
            del out["default"]  # an ill-typed default would be an ill-typed field (mypy)
        return out

    def lookup(ref: str) -> Any:
        if not ref.startswith(_SCHEMA_REF):
            return None
        name = unescape(ref[len(_SCHEMA_REF) :].split("/", 1)[0])
        components = (root.get("components") or {}).get("schemas") or {}
        return components.get(name) if isinstance(components, dict) else None

    return schema(node)


def _component(schema: Any) -> Any:
    """A component that is not an object or an enum (a RootModel of a scalar) loses its
    ``default``: datamodel-code-generator puts it on every field that references the component,
    where the plain value is not an instance of the RootModel class."""
    if isinstance(schema, dict) and "default" in schema and "enum" not in schema:
        kind = schema.get("type")
        if kind != "object" and not schema.get("properties"):
            schema = {k: v for k, v in schema.items() if k != "default"}
    return schema


_FITS = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def _default_fits(schema: dict[str, Any], default: Any, lookup: Any) -> bool:
    """Whether a field with this schema can take ``default`` as its Python default.

    Models get the spec's ``default`` as the field default, unvalidated: one of another type
    (``default: "1"`` on an integer, ``{}`` on a model, ``true`` on a RootModel) is a type error
    in the package. Enum defaults stay (they become enum members)."""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target = lookup(ref)
        enum = target.get("enum") if isinstance(target, dict) else None
        return isinstance(enum, list) and default in enum
    enum = schema.get("enum")
    if isinstance(enum, list):
        return default in enum
    if any(key in schema for key in ("allOf", "oneOf", "anyOf")):
        # datamodel-code-generator copies it onto every member (``root: int = "auto"``)
        return False
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []
    if schema.get("nullable") is True:
        kinds = [*kinds, "null"]
    if not kinds:
        return True
    return any(_FITS.get(str(k), lambda v: True)(default) for k in kinds)


def _pattern_compiles(pattern: str) -> bool:
    """Both engines that may see a pattern accept it: Python's ``re`` and pydantic-core's."""
    try:
        re.compile(pattern)
        import pydantic_core

        pydantic_core.SchemaValidator(pydantic_core.core_schema.str_schema(pattern=pattern))
    except Exception:  # noqa: BLE001 - re.error, pydantic_core.SchemaError, RecursionError...
        return False
    return True


_COMPOSITION = ("allOf", "oneOf", "anyOf")


def check_composition_cycles(schemas: dict[str, Any]) -> None:
    """Reject a schema that contains itself through allOf/oneOf/anyOf alone (no object property
    or array item in between): that is an infinite type, which no model can represent.

    Recursion through a property (``Node.children: [Node]``) is fine and common.
    """
    edges: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        targets: list[str] = []
        stack = [schema]
        seen = 0
        while stack and seen < 10_000:
            seen += 1
            node = stack.pop()
            if not isinstance(node, dict):
                continue
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(_SCHEMA_REF):
                target = unescape(ref[len(_SCHEMA_REF) :].split("/", 1)[0])
                if target in schemas:
                    targets.append(target)
                continue
            for key in _COMPOSITION:
                members = node.get(key)
                if isinstance(members, list):
                    stack.extend(members)
        edges[str(name)] = targets
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in edges.get(node, ()):
            if state.get(target) == 1:
                cycle = path[path.index(target) :] + [target]
                raise SpecError(
                    f"schema {target!r} contains itself through allOf/oneOf/anyOf alone "
                    f"({' -> '.join(cycle)}): such an infinite type is not supported",
                    pointer=pointer("components", "schemas", target),
                )
            if target not in state:
                visit(target, path + [target])
        state[node] = 2

    for name in edges:
        if name not in state:
            visit(name, [name])


def _rewrite_discriminator(disc: dict[str, Any], names: dict[str, str], rename: Any) -> Any:
    out = dict(disc)
    mapping = disc.get("mapping")
    if isinstance(mapping, dict):
        new: dict[str, Any] = {}
        for key, target in mapping.items():
            if isinstance(target, str):
                new[str(key)] = rename(target) or (names[target] if target in names else target)
            else:
                new[str(key)] = target
        out["mapping"] = new
    return out


def generate_models(
    spec: dict[str, Any], package: str, reserved: frozenset[str] | set[str] = frozenset()
) -> tuple[str, dict[str, str]]:
    """Return (models.py source, {component schema name: class name})."""
    schemas = ((spec.get("components") or {}).get("schemas")) or {}
    if not isinstance(schemas, dict) or not schemas:
        return _EMPTY, {}
    # Imported lazily: datamodel-code-generator is the heaviest import of the pipeline.
    from datamodel_code_generator import (
        DataModelType,
        InputFileType,
        OpenAPIScope,
        PythonVersion,
        generate,
    )
    from datamodel_code_generator.format import DatetimeClassType

    from .parse import runtime_class_names

    check_composition_cycles(schemas)
    names = plan_class_names(schemas, set(reserved) | runtime_class_names(spec))
    renamed = {names[k]: _component(rewrite_refs(v, names, spec)) for k, v in schemas.items()}
    document = {
        "openapi": spec.get("openapi", "3.1.0"),
        "info": {"title": "models", "version": "0"},
        "paths": {},
        "components": {"schemas": renamed},
    }
    try:
        with warnings.catch_warnings():
            # "format of 'phone-number' not understood": such a string is typed `str`, fine.
            warnings.simplefilter("ignore")
            source = generate(
                document,
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_310,
                use_union_operator=False,  # Optional[...] keeps the models importable on 3.9
                use_standard_collections=False,
                use_annotated=True,
                field_constraints=True,
                snake_case_field=True,
                allow_population_by_field_name=True,
                set_default_enum_member=True,
                strict_nullable=True,
                disable_timestamp=True,
                keep_model_order=True,
                use_schema_description=True,
                use_field_description=True,
                capitalise_enum_members=True,
                output_datetime_class=DatetimeClassType.Datetime,
                base_class=f"{package}._models.BaseModel",
                additional_imports=[
                    f"{package}._models.OpenEnum",
                    f"{package}._pagination.PagedResponse",
                ],
                custom_template_dir=TEMPLATES,
                custom_class_name_generator=_class_namer(),
                openapi_scopes=[OpenAPIScope.Schemas],
                formatters=[],
            )
    except SpecError:
        raise
    except RecursionError:
        raise SpecError(
            "model generation failed: schemas nested too deeply", pointer="/components/schemas"
        ) from None
    except Exception as exc:  # datamodel-code-generator raises many types; report them located
        message = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise SpecError(
            f"model generation failed: {message}", pointer="/components/schemas"
        ) from None
    if not isinstance(source, str):
        raise SpecError(
            "model generation produced several modules; not supported",
            pointer="/components/schemas",
        )
    source = re.sub(r"\A# generated by datamodel-codegen:\n#   filename:  [^\n]*\n", "", source)
    source = _fix_bare_generics(source)
    source = _hoist_forward_enums(source)
    source = _dedupe_bases(source)
    source = _mark_ambiguous_names(source)
    classes = set(_CLASS.findall(source))
    mapping: dict[str, str] = {}
    for original, safe in names.items():
        if safe in classes:
            mapping[original] = safe
        else:
            raise SpecError(
                f"model generation produced no class for schema {original!r} (expected {safe!r})",
                pointer=pointer("components", "schemas", original),
            )
    header = '"""Models for every schema of the API, generated from the spec. Do not edit."""\n\n'
    exports = sorted(classes | {"PagedResponse"})
    footer = "\n\n__all__ = [\n" + "".join(f'    "{c}",\n' for c in exports) + "]\n"
    return header + source.rstrip() + "\n" + footer, mapping


def _class_namer() -> Callable[[str], str]:
    """datamodel-code-generator's own class naming, except that a name models.py imports or
    that shadows a builtin gets a ``Model`` suffix, and a non-ASCII name is spelled in ASCII.
    Component names are planned before (see ``plan_class_names``); this covers the classes it
    names itself, after a property (``dict``, ``any``, ``open_enum``...), which it checks only
    against some of the imports."""
    from datamodel_code_generator.reference import ModelResolver

    default = ModelResolver().default_class_name_generator
    avoid = RESERVED_CLASS_NAMES | builtin_class_names()

    def name(text: str) -> str:
        base = default(text)
        if not base.isascii():
            # Python NFKC-normalizes identifiers (`Bª` is defined as `Ba`), so a non-ASCII
            # class name would not match its own string in __all__: spell it in ASCII.
            base = _class_base(text)
        return base + "Model" if base in avoid else base

    return name


def _fix_bare_generics(source: str) -> str:
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


def _hoist_forward_enums(source: str) -> str:
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


def _dedupe_bases(source: str) -> str:
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


def _mark_ambiguous_names(source: str) -> str:
    """An enum member or field called ``l``, ``O`` or ``I`` is the spec's name: keep it, and
    tell the linter (E741) it is deliberate. Inline schemas can also yield such class names."""
    source = _AMBIGUOUS_CLASS.sub(r"\1  # noqa: E742", source)
    return _AMBIGUOUS.sub(r"\1  # noqa: E741", source)


_EMPTY = '"""Models: this API declares no component schemas."""\n\n__all__: list[str] = []\n'
