"""What the walk over ``paths`` reports besides methods (generator/build/operations.py).

Warnings for what a client ignores (webhooks, an operation's callbacks), the warning and the
``Api.skipped`` entry of an operation left out (``skip_unsupported``), and the errors that stop
the build: every operation that cannot be generated, at once, or no operation to generate.
"""

from __future__ import annotations

from typing import Any

from .. import ir
from ..errors import SpecError, combined, pointer
from .context import Context


def blocked_error(ctx: Context) -> SpecError:
    """Every problem of every operation that cannot be generated, one located line each, and
    what to do."""
    count = ctx.blocked
    if len(ctx.blockers) == 1:
        return ctx.blockers[0]
    hint = SpecError(
        f"{count} operation{'s' if count > 1 else ''} cannot be generated as written "
        "(see above); `generate --skip-unsupported` leaves out what cannot be generated (the "
        "operation, or an optional parameter), with a warning each",
        file=str(ctx.doc.path),
        pointer="/paths",
        line=ctx.doc.line_of("/paths"),
    )
    return combined([*ctx.blockers, hint])


def skip_operation(
    ctx: Context, verb: str, path: str, op: Any, exc: SpecError, more: int = 0
) -> None:
    """Leave an operation out (``skip_unsupported``): a located warning naming its first
    problem (and how many more it has), and an entry in ``Api.skipped``."""
    op_id = str(op.get("operationId") or "") if isinstance(op, dict) else ""
    where = exc.pointer or pointer("paths", path, verb)
    also = f" ({more} more problem{'s' if more > 1 else ''} in it)" if more else ""
    ctx.warn(f"{exc.message}; operation {verb.upper()} {path} skipped{also}", where)
    ctx.skipped.append(
        ir.Skipped(
            operation=f"{verb.upper()} {path}",
            operation_id=op_id,
            reason=exc.message,
            pointer=where,
            line=ctx.doc.line_of(where),
        )
    )


def no_operations(ctx: Context) -> None:
    """The error for a walk that made no method: every operation skipped, only webhooks, or
    no operations at all."""
    if ctx.skipped:
        raise ctx.fail(
            f"every operation uses an unsupported feature ({len(ctx.skipped)} skipped): "
            "nothing to generate",
            "/paths",
        )
    if ctx.spec.get("webhooks"):
        raise ctx.fail(
            "webhooks are not supported, and the document has no paths: "
            "there is no client to generate",
            "/webhooks",
        )
    raise ctx.fail("the document has no operations: there is no client to generate", "/paths")


def note_webhooks(ctx: Context) -> None:
    """A warning for the document's webhooks, beside paths (the client only sends requests)."""
    webhooks = ctx.spec.get("webhooks")
    if isinstance(webhooks, dict) and webhooks and ctx.spec.get("paths"):
        ctx.warn(
            f"webhooks are not supported: {len(webhooks)} webhook(s) ignored "
            "(the client only sends requests)",
            "/webhooks",
        )


def note_ignored(ctx: Context, op: dict[str, Any], op_ptr: str) -> None:
    """A warning for what an operation declares that the client ignores (its callbacks)."""
    if op.get("callbacks"):
        ctx.warn(
            "callbacks are not supported: ignored (the client only sends requests)",
            f"{op_ptr}/callbacks",
        )
