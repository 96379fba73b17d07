"""Operations -> methods: the walk over ``paths``, the namespace and name of each method.

Each operation gives one method per request variant (generator/build/bodies.py). Anything the
generator cannot represent stops with a located SpecError naming the feature; with
``skip_unsupported`` the operation is left out instead (a located warning, and an entry in
``Api.skipped``). Polling and follow helpers, which name other operations, are resolved after
the walk (generator/build/behaviours.py). What the walk warns of and the errors that stop it are
in generator/build/notes.py; names spelt from the path, in generator/build/path_names.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from .. import ir
from ..errors import Blockers, SpecError, pointer
from ..ir.methods import IDEMPOTENCY_ARGUMENT, IDEMPOTENCY_HEADER, KEYED_METHODS
from ..ir.types import Scalar
from ..naming import method_name, namespace_name
from ..spectext import SpecText, SpecValue, clean_text, prose
from .arguments import order
from .bodies import BodyVariant, body_variants
from .context import Context
from .extensions import HTTP_METHODS, OperationExt
from .grouping import adopt_untagged, collection_tags, namespace_path, operation_tag, tag_groups
from .notes import blocked_error, no_operations, note_ignored, note_webhooks, skip_operation
from .parameters import PATH_TEMPLATE, parameters
from .path_names import default_method_name, path_namespace, spells_path
from .responses import returns
from .security import operation_security
from .servers import operation_server
from .types import TypeBuilder

T = TypeVar("T")


@dataclass
class Draft:
    """An operation's method before cross-references (polling, follow) are resolved."""

    method: ir.Method
    ext: OperationExt
    pointer: str
    given_name: bool = False  # the name is the spec's own (x-sdk-method), kept as written
    # verb + path with the version prefix kept (``get_v1_pets``), when the name was made
    # without it (``get_pets``): ``build.shorten`` takes it back if that name is not unique
    versioned_name: str | None = None
    untagged: bool = False  # no tag, no x-sdk-namespace: the namespace came from the path
    # the name only spells the HTTP method and the path (no operationId, or one such as
    # InfluxDB's ``GetBucketsID``): ``build.shorten`` may name it from the path's shape
    path_spelt: bool = False


def operations(ctx: Context, types: TypeBuilder) -> list[Draft]:
    """Every operation of ``paths``, in document order, as drafts of methods."""
    paths = ctx.spec.get("paths")
    if paths is None:
        paths = {}
    if not isinstance(paths, dict):
        raise ctx.fail("paths must be a mapping", "/paths")
    note_webhooks(ctx)
    ctx.tag_groups = tag_groups(ctx.spec)
    ctx.collection_tags = collection_tags(ctx.spec)
    drafts: list[Draft] = []
    for raw_path, raw_item in paths.items():
        path = str(raw_path)
        if path.startswith("x-"):
            continue
        item_ptr = pointer("paths", path)
        ctx.current = item_ptr
        item, item_ptr = ctx.deref(raw_item, item_ptr)
        if not isinstance(item, dict):
            raise ctx.fail("a path item must be a mapping", item_ptr)
        for verb in HTTP_METHODS:
            if verb in item:
                drafts.extend(_guarded(ctx, types, path, verb, item, item_ptr))
    ctx.operation_label = ""  # warnings from here on are not about one operation
    if ctx.blockers:
        raise blocked_error(ctx)
    if not drafts:
        no_operations(ctx)
    entries = [(d.method.path.value, d.method.namespace, d.untagged) for d in drafts]
    return [
        d if ns == d.method.namespace else replace(d, method=replace(d.method, namespace=ns))
        for d, ns in zip(drafts, adopt_untagged(entries), strict=True)
    ]


