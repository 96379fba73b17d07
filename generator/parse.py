"""Spec -> intermediate model. This is where a spec field becomes a Python argument.

Everything API-specific comes from the document and its ``x-sdk-*`` extensions (DESIGN.md);
anything the generator cannot represent stops with a located SpecError naming the feature,
never silently. With ``skip_unsupported`` such an operation is left out instead, reported as a
located warning and listed in ``Api.skipped``.

Every name and text that reaches generated code is made safe here: identifiers through
``naming``, strings that templates put between quotes are checked, prose is cleaned.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from . import ir
from .errors import SpecError, pointer
from .load import SpecDocument
from .naming import (
    CLIENT_ATTRIBUTES,
    RESERVED_CLASS_NAMES,
    argument_name,
    builtin_class_names,
    clean_text,
    identifier,
    method_name,
    namespace_name,
    pascal_case,
    snake_case,
    unique,
)
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
# Media types of a request body the client sends as JSON (`application/json`): JSON itself, and
# "anything" when the schema describes a JSON value (not binary).
_ANY_MEDIA_TYPES = ("*/*", "application/*")
# Header parameters OpenAPI says to ignore: the client sets them itself.
_IGNORED_HEADERS = ("accept", "content-type", "authorization")
# Characters a name must not contain to be written between quotes in generated code.
_UNQUOTABLE = re.compile(r'["\\\x00-\x1f\x7f\u2028\u2029\x85]')
_PATH_TEMPLATE = re.compile(r"\{([^{}]*)\}")
_VERSION_SEGMENT = re.compile(r"(?i)^(api|rest|v\d+([._]\d+)*([a-z]+\d*)?|\d[\d._-]*)$")


@dataclass
class _Draft:
    """An operation's method before cross-references (polling) are resolved."""

    method: ir.Method
    polling_raw: dict[str, Any] | None
    pointer: str
    follow_raw: dict[str, Any] | None = None


def package_name(spec: dict[str, Any]) -> str:
    """The import name of the package: ``info.x-sdk.package``, else derived from the title."""
    info: dict[str, Any] = spec["info"] if isinstance(spec.get("info"), dict) else {}
    sdk: dict[str, Any] = info["x-sdk"] if isinstance(info.get("x-sdk"), dict) else {}
    if sdk.get("package"):
        return str(sdk["package"])
    return _derived_package_name(_title(info))


def _title(info: dict[str, Any]) -> str:
    title = " ".join(clean_text(info.get("title") or "api").split()).replace('"', "'")
    return title or "api"


def runtime_class_names(spec: dict[str, Any]) -> set[str]:
    """Class names the package defines itself (clients, futures, exceptions): no model may
    take them."""
    info: dict[str, Any] = spec["info"] if isinstance(spec.get("info"), dict) else {}
    sdk: dict[str, Any] = info["x-sdk"] if isinstance(info.get("x-sdk"), dict) else {}
    package = package_name(spec)
    prefix = str(sdk.get("prefix") or pascal_case(package))
    client = str(sdk.get("client") or f"{prefix}Client")
    async_client = str(sdk.get("async-client") or f"Async{prefix}Client")
    names = {
        client,
        async_client,
        f"{client}WithRawResponse",
        f"{async_client}WithRawResponse",
        f"{prefix}Exception",
        f"{prefix}PollingFuture",
        f"Async{prefix}PollingFuture",
    }
    for item in (spec.get("paths") or {}).values() if isinstance(spec.get("paths"), dict) else ():
        for verb in HTTP_METHODS:
            op = item.get(verb) if isinstance(item, dict) else None
            polling = op.get("x-sdk-polling") if isinstance(op, dict) else None
            if isinstance(polling, dict) and polling.get("failure-error"):
                names.add(str(polling["failure-error"]))
    return names


def _derived_package_name(title: str) -> str:
    """A package name from ``info.title``: snake_case, never a stdlib or dependency name."""
    import sys

    name = snake_case(title)
    if name == "_" or not name:
        name = "api"
    if name[0].isdigit():
        name = "api_" + name
    if (
        name in sys.stdlib_module_names
        or name in _DEPENDENCY_MODULES
        or name in ("keyword", "builtins")
        or _is_keyword(name)
    ):
        name += "_client"
    return name


_DEPENDENCY_MODULES = {
    "httpx",
    "httpx_sse",
    "pydantic",
    "pydantic_core",
    "typing_extensions",
    "anyio",
    "sniffio",
    "httpcore",
    "h11",
    "idna",
    "certifi",
    "annotated_types",
    "typing_inspection",
}


def _is_keyword(name: str) -> bool:
    import keyword

    return keyword.iskeyword(name)


