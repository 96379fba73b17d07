"""Component schemas prepared for datamodel-code-generator: refs renamed to the planned class
names, everything else in the document inlined, text cleaned, what would break the models
module (ill-typed defaults, uncompilable patterns) dropped."""

from __future__ import annotations

import copy
import re
from typing import Any

from ..errors import SpecError
from ..read.refs import at_pointer, unescape
from ..spectext import clean_text
from .allof import described

_SCHEMA_REF = "#/components/schemas/"


# Keywords whose value is literal data (not schemas): copied as they are.
_LITERAL_KEYS = frozenset({"example", "examples", "default", "enum", "const", "required", "type"})
_DROPPED_FORMATS = frozenset({"email", "idn-email"})
# The x- keywords passed to datamodel-code-generator (see ``_Rewriter.extension``).
_ENUM_NAMES = frozenset({"x-enum-varnames", "x-enumNames"})
_ENUM_DESCRIPTIONS = frozenset({"x-enum-descriptions"})
# Marks a required property with a default (``_required_defaults``); passed to the models as
# ``Field(json_schema_extra={REQUIRED_DEFAULT: True})`` (``field_extra_keys``) and read by the
# runtime (``_models.mark_constants``). Not ``x-sdk-``: the same key written in a document is
# dropped (``_Rewriter.extension``), so only the generator sets it.
REQUIRED_DEFAULT = "x-required-default"
# Keywords whose value maps names to schemas.
_SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
)


def rewrite_refs(
    node: Any, names: dict[str, str], root: dict[str, Any], used: set[str] | None = None
) -> Any:
    """A deep copy of schema ``node`` prepared for datamodel-code-generator.

    * ``#/components/schemas/<name>`` refs use the new class names;
    * a ``$ref`` to anywhere else in the document (a parameter's schema, a path) is replaced by
      a copy of its target, so datamodel-code-generator only ever sees component schemas;
    * descriptions and titles are cleaned of control and invisible characters;
    * ``x-`` keywords datamodel-code-generator would turn into code are dropped;
    * a ``pattern`` Python or pydantic cannot compile is dropped (it would make the models
      module fail at import); such a value is then simply not checked.

    ``used`` receives every key of ``names`` the copy depends on (a ref renamed, a
    discriminator's mapping): the same ``node`` rewritten with other names that agree on
    these, and hold none of the others that ``names`` holds, is the same copy (models/early.py).
    """
    return _Rewriter(names, root, set() if used is None else used).schema(node)


def prepared_component(
    schema: Any, names: dict[str, str], root: dict[str, Any], used: set[str] | None = None
) -> Any:
    """``component(rewrite_refs(...))``: one component schema as datamodel-code-generator gets
    it. A located error, not a ``RecursionError``, where the copy nests too deeply: a ``$ref``
    copied in where it points nests it past the document's own depth (read/limits.py)."""
    try:
        return component(rewrite_refs(schema, names, root, used))
    except RecursionError:
        raise SpecError(
            "model generation failed: schemas nested too deeply (through $refs copied in)",
            pointer="/components/schemas",
        ) from None