def _guarded(
    ctx: Context, types: TypeBuilder, path: str, verb: str, item: dict[str, Any], item_ptr: str
) -> list[Draft]:
    """The drafts of one operation, or none when it is skipped (``skip_unsupported``)."""
    op_ptr = f"{item_ptr}/{verb}"
    ctx.current = op_ptr
    ctx.operation_label = f"{verb.upper()} {path}"
    problems: list[SpecError] = []
    if op_ptr in ctx.invalid:  # the validator's finding (skip_unsupported only): not read
        skip_operation(ctx, verb, path, item[verb], ctx.invalid[op_ptr])
        return []
    try:
        check_path(ctx, path, pointer("paths", path))
        shared = item.get("parameters") or []
        drafts = operation(ctx, types, path, verb, item[verb], shared, item_ptr, op_ptr)
    except SpecError as exc:
        problems.extend(exc.problems if isinstance(exc, Blockers) else [exc])
    if not problems:
        return drafts
    if ctx.skip_unsupported:
        skip_operation(ctx, verb, path, item[verb], problems[0], len(problems) - 1)
        return []
    ctx.blocked += 1  # every problem is reported with every other operation's, after the walk
    for problem in problems:
        if not problem.pointer.startswith(op_ptr):  # a shared part: say which operation it stops
            label = ctx.operation_label
            problem = ctx.fail(f"{problem.message} (operation {label})", problem.pointer)
        ctx.blockers.append(problem)
    return []


def _attempt(problems: list[SpecError], read: Callable[[], T]) -> T | None:
    """``read()``, or None with its SpecError added to ``problems``."""
    try:
        return read()
    except SpecError as exc:
        problems.append(exc)
        return None


def operation(
    ctx: Context,
    types: TypeBuilder,
    path: str,
    verb: str,
    op: Any,
    shared: Any,
    item_ptr: str,
    op_ptr: str,
) -> list[Draft]:
    """The drafts of one operation: a method per request variant (bodies.body_variants), two
    for a response that is JSON or an event stream (``_answers``)."""
    if not isinstance(op, dict):
        raise ctx.fail("an operation must be a mapping", op_ptr)
    ext = ctx.ext.operation(op)
    raw_id = op.get("operationId")
    op_id = str(raw_id) if raw_id not in (None, "") else f"{verb}_{path}"
    namespace = namespace_of(ext, op, path, ctx.tag_groups, ctx.collection_tags)
    # no tag, or only collection tags: its namespace may be its neighbours' (adopt_untagged)
    tag = operation_tag(op, ctx.collection_tags)
    untagged = ext.namespace is None and (tag is None or tag in ctx.collection_tags)
    base_params, result, answered, variants = _parts(ctx, types, path, op, shared, item_ptr, op_ptr)
    scopes = scopes_of(ctx, op)
    drafts: list[Draft] = []
    server = operation_server(ctx.spec, ctx.deref({"$ref": "#" + item_ptr}, item_ptr)[0], op)
    for variant in variants:
        own = variant.media_type is not None and variant.ext.method is not None
        given = (variant.ext.method if own else None) or ext.method
        name, versioned = _method_names(given, raw_id, verb, path)
        positional = (variant.ext.positional if own else None) or ext.positional
        where = variant.pointer or op_ptr
        params = order(
            ctx, base_params + variant.params, positional, where, PATH_TEMPLATE.findall(path)
        )
        if verb.upper() in KEYED_METHODS:
            params = _own_idempotency_key(params)
        answers = _answers(result, answered, params)
        spelt = not given and (raw_id in (None, "") or spells_path(str(raw_id), verb, path))
        for suffix, returned, args in answers:
            names = (op_id, verb, path, namespace, name + suffix)
            place = {
                "scopes": scopes,
                "body_type": variant.body_type,
                "body_optional": variant.media_type is not None and not variant.required,
                "server": server,
            }
            method = _method(ctx, op, op_ptr, names, args, returned, **place)
            op_ext = ext  # of two methods, the events follow (x-sdk-follow), the answer polls
            if len(answers) > 1:
                op_ext = ext.model_copy(update={"polling" if suffix else "follow": None})
            drafts.append(
                Draft(
                    method,
                    op_ext,
                    op_ptr,
                    given_name=bool(given),
                    versioned_name=versioned,
                    untagged=untagged,
                    path_spelt=spelt and not suffix,
                )
            )
    return drafts


