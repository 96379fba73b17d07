"""Response ``links`` (+ ``x-sdk-resource`` on the component schema) -> the object layer
(``ir.Objects``, rendered by templates/resources/ into ``<package>/objects.py``).

A 2xx response that declares ``links`` and returns a component model (or a list of them) makes
that model a *resource*: its objects hold the client, the model (``.data``) and the path and
body values of the request that produced them; each link is a method of the object calling the
link's ``operationId`` with its ``parameters`` filled in. Supported parameter values:

* ``$response.body#/<pointer>``: a member of the object's data (checked against the schema);
  on a list response, of each item;
* ``$request.path.<name>`` and ``$request.body#/<property>``: the producing call's argument;
* a constant (any JSON value, a string without ``$`` or ``{$``).

Anything else (``operationRef``, ``requestBody``, ``server``, ``$request.header``,
``$request.query``, ``$url``, ``$method``, ``$statusCode``, ``$response.header``, an
expression inside a string, an unknown operation or parameter) is a located error; with
``--skip-unsupported`` a warning, and the link is left out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import ir
from ..errors import SpecError, combined
from ..ir.types import ListOf, Model
from ..naming import method_name, pascal_case, snake_case, unique
from ..read.refs import unescape
from ..spectext import SpecText, SpecValue
from .context import Context

SUPPORTED = "$response.body#/<pointer>, $request.path.<name>, $request.body#/<property>, a constant"
# What an object defines itself: a link method may not take these names.
OBJECT_MEMBERS = frozenset(
    {"data", "api", "info", "refresh", "close", "id", "to_dict", "_client", "_data", "_request"}
)
_LOCATIONS = ("path.", "query.", "header.", "cookie.")


def object_layer(
    ctx: Context, methods: list[ir.Method], prefix: str, modules: dict[str, str]
) -> ir.Objects | None:
    """The object layer of the document, or None when no response declares links.
    ``modules``: namespace path -> the module defining its methods' constants."""
    by_op = {m.operation_id.value: m for m in reversed(methods) if m.operation_id.value}
    problems: list[SpecError] = []
    found: list[tuple[ir.Method, str, bool, list[tuple[str, str, Any]]]] = []
    for meth in methods:
        entry = _source(ctx, meth)
        if entry is not None:
            found.append((meth, *entry))
    if not found:
        return None
    if prefix in ctx.schema_classes.values():
        prefix += "Objects"
    model_of = {cls: name for name, cls in ctx.schema_classes.items()}
    links: dict[str, dict[str, tuple[ir.Link, str]]] = {}  # model class -> link name -> link
    sources: list[ir.Source] = []
    for meth, model, many, raw_links in found:
        sources.append(ir.Source(method=meth, resource=model, many=many))
        own = links.setdefault(model, {})
        for name, node, where in raw_links:
            try:
                link = _link(ctx, meth, name, node, where, by_op, many)
            except SpecError as exc:
                if not ctx.skip_unsupported:
                    problems.append(exc)
                    continue
                ctx.doc.warn(f"{exc.message} (the link is left out)", exc.pointer or where)
                continue
            if link.name not in own:
                own[link.name] = (link, where)
    if problems:
        raise combined(problems)
    resources = [
        _resource(ctx, model, model_of.get(model, ""), own) for model, own in links.items()
    ]
    classes = {r.model: r.class_name for r in resources}
    resources = [_wait(_bind(r, classes, sources), sources, methods, modules) for r in resources]
    accepts = _accepts(resources)
    sources = [
        ir.Source(
            s.method,
            classes[s.resource],
            s.many,
            tuple(accepts[key] for key in _keys(s.method) if key in accepts),
        )
        for s in sources
    ]
    made = {s.method.operation_id.value for s in sources}
    for meth in methods:  # methods taking an object where a link says its member goes
        taken = tuple(accepts[key] for key in _keys(meth) if key in accepts)
        if taken and meth.operation_id.value not in made:
            sources.append(ir.Source(meth, "", False, taken))
    return ir.Objects(
        class_name=prefix,
        resources=tuple(resources),
        namespaces=_namespaces(sources),
        client_sources=tuple(s for s in sources if not s.method.namespace),
    )