class _Rewriter:
    def __init__(self, names: dict[str, str], root: dict[str, Any], used: set[str]) -> None:
        self.names = names
        self.root = root
        self.cache: dict[str, Any] = {}
        self.used = used

    def named(self, original: str) -> str | None:
        """The class name planned for component ``original``, if any (noted in ``used``)."""
        if original not in self.names:
            return None
        self.used.add(original)
        return self.names[original]

    def target_of(self, ref: str) -> Any:
        if ref not in self.cache:
            self.cache[ref] = None  # a cycle through a non-schema ref resolves to "anything"
            found = at_pointer(self.root, ref[1:]) if ref.startswith("#/") else self.root
            self.cache[ref] = self.schema(found) if isinstance(found, dict) else {}
        return copy.deepcopy(self.cache[ref]) if self.cache[ref] is not None else {}

    def rename_ref(self, ref: str) -> str | None:
        if not ref.startswith(_SCHEMA_REF):
            return None
        first, sep, tail = ref[len(_SCHEMA_REF) :].partition("/")
        safe = self.named(unescape(first))
        if safe is None:
            return None
        return _SCHEMA_REF + safe + sep + tail

    def lookup(self, ref: str) -> Any:
        if not ref.startswith(_SCHEMA_REF):
            return None
        name = unescape(ref[len(_SCHEMA_REF) :].split("/", 1)[0])
        components = (self.root.get("components") or {}).get("schemas") or {}
        return components.get(name) if isinstance(components, dict) else None

    def schema(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.schema(v) for v in value]
        if not isinstance(value, dict):
            return copy.deepcopy(value)
        out: dict[str, Any] = {}
        tag = self.implied_discriminator(value)
        if tag is not None:
            value = {**value, "discriminator": tag}
        for raw_key, item in value.items():
            key = str(raw_key)
            if key == "$ref" and isinstance(item, str):
                renamed = self.rename_ref(item)
                if renamed is None:
                    return self.target_of(item)
                out[key] = renamed
            else:
                self.keyword(out, key, item)
        _required_on_properties(out, value)
        _required_defaults(out)
        if "default" in out and not _default_fits(value, value["default"], self.lookup):
            del out["default"]  # an ill-typed default would be an ill-typed field (mypy)
        if "enum" in out and out.get("type") in ("boolean", ["boolean"]):
            _boolean_enum(out)
        if "allOf" in out:
            return described(out) or out  # one schema described: that schema (allof.py)
        return out

    def implied_discriminator(self, value: dict[str, Any]) -> dict[str, Any] | None:
        """The discriminator a ``oneOf`` (or ``anyOf``) of component schemas implies without
        declaring one.

        Each variant fixes the same required property to a string value of its own (a
        one-value ``enum`` or a ``const``: Box's ``Item`` is a file, folder or web link by
        ``type``), so exactly one variant can match, as ``oneOf`` says. Response enums are open
        (``OpenEnum``): ``type: "folder"`` would also fit the file variant, and Pydantic took
        the first variant that fits (every folder read as a file). Declared, Pydantic picks
        the variant by the property (each variant's field a ``Literal``), as it does when the
        document writes the discriminator itself."""
        variants = value.get("oneOf")
        if "oneOf" not in value and not any(k in value for k in ("allOf", "properties")):
            # anyOf: when each variant fixes the tag to a value of its own, at most one can
            # match, so it is a oneOf (Stripe's external_account: bank_account or card by
            # `object`); beside other keywords it is not
            variants = value.get("anyOf")
        if "discriminator" in value or not isinstance(variants, list) or len(variants) < 2:
            return None
        targets: list[tuple[str, dict[str, tuple[str, bool]]]] = []
        for variant in variants:
            ref = variant.get("$ref") if isinstance(variant, dict) else None
            if not isinstance(ref, str) or len(variant) != 1 or "/" in ref[len(_SCHEMA_REF) :]:
                return None
            target = self.lookup(ref)
            if not isinstance(target, dict):
                return None
            targets.append((ref, _fixed_strings(target, self.lookup)))
        first = targets[0][1]
        for name in first:
            values = [tags.get(name) for _, tags in targets]
            found = [v[0] for v in values if v is not None and v[1]]  # fixed and required
            if len(found) == len(targets) and len(set(found)) == len(found):
                if any(self.rename_ref(ref) is None for ref, _ in targets):
                    return None  # a variant inlined: no class for the mapping to name
                mapping = dict(zip(found, [ref for ref, _ in targets], strict=True))
                return {"propertyName": name, "mapping": mapping}
        return None

    def keyword(self, out: dict[str, Any], key: str, item: Any) -> None:
        """Copy one keyword of a schema into ``out``, prepared."""
        if key == "discriminator" and isinstance(item, dict):
            out[key] = _rewrite_discriminator(item, self.named, self.rename_ref)
        elif key.startswith("x-"):
            self.extension(out, key, item)
        elif key in _LITERAL_KEYS:
            out[key] = copy.deepcopy(item)
        elif key in ("description", "title") and isinstance(item, str):
            out[key] = clean_text(item)
        elif key == "nullable" and item is False:
            pass  # the default anyway; spelled out, it makes an optional field non-Optional
        elif key == "format" and item in _DROPPED_FORMATS:
            pass  # EmailStr needs the optional email-validator: a plain str instead
        elif key == "pattern":
            if isinstance(item, str) and _pattern_compiles(item):
                out[key] = item
        elif key in _SCHEMA_MAPS and isinstance(item, dict):
            out[key] = {str(k): self.schema(v) for k, v in item.items()}
        else:
            out[key] = self.schema(item)

    @staticmethod
    def extension(out: dict[str, Any], key: str, item: Any) -> None:
        """An ``x-`` keyword: datamodel-code-generator gives some of them meaning as code
        (``x-python-type``, ``x-python-import``, ``x-is-classvar``, ``x-is-base-class``,
        ``x-datamodel-code-generator-*``...): only the enum extensions it turns into
        identifiers (member names) and escaped docstrings pass, and ``x-sdk-*`` (data)."""
        if key in _ENUM_NAMES and isinstance(item, list):
            out[key] = [str(v) if isinstance(v, (str, int, float)) else "" for v in item]
        elif key in _ENUM_DESCRIPTIONS and isinstance(item, list):
            out[key] = [clean_text(v) if isinstance(v, str) else "" for v in item]
        elif key.startswith("x-sdk-"):
            out[key] = copy.deepcopy(item)


