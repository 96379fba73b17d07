"""Example calls for the package README, built from the IR (the template only places them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import ir


def example_call(
    meth: ir.Method,
    extra: Iterable[str] = (),
    override: Mapping[str, str] | None = None,
    on: str = "client",
) -> str:
    """``client.files.retrieve("<file_id>", timeout=5.0)``: every required argument with an
    example value (positional ones by position), then ``extra``."""
    override = override or {}
    args = []
    for p in meth.params:
        if p.required:
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
