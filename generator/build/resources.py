"""Response ``links`` (+ ``x-sdk-resource`` on the component schema) -> the object layer
(``ir.Objects``, rendered by templates/resources/ into ``<package>/objects.py``).

A 2xx response that declares ``links`` and returns a component model (or a list of them, or
pages of them: a paginated list; a link's pointer then names a member of each item) makes that
model a *resource*: its objects hold the client, the model (``.data``) and the path, query,
header and body values of the request that produced them; each link is a method of the object
calling the link's ``operationId`` with its arguments filled in (generator/build/links.py reads
one link). An argument a link fills from an object's data, or one ``x-sdk-resource`` ``id-in``
names, also takes the object in the object layer. An unsupported link is a located error; with
``--skip-unsupported`` a warning, and the link is left out.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import ir
from ..errors import SpecError, combined
from ..ir.types import ListOf, Model, OptionalOf, Paged
from ..naming import pascal_case, unique
from ..read.refs import unescape
from ..spectext import SpecText
from .context import Context
from .extensions import ResourceExt
from .links import OBJECT_MEMBERS, read_link, takes_text, target_param, token

# What objects.py defines for paged lists (templates/resources/objects.py.jinja).
PAGE_CLASSES = frozenset({"ObjectPage", "AsyncObjectPage"})
Found = tuple[ir.Method, str, bool, list[tuple[str, Any, str]]]  # see _source


def object_layer(
    ctx: Context, methods: list[ir.Method], prefix: str, modules: dict[str, str]
) -> ir.Objects | None:
    """The object layer of the document, or None when no response declares links.
    ``modules``: namespace path -> the module defining its methods' constants."""
    by_op = {m.operation_id.value: m for m in reversed(methods) if m.operation_id.value}
    found = [(meth, *entry) for meth in methods if (entry := _source(ctx, meth)) is not None]
    if not found:
        return None
    if prefix in ctx.schema_classes.values():
        prefix += "Objects"
    model_of = {cls: name for name, cls in ctx.schema_classes.items()}
    links = _links(ctx, found, by_op)
    made = [ir.Source(method=meth, resource=model, many=many) for meth, model, many, _ in found]
    resources, problems, id_in = [], [], {}
    for model, own in links.items():
        try:
            res, taken = _resource(ctx, model, model_of.get(model, ""), own, by_op)
        except SpecError as exc:
            problems.append(exc)
            continue
        resources.append(res)
        id_in.update({key: a for key, a in taken.items() if key not in id_in})
    if problems:
        raise combined(problems)
    classes = {r.model: r.class_name for r in resources}
    resources = [_wait(_bind(r, classes, made), made, methods, modules) for r in resources]
    accepts = {**id_in, **_accepts(resources)}  # a link's own pointer wins over id-in
    resources = [_with_accepts(r, accepts) for r in resources]
    sources = _sources(made, methods, classes, accepts)
    return ir.Objects(
        class_name=prefix,
        resources=tuple(resources),
        namespaces=_namespaces(sources),
        client_sources=tuple(s for s in sources if not s.method.namespace),
    )


def _links(
    ctx: Context, found: list[Found], by_op: dict[str, ir.Method]
) -> dict[str, dict[str, tuple[ir.Link, str]]]:
    """model class -> link method name -> (link, pointer): every response's links, by name
    (the first wins); every bad link is reported at once."""
    problems: list[SpecError] = []
    links: dict[str, dict[str, tuple[ir.Link, str]]] = {}
    for meth, model, many, raw_links in found:
        own = links.setdefault(model, {})
        for name, node, where in raw_links:
            try:
                made = read_link(ctx, meth, name, node, where, by_op, many)
            except SpecError as exc:
                if not ctx.skip_unsupported:
                    problems.append(exc)
                    continue
                ctx.doc.warn(f"{exc.message} (the link is left out)", exc.pointer or where)
                continue
            own.setdefault(made.name, (made, where))
    if problems:
        raise combined(problems)
    return links


def _sources(
    made: list[ir.Source],
    methods: list[ir.Method],
    classes: dict[str, str],
    accepts: dict[tuple[str, str], ir.Accept],
) -> list[ir.Source]:
    """The object layer's namespace methods: those making objects, then those taking them."""
    sources = [
        ir.Source(s.method, classes[s.resource], s.many, _taken(s.method, accepts)) for s in made
    ]
    making = {s.method.operation_id.value for s in made}
    for meth in methods:  # methods taking an object where its member goes
        taken = _taken(meth, accepts)
        if taken and meth.operation_id.value not in making:
            sources.append(ir.Source(meth, "", False, taken))
    return sources


def _taken(meth: ir.Method, accepts: dict[tuple[str, str], ir.Accept]) -> tuple[ir.Accept, ...]:
    return tuple(accepts[key] for key in _keys(meth) if key in accepts)


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
        many = isinstance(kind, (ListOf, Paged))  # a list, or pages: each item an object
        item = kind.item if many else kind  # type: ignore[attr-defined]
        if (
            meth.returns.kind not in ("value", "page")
            or not isinstance(item, Model)
            or many
            and meth.polling
        ):
            ctx.doc.warn(
                "links on a response that is not a component schema (or a list or pages of "
                "them) make no resource object; they are left out",
                f"{where}/links",
            )
            return None
        entries = [(str(k), node, f"{where}/links/{token(str(k))}") for k, node in raw.items()]
        return item.name, many, entries
    return None