def _fixed_strings(schema: dict[str, Any], lookup: Any) -> dict[str, tuple[str, bool]]:
    """The properties of an object schema (its ``allOf`` members and their refs included) that
    hold one fixed string (``enum: [file]``, ``const: file``, directly or through a ``$ref``):
    name -> (the value, whether the property is required)."""
    fixed: dict[str, str] = {}
    required: set[str] = set()
    seen: set[int] = set()

    def one_value(prop: Any) -> str | None:
        if isinstance(prop, dict) and isinstance(prop.get("$ref"), str):
            prop = lookup(prop["$ref"])
        if not isinstance(prop, dict) or prop.get("nullable") is True:
            return None
        const, enum = prop.get("const"), prop.get("enum")
        if isinstance(const, str):
            return const
        if isinstance(enum, list) and len(enum) == 1 and isinstance(enum[0], str):
            return enum[0]
        return None

    def walk(node: Any, depth: int) -> None:
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            node = lookup(node["$ref"])
        if not isinstance(node, dict) or id(node) in seen or depth > 32:
            return
        seen.add(id(node))
        members = node.get("allOf")
        for member in members if isinstance(members, list) else []:
            walk(member, depth + 1)
        props = node.get("properties")
        if isinstance(props, dict):
            for name, prop in props.items():
                tag = one_value(prop)
                if tag is not None:
                    fixed[str(name)] = tag
                else:
                    fixed.pop(str(name), None)  # written again without one value: no tag
        listed = node.get("required")
        if isinstance(listed, list):
            required.update(r for r in listed if isinstance(r, str))

    walk(schema, 0)
    return {name: (tag, name in required) for name, tag in fixed.items()}


def _boolean_enum(schema: dict[str, Any]) -> None:
    """A boolean with an ``enum`` (Slack's ``ok: {type: boolean, enum: [true]}``) is no enum
    class: every member of one is truthy (``if resp.ok`` would hold for ``false``). One value is
    a ``const`` (``Literal[True]``); both, a plain ``bool``."""
    values = schema.pop("enum")
    found = {v for v in values if isinstance(v, bool)} if isinstance(values, list) else set()
    if len(found) == 1:
        schema["const"] = found.pop()


def _required_on_properties(schema: dict[str, Any], original: dict[str, Any]) -> None:
    """``required: true`` on a property (a Swagger 2.0 / JSON Schema draft 3 habit) means the
    property is required: it joins the object's ``required`` list; a ``required`` that is not a
    list is dropped (datamodel-code-generator refuses it)."""
    listed = schema.get("required")
    names = [r for r in listed if isinstance(r, str)] if isinstance(listed, list) else []
    props = original.get("properties")
    if isinstance(props, dict):
        for name, sub in props.items():
            if isinstance(sub, dict) and sub.get("required") is True and str(name) not in names:
                names.append(str(name))
    if names:
        schema["required"] = names
    elif "required" in schema and not isinstance(listed, list):
        del schema["required"]


def _required_defaults(schema: dict[str, Any]) -> None:
    """A required property with a ``default`` keeps its default as the field's (the user may
    leave it out, as with a required body argument) and is marked ``REQUIRED_DEFAULT``: the
    runtime sends it though not set (Adyen's ``KlarnaDetails.type``, required, default
    ``klarna``: a model dumped with ``exclude_unset`` left it out, and the server refused the
    payment)."""
    listed, props = schema.get("required"), schema.get("properties")
    if not isinstance(listed, list) or not isinstance(props, dict):
        return
    for name in listed:
        sub = props.get(name)
        if isinstance(sub, dict) and "default" in sub:
            props[name] = {**sub, REQUIRED_DEFAULT: True}


def component(schema: Any) -> Any:
    """A component that is not an object or an enum (a RootModel of a scalar) loses its
    ``default``: datamodel-code-generator puts it on every field that references the component,
    where the plain value is not an instance of the RootModel class."""
    if isinstance(schema, dict) and "default" in schema and "enum" not in schema:
        kind = schema.get("type")
        if kind != "object" and not schema.get("properties"):
            schema = {k: v for k, v in schema.items() if k != "default"}
    return schema


# String formats datamodel-code-generator types as a class of their own (not `str`).
_TYPED_STRING_FORMATS = frozenset({"date-time", "date", "time", "uuid", "ipv4", "ipv6", "duration"})
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
    if schema.get("format") in _TYPED_STRING_FORMATS and isinstance(default, str):
        return False  # the field is a datetime (a UUID...), not a str: a plain string is not one
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


def _rewrite_discriminator(disc: dict[str, Any], named: Any, rename: Any) -> Any:
    out = dict(disc)
    mapping = disc.get("mapping")
    if isinstance(mapping, dict):
        new: dict[str, Any] = {}
        for key, target in mapping.items():
            if isinstance(target, str):
                new[str(key)] = rename(target) or named(target) or target
            else:
                new[str(key)] = target
        out["mapping"] = new
    return out
