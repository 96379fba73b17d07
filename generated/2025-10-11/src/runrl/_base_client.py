# Generated from templates/runtime/_base_client.py.jinja. Do not edit by hand.
"""The HTTP core every generated resource method calls.

``SyncAPIClient`` and ``AsyncAPIClient`` (written from one template) own the ``httpx`` client
and do, for every call: path formatting, query encoding, authentication and default headers,
per-call options, retries with backoff, error mapping, envelope unwrapping and conversion of the
payload to the declared type. Everything that does not touch the network lives in
``_BaseClient`` and is shared by both.

Retry rules. A request is retried (up to ``max_retries`` times, 2 by default) after a connection
error, a timeout, or an HTTP 408, 429, 500, 502, 503 or 504, when repeating it is safe: always
for GET, HEAD, PUT, DELETE and OPTIONS and for operations marked idempotent; for POST and PATCH
only when the request provably never reached the server (connect error or connect/pool timeout)
or was refused with 429. Every POST/PATCH carries one ``Idempotency-Key`` for all its attempts.
The pause is ``min(factor * 2**n, 8 s)`` minus up to 25 % jitter, or what the server asks for
(``Retry-After``, and on 429 ``X-RateLimit-Reset``) if that is at most 60 s; a longer wait is not
attempted and the error is raised at once. When retries run out, the error of the last attempt
is raised, with its type.

Time limits. ``timeout`` bounds each step of an attempt (connect, each read, each write);
``total_timeout`` bounds the whole call, retries and pauses included (see ``_deadline``): an
attempt it cuts short raises ``APITimeoutError``, and a retry that could not start in time is
not made.

Credentials are put on each attempt by ``_auth.Authenticator``. Redirects are followed here, not
by httpx, and ``_security.rebind`` decides the credentials of each hop: a hop that leaves the
origin carries none, neither the API's nor a credential header of the caller. A 401 to a request
that carried a token that can be fetched anew (OAuth2) is repeated once with a new token.
"""

from __future__ import annotations

import contextlib
import json as jsonlib
import logging
import math
import os
import random
import re
import sys
import time
import types
import warnings
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from datetime import time as dt_time
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar, cast, overload
from urllib.parse import quote

import httpx

if sys.version_info >= (3, 10):
    from typing import ParamSpec
else:  # typing_extensions costs ~2 ms to import: not before a request unless needed
    from typing_extensions import ParamSpec

from . import _deadline, _envelopes
from ._auth import (
    Applied,
    Authenticator,
    CredentialSource,
    HTTPBearerScheme,
    Own,
    Requirement,
    Security,
    attach,
    origin_of,
    rebind,
    same_origin,
)
from ._config import DEFAULT_BASE_URL, SERVER_PATH, ClientConfig
from ._encoding import Styled, content_coded, path_text, query_pairs, raw_content
from ._error_body import request_id_of
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    ResponseValidationError,
    ValidationError,
    _redact,
    make_status_error,
    parse_reset,
    parse_retry_after,
)
from ._redact import (
    redact_headers,
    redact_url,
    request_secrets,
    scrub_exception,
    secret_values,
)
from ._types import NOT_GIVEN, FileInput, Headers, NotGiven, Query, Timeout
from ._validation import check_headers, header_value_problem, is_finite, is_model

if TYPE_CHECKING:
    # Pydantic is imported when an answer is validated, not before (a command line's first
    # call pays for it only once its answer arrives).
    import pydantic

    from ._pagespec import PaginationSpec, _Walk

    # Imported where first needed instead (a page, a stream, an upload): `import <package>`
    # then loads neither the page model (Pydantic's model machinery) nor httpx-sse.
    from ._pagination import PagedResponse, PageRequest
    from ._streaming import AsyncEventStream, EventStream

__all__ = [
    "APIResponse",
    "async_to_raw_response_wrapper",
    "to_raw_response_wrapper",
    "AsyncAPIClient",
    "later",
    "Operation",
    "RateLimit",
    "RequestOptions",
    "SyncAPIClient",
]

T = TypeVar("T")
P = ParamSpec("P")

# Set while a `client.with_raw_response...` call runs: request() then returns an APIResponse.
# A context variable (not client state) so that threads and tasks sharing a client don't mix.
_RAW_RESPONSE: ContextVar[bool] = ContextVar("runrl_raw_response", default=False)


def to_raw_response_wrapper(func: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """Wrap a generated method so that it returns the ``APIResponse`` (status, headers, parsed)."""

    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        token = _RAW_RESPONSE.set(True)
        try:
            return cast("APIResponse[T]", func(*args, **kwargs))
        finally:
            _RAW_RESPONSE.reset(token)

    wrapped.__doc__ = func.__doc__
    wrapped.__name__ = getattr(func, "__name__", "wrapped")
    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[APIResponse[T]]]:
    """The async twin of :func:`to_raw_response_wrapper`."""

    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        token = _RAW_RESPONSE.set(True)
        try:
            return cast("APIResponse[T]", await func(*args, **kwargs))
        finally:
            _RAW_RESPONSE.reset(token)

    wrapped.__doc__ = func.__doc__
    wrapped.__name__ = getattr(func, "__name__", "wrapped")
    return wrapped


_SyncClientT = TypeVar("_SyncClientT", bound="SyncAPIClient")
_AsyncClientT = TypeVar("_AsyncClientT", bound="AsyncAPIClient")

logger = logging.getLogger("runrl")
# httpx's own logger: its line for each request is written here too (``_send_direct``)
_HTTPX_LOG = logging.getLogger("httpx")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Methods that may create something: they carry an Idempotency-Key.
_KEYED_METHODS = frozenset({"POST", "PATCH"})
MAX_BACKOFF = 8.0
MAX_RETRY_AFTER = 60.0
# Config fields that shape the connection pool; copies that keep them can share the pool.
_TRANSPORT_FIELDS = ("verify_ssl", "ssl_ca_cert", "cert_file", "key_file", "proxy", "pool_maxsize")
_NONE_TYPE = type(None)


class _Later:
    """A return type that is imported once the answer arrives (see :func:`later`)."""

    __slots__ = ("_resolve", "resolved")

    def __init__(self, resolve: Callable[[], Any]) -> None:
        self._resolve = resolve
        self.resolved: Any = None  # the type, once imported (callers read it: no call per call)

    def resolve(self) -> Any:
        """The type, imported on the first call (a module-level constant: once per process)."""
        if self.resolved is None:
            self.resolved = self._resolve()
        return self.resolved


def later(resolve: Callable[[], type[T]]) -> type[T]:
    """``cast_to`` (or a page's ``item_type``) for a type imported only when the answer is
    there: ``resolve()`` imports and returns it. A method that returns a model thus sends its
    request before the model (and Pydantic's model machinery, ~30 ms) is imported: a command
    line's first call reaches the network sooner, and one that fails there never pays for it.
    Typed as the type itself, so mypy checks the method as with the type; at run time a marker
    that ``_process_response`` (a page: ``_request_page``) resolves."""
    return cast("type[T]", _Later(resolve))


_PATH_PARAM = re.compile(r"\{([^{}]+)\}")
_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9_.~-]+")


@dataclass(frozen=True)
class Operation:
    """One API operation, as the generator describes it (one module-level constant each).

    ``unwrap`` is the path into the JSON body to the payload (``("data",)`` for the envelope).
    ``idempotent`` marks a POST that may safely be retried; ``deprecated`` makes each call emit a
    ``DeprecationWarning``; ``stream``/``binary`` mark event-stream and raw-bytes responses
    (``stream`` with ``lines``: a stream of JSON values, one a line, asked for as ``accept``).
    ``security`` is the operation's own ``security``: alternatives, each the names of the
    schemes to apply together (``()`` = none needed); ``None`` = the API's default.
    ``qualified_name`` is the public method (``files.list``) that messages name.
    ``content_type`` is the request body's media type when it is not ``application/json``
    (``application/merge-patch+json``, ``text/plain``); ``raw_body`` says the body is sent as
    it is (``"text"``: a string, UTF-8; ``"file"``: bytes, a path or a binary file).
    ``server`` is the operation's own server URL, used while the client keeps the default
    ``base_url`` (one the user sets, e.g. a mock's, wins); a relative one (``/v2``) goes under
    the client's origin. ``content_coding``: the document declares ``Content-Encoding`` as a
    header parameter, and its value is applied to the body (``_encoding.content_coded``:
    ``gzip`` compresses it, ``identity`` is not sent).
    """

    method: str
    path: str
    unwrap: tuple[str, ...] = ()
    idempotent: bool = False
    deprecated: bool = False
    stream: bool = False
    binary: bool = False
    operation_id: str = ""
    security: tuple[Requirement, ...] | None = None
    qualified_name: str = ""
    content_type: str = ""  # of the request body, when not application/json (or a form)
    server: str = ""  # the operation's own server (path- or operation-level `servers`)
    raw_body: str = ""  # "text" or "file": the body is sent as is, not as JSON
    accept: str = ""  # the declared media types, when not application/json (or octet-stream)
    content_coding: bool = False  # a Content-Encoding parameter: the client codes the body
    lines: bool = False  # a stream of JSON values, one a line (NDJSON, Kubernetes' watch)
    required_form: str = ""  # "form" or "multipart": a required body, sent empty if need be

    @property
    def name(self) -> str:
        """How messages refer to the operation: the method users call (``files.list``), else
        its operationId, else ``METHOD /path``."""
        return self.qualified_name or self.operation_id or f"{self.method} {self.path}"


@dataclass(frozen=True)
class RequestOptions:
    """Per-call adjustments; every field left at its default changes nothing.

    ``timeout`` replaces the client's; ``extra_headers``/``extra_query`` are added to the
    request, ``extra_body`` is merged into the JSON (or form) body; ``idempotency_key`` replaces
    the generated one (POST and PATCH: generated methods set it with ``keyed``); ``max_retries``
    and ``retry_backoff_factor`` replace the client's (``max_retries=0`` disables retries for the
    call). ``total_timeout`` replaces the client's limit on the whole call, in seconds (``None``:
    no limit).
    """

    timeout: Timeout | NotGiven = NOT_GIVEN
    extra_headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Mapping[str, object] | None = None
    idempotency_key: str | None = None
    max_retries: int | None = None
    retry_backoff_factor: float | None = None
    total_timeout: float | None | NotGiven = NOT_GIVEN

    def keyed(self, idempotency_key: str | None) -> RequestOptions:
        """These options with the call's ``Idempotency-Key`` (``None``: a generated one)."""
        if idempotency_key is None:
            return self
        return replace(self, idempotency_key=idempotency_key)


