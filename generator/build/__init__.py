"""Stage 2: a read, valid spec -> the intermediate model (``ir.Api``).

In order, each step once:

1. ``extensions``: every ``x-sdk-*`` extension checked against one typed schema;
2. ``package``: the package facts (names, defaults, security);
3. ``naming.plan_class_names``: a Python class name for every component schema;
4. ``operations``: each operation -> methods (``parameters``, ``bodies`` -> ``arguments``;
   ``responses``; ``types``); ``grouping.short_names``: names without their namespace's words;
5. ``behaviours``: polling futures and follow helpers, which name other operations;
6. ``grouping``: namespaces and the client's own methods.

``docs`` then computes what the README shows (examples, sections).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .. import ir
from ..errors import SpecError
from ..ir.types import ListOf
from ..models.lift import lift_inline
from ..naming import plan_class_names
from ..read.load import SpecDocument
from .behaviours import resolve
from .context import Context
from .docs import docs_facts
from .extensions import read_extensions
from .grouping import group, shared_words, short_names
from .operations import Draft, operations
from .package import package_facts
from .path_names import collections, path_names
from .resources import object_layer
from .responses import stream_partners
from .types import TypeBuilder

__all__ = ["build_api", "component_schemas"]


def component_schemas(spec: dict[str, Any]) -> dict[str, Any]:
    components = spec.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    return schemas if isinstance(schemas, dict) else {}


def without_shared_words(drafts: list[Draft]) -> tuple[list[Draft], dict[str, str]]:
    """Drafts whose namespaces leave out the word every namespace shares
    (grouping.shared_words), and the names changed (old -> new)."""
    renamed = shared_words([(d.method.namespace, d.ext.namespace is not None) for d in drafts])
    changed = []
    for d in drafts:
        top, dot, rest = d.method.namespace.partition(".")
        if d.ext.namespace is None and top in renamed:
            d = replace(d, method=replace(d.method, namespace=renamed[top] + dot + rest))
        changed.append(d)
    return changed, renamed


def shorten(
    drafts: list[Draft], paths: list[str] | None = None, listing: dict[str, bool] | None = None
) -> list[Draft]:
    """Drafts whose method names do not repeat their namespace (grouping.short_names).
    Names made from verb and path without the version prefix take it back where two of one
    namespace would otherwise be alike (``GET /v1/pets``, ``GET /v2/pets``). A name that only
    spells the verb and path is named from the path's shape (path_names), where that name is
    not another method's of the namespace; ``paths``: the document's (default: the drafts');
    ``listing``: whether a GET's JSON answer is a list, by operation pointer
    (``Context.listing``)."""
    seen = Counter((d.method.namespace, d.method.name) for d in drafts)
    drafts = [
        replace(d, method=replace(d.method, name=d.versioned_name))
        if d.versioned_name and seen[(d.method.namespace, d.method.name)] > 1
        else d
        for d in drafts
    ]
    entries = [(d.method.namespace, d.method.name, d.given_name) for d in drafts]
    known = collections(paths if paths is not None else [d.method.path.value for d in drafts])
    names = _shaped(drafts, short_names(entries), known, listing or {})
    return [
        d if name == d.method.name else replace(d, method=replace(d.method, name=name))
        for d, name in zip(drafts, names, strict=True)
    ]


def _shaped(
    drafts: list[Draft],
    names: list[str],
    known: frozenset[tuple[str, ...]],
    listing: dict[str, bool],
) -> list[str]:
    """``names`` with the path-shaped name (path_names.path_names) of each method whose name
    spells its verb and path, unless another method of its namespace has or takes that name,
    or a namespace nested in it is called so: then its next path-shaped name (the one with the
    item's word: ``list_folder_collaborations``), else it keeps ``names``'."""
    beside: dict[str, set[str]] = {}
    listed: dict[str, str | None] = {}
    for d in drafts:
        beside.setdefault(d.method.path.value, set()).add(d.method.http_method.upper())
        if d.method.http_method.upper() == "GET":
            listed[d.method.path.value] = _listed(d.method.returns, listing.get(d.pointer))
    nested: set[tuple[str, str]] = set()
    for d in drafts:
        parts = d.method.namespace.split(".")
        nested.update((".".join(parts[:i]), parts[i]) for i in range(1, len(parts)))
    out = list(names)
    choices: dict[int, list[str]] = {}
    for index, d in enumerate(drafts):
        m = d.method
        if d.path_spelt and m.namespace:
            path = m.path.value
            shaped = path_names(
                m.http_method, path, m.namespace, known, beside[path], listed.get(path)
            )
            if shaped:
                choices[index] = list(shaped[1:])
                out[index] = shaped[0]
    while True:
        owners: dict[tuple[str, str], list[int]] = {}
        for index, d in enumerate(drafts):
            owners.setdefault((d.method.namespace, out[index]), []).append(index)
        clashing = [
            index
            for (namespace, name), same in owners.items()
            for index in same
            if (len(same) > 1 or (namespace, name) in nested) and out[index] != names[index]
        ]
        if not clashing:
            return out
        further = [index for index in clashing if choices.get(index)]
        for index in further or clashing:  # the next names first; else back to ``names``
            out[index] = choices[index].pop(0) if further else names[index]


def _listed(returns: ir.Returns, json_list: bool | None) -> str | None:
    """What a GET answers: ``"page"`` (a page or an array), ``"list"`` (an object holding one
    list: pagination.list_member, ``json_list``), ``"one"`` (another object, bytes, a
    stream) or ``None`` (no schema says)."""
    if returns.kind == "page" or isinstance(returns.type, ListOf):
        return "page"
    if json_list is not None and returns.kind == "value":
        return "list" if json_list else "one"
    if returns.kind in ("bytes", "stream") or returns.model is not None:
        return "one"
    return None


def build_api(
    doc: SpecDocument,
    *,
    package_version: str = "0",
    skip_unsupported: bool = False,
    package: str | None = None,
    invalid: dict[str, SpecError] | None = None,
    planned: Callable[[dict[str, str]], None] | None = None,
) -> ir.Api:
    """The intermediate model of one (validated) spec.

    With ``skip_unsupported``, an operation using a feature the generator cannot represent is
    left out (a located warning, and an entry in ``Api.skipped``) instead of stopping the run.
    ``package`` overrides the package name (``info.x-sdk.package``, else from ``info.title``).
    ``invalid``: operations the validator found a problem in (pointer -> the problem), left out
    like unsupported ones (``read.validate.validate_document(by_operation=True)``).
    ``planned`` is given the class names as soon as they are planned (every component schema
    and every lifted one: ``Api.schemas`` is these, less the lifted schemas no method or
    component names), for the models worker (generator/parallel.py).
    """
    where = ["/info"]  # what is being read, for the internal-error safety net
    try:
        ext = read_extensions(doc)
        pkg = package_facts(doc, ext, package_version, package)
        lifted = lift_inline(doc.data)  # inline schemas of operations get classes too
        names = [*component_schemas(doc.data), *lifted.schemas]
        classes = plan_class_names(names, pkg.runtime_class_names())
        if planned is not None:
            planned(classes)
        ctx = Context(doc, ext, classes, skip_unsupported=skip_unsupported, inline=lifted.at)
        ctx.invalid = dict(invalid or {})
        ctx.envelope = pkg.envelope_data.value if pkg.envelope_data is not None else None
        where = ctx.current_ref
        drafts = operations(ctx, TypeBuilder(ctx))
        drafts, renamed = without_shared_words(drafts)
        paths = doc.data.get("paths")
        methods = resolve(
            ctx, shorten(drafts, list(paths) if isinstance(paths, dict) else None, ctx.listing)
        )
        methods = stream_partners(methods)  # names known: a list's watch=True -> its stream
        namespaces, client_methods = group(doc.data, pkg, methods, classes, renamed)
        every = [*client_methods, *(m for ns in namespaces for m in ns.methods)]
        modules = {ns.access: f"resources.{ns.name}" for ns in namespaces}
        objects = object_layer(ctx, every, pkg.prefix, modules)  # resource objects from links
        # inline schemas neither a method nor a component names get no class
        models = lifted.reachable(ctx.inline_used | lifted.patched)
    except SpecError:
        raise
    except RecursionError:
        raise doc.error("the document nests too deeply to be read", where[0]) from None
    except Exception as exc:  # a generator bug: still one located line, never a traceback
        raise doc.error(
            f"internal error while reading this part of the spec ({type(exc).__name__}: "
            f"{exc}); please report it as a generator bug",
            where[0],
        ) from None
    api = ir.Api(
        package=pkg,
        namespaces=namespaces,
        client_methods=client_methods,
        schemas={k: v for k, v in classes.items() if k not in lifted.schemas or k in models},
        skipped=tuple(ctx.skipped),
        omitted=tuple(ctx.omitted),
        objects=objects,
    )
    return replace(api, docs=docs_facts(api))