def _source(ctx: Context, meth: ir.Method) -> tuple[str, bool, list[tuple[str, Any, str]]] | None:
    """(model class, many, [(link name, link node, pointer)]) when ``meth``'s response links."""
    if not meth.source_pointer:
        return None
    op, _ = ctx.deref(ctx.resolver.lookup("#" + meth.source_pointer, ""), meth.source_pointer)
    responses = op.get("responses") if isinstance(op, dict) else None
    if not isinstance(responses, dict):
        return None
    for key in sorted(responses, key=str):
        status = str(key)
        if not status.startswith("2"):
            continue
        response, where = ctx.deref(responses[key], f"{meth.source_pointer}/responses/{status}")
        raw = response.get("links") if isinstance(response, dict) else None
        if not isinstance(raw, dict) or not raw:
            continue
        kind = meth.returns.type
        many = isinstance(kind, ListOf)
        item = kind.item if many else kind  # type: ignore[attr-defined]
        if meth.returns.kind != "value" or not isinstance(item, Model) or many and meth.polling:
            ctx.doc.warn(
                "links on a response that is not a component schema (or a list of them) make "
                "no resource object; they are left out",
                f"{where}/links",
            )
            return None
        entries = [(str(k), node, f"{where}/links/{_token(str(k))}") for k, node in raw.items()]
        return item.name, many, entries
    return None


def _link(
    ctx: Context,
    source: ir.Method,
    name: str,
    node: Any,
    where: str,
    by_op: dict[str, ir.Method],
    many: bool,
) -> ir.Link:
    node, where = ctx.deref(node, where)
    if not isinstance(node, dict):
        raise ctx.fail("a link must be a mapping", where)
    if "operationRef" in node:
        raise ctx.fail(
            "operationRef is not supported (name the operation with operationId)",
            f"{where}/operationRef",
        )
    for key in ("requestBody", "server"):
        if key in node:
            raise ctx.fail(f"a link's {key} is not supported", f"{where}/{key}")
    op_id = node.get("operationId")
    if not isinstance(op_id, str) or op_id not in by_op:
        raise ctx.fail(
            f"operationId {op_id!r:.80} names no generated operation", f"{where}/operationId"
        )
    target = by_op[op_id]
    params = node.get("parameters") or {}
    if not isinstance(params, dict):
        raise ctx.fail("a link's parameters must be a mapping", f"{where}/parameters")
    args = [
        _arg(ctx, source, target, str(k), v, f"{where}/parameters/{_token(str(k))}", many)
        for k, v in params.items()
    ]
    description = node.get("description")
    return ir.Link(
        name=method_name(snake_case(name) or "link", OBJECT_MEMBERS),
        link_name=SpecText(name),
        description=SpecText(description if isinstance(description, str) else ""),
        method=target,
        args=tuple(args),
    )


def _arg(
    ctx: Context,
    source: ir.Method,
    target: ir.Method,
    name: str,
    value: Any,
    where: str,
    many: bool,
) -> ir.LinkArg:
    location, wire = "", name
    for prefix in _LOCATIONS:
        if name.startswith(prefix):
            location, wire = prefix[:-1], name[len(prefix) :]
    param = next(
        (
            p
            for p in target.params
            if p.wire_name.value == wire and (not location or p.location == location)
        ),
        None,
    )
    if param is None:
        raise ctx.fail(
            f"parameter {name!r:.80} is not a parameter of {target.operation_id.value!r}", where
        )
    if not isinstance(value, str) or (not value.startswith("$") and "{$" not in value):
        return ir.LinkArg(param=param.name, source="const", value=SpecValue(value))
    if value.startswith("$response.body#/"):
        pointer = tuple(unescape(t) for t in value[len("$response.body#/") :].split("/"))
        _check_pointer(ctx, source, pointer, where, many)
        # the object's data is the payload the method returns (an envelope unwrapped)
        unwrap = tuple(t.value for t in source.returns.unwrap)
        if not many and unwrap:
            if pointer[: len(unwrap)] != unwrap:
                raise ctx.fail(
                    f"{value!r:.80} points outside the payload the method returns "
                    f"(/{'/'.join(unwrap)})",
                    where,
                )
            pointer = pointer[len(unwrap) :]
        text = param.location == "path" and param.annotation == "str"
        return ir.LinkArg(
            param=param.name, source="body", pointer=tuple(map(SpecText, pointer)), text=text
        )
    match = re.fullmatch(r"\$request\.(path)\.(.+)|\$request\.(body)#/([^/]+)", value)
    if match:
        where_in = match.group(1) or match.group(3)
        field = unescape(match.group(2) or match.group(4))
        loc = {"path": ("path",), "body": ("body", "file", "form")}[where_in]
        if not any(p.wire_name.value == field and p.location in loc for p in source.params):
            raise ctx.fail(
                f"{value!r:.80}: {source.operation_id.value!r} has no {where_in} field {field!r}",
                where,
            )
        return ir.LinkArg(param=param.name, source="request", key=f"{where_in}:{field}")
    raise ctx.fail(
        f"runtime expression {value!r:.80} is not supported (supported: {SUPPORTED})", where
    )