@dataclass(frozen=True)
class RateLimit:
    """The quota state the API reported on its latest response.

    ``limit`` requests per window, ``remaining`` in this window, ``reset`` the unix time at
    which the window resets; each ``None`` if the header was absent.
    """

    limit: int | None
    remaining: int | None
    reset: float | None

    @property
    def reset_at(self) -> datetime | None:
        """``reset`` as an aware UTC datetime."""
        if self.reset is None:
            return None
        return datetime.fromtimestamp(self.reset, tz=timezone.utc)


_UNSET: Any = object()


class APIResponse(Generic[T]):
    """A response with its HTTP details, returned by ``request(..., raw=True)``.

    ``status_code``, ``headers``, ``request_id`` (the id the server gave the request),
    ``http_response`` (the ``httpx.Response``) and ``retries_taken`` are available at once;
    ``parsed()`` converts the body to the declared type the first time it is called.
    """

    def __init__(
        self, http_response: httpx.Response, parse: Callable[[], T], retries_taken: int
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries_taken
        self._parse = parse
        self._parsed: Any = _UNSET

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The request id the server sent (``X-Request-Id`` or the API's own header)."""
        return request_id_of(self.http_response)

    def parsed(self) -> T:
        """The payload, unwrapped and converted like ``request()`` returns it."""
        if self._parsed is _UNSET:
            self._parsed = self._parse()
        return cast(T, self._parsed)

    def __repr__(self) -> str:
        request = self.http_response.request
        url = redact_url(request.url, request_secrets(request))
        return f"<APIResponse [{self.status_code}] {url}>"


class _Prepared:
    """A request ready to send (one per logical call, shared by its attempts)."""

    __slots__ = (
        "backoff_factor",
        "content",
        "data",
        "files",
        "headers",
        "max_retries",
        "method",
        "params",
        "timeout",
        "total_timeout",
        "url",
    )

    def __init__(
        self,
        *,
        method: str,
        url: str,
        params: httpx.QueryParams | None,
        headers: dict[str, str],
        content: bytes | None,
        data: dict[str, Any] | None,
        files: list[tuple[str, Any]] | None,
        timeout: httpx.Timeout,
        max_retries: int,
        backoff_factor: float,
        total_timeout: float | None = None,
    ) -> None:
        self.method = method
        self.url = url
        self.params = params
        self.headers = headers
        self.content = content
        self.data = data
        self.files = files
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff_factor = backoff_factor
        self.total_timeout = total_timeout


def _json_default(value: object) -> object:
    """Encode what ``json`` cannot: models, dates, enums, decimals, UUIDs, sets."""
    if is_model(value):
        from ._models import mark_constants  # loaded: a model exists

        mark_constants(value)  # one-value and required-with-default fields are always sent
        return cast(Any, value).model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (datetime, date, dt_time)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    from uuid import UUID

    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _to_text(value: object) -> str:
    """A query/form/path value as text: booleans as true/false, enums by value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        return value
    if isinstance(value, (datetime, date, dt_time)):
        return value.isoformat()
    return str(value)


def _encode_query(
    query: Query | None, extra: Query | None, literal: str = ""
) -> httpx.QueryParams | None:
    """The query string: ``literal`` (a query written in the path key, ``/items?kind=x``, kept
    first), then the parameters (``Styled`` ones as their style says), then ``extra``."""
    if not query and not extra and not literal:
        return None
    pairs: list[tuple[str, str | int | float | bool | None]] = []
    if literal:
        pairs.extend(httpx.QueryParams(literal).multi_items())
    for source in (query, extra):
        if not source:
            continue
        for key, value in source.items():
            if value is None or isinstance(value, NotGiven):
                continue
            if isinstance(value, Styled):
                pairs.extend(query_pairs(key, value))
            elif isinstance(value, (list, tuple, set, frozenset)):
                pairs.extend((key, _to_text(item)) for item in value if item is not None)
            else:
                pairs.append((key, _to_text(value)))
    return httpx.QueryParams(pairs)


def _encode_form(data: Mapping[str, object]) -> dict[str, Any]:
    form: dict[str, Any] = {}
    for key, value in data.items():
        if value is None or isinstance(value, NotGiven):
            continue
        if isinstance(value, Styled):
            for name, text in query_pairs(key, value):
                form.setdefault(name, []).append(text)
        elif isinstance(value, (list, tuple)):
            form[key] = [_to_text(item) for item in value]
        else:
            form[key] = _to_text(value)
    return form


def _empty_form(kind: str, own_type: str | None) -> tuple[bytes, str]:
    """The body and Content-Type of a required form given no field (httpx writes nothing for
    an empty form): an empty urlencoded body, or a multipart one of no part, its boundary's
    close alone (the boundary of a Content-Type the call sets, else a random one, as httpx's)."""
    if kind != "multipart":
        return b"", own_type or "application/x-www-form-urlencoded"
    boundary = ""
    if own_type:
        _, _, boundary = own_type.partition("boundary=")
        boundary = boundary.split(";")[0].strip().strip('"')
    if not boundary:
        boundary = os.urandom(16).hex()
        own_type = f"multipart/form-data; boundary={boundary}"
    return f"--{boundary}--\r\n".encode("latin-1"), str(own_type)


def _field_parts(form: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """A multipart body's text fields as parts without a filename (and without a
    Content-Type), in order: what httpx writes for fields beside a file."""
    return [
        (key, (None, text))
        for key, value in form.items()
        for text in (value if isinstance(value, list) else [value])
    ]


# ----------------------------------------------------------------- what must not be sent


def _check_seconds(op: Operation, name: str, value: T, inf: bool = False) -> T:
    """A per-call time option that would fail later (NaN, negative) fails here, before sending."""
    # NaN fails every comparison; only total_timeout may be infinite (no limit).
    if isinstance(value, (int, float)) and not (value >= 0 and (inf or value < math.inf)):
        raise ValidationError(f"{op.name}: {name} must be a number >= 0 (got {value!r})")
    return value


# Values that may hold a NaN or an infinity (anything else is skipped at the cost of one check).
_MAYBE_NON_FINITE = (float, Decimal, list, tuple, set, frozenset)


def _refuse_non_finite(op: Operation, *sources: Mapping[str, object] | None) -> None:
    """NaN and infinity in a path, query or form value: an API cannot take them."""
    for source in sources:
        if not source:
            continue
        for key, value in source.items():
            if not isinstance(value, _MAYBE_NON_FINITE):
                continue
            values = value if isinstance(value, (list, tuple, set, frozenset)) else (value,)
            if not all(is_finite(v) for v in values):
                raise ValidationError(
                    f"{op.name}: {key} must be a finite number (got {value!r})",
                    details={"errors": [{"argument": key, "constraint": "finite"}]},
                )


def _dump_json(op: Operation, body: object) -> bytes:
    """The JSON body; NaN and infinity (which JSON cannot carry) raise ``ValidationError``."""
    try:
        text = jsonlib.dumps(
            body, default=_json_default, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        )
    except ValueError as exc:
        where = _non_finite_at(body)
        if where is None:
            raise ValidationError(f"{op.name}: the body cannot be sent as JSON: {exc}") from exc
        raise ValidationError(
            f"{op.name}: {where or 'the body'} must be a finite number (JSON has no NaN or inf)",
            details={"errors": [{"argument": where, "constraint": "finite"}]},
        ) from None
    return text.encode("utf-8")


def _non_finite_at(value: object, path: str = "", depth: int = 0) -> str | None:
    """Where in ``value`` a NaN or infinity is (``"config.lr"``), or ``None``."""
    if is_model(value):
        value = cast(Any, value).model_dump(mode="json", by_alias=True, exclude_unset=True)
    if not is_finite(value):
        return path
    if depth > 100:
        return None
    if isinstance(value, Mapping):
        items: Any = ((str(key), item) for key, item in value.items())
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = ((f"[{index}]", item) for index, item in enumerate(value))
    else:
        return None
    for key, item in items:
        inner = f"{path}{key}" if key.startswith("[") else f"{path}.{key}" if path else key
        found = _non_finite_at(item, inner, depth + 1)
        if found is not None:
            return found
    return None


def _sendable(value: str) -> bool:
    return value == value.strip() and header_value_problem(value) is None


def _is_model_class(tp: object) -> bool:
    import pydantic

    # list[int] passes isinstance(..., type) on Python 3.9/3.10 but breaks issubclass.
    return (
        isinstance(tp, type)
        and not isinstance(tp, types.GenericAlias)
        and issubclass(tp, pydantic.BaseModel)
    )


@lru_cache(maxsize=512)
def _cached_adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    import pydantic

    return pydantic.TypeAdapter(tp)


def _adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    """A TypeAdapter per type, built once: building one costs far more than validating."""
    try:
        return _cached_adapter(tp)
    except TypeError:  # an unhashable type expression
        import pydantic

        return pydantic.TypeAdapter(tp)


_PAGE_CLASSES: dict[Any, type[PagedResponse[Any]]] = {}


def _page_class(item_type: Any) -> type[PagedResponse[Any]]:
    cls = _PAGE_CLASSES.get(item_type)
    if cls is None:
        from ._pagination import PagedResponse

        cls = cast(Any, PagedResponse)[item_type]
        _PAGE_CLASSES[item_type] = cls
    return cls


def _type_name(tp: object) -> str:
    return getattr(tp, "__name__", None) or repr(tp)


def _describe_validation_error(exc: pydantic.ValidationError) -> str:
    errors = exc.errors(include_url=False, include_input=False)
    if not errors:
        return str(exc)
    first = errors[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "(top level)"
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    return f"at {where}: {first.get('msg', 'invalid')}{more}"


_debug_handler: logging.Handler | None = None


def _enable_debug_logging() -> None:
    """``debug=True``: make the package logger print DEBUG records even if logging is unset."""
    global _debug_handler
    logger.setLevel(logging.DEBUG)
    if _debug_handler is None and not logger.handlers:
        _debug_handler = logging.StreamHandler(sys.stderr)
        _debug_handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
        logger.addHandler(_debug_handler)


def _idempotency_key(op: Operation, given: str | None, header: str | None) -> str:
    """The ``Idempotency-Key`` of a POST or PATCH: one per logical call, reused by every retry,
    so that the server can recognize a repeated create and not perform it twice.

    The caller's wins: ``idempotency_key=`` (``RequestOptions.idempotency_key``), or an
    ``Idempotency-Key`` in the call's ``extra_headers`` (where a document that declares the
    header as a parameter puts it); two different ones are refused before anything is sent.
    Otherwise a new random one. A ``default_headers`` key is not used: shared by every call,
    it would make the server answer each create with the first one's result."""
    if given and header and given != header:
        raise ValidationError(
            f"{op.name}: idempotency_key and the Idempotency-Key header differ; pass one"
        )
    if given or header:
        return given or header or ""
    import uuid

    return str(uuid.uuid4())


def _is_plain_text(response: httpx.Response) -> bool:
    kind: str = response.headers.get("content-type", "")
    return kind.split(";", 1)[0].strip().lower() == "text/plain"


def _lower_keys(headers: Mapping[str, str]) -> dict[str, str]:
    return {key.lower(): value for key, value in headers.items()}


def _int_header(headers: httpx.Headers, name: str) -> int | None:
    raw = headers.get(name)
    if raw is None:
        return None
    try:
        return int(float(raw))
    except (ValueError, OverflowError):  # garbage, nan, inf: as if absent
        return None


# The request that fetches an OAuth2 token: no credentials of the API, safe to repeat.
_TOKEN_REQUEST = Operation("POST", "", idempotent=True, security=(), qualified_name="token request")

# The security of an API whose generated client declares none: a bearer token from ``api_key``.
_API_KEY_BEARER = Security(
    schemes=(HTTPBearerScheme("bearer", CredentialSource("api_key", "RUNRL_API_KEY")),),
    default=(("bearer",),),
)


class _BaseClient:
    """What the sync and the async client share: configuration, request building, retry
    decisions, response conversion. Holds no per-call state, so one client can serve many
    threads or tasks at once."""

    # The API's security schemes and default requirements; the generated client sets its own.
    _security: ClassVar[Security] = _API_KEY_BEARER

    def __init__(
        self,
        config: ClientConfig,
        *,
        credentials: Mapping[str, object] | None = None,
        token_refresh_margin: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        # Raises AuthenticationError when the API needs credentials and none were given.
        self._auth = Authenticator(
            self._security,
            config,
            credentials=credentials,
            token_refresh_margin=token_refresh_margin,
            clock=clock or time.monotonic,
        )
        self._auth.check()
        self._credentials = credentials
        self._token_refresh_margin = token_refresh_margin
        self._clock = clock
        self._config = config
        self._base_url = config.base_url
        # Header names are kept lower-case throughout, so that an override written with another
        # capitalization replaces the default instead of sending the header twice.
        self._headers: dict[str, str] = {
            "accept": "application/json",
            "user-agent": config.user_agent,
            **_lower_keys(config.default_headers),
        }
        self._timeout = _as_httpx_timeout(config.timeout)
        # Replaced by the subclass once its httpx client exists (see _merge_client_headers).
        self._base_headers = self._headers
        self._max_retries = config.max_retries if config.retry_enabled else 0
        self._rate_limit: RateLimit | None = None
        if config.debug:
            _enable_debug_logging()

    @property
    def config(self) -> ClientConfig:
        """The resolved configuration (its ``repr`` masks the API key)."""
        return self._config

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate-limit headers of the latest response, ``None`` before any was seen."""
        return self._rate_limit

    @property
    def max_retries(self) -> int:
        """Retries per request (0 when retries are disabled)."""
        return self._max_retries

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={redact_url(self._base_url)!r}>"

    def _secrets(self, request: httpx.Request | None = None) -> frozenset[str]:
        """Every secret a message about ``request`` could contain (computed on error paths)."""
        found = secret_values(
            self._base_headers.items(), (self._config.base_url, self._config.proxy)
        )
        return found | request_secrets(request)

    def _post_init(self) -> None:
        """Hook for subclasses: runs at the end of ``__init__`` and of ``copy()``.

        Generated clients attach their resources here (or lazily), because ``copy()`` builds
        the new client without calling the subclass ``__init__``.
        """

    def _transport_kwargs(self) -> dict[str, Any]:
        """Arguments for a new httpx client, from the TLS/proxy/pool options."""
        config = self._config
        verify: Any = config.verify_ssl
        if config.cert_file or (config.verify_ssl and config.ssl_ca_cert):
            import ssl

            if not config.verify_ssl:
                # Not verifying the server must not drop the client certificate (mutual TLS
                # against a server with a self-signed certificate).
                context = ssl.create_default_context()
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            elif config.ssl_ca_cert:
                context = ssl.create_default_context(cafile=config.ssl_ca_cert)
            else:
                context = httpx.create_ssl_context()
            if config.cert_file:
                context.load_cert_chain(config.cert_file, config.key_file)
            verify = context
        return {
            "verify": verify,
            "proxy": config.proxy,
            "timeout": self._timeout,
            "limits": httpx.Limits(
                max_connections=config.pool_maxsize,
                max_keepalive_connections=config.pool_maxsize,
            ),
        }

    def _merge_client_headers(self, client: httpx.Client | httpx.AsyncClient) -> None:
        """Fold the httpx client's default headers under ours, once, instead of per request.

        Its headers that this client's credentials go in are left out: ours win, as before."""
        ours = self._auth.header_names()
        merged = {
            key.lower(): value for key, value in client.headers.items() if key.lower() not in ours
        }
        merged.update(self._headers)
        self._base_headers = merged

    @staticmethod
    def _build_request(
        client: httpx.Client | httpx.AsyncClient, prepared: _Prepared, headers: dict[str, str]
    ) -> httpx.Request:
        if client.cookies.jar:
            # Cookies the server set (e.g. a sticky load balancer) go back out the usual way.
            return client.build_request(
                prepared.method,
                prepared.url,
                params=prepared.params,
                headers=headers,
                content=prepared.content,
                data=prepared.data,
                files=prepared.files,
                timeout=prepared.timeout,
            )
        # Building the Request directly skips httpx's per-call merging of client defaults
        # (done once in _merge_client_headers): about a third of the cost of a small call.
        return httpx.Request(
            prepared.method,
            prepared.url,
            params=prepared.params,
            headers=headers,
            content=prepared.content,
            data=prepared.data,
            files=prepared.files,
            extensions={"timeout": prepared.timeout.as_dict()},
        )

    def _can_share_transport(self, config: ClientConfig) -> bool:
        return all(getattr(config, f) == getattr(self._config, f) for f in _TRANSPORT_FIELDS)

    # ----------------------------------------------------------------- building a request

    def _prepare(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None,
        query: Query | None,
        json: object,
        data: Mapping[str, object] | None,
        files: Mapping[str, Any] | None,
        options: RequestOptions | None,
        stack: contextlib.ExitStack,
    ) -> _Prepared:
        method = op.method.upper()
        path, _, literal_query = op.path.partition("?")
        if path_params is not None or "{" in path:
            path = self._format_path(op, path_params or {}, path)
        headers = dict(self._base_headers)
        if op.stream:
            headers["accept"] = op.accept or "text/event-stream"
            headers["cache-control"] = "no-store"
        elif op.binary:  # the media types the document declares for it, else any
            headers["accept"] = op.accept or "application/octet-stream, */*"
        elif op.accept:
            headers["accept"] = op.accept

        timeout = self._timeout
        max_retries = self._max_retries
        backoff_factor = self._config.retry_backoff_factor
        total_timeout = self._config.total_timeout
        extra_body: Mapping[str, object] | None = None
        extra_query: Query | None = None
        idempotency_key: str | None = None
        header_key: str | None = None  # an Idempotency-Key the call itself sets
        own_type: str | None = None  # a Content-Type the call itself sets (a JSON body's)
        if options is not None:
            if not isinstance(options.timeout, NotGiven):
                timeout = _as_httpx_timeout(_check_seconds(op, "timeout", options.timeout))
            if options.max_retries is not None:
                max_retries = max(options.max_retries, 0)
            if options.retry_backoff_factor is not None:
                backoff_factor = max(
                    _check_seconds(op, "retry_backoff_factor", options.retry_backoff_factor), 0.0
                )
            if not isinstance(options.total_timeout, NotGiven):
                total_timeout = _check_seconds(op, "total_timeout", options.total_timeout, inf=True)
            if options.extra_headers:
                extra = _lower_keys(check_headers(op.name, options.extra_headers))
                header_key = extra.get("idempotency-key")
                own_type = extra.get("content-type")
                headers.update(extra)
            extra_body = options.extra_body
            extra_query = options.extra_query
            idempotency_key = options.idempotency_key
        _refuse_non_finite(op, path_params, query, extra_query, data, extra_body)
        if method in _KEYED_METHODS:
            headers["idempotency-key"] = _idempotency_key(op, idempotency_key, header_key)

        content: bytes | None = None
        form: dict[str, Any] | None = None
        upload: list[tuple[str, Any]] | None = None
        if files is not None:  # a multipart body (a method of one passes files, maybe {})
            from ._validation import to_httpx_file

            upload = []  # (field, file) pairs: a list of files is one part per file
            for name, value in files.items():
                for item in value if isinstance(value, list) else [value]:
                    upload.append(
                        (name, item if isinstance(item, tuple) else to_httpx_file(item, stack))
                    )
            form = _encode_form({**(data or {}), **(extra_body or {})})
            if form and not upload:
                # httpx sends fields without a file urlencoded: as parts without a filename
                upload, form = _field_parts(form), None
        elif data is not None:
            form = _encode_form({**data, **(extra_body or {})})
        elif op.raw_body:
            given_type: str | None = None
            if op.raw_body == "file" and isinstance(json, tuple) and len(json) in (2, 3):
                # (filename, content[, content_type]): the content, sent as its type says
                given_type = json[2] if len(json) == 3 else None
                json = json[1]
            if json is not None:
                content = raw_content(json, op.raw_body)
                headers["content-type"] = (
                    own_type or given_type or op.content_type or "application/octet-stream"
                )
        elif json is not None or extra_body:
            body: object = json
            if isinstance(json, Mapping) or json is None:
                body = {k: v for k, v in (json or {}).items() if not isinstance(v, NotGiven)}
                if extra_body:
                    body = {**cast("dict[str, object]", body), **extra_body}
            content = _dump_json(op, body)
            # The call's own (Kubernetes' strategic-merge-patch+json beside the declared
            # merge-patch+json): extra_headers replace the defaults, this one included.
            headers["content-type"] = own_type or op.content_type or "application/json"
        # A form given no field (an optional body called bare) is not sent: no body, no
        # Content-Type (what httpx does with an empty form; said here, not left to it). A
        # required one is sent empty (below), as a required JSON body given nothing is `{}`.
        form = form or None
        upload = upload or None
        empty_form = bool(op.required_form) and content is None and not (form or upload)
        if op.content_coding and "content-encoding" in headers:
            try:
                content, coding = content_coded(
                    headers.pop("content-encoding"), content, bool(form or upload or empty_form)
                )
            except ValueError as exc:
                raise ValidationError(f"{op.name}: {exc}") from None
            if coding:
                headers["content-encoding"] = coding
        if empty_form:
            content, headers["content-type"] = _empty_form(op.required_form, own_type)

        return _Prepared(
            method=method,
            url=(self._server_of(op) if op.server else self._base_url) + path,
            params=_encode_query(query, extra_query, literal_query),
            headers=headers,
            content=content,
            data=form,
            files=upload,
            timeout=timeout,
            max_retries=max_retries,
            backoff_factor=backoff_factor,
            total_timeout=total_timeout,
        )

    def _server_of(self, op: Operation) -> str:
        if SERVER_PATH is not None and op.server.startswith("/"):
            # The API's server and the operation's are both paths on the same host (InfluxDB's
            # /api/v2 and /ping's ""): the operation's replaces the API's at the base_url's end.
            root = SERVER_PATH.rstrip("/")
            if self._base_url.endswith(root):
                return self._base_url[: len(self._base_url) - len(root)] + op.server.rstrip("/")
        if self._base_url != DEFAULT_BASE_URL.rstrip("/"):
            return self._base_url  # the user's choice (a mock, a proxy) wins
        if op.server.startswith("/"):
            origin = httpx.URL(self._base_url).copy_with(path="/", query=None, fragment=None)
            return str(origin).rstrip("/") + op.server.rstrip("/")
        return op.server

    @staticmethod
    def _format_path(op: Operation, path_params: Mapping[str, object], path: str = "") -> str:
        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in path_params or path_params[name] is None:
                raise ValidationError(f"{op.name}: path parameter {name!r} is required")
            value = path_params[name]
            if isinstance(value, Styled):
                encoded = path_text(name, value)  # percent-encoded piece by piece
                if encoded.strip(".") == "":
                    raise ValidationError(f"{op.name}: path parameter {name!r} is empty")
                return encoded
            text = _to_text(value)
            if not text or text in (".", ".."):
                # Such a segment would silently address another endpoint (/files/ = the list,
                # /files/.. = the parent), and percent-encoding cannot prevent that.
                raise ValidationError(f"{op.name}: path parameter {name!r} must not be {text!r}")
            if _PLAIN_SEGMENT.fullmatch(text):
                return text  # the common case (ids); quote() is comparatively slow
            # safe="": a "/" or "?" inside an id must not change which URL is called.
            return quote(text, safe="")

        return _PATH_PARAM.sub(substitute, path or op.path.partition("?")[0])

    # ----------------------------------------------------------------- retry decisions

    @staticmethod
    def _retryable_error(method: str, op: Operation, exc: httpx.RequestError) -> bool:
        if not isinstance(exc, httpx.TransportError) or isinstance(
            exc, (httpx.UnsupportedProtocol, httpx.LocalProtocolError)
        ):
            # LocalProtocolError: the request itself is malformed; sending it again cannot help.
            return False
        if method in IDEMPOTENT_METHODS or op.idempotent:
            return True
        # These fail before a single byte of the request is written.
        return isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))

    @staticmethod
    def _retryable_status(method: str, op: Operation, status: int) -> bool:
        if status not in RETRYABLE_STATUSES:
            return False
        # A 429 is refused before any work is done, so even a create can be repeated.
        return status == 429 or method in IDEMPOTENT_METHODS or op.idempotent

    @staticmethod
    def _backoff(attempt: int, factor: float) -> float:
        delay = min(factor * 2.0**attempt, MAX_BACKOFF)
        # Jitter spreads out clients that failed together so they do not retry together.
        return delay * (1.0 - 0.25 * random.random())

    def _retry_delay(
        self, attempt: int, response: httpx.Response, backoff_factor: float
    ) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` to give up now."""
        advised = parse_retry_after(response.headers)
        if advised is None and response.status_code == 429:
            # Unix seconds (a small number is a delay instead); None if absurd.
            reset = parse_reset(response.headers.get("x-ratelimit-reset"))
            if reset is not None:
                advised = max(reset - time.time(), 0.0)
        if advised is None:
            return self._backoff(attempt, backoff_factor)
        # Waiting minutes inside a call would look like a hang: raise and let the caller decide.
        return advised if advised <= MAX_RETRY_AFTER else None

    # ----------------------------------------------------------------- after a response

    def _record(
        self,
        request: httpx.Request,
        response: httpx.Response | None,
        started: float,
        attempt: int,
        error: BaseException | None = None,
    ) -> None:
        if response is not None and "x-ratelimit-limit" in response.headers:
            headers = response.headers
            # A new immutable object per response: readers never see a half-updated state.
            self._rate_limit = RateLimit(
                limit=_int_header(headers, "x-ratelimit-limit"),
                remaining=_int_header(headers, "x-ratelimit-remaining"),
                reset=parse_reset(headers.get("x-ratelimit-reset")),
            )
        if logger.isEnabledFor(logging.DEBUG):
            outcome = str(response.status_code) if response is not None else type(error).__name__
            secrets = request_secrets(request)
            logger.debug(
                "%s %s -> %s in %.1f ms (attempt %d)",
                request.method,
                redact_url(request.url, secrets),
                outcome,
                (time.perf_counter() - started) * 1000.0,
                attempt + 1,
            )
            if self._config.debug:
                logger.debug(
                    "request headers: %s", redact_headers(request.headers.items(), secrets)
                )

    def _log_unused(self, url: str, op: Operation, own: Own) -> None:
        """``debug=True``: say why a call goes without the client's credentials (its operation
        declares other schemes, or none), instead of leaving the header line to be puzzled at;
        or where it carries one the caller set itself (``own``)."""
        reason = self._auth.unused(url, op, own)
        if reason is not None:
            logger.debug("%s", reason)

    def _connection_error(
        self, op: Operation, request: httpx.Request, exc: httpx.RequestError, attempts: int
    ) -> APIConnectionError:
        # The httpx error becomes this one's __cause__: its message must be as clean as ours.
        scrub_exception(exc, self._secrets(request))
        where = f"{request.method} {redact_url(request.url.copy_with(query=None))}"
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"{op.name}: request timed out{tries} ({type(exc).__name__}, {where})",
                request=request,
            )
        return APIConnectionError(
            f"{op.name}: connection failed{tries}: {exc} ({where})", request=request
        )

    def _deadline_error(
        self,
        op: Operation,
        request: httpx.Request,
        total_timeout: float | None,
        own: bool,
        attempts: int,
        exc: httpx.RequestError | None,
    ) -> APITimeoutError:
        """The call ran out of time: its ``total_timeout``, or a deadline of its caller."""
        if exc is not None:
            scrub_exception(exc, self._secrets(request))
        where = f"{request.method} {redact_url(request.url.copy_with(query=None))}"
        limit = (
            f"its total_timeout of {total_timeout:g} s"
            if own and total_timeout is not None
            else "the deadline of its caller (an enclosing call, or a future's result(timeout=...))"
        )
        tries = f"{attempts} attempt(s)" if attempts else "no attempt made"
        return APITimeoutError(
            f"{op.name}: no complete answer within {limit} ({tries}, {where})", request=request
        )

    def _process_response(self, op: Operation, response: httpx.Response, cast_to: type[T]) -> T:
        """Unwrap the envelope and convert the payload to ``cast_to``."""
        if isinstance(cast_to, _Later):  # see later(): imported now that the answer is here
            cast_to = cast_to.resolved or cast_to.resolve()
        if cast_to is _NONE_TYPE:
            return cast(T, None)
        if cast_to is bytes:
            return cast(T, response.content)
        if cast_to is str and not op.unwrap and _is_plain_text(response):
            # A string answered as plain text (Kubernetes' pod log: text/plain declared beside
            # application/json, and what the server sends): the text is the value.
            return cast(T, response.text)
        if cast_to is not object and cast_to is not Any:
            value = _envelopes.parse(response.content, op.unwrap, cast_to)
            if value is not _envelopes.MISSING:
                return cast(T, value)
        elif not response.content and not op.unwrap:
            # An answer the spec gives no schema (a media type alone): nothing is a fine value.
            return cast(T, None)
        # Two passes: what one pass did not accept is either accepted here or explained.
        try:
            body: Any = jsonlib.loads(response.content)
        except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
            kind = response.headers.get("content-type") or "no content type"
            # Redacted before it is cut: a page may echo the credential back.
            excerpt = (
                _redact(response.text, response.request)[:80]
                if response.content
                else "an empty body"
            )
            raise ResponseValidationError(
                f"{op.name}: expected a JSON body, got {kind}: {excerpt!r}",
                status_code=response.status_code,
                response=response,
            ) from exc
        for depth, key in enumerate(op.unwrap):
            if not isinstance(body, dict) or key not in body:
                member = ".".join(op.unwrap[: depth + 1])
                raise ResponseValidationError(
                    f"{op.name}: the response has no {member!r} member",
                    status_code=response.status_code,
                    response=response,
                )
            body = body[key]
        return self._convert(op, body, cast_to, response)

    @staticmethod
    def _convert(op: Operation, value: Any, cast_to: type[T], response: httpx.Response) -> T:
        import pydantic

        try:
            if _is_model_class(cast_to):
                # The common case, kept off the TypeAdapter path because it is the fastest.
                return cast(T, cast(Any, cast_to).model_validate(value))
            if cast_to is object or cast_to is Any:
                return cast(T, value)
            return cast(T, _adapter(cast_to).validate_python(value))
        except pydantic.ValidationError as exc:
            raise ResponseValidationError(
                f"{op.name}: the response does not match {_type_name(cast_to)} "
                f"{_describe_validation_error(exc)}",
                status_code=response.status_code,
                response=response,
            ) from exc

    def _build_page(
        self,
        op: Operation,
        raw: APIResponse[Any],
        item_type: Any,
        spec: PaginationSpec,
        query: Query | None,
        walk: _Walk,
    ) -> tuple[PagedResponse[Any], PageRequest | None]:
        """The page in ``raw``, and how to ask for the next one (``None``: the last page)."""
        import pydantic

        from ._pagination import plan_next, split_payload

        response = raw.http_response
        one_pass = _one_pass_page(response.content, op, item_type, spec)
        if one_pass is not None:
            page, payload, items = one_pass
        else:
            # Two passes: what one pass did not accept is either accepted here or explained.
            payload = raw.parsed()
            parts = split_payload(payload, spec)
            if parts is None:
                where = f"the list member {spec.items!r}" if spec.items else "a list"
                raise ResponseValidationError(
                    f"{op.name}: expected a page object with {where}",
                    status_code=response.status_code,
                    response=response,
                )
            items, meta = parts
            try:
                page = _page_class(item_type).model_validate({"items": items, "pagination": meta})
            except pydantic.ValidationError as exc:
                raise ResponseValidationError(
                    f"{op.name}: the response does not match a page of {_type_name(item_type)} "
                    f"{_describe_validation_error(exc)}",
                    status_code=response.status_code,
                    response=response,
                ) from exc
        number, size = _page_numbers(query, spec) if spec.style == "page" else (None, None)
        if walk.first_size is None and page.items:
            walk.first_size = len(page.items)
        page._bind(
            page_number=number,
            page_size=size,
            raw=raw,
            first_page=spec.first_page,
            seen_size=walk.first_size,
        )
        try:
            return page, plan_next(spec, page, payload, items, query, response, walk)
        except ValueError as exc:
            raise ResponseValidationError(
                f"{op.name}: {exc}", status_code=response.status_code, response=response
            ) from exc

    def _next_page_url(self, op: Operation, url: str) -> str:
        """A next-page URL from the server, if it stays on the API's origin (the credentials
        would not follow it elsewhere, and its answer would not be the API's)."""
        target = httpx.URL(url)
        base = httpx.URL(self._base_url)
        if target.scheme not in ("http", "https") or not same_origin(target, origin_of(base)):
            shown = redact_url(target.copy_with(query=None))
            raise ResponseValidationError(
                f"{op.name}: the server's next page URL {shown} is not on the API's origin "
                f"({base.scheme}://{base.netloc.decode('ascii')}); not followed"
            )
        return url


def _one_pass_page(
    content: bytes, op: Operation, item_type: Any, spec: PaginationSpec
) -> tuple[PagedResponse[Any], Any, Any] | None:
    """``(page, payload, items)`` from one pass over the bytes (``_envelopes.parse_page``: the
    list validated, the payload's other members as plain JSON values, which is all the next-page
    logic reads), or ``None``: then the two-pass path decides. Every pagination style goes
    through here; ``split_payload`` finds the list and the facts as on the two-pass path."""
    import pydantic

    from ._pagination import split_payload

    bare = spec.style == "single" or spec.items == ""
    payload = _envelopes.parse_page(content, op.unwrap, None if bare else spec.items, item_type)
    if payload is _envelopes.MISSING:
        return None
    parts = split_payload(payload, spec)
    if parts is None:
        return None
    items, meta = parts
    try:
        page = _page_class(item_type).model_validate({"items": items, "pagination": meta})
    except pydantic.ValidationError:
        return None
    return page, payload, items


def _direct_transport(client: httpx.Client | httpx.AsyncClient) -> Any:
    """The transport to hand a non-streamed call to directly (``_send_direct``): that of an
    httpx client this package built, with its own transport (``_transport``: no proxy), no
    transports by URL and no httpx auth. None for any other (an injected client keeps httpx's
    whole ``send``: its auth, hooks and transports apply), or an httpx without the attributes
    this relies on."""
    transport = getattr(client, "_transport", None)
    if (
        getattr(transport, "direct", False)
        and not getattr(client, "_mounts", True)
        and client.auth is None
        and hasattr(client, "_build_redirect_request")
        and hasattr(client, "_default_encoding")
    ):
        return transport
    return None


def _with_own_transport(kwargs: dict[str, Any], *, asynchronous: bool) -> dict[str, Any]:
    """Add this package's transport (``_transport``: a fair queue in front of the pool, cheaper
    connection assignment) to a new httpx client's arguments, unless a proxy is in play: a
    proxy from the config or the environment keeps httpx's own transports, as before."""
    if kwargs.get("proxy") is not None:
        return kwargs
    from urllib.request import getproxies

    # httpx honours these variables only when it builds its transports itself.
    if any(key in ("http", "https", "all") for key in getproxies()):
        return kwargs
    from ._transport import AsyncTransport, SyncTransport

    transport_class = AsyncTransport if asynchronous else SyncTransport
    transport = transport_class(verify=kwargs["verify"], limits=kwargs["limits"])
    return {**kwargs, "transport": transport}


def _closed(op: Operation, client: str, owns_pool: bool) -> ClientClosedError:
    pool = (
        "it was closed (by close() or at the end of its `with` block)"
        if owns_pool
        else "the connection pool it uses (its http_client, or its parent's if it is a copy) "
        "was closed"
    )
    return ClientClosedError(
        f"{op.name}: this {client} is closed, nothing was sent: {pool}; make a new client, "
        f"or make the calls inside its `with` block"
    )


def _other_loop(op: Operation, client: str) -> str:
    return (
        f"{op.name}: this {client} was used in an event loop that has ended, and its "
        f"pooled connections belong to that loop: make an async client in each event loop "
        f"that uses it (e.g. one per asyncio.run(), or per test when each test has its own loop)"
    )


class _Cookies(httpx.Cookies):
    """httpx's cookie store, minus its cost on responses that set no cookie.

    httpx hands every response to the standard library's cookie jar, which first rebuilds the
    request and the response as ``urllib`` objects (~15 µs a call here, 4 % of a small GET);
    most API responses set no cookie, so that work is skipped unless one does.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


def _skip_cookieless_responses(client: httpx.Client | httpx.AsyncClient) -> None:
    """Give an httpx client this package created the cheaper cookie store (same cookies)."""
    cookies = getattr(client, "_cookies", None)
    if type(cookies) is httpx.Cookies:
        client._cookies = _Cookies(cookies.jar)


def _as_httpx_timeout(value: Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


def _body_members(json: object) -> dict[str, object] | None:
    """A JSON request body as the members a page walk reads and sets (``in_body`` paging), or
    ``None`` if it is not a JSON object (a list, a string)."""
    if json is None:
        return {}
    if isinstance(json, Mapping):
        return {str(k): v for k, v in json.items() if not isinstance(v, NotGiven)}
    if is_model(json):
        dumped = _json_default(json)
        return dict(dumped) if isinstance(dumped, dict) else None
    return None


def _page_numbers(query: Query | None, spec: PaginationSpec) -> tuple[int | None, int | None]:
    if not query:
        return None, None
    numbers: list[int | None] = []
    for key in (spec.page_param, spec.size_param):
        value = query.get(key)
        numbers.append(value if isinstance(value, int) and not isinstance(value, bool) else None)
    return numbers[0], numbers[1]


class SyncAPIClient(_BaseClient):
    """The synchronous HTTP core of the generated client.

    Build it from a ``ClientConfig``. ``http_client`` injects a ready ``httpx.Client``:
    its transport, TLS, proxy, pool, auth, event hooks and default headers apply, while the
    URL, timeout and retries come from the config (its ``base_url``, ``params`` and ``timeout``
    are not used), and ``close()`` leaves it open; its connections are fitted to end by each
    call's deadline (see ``_deadline``; inert outside this package's calls). ``sleep`` replaces
    the function that waits between retries (tests pass a recorder). ``credentials`` holds the
    credentials of the API's security schemes other than ``api_key``, by argument name (see
    ``_auth.CredentialSource``); OAuth2 tokens are fetched anew ``token_refresh_margin`` seconds
    before they expire (default: ``RUNRL_TOKEN_REFRESH_MARGIN``, else 60);
    ``clock`` is the monotonic clock that dates them (tests pass one they control).

    Safe to share between threads: a call keeps its state to itself; the client only
    remembers the latest ``rate_limit``.
    """

    _client: httpx.Client

    def __init__(
        self,
        config: ClientConfig | None = None,
        *,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] | None = None,
        credentials: Mapping[str, object] | None = None,
        token_refresh_margin: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(
            config if config is not None else ClientConfig.from_env(),
            credentials=credentials,
            token_refresh_margin=token_refresh_margin,
            clock=clock,
        )
        self._owns_http_client = http_client is None
        if http_client is None:
            http_client = httpx.Client(
                **_with_own_transport(self._transport_kwargs(), asynchronous=False)
            )
            _skip_cookieless_responses(http_client)
        self._client = http_client
        self._direct: httpx.BaseTransport | None = _direct_transport(http_client)
        # Every socket operation of a call then ends by the call's deadline (total_timeout).
        _deadline.install(http_client)
        self._merge_client_headers(http_client)
        self._sleep = sleep if sleep is not None else time.sleep
        self._post_init()

    def copy(self: _SyncClientT, **overrides: Any) -> _SyncClientT:
        """A new client with some configuration fields changed (``ClientConfig`` names).

        When the TLS, proxy and pool options are unchanged, the copy shares this client's
        connection pool (cheap, and the copy's ``close()`` does not close it); otherwise
        it gets its own. It keeps the credentials, and their cached tokens while ``api_key`` and
        ``base_url`` are unchanged. Unknown names raise ``TypeError``.
        """
        config = self._config.replace(**overrides)
        share = self._can_share_transport(config) and not self._client.is_closed
        new = type(self).__new__(type(self))
        SyncAPIClient.__init__(
            new,
            config,
            http_client=self._client if share else None,
            sleep=self._sleep,
            credentials=self._credentials,
            token_refresh_margin=self._token_refresh_margin,
            clock=self._clock,
        )
        if self._auth.serves(config):
            new._auth = self._auth  # same credentials: share the cached tokens too
        return new

    with_options = copy

    def close(self) -> None:
        """Close the connection pool (unless it was injected or is shared from a parent)."""
        if self._owns_http_client:
            self._client.close()

    def __enter__(self: _SyncClientT) -> _SyncClientT:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ----------------------------------------------------------------- public entry points

    @overload
    def request(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = ...,
        query: Query | None = ...,
        json: object = ...,
        data: Mapping[str, object] | None = ...,
        files: Mapping[str, FileInput | tuple[Any, ...]] | None = ...,
        cast_to: type[T],
        options: RequestOptions | None = ...,
        raw: Literal[False] = ...,
    ) -> T: ...

    @overload
    def request(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = ...,
        query: Query | None = ...,
        json: object = ...,
        data: Mapping[str, object] | None = ...,
        files: Mapping[str, FileInput | tuple[Any, ...]] | None = ...,
        cast_to: type[T],
        options: RequestOptions | None = ...,
        raw: Literal[True],
    ) -> APIResponse[T]: ...

    def request(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Query | None = None,
        json: object = None,
        data: Mapping[str, object] | None = None,
        files: Mapping[str, FileInput | tuple[Any, ...]] | None = None,
        cast_to: type[T],
        options: RequestOptions | None = None,
        raw: bool = False,
    ) -> T | APIResponse[T]:
        """Send one API call and return its payload converted to ``cast_to``.

        ``path_params`` fill the ``{placeholders}`` of ``op.path`` (percent-encoded);
        ``query`` values that are ``None`` are dropped; ``json`` is the JSON body, ``data`` and
        ``files`` a multipart form (file values: a path, bytes or a binary file object; paths
        are streamed and closed afterwards). ``cast_to`` is a model class, a typing expression
        such as ``List[File]``, ``bytes`` (the raw body), ``type(None)`` (the body is ignored)
        or ``object`` (the unwrapped JSON as is). With ``raw=True`` an ``APIResponse`` is
        returned instead. Raises an ``APIStatusError`` subclass for an HTTP error,
        ``APIConnectionError``/``APITimeoutError`` when the API could not be reached, and
        ``ResponseValidationError`` when the answer is not what the specification says.
        """
        if op.deprecated:
            warnings.warn(f"{op.name} is deprecated", DeprecationWarning, stacklevel=3)
        return self._request(
            op,
            path_params=path_params,
            query=query,
            json=json,
            data=data,
            files=files,
            cast_to=cast_to,
            options=options,
            raw=raw or _RAW_RESPONSE.get(),
        )

    def request_page(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Query | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        item_type: type[T],
        pagination: PaginationSpec,
        options: RequestOptions | None = None,
    ) -> PagedResponse[T]:
        """Fetch one page of a list; the page can fetch the following ones on demand.

        ``pagination`` says where the items and the pagination facts are and which query
        parameters choose the page; ``item_type`` is the class of one item. A request body
        (``json`` or form ``data``, e.g. a search) is sent again with every page.
        """
        if op.deprecated:
            warnings.warn(f"{op.name} is deprecated", DeprecationWarning, stacklevel=3)
        sink: list[APIResponse[Any]] | None = [] if _RAW_RESPONSE.get() else None
        page = self._request_page(
            op,
            path_params=path_params,
            query=query,
            json=json,
            data=data,
            item_type=item_type,
            pagination=pagination,
            options=options,
            sink=sink,
        )
        if sink:
            # with_raw_response: the first page's HTTP response, parsed into the page.
            first = sink[0]
            response = APIResponse(first.http_response, lambda: page, first.retries_taken)
            return cast("PagedResponse[T]", response)
        return page

    def request_stream(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Query | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
        event_type: Any = None,
    ) -> EventStream[Any]:
        """Open a Server-Sent Events stream; iterate over the result to receive events (each
        one's data validated as ``event_type``; without it, ``ServerSentEvent`` objects).

        Not a coroutine in the async client either: ``for event in
        client.<namespace>.<method>(...)`` works as written. The connection is opened when
        iteration starts (so HTTP errors are raised there) and closed when the stream ends or
        when the consumer stops early (leave a ``with`` block or call ``close()``).
        If the connection drops, the stream is reopened with ``Last-Event-ID`` (at most
        ``max_retries`` times in a row).
        """
        if op.deprecated:
            warnings.warn(f"{op.name} is deprecated", DeprecationWarning, stacklevel=3)
        stack = contextlib.ExitStack()
        with stack:
            prepared = self._prepare(
                op,
                path_params=path_params,
                query=query,
                json=json,
                data=data,
                files=files,
                options=options,
                stack=stack,
            )

        def connect(last_event_id: str | None) -> httpx.Response:
            extra = None
            # The id comes from the server: one HTTP cannot carry is not sent back.
            if last_event_id is not None and _sendable(last_event_id):
                extra = {"last-event-id": last_event_id}
            response, _ = self._send(op, prepared, stream=True, extra_headers=extra)
            return response

        from ._streaming import iter_events as iterate

        return iterate(
            connect,
            # JSON lines carry no event id to resume from: a reopened stream would start over.
            max_reconnects=0 if op.lines else prepared.max_retries,
            backoff_factor=prepared.backoff_factor,
            sleep=self._sleep,
            event_type=event_type,
            name=op.name,
            lines=op.lines,
        )

    # ----------------------------------------------------------------- internals

    def _request(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None,
        query: Query | None,
        json: object,
        data: Mapping[str, object] | None,
        files: Mapping[str, Any] | None,
        cast_to: type[T],
        options: RequestOptions | None,
        raw: bool,
        url: str | None = None,
    ) -> T | APIResponse[T]:
        with contextlib.ExitStack() as stack:
            prepared = self._prepare(
                op,
                path_params=path_params,
                query=query,
                json=json,
                data=data,
                files=files,
                options=options,
                stack=stack,
            )
            if url is not None:
                # A next page at a URL the server gave: its query is the server's, not ours.
                prepared.url, prepared.params = url, None
            response, retries = self._send(op, prepared)
        if raw:
            return APIResponse(
                response, lambda: self._process_response(op, response, cast_to), retries
            )
        return self._process_response(op, response, cast_to)

    def _request_page(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None,
        query: Query | None,
        json: object,
        data: Mapping[str, Any] | None,
        item_type: type[T],
        pagination: PaginationSpec,
        options: RequestOptions | None,
        sink: list[APIResponse[Any]] | None = None,
        at: PageRequest | None = None,
        walk: _Walk | None = None,
    ) -> PagedResponse[T]:
        if walk is None:
            from ._pagespec import _Walk  # no Pydantic: the request goes out first

            walk = _Walk()
        url = self._next_page_url(op, at.url) if at is not None and at.url is not None else None
        raw = self._request(
            op,
            path_params=path_params,
            query=query,
            json=json,
            data=data,
            files=None,
            cast_to=object,
            options=options,
            raw=True,
            url=url,
        )
        if sink is not None:
            sink.append(cast("APIResponse[Any]", raw))
        if isinstance(item_type, _Later):  # see later(): imported now that the answer is here
            item_type = item_type.resolved or item_type.resolve()
        body = _body_members(json) if pagination.in_body else None
        page, next_request = self._build_page(
            op,
            cast("APIResponse[Any]", raw),
            item_type,
            pagination,
            cast("Query", body) if pagination.in_body else query,
            walk,
        )
        if next_request is None or (pagination.in_body and body is None):
            return page  # a body that is not a JSON object cannot carry the next page's values
        mark = walk.mark()  # each fetch from this page walks on from here (_Walk.rewind)

        def fetch(request: PageRequest) -> PagedResponse[T]:
            walk.rewind(mark)
            next_query, next_json = query, json
            if request.url is None and pagination.in_body:
                next_json = {**(body or {}), **request.params}
            elif request.url is None:
                next_query = {**(query or {}), **request.params}
            return self._request_page(
                op,
                path_params=path_params,
                query=cast("Query", next_query),
                json=next_json,
                data=data,
                item_type=item_type,
                pagination=pagination,
                options=options,
                at=request,
                walk=walk,
            )

        page._next = next_request
        page._fetch_page = fetch
        return page

    def _send(
        self,
        op: Operation,
        prepared: _Prepared,
        *,
        stream: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        credentials: Applied | None = None,
    ) -> tuple[httpx.Response, int]:
        """Send with retries; return the successful response and the number of retries.

        Everything ends by the call's deadline (its ``total_timeout``, or an earlier one set by
        the caller, e.g. a future's ``result(timeout=...)``): an attempt it cuts short raises
        ``APITimeoutError``, and a retry that could not start before it is not made (the
        error of the last attempt is raised). Each attempt gets its credentials anew
        (``credentials`` if given, else the operation's, from the authenticator): a token may
        have been renewed in between.
        """
        if self._client.is_closed:  # httpx would say only "Cannot send a request"
            raise _closed(op, type(self).__name__, self._owns_http_client)
        attempt = 0
        renewed = False
        # The dict belongs to this call only (and httpx copies it), so it is updated in place.
        headers = prepared.headers
        if extra_headers:
            headers = {**headers, **extra_headers}
        # Credentials the caller put where the API's schemes go: secrets too (see hide below).
        own = self._auth.callers_own(headers, prepared.params)
        deadline, own_deadline, token = _deadline.start(prepared.total_timeout)
        try:
            while True:
                headers["x-retry-count"] = str(attempt)
                applied = credentials
                if applied is None:
                    applied = self._auth.apply(prepared.url, headers, op, self._post_token)
                    if applied is None and self._config.debug and attempt == 0:
                        self._log_unused(prepared.url, op, own)
                sent = {**headers, **applied.headers} if applied is not None else headers
                request = self._build_request(self._client, prepared, sent)
                if applied is not None:
                    attach(request, applied)
                if own:
                    self._auth.hide(request, own)
                if deadline is not None:
                    if time.monotonic() >= deadline:
                        raise self._deadline_error(
                            op, request, prepared.total_timeout, own_deadline, attempt, None
                        )
                    clamped = _deadline.clamp_timeouts(prepared.timeout, deadline)
                    if clamped is not None:
                        request.extensions["timeout"] = clamped
                started = time.perf_counter()
                try:
                    response = self._send_and_follow(request, stream)
                except httpx.RequestError as exc:
                    self._record(request, None, started, attempt, exc)
                    if (
                        deadline is not None
                        and isinstance(exc, httpx.TimeoutException)
                        and time.monotonic() >= deadline - 0.01
                    ):
                        raise self._deadline_error(
                            op, request, prepared.total_timeout, own_deadline, attempt + 1, exc
                        ) from exc
                    retry = self._retryable_error(prepared.method, op, exc)
                    failure: Exception = self._connection_error(op, request, exc, attempt + 1)
                    if not retry or attempt >= prepared.max_retries:
                        raise failure from exc
                    delay: float = self._backoff(attempt, prepared.backoff_factor)
                    cause: Exception | None = exc
                else:
                    self._record(request, response, started, attempt)
                    if response.status_code < 400 and response.status_code != 304:
                        return response, attempt
                    if stream:
                        try:
                            response.read()
                        except httpx.TransportError:
                            pass  # the status code alone still says what went wrong
                        finally:
                            response.close()
                    if response.status_code == 401 and not renewed and self._auth.renew(request):
                        renewed = True  # the token was refused: once more, with a new one
                        continue
                    error = make_status_error(response)
                    retry = self._retryable_status(prepared.method, op, response.status_code)
                    if not retry or attempt >= prepared.max_retries:
                        raise error
                    advised = self._retry_delay(attempt, response, prepared.backoff_factor)
                    if advised is None:
                        raise error
                    delay, failure, cause = advised, error, None
                if deadline is not None and time.monotonic() + delay >= deadline:
                    # The next attempt could not start in time: this attempt's error stands.
                    raise failure from cause
                self._sleep(delay)
                attempt += 1
        finally:
            _deadline.reset(token)

    def _send_and_follow(self, request: httpx.Request, stream: bool) -> httpx.Response:
        """Send ``request``, following redirects here rather than in httpx (as many as the httpx
        client allows, 20 by default), so that the credentials of each hop are decided again, in
        one place: ``_security.rebind`` (none off the origin)."""
        first = request
        history: list[httpx.Response] = []
        client = self._client
        while True:
            hooks = client.event_hooks
            if self._direct is None or stream or hooks["request"] or hooks["response"]:
                response = client.send(request, stream=stream, follow_redirects=False)
            else:
                response = self._send_direct(self._direct, request)
            next_request = response.next_request
            if next_request is None:
                if history:
                    response.history = history
                return response
            response.close()
            if len(history) >= self._client.max_redirects:
                raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.", request=request)
            history.append(response)
            rebind(next_request, origin_of(first.url))
            request = next_request

    def _send_direct(
        self, transport: httpx.BaseTransport, request: httpx.Request
    ) -> httpx.Response:
        """``self._client.send(request)`` of a non-streamed request, handed to the client's
        transport directly (``_direct_transport``): the layers of httpx's ``send`` that a client
        this package built does not use (auth, event hooks, redirects: followed here,
        transports by URL: proxies) cost ~5 % of a small call. What they do for it is done here:
        the response's request, body, time taken, cookies and text encoding, httpx's log line
        (its URL's credentials hidden, which httpx's own line shows), and the next request of a
        redirect."""
        client = self._client
        started = time.perf_counter()
        try:
            response = transport.handle_request(request)
        except httpx.RequestError as exc:
            exc.request = request  # as httpx's send attaches it
            raise
        response.request = request
        try:
            response.read()
        except BaseException:
            response.close()
            raise
        response.elapsed = timedelta(seconds=time.perf_counter() - started)
        client.cookies.extract_cookies(response)
        response.default_encoding = client._default_encoding
        if _HTTPX_LOG.isEnabledFor(logging.INFO):  # httpx's line, its URL's secrets hidden
            _HTTPX_LOG.info(
                'HTTP Request: %s %s "%s %d %s"',
                request.method,
                redact_url(request.url, request_secrets(request)),
                response.http_version,
                response.status_code,
                response.reason_phrase,
            )
        if response.has_redirect_location:
            response.next_request = client._build_redirect_request(request, response)
        return response

    def _post_token(
        self, url: str, headers: dict[str, str], form: dict[str, str], credentials: Applied
    ) -> httpx.Response:
        """POST an OAuth2 token request (retried like an idempotent call, within the deadline
        of the call that needs the token); the response."""
        prepared = _Prepared(
            method="POST",
            url=url,
            params=None,
            headers={"user-agent": self._config.user_agent, **headers},
            content=None,
            data=form,
            files=None,
            timeout=self._timeout,
            max_retries=self._max_retries,
            backoff_factor=self._config.retry_backoff_factor,
            total_timeout=self._config.total_timeout,
        )
        response, _ = self._send(_TOKEN_REQUEST, prepared, credentials=credentials)
        return response


class AsyncAPIClient(_BaseClient):
    """The asynchronous HTTP core of the generated client.

    Build it from a ``ClientConfig``. ``http_client`` injects a ready ``httpx.AsyncClient``:
    its transport, TLS, proxy, pool, auth, event hooks and default headers apply, while the
    URL, timeout and retries come from the config (its ``base_url``, ``params`` and ``timeout``
    are not used), and ``aclose()`` leaves it open; its connections are fitted to end by each
    call's deadline (see ``_deadline``; inert outside this package's calls). ``sleep`` replaces
    the function that waits between retries (tests pass a recorder). ``credentials`` holds the
    credentials of the API's security schemes other than ``api_key``, by argument name (see
    ``_auth.CredentialSource``); OAuth2 tokens are fetched anew ``token_refresh_margin`` seconds
    before they expire (default: ``RUNRL_TOKEN_REFRESH_MARGIN``, else 60);
    ``clock`` is the monotonic clock that dates them (tests pass one they control).

    Safe to share between tasks: a call keeps its state to itself; the client only
    remembers the latest ``rate_limit``.
    """

    _client: httpx.AsyncClient

    def __init__(
        self,
        config: ClientConfig | None = None,
        *,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        credentials: Mapping[str, object] | None = None,
        token_refresh_margin: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(
            config if config is not None else ClientConfig.from_env(),
            credentials=credentials,
            token_refresh_margin=token_refresh_margin,
            clock=clock,
        )
        self._owns_http_client = http_client is None
        if http_client is None:
            http_client = httpx.AsyncClient(
                **_with_own_transport(self._transport_kwargs(), asynchronous=True)
            )
            _skip_cookieless_responses(http_client)
        self._client = http_client
        self._direct: httpx.AsyncBaseTransport | None = _direct_transport(http_client)
        # Every socket operation of a call then ends by the call's deadline (total_timeout).
        _deadline.install(http_client)
        self._merge_client_headers(http_client)
        if sleep is None:
            import asyncio  # here: a program that only uses the sync client never imports it

            sleep = asyncio.sleep
        self._sleep = sleep
        self._post_init()

    def copy(self: _AsyncClientT, **overrides: Any) -> _AsyncClientT:
        """A new client with some configuration fields changed (``ClientConfig`` names).

        When the TLS, proxy and pool options are unchanged, the copy shares this client's
        connection pool (cheap, and the copy's ``aclose()`` does not close it); otherwise
        it gets its own. It keeps the credentials, and their cached tokens while ``api_key`` and
        ``base_url`` are unchanged. Unknown names raise ``TypeError``.
        """
        config = self._config.replace(**overrides)
        share = self._can_share_transport(config) and not self._client.is_closed
        new = type(self).__new__(type(self))
        AsyncAPIClient.__init__(
            new,
            config,
            http_client=self._client if share else None,
            sleep=self._sleep,
            credentials=self._credentials,
            token_refresh_margin=self._token_refresh_margin,
            clock=self._clock,
        )
        if self._auth.serves(config):
            new._auth = self._auth  # same credentials: share the cached tokens too
        return new

    with_options = copy

    async def aclose(self) -> None:
        """Close the connection pool (unless it was injected or is shared from a parent)."""
        if self._owns_http_client:
            await self._client.aclose()

    async def __aenter__(self: _AsyncClientT) -> _AsyncClientT:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # ----------------------------------------------------------------- public entry points

    @overload
    async def request(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = ...,
        query: Query | None = ...,
        json: object = ...,
        data: Mapping[str, object] | None = ...,
        files: Mapping[str, FileInput | tuple[Any, ...]] | None = ...,
        cast_to: type[T],
        options: RequestOptions | None = ...,
        raw: Literal[False] = ...,
    ) -> T: ...

    @overload
    async def request(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = ...,
        query: Query | None = ...,
        json: object = ...,
        data: Mapping[str, object] | None = ...,
        files: Mapping[str, FileInput | tuple[Any, ...]] | None = ...,
        cast_to: type[T],
        options: RequestOptions | None = ...,
        raw: Literal[True],
    ) -> APIResponse[T]: ...

    async def request(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Query | None = None,
        json: object = None,
        data: Mapping[str, object] | None = None,
        files: Mapping[str, FileInput | tuple[Any, ...]] | None = None,
        cast_to: type[T],
        options: RequestOptions | None = None,
        raw: bool = False,
    ) -> T | APIResponse[T]:
        """Send one API call and return its payload converted to ``cast_to``.

        ``path_params`` fill the ``{placeholders}`` of ``op.path`` (percent-encoded);
        ``query`` values that are ``None`` are dropped; ``json`` is the JSON body, ``data`` and
        ``files`` a multipart form (file values: a path, bytes or a binary file object; paths
        are streamed and closed afterwards). ``cast_to`` is a model class, a typing expression
        such as ``List[File]``, ``bytes`` (the raw body), ``type(None)`` (the body is ignored)
        or ``object`` (the unwrapped JSON as is). With ``raw=True`` an ``APIResponse`` is
        returned instead. Raises an ``APIStatusError`` subclass for an HTTP error,
        ``APIConnectionError``/``APITimeoutError`` when the API could not be reached, and
        ``ResponseValidationError`` when the answer is not what the specification says.
        """
        if op.deprecated:
            warnings.warn(f"{op.name} is deprecated", DeprecationWarning, stacklevel=3)
        return await self._request(
            op,
            path_params=path_params,
            query=query,
            json=json,
            data=data,
            files=files,
            cast_to=cast_to,
            options=options,
            raw=raw or _RAW_RESPONSE.get(),
        )

    async def request_page(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Query | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        item_type: type[T],
        pagination: PaginationSpec,
        options: RequestOptions | None = None,
    ) -> PagedResponse[T]:
        """Fetch one page of a list; the page can fetch the following ones on demand.

        ``pagination`` says where the items and the pagination facts are and which query
        parameters choose the page; ``item_type`` is the class of one item. A request body
        (``json`` or form ``data``, e.g. a search) is sent again with every page.
        """
        if op.deprecated:
            warnings.warn(f"{op.name} is deprecated", DeprecationWarning, stacklevel=3)
        sink: list[APIResponse[Any]] | None = [] if _RAW_RESPONSE.get() else None
        page = await self._request_page(
            op,
            path_params=path_params,
            query=query,
            json=json,
            data=data,
            item_type=item_type,
            pagination=pagination,
            options=options,
            sink=sink,
        )
        if sink:
            # with_raw_response: the first page's HTTP response, parsed into the page.
            first = sink[0]
            response = APIResponse(first.http_response, lambda: page, first.retries_taken)
            return cast("PagedResponse[T]", response)
        return page

    def request_stream(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Query | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
        event_type: Any = None,
    ) -> AsyncEventStream[Any]:
        """Open a Server-Sent Events stream; iterate over the result to receive events (each
        one's data validated as ``event_type``; without it, ``ServerSentEvent`` objects).

        Not a coroutine in the async client either: ``async for event in
        client.<namespace>.<method>(...)`` works as written. The connection is opened when
        iteration starts (so HTTP errors are raised there) and closed when the stream ends or
        when the consumer stops early (leave a ``async with`` block or call ``aclose()``).
        If the connection drops, the stream is reopened with ``Last-Event-ID`` (at most
        ``max_retries`` times in a row).
        """
        if op.deprecated:
            warnings.warn(f"{op.name} is deprecated", DeprecationWarning, stacklevel=3)
        stack = contextlib.ExitStack()
        with stack:
            prepared = self._prepare(
                op,
                path_params=path_params,
                query=query,
                json=json,
                data=data,
                files=files,
                options=options,
                stack=stack,
            )

        async def connect(last_event_id: str | None) -> httpx.Response:
            extra = None
            # The id comes from the server: one HTTP cannot carry is not sent back.
            if last_event_id is not None and _sendable(last_event_id):
                extra = {"last-event-id": last_event_id}
            response, _ = await self._send(op, prepared, stream=True, extra_headers=extra)
            return response

        from ._streaming import aiter_events as iterate

        return iterate(
            connect,
            # JSON lines carry no event id to resume from: a reopened stream would start over.
            max_reconnects=0 if op.lines else prepared.max_retries,
            backoff_factor=prepared.backoff_factor,
            sleep=self._sleep,
            event_type=event_type,
            name=op.name,
            lines=op.lines,
        )

    # ----------------------------------------------------------------- internals

    async def _request(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None,
        query: Query | None,
        json: object,
        data: Mapping[str, object] | None,
        files: Mapping[str, Any] | None,
        cast_to: type[T],
        options: RequestOptions | None,
        raw: bool,
        url: str | None = None,
    ) -> T | APIResponse[T]:
        with contextlib.ExitStack() as stack:
            prepared = self._prepare(
                op,
                path_params=path_params,
                query=query,
                json=json,
                data=data,
                files=files,
                options=options,
                stack=stack,
            )
            if url is not None:
                # A next page at a URL the server gave: its query is the server's, not ours.
                prepared.url, prepared.params = url, None
            response, retries = await self._send(op, prepared)
        if raw:
            return APIResponse(
                response, lambda: self._process_response(op, response, cast_to), retries
            )
        return self._process_response(op, response, cast_to)

    async def _request_page(
        self,
        op: Operation,
        *,
        path_params: Mapping[str, object] | None,
        query: Query | None,
        json: object,
        data: Mapping[str, Any] | None,
        item_type: type[T],
        pagination: PaginationSpec,
        options: RequestOptions | None,
        sink: list[APIResponse[Any]] | None = None,
        at: PageRequest | None = None,
        walk: _Walk | None = None,
    ) -> PagedResponse[T]:
        if walk is None:
            from ._pagespec import _Walk  # no Pydantic: the request goes out first

            walk = _Walk()
        url = self._next_page_url(op, at.url) if at is not None and at.url is not None else None
        raw = await self._request(
            op,
            path_params=path_params,
            query=query,
            json=json,
            data=data,
            files=None,
            cast_to=object,
            options=options,
            raw=True,
            url=url,
        )
        if sink is not None:
            sink.append(cast("APIResponse[Any]", raw))
        if isinstance(item_type, _Later):  # see later(): imported now that the answer is here
            item_type = item_type.resolved or item_type.resolve()
        body = _body_members(json) if pagination.in_body else None
        page, next_request = self._build_page(
            op,
            cast("APIResponse[Any]", raw),
            item_type,
            pagination,
            cast("Query", body) if pagination.in_body else query,
            walk,
        )
        if next_request is None or (pagination.in_body and body is None):
            return page  # a body that is not a JSON object cannot carry the next page's values
        mark = walk.mark()  # each fetch from this page walks on from here (_Walk.rewind)

        async def fetch(request: PageRequest) -> PagedResponse[T]:
            walk.rewind(mark)
            next_query, next_json = query, json
            if request.url is None and pagination.in_body:
                next_json = {**(body or {}), **request.params}
            elif request.url is None:
                next_query = {**(query or {}), **request.params}
            return await self._request_page(
                op,
                path_params=path_params,
                query=cast("Query", next_query),
                json=next_json,
                data=data,
                item_type=item_type,
                pagination=pagination,
                options=options,
                at=request,
                walk=walk,
            )

        page._next = next_request
        page._afetch_page = fetch
        return page

    async def _send(
        self,
        op: Operation,
        prepared: _Prepared,
        *,
        stream: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        credentials: Applied | None = None,
    ) -> tuple[httpx.Response, int]:
        """Send with retries; return the successful response and the number of retries.

        Everything ends by the call's deadline (its ``total_timeout``, or an earlier one set by
        the caller, e.g. a future's ``result(timeout=...)``): an attempt it cuts short raises
        ``APITimeoutError``, and a retry that could not start before it is not made (the
        error of the last attempt is raised). Each attempt gets its credentials anew
        (``credentials`` if given, else the operation's, from the authenticator): a token may
        have been renewed in between.
        """
        if self._client.is_closed:  # httpx would say only "Cannot send a request"
            raise _closed(op, type(self).__name__, self._owns_http_client)
        attempt = 0
        renewed = False
        # The dict belongs to this call only (and httpx copies it), so it is updated in place.
        headers = prepared.headers
        if extra_headers:
            headers = {**headers, **extra_headers}
        # Credentials the caller put where the API's schemes go: secrets too (see hide below).
        own = self._auth.callers_own(headers, prepared.params)
        deadline, own_deadline, token = _deadline.start(prepared.total_timeout)
        try:
            while True:
                headers["x-retry-count"] = str(attempt)
                applied = credentials
                if applied is None:
                    applied = await self._auth.aapply(prepared.url, headers, op, self._post_token)
                    if applied is None and self._config.debug and attempt == 0:
                        self._log_unused(prepared.url, op, own)
                sent = {**headers, **applied.headers} if applied is not None else headers
                request = self._build_request(self._client, prepared, sent)
                if applied is not None:
                    attach(request, applied)
                if own:
                    self._auth.hide(request, own)
                if deadline is not None:
                    if time.monotonic() >= deadline:
                        raise self._deadline_error(
                            op, request, prepared.total_timeout, own_deadline, attempt, None
                        )
                    clamped = _deadline.clamp_timeouts(prepared.timeout, deadline)
                    if clamped is not None:
                        request.extensions["timeout"] = clamped
                started = time.perf_counter()
                try:
                    response = await self._send_and_follow(request, stream)
                except httpx.RequestError as exc:
                    self._record(request, None, started, attempt, exc)
                    if (
                        deadline is not None
                        and isinstance(exc, httpx.TimeoutException)
                        and time.monotonic() >= deadline - 0.01
                    ):
                        raise self._deadline_error(
                            op, request, prepared.total_timeout, own_deadline, attempt + 1, exc
                        ) from exc
                    retry = self._retryable_error(prepared.method, op, exc)
                    failure: Exception = self._connection_error(op, request, exc, attempt + 1)
                    if not retry or attempt >= prepared.max_retries:
                        raise failure from exc
                    delay: float = self._backoff(attempt, prepared.backoff_factor)
                    cause: Exception | None = exc
                except RuntimeError as exc:
                    # asyncio's words when a pooled connection belongs to a loop that has ended
                    if "Event loop is closed" not in str(exc):
                        raise
                    raise RuntimeError(_other_loop(op, type(self).__name__)) from exc
                else:
                    self._record(request, response, started, attempt)
                    if response.status_code < 400 and response.status_code != 304:
                        return response, attempt
                    if stream:
                        try:
                            await response.aread()
                        except httpx.TransportError:
                            pass  # the status code alone still says what went wrong
                        finally:
                            await response.aclose()
                    if response.status_code == 401 and not renewed and self._auth.renew(request):
                        renewed = True  # the token was refused: once more, with a new one
                        continue
                    error = make_status_error(response)
                    retry = self._retryable_status(prepared.method, op, response.status_code)
                    if not retry or attempt >= prepared.max_retries:
                        raise error
                    advised = self._retry_delay(attempt, response, prepared.backoff_factor)
                    if advised is None:
                        raise error
                    delay, failure, cause = advised, error, None
                if deadline is not None and time.monotonic() + delay >= deadline:
                    # The next attempt could not start in time: this attempt's error stands.
                    raise failure from cause
                await self._sleep(delay)
                attempt += 1
        finally:
            _deadline.reset(token)

    async def _send_and_follow(self, request: httpx.Request, stream: bool) -> httpx.Response:
        """Send ``request``, following redirects here rather than in httpx (as many as the httpx
        client allows, 20 by default), so that the credentials of each hop are decided again, in
        one place: ``_security.rebind`` (none off the origin)."""
        first = request
        history: list[httpx.Response] = []
        client = self._client
        while True:
            hooks = client.event_hooks
            if self._direct is None or stream or hooks["request"] or hooks["response"]:
                response = await client.send(request, stream=stream, follow_redirects=False)
            else:
                response = await self._send_direct(self._direct, request)
            next_request = response.next_request
            if next_request is None:
                if history:
                    response.history = history
                return response
            await response.aclose()
            if len(history) >= self._client.max_redirects:
                raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.", request=request)
            history.append(response)
            rebind(next_request, origin_of(first.url))
            request = next_request

    async def _send_direct(
        self, transport: httpx.AsyncBaseTransport, request: httpx.Request
    ) -> httpx.Response:
        """``self._client.send(request)`` of a non-streamed request, handed to the client's
        transport directly (``_direct_transport``): the layers of httpx's ``send`` that a client
        this package built does not use (auth, event hooks, redirects: followed here,
        transports by URL: proxies) cost ~5 % of a small call. What they do for it is done here:
        the response's request, body, time taken, cookies and text encoding, httpx's log line
        (its URL's credentials hidden, which httpx's own line shows), and the next request of a
        redirect."""
        client = self._client
        started = time.perf_counter()
        try:
            response = await transport.handle_async_request(request)
        except httpx.RequestError as exc:
            exc.request = request  # as httpx's send attaches it
            raise
        response.request = request
        try:
            await response.aread()
        except BaseException:
            await response.aclose()
            raise
        response.elapsed = timedelta(seconds=time.perf_counter() - started)
        client.cookies.extract_cookies(response)
        response.default_encoding = client._default_encoding
        if _HTTPX_LOG.isEnabledFor(logging.INFO):  # httpx's line, its URL's secrets hidden
            _HTTPX_LOG.info(
                'HTTP Request: %s %s "%s %d %s"',
                request.method,
                redact_url(request.url, request_secrets(request)),
                response.http_version,
                response.status_code,
                response.reason_phrase,
            )
        if response.has_redirect_location:
            response.next_request = client._build_redirect_request(request, response)
        return response

    async def _post_token(
        self, url: str, headers: dict[str, str], form: dict[str, str], credentials: Applied
    ) -> httpx.Response:
        """POST an OAuth2 token request (retried like an idempotent call, within the deadline
        of the call that needs the token); the response."""
        prepared = _Prepared(
            method="POST",
            url=url,
            params=None,
            headers={"user-agent": self._config.user_agent, **headers},
            content=None,
            data=form,
            files=None,
            timeout=self._timeout,
            max_retries=self._max_retries,
            backoff_factor=self._config.retry_backoff_factor,
            total_timeout=self._config.total_timeout,
        )
        response, _ = await self._send(_TOKEN_REQUEST, prepared, credentials=credentials)
        return response