class Parser:
    def __init__(
        self,
        doc: SpecDocument,
        *,
        package_version: str,
        schema_classes: dict[str, str],
        skip_unsupported: bool = False,
    ):
        self.doc = doc
        self.spec = doc.data
        self.resolver = Resolver(doc.data)
        self.package_version = package_version
        # component schema name -> Python class name in models.py
        self.schema_classes = schema_classes
        self.skip_unsupported = skip_unsupported
        self.skipped: list[ir.Skipped] = []
        self.omitted: list[ir.Omitted] = []
        self.operation_label = ""  # "GET /path" of the operation being read
        self.current = ""  # pointer of what is being read, for the internal-error safety net
        self._hint_stack: list[str] = []  # component schemas being expanded (cycle guard)

    # -- errors ---------------------------------------------------------------------------------

    def fail(self, message: str, where: str) -> SpecError:
        return self.doc.error(message, where)

    def deref(self, node: Any, where: str) -> tuple[Any, str]:
        try:
            return self.resolver.deref(node, where)
        except SpecError as exc:
            raise self.fail(exc.message, exc.pointer) from None

    def check_quotable(self, name: str, what: str, where: str) -> None:
        """A name the templates write between double quotes must not be able to end them."""
        if _UNQUOTABLE.search(name):
            raise self.fail(
                f"{what} {name!r} contains a quote, backslash or control character, "
                "which is not supported in names",
                where,
            )

    # -- document level -------------------------------------------------------------------------

    def package(self) -> ir.Package:
        info = self.spec.get("info")
        info = info if isinstance(info, dict) else {}
        sdk = info.get("x-sdk") or {}
        if not isinstance(sdk, dict):
            raise self.fail("x-sdk must be a mapping", "/info/x-sdk")
        title = _title(info)
        if sdk.get("package"):
            name = str(sdk["package"])
            if not re.fullmatch(r"[a-z_][a-z0-9_]*", name) or _is_keyword(name):
                raise self.fail(
                    f"x-sdk.package {name!r} is not a valid Python package name",
                    "/info/x-sdk/package",
                )
        else:
            name = _derived_package_name(title)
        prefix = self.sdk_identifier(sdk, "prefix", pascal_case(name))
        envelope = self.sdk_mapping(sdk, "envelope")
        error_env = self.sdk_mapping(sdk, "error-envelope")
        defaults = self.sdk_mapping(sdk, "defaults")
        failure_errors: dict[str, str] = {}
        paths = self.spec.get("paths")
        for item in paths.values() if isinstance(paths, dict) else ():
            for verb in HTTP_METHODS:
                op = item.get(verb) if isinstance(item, dict) else None
                polling = op.get("x-sdk-polling") if isinstance(op, dict) else None
                if isinstance(polling, dict) and polling.get("failure-error"):
                    failure_errors[str(polling["failure-error"])] = str(
                        polling.get("failure-attribute") or "result"
                    )
        for cls, attribute in failure_errors.items():
            if not _is_identifier(cls) or not _is_identifier(attribute):
                raise self.fail(
                    f"x-sdk-polling failure-error {cls!r} / failure-attribute {attribute!r} "
                    "must be Python identifiers",
                    "/paths",
                )
        env_prefix = str(sdk.get("env-prefix") or f"{name.upper()}_")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", env_prefix):
            raise self.fail(
                f"x-sdk.env-prefix {env_prefix!r} must be letters, digits and underscores",
                "/info/x-sdk/env-prefix",
            )
        user_agent = str(sdk.get("user-agent") or f"{name}-python")
        if not re.fullmatch(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+", user_agent):
            raise self.fail(
                f"x-sdk.user-agent {user_agent!r} must be an HTTP token (no spaces or quotes)",
                "/info/x-sdk/user-agent",
            )
        envelope_data = envelope.get("data")
        if envelope_data is not None:
            envelope_data = self.sdk_field(envelope_data, "/info/x-sdk/envelope/data")
        return ir.Package(
            name=name,
            title=title,
            description=clean_text(info.get("description") or "").strip(),
            api_version=self.api_version(info),
            version=self.package_version,
            prefix=prefix,
            client=self.sdk_identifier(sdk, "client", f"{prefix}Client"),
            async_client=self.sdk_identifier(sdk, "async-client", f"Async{prefix}Client"),
            env_prefix=env_prefix,
            user_agent=user_agent,
            base_url=self.base_url(),
            default_timeout=self.sdk_number(defaults, "timeout", 30),
            default_poll_interval=self.sdk_number(defaults, "poll-interval", 5),
            default_max_poll_timeout=self.sdk_number(defaults, "max-poll-timeout", 3600),
            envelope_data=envelope_data,
            error_code_field=self.sdk_field(
                error_env.get("code") or "error", "/info/x-sdk/error-envelope/code"
            ),
            error_message_field=self.sdk_field(
                error_env.get("message") or "message", "/info/x-sdk/error-envelope/message"
            ),
            error_details_field=self.sdk_field(
                error_env.get("details") or "details", "/info/x-sdk/error-envelope/details"
            ),
            failure_errors=tuple(ir.FailureError(k, v) for k, v in sorted(failure_errors.items())),
        )

    def sdk_mapping(self, sdk: dict[str, Any], key: str) -> dict[str, Any]:
        value = sdk.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(f"x-sdk.{key} must be a mapping", f"/info/x-sdk/{key}")
        return value

    def sdk_identifier(self, sdk: dict[str, Any], key: str, default: str) -> str:
        value = str(sdk.get(key) or default)
        if not _is_identifier(value):
            raise self.fail(
                f"x-sdk.{key} {value!r} is not a valid Python class name", f"/info/x-sdk/{key}"
            )
        return value

    def sdk_number(self, defaults: dict[str, Any], key: str, default: float) -> float:
        value = defaults.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(
                f"x-sdk.defaults.{key} must be a number of seconds", f"/info/x-sdk/defaults/{key}"
            )
        if not math.isfinite(value) or value < 0:
            raise self.fail(
                f"x-sdk.defaults.{key} must be a finite, non-negative number",
                f"/info/x-sdk/defaults/{key}",
            )
        return float(value)

    def sdk_field(self, value: Any, where: str) -> str:
        text = str(value)
        self.check_quotable(text, "member name", where)
        return text

    def api_version(self, info: dict[str, Any]) -> str:
        raw = str(info.get("version") if info.get("version") is not None else "")
        version = re.sub(r"[^A-Za-z0-9._+:~-]+", "-", raw.strip()).strip("-")
        return version or "0"

    def base_url(self) -> str:
        """``servers[0].url`` with its variables at their defaults, as an absolute URL."""
        servers = self.spec.get("servers")
        server = servers[0] if isinstance(servers, list) and servers else {}
        server = server if isinstance(server, dict) else {}
        url = str(server.get("url") or "").strip()
        variables: dict[str, Any] = (
            server["variables"] if isinstance(server.get("variables"), dict) else {}
        )

        def substitute(match: re.Match[str]) -> str:
            var = variables.get(match.group(1))
            return str(var.get("default", "")) if isinstance(var, dict) else ""

        url = _PATH_TEMPLATE.sub(substitute, url)
        if url.startswith("//"):
            url = "https:" + url
        elif not url or url.startswith("/"):
            url = "http://localhost" + url
        elif not re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", url):
            url = "https://" + url.lstrip("./")
        url = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
        return url.rstrip("/")

    # -- operations -----------------------------------------------------------------------------

    def api(self) -> ir.Api:
        pkg = self.package()
        self.pkg = pkg
        drafts: list[_Draft] = []
        paths = self.spec.get("paths")
        if paths is None:
            paths = {}
        if not isinstance(paths, dict):
            raise self.fail("paths must be a mapping", "/paths")
        self.note_ignored_document_features()
        for raw_path, raw_item in paths.items():
            path = str(raw_path)
            if path.startswith("x-"):
                continue
            item_ptr = pointer("paths", path)
            self.current = item_ptr
            item, item_ptr = self.deref(raw_item, item_ptr)
            if not isinstance(item, dict):
                raise self.fail("a path item must be a mapping", item_ptr)
            shared = item.get("parameters") or []
            for verb in HTTP_METHODS:
                if verb not in item:
                    continue
                op_ptr = f"{item_ptr}/{verb}"
                self.current = op_ptr
                self.operation_label = f"{verb.upper()} {path}"
                try:
                    self.check_path(path, pointer("paths", path))
                    if item.get("servers") and item["servers"] != self.spec.get("servers"):
                        raise self.fail(
                            "path-level servers are not supported (requests go to the "
                            "client's base_url)",
                            f"{item_ptr}/servers",
                        )
                    drafts.extend(self.operation(path, verb, item[verb], shared, item_ptr, op_ptr))
                except SpecError as exc:
                    if not self.skip_unsupported:
                        raise
                    self.skip(verb, path, item[verb], exc)
        if not drafts:
            self.no_operations(paths)
        methods = self.resolve_polling(drafts)
        return self.group(pkg, methods)

    def skip(self, verb: str, path: str, op: Any, exc: SpecError) -> None:
        op_id = str(op.get("operationId") or "") if isinstance(op, dict) else ""
        where = exc.pointer or pointer("paths", path, verb)
        self.doc.warn(f"{exc.message}; operation {verb.upper()} {path} skipped", where)
        self.skipped.append(
            ir.Skipped(
                operation=f"{verb.upper()} {path}",
                operation_id=op_id,
                reason=exc.message,
                pointer=where,
                line=self.doc.line_of(where),
            )
        )

    def no_operations(self, paths: dict[str, Any]) -> None:
        if self.skipped:
            raise self.fail(
                f"every operation uses an unsupported feature ({len(self.skipped)} skipped): "
                "nothing to generate",
                "/paths",
            )
        if self.spec.get("webhooks"):
            raise self.fail(
                "webhooks are not supported, and the document has no paths: "
                "there is no client to generate",
                "/webhooks",
            )
        raise self.fail("the document has no operations: there is no client to generate", "/paths")

    def note_ignored_document_features(self) -> None:
        webhooks = self.spec.get("webhooks")
        if isinstance(webhooks, dict) and webhooks and self.spec.get("paths"):
            self.doc.warn(
                f"webhooks are not supported: {len(webhooks)} webhook(s) ignored "
                "(the client only sends requests)",
                "/webhooks",
            )

    def check_path(self, path: str, where: str) -> None:
        if not path.startswith("/"):
            raise self.fail(f"path {path!r} must start with '/'", where)
        if _UNQUOTABLE.search(path) or "`" in path:
            raise self.fail(
                f"path {path!r} contains a quote, backslash, backtick or control character, "
                "which is not supported",
                where,
            )
        for name in _PATH_TEMPLATE.findall(path):
            if not name:
                raise self.fail(f"path {path!r} has an empty '{{}}' template", where)
        if path.count("{") != path.count("}") or _PATH_TEMPLATE.sub("", path).count("{"):
            raise self.fail(f"path {path!r} has unbalanced braces", where)

    def operation(
        self, path: str, verb: str, op: Any, shared: Any, item_ptr: str, op_ptr: str
    ) -> list[_Draft]:
        if not isinstance(op, dict):
            raise self.fail("an operation must be a mapping", op_ptr)
        raw_id = op.get("operationId")
        op_id = str(raw_id) if raw_id not in (None, "") else f"{verb}_{path}"
        self.note_ignored_operation_features(op, op_ptr)
        namespace = self.namespace_of(op, path, op_ptr)
        base_params = self.parameters(
            shared, f"{item_ptr}/parameters", op.get("parameters") or [], op_ptr, path
        )
        scopes = self.scopes_of(op)
        returns = self.returns(op, op_ptr)
        drafts: list[_Draft] = []
        variants = self.body_variants(op, op_ptr)
        for media_ptr, media_type, media, body_params in variants:
            extensions = media if media_type and media.get("x-sdk-method") else op
            name = extensions.get("x-sdk-method") or op.get("x-sdk-method")
            if name is not None and not isinstance(name, str):
                raise self.fail("x-sdk-method must be a string", f"{op_ptr}/x-sdk-method")
            if not name:
                name = str(raw_id) if raw_id not in (None, "") else _default_method_name(verb, path)
            positional = extensions.get("x-sdk-positional") or op.get("x-sdk-positional") or []
            if not isinstance(positional, list):
                raise self.fail("x-sdk-positional must be a list", f"{op_ptr}/x-sdk-positional")
            params = self.order(base_params + body_params, positional, media_ptr or op_ptr, path)
            if returns.kind == "page" and any(p.location == "file" for p in params):
                # every page re-sends the request; an upload stream can be read only once
                raise self.fail(
                    "x-sdk-pagination on an operation that uploads files is not supported",
                    f"{op_ptr}/x-sdk-pagination",
                )
            method = ir.Method(
                name=method_name(name),
                namespace=namespace,
                operation_id=op_id,
                http_method=verb.upper(),
                path=path,
                summary=_text(op.get("summary")),
                description=_text(op.get("description")),
                deprecated=op.get("deprecated") is True,
                idempotent=op.get("x-sdk-idempotent") is True,
                scopes=scopes,
                params=params,
                body_type=BODY_TYPES.get(_essence(media_type), "json") if media_type else None,
                returns=returns,
                source_pointer=op_ptr,
                request_media_type=media_type,
            )
            polling = op.get("x-sdk-polling")
            if polling is not None and not isinstance(polling, dict):
                raise self.fail("x-sdk-polling must be a mapping", f"{op_ptr}/x-sdk-polling")
            follow = op.get("x-sdk-follow")
            if follow is not None and not isinstance(follow, dict):
                raise self.fail("x-sdk-follow must be a mapping", f"{op_ptr}/x-sdk-follow")
            drafts.append(_Draft(method, polling, op_ptr, follow))
        return drafts

    def note_ignored_operation_features(self, op: dict[str, Any], op_ptr: str) -> None:
        if op.get("callbacks"):
            self.doc.warn(
                "callbacks are not supported: ignored (the client only sends requests)",
                f"{op_ptr}/callbacks",
            )
        servers = op.get("servers")
        if servers and servers != self.spec.get("servers"):
            raise self.fail(
                "operation-level servers are not supported (requests go to the client's base_url)",
                f"{op_ptr}/servers",
            )

    def namespace_of(self, op: dict[str, Any], path: str, op_ptr: str) -> str:
        if "x-sdk-namespace" in op:
            value = op["x-sdk-namespace"]
            if not isinstance(value, str):
                raise self.fail("x-sdk-namespace must be a string", f"{op_ptr}/x-sdk-namespace")
            return namespace_name(value) if value else ""
        tags = op.get("tags") or []
        if isinstance(tags, list) and tags and str(tags[0]).strip():
            return namespace_name(str(tags[0]))
        return namespace_name(_path_namespace(path))

    def scopes_of(self, op: dict[str, Any]) -> tuple[str, ...]:
        security = op.get("security", self.spec.get("security")) or []
        for requirement in security if isinstance(security, list) else ():
            if isinstance(requirement, dict):
                for roles in requirement.values():
                    if roles and isinstance(roles, list):
                        cleaned = (re.sub(r"[\"\\`\s]+", "", clean_text(r)) for r in roles)
                        return tuple(r for r in cleaned if r)
        return ()

    # -- parameters -----------------------------------------------------------------------------

    def parameters(
        self, shared: Any, shared_ptr: str, own: Any, op_ptr: str, path: str
    ) -> list[ir.Param]:
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for base, entries in ((shared_ptr, shared), (f"{op_ptr}/parameters", own)):
            if not isinstance(entries, list):
                raise self.fail("parameters must be a list", base)
            for index, raw in enumerate(entries):
                param, where = self.deref(raw, f"{base}/{index}")
                if not isinstance(param, dict) or "name" not in param or "in" not in param:
                    raise self.fail("a parameter needs 'name' and 'in'", where)
                location, name = str(param["in"]), str(param["name"])
                if location == "header" and name.lower() in _IGNORED_HEADERS:
                    continue  # OpenAPI: such a header parameter "SHALL be ignored"
                merged[(location, name)] = (param, where)
        template = _PATH_TEMPLATE.findall(path)
        for location, name in list(merged):
            if location == "path" and name not in template:
                _, where = merged.pop((location, name))
                self.doc.warn(
                    f"path parameter {name!r} does not appear in the path {path!r}: ignored",
                    where,
                )
        for name in template:
            if ("path", name) not in merged:
                self.doc.warn(
                    f"path parameter {name!r} of {path!r} is not declared: "
                    "generated as a required string argument",
                    f"{op_ptr}/parameters",
                )
                synthetic = {"name": name, "in": "path", "required": True, "schema": {}}
                merged[("path", name)] = (synthetic, f"{op_ptr}/parameters")
        params = [self.param_from_parameter(p, w) for p, w in merged.values()]
        return [p for p in params if p is not None]

    def param_from_parameter(self, param: dict[str, Any], where: str) -> ir.Param | None:
        """The argument for one parameter; None when an optional parameter the client cannot
        send is left out (``skip_unsupported`` only; reported as a warning)."""
        required = param.get("required") is True or str(param["in"]) == "path"
        try:
            return self._param_from_parameter(param, where)
        except SpecError as exc:
            if not self.skip_unsupported or required:
                raise
            location = str(param["in"])
            how = "extra_headers" if location in ("header", "cookie") else "extra_query"
            self.omitted.append(
                ir.Omitted(self.operation_label, location, str(param["name"]), exc.message)
            )
            self.doc.warn(
                f"{exc.message}; optional parameter {str(param['name'])!r} left out "
                f"(send it with {how})",
                exc.pointer or where,
            )
            return None

    def _param_from_parameter(self, param: dict[str, Any], where: str) -> ir.Param:
        location = str(param["in"])
        name = str(param["name"])
        if location == "cookie":
            raise self.fail("cookie parameters are not supported", where)
        if location not in ("path", "query", "header"):
            raise self.fail(f"unknown parameter location {location!r}", f"{where}/in")
        self.check_quotable(name, f"{location} parameter name", f"{where}/name")
        if location == "header" and not re.fullmatch(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+", name):
            raise self.fail(f"header name {name!r} is not a valid HTTP header name", where)
        schema = param.get("schema")
        if schema is None:
            if "content" in param:
                raise self.fail(
                    "parameters with 'content' (a media type) instead of 'schema' "
                    "are not supported",
                    where,
                )
            schema = {}
        resolved, _ = self.deref(schema, f"{where}/schema")
        self.check_serialization(location, name, param, resolved, where)
        required = param.get("required") is True or location == "path"
        return self.make_param(
            wire_name=name,
            py_name=param.get("x-sdk-name"),
            location=location,
            schema=schema,
            schema_ptr=f"{where}/schema",
            required=required,
            description=_text(param.get("description")),
            for_body=False,
        )

    def check_serialization(
        self, location: str, name: str, param: dict[str, Any], schema: Any, where: str
    ) -> None:
        """Only what the runtime sends correctly: scalars, and query arrays as repeated keys."""
        kind = self.value_kind(schema, f"{where}/schema")
        style = str(param.get("style") or {"query": "form"}.get(location, "simple"))
        explode = param.get("explode", style == "form")
        if location == "path" and style != "simple":
            raise self.fail(
                f"path parameter {name!r}: style {style!r} is not supported (only 'simple')",
                f"{where}/style",
            )
        if kind == "object":
            raise self.fail(
                f"{location} parameter {name!r}: object values (style {style!r}) are not supported",
                where,
            )
        if kind == "array":
            if location != "query":
                raise self.fail(
                    f"{location} parameter {name!r}: array values are not supported", where
                )
            if style != "form" or explode is not True:
                raise self.fail(
                    f"query parameter {name!r}: arrays with style {style!r} and explode "
                    f"{bool(explode)} are not supported (only repeated keys: style form, "
                    "explode true)",
                    where,
                )

    def value_kind(self, schema: Any, where: str, depth: int = 0) -> str:
        """'scalar', 'array' (of scalars), 'object' (or array of objects) or 'any'."""
        resolved, where = self.deref(schema, where)
        if not isinstance(resolved, dict) or depth > 20:
            return "any"
        kinds: list[str] = []
        for combiner in ("oneOf", "anyOf", "allOf"):
            members = resolved.get(combiner)
            if isinstance(members, list):
                kinds.extend(
                    self.value_kind(m, f"{where}/{combiner}/{i}", depth + 1)
                    for i, m in enumerate(members)
                )
        primary = _primary_type(resolved)
        if primary == "object" or resolved.get("properties"):
            kinds.append("object")
        elif primary == "array":
            items = resolved.get("items")
            inner = self.value_kind(items, f"{where}/items", depth + 1) if items else "any"
            kinds.append("object" if inner in ("object", "array") else "array")
        elif isinstance(resolved.get("type"), list):
            types = [t for t in resolved["type"] if t != "null"]
            if "object" in types or "array" in types:
                kinds.append("object" if "object" in types else "array")
        for preferred in ("object", "array", "scalar"):
            if preferred in kinds:
                return preferred
        return "scalar"

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
        if py_name is not None and (not isinstance(py_name, str) or not py_name.strip()):
            raise self.fail("x-sdk-name must be a non-empty string", schema_ptr)
        hint = self.type_hint(schema, schema_ptr, request=True)
        nullable = _is_nullable(resolved)
        base_hint = hint
        default: str | None = None
        send = "always"
        # A path parameter is always required: a default there means nothing (and a positional
        # argument with a default cannot precede one without).
        python_default = _default_for(resolved, hint) if location != "path" else None
        has_default = python_default is not None
        if not description:
            description = _text(resolved.get("description"))
        if location == "file":
            hint = "FileInput"
            base_hint = hint
            has_default = False
        if required and not has_default:
            default = None
        elif has_default:
            default = python_default
        elif nullable and for_body:
            hint = f"Union[{_strip_optional(base_hint)}, None, NotGiven]"
            default = "NOT_GIVEN"
            send = "if_given"
        else:
            hint = f"Optional[{_strip_optional(base_hint)}]"
            default = "None"
            send = "if_not_none"
        return ir.Param(
            name=argument_name(str(py_name) if py_name else wire_name),
            wire_name=wire_name,
            location=location,
            type_hint=hint,
            required=required,
            default=default,
            description=description,
            positional=location == "path",
            constraints=self.constraints(resolved, schema_ptr),
            send=send,
        )

    def constraints(self, resolved: dict[str, Any], where: str, depth: int = 0) -> dict[str, Any]:
        """The keywords the runtime checks an argument against before sending (any location)."""
        found: dict[str, Any] = {}
        for key in CONSTRAINT_KEYS:
            value = resolved.get(key)
            if isinstance(value, bool):  # OpenAPI 3.0 boolean exclusive bounds
                continue
            if key == "pattern":
                if isinstance(value, str) and _compiles(value):
                    found[key] = value
            elif isinstance(value, (int, float)) and math.isfinite(value):
                found[key] = value
        if resolved.get("exclusiveMinimum") is True and "minimum" in found:
            found["exclusiveMinimum"] = found.pop("minimum")
        if resolved.get("exclusiveMaximum") is True and "maximum" in found:
            found["exclusiveMaximum"] = found.pop("maximum")
        enum = resolved.get("enum")
        if isinstance(enum, list) and enum and all(_is_plain(v) for v in enum if v is not None):
            values = _dedupe_values([v for v in enum if v is not None])
            if values:
                found["enum"] = values
        kind = _primary_type(resolved)
        if kind in ("string", "integer", "number", "boolean", "array") and resolved.get(
            "format"
        ) not in ("binary", "date-time", "date"):
            found["type"] = kind
        if kind == "array" and depth == 0 and isinstance(resolved.get("items"), dict):
            items, items_ptr = self.deref(resolved["items"], f"{where}/items")
            inner = self.constraints(items, items_ptr, 1) if isinstance(items, dict) else {}
            if inner:
                found["items"] = inner
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
        if not isinstance(body, dict):
            raise self.fail("requestBody must be a mapping", body_ptr)
        content = body.get("content") or {}
        if not isinstance(content, dict):
            raise self.fail("requestBody content must be a mapping", f"{body_ptr}/content")
        if not content:
            return [("", None, {}, [])]
        chosen = [
            str(mt)
            for mt, media in content.items()
            if isinstance(media, dict) and media.get("x-sdk-method")
        ]
        if not chosen:
            chosen = [self.preferred_media_type(content, f"{body_ptr}/content")]
        variants: list[tuple[str, str | None, dict[str, Any], list[ir.Param]]] = []
        for media_type in chosen:
            media_ptr = f"{body_ptr}/content/{media_type.replace('~', '~0').replace('/', '~1')}"
            media = content[media_type] if isinstance(content[media_type], dict) else {}
            params = self.params_from_body(
                media, media_type, media_ptr, body.get("required") is True
            )
            variants.append((media_ptr, media_type, media, params))
        return variants

    def preferred_media_type(self, content: dict[str, Any], where: str) -> str:
        types = [str(t) for t in content]
        for preferred in (
            "application/json",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
        ):
            for media_type in types:
                if _essence(media_type) == preferred:
                    return media_type
        for media_type in types:
            media = content[media_type] if isinstance(content[media_type], dict) else {}
            if _essence(media_type) in _ANY_MEDIA_TYPES and self.is_json_schema(
                media.get("schema"), f"{where}/{pointer(media_type)[1:]}/schema"
            ):
                return media_type
        listed = ", ".join(repr(t) for t in types)
        raise self.fail(
            f"request body media type {listed} is not supported (the client sends "
            "application/json, multipart/form-data or application/x-www-form-urlencoded; "
            "raw bytes, text, XML and other JSON media types cannot be sent)",
            where,
        )

    def is_json_schema(self, schema: Any, where: str) -> bool:
        """A schema describing a JSON value (so that ``*/*`` can be sent as JSON)."""
        resolved, _ = self.deref(schema, where)
        if not isinstance(resolved, dict) or not resolved:
            return False
        if _is_binary(resolved):
            return False
        # A string or number body under "*/*" is raw text or bytes, not a JSON document.
        return self.value_kind(schema, where) in ("object", "array")

    def params_from_body(
        self, media: dict[str, Any], media_type: str, media_ptr: str, body_required: bool
    ) -> list[ir.Param]:
        """Every property of the body schema becomes a typed keyword argument."""
        essence = _essence(media_type)
        if essence in _ANY_MEDIA_TYPES:
            essence = "application/json"
        if essence not in BODY_TYPES:
            raise self.fail(
                f"request body media type {media_type!r} is not supported "
                "(supported: application/json, multipart/form-data, "
                "application/x-www-form-urlencoded)",
                media_ptr,
            )
        schema_ptr = f"{media_ptr}/schema"
        schema = self.merged_object(media.get("schema") or {}, schema_ptr)
        properties = schema.get("properties") or {}
        if not isinstance(properties, dict):
            raise self.fail("properties must be a mapping", f"{schema_ptr}/properties")
        if not properties:
            if essence == "application/json" and media.get("schema") is not None:
                # A body that is not an object with properties is passed whole as `body`.
                hint = self.type_hint(media["schema"], schema_ptr, request=True)
                if body_required:
                    return [self.whole_body(hint, True)]
                return [self.whole_body(f"Optional[{_strip_optional(hint)}]", False)]
            return []
        required = set(str(r) for r in schema.get("required") or [] if isinstance(r, str))
        encoding: dict[str, Any] = (
            media["encoding"] if isinstance(media.get("encoding"), dict) else {}
        )
        params = []
        for raw_prop, prop_schema in properties.items():
            prop = str(raw_prop)
            prop_ptr = f"{schema_ptr}/properties/{pointer(prop)[1:]}"
            self.check_quotable(prop, "body property name", prop_ptr)
            resolved, _ = self.deref(prop_schema, prop_ptr)
            resolved = resolved if isinstance(resolved, dict) else {}
            if resolved.get("readOnly") is True:
                continue
            location = "body"
            if essence != "application/json":
                try:
                    location = self.form_location(
                        essence, prop, prop_schema, resolved, encoding.get(prop), prop_ptr
                    )
                except SpecError as exc:
                    if not self.skip_unsupported or prop in required:
                        raise
                    self.omitted.append(ir.Omitted(self.operation_label, "body", prop, exc.message))
                    self.doc.warn(
                        f"{exc.message}; optional field {prop!r} left out (send it encoded "
                        "with extra_body, e.g. {'field[key]': value})",
                        exc.pointer or prop_ptr,
                    )
                    continue
            extension = prop_schema.get("x-sdk-name") if isinstance(prop_schema, dict) else None
            params.append(
                self.make_param(
                    wire_name=prop,
                    py_name=extension or resolved.get("x-sdk-name"),
                    location=location,
                    schema=prop_schema,
                    schema_ptr=prop_ptr,
                    required=prop in required,
                    description=_text(resolved.get("description")),
                    for_body=True,
                )
            )
        return params

    def whole_body(self, hint: str, required: bool) -> ir.Param:
        return ir.Param(
            name="body",
            wire_name="",
            location="body",
            type_hint=hint,
            required=required,
            default=None if required else "None",
            description="The request body.",
            positional=False,
            send="always" if required else "if_not_none",
        )

    def form_location(
        self,
        essence: str,
        prop: str,
        prop_schema: Any,
        resolved: dict[str, Any],
        encoding: Any,
        prop_ptr: str,
    ) -> str:
        """'file' or 'form' for a property of a multipart or urlencoded body, or unsupported."""
        if essence == "multipart/form-data" and _is_binary(resolved):
            return "file"
        kind = self.value_kind(prop_schema, prop_ptr)
        if kind == "array" and essence == "multipart/form-data":
            items, _ = self.deref(resolved.get("items") or {}, f"{prop_ptr}/items")
            if isinstance(items, dict) and _is_binary(items):
                raise self.fail(
                    f"multipart property {prop!r}: an array of files is not supported", prop_ptr
                )
        if kind == "object":
            raise self.fail(
                f"{essence} property {prop!r}: object values (nested form fields, "
                "style deepObject or JSON parts) are not supported",
                prop_ptr,
            )
        if kind == "array" and isinstance(encoding, dict):
            style = str(encoding.get("style") or "form")
            explode = encoding.get("explode", style == "form")
            if style != "form" or explode is not True:
                raise self.fail(
                    f"{essence} property {prop!r}: arrays with style {style!r} and explode "
                    f"{bool(explode)} are not supported (only repeated keys)",
                    prop_ptr,
                )
        return "form"

    def merged_object(
        self, schema: Any, where: str, seen: frozenset[str] = frozenset()
    ) -> dict[str, Any]:
        """Resolve refs and merge ``allOf`` members into one object schema."""
        resolved, where = self.deref(schema, where)
        if not isinstance(resolved, dict) or where in seen:
            return {}
        if "allOf" not in resolved or not isinstance(resolved["allOf"], list):
            return resolved
        seen = seen | {where}
        merged: dict[str, Any] = {k: v for k, v in resolved.items() if k != "allOf"}
        props: dict[str, Any] = dict(merged.get("properties") or {})
        required: list[str] = list(merged.get("required") or [])
        for index, member in enumerate(resolved["allOf"]):
            part = self.merged_object(member, f"{where}/allOf/{index}", seen)
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
        self, params: list[ir.Param], positional: list[Any], where: str, path: str = ""
    ) -> tuple[ir.Param, ...]:
        # De-duplicate Python names deterministically (a query `type` and a body `type`...).
        taken: set[str] = set()
        unique_params: list[ir.Param] = []
        for p in params:
            name = unique(p.name, taken)
            taken.add(name)
            unique_params.append(_replace(p, name=name) if name != p.name else p)
        by_name = {p.name: p for p in unique_params}
        template = _PATH_TEMPLATE.findall(path)
        path_order = sorted(
            (p for p in unique_params if p.location == "path"),
            key=lambda p: template.index(p.wire_name) if p.wire_name in template else 0,
        )
        ordered: list[ir.Param] = list(path_order)
        for name in positional:
            key = str(name)
            if key not in by_name:
                raise self.fail(f"x-sdk-positional names {key!r}, which is not an argument", where)
            if by_name[key] not in ordered:
                ordered.append(_replace(by_name[key], positional=True))
        ordered = [_replace(p, positional=True) for p in ordered]
        names = {p.name for p in ordered}
        ordered.extend(p for p in unique_params if p.name not in names)
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
        if not isinstance(responses, dict):
            raise self.fail("responses must be a mapping", f"{op_ptr}/responses")
        codes = sorted(
            str(c) for c in responses if str(c).startswith("2") or str(c).upper() == "2XX"
        )
        if not codes and "default" in responses:
            codes = ["default"]  # the only response described: take it as the success
        if not codes:
            return ir.Returns(kind="none", type_hint="None", cast="type(None)", unwrap=())
        code = codes[0]
        resp_ptr = f"{op_ptr}/responses/{code}"
        raw = responses.get(code)
        if raw is None and code.isdigit():
            raw = responses.get(int(code))
        response, resp_ptr = self.deref(raw, resp_ptr)
        content = (response or {}).get("content") if isinstance(response, dict) else None
        if not isinstance(content, dict) or not content or code == "204":
            return ir.Returns(kind="none", type_hint="None", cast="type(None)", unwrap=())
        media_types = [str(m) for m in content]
        if any(_essence(m) == "text/event-stream" for m in media_types):
            return ir.Returns(
                kind="stream", type_hint="ServerSentEvent", cast="ServerSentEvent", unwrap=()
            )
        json_type = next((m for m in media_types if _essence(m) == "application/json"), None)
        if json_type is None:
            json_type = next((m for m in media_types if _essence(m).endswith("+json")), None)
        if json_type is None:
            return ir.Returns(kind="bytes", type_hint="bytes", cast="bytes", unwrap=())
        schema_ptr = f"{resp_ptr}/content/{json_type.replace('~', '~0').replace('/', '~1')}/schema"
        media = content[json_type] if isinstance(content[json_type], dict) else {}
        schema = media.get("schema") or {}
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
            if not isinstance(member, str) or member not in props:
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
            cast=_cast_expression(hint),
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
            cast=_cast_expression(item_hint),
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
                    values = _literal_values(target["enum"])
                    return f"Union[{cls}, Literal[{values}]]" if values else cls
                return cls
            if cls and _is_model_like(target):
                return cls
            if name in self._hint_stack:
                return cls or "Any"  # a schema that contains itself without being a model
            self._hint_stack.append(name)
            try:
                return self.type_hint(target, target_ptr, request=request)
            finally:
                self._hint_stack.pop()
        if isinstance(schema, dict) and "$ref" in schema:
            target, target_ptr = self.deref(schema, where)
            if target_ptr in self._hint_stack:
                return "Any"
            self._hint_stack.append(target_ptr)
            try:
                return self.type_hint(target, target_ptr, request=request)
            finally:
                self._hint_stack.pop()
        if not isinstance(schema, dict):
            return "Any"
        for combiner in ("oneOf", "anyOf"):
            if isinstance(schema.get(combiner), list) and schema[combiner]:
                members = [
                    self.type_hint(m, f"{where}/{combiner}/{i}", request=request)
                    for i, m in enumerate(schema[combiner])
                ]
                if "Any" in members:
                    return "Any"
                non_null = [m for m in dict.fromkeys(members) if m != "None"]
                if not non_null:
                    return "None"
                hint = non_null[0] if len(non_null) == 1 else f"Union[{', '.join(non_null)}]"
                return f"Optional[{hint}]" if "None" in members else hint
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            parts = schema["allOf"]
            if len(parts) == 1:
                return self.type_hint(parts[0], f"{where}/allOf/0", request=request)
            return "Dict[str, Any]"
        types = schema.get("type")
        type_list = [t for t in (types if isinstance(types, list) else [types]) if t]
        type_list = [t for t in type_list if isinstance(t, str)]
        nullable = "null" in type_list or schema.get("nullable") is True
        concrete = [t for t in dict.fromkeys(type_list) if t != "null"]
        choices = schema.get("enum") if isinstance(schema.get("enum"), list) else None
        if choices is None and "const" in schema:
            choices = [schema["const"]]
        literal = _literal_values(choices) if choices is not None else None
        if choices is not None and concrete in (["string"], ["integer"], ["boolean"], []):
            if literal:
                hint = f"Literal[{literal}]"
            elif concrete:
                hint = self.simple(concrete[0], schema, where, request)
            else:
                hint = "Any"
        elif len(concrete) > 1:
            members = [self.simple(t, schema, where, request) for t in concrete]
            if "Any" in members:
                hint = "Any"
            else:
                hint = f"Union[{', '.join(dict.fromkeys(members))}]"
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
                if isinstance(items, dict)
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
                id_field = str(raw.get("id-field") or "id")
                if not _is_identifier(id_field):
                    raise self.fail("x-sdk-polling.id-field must be a Python identifier", where)
                polling = ir.Polling(
                    status_method=status_op.name,
                    id_field=id_field,
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
                if not _is_identifier(polling.failure_error):
                    raise self.fail("x-sdk-polling.failure-error must be a class name", where)
                method = _replace(method, polling=polling)
            if draft.follow_raw:
                method = _replace(method, follow=self.resolve_follow(draft, method, by_op_id))
            methods.append(method)
        return methods

    def resolve_follow(
        self, draft: _Draft, method: ir.Method, by_op_id: dict[str, ir.Method]
    ) -> ir.Follow:
        """``x-sdk-follow`` on a stream operation -> a helper that prints its events until the
        object the status operation returns is in a terminal status."""
        raw = draft.follow_raw or {}
        where = f"{draft.pointer}/x-sdk-follow"
        if method.returns.kind != "stream":
            raise self.fail("x-sdk-follow needs an operation returning text/event-stream", where)
        status_op = by_op_id.get(str(raw.get("status-operation")))
        if status_op is None:
            raise self.fail("x-sdk-follow.status-operation names no operationId", where)
        if status_op.namespace != method.namespace:
            raise self.fail("x-sdk-follow.status-operation must be in the same namespace", where)
        if status_op.returns.kind != "value" or not status_op.returns.model:
            raise self.fail("x-sdk-follow.status-operation must return a model", where)
        if [p.name for p in status_op.params_in("path")] != [
            p.name for p in method.params_in("path")
        ] or any(p.required for p in status_op.params if p.location != "path"):
            raise self.fail(
                "x-sdk-follow.status-operation must take the stream's path parameters "
                "and nothing else required",
                where,
            )
        terminal = raw.get("terminal")
        if not isinstance(terminal, list) or not terminal:
            raise self.fail("x-sdk-follow.terminal must be a non-empty list", where)
        name = str(raw.get("method") or "follow")
        status_field = str(raw.get("status-field") or "status")
        if not _is_identifier(name) or not _is_identifier(status_field):
            raise self.fail("x-sdk-follow.method and status-field must be identifiers", where)
        taken = {m.name for m in by_op_id.values() if m.namespace == method.namespace}
        if name in taken:
            raise self.fail(f"x-sdk-follow.method {name!r} is already a method", where)
        line = raw.get("line")
        if line is not None and not isinstance(line, str):
            raise self.fail("x-sdk-follow.line must be a string", where)
        return ir.Follow(
            method=name,
            status_method=status_op.name,
            status_field=status_field,
            terminal=tuple(str(v) for v in terminal),
            line=line,
            returns=status_op.returns.type_hint,
        )

    def group(self, pkg: ir.Package, methods: list[ir.Method]) -> ir.Api:
        tag_docs: dict[str, str] = {}
        for tag in self.spec.get("tags") or [] if isinstance(self.spec.get("tags"), list) else []:
            if isinstance(tag, dict) and tag.get("name"):
                tag_docs.setdefault(namespace_name(str(tag["name"])), _text(tag.get("description")))
        namespaces: dict[str, list[ir.Method]] = {}
        client_methods: list[ir.Method] = []
        for method in methods:
            bucket = (
                client_methods
                if not method.namespace
                else namespaces.setdefault(method.namespace, [])
            )
            bucket.append(method)
        # Resource classes (and their Async twins) must not clash with model classes, the
        # package's own classes or each other.
        avoid = set(self.schema_classes.values()) | runtime_class_names(self.spec)
        # a resource module imports typing names, runtime classes and models
        # (templates/client/_method.jinja `imports`): `List` or `Timeout` would shadow one
        avoid |= {pkg.client, pkg.async_client} | RESERVED_CLASS_NAMES | builtin_class_names()
        result = []
        for name, members in namespaces.items():
            class_name = pascal_case(name).lstrip("_") or "Default"
            if class_name[0].isdigit():
                class_name = "Ns" + class_name
            candidate = class_name
            counter = 1
            while (
                _derived_classes(candidate) & avoid
                or _is_keyword(candidate)
                or candidate in ("I", "O", "l")  # E742: ambiguous class names
            ):
                counter += 1
                candidate = (
                    f"{class_name}Resource"
                    if counter == 2
                    else f"{class_name}Resource{counter - 1}"
                )
            avoid |= _derived_classes(candidate)
            result.append(
                ir.Namespace(
                    name=name,
                    class_name=candidate,
                    description=tag_docs.get(name, ""),
                    methods=tuple(_dedupe_names(members)),
                )
            )
        client_level = _dedupe_names(client_methods, taken=set(namespaces) | set(CLIENT_ATTRIBUTES))
        return ir.Api(
            package=pkg,
            namespaces=tuple(result),
            client_methods=tuple(client_level),
            schemas=dict(self.schema_classes),
            skipped=tuple(self.skipped),
            omitted=tuple(self.omitted),
        )


def _derived_classes(name: str) -> set[str]:
    """The classes a namespace's resource module defines (templates/client/resource.py.jinja)."""
    return {name, f"Async{name}", f"{name}WithRawResponse", f"Async{name}WithRawResponse"}


# -- helpers ------------------------------------------------------------------------------------


def _replace(obj: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(obj, **changes)


def _dedupe_names(methods: list[ir.Method], taken: set[str] | None = None) -> list[ir.Method]:
    """Two operations with the same method name in one namespace get numbered, deterministically."""
    used: set[str] = set(taken or ())
    out = []
    for m in methods:
        name = unique(m.name, used)
        used.add(name)
        out.append(_replace(m, name=name) if name != m.name else m)
    return out


def _text(value: Any) -> str:
    return clean_text(value).strip() if value else ""


def _essence(media_type: str | None) -> str:
    """``application/json; charset=utf-8`` -> ``application/json``."""
    return (media_type or "").split(";", 1)[0].strip().lower()


def _is_identifier(name: str) -> bool:
    return name.isascii() and name.isidentifier() and not _is_keyword(name)


def _is_binary(schema: dict[str, Any]) -> bool:
    return schema.get("format") == "binary" or "contentMediaType" in schema


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError, ValueError):
        return False
    return True


def _is_plain(value: Any) -> bool:
    return isinstance(value, (str, int)) or (isinstance(value, float) and math.isfinite(value))


def _dedupe_values(values: list[Any]) -> list[Any]:
    seen: set[tuple[type, Any]] = set()
    out = []
    for v in values:
        key = (type(v), v)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _literal_values(values: Any) -> str | None:
    """``'a', 'b'`` for ``Literal[...]``, or None when the values cannot all be literals."""
    if not isinstance(values, list):
        return None
    plain = [v for v in values if v is not None]
    if not plain or not all(isinstance(v, (str, int)) for v in plain):
        return None
    return ", ".join(repr(v) for v in _dedupe_values(plain))


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


def _cast_expression(hint: str) -> str:
    """The ``cast_to`` expression for a return annotation. A class or ``List[...]`` is a
    ``type[T]`` as it is; ``Union``/``Optional``/``Literal`` are special forms mypy does not
    accept there, so they are passed as ``cast(type[X], X)`` (the same object at run time)."""
    if hint.startswith(("Union[", "Optional[", "Literal[")):
        return f"cast(type[{hint}], {hint})"
    return hint


def _strip_optional(hint: str) -> str:
    if hint.startswith("Optional[") and hint.endswith("]"):
        return hint[len("Optional[") : -1]
    return hint


def _literal(value: Any) -> str | None:
    """Python source for a default value, or None when it cannot be a safe default."""
    if value is None:
        return "None"
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (bool, int, float, str)):
        return repr(value)
    return None  # lists and objects would be shared mutable defaults: leave them to the server


def _default_for(schema: dict[str, Any], hint: str) -> str | None:
    """The Python default of an argument, or None when the spec's default does not fit its
    type (an ill-typed default is left to the server rather than breaking type checks)."""
    if "default" not in schema:
        return None
    value = schema["default"]
    source = _literal(value)
    if source is None or value is None:
        return None
    enum = schema.get("enum")
    if isinstance(enum, list) and value not in enum:
        return None
    if "Literal[" in hint:
        if not isinstance(enum, list) and schema.get("const", value) != value:
            return None
        return source
    kind = _primary_type(schema)
    fits = {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
    }.get(kind or "", False)
    if not fits:
        return None
    if kind == "string" and schema.get("format") == "binary":
        return None
    return source


def _default_method_name(verb: str, path: str) -> str:
    """``GET /pets/{petId}`` -> ``get_pets_by_pet_id`` (no operationId)."""
    parts = [verb]
    for segment in path.split("/"):
        if not segment:
            continue
        match = _PATH_TEMPLATE.fullmatch(segment)
        parts.append(f"by_{match.group(1)}" if match else segment)
    return snake_case("_".join(snake_case(p) for p in parts))


def _path_namespace(path: str) -> str:
    """The namespace of an untagged operation: the first meaningful path segment
    (``/api/v1/namespaces/{ns}/pods`` -> ``namespaces``; ``/2010-04-01/Accounts.json``
    -> ``accounts``)."""
    for segment in path.split("/"):
        segment = re.sub(r"\.(json|xml|yaml|csv)$", "", segment)
        if not segment or "{" in segment or _VERSION_SEGMENT.fullmatch(segment):
            continue
        if identifier(segment) not in ("value", "_"):
            return segment
    return "default"


def parse_api(
    doc: SpecDocument,
    *,
    package_version: str,
    schema_classes: dict[str, str],
    skip_unsupported: bool = False,
) -> ir.Api:
    """Build the intermediate model of one spec.

    With ``skip_unsupported``, an operation using a feature the generator cannot represent is
    left out (a located warning, and an entry in ``Api.skipped``) instead of stopping the run.
    """
    parser = Parser(
        doc,
        package_version=package_version,
        schema_classes=schema_classes,
        skip_unsupported=skip_unsupported,
    )
    try:
        return parser.api()
    except SpecError:
        raise
    except RecursionError:
        raise doc.error("the document nests too deeply to be read", parser.current) from None
    except Exception as exc:  # a generator bug: still one located line, never a traceback
        raise doc.error(
            f"internal error while reading this part of the spec ({type(exc).__name__}: "
            f"{exc}); please report it as a generator bug",
            parser.current,
        ) from None
