"""The intermediate model of one API: what the templates render. Plain frozen data.

generator/build makes it from a spec; generator/render hands it to the templates. Field types
say where a value came from: ``str`` is the generator's own (identifiers made by
generator/naming.py, fixed words), ``SpecText``/``SpecValue`` is spec text that only an escaping
function can write (generator/ir/text.py), ``Type`` is a type tree (generator/ir/types.py).

Where a spec field becomes a Python argument: generator/build/arguments.py, ``argument()``;
the result is a ``Param`` below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..escape import py_literal, pyrepr
from ..spectext import SpecText, SpecValue
from .types import Scalar, Type, to_data

if TYPE_CHECKING:
    from .resources import Objects

_EXAMPLES = {"int": "42", "float": "1.0", "bool": "True", "str": '"<NAME>"'}


@dataclass(frozen=True)
class FailureError:
    class_name: str
    attribute: str


@dataclass(frozen=True)
class Credential:
    """One constructor argument of the client that feeds a security scheme."""

    argument: str  # the keyword argument (an identifier made here); "api_key" = ClientConfig's
    env: str  # the environment variable read when the argument is not given
    role: str  # "key" | "token" | "username" | "password" | "client_id" | "client_secret"
    annotation: str = "str"  # the argument's type (sync client); see ``async_annotation``
    async_annotation: str = "str"

    @property
    def config(self) -> bool:
        """``api_key`` is a ``ClientConfig`` field; the others go in ``credentials=``."""
        return self.argument == "api_key"


@dataclass(frozen=True)
class SecurityScheme:
    """One entry of ``components.securitySchemes`` and the runtime scheme it becomes
    (``runtime``: ``""`` for a scheme the runtime cannot apply; it is left out)."""

    name: SpecText
    type: str  # "apiKey" | "http" | "oauth2" | "openIdConnect" | "mutualTLS" | other
    scheme: str = ""  # for http: "bearer", "basic", ...
    location: str = ""  # for apiKey: "header" | "query" | "cookie"
    parameter: SpecText | None = None  # for apiKey: the header/query/cookie name
    runtime: str = ""  # "apikey" | "bearer" | "basic" | "oauth2" | ""
    prefix: SpecText | None = None  # bearer: the Authorization scheme word ("Bearer")
    token_url: SpecText | None = None  # oauth2 clientCredentials flow
    scopes: tuple[SpecText, ...] = ()  # that flow's scope names
    credentials: tuple[Credential, ...] = ()

    @property
    def plain_bearer(self) -> bool:
        """``Authorization: Bearer <token>`` (what ``api_key`` means by default)."""
        return (
            self.runtime == "bearer" and self.prefix is not None and self.prefix.value == "Bearer"
        )

    def credential(self, role: str) -> Credential | None:
        return next((c for c in self.credentials if c.role == role), None)


# Alternatives (any one will do), each the names of schemes applied together.
Requirements = tuple[tuple[SpecText, ...], ...]


@dataclass(frozen=True)
class Security:
    """What the spec says about authentication."""

    schemes: tuple[SecurityScheme, ...] = ()
    # The document's (or any operation's) security requirements name at least one scheme.
    required: bool = False
    # The document's ``security`` (``()``: none, no credential needed by default).
    default: Requirements = ()

    @property
    def supported(self) -> tuple[SecurityScheme, ...]:
        return tuple(s for s in self.schemes if s.runtime)

    @property
    def credentials(self) -> tuple[Credential, ...]:
        return tuple(c for s in self.supported for c in s.credentials)

    @property
    def api_key_scheme(self) -> SecurityScheme | None:
        """The scheme the ``api_key`` argument feeds, if any."""
        return next((s for s in self.supported if any(c.config for c in s.credentials)), None)

    @property
    def default_needs_credentials(self) -> bool:
        """Construction fails without a credential (no empty alternative in the default)."""
        return bool(self.default) and () not in self.default

    def uses(self, runtime: str) -> bool:
        return any(s.runtime == runtime for s in self.supported)

    @property
    def explained(self) -> bool:
        """More than the one ``api_key`` sent as a Bearer token: the README's Authentication
        section explains the schemes and arguments."""
        keyed = self.api_key_scheme
        return bool(self.supported) and not (
            len(self.supported) == 1 and keyed is not None and keyed.plain_bearer
        )

    @property
    def exports(self) -> tuple[str, ...]:
        """What the package re-exports from ``_auth`` for users to build credentials with."""
        names = set()
        if self.uses("basic"):
            names.add("BasicCredentials")
        if self.token_providers:
            names |= {"AccessToken", "TokenProvider"}
        if self.uses("oauth2"):
            names.add("ClientCredentials")
        return tuple(sorted(names))

    @property
    def token_providers(self) -> bool:
        """An argument takes a ``TokenProvider`` (bearer or OAuth2, other than ``api_key``)."""
        return any(
            c.role == "token" and not c.config
            for s in self.supported
            if s.runtime in ("bearer", "oauth2")
            for c in s.credentials
        )


@dataclass(frozen=True)
class Package:
    """Document-level facts (``info``, ``servers``, ``info.x-sdk``)."""

    name: str  # distribution and import name
    title: SpecText
    description: SpecText
    api_version: SpecText  # info.version, sanitized
    version: str  # the package version (PEP 440)
    prefix: str  # runtime class-name prefix: <prefix>Exception, <prefix>PollingFuture
    client: str
    async_client: str
    env_prefix: str
    user_agent: SpecText
    base_url: SpecText
    default_timeout: float
    default_poll_interval: float
    default_max_poll_timeout: float
    envelope_data: SpecText | None  # member of a success body holding the payload
    error_code_field: SpecText
    error_message_field: SpecText
    error_details_field: SpecText
    failure_errors: tuple[FailureError, ...] = ()
    security: Security = Security()
    dict_access: bool = False  # x-sdk dict-access: models answer the dict protocol
    exception_aliases: bool = False  # x-sdk exception-aliases: the other SDKs' names too
    request_id_header: SpecText | None = None  # the response header naming the request's id
    cli: str = ""  # x-sdk cli: the console script's name (default: the package name)

    @property
    def request_id_header_name(self) -> SpecText:
        """The request-id header the runtime reads first, lower case (default ``x-request-id``)."""
        name = self.request_id_header.value if self.request_id_header else "x-request-id"
        return SpecText(name.lower())

    def runtime_class_names(self) -> frozenset[str]:
        """Class names the package defines itself (clients, futures, exceptions): no model or
        namespace class may take them."""
        return frozenset(
            {
                self.client,
                self.async_client,
                f"{self.client}WithRawResponse",
                f"{self.async_client}WithRawResponse",
                f"{self.prefix}Exception",
                f"{self.prefix}PollingFuture",
                f"Async{self.prefix}PollingFuture",
                *(fe.class_name for fe in self.failure_errors),
            }
        )


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

    @property
    def annotation(self) -> str:
        return self.type.render()

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
        kind = self.type
        if isinstance(kind, Scalar) and kind.python in _EXAMPLES:
            return _EXAMPLES[kind.python].replace("NAME", self.name)
        return "..."


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


@dataclass(frozen=True)
class Returns:
    """What a method returns and how the response body becomes it."""

    kind: str  # "value" | "none" | "bytes" | "stream" | "page"
    type: Type  # annotation of the method's return value (before a future wraps it)
    cast_type: Type  # what is passed as cast_to / item_type
    unwrap: tuple[SpecText, ...]
    pagination: Pagination | None = None
    model: str | None = None  # the component model returned, if any
    accept: str = ""  # the Accept header, when the JSON answer is declared as another JSON type

    @property
    def annotation(self) -> str:
        return self.type.render()

    @property
    def cast(self) -> str:
        """The ``cast_to`` expression. A class or ``List[...]`` is a ``type[T]`` as it is;
        ``Union``/``Optional``/``Literal`` are special forms mypy does not accept there, so
        they are passed as ``_cast(Type[X], X)`` (the same object at run time). No bare
        ``type`` or ``cast``: an argument may be called so (generator/naming.py)."""
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
    # has a ``file`` argument of its own; generator/naming.py FOLLOW_NAMES)
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
        return self.http_method in ("POST", "PATCH")

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
    def styled(self) -> bool:
        """Whether an argument is serialized by a style (templates/runtime/_encoding)."""
        return any(p.style for p in self.params)

    def params_in(self, location: str) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == location)

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


@dataclass(frozen=True)
class Namespace:
    name: str  # its module (resources/<name>.py); for a top-level one, its attribute on the client
    class_name: str  # resource class (the async one is "Async" + class_name)
    description: SpecText
    methods: tuple[Method, ...]
    path: str = ""  # how it is reached: "organizations.projects" (client.organizations.projects)
    parent: str = ""  # the name of the namespace it is nested in ("" = on the client)
    attribute: str = ""  # its attribute on that parent namespace (nested ones only)
    children: tuple[str, ...] = ()  # the names of the namespaces nested in it

    @property
    def access(self) -> str:
        """``organizations.projects``: the attributes from the client to it."""
        return self.path or self.name


@dataclass(frozen=True)
class Skipped:
    """An operation left out of the package (only with ``skip_unsupported``), and why."""

    operation: str  # "POST /markdown/raw"
    operation_id: str
    reason: str  # the error message that stops a strict run
    pointer: str
    line: int | None


@dataclass(frozen=True)
class Omitted:
    """An optional parameter or body field left out of a method (``skip_unsupported`` only)."""

    operation: str  # "GET /v1/customers"
    location: str  # "query" | "header" | "cookie" | "path" | "body"
    name: str  # the wire name
    reason: str


@dataclass(frozen=True)
class Docs:
    """What the package README shows, chosen in Python (generator/build/docs.py): one method
    of each kind for the examples (first in spec order), and the sections that apply."""

    one: Method | None = None  # a plain call for the generic examples
    get: Method | None = None  # GET of one object by one path parameter
    page: Method | None = None  # paginated (style page)
    poll: Method | None = None  # returns a polling future
    stream: Method | None = None  # streams server-sent events
    upload: Method | None = None  # uploads a file
    create: Method | None = None  # a plain POST that creates something
    idempotent: tuple[Method, ...] = ()  # POSTs declared x-sdk-idempotent
    deprecated: tuple[Method, ...] = ()
    polling: tuple[Method, ...] = ()  # every method returning a future
    keyed: bool = False  # some method sends an Idempotency-Key (a POST or a PATCH)
    authentication: bool = False  # the README explains the API's schemes (Security.explained)
    # The README's sections in order, as (contents label, heading); "Methods" is the last.
    sections: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Api:
    package: Package
    namespaces: tuple[Namespace, ...]
    client_methods: tuple[Method, ...]  # methods on the client itself (x-sdk-namespace: "")
    # component schema name -> Python class name in the models module
    schemas: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    skipped: tuple[Skipped, ...] = ()  # operations not generated (reported as warnings)
    omitted: tuple[Omitted, ...] = ()  # optional parameters not generated (warnings too)
    docs: Docs = Docs()  # what the README shows (examples, sections)
    # the object layer from response links (ir/resources.py); None: the document has none
    objects: Objects | None = field(default=None, compare=False)

    @property
    def has_futures(self) -> bool:
        """Some method returns a polling future (``x-sdk-polling``)."""
        return any(m.polling is not None for m in self.all_methods)

    @property
    def polls(self) -> bool:
        """Some method waits on the API (a polling future or a follow helper): the client has
        the ``poll_interval`` and ``max_poll_timeout`` options."""
        return any(m.polling is not None or m.follow is not None for m in self.all_methods)

    @property
    def all_methods(self) -> tuple[Method, ...]:
        methods = list(self.client_methods)
        for ns in self.namespaces:
            methods.extend(ns.methods)
        return tuple(methods)

    def to_data(self) -> Any:
        """The whole model as JSON-able data (tagged by class), e.g. to compare two versions."""
        return to_data(self)
