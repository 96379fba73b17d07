"""The ``x-sdk-*`` extensions: ONE typed schema, checked before anything uses them.

Every ``x-sdk`` key anywhere in the document is found and validated here, in one pass, and every
problem is reported at once with its file, line and JSON pointer. What the rest of the build
reads are the typed models below, never the raw dicts. DESIGN.md ("The x-sdk-* extensions")
documents each key; this module is the source of truth for what is accepted.

Where each extension may stand:

* ``info.x-sdk``: ``SdkInfo`` (package facts);
* an operation: ``x-sdk-namespace``, ``-method``, ``-positional``, ``-unwrap``, ``-pagination``,
  ``-polling``, ``-follow``, ``-idempotent`` (``OperationExt``);
* a request-body media type: ``x-sdk-method``, ``x-sdk-positional`` (``MediaExt``);
* a parameter or a schema: ``x-sdk-name``, ``x-sdk-secret``, ``x-sdk-breaking-default``.

What each value may be (identifiers, class names, prefixes, tokens...): extension_values.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import pydantic
from pydantic import AfterValidator, ConfigDict

from ..errors import SpecError, combined, escape_pointer_token
from ..read.load import SpecDocument
from . import extension_values as check
from .extension_values import Blankable, Identifier, Member, Seconds, Statuses

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def spec_operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation object of ``spec``'s paths, in document order (a part that is not an
    object is skipped: the validator reports it)."""
    paths = spec.get("paths")
    found = []
    for item in paths.values() if isinstance(paths, dict) else ():
        for verb in HTTP_METHODS:
            op = item.get(verb) if isinstance(item, dict) else None
            if isinstance(op, dict):
                found.append(op)
    return found


class _Ext(pydantic.BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        alias_generator=lambda name: name.replace("_", "-"),
        populate_by_name=True,
    )


class Envelope(_Ext):
    data: Member | None = None


class ErrorEnvelope(_Ext):
    code: Member = "error"
    message: Member = "message"
    details: Member = "details"


class Defaults(_Ext):
    timeout: Seconds = 30.0
    poll_interval: Seconds = 5.0
    max_poll_timeout: Seconds = 3600.0


class SdkInfo(_Ext):
    """``info.x-sdk``: package facts. Every key is optional (defaults from ``info.title``)."""

    package: Annotated[Blankable, AfterValidator(lambda v: v and check.package_name(v))] = None
    client: Annotated[Blankable, AfterValidator(lambda v: v and check.class_name(v))] = None
    async_client: Annotated[Blankable, AfterValidator(lambda v: v and check.class_name(v))] = None
    prefix: Annotated[Blankable, AfterValidator(lambda v: v and check.identifier(v))] = None
    env_prefix: Annotated[Blankable, AfterValidator(lambda v: v and check.env_prefix(v))] = None
    user_agent: Annotated[Blankable, AfterValidator(lambda v: v and check.http_token(v))] = None
    envelope: Envelope = Envelope()
    error_envelope: ErrorEnvelope = ErrorEnvelope()
    defaults: Defaults = Defaults()
    dict_access: bool = False  # models answer the dict protocol (model["field"], get, keys...)
    exception_aliases: bool = False  # APIError, PermissionDeniedError, ... as aliases too
    # The server honours the Idempotency-Key header the client sends on POST and PATCH (a
    # repeated key gets the original answer): the package README may promise it.
    idempotency_keys: bool = False
    cli: Annotated[Blankable, AfterValidator(lambda v: v and check.command_name(v))] = None
    # The response header holding the server's request id (default: the one responses declare).
    request_id_header: Annotated[Blankable, AfterValidator(lambda v: v and check.http_token(v))] = (
        None
    )


MemberPath = Member | list[Member]


class Pagination(_Ext):
    """``x-sdk-pagination`` (``style: none``: not paginated, no inference)."""

    style: Literal[
        "page", "offset", "cursor", "last_item", "next_url", "link_header", "single", "none"
    ] = "page"
    items: Member = "items"  # "" = the payload is the list
    meta: Member = "pagination"  # "" = the payload's own members
    page_param: Member = "page"
    size_param: Member = "per_page"
    offset_param: Member = "offset"
    limit_param: Member = "limit"
    cursor_param: Member = "cursor"
    next_cursor: MemberPath | None = None  # a member, or a path (last_item: in the last item)
    next_url: MemberPath | None = None
    has_more: MemberPath | None = None
    first_page: Literal[0, 1] = 1  # "page": the first page's number
    params_in: Literal["query", "body"] = "query"  # where the page parameters are sent


