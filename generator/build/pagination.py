"""How an operation pages: ``x-sdk-pagination`` as written, or inferred from common shapes.

Inference is conservative: only a ``GET`` whose JSON payload (after the envelope and
``x-sdk-unwrap``) is an array or holds exactly one array member (of several, exactly one named
as a list: ``items``, ``data``, ``results``, ``entries``...; Box's ``order`` beside
``entries``), or else holds that list one object down (``list_envelope``: Clerk's
``{"response": {"data": [...], "total_count": N}}``; the page is then that object, added to the
method's unwrap path by ``responses.py``), and only these shapes (the first that fits wins):

1. ``link_header``: the 2xx response declares a ``Link`` header;
2. ``last_item``: a ``starting_after`` query parameter, a boolean ``has_more`` member and items
   with an ``id`` (every variant of a ``oneOf``/``anyOf`` item: Stripe's lists of bank accounts
   and cards; the last item's id is the next page's cursor); also an ``after``
   parameter with the same members when rule 3 finds no next-cursor member (OpenAI's lists);
3. ``cursor``: a query parameter named like a cursor (``cursor``, ``after``, ``page_token``,
   ``marker``, ``continue``...) and a payload member named like the next one
   (``next_cursor``, ``next_page_token``, ``next_marker``...), at the top or one object down;
   or a string ``page`` parameter (a page token, not a number) and a string ``next_page``
   member (Stripe's search lists)
   (``response_metadata.next_cursor``, Kubernetes' ``metadata.continue``, an ``allOf`` of one
   ``$ref`` counting as that object); with an integer ``offset`` parameter too, a walk
   begun without a cursor that gets none back goes on by offset (Box's lists page by
   ``marker`` only when asked to with ``usemarker=true``, else by ``offset``);
4. ``next_url``: a string member ``next`` (``next_url``, ``next_page_url``, ``links.next``...),
   or an object with a string ``href`` there (JSON:API's and HAL's ``links.next.href``), and a
   query parameter that sizes the page (``limit``, ``page[limit]``...);
5. ``offset``: integer query parameters ``offset`` and ``limit``;
6. ``page``: integer query parameters ``page`` and ``per_page`` (``page_size``, ``limit``,
   ``hitsPerPage``...), numbered from 0 when the page's schema says ``minimum: 0`` or
   ``default: 0`` (Algolia), else from 1.

A ``POST`` pages by members of its JSON body (``in_body``): a cursor member with the next one
(or one of the same name) in the answer, else ``page`` and a size with an answer that counts
its pages or items (``nbPages``, ``nbHits``, ``total``...), else ``offset`` and ``limit``.

Anything else is not paginated. ``x-sdk-pagination`` always wins; ``style: none`` turns
inference off for an operation. README "Pagination" lists the same rules.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import ir
from ..errors import pointer
from ..spectext import SpecText
from .context import Context
from .extensions import Pagination as PaginationExt
from .schemas import merged_object, primary_type

CURSOR_PARAMS = ("cursor", "page_token", "pageToken", "next_token", "nextToken", "after",
                 "marker", "continuation_token", "continuationToken", "pagetoken",
                 "continue")  # fmt: skip
NEXT_CURSOR_MEMBERS = ("next_cursor", "nextCursor", "next_page_token", "nextPageToken",
                       "next_token", "nextToken", "next_marker", "nextMarker", "end_cursor",
                       "endCursor", "continuation_token", "continuationToken",
                       "continue")  # fmt: skip
NEXT_URL_MEMBERS = ("next", "next_url", "nextUrl", "next_page_url", "nextPageUrl", "next_link",
                    "nextLink", "next_page_uri", "nextPageUri")  # fmt: skip
SIZE_PARAMS = ("per_page", "perPage", "page_size", "pageSize", "PageSize", "limit", "size", "count",
               "page[limit]", "page[size]", "hitsPerPage")  # fmt: skip
ITEMS_MEMBERS = ("items", "data", "results", "entries", "records", "values", "elements", "hits")
# Members that count the pages or the items of the whole listing (a page walk's end); the
# runtime's ``Pagination`` reads the same spellings.
TOTAL_MEMBERS = ("total_pages", "totalPages", "page_count", "pageCount", "last_page", "nbPages",
                 "total", "total_count", "totalCount", "total_items", "totalItems",
                 "nbHits")  # fmt: skip
HAS_MORE_MEMBERS = ("has_more", "hasMore", "has_next", "hasNext", "more")


def _path(value: str | list[str] | None, default: tuple[str, ...]) -> tuple[SpecText, ...]:
    if value is None:
        return tuple(SpecText(v) for v in default)
    parts = [value] if isinstance(value, str) else value
    return tuple(SpecText(p) for p in parts if p != "")


def declared(spec: PaginationExt) -> ir.Pagination:
    """``x-sdk-pagination`` as written (defaults filled in)."""
    return ir.Pagination(
        style=spec.style,
        items=SpecText(spec.items),
        meta=SpecText(spec.meta),
        page_param=SpecText(spec.page_param),
        size_param=SpecText(spec.size_param),
        offset_param=SpecText(spec.offset_param),
        limit_param=SpecText(spec.limit_param),
        cursor_param=SpecText(spec.cursor_param),
        next_cursor=_path(
            spec.next_cursor, ("id",) if spec.style == "last_item" else ("next_cursor",)
        ),
        next_url=_path(spec.next_url, ("next",)),
        has_more=_path(spec.has_more, ()),
        first_page=spec.first_page,
        in_body=spec.params_in == "body",
    )


def infer(
    ctx: Context,
    op: dict[str, Any],
    schema: Any,
    schema_ptr: str,
    link_header: bool,
    op_ptr: str = "",
) -> ir.Pagination | None:
    """The pagination a ``GET`` operation's shape shows, if it is unambiguous; for a ``POST``
    (``op_ptr`` ends in ``/post``), the shapes whose page parameters are JSON body members."""
    if op_ptr.endswith("/post"):
        return _infer_body(ctx, op, schema, schema_ptr, op_ptr)
    query = query_params(ctx, op, op_ptr)
    resolved, _ = ctx.deref(schema, schema_ptr)
    if not isinstance(resolved, dict):
        return None
    if primary_type(resolved) == "array":
        items, members = "", dict[str, Any]()
    else:
        members = merged_object(ctx, schema, schema_ptr).get("properties") or {}
        arrays = [k for k, v in members.items() if _type(ctx, v) == "array"]
        if len(arrays) > 1:  # Box's {entries: [...], order: [...]}: the one named as a list
            arrays = [k for k in arrays if k in ITEMS_MEMBERS]
        if len(arrays) != 1:
            return None
        items = arrays[0]
    base = ir.Pagination(style="page", items=SpecText(items), meta=SpecText(""), inferred=True)
    if link_header:
        return _replace(base, style="link_header")
    more = _member_path(ctx, members, HAS_MORE_MEMBERS, kind="boolean")
    if "starting_after" in query and more and len(more) == 1 and _item_has_id(ctx, members, items):
        return _replace(base, style="last_item", cursor_param=SpecText("starting_after"),
                        next_cursor=(SpecText("id"),), has_more=more)  # fmt: skip
    cursor = next((p for p in CURSOR_PARAMS if p in query), None)
    found = _member_path(ctx, members, NEXT_CURSOR_MEMBERS)
    if not (cursor and found) and query.get("page") == "string":  # a page token, not a number
        token = _member_path(ctx, members, ("next_page",), kind="string")
        cursor, found = ("page", token) if token else (cursor, found)
    if cursor and found:
        also = query.get("offset") == "integer"  # two ways to page: the cursor, else offset
        return _replace(base, style="cursor", cursor_param=SpecText(cursor), next_cursor=found,
                        or_offset=also)  # fmt: skip
    if "after" in query and more and len(more) == 1 and _item_has_id(ctx, members, items):
        # OpenAI's lists: no next-cursor member, the next page starts after the last item's id
        return _replace(base, style="last_item", cursor_param=SpecText("after"),
                        next_cursor=(SpecText("id"),), has_more=more)  # fmt: skip
    size = next((p for p in SIZE_PARAMS if query.get(p) == "integer"), None)
    next_url = _member_path(ctx, members, NEXT_URL_MEMBERS, kind="string") or _href(ctx, members)
    if next_url and size and not cursor:
        return _replace(base, style="next_url", next_url=next_url)
    has_more = {"has_more": more} if more and len(more) == 1 else {}
    if query.get("offset") == "integer" and query.get("limit") == "integer":
        return _replace(base, style="offset", **has_more)
    if query.get("page") == "integer" and size:
        first = _first_page(ctx, _param_schema(ctx, op, op_ptr, "page"))
        return _replace(base, style="page", page_param=SpecText("page"), size_param=SpecText(size),
                        first_page=first)  # fmt: skip
    return None


def list_member(ctx: Context, schema: Any, schema_ptr: str) -> tuple[str, dict[str, Any]] | None:
    """A payload that is a list: an array (``""``), or an object holding exactly one array
    member (of several, exactly one named as a list: Box's ``order`` beside ``entries``), with
    the object's members; ``None`` for anything else."""
    resolved, _ = ctx.deref(schema, schema_ptr)
    if not isinstance(resolved, dict):
        return None
    if primary_type(resolved) == "array":
        return "", {}
    members = merged_object(ctx, schema, schema_ptr).get("properties") or {}
    arrays = [k for k, v in members.items() if _type(ctx, v) == "array"]
    if len(arrays) > 1:
        arrays = [k for k in arrays if k in ITEMS_MEMBERS]
    return (arrays[0], members) if len(arrays) == 1 else None


def list_envelope(ctx: Context, schema: Any, schema_ptr: str) -> tuple[str, Any, str] | None:
    """``(member, its schema, its pointer)``: the one member of an object payload that wraps
    its list one object down (``{"response": {"data": [...], "total_count": N}}``), for a
    payload that holds no array of its own; ``None`` when there is none, or more than one
    member might be that envelope (not guessed), or the one that might is not certainly an
    object (an object-or-array ``oneOf``: Clerk's ``response`` without ``paginated=true``).

    One level only, and the list there must be named as one (``data``, ``items``...): a
    member that merely holds an array (a ``client`` object with its ``sessions``) is no
    envelope."""
    resolved, _ = ctx.deref(schema, schema_ptr)
    if not isinstance(resolved, dict) or primary_type(resolved) == "array":
        return None
    members = merged_object(ctx, schema, schema_ptr).get("properties") or {}
    if not isinstance(members, dict) or any(_type(ctx, v) == "array" for v in members.values()):
        return None
    found: list[str] = []
    unsure = False
    for name, value in members.items():
        if _type(ctx, value) == "object":
            inner = list_member(ctx, value, "")
            if inner is not None and inner[0] in ITEMS_MEMBERS:
                found.append(str(name))
        if _may_hold_list(ctx, value):
            unsure = True
    if unsure or len(found) != 1:
        return None
    name = found[0]
    return name, members[name], f"{schema_ptr}/properties{pointer(name)}"


def _may_hold_list(ctx: Context, schema: Any) -> bool:
    """Whether a member that is one of several schemas (``oneOf``/``anyOf``) may be a list or
    an object holding one: then it might be the envelope, and which one is is not guessed."""
    merged = _non_null(ctx, schema)
    for key in ("oneOf", "anyOf"):
        variants = merged.get(key)
        for variant in variants if isinstance(variants, list) else []:
            if _type(ctx, variant) == "array" or (
                _type(ctx, variant) == "object" and list_member(ctx, variant, "") is not None
            ):
                return True
    return False


def _infer_body(
    ctx: Context, op: dict[str, Any], schema: Any, schema_ptr: str, op_ptr: str
) -> ir.Pagination | None:
    """A ``POST`` (a search) whose JSON body carries the page parameters, sent again with each
    page's values: a cursor member (``cursor``...) with the next one in the answer (named like
    a next cursor, or the same name: Algolia's ``browse``), else integer ``page`` and a size
    member (``hitsPerPage``...) with an answer that counts its pages or items (``nbPages``,
    ``nbHits``, ``total``...), else integer ``offset`` and ``limit``."""
    body = _body_params(ctx, op)
    if not body:
        return None
    found = list_member(ctx, schema, schema_ptr)
    if found is None:
        return None
    items, members = found
    base = ir.Pagination(style="page", items=SpecText(items), meta=SpecText(""), inferred=True,
                         in_body=True)  # fmt: skip
    kinds = {name: _type(ctx, value) for name, value in body.items()}
    cursor = next(
        (p for p in CURSOR_PARAMS if kinds.get(p) in ("string", None) and p in body), None
    )
    if cursor:
        named = cursor in members and _type(ctx, members[cursor]) == "string"
        same = (SpecText(cursor),) if named else None
        found_next = _member_path(ctx, members, NEXT_CURSOR_MEMBERS) or same
        if found_next:
            return _replace(base, style="cursor", cursor_param=SpecText(cursor),
                            next_cursor=found_next)  # fmt: skip
    size = next((p for p in SIZE_PARAMS if kinds.get(p) == "integer"), None)
    counted = any(_type(ctx, members[m]) == "integer" for m in TOTAL_MEMBERS if m in members)
    if kinds.get("page") == "integer" and size and counted:
        return _replace(base, style="page", page_param=SpecText("page"), size_param=SpecText(size),
                        first_page=_first_page(ctx, body["page"]))  # fmt: skip
    if kinds.get("offset") == "integer" and kinds.get("limit") == "integer":
        more = _member_path(ctx, members, HAS_MORE_MEMBERS, kind="boolean")
        return _replace(
            base, style="offset", **({"has_more": more} if more and len(more) == 1 else {})
        )
    return None


def _body_params(ctx: Context, op: dict[str, Any]) -> dict[str, Any]:
    """The members of an operation's JSON request body (name -> schema): its own, and those of
    each object it may be one of (``oneOf``/``anyOf``: Algolia's search parameters, an object
    or a ``params`` string)."""
    request, _ = ctx.deref(op.get("requestBody") or {}, "")
    content = request.get("content") if isinstance(request, dict) else None
    if not isinstance(content, dict):
        return {}
    media = next((v for k, v in content.items() if k.split(";")[0].strip() == "application/json"),
                 None)  # fmt: skip
    if not isinstance(media, dict) or media.get("schema") is None:
        return {}
    found: dict[str, Any] = dict(merged_object(ctx, media["schema"], "").get("properties") or {})
    resolved, _ = ctx.deref(media["schema"], "")
    for key in ("oneOf", "anyOf"):
        variants = resolved.get(key) if isinstance(resolved, dict) else None
        for variant in variants if isinstance(variants, list) else []:
            for name, value in (merged_object(ctx, variant, "").get("properties") or {}).items():
                found.setdefault(name, value)
    return found


def _param_schema(ctx: Context, op: dict[str, Any], op_ptr: str, name: str) -> Any:
    """The schema of the query parameter ``name`` (the operation's own, else its path item's)."""
    shared: list[Any] = []
    if op_ptr:
        item, _ = ctx.deref({"$ref": "#" + op_ptr.rsplit("/", 1)[0]}, op_ptr)
        listed = item.get("parameters") if isinstance(item, dict) else None
        shared = listed if isinstance(listed, list) else []
    schema: Any = None
    for raw in [*shared, *(op.get("parameters") or [])]:
        param, _ = ctx.deref(raw, "")
        if isinstance(param, dict) and param.get("in") == "query" and param.get("name") == name:
            schema = param.get("schema")
    return schema


def _first_page(ctx: Context, schema: Any) -> int:
    """0 if the page number's schema starts at 0 (``minimum: 0`` or ``default: 0``: Algolia's
    ``page``), else 1."""
    if schema is None:
        return 1
    merged = merged_object(ctx, schema, "")
    zero = [merged.get("default"), _non_null(ctx, schema).get("minimum"), merged.get("minimum")]
    return 0 if any(v == 0 and not isinstance(v, bool) for v in zero) else 1


def _href(ctx: Context, members: dict[str, Any]) -> tuple[SpecText, ...] | None:
    """The path of a next link written as an object with a string ``href`` (JSON:API's and
    HAL's ``links.next.href``, ``_links.next.href``), at the top or one object down."""
    places = [((), members)] + [
        ((outer,), merged_object(ctx, schema, "").get("properties") or {})
        for outer, schema in members.items()
        if _type(ctx, schema) == "object"
    ]
    for outer, props in places:
        for name in NEXT_URL_MEMBERS:
            if name in props and _type(ctx, props[name]) == "object":
                inner = merged_object(ctx, props[name], "").get("properties") or {}
                if "href" in inner and _type(ctx, inner["href"]) in ("string", None):
                    return tuple(SpecText(p) for p in (*outer, name, "href"))
    return None


def _item_has_id(ctx: Context, members: dict[str, Any], items: str) -> bool:
    """Whether the list's items are objects with an ``id`` member: each variant of an item
    that is one of several (``oneOf``/``anyOf``: Stripe's bank accounts and cards) too."""
    if not items:
        return False
    array, _ = ctx.deref(members[items], "")
    item = array.get("items") if isinstance(array, dict) else None
    if item is None:
        return False
    if "id" in (merged_object(ctx, item, "").get("properties") or {}):
        return True
    resolved, _ = ctx.deref(item, "")
    variants = next(
        (v for k in ("oneOf", "anyOf") if isinstance(v := resolved.get(k), list) and v), None
    ) if isinstance(resolved, dict) else None  # fmt: skip
    return variants is not None and all(
        "id" in (merged_object(ctx, v, "").get("properties") or {}) for v in variants
    )


def _replace(base: ir.Pagination, **changes: Any) -> ir.Pagination:
    return replace(base, **changes)


def _type(ctx: Context, schema: Any) -> str | None:
    """The JSON type of a member; a member written as ``allOf: [$ref]`` (Kubernetes'
    ``metadata``, so that a description and default can sit beside the reference) has the
    referenced schema's, one written as ``oneOf`` a type or ``null`` (Algolia's ``page``) that
    type."""
    return primary_type(_non_null(ctx, schema))


def _non_null(ctx: Context, schema: Any) -> dict[str, Any]:
    """The schema, or its one variant that is not ``null`` (``oneOf``/``anyOf``)."""
    merged = merged_object(ctx, schema, "")
    for key in ("oneOf", "anyOf"):
        variants = merged.get(key)
        if primary_type(merged) is None and isinstance(variants, list):
            kept = [v for v in (merged_object(ctx, x, "") for x in variants)
                    if primary_type(v) != "null"]  # fmt: skip
            if len(kept) == 1 and len(variants) == 2:
                return kept[0]
    return merged


def query_params(ctx: Context, op: dict[str, Any], op_ptr: str = "") -> dict[str, str | None]:
    """The operation's query parameters (wire name -> type), those of its path item first
    (Kubernetes declares ``continue`` and ``limit`` there for its all-namespaces lists)."""
    found: dict[str, str | None] = {}
    shared: list[Any] = []
    if op_ptr:
        item, _ = ctx.deref({"$ref": "#" + op_ptr.rsplit("/", 1)[0]}, op_ptr)
        listed = item.get("parameters") if isinstance(item, dict) else None
        shared = listed if isinstance(listed, list) else []
    for raw in [*shared, *(op.get("parameters") or [])]:
        param, _ = ctx.deref(raw, "")
        if isinstance(param, dict) and param.get("in") == "query":
            schema = param.get("schema")
            found[str(param.get("name"))] = _type(ctx, schema) if schema is not None else None
    return found


def _member_path(
    ctx: Context, members: dict[str, Any], names: tuple[str, ...], kind: str | None = None
) -> tuple[SpecText, ...] | None:
    """The path of the first member named in ``names`` (of type ``kind`` if given), at the top
    of the payload or inside one of its object members."""
    for name in names:
        if name in members and (kind is None or _type(ctx, members[name]) in (kind, None)):
            if _type(ctx, members[name]) not in ("object", "array"):
                return (SpecText(name),)
    for outer, schema in members.items():
        if _type(ctx, schema) != "object":
            continue
        inner = merged_object(ctx, schema, "").get("properties") or {}
        for name in names:
            wanted = (kind, None) if kind else ("string", "integer", None)
            if name in inner and _type(ctx, inner[name]) in wanted:
                return (SpecText(outer), SpecText(name))
    return None
