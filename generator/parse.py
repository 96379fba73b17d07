"""Spec -> intermediate model. This is where a spec field becomes a Python argument.

Everything API-specific comes from the document and its ``x-sdk-*`` extensions (DESIGN.md);
anything the generator cannot represent stops with a located SpecError, never silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import ir
from .errors import SpecError, pointer
from .load import SpecDocument
from .naming import identifier, method_name, pascal_case, snake_case
from .refs import Resolver

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
JSON_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
CONSTRAINT_KEYS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
)
BODY_TYPES = {
    "application/json": "json",
    "multipart/form-data": "multipart",
    "application/x-www-form-urlencoded": "form",
}


@dataclass
class _Draft:
    """An operation's method before cross-references (polling) are resolved."""

    method: ir.Method
    polling_raw: dict[str, Any] | None
    pointer: str


class Parser:
    def __init__(self, doc: SpecDocument, *, package_version: str, schema_classes: dict[str, str]):
        self.doc = doc
        self.spec = doc.data
        self.resolver = Resolver(doc.data)
        self.package_version = package_version
        # component schema name -> Python class name in models.py
        self.schema_classes = schema_classes

    # -- errors ---------------------------------------------------------------------------------

    def fail(self, message: str, where: str) -> SpecError:
        return self.doc.error(message, where)

    def deref(self, node: Any, where: str) -> tuple[Any, str]:
        try:
            return self.resolver.deref(node, where)
        except SpecError as exc:
            raise self.fail(exc.message, exc.pointer) from None

    # -- document level -------------------------------------------------------------------------

    def package(self) -> ir.Package:
        info = self.spec.get("info") or {}
        sdk = info.get("x-sdk") or {}
        if not isinstance(sdk, dict):
            raise self.fail("x-sdk must be a mapping", "/info/x-sdk")
        title = str(info.get("title") or "api")
        name = str(sdk.get("package") or snake_case(title))
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise self.fail(
                f"x-sdk.package {name!r} is not a valid Python package name", "/info/x-sdk/package"
            )
        prefix = str(sdk.get("prefix") or pascal_case(name))
        envelope = sdk.get("envelope") or {}
        error_env = sdk.get("error-envelope") or {}
        defaults = sdk.get("defaults") or {}
        servers = self.spec.get("servers") or [{}]
        base_url = str((servers[0] or {}).get("url") or "http://localhost")
        failure_errors: dict[str, str] = {}
        for item in (self.spec.get("paths") or {}).values():
            for verb in HTTP_METHODS:
                op = (item or {}).get(verb) if isinstance(item, dict) else None
                polling = op.get("x-sdk-polling") if isinstance(op, dict) else None
                if isinstance(polling, dict) and polling.get("failure-error"):
                    failure_errors[str(polling["failure-error"])] = str(
                        polling.get("failure-attribute") or "result"
                    )
        return ir.Package(
            name=name,
            title=title,
            description=str(info.get("description") or ""),
            api_version=str(info.get("version") or ""),
            version=self.package_version,
            prefix=prefix,
            client=str(sdk.get("client") or f"{prefix}Client"),
            async_client=str(sdk.get("async-client") or f"Async{prefix}Client"),
            env_prefix=str(sdk.get("env-prefix") or f"{name.upper()}_"),
            user_agent=str(sdk.get("user-agent") or f"{name}-python"),
            base_url=base_url.rstrip("/"),
            default_timeout=float(defaults.get("timeout", 30)),
            default_poll_interval=float(defaults.get("poll-interval", 5)),
            default_max_poll_timeout=float(defaults.get("max-poll-timeout", 3600)),
            envelope_data=envelope.get("data"),
            error_code_field=str(error_env.get("code") or "error"),
            error_message_field=str(error_env.get("message") or "message"),
            error_details_field=str(error_env.get("details") or "details"),
            failure_errors=tuple(ir.FailureError(k, v) for k, v in sorted(failure_errors.items())),
        )

    # -- operations -----------------------------------------------------------------------------

    def api(self) -> ir.Api:
        pkg = self.package()
        self.pkg = pkg
        drafts: list[_Draft] = []
        paths = self.spec.get("paths") or {}
        if not isinstance(paths, dict):
            raise self.fail("paths must be a mapping", "/paths")
        for path, item in paths.items():
            item_ptr = pointer("paths", path)
            item, item_ptr = self.deref(item, item_ptr)
            if not isinstance(item, dict):
                raise self.fail("a path item must be a mapping", item_ptr)
            shared = item.get("parameters") or []
            for verb in HTTP_METHODS:
                if verb in item:
                    op_ptr = f"{item_ptr}/{verb}"
                    drafts.extend(self.operation(path, verb, item[verb], shared, item_ptr, op_ptr))
        methods = self.resolve_polling(drafts)
        return self.group(pkg, methods)

    def operation(
        self, path: str, verb: str, op: Any, shared: list[Any], item_ptr: str, op_ptr: str
    ) -> list[_Draft]:
        if not isinstance(op, dict):
            raise self.fail("an operation must be a mapping", op_ptr)
        op_id = str(op.get("operationId") or f"{verb}_{path}")
        namespace = self.namespace_of(op, path, op_ptr)
        base_params = self.parameters(
            shared, f"{item_ptr}/parameters", op.get("parameters") or [], op_ptr
        )
        scopes = self.scopes_of(op)
        returns = self.returns(op, op_ptr)
        drafts: list[_Draft] = []
        variants = self.body_variants(op, op_ptr)
        for media_ptr, media_type, media, body_params in variants:
            extensions = media if media_type and media.get("x-sdk-method") else op
            name = extensions.get("x-sdk-method") or op.get("x-sdk-method") or snake_case(op_id)
            positional = extensions.get("x-sdk-positional") or op.get("x-sdk-positional") or []
            params = self.order(base_params + body_params, positional, media_ptr or op_ptr)
            method = ir.Method(
                name=method_name(str(name)),
                namespace=namespace,
                operation_id=op_id,
                http_method=verb.upper(),
                path=path,
                summary=_text(op.get("summary")),
                description=_text(op.get("description")),
                deprecated=bool(op.get("deprecated", False)),
                idempotent=bool(op.get("x-sdk-idempotent", False)),
                scopes=scopes,
                params=params,
                body_type=BODY_TYPES.get(media_type or "", "json") if media_type else None,
                returns=returns,
                source_pointer=op_ptr,
            )
            polling = op.get("x-sdk-polling")
            if polling is not None and not isinstance(polling, dict):
                raise self.fail("x-sdk-polling must be a mapping", f"{op_ptr}/x-sdk-polling")
            drafts.append(_Draft(method, polling, op_ptr))
        return drafts

    def namespace_of(self, op: dict[str, Any], path: str, op_ptr: str) -> str:
        if "x-sdk-namespace" in op:
            value = op["x-sdk-namespace"]
            if not isinstance(value, str):
                raise self.fail("x-sdk-namespace must be a string", f"{op_ptr}/x-sdk-namespace")
            return identifier(value) if value else ""
        tags = op.get("tags") or []
        if tags:
            return identifier(str(tags[0]))
        segments = [s for s in path.split("/") if s and not s.startswith("{")]
        return identifier(segments[0]) if segments else "default"

    def scopes_of(self, op: dict[str, Any]) -> tuple[str, ...]:
        security = op.get("security", self.spec.get("security")) or []
        for requirement in security:
            if isinstance(requirement, dict):
                for roles in requirement.values():
                    if roles:
                        return tuple(str(r) for r in roles)
        return ()

    # -- parameters -----------------------------------------------------------------------------

    def parameters(
        self, shared: list[Any], shared_ptr: str, own: list[Any], op_ptr: str
    ) -> list[ir.Param]:
        merged: dict[tuple[str, str], tuple[Any, str]] = {}
        for base, entries in ((shared_ptr, shared), (f"{op_ptr}/parameters", own)):
            for index, raw in enumerate(entries):
                param, where = self.deref(raw, f"{base}/{index}")
                if not isinstance(param, dict) or "name" not in param or "in" not in param:
                    raise self.fail("a parameter needs 'name' and 'in'", where)
                merged[(str(param["in"]), str(param["name"]))] = (param, where)
        # Path parameters first in the order they appear in the path, then the rest in spec order.
        params = [self.param_from_parameter(p, w) for p, w in merged.values()]
        return params

    def param_from_parameter(self, param: dict[str, Any], where: str) -> ir.Param:
        location = str(param["in"])
        if location == "cookie":
            raise self.fail("cookie parameters are not supported", where)
        if location not in ("path", "query", "header"):
            raise self.fail(f"unknown parameter location {location!r}", f"{where}/in")
        schema = param.get("schema")
        if schema is None:
            raise self.fail("parameters without 'schema' (content-typed) are not supported", where)
        required = bool(param.get("required", location == "path"))
        return self.make_param(
            wire_name=str(param["name"]),
            py_name=param.get("x-sdk-name"),
            location=location,
            schema=schema,
            schema_ptr=f"{where}/schema",
            required=required,
            description=_text(param.get("description")),
            for_body=False,
        )

    def make_param(
        self,
        *,
        wire_name: str,
        py_name: Any,
        location: str,
        schema: Any,
        schema_ptr: str,
        required: bool,
        description: str,
        for_body: bool,
    ) -> ir.Param:
        resolved, _ = self.deref(schema, schema_ptr)
        if not isinstance(resolved, dict):
            resolved = {}
        hint = self.type_hint(schema, schema_ptr, request=True)
        nullable = _is_nullable(resolved)
        base_hint = hint
        default: str | None = None
        send = "always"
        has_default = "default" in resolved and _literal(resolved["default"]) is not None
        if not description:
            description = _text(resolved.get("description"))
        if location == "file":
            hint = "FileInput"
            base_hint = hint
        if required and not has_default:
            default = None
        elif has_default:
            default = _literal(resolved["default"])
        elif nullable and for_body:
            hint = f"Union[{_strip_optional(base_hint)}, None, NotGiven]"
            default = "NOT_GIVEN"
            send = "if_given"
        else:
            hint = f"Optional[{_strip_optional(base_hint)}]"
            default = "None"
            send = "if_not_none"
        return ir.Param(
            name=identifier(str(py_name)) if py_name else identifier(wire_name),
            wire_name=wire_name,
            location=location,
            type_hint=hint,
            required=required,
            default=default,
            description=description,
            positional=location == "path",
            constraints=self.constraints(resolved, schema, for_body=for_body),
            send=send,
        )

    def constraints(
        self, resolved: dict[str, Any], schema: Any, *, for_body: bool
    ) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key in CONSTRAINT_KEYS:
            value = resolved.get(key)
            if isinstance(value, bool):  # OpenAPI 3.0 boolean exclusive bounds
                continue
            if value is not None:
                found[key] = value
        if resolved.get("exclusiveMinimum") is True and "minimum" in found:
            found["exclusiveMinimum"] = found.pop("minimum")
        if resolved.get("exclusiveMaximum") is True and "maximum" in found:
            found["exclusiveMaximum"] = found.pop("maximum")
        enum = resolved.get("enum")
        if isinstance(enum, list) and enum and all(isinstance(v, (str, int, float)) for v in enum):
            found["enum"] = [v for v in enum if v is not None]
        if for_body:
            kind = _primary_type(resolved)
            if kind in ("string", "integer", "number", "boolean", "array") and resolved.get(
                "format"
            ) not in ("binary", "date-time", "date"):
                found["type"] = kind
        return found

    # -- request bodies -------------------------------------------------------------------------

    def body_variants(
        self, op: dict[str, Any], op_ptr: str
    ) -> list[tuple[str, str | None, dict[str, Any], list[ir.Param]]]:
        """One (pointer, media type, media object, params) per generated method."""
        raw = op.get("requestBody")
        if raw is None:
            return [("", None, {}, [])]
        body, body_ptr = self.deref(raw, f"{op_ptr}/requestBody")
        content = (body or {}).get("content") or {}
        if not content:
            return [("", None, {}, [])]
        chosen = [
            mt
            for mt, media in content.items()
            if isinstance(media, dict) and media.get("x-sdk-method")
        ]
        if not chosen:
            chosen = [_preferred_media_type(list(content), f"{body_ptr}/content", self)]
        variants = []
        for media_type in chosen:
            media_ptr = f"{body_ptr}/content/{media_type.replace('~', '~0').replace('/', '~1')}"
            media = content[media_type]
            params = self.params_from_body(
                media, media_type, media_ptr, bool(body.get("required", False))
            )
            variants.append((media_ptr, media_type, media, params))
        return variants

    def params_from_body(
        self, media: dict[str, Any], media_type: str, media_ptr: str, body_required: bool
    ) -> list[ir.Param]:
        """Every property of the body schema becomes a typed keyword argument."""
        if media_type not in BODY_TYPES:
            raise self.fail(
                f"request body media type {media_type!r} is not supported "
                "(supported: application/json, multipart/form-data, "
                "application/x-www-form-urlencoded)",
                media_ptr,
            )
        schema_ptr = f"{media_ptr}/schema"
        schema = self.merged_object(media.get("schema") or {}, schema_ptr)
        properties = schema.get("properties") or {}
        if not properties:
            if media_type == "application/json" and media.get("schema") is not None:
                # A body that is not an object with properties is passed whole as `body`.
                hint = self.type_hint(media["schema"], schema_ptr, request=True)
                return [
                    ir.Param(
                        name="body",
                        wire_name="",
                        location="body",
                        type_hint=hint if body_required else f"Optional[{_strip_optional(hint)}]",
                        required=body_required,
                        default=None if body_required else "None",
                        description="The request body.",
                        positional=False,
                        send="always" if body_required else "if_not_none",
                    )
                ]
            return []
        required = set(schema.get("required") or [])
        params = []
        for prop, prop_schema in properties.items():
            prop_ptr = f"{schema_ptr}/properties/{prop}"
            resolved, _ = self.deref(prop_schema, prop_ptr)
            resolved = resolved if isinstance(resolved, dict) else {}
            if resolved.get("readOnly"):
                continue
            is_file = media_type == "multipart/form-data" and (
                resolved.get("format") == "binary" or "contentMediaType" in resolved
            )
            location = (
                "file" if is_file else ("body" if media_type == "application/json" else "form")
            )
            params.append(
                self.make_param(
                    wire_name=str(prop),
                    py_name=(prop_schema or {}).get("x-sdk-name") or resolved.get("x-sdk-name"),
                    location=location,
                    schema=prop_schema,
                    schema_ptr=prop_ptr,
                    required=prop in required,
                    description=_text(resolved.get("description")),
                    for_body=True,
                )
            )
        return params

    def merged_object(self, schema: Any, where: str) -> dict[str, Any]:
        """Resolve refs and merge ``allOf`` members into one object schema."""
        resolved, where = self.deref(schema, where)
        if not isinstance(resolved, dict):
            return {}
        if "allOf" not in resolved:
            return resolved
        merged: dict[str, Any] = {k: v for k, v in resolved.items() if k != "allOf"}
        props: dict[str, Any] = dict(merged.get("properties") or {})
        required: list[str] = list(merged.get("required") or [])
        for index, member in enumerate(resolved["allOf"]):
            part = self.merged_object(member, f"{where}/allOf/{index}")
            for key, value in (part.get("properties") or {}).items():
                # A later member that narrows a property (e.g. `data`) wins over an earlier `{}`.
                props[key] = value
            required.extend(r for r in part.get("required") or [] if r not in required)
            for key in ("type", "description", "title"):
                if key in part and key not in merged:
                    merged[key] = part[key]
        merged["properties"] = props
        merged["required"] = required
        return merged

    # -- ordering -------------------------------------------------------------------------------

    def order(
        self, params: list[ir.Param], positional: list[Any], where: str
    ) -> tuple[ir.Param, ...]:
        # De-duplicate Python names deterministically (a query `type` and a body `type`...).
        seen: dict[str, int] = {}
        unique: list[ir.Param] = []
        for p in params:
            name = p.name
            if name in seen:
                seen[name] += 1
                name = f"{name}_{seen[p.name]}"
            else:
                seen[name] = 1
            unique.append(_replace(p, name=name))
        by_name = {p.name: p for p in unique}
        path_order = [p for p in unique if p.location == "path"]
        ordered: list[ir.Param] = list(path_order)
        for name in positional:
            key = str(name)
            if key not in by_name:
                raise self.fail(f"x-sdk-positional names {key!r}, which is not an argument", where)
            if by_name[key] not in ordered:
                ordered.append(_replace(by_name[key], positional=True))
        ordered = [_replace(p, positional=True) for p in ordered]
        names = {p.name for p in ordered}
        ordered.extend(p for p in unique if p.name not in names)
        # Positional arguments with a default must not come before ones without.
        seen_default = False
        for p in ordered:
            if not p.positional:
                break
            if p.default is not None:
                seen_default = True
            elif seen_default:
                raise self.fail(
                    f"positional argument {p.name!r} without default follows one with a default",
                    where,
                )
        return tuple(ordered)

    # -- responses ------------------------------------------------------------------------------

    def returns(self, op: dict[str, Any], op_ptr: str) -> ir.Returns:
        responses = op.get("responses") or {}
        codes = sorted(
            str(c) for c in responses if str(c).startswith("2") or str(c).upper() == "2XX"
        )
        if not codes:
            return ir.Returns(kind="none", type_hint="None", cast="type(None)", unwrap=())
        code = codes[0]
        resp_ptr = f"{op_ptr}/responses/{code}"
        response, resp_ptr = self.deref(
            responses.get(code, responses.get(int(code)) if code.isdigit() else None), resp_ptr
        )
        content = (response or {}).get("content") or {}
        if not content or code == "204":
            return ir.Returns(kind="none", type_hint="None", cast="type(None)", unwrap=())
        media_types = list(content)
        if "text/event-stream" in media_types:
            return ir.Returns(
                kind="stream", type_hint="ServerSentEvent", cast="ServerSentEvent", unwrap=()
            )
        json_type = next(
            (m for m in media_types if m == "application/json" or m.endswith("+json")), None
        )
        if json_type is None:
            return ir.Returns(kind="bytes", type_hint="bytes", cast="bytes", unwrap=())
        schema_ptr = f"{resp_ptr}/content/{json_type.replace('~', '~0').replace('/', '~1')}/schema"
        schema = content[json_type].get("schema") or {}
        unwrap: list[str] = []
        envelope = self.pkg.envelope_data
        if envelope:
            merged = self.merged_object(schema, schema_ptr)
            props = merged.get("properties") or {}
            if envelope in props:
                schema = props[envelope]
                schema_ptr = f"{schema_ptr}/properties/{envelope}"
                unwrap.append(envelope)
        member = op.get("x-sdk-unwrap")
        if member:
            merged = self.merged_object(schema, schema_ptr)
            props = merged.get("properties") or {}
            if member not in props:
                raise self.fail(
                    f"x-sdk-unwrap: the response has no member {member!r}", f"{op_ptr}/x-sdk-unwrap"
                )
            schema = props[member]
            schema_ptr = f"{schema_ptr}/properties/{member}"
            unwrap.append(str(member))
        resolved, _ = self.deref(schema, schema_ptr)
        if isinstance(resolved, dict) and _primary_type(resolved) == "null":
            return ir.Returns(
                kind="none", type_hint="None", cast="type(None)", unwrap=tuple(unwrap)
            )
        raw_pagination = op.get("x-sdk-pagination")
        if raw_pagination is not None:
            return self.page_returns(
                raw_pagination, schema, schema_ptr, tuple(unwrap), f"{op_ptr}/x-sdk-pagination"
            )
        hint = self.type_hint(schema, schema_ptr, request=False)
        return ir.Returns(
            kind="value",
            type_hint=hint,
            cast=hint,
            unwrap=tuple(unwrap),
            model=self.class_of(schema),
        )

    def page_returns(
        self, raw: Any, schema: Any, schema_ptr: str, unwrap: tuple[str, ...], where: str
    ) -> ir.Returns:
        if not isinstance(raw, dict):
            raise self.fail("x-sdk-pagination must be a mapping", where)
        style = str(raw.get("style") or "page")
        if style not in ("page", "single"):
            raise self.fail(
                f"x-sdk-pagination style {style!r} is not supported (page, single)", where
            )
        pagination = ir.Pagination(
            style=style,
            items=str(raw.get("items") or "items"),
            meta=str(raw.get("meta") or "pagination"),
            page_param=str(raw.get("page-param") or "page"),
            size_param=str(raw.get("size-param") or "per_page"),
        )
        if style == "page":
            merged = self.merged_object(schema, schema_ptr)
            items_schema = (merged.get("properties") or {}).get(pagination.items)
            if items_schema is None:
                raise self.fail(
                    f"paginated response has no {pagination.items!r} member", schema_ptr
                )
            array, array_ptr = self.deref(
                items_schema, f"{schema_ptr}/properties/{pagination.items}"
            )
        else:
            array, array_ptr = self.deref(schema, schema_ptr)
        if not isinstance(array, dict) or _primary_type(array) != "array":
            raise self.fail("paginated items must be an array", array_ptr)
        item_schema = array.get("items") or {}
        item_hint = self.type_hint(item_schema, f"{array_ptr}/items", request=False)
        return ir.Returns(
            kind="page",
            type_hint=f"PagedResponse[{item_hint}]",
            cast=item_hint,
            unwrap=unwrap,
            pagination=pagination,
            model=self.class_of(item_schema),
        )

    # -- types ----------------------------------------------------------------------------------

    def class_of(self, schema: Any) -> str | None:
        ref = Resolver.ref_name(schema)
        return self.schema_classes.get(ref) if ref else None

    def type_hint(self, schema: Any, where: str, *, request: bool) -> str:
        """The Python annotation for a schema (as source text)."""
        name = Resolver.ref_name(schema)
        if name is not None:
            target, target_ptr = self.deref(schema, where)
            cls = self.schema_classes.get(name)
            if not isinstance(target, dict):
                return "Any"
            if cls and "enum" in target:
                if request:
                    values = ", ".join(repr(v) for v in target["enum"] if v is not None)
                    return f"Union[{cls}, Literal[{values}]]"
                return cls
            if cls and _is_model_like(target):
                return cls
            return self.type_hint(target, target_ptr, request=request)
        if not isinstance(schema, dict):
            return "Any"
        for combiner in ("oneOf", "anyOf"):
            if combiner in schema:
                members = [
                    self.type_hint(m, f"{where}/{combiner}/{i}", request=request)
                    for i, m in enumerate(schema[combiner])
                ]
                non_null = [m for m in dict.fromkeys(members) if m != "None"]
                hint = non_null[0] if len(non_null) == 1 else f"Union[{', '.join(non_null)}]"
                return f"Optional[{hint}]" if "None" in members else hint
        if "allOf" in schema:
            parts = schema["allOf"]
            if len(parts) == 1:
                return self.type_hint(parts[0], f"{where}/allOf/0", request=request)
            return "Dict[str, Any]"
        types = schema.get("type")
        type_list = types if isinstance(types, list) else [types] if types else []
        nullable = "null" in type_list or schema.get("nullable") is True
        concrete = [t for t in type_list if t != "null"]
        if "enum" in schema and concrete in (["string"], ["integer"], []):
            choices = [v for v in schema["enum"] if v is not None]
            hint = f"Literal[{', '.join(repr(v) for v in choices)}]" if choices else "Any"
        elif len(concrete) > 1:
            hint = f"Union[{', '.join(self.simple(t, schema, where, request) for t in concrete)}]"
        elif concrete:
            hint = self.simple(concrete[0], schema, where, request)
        elif schema.get("properties") or schema.get("additionalProperties"):
            hint = self.simple("object", schema, where, request)
        elif type_list == ["null"]:
            return "None"
        else:
            hint = "Any"
        return f"Optional[{hint}]" if nullable and hint != "Any" else hint

    def simple(self, kind: str, schema: dict[str, Any], where: str, request: bool) -> str:
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "binary":
                return "FileInput" if request else "bytes"
            if fmt == "date-time":
                return "Union[datetime, str]" if request else "datetime"
            return "str"
        if kind in JSON_TYPES:
            return JSON_TYPES[kind]
        if kind == "array":
            items = schema.get("items")
            inner = (
                self.type_hint(items, f"{where}/items", request=request)
                if items is not None
                else "Any"
            )
            return f"List[{inner}]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                value = self.type_hint(extra, f"{where}/additionalProperties", request=request)
                return f"Dict[str, {value}]"
            return "Dict[str, Any]"
        return "Any"

    # -- cross references and grouping ----------------------------------------------------------

    def resolve_polling(self, drafts: list[_Draft]) -> list[ir.Method]:
        by_op_id = {d.method.operation_id: d.method for d in drafts}
        methods = []
        for draft in drafts:
            method = draft.method
            raw = draft.polling_raw
            if raw:
                where = f"{draft.pointer}/x-sdk-polling"
                status_op = by_op_id.get(str(raw.get("status-operation")))
                if status_op is None:
                    raise self.fail("x-sdk-polling.status-operation names no operationId", where)
                if status_op.namespace != method.namespace:
                    raise self.fail(
                        "x-sdk-polling.status-operation must be in the same namespace", where
                    )
                cancel = raw.get("cancel-operation")
                cancel_op = by_op_id.get(str(cancel)) if cancel else None
                if cancel and cancel_op is None:
                    raise self.fail("x-sdk-polling.cancel-operation names no operationId", where)
                if method.returns.kind != "value" or not method.returns.model:
                    raise self.fail("x-sdk-polling needs an operation returning a model", where)
                for key in ("terminal", "success"):
                    if not isinstance(raw.get(key), list) or not raw[key]:
                        raise self.fail(f"x-sdk-polling.{key} must be a non-empty list", where)
                polling = ir.Polling(
                    status_method=status_op.name,
                    id_field=str(raw.get("id-field") or "id"),
                    status_field=str(raw.get("status-field") or "status"),
                    progress_field=str(raw["progress-field"])
                    if raw.get("progress-field")
                    else None,
                    terminal=tuple(str(v) for v in raw["terminal"]),
                    success=tuple(str(v) for v in raw["success"]),
                    cancel_method=cancel_op.name if cancel_op else None,
                    failure_error=str(raw.get("failure-error") or "PollingFailedError"),
                    failure_attribute=str(raw.get("failure-attribute") or "result"),
                    name=str(raw.get("name") or snake_case(method.returns.model).replace("_", " ")),
                    error_field=str(raw["error-field"]) if raw.get("error-field") else None,
                )
                method = _replace(method, polling=polling)
            methods.append(method)
        return methods

    def group(self, pkg: ir.Package, methods: list[ir.Method]) -> ir.Api:
        tag_docs = {
            identifier(str(t.get("name"))): _text(t.get("description"))
            for t in self.spec.get("tags") or []
            if isinstance(t, dict) and t.get("name")
        }
        namespaces: dict[str, list[ir.Method]] = {}
        client_methods: list[ir.Method] = []
        for method in methods:
            bucket = (
                client_methods
                if not method.namespace
                else namespaces.setdefault(method.namespace, [])
            )
            bucket.append(method)
        result = []
        for name, members in namespaces.items():
            result.append(
                ir.Namespace(
                    name=name,
                    class_name=pascal_case(name),
                    description=tag_docs.get(name, ""),
                    methods=tuple(_dedupe_names(members)),
                )
            )
        return ir.Api(
            package=pkg,
            namespaces=tuple(result),
            client_methods=tuple(_dedupe_names(client_methods)),
            schemas=dict(self.schema_classes),
        )