class Polling(_Ext):
    status_operation: str
    id_field: Identifier = "id"
    status_field: Member = "status"
    progress_field: Member | None = None
    terminal: Statuses
    success: Statuses
    cancel_operation: str | None = None
    failure_error: Annotated[str, AfterValidator(check.failure_error)] = "PollingFailedError"
    failure_attribute: Annotated[str, AfterValidator(check.failure_attribute)] = "result"
    name: str | None = None
    error_field: Member | None = None


class Follow(_Ext):
    status_operation: str
    terminal: Statuses
    method: Annotated[str, AfterValidator(check.helper_method)] = "follow"
    status_field: Identifier = "status"
    line: str | None = None  # a str.format template over the event's JSON object


class OperationExt(_Ext):
    namespace: str | None = None  # "" = on the client itself
    method: Blankable = None
    positional: list[str] = []
    unwrap: Blankable = None
    pagination: Pagination | None = None
    polling: Polling | None = None
    follow: Follow | None = None
    idempotent: bool = False


class MediaExt(_Ext):
    method: Blankable = None
    positional: list[str] | None = None


class ResourceExt(_Ext):
    """``x-sdk-resource`` on a component schema: its objects (generator/build/resources.py)."""

    class_: Annotated[str, AfterValidator(check.class_name)] | None = pydantic.Field(
        default=None, alias="class"
    )
    id: Annotated[str, AfterValidator(check.non_blank)] | None = None  # a JSON pointer, "/id"
    refresh: Annotated[str, AfterValidator(check.non_blank)] | None = None  # a link name
    cleanup: Annotated[str, AfterValidator(check.non_blank)] | None = None  # a link name
    # operationId -> the arguments (parameters or body properties) that take the object's id
    id_in: dict[str, list[str]] | None = None


class NodeExt(_Ext):
    """On a parameter or a schema."""

    name: Annotated[str, AfterValidator(check.non_blank)] | None = None
    secret: bool = False
    breaking_default: bool = False
    resource: ResourceExt | None = None


# Mappings whose keys are names, not keywords: an `x-sdk-...` key there is a name.
_NAME_MAPS = frozenset(
    {"paths", "webhooks", "pathItems", "callbacks", "properties", "patternProperties",
     "schemas", "responses", "parameters", "headers", "examples", "requestBodies",
     "securitySchemes", "links", "content", "encoding", "mapping", "variables", "$defs",
     "definitions", "dependentSchemas"}
)  # fmt: skip
_PATH_ITEM_MAPS = frozenset({"paths", "webhooks", "pathItems"})
# Keywords whose value is data: nothing inside is an extension.
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const", "value"})


@dataclass
class Extensions:
    """The checked extensions of one document, looked up by the object that carries them."""

    info: SdkInfo = field(default_factory=SdkInfo)
    _by_node: dict[int, _Ext] = field(default_factory=dict)
    _keep: list[Any] = field(default_factory=list)  # the carrying dicts (their ids stay valid)

    def operation(self, op: Any) -> OperationExt:
        found = self._by_node.get(id(op))
        return found if isinstance(found, OperationExt) else OperationExt()

    def media(self, media: Any) -> MediaExt:
        found = self._by_node.get(id(media))
        return found if isinstance(found, MediaExt) else MediaExt()

    def node(self, node: Any) -> NodeExt:
        found = self._by_node.get(id(node))
        return found if isinstance(found, NodeExt) else NodeExt()


def read_extensions(doc: SpecDocument) -> Extensions:
    """Find and check every ``x-sdk`` extension of ``doc``; all problems in one error."""
    result = Extensions()
    problems: list[SpecError] = []
    for context, node, ptr in _carriers(doc.data):
        values = {k[len("x-sdk-") :]: v for k, v in node.items() if str(k).startswith("x-sdk-")}
        if context == "info":
            for key in values:
                problems.append(
                    doc.error(f"unknown extension x-sdk-{key} on info", f"{ptr}/x-sdk-{key}")
                )
            raw = node.get("x-sdk")
            if raw is None:
                continue
            model: type[_Ext] = SdkInfo
            values, base = raw, f"{ptr}/x-sdk"
        else:
            models: dict[str, type[_Ext]] = {"operation": OperationExt, "media": MediaExt}
            model = models.get(context, NodeExt)
            base = ptr
            known = set(model.model_fields)
            for key in [k for k in values if k.replace("-", "_") not in known]:
                problems.append(_unknown(doc, f"{ptr}/x-sdk-{key}", key, context, known))
                del values[key]
            if not values:
                continue
        checked = _check(doc, model, values, base, problems)
        if checked is None:
            continue
        if isinstance(checked, SdkInfo):
            result.info = checked
        else:
            result._by_node[id(node)] = checked
            result._keep.append(node)
    if problems:
        raise combined(problems)
    return result