def _parts(
    ctx: Context,
    types: TypeBuilder,
    path: str,
    op: dict[str, Any],
    shared: Any,
    item_ptr: str,
    op_ptr: str,
) -> tuple[list[ir.Param], ir.Returns, ir.Returns | None, list[BodyVariant]]:
    """What an operation's methods are made of: its parameters (``shared``: its path item's),
    what it returns, the JSON answer beside an event stream (OpenAI-style ``stream: true``;
    else None) and its request variants. Every part is read, and every problem of every part
    raised at once (``Blockers``)."""
    problems: list[SpecError] = []
    _attempt(problems, lambda: note_ignored(ctx, op, op_ptr))
    base_params = _attempt(
        problems,
        lambda: parameters(
            ctx, types, shared, f"{item_ptr}/parameters", op.get("parameters") or [], op_ptr, path
        ),
    )
    result = _attempt(problems, lambda: returns(ctx, types, op, op_ptr))
    answered = None
    if result is not None and result.kind == "stream":
        answered = _attempt(problems, lambda: returns(ctx, types, op, op_ptr, events=False))
    variants = _attempt(problems, lambda: body_variants(ctx, types, op, op_ptr))
    if problems or base_params is None or result is None or variants is None:
        raise Blockers(problems)
    return base_params, result, answered, variants


def _answers(
    result: ir.Returns, answered: ir.Returns | None, params: tuple[ir.Param, ...]
) -> list[tuple[str, ir.Returns, tuple[ir.Param, ...]]]:
    """(name suffix, returns, arguments) of each method of one operation: one, or, for a
    response that declares both JSON and ``text/event-stream``, the JSON answer under the
    operation's name and the events under ``<name>_stream``. A boolean body field ``stream``
    (OpenAI's, and every API that copies it) is the switch: left out of the first (the
    server's default, no stream), ``True`` by default in the second."""
    if answered is None or answered.kind == "none":
        return [("", result, params)]
    flag = [
        p for p in params
        if p.location == "body" and p.wire_name.value == "stream" and not p.required
        and p.annotation
        in ("bool", "Optional[bool]", "Union[bool, NotGiven]", "Union[bool, None, NotGiven]")
    ]  # fmt: skip
    plain = tuple(p for p in params if p not in flag)
    on = ir.Default(SpecValue(True))
    streamed = tuple(
        replace(p, type=Scalar("bool"), default=on, send="always", server_default=None)
        if p in flag
        else p
        for p in params
    )
    return [("", answered, plain), ("_stream", result, streamed)]


def _method(
    ctx: Context,
    op: dict[str, Any],
    op_ptr: str,
    names: tuple[str, str, str, str, str],
    params: tuple[ir.Param, ...],
    result: ir.Returns,
    **where: Any,
) -> ir.Method:
    """One generated method of the operation (``names``: operation id, verb, path, namespace
    and the method's name; ``where``: its scopes, body type and server)."""
    op_id, verb, path, namespace, name = names
    if result.kind == "page" and any(p.location == "file" for p in params):
        # every page re-sends the request; an upload stream can be read only once
        raise ctx.fail(
            "x-sdk-pagination on an operation that uploads files is not supported",
            f"{op_ptr}/x-sdk-pagination",
        )
    ext = ctx.ext.operation(op)
    return ir.Method(
        name=method_name(name),
        namespace=namespace,
        operation_id=SpecText(op_id),
        http_method=verb.upper(),
        path=SpecText(path),
        summary=SpecText(_summary(op)),
        description=SpecText(prose(op.get("description"))),
        deprecated=op.get("deprecated") is True,
        idempotent=ext.idempotent,
        params=params,
        returns=result,
        source_pointer=op_ptr,
        security=operation_security(ctx.spec, op),
        **where,
    )


