"""One generated method and everything in its signature and body: its arguments (``Param``,
with their ``Default``), what it returns (``Returns``, ``Pagination``) and the helpers around it
(``Polling`` futures, ``Follow``).

Where a spec field becomes a Python argument: generator/build/arguments.py, ``argument()``;
the result is a ``Param`` below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..escape import py_literal, pyrepr
from ..patterns import matching
from ..spectext import SpecText, SpecValue
from .security import Requirements
from .types import NONE, NOT_GIVEN, OptionalOf, Scalar, Type, UnionOf

# The methods whose requests carry an ``Idempotency-Key`` (the runtime's ``_KEYED_METHODS``),
# and the argument that sets it: a header the document declares itself becomes that argument.
KEYED_METHODS = frozenset({"POST", "PATCH"})
IDEMPOTENCY_HEADER = "idempotency-key"
IDEMPOTENCY_ARGUMENT = "idempotency_key"

_EXAMPLES = {"int": "42", "float": "1.0", "bool": "True", "str": '"<NAME>"'}


@dataclass(frozen=True)
class Default:
    """An argument's default: a spec value, ``None`` or the ``NOT_GIVEN`` sentinel."""

    value: SpecValue | None = None
    not_given: bool = False

    @property
    def source(self) -> str:
        if self.not_given:
            return "NOT_GIVEN"
        return py_literal(self.value.value if self.value is not None else None)


NO_DEFAULT_NONE = Default()
NOT_GIVEN_DEFAULT = Default(not_given=True)


@dataclass(frozen=True)
class Param:
    """One argument of a generated method, and where its value goes on the wire."""

    name: str  # Python argument name
    wire_name: SpecText  # name in the path, query, header or body ("" = the whole body)
    location: str  # "path" | "query" | "header" | "body" | "file" | "form"
    type: Type
    required: bool
    default: Default | None  # None = no default (a required argument)
    description: SpecText
    positional: bool
    constraints: SpecValue = SpecValue({})  # checked by the runtime before sending
    send: str = "always"  # "always" | "if_not_none" | "if_given" (NOT_GIVEN sentinel)
    # How the value is serialized when not by default (templates/runtime/_encoding.py.jinja):
    # OpenAPI's style ("form", "deepObject", "pipeDelimited", "label", ...) and explode.
    style: str = ""
    explode: bool = False
    media_type: str = ""  # a body argument: the request's Content-Type when not JSON or a form
    raw: str = ""  # a whole body sent as is: "text" (str) or "file" (bytes, path, file)
    # The spec's default of an argument sent only when given (its Python default is
    # ``NOT_GIVEN``: a body field; the server applies the default): shown in its docs.
    server_default: SpecValue | None = None

    @property
    def annotation(self) -> str:
        return self.type.render()

    @property
    def doc(self) -> SpecText:
        """The description, and the server's default of an argument sent only when given
        (unless the description speaks of a default already)."""
        text = self.description.value
        if self.server_default is None or "default" in text.lower():
            return self.description
        shown = f"Server default: `{py_literal(self.server_default.value)}`."
        return SpecText(f"{text.rstrip()} {shown}" if text.strip() else shown)

    @property
    def default_source(self) -> str | None:
        """The default as Python source, or None for a required argument."""
        return None if self.default is None else self.default.source

    @property
    def is_whole_body(self) -> bool:
        return self.location == "body" and not self.wire_name

    @property
    def example(self) -> str:
        """A value of this argument for the README's examples, as Python source."""
        enum = (
            self.constraints.value.get("enum") if isinstance(self.constraints.value, dict) else None
        )
        if self.location == "file":
            return '"data.jsonl"'
        if enum:
            return pyrepr(enum[0])
        kind = _value_type(self.type)
        fmt = (
            self.constraints.value.get("format")
            if isinstance(self.constraints.value, dict)
            else None
        )
        if (
            isinstance(kind, Scalar)
            and kind.python == "str"
            and (
                fmt in ("uri", "url") or self.name == "url" or self.name.endswith(("_url", "_uri"))
            )
        ):
            return '"https://example.com"'  # a server checking the URL accepts the example
        if isinstance(kind, Scalar) and kind.python == "str":
            return pyrepr(self._text_example())
        if isinstance(kind, Scalar) and kind.python in _EXAMPLES:
            return _EXAMPLES[kind.python].replace("NAME", self.name)
        return "..."

    def _text_example(self) -> str:
        """``<name>``, unless the argument's ``pattern`` refuses it: then a string the pattern
        accepts (Twilio's ``^AC[0-9a-fA-F]{32}$``: ``AC000...``), if one can be made."""
        placeholder = f"<{self.name}>"
        rules = self.constraints.value if isinstance(self.constraints.value, dict) else {}
        pattern = rules.get("pattern")
        if not isinstance(pattern, str):
            return placeholder
        try:
            if re.search(pattern, placeholder):
                return placeholder
        except (re.error, RecursionError):
            return placeholder
        low, high = rules.get("minLength"), rules.get("maxLength")
        low = low if isinstance(low, int) and not isinstance(low, bool) else 0
        high = high if isinstance(high, int) and not isinstance(high, bool) else None
        return matching(pattern, low, high) or placeholder