def _check_pointer(
    ctx: Context, source: ir.Method, pointer: tuple[str, ...], where: str, many: bool
) -> None:
    """The pointer names members the response schema declares (when it declares any)."""
    op, _ = ctx.deref(ctx.resolver.lookup("#" + source.source_pointer, ""), source.source_pointer)
    schema = _json_schema(ctx, op)
    if many and isinstance(schema, dict):
        schema, _ = ctx.deref(schema.get("items"), where)
    for token in pointer:
        props = _properties(ctx, schema, where)
        if props is None:
            return  # free-form: nothing to check
        if token not in props:
            raise ctx.fail(
                f"$response.body#/{'/'.join(pointer)}: the response schema has no member "
                f"{token!r:.80}",
                where,
            )
        schema = props[token]


def _json_schema(ctx: Context, op: dict[str, Any]) -> Any:
    for status, response in sorted((str(k), v) for k, v in op.get("responses", {}).items()):
        if status.startswith("2"):
            response, _ = ctx.deref(response, "")
            for media, content in (response.get("content") or {}).items():
                if "json" in media and isinstance(content, dict):
                    return ctx.deref(content.get("schema"), "")[0]
    return None


def _properties(ctx: Context, schema: Any, where: str) -> dict[str, Any] | None:
    schema, _ = ctx.deref(schema, where)
    if not isinstance(schema, dict):
        return None
    props: dict[str, Any] = {}
    declared = False
    if isinstance(schema.get("properties"), dict):
        props.update(schema["properties"])
        declared = True
    for part in schema.get("allOf") or ():
        more = _properties(ctx, part, where)
        if more is None:
            return None
        props.update(more)
        declared = True
    return props if declared else None


