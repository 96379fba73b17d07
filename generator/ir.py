"""The intermediate model: what the templates render. Plain data, no behaviour.

``parse.py`` builds it from a spec; ``render.py`` hands it to the templates. A newcomer looking for
"where does a spec field become a Python argument" wants ``parse.py: _param_from_parameter`` and
``_params_from_body``; the result lands in ``Param`` below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Package:
    """Document-level facts (``info`` and ``info.x-sdk``)."""

    name: str  # distribution and import name
    title: str
    description: str
    api_version: str  # info.version
    version: str  # the package version (PEP 440)
    prefix: str  # runtime class-name prefix: <prefix>Exception, <prefix>PollingFuture
    client: str
    async_client: str
    env_prefix: str
    user_agent: str
    base_url: str
    default_timeout: float
    default_poll_interval: float
    default_max_poll_timeout: float
    envelope_data: str | None  # member of a success body holding the payload
    error_code_field: str
    error_message_field: str
    error_details_field: str
    failure_errors: tuple[FailureError, ...] = ()


@dataclass(frozen=True)
class FailureError:
    class_name: str
    attribute: str


@dataclass(frozen=True)
class Param:
    """One argument of a generated method, and where its value goes on the wire."""

    name: str  # Python argument name
    wire_name: str  # name in the path, query, header or body
    location: str  # "path" | "query" | "header" | "body" | "file" | "form"
    type_hint: str  # annotation source, e.g. "Optional[int]"
    required: bool
    default: str | None  # Python source of the default; None = no default (required)
    description: str
    positional: bool
    constraints: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    send: str = "always"  # "always" | "if_not_none" | "if_given" (NOT_GIVEN sentinel)


@dataclass(frozen=True)
class Pagination:
    style: str  # "page" | "single"
    items: str
    meta: str
    page_param: str
    size_param: str


@dataclass(frozen=True)
class Returns:
    """What a method returns and how the response body becomes it."""

    kind: str  # "value" | "none" | "bytes" | "stream" | "page"
    type_hint: str  # annotation of the method's return value (before futures/pages wrap it)
    cast: str  # expression passed as cast_to / item_type
    unwrap: tuple[str, ...]
    pagination: Pagination | None = None
    model: str | None = None  # the component model returned, if any

    @property
    def needs_cast(self) -> bool:
        """``cast`` is ``cast(type[X], X)`` (a Union/Optional/Literal): import ``typing.cast``."""
        return self.cast.startswith("cast(")


@dataclass(frozen=True)
class Polling:
    status_method: str  # Python name of the method (same namespace) fetching the current state
    id_field: str
    status_field: str
    progress_field: str | None
    terminal: tuple[str, ...]
    success: tuple[str, ...]
    cancel_method: str | None
    failure_error: str
    failure_attribute: str
    name: str = "operation"  # how messages name the polled object ("run 42 ended with ...")
    error_field: str | None = None  # member holding the failure reason, for messages


@dataclass(frozen=True)
class Follow:
    """``x-sdk-follow`` on a stream operation: a helper that prints the events as they arrive
    until the object is terminal, then returns it (``client.runs.follow(run_id)``)."""

    method: str  # Python name of the helper, beside the stream method
    status_method: str  # method (same namespace, same path parameters) fetching the object
    status_field: str
    terminal: tuple[str, ...]
    line: str | None  # str.format template over the event's JSON object; None = the raw data
    returns: str  # annotation of what the helper returns (the status method's model)


@dataclass(frozen=True)
class Method:
    name: str
    namespace: str  # "" = on the client itself
    operation_id: str
    http_method: str  # upper case
    path: str
    summary: str
    description: str
    deprecated: bool
    idempotent: bool
    scopes: tuple[str, ...]
    params: tuple[Param, ...]  # in signature order
    body_type: str | None  # "json" | "multipart" | "form" | None
    returns: Returns
    polling: Polling | None = None
    follow: Follow | None = None  # x-sdk-follow: a helper printing this stream's events
    source_pointer: str = ""
    request_media_type: str | None = None  # the request body's media type, as in the spec

    @property
    def const_name(self) -> str:
        """Name of the module-level Operation constant for this method."""
        return "_" + self.name.upper().strip("_") + "_OP"

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name

    def params_in(self, location: str) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == location)

    @property
    def constrained_params(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.constraints)


@dataclass(frozen=True)
class Namespace:
    name: str  # attribute on the client
    class_name: str  # resource class (the async one is "Async" + class_name)
    description: str
    methods: tuple[Method, ...]


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
class Api:
    package: Package
    namespaces: tuple[Namespace, ...]
    client_methods: tuple[Method, ...]  # methods on the client itself (x-sdk-namespace: "")
    schemas: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # schema (component) name -> Python class name
    skipped: tuple[Skipped, ...] = ()  # operations not generated (reported as warnings)
    omitted: tuple[Omitted, ...] = ()  # optional parameters not generated (warnings too)

    @property
    def all_methods(self) -> tuple[Method, ...]:
        methods = list(self.client_methods)
        for ns in self.namespaces:
            methods.extend(ns.methods)
        return tuple(methods)