# -- helpers ------------------------------------------------------------------------------------


def _replace(obj: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(obj, **changes)


def _dedupe_names(methods: list[ir.Method]) -> list[ir.Method]:
    """Two operations with the same method name in one namespace get numbered, deterministically."""
    seen: dict[str, int] = {}
    out = []
    for m in methods:
        if m.name in seen:
            seen[m.name] += 1
            out.append(_replace(m, name=f"{m.name}_{seen[m.name]}"))
        else:
            seen[m.name] = 1
            out.append(m)
    return out


def _text(value: Any) -> str:
    return str(value).strip() if value else ""


def _primary_type(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        concrete = [k for k in kind if k != "null"]
        return concrete[0] if len(concrete) == 1 else ("null" if not concrete else None)
    if kind is None and ("properties" in schema or "additionalProperties" in schema):
        return "object"
    return kind if isinstance(kind, str) else None


def _is_nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return (isinstance(kind, list) and "null" in kind) or schema.get("nullable") is True


def _is_model_like(schema: dict[str, Any]) -> bool:
    return bool(
        schema.get("properties")
        or schema.get("allOf")
        or schema.get("oneOf")
        or schema.get("anyOf")
        or schema.get("enum")
        or _primary_type(schema) == "object"
    )


def _strip_optional(hint: str) -> str:
    if hint.startswith("Optional[") and hint.endswith("]"):
        return hint[len("Optional[") : -1]
    return hint


def _literal(value: Any) -> str | None:
    """Python source for a default value, or None when it cannot be a safe default."""
    if value is None:
        return "None"
    if isinstance(value, (bool, int, float, str)):
        return repr(value)
    return None  # lists and objects would be shared mutable defaults: leave them to the server


def _preferred_media_type(types: list[str], where: str, parser: Parser) -> str:
    for preferred in (
        "application/json",
        "multipart/form-data",
        "application/x-www-form-urlencoded",
    ):
        if preferred in types:
            return preferred
    for media_type in types:
        if media_type.endswith("+json"):
            return media_type
    raise parser.fail(f"no supported request body media type among {types}", where)


def parse_api(doc: SpecDocument, *, package_version: str, schema_classes: dict[str, str]) -> ir.Api:
    """Build the intermediate model of one spec."""
    return Parser(doc, package_version=package_version, schema_classes=schema_classes).api()