def _resource(
    ctx: Context, model: str, schema_name: str, own: dict[str, tuple[ir.Link, str]]
) -> ir.Resource:
    schema = ctx.spec.get("components", {}).get("schemas", {}).get(schema_name)
    ext = ctx.ext.node(schema).resource if isinstance(schema, dict) else None
    where = f"/components/schemas/{_token(schema_name)}/x-sdk-resource"
    links = tuple(link for link, _ in own.values())
    names = {link.link_name.value: link.name for link in links}
    problems = []
    refresh = cleanup = ""
    id_pointer: tuple[SpecText, ...] = ()
    if ext is not None:
        for key, value in (("refresh", ext.refresh), ("cleanup", ext.cleanup)):
            if value is not None and value not in names:
                problems.append(
                    ctx.fail(
                        f"{key}: {value!r:.80} is not a link of this schema's responses "
                        f"(links: {', '.join(sorted(names)) or 'none'})",
                        f"{where}/{key}",
                    )
                )
        refresh = names.get(ext.refresh or "", "")
        cleanup = names.get(ext.cleanup or "", "")
        for key, chosen in (("refresh", refresh), ("cleanup", cleanup)):
            link = next((k for k in links if k.name == chosen), None)
            needs = [p.name for p in link.free_params if p.required] if link else []
            if needs:
                problems.append(
                    ctx.fail(
                        f"{key}: the link leaves required arguments unfilled "
                        f"({', '.join(needs)}); it must fill them all",
                        f"{where}/{key}",
                    )
                )
        if ext.id is not None:
            if not ext.id.startswith("/"):
                problems.append(ctx.fail("id must be a JSON pointer such as /id", f"{where}/id"))
            id_pointer = tuple(SpecText(unescape(t)) for t in ext.id[1:].split("/"))
    if problems:
        raise combined(problems)
    if not refresh:  # a linked GET of the same model
        refresh = next(
            (
                link.name
                for link in links
                if link.method.http_method == "GET"
                and link.method.returns.kind == "value"
                and link.method.returns.model == model
                and not any(p.required for p in link.free_params)
            ),
            "",
        )
    description = schema.get("description") if isinstance(schema, dict) else None
    class_name = (ext.class_ if ext is not None else None) or pascal_case(model) + "Object"
    if class_name in ctx.schema_classes.values():
        raise ctx.fail(
            f"class {class_name!r} is the name of a model class (choose another)", f"{where}/class"
        )
    return ir.Resource(
        class_name=class_name,
        model=model,
        description=SpecText(description if isinstance(description, str) else ""),
        links=links,
        id_pointer=id_pointer,
        refresh=refresh,
        cleanup=cleanup,
    )


def _bind(resource: ir.Resource, classes: dict[str, str], sources: list[ir.Source]) -> ir.Resource:
    """Links whose target produces objects return them."""
    produces = {s.method.operation_id.value: s for s in sources}
    links = []
    for link in resource.links:
        made = produces.get(link.method.operation_id.value)
        if made is not None:
            link = replace(link, resource=classes[made.resource], many=made.many)
        links.append(link)
    return replace(resource, links=tuple(links))


def _wait(
    resource: ir.Resource,
    sources: list[ir.Source],
    methods: list[ir.Method],
    modules: dict[str, str],
) -> ir.Resource:
    """``wait()``: the x-sdk-polling of an operation making the object, else of one whose
    status operation is the object's refresh link."""
    refresh = next((k.method for k in resource.links if k.name == resource.refresh), None)
    candidates = [s.method for s in sources if s.resource == resource.model]
    if refresh is not None:
        candidates += [
            m
            for m in methods
            if m.polling is not None
            and m.namespace == refresh.namespace
            and m.polling.status_method == refresh.name
        ]
    polled = next((m for m in candidates if m.polling is not None), None)
    if polled is None or refresh is None:
        return resource
    module = modules.get(polled.namespace, "_client") if polled.namespace else "_client"
    return replace(resource, wait_policy=(module, polled.const_name + "_POLLING"))


def _accepts(resources: list[ir.Resource]) -> dict[tuple[str, str], ir.Accept]:
    """(operationId, argument) -> the object a link fills it from (the first link wins)."""
    found: dict[tuple[str, str], ir.Accept] = {}
    for res in resources:
        for link in res.links:
            for arg in link.args:
                if arg.source == "body":
                    key = (link.method.operation_id.value, arg.param)
                    found.setdefault(
                        key, ir.Accept(arg.param, res.class_name, arg.pointer, arg.text)
                    )
    return found


def _keys(meth: ir.Method) -> list[tuple[str, str]]:
    return [(meth.operation_id.value, p.name) for p in meth.params]


def _namespaces(sources: list[ir.Source]) -> tuple[ir.ObjectNamespace, ...]:
    by_ns: dict[str, list[ir.Source]] = {}
    for s in sources:
        if s.method.namespace:
            by_ns.setdefault(s.method.namespace, []).append(s)
    taken: set[str] = set()
    out = []
    for path, group in by_ns.items():
        attribute = unique(path.replace(".", "_"), taken | OBJECT_MEMBERS)
        taken.add(attribute)
        out.append(
            ir.ObjectNamespace(
                attribute=attribute,
                class_name=pascal_case(attribute) + "Objects",
                sources=tuple(group),
            )
        )
    return tuple(out)


def _token(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")