def _resource(
    ctx: Context,
    model: str,
    schema_name: str,
    own: dict[str, tuple[ir.Link, str]],
    by_op: dict[str, ir.Method],
) -> tuple[ir.Resource, dict[tuple[str, str], ir.Accept]]:
    """The resource of ``model`` with its links and ``x-sdk-resource``, and the arguments its
    ``id-in`` says take its id."""
    schema = ctx.spec.get("components", {}).get("schemas", {}).get(schema_name)
    ext = ctx.ext.node(schema).resource if isinstance(schema, dict) else None
    where = f"/components/schemas/{token(schema_name)}/x-sdk-resource"
    links = tuple(k for k, _ in own.values())
    refresh, cleanup = _chosen_links(ctx, ext, links, where)
    id_pointer: tuple[SpecText, ...] = ()
    if ext is not None and ext.id is not None:
        if not ext.id.startswith("/"):
            raise ctx.fail("id must be a JSON pointer such as /id", f"{where}/id")
        id_pointer = tuple(SpecText(unescape(t)) for t in ext.id[1:].split("/"))
    if not refresh:  # a linked GET of the same model
        refresh = next(
            (
                k.name
                for k in links
                if k.method.http_method == "GET"
                and k.method.returns.kind == "value"
                and k.method.returns.model == model
                and not any(p.required for p in k.free_params)
            ),
            "",
        )
    description = schema.get("description") if isinstance(schema, dict) else None
    class_name = (ext.class_ if ext is not None else None) or pascal_case(model) + "Object"
    if class_name in ctx.schema_classes.values():
        raise ctx.fail(
            f"class {class_name!r} is the name of a model class (choose another)", f"{where}/class"
        )
    if class_name in PAGE_CLASSES:
        raise ctx.fail(
            f"class {class_name!r} is the object layer's page class (choose another)",
            f"{where}/class",
        )
    resource = ir.Resource(
        class_name=class_name,
        model=model,
        description=SpecText(description if isinstance(description, str) else ""),
        links=links,
        id_pointer=id_pointer,
        refresh=refresh,
        cleanup=cleanup,
    )
    return resource, _id_in(ctx, ext, resource, by_op, where)


def _chosen_links(
    ctx: Context, ext: ResourceExt | None, links: tuple[ir.Link, ...], where: str
) -> tuple[str, str]:
    """The methods of ``x-sdk-resource``'s ``refresh`` and ``cleanup`` links ("" = none)."""
    if ext is None:
        return "", ""
    names = {k.link_name.value: k.name for k in links}
    problems = []
    for key, value in (("refresh", ext.refresh), ("cleanup", ext.cleanup)):
        if value is None:
            continue
        if value not in names:
            problems.append(
                ctx.fail(
                    f"{key}: {value!r:.80} is not a link of this schema's responses "
                    f"(links: {', '.join(sorted(names)) or 'none'})",
                    f"{where}/{key}",
                )
            )
            continue
        chosen = next(k for k in links if k.name == names[value])
        needs = [p.name for p in chosen.free_params if p.required]
        if needs:
            problems.append(
                ctx.fail(
                    f"{key}: the link leaves required arguments unfilled "
                    f"({', '.join(needs)}); it must fill them all",
                    f"{where}/{key}",
                )
            )
    if problems:
        raise combined(problems)
    return names.get(ext.refresh or "", ""), names.get(ext.cleanup or "", "")


def _id_in(
    ctx: Context,
    ext: ResourceExt | None,
    resource: ir.Resource,
    by_op: dict[str, ir.Method],
    where: str,
) -> dict[tuple[str, str], ir.Accept]:
    """``x-sdk-resource`` ``id-in: {operationId: [argument, ...]}``: the arguments (parameters
    or body properties, as link parameters name them) that take the object's id; a list
    argument takes a list of ids or objects."""
    if ext is None or not ext.id_in:
        return {}
    if not resource.id_pointer:
        raise ctx.fail("id-in needs id (the object's id property)", f"{where}/id-in")
    found: dict[tuple[str, str], ir.Accept] = {}
    problems = []
    for op_id, names in ext.id_in.items():
        at = f"{where}/id-in/{token(op_id)}"
        if op_id not in by_op:
            problems.append(ctx.fail(f"{op_id!r:.80} names no generated operation", at))
            continue
        for i, name in enumerate(names):
            try:
                param = target_param(ctx, by_op[op_id], name, "", f"{at}/{i}")
            except SpecError as exc:
                problems.append(exc)
                continue
            found[(op_id, param.name)] = _accept(param, resource)
    if problems:
        raise combined(problems)
    return found


def _accept(param: ir.Param, resource: ir.Resource) -> ir.Accept:
    kind, optional = param.type, False
    if isinstance(kind, OptionalOf):
        kind, optional = kind.inner, True
    if isinstance(kind, ListOf):
        return ir.Accept(
            param.name,
            resource.class_name,
            resource.id_pointer,
            each=kind.item.render(),
            optional=optional,
        )
    return ir.Accept(param.name, resource.class_name, resource.id_pointer, takes_text(param))


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
        for k in res.links:
            for arg in k.args:
                if arg.source == "body":
                    key = (k.method.operation_id.value, arg.param)
                    found.setdefault(
                        key, ir.Accept(arg.param, res.class_name, arg.pointer, arg.text)
                    )
    return found


def _with_accepts(resource: ir.Resource, accepts: dict[tuple[str, str], ir.Accept]) -> ir.Resource:
    """A link method's free arguments take objects too (``file.create_run(reward_file_id=f)``)."""
    links = []
    for k in resource.links:
        free = {p.name for p in k.free_params}
        taken = tuple(a for a in _taken(k.method, accepts) if a.param in free)
        links.append(replace(k, accepts=taken))
    return replace(resource, links=tuple(links))


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
