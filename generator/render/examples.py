"""Example calls for the package README, built from the IR (the template only places them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import ir
from ..ir.types import Import, Type


def example_call(
    meth: ir.Method,
    extra: Iterable[str] = (),
    override: Mapping[str, str] | None = None,
    on: str = "client",
) -> str:
    """``client.files.retrieve("<file_id>", timeout=5.0)``: every required argument with an
    example value (positional ones by position), and every argument ``override`` names
    (an optional file the Uploads example passes), then ``extra``."""
    override = override or {}
    args = []
    for p in meth.params:
        if p.required or p.name in override:
            value = override.get(p.name, p.example)
            args.append(value if p.positional else f"{p.name}={value}")
    args.extend(extra)
    return f"{on}.{meth.qualified_name}({', '.join(args)})"


def follow_call(meth: ir.Method, extra: Iterable[str] = (), on: str = "client") -> str:
    """``client.runs.follow(42)``: the ``x-sdk-follow`` helper of the stream method ``meth``,
    which takes the stream's path parameters (by position), then ``extra``."""
    assert meth.follow is not None
    args = [p.example for p in meth.params_in("path")] + list(extra)
    prefix = f"{meth.namespace}." if meth.namespace else ""
    return f"{on}.{prefix}{meth.follow.method}({', '.join(args)})"


def short_signature(meth: ir.Method) -> str:
    """``retrieve(file_id, *, lines=20)``: the arguments without types (api.md), the per-call
    options left out, a future's own options in."""
    args = [_arg(p) for p in meth.params if p.positional]
    keywords = [_arg(p) for p in meth.params if not p.positional]
    if meth.polling is not None:
        keywords += ["poll_interval=None", "max_timeout=None"]
    if keywords:
        args += ["*", *keywords]
    return f"{meth.name}({', '.join(args)})"


def _arg(p: ir.Param) -> str:
    return p.name if p.default_source is None else f"{p.name}={p.default_source}"


def typed_example(api: ir.Api) -> str:
    """api.md's example: one call of each kind, assigned to a variable annotated with the type
    api.md names (checked by ``mypy --strict`` in tests/examples), ending with a future's
    ``result(progress=True)`` and a stream's follow helper where they exist."""
    pkg, docs = api.package, api.docs
    found: set[Import] = {Import(".", pkg.client)}
    lines: list[str] = []

    def assign(var: str, annotation: str, value: str, kinds: Iterable[Type] = ()) -> None:
        for kind in kinds:
            found.update(kind.imports())
        lines.append(f"{var}: {annotation} = {value}")

    if docs.one is not None and docs.one.returns.kind == "none":
        lines.append(example_call(docs.one))
    elif docs.one is not None:
        r = docs.one.returns
        assign("value", r.annotation, example_call(docs.one), [r.type])
    if docs.page is not None:
        r = docs.page.returns
        assign("page", r.annotation, example_call(docs.page), [r.type])
    if docs.stream is not None:
        r = docs.stream.returns
        found.add(Import(".", "EventStream"))
        assign("stream", f"EventStream[{r.annotation}]", example_call(docs.stream), [r.type])
        lines.append("stream.close()  # no request was made: it is made when iteration starts")
    if docs.poll is not None and docs.poll.polling is not None:
        r = docs.poll.returns
        future = f"{pkg.prefix}PollingFuture"
        found.add(Import(".", future))
        assign("future", f"{future}[{r.annotation}]", example_call(docs.poll), [r.type])
        assign("done", r.annotation, "future.result(progress=True)")
    followed = next((m for m in api.all_methods if m.follow is not None), None)
    if followed is not None and followed.follow is not None:
        follow = followed.follow
        assign("final", follow.returns.render(), follow_call(followed), [follow.returns])
    client = f"client = {pkg.client}()"
    return "\n".join([*_import_lines(pkg.name, found), "", client, *lines])


def type_imports(package: str, kind: Type) -> str:
    """The import lines of the names ``kind``'s annotation uses, as a user writes them."""
    return "\n".join(_import_lines(package, kind.imports()))


def _import_lines(package: str, found: Iterable[Import]) -> list[str]:
    modules: dict[str, set[str]] = {}
    for i in found:
        if i.module:  # "" is a builtin (None)
            modules.setdefault(_public_module(package, i.module), set()).add(i.name)
    return [f"from {m} import {', '.join(sorted(names))}" for m, names in sorted(modules.items())]


def _public_module(package: str, module: str) -> str:
    """Where a user imports a name from: the package's models from ``<package>.models``, its
    other own names from its top level (which exports every type api.md names)."""
    if module == ".models":
        return f"{package}.models"
    return package if module.startswith(".") else module