def _summary(op: dict[str, Any]) -> str:
    """The operation's summary; without one, a description of one short line (Kubernetes':
    "list or watch objects of kind Pod"), so that the docstring and the command line's list
    of commands say what the method does instead of repeating its name."""
    summary = prose(op.get("summary"))
    if summary:
        return summary
    description = prose(op.get("description"))
    return description if "\n" not in description and len(description) <= 100 else ""


def _own_idempotency_key(params: tuple[ir.Param, ...]) -> tuple[ir.Param, ...]:
    """A keyed method (POST, PATCH) whose document declares the ``Idempotency-Key`` header
    itself (Adyen does) takes it as the one ``idempotency_key`` argument, with the document's
    description and constraints: the runtime sends the header once, with the caller's value
    when given (else a key of its own), instead of two arguments for one header."""
    found = [
        p
        for p in params
        if p.location == "header"
        and p.wire_name.value.lower() == IDEMPOTENCY_HEADER
        and p.annotation in ("str", "Optional[str]")
    ]
    if len(found) != 1:
        return params
    return tuple(replace(p, name=IDEMPOTENCY_ARGUMENT) if p is found[0] else p for p in params)


def _method_names(given: str | None, raw_id: Any, verb: str, path: str) -> tuple[str, str | None]:
    """The method's name before ``method_name`` (``x-sdk-method``, else the operationId, else
    one made of the verb and path), and the name kept with the path's version (``v2_...``) when
    the made one drops it."""
    if given:
        return given, None
    if raw_id not in (None, ""):
        return str(raw_id), None
    name = default_method_name(verb, path)
    versioned = default_method_name(verb, path, keep_version=True)
    return name, (method_name(versioned) if versioned != name else None)


def namespace_of(
    ext: OperationExt,
    op: dict[str, Any],
    path: str,
    groups: dict[str, str] | None = None,
    collection: frozenset[str] = frozenset(),
) -> str:
    """The access path of an operation's namespace (``organizations.projects``):
    ``x-sdk-namespace`` (dotted: nested), else its first tag that is no ``collection`` tag
    (grouping.collection_tags), else its first, nested under its ``x-tagGroups`` group
    (``groups``), else the first meaningful path segment (``operations`` then moves it to its
    tagged neighbours' namespace: grouping.adopt_untagged)."""
    if ext.namespace is not None:
        return namespace_path(ext.namespace.split("."))
    tag = operation_tag(op, collection)
    if tag is not None:
        group = (groups or {}).get(tag)
        return namespace_path([group, tag] if group else [tag])
    return namespace_name(path_namespace(path))


def scopes_of(ctx: Context, op: dict[str, Any]) -> tuple[SpecText, ...]:
    security = op.get("security", ctx.spec.get("security")) or []
    for requirement in security if isinstance(security, list) else ():
        if isinstance(requirement, dict):
            for roles in requirement.values():
                if roles and isinstance(roles, list):
                    cleaned = (re.sub(r"[\"\\`\s]+", "", clean_text(r)) for r in roles)
                    return tuple(SpecText(r) for r in cleaned if r)
    return ()


def check_path(ctx: Context, path: str, where: str) -> None:
    if not path.startswith("/"):
        raise ctx.fail(f"path {path!r} must start with '/'", where)
    if re.search(r'["\\`\x00-\x1f\x7f\u2028\u2029\x85]', path):
        raise ctx.fail(
            f"path {path!r} contains a quote, backslash, backtick or control character, "
            "which is not supported",
            where,
        )
    for name in PATH_TEMPLATE.findall(path):
        if not name:
            raise ctx.fail(f"path {path!r} has an empty '{{}}' template", where)
    if path.count("{") != path.count("}") or PATH_TEMPLATE.sub("", path).count("{"):
        raise ctx.fail(f"path {path!r} has unbalanced braces", where)
