"""Inline schemas of operations -> named models ("every schema is a model").

A response, request-body property or nested object that a spec writes inline (no ``$ref``)
would otherwise be typed ``Dict[str, Any]``. Each one gets a deterministic, readable class name
from where it is, as openapi-python-client does:

* ``<Operation>Event`` for the data of each event of a ``text/event-stream`` response
  (``read/events.py``);
* ``<Operation>Response`` for a 2xx JSON response (``<ResponseName>`` for a shared
  ``components/responses`` entry), ``<Operation>Request`` for a body that is not an object
  with properties (an object's properties are keyword arguments already);
* ``<Operation>Request<Property>`` for an inline object property of a request body,
  ``<Operation><Parameter>`` for an object parameter;
* ``<Parent><Property>`` for an object nested in a property, ``<Parent>Item`` for array items,
  ``<Parent>Value`` for ``additionalProperties``, ``<Parent><Title>`` or
  ``<Parent>Variant<n>`` for a ``oneOf``/``anyOf`` member.

Nothing in the document is changed: the build stage asks ``Lifted.at`` (JSON pointer of the
inline schema -> schema name) and the models stage adds ``Lifted.schemas`` (where nested lifted
schemas are ``$ref``s) to the component schemas. Component schemas are left to
datamodel-code-generator as before (their class names are public API).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ..errors import SpecError, pointer
from ..naming import class_base
from ..read.events import event_data_schema
from ..read.refs import Resolver, closure, schema_refs
from .allof import described

_SCHEMA_REF = "#/components/schemas/"
_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_MAX_DEPTH = 40  # nesting guard: deeper inline schemas stay as they are (untyped)


def is_json_media(media_type: str) -> bool:
    essence = media_type.split(";", 1)[0].strip().lower()
    return essence in ("application/json", "*/*", "application/*") or essence.endswith("+json")


@dataclass
class Lifted:
    schemas: dict[str, Any] = field(default_factory=dict)  # name -> schema (for the models)
    at: dict[str, str] = field(default_factory=dict)  # pointer of an inline schema -> name
    # pointer inside a component schema -> what replaces it there for the models module (a
    # request body's component whose property objects got classes)
    patches: dict[str, Any] = field(default_factory=dict)

    @property
    def patched(self) -> set[str]:
        """The lifted schemas that component schemas refer to (they are always generated)."""
        return {r for node in self.patches.values() for r in schema_refs(node) if r in self.schemas}

    def patch(self, name: str, schema: Any) -> Any:
        """Component ``name``'s schema with its lifted properties replaced by refs."""
        prefix = f"/components/schemas/{name.replace('~', '~0').replace('/', '~1')}/"
        mine = {k[len(prefix) :]: v for k, v in self.patches.items() if k.startswith(prefix)}
        if not mine:
            return schema
        out = copy.deepcopy(schema)
        for tail, node in mine.items():
            *parents, last = [t.replace("~1", "/").replace("~0", "~") for t in tail.split("/")]
            holder: Any = out
            for token in parents:
                holder = holder[int(token)] if isinstance(holder, list) else holder[token]
            holder[last] = node
        return out

    def reachable(self, used: set[str]) -> set[str]:
        """``used`` and every lifted schema their lifted schemas refer to."""
        return closure(
            (n for n in used if n in self.schemas),
            lambda name: schema_refs(self.schemas[name]) & self.schemas.keys(),
        )


def lift_inline(spec: dict[str, Any]) -> Lifted:
    """The inline schemas of ``spec``'s operations, named (see the module docstring)."""
    lifter = _Lifter(spec)
    try:
        lifter.walk()
    except (SpecError, RecursionError):
        pass  # a broken reference is reported by the build stage, with its location
    return lifter.out


