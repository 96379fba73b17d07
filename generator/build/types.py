"""Schema -> type tree (generator/ir/types.py): the annotation of an argument or a result.

``request=True`` types what a caller passes (enums also accept their literal values, date-times
also a string, binary is a ``FileInput``, a free-form object's class also a ``Dict[str, Any]``,
a map's a ``Dict[str, <value>]``, a ``oneOf`` of component models also its members);
``request=False`` what a response parses into.
"""

from __future__ import annotations

from typing import Any

from ..ir import types as t
from ..read.refs import Resolver
from .context import Context
from .schemas import is_free_form, is_model_like, is_nullable, is_root_union, literal_values

_JSON_TYPES = {"integer": "int", "number": "float", "boolean": "bool"}


class TypeBuilder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._stack: list[str] = []  # schemas being expanded (cycle guard)

    def of(self, schema: Any, where: str, *, request: bool) -> t.Type:
        """The Python type of ``schema`` (found at ``where``)."""
        name = Resolver.ref_name(schema)
        if name is not None:
            return self._component(name, schema, where, request)
        if isinstance(schema, dict) and "$ref" in schema:
            target, target_ptr = self.ctx.deref(schema, where)
            return self._expand(target_ptr, target, target_ptr, request, fallback=t.ANY)
        if not isinstance(schema, dict):
            return t.ANY
        inline = self.ctx.inline_class(where)
        if inline is not None:  # an inline object schema with its own class
            return t.OptionalOf(t.Model(inline)) if is_nullable(schema) else t.Model(inline)
        for combiner in ("oneOf", "anyOf"):
            if isinstance(schema.get(combiner), list) and schema[combiner]:
                return self._union(schema[combiner], f"{where}/{combiner}", request)
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            parts = schema["allOf"]
            if len(parts) == 1:
                return self.of(parts[0], f"{where}/allOf/0", request=request)
            return t.ANY_DICT
        return self._by_type(schema, where, request)

    def _component(self, name: str, schema: Any, where: str, request: bool) -> t.Type:
        target, target_ptr = self.ctx.deref(schema, where)
        cls = self.ctx.schema_classes.get(name)
        if not isinstance(target, dict):
            return t.ANY
        if cls and "enum" in target:
            values = literal_values(target["enum"]) if request else None
            return t.UnionOf((t.Model(cls), t.LiteralOf(values))) if values else t.Model(cls)
        if cls and is_model_like(target):
            if request and is_free_form(target):  # a dict goes out as it is, as the model would
                return t.UnionOf((t.Model(cls), self.simple("object", target, target_ptr, True)))
            if request:  # a union's class also takes its members, sent as the class would
                members = self._root_members(target, target_ptr, nested=True)
                if members:
                    return t.UnionOf((t.Model(cls), *members))
            return t.Model(cls)
        fallback = t.Model(cls) if cls else t.ANY  # a schema containing itself, not a model
        return self._expand(name, target, target_ptr, request, fallback=fallback)

    def _root_members(self, target: dict[str, Any], where: str, *, nested: bool) -> list[t.Type]:
        """The classes of a ``oneOf``/``anyOf`` component's members (its class is a
        ``RootModel[Union[...]]``), when every member is a component model; a member that is
        itself such a union brings its members too (one level). Empty otherwise."""
        combiner = next((c for c in ("oneOf", "anyOf") if target.get(c)), None)
        if combiner is None or not isinstance(target[combiner], list) or not is_root_union(target):
            return []
        out: list[t.Type] = []
        for index, member in enumerate(target[combiner]):
            name = Resolver.ref_name(member)
            cls = self.ctx.schema_classes.get(name) if name else None
            if cls is None:
                return []
            resolved, ptr = self.ctx.deref(member, f"{where}/{combiner}/{index}")
            if not isinstance(resolved, dict) or "enum" in resolved or is_free_form(resolved):
                return []
            if not is_model_like(resolved) or is_nullable(resolved):
                return []
            out.append(t.Model(cls))
            if nested and is_root_union(resolved):
                out.extend(self._root_members(resolved, ptr, nested=False))
        return _unique(out)

    def _expand(
        self, key: str, target: Any, target_ptr: str, request: bool, *, fallback: t.Type
    ) -> t.Type:
        if key in self._stack:
            return fallback
        self._stack.append(key)
        try:
            return self.of(target, target_ptr, request=request)
        finally:
            self._stack.pop()

    def _union(self, members_raw: list[Any], where: str, request: bool) -> t.Type:
        members = [self.of(m, f"{where}/{i}", request=request) for i, m in enumerate(members_raw)]
        if t.ANY in members:
            return t.ANY
        unique = _unique(members)
        non_null = [m for m in unique if m != t.NONE]
        if not non_null:
            return t.NONE
        hint = non_null[0] if len(non_null) == 1 else t.UnionOf(tuple(non_null))
        return t.OptionalOf(hint) if t.NONE in members else hint

    def _by_type(self, schema: dict[str, Any], where: str, request: bool) -> t.Type:
        types = schema.get("type")
        type_list = [k for k in (types if isinstance(types, list) else [types]) if k]
        type_list = [k for k in type_list if isinstance(k, str)]
        nullable = "null" in type_list or schema.get("nullable") is True
        concrete = [k for k in dict.fromkeys(type_list) if k != "null"]
        choices = schema.get("enum") if isinstance(schema.get("enum"), list) else None
        if choices is None and "const" in schema:
            choices = [schema["const"]]
        literal = literal_values(choices) if choices is not None else None
        hint: t.Type
        if choices is not None and concrete in (["string"], ["integer"], ["boolean"], []):
            if literal:
                hint = t.LiteralOf(literal)
            elif concrete:
                hint = self.simple(concrete[0], schema, where, request)
            else:
                hint = t.ANY
        elif len(concrete) > 1:
            members = [self.simple(k, schema, where, request) for k in concrete]
            hint = t.ANY if t.ANY in members else t.UnionOf(tuple(_unique(members)))
        elif concrete:
            hint = self.simple(concrete[0], schema, where, request)
        elif schema.get("properties") or schema.get("additionalProperties"):
            hint = self.simple("object", schema, where, request)
        elif type_list == ["null"]:
            return t.NONE
        else:
            hint = t.ANY
        return t.OptionalOf(hint) if nullable and hint != t.ANY else hint

    def simple(self, kind: str, schema: dict[str, Any], where: str, request: bool) -> t.Type:
        fmt = schema.get("format") if isinstance(schema.get("format"), str) else None
        if kind == "string":
            if fmt == "binary":
                return t.FILE_INPUT if request else t.BYTES
            if fmt == "date-time":
                return t.UnionOf((t.DATETIME, t.Scalar("str", fmt))) if request else t.DATETIME
            return t.Scalar("str", fmt)
        if kind in _JSON_TYPES:
            return t.Scalar(_JSON_TYPES[kind], fmt)
        if kind == "array":
            items = schema.get("items")
            if isinstance(items, dict):
                return t.ListOf(self.of(items, f"{where}/items", request=request))
            return t.ListOf(t.ANY)
        if kind == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                value = self.of(extra, f"{where}/additionalProperties", request=request)
                return t.DictOf(value)
            return t.ANY_DICT
        return t.ANY


def _unique(types: list[t.Type]) -> list[t.Type]:
    """Types in order, each annotation once (the first of equal renderings is kept)."""
    seen: dict[str, t.Type] = {}
    for item in types:
        seen.setdefault(item.render(), item)
    return list(seen.values())
