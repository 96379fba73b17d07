"""What the package README shows: one method of each kind for its examples (the first in spec
order), chosen here so that the template only renders them (``ir.Docs``)."""

from __future__ import annotations

from dataclasses import replace

from .. import ir
from .pagination import SIZE_PARAMS


def docs_facts(api: ir.Api) -> ir.Docs:
    found: dict[str, ir.Method] = {}
    idempotent: list[ir.Method] = []
    deprecated: list[ir.Method] = []
    polling: list[ir.Method] = []
    # the namespaces' methods first, then the client's own (a stream there is a stream too)
    ordered = [m for ns in api.namespaces for m in ns.methods] + list(api.client_methods)
    # Methods whose every required argument has a real example value first: a README example
    # written with a `...` placeholder (a model argument) does not run or type-check.
    for meth in sorted(ordered, key=lambda m: not _concrete(m)):
        if _catch_all(meth):
            continue  # a raw request to any path (Algolia's ``GET /{path}``): no example
        for kind, fits in _kinds(meth).items():
            if fits:
                found.setdefault(kind, meth)
    for meth in ordered:
        if meth.idempotent:
            idempotent.append(meth)
        if meth.deprecated:
            deprecated.append(meth)
        if meth.polling:
            polling.append(meth)
    plain = [m for m in api.all_methods if not m.polling and m.returns.kind != "stream"]
    candidates = sorted(
        plain or list(api.all_methods), key=lambda m: (_catch_all(m), not _concrete(m))
    )
    get = found.get("get") or found.get("get_below")
    one = get or (candidates[0] if candidates else None)
    page = found.get("page") or found.get("paged")
    docs = ir.Docs(
        one=one,
        get=get,
        page=page,
        page_size=_page_size(page) if page is not None else "",
        poll=found.get("poll"),
        stream=found.get("stream"),
        upload=found.get("upload"),
        create=found.get("create"),
        idempotent=tuple(idempotent),
        deprecated=tuple(deprecated),
        polling=tuple(polling),
        keyed=any(m.keyed for m in api.all_methods),
        # only an example that runs: none rather than one with a placeholder
        nullable=next((m for m in api.all_methods if m.sends_null and _concrete(m)), None),
        authentication=api.package.security.explained,
    )
    return replace(docs, sections=sections(docs))


def sections(docs: ir.Docs) -> tuple[tuple[str, str], ...]:
    """The README's sections: (contents label, heading), the optional ones where they apply."""
    present = {
        "Authentication": docs.authentication,
        "Pagination": docs.page is not None,
        "Streaming": docs.stream is not None,
        "Uploads": docs.upload is not None,
        "Polling futures": docs.poll is not None,
    }
    out = []
    for label in _SECTIONS:
        if present.get(label, True):
            out.append((label, _HEADINGS.get(label, label)))
    return tuple(out)


_SECTIONS = (
    "Quick start",
    "Configuration",
    "Authentication",
    "Per-call options",
    "Retries and idempotency",
    "Timeouts",
    "Errors",
    "Raw responses and rate limits",
    "Pagination",
    "Streaming",
    "Uploads",
    "Polling futures",
    "Logging and secrets",
    "Copies of a client",
    "Thread and task safety",
    "Forward compatibility",
    "Testing against a mock",
    "Command line",
    "Methods",
)
_HEADINGS = {
    "Copies of a client": "Copies of a client: `copy()`, `with_options()`",
    "Testing against a mock": "Testing against a mock of this API version",
}


def _catch_all(meth: ir.Method) -> bool:
    """Whether the path is nothing but parameters (``/{path}``): an operation that sends a
    request of the caller's own to any path, which shows nothing of the API."""
    parts = [p for p in meth.path.value.split("/") if p]
    return bool(parts) and all(p.startswith("{") and p.endswith("}") for p in parts)


def _concrete(meth: ir.Method) -> bool:
    """Every argument a call must pass has an example value (not the ``...`` placeholder)."""
    return all(p.example != "..." for p in meth.params if p.default is None)


def _kinds(meth: ir.Method) -> dict[str, bool]:
    r = meth.returns
    return {
        # one object by its id (``GET /emails/{id}``), else something below one (a list of
        # ``/enrollments/{id}/push/notifications``: Okta's Quick start showed that first)
        "get": _gets_one(meth) and meth.path.value.rstrip("/").endswith("}"),
        "get_below": _gets_one(meth),
        "page": r.kind == "page" and r.pagination is not None and r.pagination.style == "page",
        "paged": r.kind == "page" and r.pagination is not None and r.pagination.style != "single",
        "poll": meth.polling is not None,
        "stream": r.kind == "stream",
        "upload": bool(meth.params_in("file")),
        "create": meth.http_method == "POST"
        and not meth.idempotent
        and not meth.polling
        and not meth.params_in("file")
        and r.kind == "value",
    }


def _gets_one(meth: ir.Method) -> bool:
    r = meth.returns
    return meth.http_method == "GET" and r.kind == "value" and len(meth.params_in("path")) == 1


def _page_size(meth: ir.Method) -> str:
    """The argument of ``meth`` that sizes its pages: the style's own size parameter, else a
    query parameter named like one (``limit``, ``page_size``...), else ``""``."""
    pg = meth.returns.pagination
    assert pg is not None
    own = {"page": pg.size_param, "offset": pg.limit_param}.get(pg.style)
    wanted = [own.value] if own is not None else []
    wanted += list(SIZE_PARAMS)
    query = {p.wire_name.value: p.name for p in meth.params_in("query")}
    return next((query[w] for w in wanted if w in query), "")