def liftable(schema: Any) -> bool:
    """An inline schema worth a class: an object with properties, or an ``allOf`` of several
    members that is more than one schema described (``allof.described``: Box's ``allOf:
    [{type: string, maxLength}, {nullable: false}]`` is a string, not a class)."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    props = schema.get("properties")
    parts = schema.get("allOf")
    return bool(isinstance(props, dict) and props) or bool(
        isinstance(parts, list) and len(parts) > 1 and described(schema) is None
    )


class _Lifter:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.resolver = Resolver(spec)
        self.out = Lifted()
        components = (spec.get("components") or {}) if isinstance(spec, dict) else {}
        schemas = components.get("schemas") if isinstance(components, dict) else None
        self.taken = {str(k).lower() for k in schemas} if isinstance(schemas, dict) else set()
        self.taken |= {class_base(str(k)).lower() for k in schemas or {}}

    def walk(self) -> None:
        paths = self.spec.get("paths")
        for raw_path, raw_item in paths.items() if isinstance(paths, dict) else ():
            path = str(raw_path)
            if path.startswith("x-"):
                continue
            item, item_ptr = self.resolver.deref(raw_item, pointer("paths", path))
            if not isinstance(item, dict):
                continue
            for verb in _HTTP_METHODS:
                op = item.get(verb)
                if isinstance(op, dict):
                    name = _op_name(op, verb, path)
                    self.parameters(item.get("parameters"), f"{item_ptr}/parameters", name)
                    self.parameters(op.get("parameters"), f"{item_ptr}/{verb}/parameters", name)
                    self.operation(op, f"{item_ptr}/{verb}", name)
        # then the objects nested in component schemas: <Component><Property>, as in bodies
        components = self.spec.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        for key in schemas if isinstance(schemas, dict) else ():
            token = str(key).replace("~", "~0").replace("/", "~1")
            self.component_body({"$ref": f"{_SCHEMA_REF}{token}"}, "/components/schemas")

    def parameters(self, entries: Any, where: str, name: str) -> None:
        """``<Operation><Parameter>`` for an object parameter (``deepObject``, ``form``)."""
        if not isinstance(entries, list):
            return
        for index, raw in enumerate(entries):
            param, param_ptr = self.resolver.deref(raw, f"{where}/{index}")
            if isinstance(param, dict) and isinstance(param.get("schema"), dict):
                label = name + _part(param.get("name", ""))
                self.visit(param["schema"], f"{param_ptr}/schema", label)

    def operation(self, op: dict[str, Any], op_ptr: str, name: str) -> None:
        if op.get("requestBody") is not None:
            body, body_ptr = self.resolver.deref(op["requestBody"], f"{op_ptr}/requestBody")
            if isinstance(body, dict):
                self.request(body, body_ptr, f"{name}Request")
        responses = op.get("responses")
        if not isinstance(responses, dict):
            return
        codes = [str(c) for c in responses if str(c).startswith("2") or str(c).upper() == "2XX"]
        if not codes and "default" in responses:
            codes = ["default"]
        for code in sorted(codes):
            raw = responses.get(code)
            if raw is None and code.isdigit():
                raw = responses.get(int(code))
            response, resp_ptr = self.resolver.deref(raw, f"{op_ptr}/responses/{code}")
            shared = resp_ptr.startswith("/components/responses/")
            base = class_base(resp_ptr.rsplit("/", 1)[1]) if shared else f"{name}Response"
            for _media_type, media, media_ptr in _json_media(response, resp_ptr):
                self.visit(media.get("schema"), f"{media_ptr}/schema", base)
            for media_type, media, media_ptr in _all_media(response, resp_ptr):
                found = None
                if media_type.split(";", 1)[0].strip().lower() == "text/event-stream":
                    found = event_data_schema(media, media_ptr, self.resolver.deref)
                if found is not None:  # each event's data: <Operation>Event
                    self.visit(found[0], found[1], f"{name}Event")

    def request(self, body: dict[str, Any], body_ptr: str, name: str) -> None:
        for media_type, media, media_ptr in _all_media(body, body_ptr):
            schema = media.get("schema")
            schema_ptr = f"{media_ptr}/schema"
            if isinstance(schema, dict) and "$ref" in schema:
                self.component_body(schema, schema_ptr)
                continue
            if not isinstance(schema, dict):
                continue
            if _has_properties(schema):
                # The body's properties are keyword arguments: only their schemas get classes.
                self.properties(schema, schema_ptr, name)
            elif is_json_media(media_type):
                self.visit(schema, schema_ptr, name)

    def component_body(self, ref: dict[str, Any], where: str) -> None:
        """A body that is a component: its property objects (keyword arguments) get classes,
        ``<Component><Property>``, and the component refers to them (``patches``)."""
        target, target_ptr = self.resolver.deref(ref, where)
        tokens = target_ptr.split("/")
        if (
            not isinstance(target, dict)
            or len(tokens) != 4
            or tokens[1:3] != ["components", "schemas"]
        ):
            return
        name = class_base(tokens[3].replace("~1", "/").replace("~0", "~"))
        parts = [(target, target_ptr)]
        if isinstance(target.get("allOf"), list):
            parts += [
                (p, f"{target_ptr}/allOf/{i}")
                for i, p in enumerate(target["allOf"])
                if isinstance(p, dict) and "$ref" not in p
            ]
        for part, part_ptr in parts:
            props = part.get("properties")
            for prop, sub in props.items() if isinstance(props, dict) else ():
                token = pointer(str(prop))[1:]
                ptr = f"{part_ptr}/properties/{token}"
                if ptr in self.out.patches or not isinstance(sub, dict) or "$ref" in sub:
                    continue
                replacement = self.visit(sub, ptr, name + _part(prop))
                if replacement != sub:
                    self.out.patches[ptr] = replacement
                if part_ptr != target_ptr and ptr in self.out.at:
                    self.out.at[f"{target_ptr}/properties/{token}"] = self.out.at[ptr]

    def properties(self, schema: dict[str, Any], where: str, name: str, top: str = "") -> None:
        """Lift the properties' schemas; ``top``: the body schema whose ``allOf`` this is (the
        build stage reads a merged allOf's properties as ``<top>/properties/<name>``)."""
        props = schema.get("properties")
        if isinstance(props, dict):
            for prop, sub in props.items():
                token = pointer(str(prop))[1:]
                self.visit(sub, f"{where}/properties/{token}", name + _part(prop))
                if top and f"{where}/properties/{token}" in self.out.at:
                    self.out.at[f"{top}/properties/{token}"] = self.out.at[
                        f"{where}/properties/{token}"
                    ]
        parts = schema.get("allOf")
        if isinstance(parts, list):
            for index, part in enumerate(parts):
                if isinstance(part, dict) and "$ref" not in part:
                    self.properties(part, f"{where}/allOf/{index}", name, top or where)

    def visit(self, schema: Any, where: str, name: str, depth: int = 0) -> Any:
        """``schema`` for the models module: a ``$ref`` to its class when it is lifted."""
        if not isinstance(schema, dict) or "$ref" in schema or depth > _MAX_DEPTH:
            return schema
        if not liftable(schema):
            return self.inner(schema, where, name, depth)
        if where in self.out.at:
            raw = self.out.at[where]
        else:
            raw = self.unique(name)
            self.out.at[where] = raw
            self.out.schemas[raw] = None  # reserved (a cycle through the document's refs)
            lifted = self.inner(schema, where, raw, depth)
            lifted.pop("nullable", None)
            if isinstance(lifted.get("type"), list):
                kinds = [k for k in lifted["type"] if k != "null"]
                lifted["type"] = kinds[0] if len(kinds) == 1 else kinds
            self.out.schemas[raw] = lifted
        ref: dict[str, Any] = {"$ref": _SCHEMA_REF + raw.replace("~", "~0").replace("/", "~1")}
        if schema.get("nullable") is True or (
            isinstance(schema.get("type"), list) and "null" in schema["type"]
        ):
            return {"anyOf": [ref, {"type": "null"}]}
        return ref

    def inner(self, schema: dict[str, Any], where: str, name: str, depth: int) -> dict[str, Any]:
        """A copy of ``schema`` whose nested inline schemas are lifted."""
        out = dict(schema)
        props = schema.get("properties")
        if isinstance(props, dict):
            out["properties"] = {
                prop: self.visit(
                    sub,
                    f"{where}/properties/{pointer(str(prop))[1:]}",
                    name + _part(prop),
                    depth + 1,
                )
                for prop, sub in props.items()
            }
        if isinstance(schema.get("items"), dict):
            out["items"] = self.visit(schema["items"], f"{where}/items", f"{name}Item", depth + 1)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            out["additionalProperties"] = self.visit(
                extra, f"{where}/additionalProperties", f"{name}Value", depth + 1
            )
        for combiner in ("oneOf", "anyOf"):
            members = schema.get(combiner)
            if isinstance(members, list):
                out[combiner] = [
                    self.visit(m, f"{where}/{combiner}/{i}", _member_name(name, m, i), depth + 1)
                    for i, m in enumerate(members)
                ]
        parts = schema.get("allOf")
        if isinstance(parts, list):
            # allOf members are merged into the class (not base classes): only their nested
            # schemas get names.
            out["allOf"] = [
                self.inner(p, f"{where}/allOf/{i}", name, depth + 1)
                if isinstance(p, dict) and "$ref" not in p
                else p
                for i, p in enumerate(parts)
            ]
        return out

    def unique(self, name: str) -> str:
        base = class_base(name)
        candidate, counter = base, 1
        while candidate.lower() in self.taken:
            counter += 1
            candidate = f"{base}{counter}"
        self.taken.add(candidate.lower())
        return candidate