def _value_type(kind: Type) -> Type:
    """The type of the value an example passes: ``str`` for ``Optional[str]`` or a nullable
    body field's ``Union[str, None, NotGiven]`` (a required nullable argument had ``...``)."""
    if isinstance(kind, OptionalOf):
        return kind.inner
    if isinstance(kind, UnionOf):
        rest = [m for m in kind.flat() if m not in (NONE, NOT_GIVEN)]
        return rest[0] if len(rest) == 1 else kind
    return kind


@dataclass(frozen=True)
class Pagination:
    """``runtime/_pagination.PaginationSpec`` (paths are member names into the payload)."""

    style: str  # "page" | "offset" | "cursor" | "last_item" | "next_url" | "link_header" | "single"
    items: SpecText  # "" = the payload is the list
    meta: SpecText  # "" = the payload's own members
    page_param: SpecText = SpecText("page")
    size_param: SpecText = SpecText("per_page")
    offset_param: SpecText = SpecText("offset")
    limit_param: SpecText = SpecText("limit")
    cursor_param: SpecText = SpecText("cursor")
    next_cursor: tuple[SpecText, ...] = (SpecText("next_cursor"),)
    next_url: tuple[SpecText, ...] = (SpecText("next"),)
    has_more: tuple[SpecText, ...] = ()
    inferred: bool = False  # from the operation's shape, not x-sdk-pagination
    # "cursor" only: a walk that started without a cursor and got none back goes on by
    # offset_param/limit_param (Box: marker paging only with usemarker=true, else offset)
    or_offset: bool = False
    first_page: int = 1  # "page": the number of the first page (0: zero-based, Algolia's)
    in_body: bool = False  # the page parameters go in the JSON request body, not the query


@dataclass(frozen=True)
class Returns:
    """What a method returns and how the response body becomes it."""

    kind: str  # "value" | "none" | "bytes" | "stream" | "page"
    type: Type  # annotation of the method's return value (before a future wraps it)
    cast_type: Type  # what is passed as cast_to / item_type
    unwrap: tuple[SpecText, ...]
    pagination: Pagination | None = None
    model: str | None = None  # the component model returned, if any
    accept: str = ""  # Accept: a JSON answer of another JSON type; a bytes answer's own types
    lines: bool = False  # a stream of JSON values, one a line (NDJSON, Kubernetes' watch)
    # A JSON answer whose response also declares a JSON-lines type ``;stream=<name>``: the
    # wire name of the boolean query parameter ``<name>`` that makes the server answer with
    # that stream instead (Kubernetes' lists and ``watch``), and the method that reads the
    # stream (its qualified name, "" if none is found: build/responses.py stream_partners).
    stream_flag: SpecText | None = None
    stream_method: str = ""

    @property
    def annotation(self) -> str:
        return self.type.render()

    @property
    def cast(self) -> str:
        """The ``cast_to`` expression. A class or ``List[...]`` is a ``type[T]`` as it is;
        ``Union``/``Optional``/``Literal`` are special forms mypy does not accept there, so
        they are passed as ``_cast(Type[X], X)`` (the same object at run time). No bare
        ``type`` or ``cast``: an argument may be called so (generator/reserved.py)."""
        if self.kind == "none":
            return "NoneType"
        hint = self.cast_type.render()
        return f"_cast(Type[{hint}], {hint})" if self.cast_type.special_form else hint

    @property
    def needs_cast(self) -> bool:
        return self.kind != "none" and self.cast_type.special_form


@dataclass(frozen=True)
class Polling:
    status_method: str  # Python name of the method (same namespace) fetching the current state
    id_field: str
    status_field: SpecText
    progress_field: SpecText | None
    terminal: tuple[SpecText, ...]
    success: tuple[SpecText, ...]
    cancel_method: str | None
    failure_error: str
    failure_attribute: str
    name: SpecText  # how messages name the polled object ("run 42 ended with ...")
    error_field: SpecText | None = None  # member holding the failure reason, for messages


@dataclass(frozen=True)
class Follow:
    """``x-sdk-follow`` on a stream operation: a helper that prints the events as they arrive
    until the object is terminal, then returns it (``client.runs.follow(run_id)``)."""

    method: str  # Python name of the helper, beside the stream method
    status_method: str  # method (same namespace, same path parameters) fetching the object
    status_field: str
    terminal: tuple[SpecText, ...]
    line: SpecText | None  # str.format template over the event's JSON object; None = raw data
    returns: Type  # what the helper returns (the status method's model)
    # the stream's path arguments as the helper names them (``file_`` for ``file``: the helper
    # has a ``file`` argument of its own; generator/reserved.py FOLLOW_NAMES)
    args: tuple[str, ...] = ()


