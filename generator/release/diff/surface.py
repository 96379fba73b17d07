"""The second layer of the diff: the generated client's Python surface, from the IR.

The wire layer (operations.py) compares what goes over HTTP. Much of what breaks a user's code
never reaches the wire: a method renamed with ``x-sdk-method`` or a new ``operationId``, an
argument renamed with ``x-sdk-name``, an argument that stops being positional
(``x-sdk-positional``), a return shape changed by ``x-sdk-unwrap``, pagination or polling, a model
class renamed with its component schema, a namespace or an exception class gone. This module
builds the surface of each version from ``build_api`` (``surface()``: plain JSON-able data, the
same that ``fingerprint()`` hashes for the release lock); surface_changes.py compares two.

Each Python element is matched with the other version's by its wire identity: a method by its
operation (HTTP method, path with parameter names masked, body kind), an argument by its location
and wire name, a model by its component schema, a field by its property. What appears or
disappears with its wire element (an operation, a parameter, a field) is the wire layer's to
report; this layer reports how the Python view of matched elements changed, and the elements
that have no wire identity (helper methods, exceptions, model classes, resource classes).
The classification rules: surface_changes.py.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from ... import ir
from ...build import build_api, component_schemas
from ...read.load import SpecDocument
from ...spectext import raw

_PATH_PARAM = re.compile(r"\{([^}]*)\}")
# The names other generated SDKs use, defined only with ``x-sdk`` ``exception-aliases``.
EXCEPTION_ALIASES = (
    "APIError",
    "PermissionDeniedError",
    "UnprocessableEntityError",
    "InternalServerError",
)
Surface = dict[str, Any]


def surface_of(doc: SpecDocument) -> Surface:
    """The client surface of one document (operations the generator cannot build are left
    out, as ``generate --skip-unsupported`` leaves them out)."""
    quiet, warned, warnings = doc.quiet, set(doc._warned), list(doc.warnings)
    doc.quiet = True  # the generator's own warnings belong to `generate`, not to a diff
    try:
        data = surface(build_api(doc, skip_unsupported=True))
    finally:
        doc.quiet, doc._warned, doc.warnings = quiet, warned, warnings
    _add_fields(doc, data)
    return data


def surface(api: ir.Api) -> Surface:
    """What user code can name in the package generated from ``api``, as JSON-able data."""
    pkg = api.package
    methods: dict[str, Any] = {}
    for method in api.all_methods:
        methods[method.qualified_name] = _method(method)
        if method.follow is not None:
            helper = f"{method.namespace}.{method.follow.method}".lstrip(".")
            methods[helper] = {
                "operation": "",
                "helper": True,
                "params": [],
                "returns": {"annotation": method.follow.returns.render(), "kind": "value"},
                "deprecated": False,
            }
    exceptions = [f"{pkg.prefix}Exception", *(fe.class_name for fe in pkg.failure_errors)]
    if pkg.exception_aliases:
        exceptions += EXCEPTION_ALIASES
    data: Surface = {
        "client": [pkg.client, pkg.async_client],
        "namespaces": {ns.name: ns.class_name for ns in api.namespaces},
        "methods": methods,
        "models": _models(api),
        "exceptions": sorted(exceptions),
    }
    if api.objects is not None:
        data["objects"] = _objects(api.objects)
    return data


def _objects(objects: ir.Objects) -> list[str]:
    """The object layer (response ``links``): its classes (``FileObject``), their methods
    (``FileObject.delete()``) and the entry's namespace attributes (``RunRL.files``), by name."""
    names = [objects.class_name]
    for ns in objects.namespaces:
        names += [f"{objects.class_name}.{ns.attribute}"]
        names += [f"{ns.class_name}.{s.method.name}()" for s in ns.sources]
    for res in objects.resources:
        names.append(res.class_name)
        names += [f"{res.class_name}.{link.name}()" for link in res.links]
        if res.wait_policy != ("", ""):
            names.append(f"{res.class_name}.wait()")
    return sorted(set(names))


def fingerprint(data: Surface) -> str:
    """``sha256:<hex>`` of a surface (canonical JSON), recorded for released versions."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _method(method: ir.Method) -> dict[str, Any]:
    r = method.returns
    if method.polling is not None:
        kind = "future"
    elif r.pagination is not None:
        kind = f"page ({r.pagination.style})"
    else:
        kind = r.kind
    annotation = f"EventStream[{r.annotation}]" if r.kind == "stream" else r.annotation
    if method.polling is not None:
        annotation = f"PollingFuture[{annotation}]"
    path = _PATH_PARAM.sub("{}", raw(method.path))
    return {
        "operation": f"{method.http_method} {path} {method.body_type or ''}".rstrip(),
        "label": f"{method.http_method} {raw(method.path)}",
        "params": [
            {
                "name": p.name,
                "wire": f"{p.location} {raw(p.wire_name)}".rstrip(),
                "positional": p.positional,
                "required": p.required,
                "default": p.default_source,
                "type": p.annotation,
            }
            for p in method.params
        ],
        "returns": {"annotation": annotation, "kind": kind},
        "deprecated": method.deprecated,
    }


def _models(api: ir.Api) -> dict[str, Any]:
    """Component schema -> its class and fields (property names; required or not)."""
    return {name: {"class": cls} for name, cls in sorted(api.schemas.items())}


def _add_fields(doc: SpecDocument, data: Surface) -> None:
    """Add each object model's fields (property name -> required) to ``data["models"]``."""
    schemas = component_schemas(doc.data)
    for name, model in data["models"].items():
        schema = schemas.get(name)
        if not isinstance(schema, dict) or not isinstance(schema.get("properties"), dict):
            continue
        props = schema["properties"]
        listed = schema.get("required")
        required = [str(r) for r in listed] if isinstance(listed, list) else []
        model["fields"] = {str(p): str(p) in required for p in props}
