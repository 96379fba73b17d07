"""What a method does beyond one request, from the extensions that name other operations:
``x-sdk-polling`` (the call returns a future that polls a status operation) and
``x-sdk-follow`` (a helper printing a stream's events until a status operation says it ended).

Pagination (``x-sdk-pagination``) is a return shape (generator/build/responses.py); streaming is
inferred from ``text/event-stream`` there too. Every cross-reference problem of the document is
reported at once.
"""

from __future__ import annotations

from dataclasses import replace

from .. import ir
from ..errors import SpecError, combined
from ..naming import follow_argument, snake_case
from ..spectext import SpecText
from .context import Context
from .extensions import Follow, Polling
from .operations import Draft


def resolve(ctx: Context, drafts: list[Draft]) -> list[ir.Method]:
    """The methods of ``drafts`` with their polling and follow helpers filled in."""
    by_op_id: dict[str, ir.Method] = {}
    for d in drafts:  # of an operation's JSON answer and its events, the answer is the status
        key, found = d.method.operation_id.value, by_op_id.get(d.method.operation_id.value)
        if not (d.method.returns.kind == "stream" and found and found.returns.kind != "stream"):
            by_op_id[key] = d.method
    methods = []
    problems: list[SpecError] = []
    for draft in drafts:
        method = draft.method
        try:
            if draft.ext.polling is not None:
                where = f"{draft.pointer}/x-sdk-polling"
                polling = _polling(ctx, draft.ext.polling, method, by_op_id, where)
                method = replace(method, polling=polling)
            if draft.ext.follow is not None:
                where = f"{draft.pointer}/x-sdk-follow"
                follow = _follow(ctx, draft.ext.follow, method, by_op_id, where)
                method = replace(method, follow=follow)
        except SpecError as exc:
            problems.append(exc)
        methods.append(method)
    if problems:
        raise combined(problems)
    return methods


def _polling(
    ctx: Context, spec: Polling, method: ir.Method, by_op_id: dict[str, ir.Method], where: str
) -> ir.Polling:
    status_op = by_op_id.get(spec.status_operation)
    if status_op is None:
        raise ctx.fail("x-sdk-polling.status-operation names no operationId", where)
    if status_op.namespace != method.namespace:
        raise ctx.fail("x-sdk-polling.status-operation must be in the same namespace", where)
    cancel_op = by_op_id.get(spec.cancel_operation) if spec.cancel_operation else None
    if spec.cancel_operation and cancel_op is None:
        raise ctx.fail("x-sdk-polling.cancel-operation names no operationId", where)
    if method.returns.kind != "value" or not method.returns.model:
        raise ctx.fail("x-sdk-polling needs an operation returning a model", where)
    name = spec.name or snake_case(method.returns.model).replace("_", " ")
    return ir.Polling(
        status_method=status_op.name,
        id_field=spec.id_field or "id",
        status_field=SpecText(spec.status_field or "status"),
        progress_field=SpecText(spec.progress_field) if spec.progress_field else None,
        terminal=tuple(SpecText(v) for v in spec.terminal),
        success=tuple(SpecText(v) for v in spec.success),
        cancel_method=cancel_op.name if cancel_op else None,
        failure_error=spec.failure_error or "PollingFailedError",
        failure_attribute=spec.failure_attribute or "result",
        name=SpecText(name),
        error_field=SpecText(spec.error_field) if spec.error_field else None,
    )


def _follow(
    ctx: Context, spec: Follow, method: ir.Method, by_op_id: dict[str, ir.Method], where: str
) -> ir.Follow:
    """A helper that prints the stream's events until the status operation's object is in a
    terminal status."""
    if method.returns.kind != "stream":
        raise ctx.fail("x-sdk-follow needs an operation returning text/event-stream", where)
    status_op = by_op_id.get(spec.status_operation)
    if status_op is None:
        raise ctx.fail("x-sdk-follow.status-operation names no operationId", where)
    if status_op.namespace != method.namespace:
        raise ctx.fail("x-sdk-follow.status-operation must be in the same namespace", where)
    if status_op.returns.kind != "value" or not status_op.returns.model:
        raise ctx.fail("x-sdk-follow.status-operation must return a model", where)
    if [p.name for p in status_op.params_in("path")] != [
        p.name for p in method.params_in("path")
    ] or any(p.required for p in status_op.params if p.location != "path"):
        raise ctx.fail(
            "x-sdk-follow.status-operation must take the stream's path parameters "
            "and nothing else required",
            where,
        )
    taken = {m.name for m in by_op_id.values() if m.namespace == method.namespace}
    if spec.method in taken:
        raise ctx.fail(f"x-sdk-follow.method {spec.method!r} is already a method", where)
    return ir.Follow(
        method=spec.method,
        status_method=status_op.name,
        status_field=spec.status_field,
        terminal=tuple(SpecText(v) for v in spec.terminal),
        line=SpecText(spec.line) if spec.line is not None else None,
        returns=status_op.returns.type,
        args=tuple(follow_argument(p.name) for p in method.params_in("path")),
    )