@dataclass(frozen=True)
class Method:
    name: str
    namespace: str  # "" = on the client itself
    operation_id: SpecText
    http_method: str  # upper case
    path: SpecText
    summary: SpecText
    description: SpecText
    deprecated: bool
    idempotent: bool
    scopes: tuple[SpecText, ...]
    params: tuple[Param, ...]  # in signature order
    body_type: str | None  # "json" | "multipart" | "form" | None
    returns: Returns
    # requestBody.required is not true: a JSON body of fields none of which (nor extra_body)
    # was given is not sent at all (no `{}`, no Content-Type: a DELETE with a body is refused),
    # nor is such a form; a required form or multipart body is then sent empty (required_form)
    body_optional: bool = False
    polling: Polling | None = None
    follow: Follow | None = None  # x-sdk-follow: a helper printing this stream's events
    source_pointer: str = ""  # JSON pointer of the operation (for messages)
    server: str = ""  # the operation's own server URL (path- or operation-level `servers`)
    # The operation's own ``security`` when it differs from the document's (None: the default).
    security: Requirements | None = None

    @property
    def keyed(self) -> bool:
        """The request carries an ``Idempotency-Key`` (POST and PATCH, as the runtime sends
        them), so the method takes ``idempotency_key``."""
        return self.http_method in KEYED_METHODS

    @property
    def declares_idempotency_key(self) -> bool:
        """The document declares the ``Idempotency-Key`` header: it is the ``idempotency_key``
        argument (in spec order, with the spec's description), not one more of the runtime's."""
        return self.keyed and any(p.name == IDEMPOTENCY_ARGUMENT for p in self.params)

    @property
    def const_name(self) -> str:
        """Name of the module-level Operation constant for this method."""
        return "_" + self.name.upper().strip("_") + "_OP"

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name

    @property
    def content_type(self) -> str:
        """The request body's media type when it is not plain JSON or a form ("" otherwise)."""
        return next((p.media_type for p in self.params if p.media_type), "")

    @property
    def raw_body(self) -> str:
        """ "text" or "file" when the body is sent as is (not JSON), else ""."""
        return next((p.raw for p in self.params if p.raw), "")

    @property
    def content_coding(self) -> bool:
        """The document declares ``Content-Encoding`` as a header parameter of a request with a
        body: its value says how the body is coded, so the client codes it (gzip), rather than
        send a header the body does not match (templates/runtime/_encoding, content_coded)."""
        return any(
            p.location == "header" and p.wire_name.value.lower() == "content-encoding"
            for p in self.params
        ) and any(p.location in ("body", "file", "form") for p in self.params)

    @property
    def styled(self) -> bool:
        """Whether an argument is serialized by a style (templates/runtime/_encoding)."""
        return any(p.style for p in self.params)

    def params_in(self, location: str) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == location)

    @property
    def sends_null(self) -> Param | None:
        """The first argument whose ``None`` is sent as JSON ``null`` (its default is
        ``NOT_GIVEN``: a nullable field of a JSON body), if any."""
        return next(
            (p for p in self.params if p.send == "if_given" and NONE in p.type.walk()), None
        )

    @property
    def stream_switch(self) -> Param | None:
        """The boolean query argument that turns this method's JSON answer into a stream of
        JSON lines it cannot read (``returns.stream_flag``): ``True`` is refused before
        sending."""
        flag = self.returns.stream_flag
        if flag is None:
            return None
        return next((p for p in self.params if p.location == "query" and p.wire_name == flag),
                    None)  # fmt: skip

    @property
    def stream_switch_message(self) -> tuple[str, ...]:
        """What the refusal of ``stream_switch=True`` says, in parts of a line each (Python
        names only, no spec text)."""
        switch = self.stream_switch
        name = switch.name if switch is not None else ""
        instead = (
            f"call {self.returns.stream_method}() to read the stream"
            if self.returns.stream_method
            else f"leave {name} unset to get one answer"
        )
        return (
            f"{self.qualified_name}({name}=True) would make the server answer with a stream",
            " of JSON lines, which this method cannot read (it returns one answer):",
            f" nothing was sent; {instead}",
        )

    @property
    def constrained_params(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.constraints)

    @property
    def types(self) -> tuple[Type, ...]:
        """Every type the method's signature and body name."""
        found = [p.type for p in self.params] + [self.returns.type, self.returns.cast_type]
        if self.follow is not None:
            found.append(self.follow.returns)
        return tuple(found)

    @property
    def models(self) -> tuple[str, ...]:
        """The model classes the method's types name, sorted."""
        found: set[str] = set()
        for kind in self.types:
            found |= kind.models()
        return tuple(sorted(found))