def _check(
    doc: SpecDocument, model: type[_Ext], values: Any, base: str, problems: list[SpecError]
) -> _Ext | None:
    if not isinstance(values, dict):
        problems.append(doc.error("x-sdk must be a mapping", base))
        return None
    try:
        return model.model_validate(values)
    except pydantic.ValidationError as exc:
        for err in exc.errors():
            where = base + _loc_pointer(err["loc"], model is not SdkInfo)
            problems.append(doc.error(_message(err), where))
        return None


def _loc_pointer(loc: tuple[Any, ...], prefixed: bool) -> str:
    tokens = [str(t) for t in loc]
    if prefixed and tokens:
        tokens[0] = f"x-sdk-{tokens[0]}"
    return "".join("/" + escape_pointer_token(t) for t in tokens)


def _message(err: Any) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown key (see DESIGN.md, 'The x-sdk-* extensions')"
    if kind == "missing":
        return "required key is missing"
    if kind in ("string_type", "bool_type", "list_type", "float_type", "dict_type", "model_type"):
        want = {
            "string_type": "a string",
            "bool_type": "true or false",
            "list_type": "a list",
            "float_type": "a number",
            "dict_type": "a mapping",
            "model_type": "a mapping",
        }[kind]
        return f"must be {want}, not {err.get('input')!r:.60}"
    return str(err["msg"])


def _unknown(doc: SpecDocument, where: str, key: str, context: str, known: set[str]) -> SpecError:
    names = ", ".join(f"x-sdk-{k.replace('_', '-')}" for k in sorted(known))
    place = {"operation": "an operation", "media": "a request-body media type"}.get(
        context, "a parameter or schema (or here)"
    )
    return doc.error(f"unknown extension x-sdk-{key} on {place} (known there: {names})", where)


def _carriers(root: Any) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(context, object, pointer) of every object that carries an ``x-sdk`` key.

    Each node has a role: a mapping of names (``properties``, ``paths``...), a path item, a
    callback, an operation, or any other object. Data (``default``, ``example``...) is skipped.
    A node's place is kept as its parent's and its own token (the document has ~35,000
    objects, a few carriers): made a pointer only for a carrier.
    """
    stack: list[tuple[Any, Any, str]] = [(root, None, "object")]
    while stack:
        node, place, role = stack.pop()
        if isinstance(node, list):
            for index, item in enumerate(node):
                if isinstance(item, (dict, list)):
                    stack.append((item, (place, str(index)), "object"))
            continue
        if not isinstance(node, dict):
            continue
        carries = False
        for raw_key, value in node.items():
            k = str(raw_key)
            if k.startswith("x-sdk"):
                carries = True
            if isinstance(value, (dict, list)):
                child = _child_role(role, k, value)
                if child is not None:
                    stack.append((value, (place, k), child))
        if carries and not role.startswith("names:"):
            ptr = _pointer_of(place)
            yield _context(ptr, role), node, ptr


def _pointer_of(place: Any) -> str:
    tokens: list[str] = []
    while place is not None:
        place, token = place
        tokens.append(token)
    return "".join("/" + escape_pointer_token(t) for t in reversed(tokens))


def _child_role(role: str, key: str, value: Any) -> str | None:
    if role.startswith("names:"):
        container = role[len("names:") :]
        if container in _PATH_ITEM_MAPS:
            return "path_item"
        return "callback" if container == "callbacks" else f"object:{container}"
    if role == "callback":
        return "path_item"
    if role == "path_item" and key in HTTP_METHODS:
        return "operation"
    if key in _DATA_KEYS:
        return None
    if key in _NAME_MAPS and isinstance(value, dict):
        return f"names:{key}"
    return "object"


def _context(ptr: str, role: str) -> str:
    if ptr == "/info":
        return "info"
    if role == "operation":
        return "operation"
    if role == "object:content" and "/requestBod" in ptr:
        return "media"
    return "node"