def _op_name(op: dict[str, Any], verb: str, path: str) -> str:
    raw = op.get("operationId")
    return class_base(str(raw) if raw not in (None, "") else f"{verb} {path}")


def _part(prop: Any) -> str:
    base = class_base(str(prop))
    return base[5:] if base.startswith("Model") and base[5:6].isdigit() else base


def _member_name(parent: str, member: Any, index: int) -> str:
    title = member.get("title") if isinstance(member, dict) else None
    if isinstance(title, str) and title.strip():
        return parent + class_base(title)
    return f"{parent}Variant{index + 1}"


def _has_properties(schema: dict[str, Any]) -> bool:
    if isinstance(schema.get("properties"), dict) and schema["properties"]:
        return True
    parts = schema.get("allOf")
    return isinstance(parts, list) and any(
        isinstance(p, dict) and ("$ref" in p or p.get("properties")) for p in parts
    )


def _all_media(node: Any, where: str) -> list[tuple[str, dict[str, Any], str]]:
    content = node.get("content") if isinstance(node, dict) else None
    if not isinstance(content, dict):
        return []
    return [
        (str(mt), media, f"{where}/content/{pointer(str(mt))[1:]}")
        for mt, media in content.items()
        if isinstance(media, dict)
    ]


def _json_media(node: Any, where: str) -> list[tuple[str, dict[str, Any], str]]:
    return [m for m in _all_media(node, where) if is_json_media(m[0])]
