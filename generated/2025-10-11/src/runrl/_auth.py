# Generated from templates/runtime/_auth.py.jinja. Do not edit by hand.
"""Authentication: the API's security schemes, the user's credentials, and the one place where
credentials are put on a request.

The generator describes the security schemes of the API as data (``Security``, a class
attribute of the generated client) and the requirements of each operation
(``Operation.security``). The user gives credentials as constructor arguments, or through the
environment variables each scheme names. For every request (every attempt and every redirect
hop), ``Authenticator.apply`` picks the first requirement of the operation the credentials
satisfy and puts its credentials on the request, but only when the request goes to the API's
own origin. Every value it adds is recorded on the request (``request.extensions``): redirects
(``rebind``) take them off a hop that leaves the origin, and error messages and debug logs
redact them.

OAuth2 tokens (client credentials, or a token provider for any other flow) are cached and
fetched again before they expire (``token_refresh_margin``), one fetch at a time however many
threads or tasks need one; a 401 from the API makes the client fetch a new token and repeat the
request once.
"""

from __future__ import annotations

import base64
import copy
import functools
import inspect
import os
import threading
import time
import weakref
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Union
from urllib.parse import quote

import httpx

from ._exceptions import (
    CREDENTIALS_EXTENSION,
    APIStatusError,
    AuthenticationError,
    RateLimitError,
    TokenRequestError,
)

if TYPE_CHECKING:
    from ._base_client import Operation
    from ._config import ClientConfig

# Seconds before an OAuth2 token expires when a new one is fetched (runapy's default).
DEFAULT_TOKEN_REFRESH_MARGIN = 60.0
_MARGIN_ENV = "RUNRL_TOKEN_REFRESH_MARGIN"

__all__ = [
    "APIKeyScheme",
    "AccessToken",
    "AsyncTokenProvider",
    "Authenticator",
    "BasicCredentials",
    "ClientCredentials",
    "CredentialSource",
    "HTTPBasicScheme",
    "HTTPBearerScheme",
    "OAuth2Scheme",
    "Requirement",
    "Security",
    "SecurityScheme",
    "TokenProvider",
    "attach",
    "rebind",
]

# ------------------------------------------------------------------------ what the generator emits


@dataclass(frozen=True)
class CredentialSource:
    """Where one credential comes from: the constructor argument ``argument``, else the
    environment variable ``env``. The argument ``api_key`` is ``ClientConfig.api_key`` (whose
    environment variable ``ClientConfig.from_env`` reads); every other argument is a key of the
    ``credentials`` mapping the generated constructor passes to the base client."""

    argument: str
    env: str | None = None


@dataclass(frozen=True)
class APIKeyScheme:
    """``type: apiKey``: the key is sent as is in the header, query parameter or cookie
    ``param``."""

    name: str
    location: Literal["header", "query", "cookie"]
    param: str
    key: CredentialSource


@dataclass(frozen=True)
class HTTPBearerScheme:
    """``type: http`` with a token scheme (``bearer``): ``Authorization: <prefix> <token>``.

    The credential is a token string or a token provider (see ``TokenProvider``)."""

    name: str
    token: CredentialSource
    prefix: str = "Bearer"


@dataclass(frozen=True)
class HTTPBasicScheme:
    """``type: http, scheme: basic``: ``Authorization: Basic base64(username:password)``."""

    name: str
    username: CredentialSource
    password: CredentialSource


@dataclass(frozen=True)
class OAuth2Scheme:
    """``type: oauth2`` (and ``openIdConnect``): ``Authorization: Bearer <access token>``.

    The access token is, in this order: what the ``token`` source gives (a token string, a
    ``TokenProvider`` for any flow, or ``ClientCredentials``); else a token fetched from
    ``token_url`` (the ``clientCredentials`` flow's ``tokenUrl``; relative to the base URL if
    relative) with the ``client_id`` and ``client_secret`` sources, asking for ``scopes``.
    """

    name: str
    token: CredentialSource
    token_url: str | None = None
    client_id: CredentialSource | None = None
    client_secret: CredentialSource | None = None
    scopes: tuple[str, ...] = ()


SecurityScheme = Union[APIKeyScheme, HTTPBearerScheme, HTTPBasicScheme, OAuth2Scheme]
# Scheme names that must all be applied together (one entry of an OpenAPI `security` list).
Requirement = tuple[str, ...]


@dataclass(frozen=True)
class Security:
    """The security schemes of an API and its document-level requirements.

    ``default`` is the document's ``security``: alternatives (any one will do), each a
    ``Requirement`` (all of its schemes at once); an empty ``Requirement`` means "no credential
    needed". When ``default`` needs credentials and none of its alternatives can be satisfied,
    the client refuses to start (``AuthenticationError``); an operation with its own
    requirements (``Operation.security``) is checked when it is called.
    """

    schemes: tuple[SecurityScheme, ...] = ()
    default: tuple[Requirement, ...] = ()


# ------------------------------------------------------------------------ what the user passes


@dataclass(frozen=True)
class AccessToken:
    """A token and, if known, its lifetime in seconds from now.

    What a ``TokenProvider`` may return instead of a plain string: the client then fetches a new
    one ``token_refresh_margin`` seconds before it expires (never later than half its lifetime).
    A plain string (or ``expires_in=None``) is used until the API rejects it with a 401.
    """

    token: str = field(repr=False)
    expires_in: float | None = None


# A callable returning the current token, for any flow the client does not run itself
# (authorization code, device code, a CLI's login file...). The async client also accepts a
# coroutine function.
TokenProvider = Callable[[], Union[str, AccessToken]]
AsyncTokenProvider = Callable[[], Awaitable[Union[str, AccessToken]]]


@dataclass(frozen=True)
class ClientCredentials:
    """OAuth2 client credentials (RFC 6749 section 4.4), for full control of the token request.

    ``scopes`` replaces the scheme's scopes; ``token_url`` its token URL; ``auth_method`` says
    how the client authenticates to the token endpoint (HTTP Basic, the default the RFC
    requires servers to support, or the form body); ``extra_params`` are added to the form
    (``audience``, ``resource``...).
    """

    client_id: str
    client_secret: str = field(repr=False)
    scopes: tuple[str, ...] | None = None
    token_url: str | None = None
    auth_method: Literal["client_secret_basic", "client_secret_post"] = "client_secret_basic"
    extra_params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BasicCredentials:
    """A user name and password for HTTP Basic (a ``(username, password)`` tuple works too)."""

    username: str
    password: str = field(repr=False)


# ------------------------------------------------------------------------ requests and origins

_DEFAULT_PORTS = {"http": 80, "https": 443}
Origin = tuple[str, str, int]


def origin_of(url: httpx.URL) -> Origin:
    """``(scheme, host, port)`` with the default port made explicit."""
    return (url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme, 0))


def same_origin(url: httpx.URL, home: Origin) -> bool:
    """Whether credentials made for ``home`` may go to ``url``.

    The same scheme, host and port, or the same host upgraded from http to https (on the
    default ports): what browsers and httpx allow for ``Authorization`` on a redirect.
    """
    target = origin_of(url)
    if target == home:
        return True
    return home == ("http", target[1], 80) and target == ("https", home[1], 443)


@dataclass(frozen=True)
class _Item:
    """One credential on a request: where it went, and the secrets to redact."""

    location: Literal["header", "query", "cookie"]
    name: str
    value: str
    secrets: tuple[str, ...]


@dataclass(frozen=True)
class Applied:
    """The credentials of one request: what ``Authenticator.apply`` decided, recorded on the
    request (``request.extensions``) once it is built."""

    origin: Origin
    items: tuple[_Item, ...]
    renewable: tuple[str, ...] = ()  # names of schemes whose token may be fetched anew
    hidden: tuple[str, ...] = ()  # secrets sent elsewhere (a token request's form), to redact

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(s for item in self.items for s in item.secrets) + self.hidden

    @functools.cached_property
    def headers(self) -> dict[str, str]:
        """The header credentials, to build the request with (cheaper than setting them on
        the built request)."""
        return {item.name: item.value for item in self.items if item.location == "header"}


def _put(request: httpx.Request, items: tuple[_Item, ...]) -> None:
    for item in items:
        if item.location == "header":
            request.headers[item.name] = item.value
        elif item.location == "query":
            request.url = request.url.copy_set_param(item.name, item.value)
        else:
            pair = f"{item.name}={item.value}"
            existing = request.headers.get("cookie")
            request.headers["cookie"] = f"{existing}; {pair}" if existing else pair


def _take_off(request: httpx.Request, items: tuple[_Item, ...]) -> None:
    for item in items:
        if item.location == "header":
            if request.headers.get(item.name) == item.value:
                del request.headers[item.name]
        elif item.location == "query":
            if request.url.params.get(item.name) == item.value:
                request.url = request.url.copy_remove_param(item.name)
        else:
            existing = request.headers.get("cookie")
            if existing is not None:
                pair = f"{item.name}={item.value}"
                kept = [p for p in existing.split("; ") if p != pair]
                if kept:
                    request.headers["cookie"] = "; ".join(kept)
                else:
                    del request.headers["cookie"]


def _already_set(request: httpx.Request, item: _Item) -> bool:
    """The caller set this query or cookie credential explicitly (``extra_query``...): theirs
    wins, as it always has (a header is checked before the request is built)."""
    if item.location == "query":
        return item.name in request.url.params
    cookie = request.headers.get("cookie", "")
    return any(p.split("=", 1)[0] == item.name for p in cookie.split("; "))


def attach(request: httpx.Request, applied: Applied) -> None:
    """Finish putting ``applied`` on ``request``, built with ``applied.headers`` among its
    headers: add the query and cookie credentials, and record them all on the request (for
    redirects and redaction). ``request`` is fresh (one per attempt): its ``extensions`` dict
    is its own."""
    rest = tuple(item for item in applied.items if item.location != "header")
    if rest:
        kept = tuple(item for item in rest if not _already_set(request, item))
        _put(request, kept)
        if len(kept) != len(rest):
            items = tuple(i for i in applied.items if i.location == "header" or i in kept)
            applied = Applied(applied.origin, items, applied.renewable, applied.hidden)
    request.extensions[CREDENTIALS_EXTENSION] = applied


def applied_to(request: httpx.Request) -> Applied | None:
    value = request.extensions.get(CREDENTIALS_EXTENSION)
    return value if isinstance(value, Applied) else None


def rebind(next_request: httpx.Request) -> None:
    """Decide the credentials of a redirect hop again.

    httpx builds the next request from the previous one (headers kept, ``Cookie`` and, off the
    origin, ``Authorization`` dropped). Every credential applied is taken off, then put back
    only when the hop stays on the origin the credentials were made for.
    """
    applied = applied_to(next_request)
    if applied is None:
        return
    _take_off(next_request, applied.items)
    if same_origin(next_request.url, applied.origin):
        _put(next_request, applied.items)
    else:
        next_request.extensions = {
            k: v for k, v in next_request.extensions.items() if k != CREDENTIALS_EXTENSION
        }


# ------------------------------------------------------------------------ tokens


def _check_value(value: object, what: str) -> str:
    """A credential as text that can go in a header: refused (without echoing it) otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, not {type(value).__name__}")
    if not value:
        raise ValueError(f"{what} is empty")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError(f"{what} contains a control character (a line break?)")
    return value


class _TokenCache:
    """The current token of one scheme, fetched anew before it expires, one fetch at a time.

    ``fetch`` is called under a lock (a ``threading.Lock`` for the sync client, an
    ``asyncio.Lock`` per event loop for the async one); callers that waited for a fetch that
    failed get its error instead of trying again at once, so a failing token endpoint is asked
    once per wave of calls, not once per call.
    """

    def __init__(self, margin: float, clock: Callable[[], float]) -> None:
        self._margin = margin
        self._clock = clock
        self._token: str | None = None
        self._refresh_at: float | None = None
        self._completed = 0  # fetches finished, successful or not
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self._alocks: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
        self.fetches = 0  # how many times a token was fetched (tests and diagnostics)

    def fresh(self) -> str | None:
        token = self._token
        if token is None:
            return None
        refresh_at = self._refresh_at
        if refresh_at is not None and self._clock() >= refresh_at:
            return None
        return token

    def invalidate(self, rejected: str) -> None:
        """Forget ``rejected`` (the API answered 401 to it), unless a newer token replaced it."""
        if self._token == rejected:
            self._token = None

    def _store(self, access: AccessToken) -> str:
        token = _check_value(access.token, "the access token")
        lifetime = access.expires_in
        if lifetime is None:
            self._refresh_at = None
        else:
            lifetime = max(lifetime, 0.0)
            self._refresh_at = self._clock() + max(lifetime - self._margin, lifetime / 2.0)
        self._token = token
        self._error = None
        return token

    def _failed(self, completed: int) -> BaseException | None:
        """The error of a fetch that finished while this caller waited for the lock."""
        if self._completed != completed and self._error is not None:
            try:
                return copy.copy(self._error)
            except Exception:
                return self._error
        return None

    def _alock(self) -> Any:
        import asyncio  # here: a program that only uses the sync client never imports it

        loop = asyncio.get_running_loop()
        lock = self._alocks.get(loop)
        if lock is None:
            lock = self._alocks[loop] = asyncio.Lock()
        return lock

    def get(self, fetch: Callable[[], AccessToken]) -> str:
        """The current token, fetched with ``fetch`` when there is none or it is about to expire."""
        token = self.fresh()
        if token is not None:
            return token
        completed = self._completed
        with self._lock:
            token = self.fresh()
            if token is not None:
                return token
            error = self._failed(completed)
            if error is not None:
                raise error
            self.fetches += 1
            try:
                access = fetch()
                return self._store(access)
            except Exception as exc:
                self._error = exc
                raise
            finally:
                self._completed += 1

    async def aget(self, fetch: Callable[[], Awaitable[AccessToken]]) -> str:
        """The current token, fetched with ``fetch`` when there is none or it is about to expire."""
        token = self.fresh()
        if token is not None:
            return token
        completed = self._completed
        async with self._alock():
            token = self.fresh()
            if token is not None:
                return token
            error = self._failed(completed)
            if error is not None:
                raise error
            self.fetches += 1
            try:
                access = await fetch()
                return self._store(access)
            except Exception as exc:
                self._error = exc
                raise
            finally:
                self._completed += 1


def _as_access_token(value: object, what: str) -> AccessToken:
    if isinstance(value, AccessToken):
        return value
    return AccessToken(_check_value(value, what))


def _token_request(
    credentials: ClientCredentials, scopes: tuple[str, ...], url: str
) -> tuple[dict[str, str], dict[str, str], Applied]:
    """Headers, form and client authentication of a client-credentials token request (RFC 6749
    4.4.2). The client's own credentials are only ever sent to the token URL's origin."""
    form = {"grant_type": "client_credentials"}
    chosen = credentials.scopes if credentials.scopes is not None else scopes
    if chosen:
        form["scope"] = " ".join(chosen)
    form.update(credentials.extra_params)
    headers = {
        "accept": "application/json",
        "content-type": "application/x-www-form-urlencoded",
    }
    items: tuple[_Item, ...] = ()
    if credentials.auth_method == "client_secret_post":
        form["client_id"] = credentials.client_id
        form["client_secret"] = credentials.client_secret
    else:
        # RFC 6749 2.3.1: both parts form-urlencoded before they are joined.
        pair = (
            f"{quote(credentials.client_id, safe='')}:{quote(credentials.client_secret, safe='')}"
        )
        basic = base64.b64encode(pair.encode()).decode("ascii")
        items = (
            _Item("header", "authorization", f"Basic {basic}", (basic, credentials.client_secret)),
        )
    # With client_secret_post the secret is in the form: recorded all the same, for redaction.
    hidden = (credentials.client_secret,)
    return headers, form, Applied(origin_of(httpx.URL(url)), items, hidden=hidden)


def _read_token_response(response: httpx.Response, url: str) -> AccessToken:
    """The access token of a successful token response; ``TokenRequestError`` if there is none."""

    def refuse(why: str) -> TokenRequestError:
        return TokenRequestError(
            f"token request to {url} failed: {why}",
            status_code=response.status_code,
            request=response.request,
            response=response,
        )

    try:
        body = response.json()
    except ValueError:
        raise refuse("the answer is not JSON") from None
    if not isinstance(body, dict):
        raise refuse("the answer is not a JSON object")
    token = body.get("access_token")
    if not isinstance(token, str) or not token:
        raise refuse("the answer has no access_token")
    token_type = body.get("token_type")
    if token_type is not None and str(token_type).lower() != "bearer":
        raise refuse(f"unsupported token_type {str(token_type)[:40]!r} (expected Bearer)")
    expires_in: float | None = None
    raw = body.get("expires_in")
    if isinstance(raw, (int, float, str)) and not isinstance(raw, bool):
        try:
            value = float(raw)
        except ValueError:
            value = float("nan")
        if value == value and value not in (float("inf"), float("-inf")):
            expires_in = max(value, 0.0)
    try:
        _check_value(token, "the access token")
    except ValueError as exc:
        raise refuse(str(exc)) from None
    return AccessToken(token, expires_in)


def _token_error(exc: APIStatusError, url: str) -> Exception:
    """What the caller sees when the token endpoint refused: ``TokenRequestError`` for a 4xx
    (the credentials are wrong), the usual class for 429 and 5xx (try again later)."""
    reason = exc.message
    if (
        exc.status_code is not None
        and 400 <= exc.status_code < 500
        and not isinstance(exc, RateLimitError)
    ):
        return TokenRequestError(
            f"token request to {url} failed: {reason}",
            status_code=exc.status_code,
            code=exc.code,
            details=exc.details,
            payload=exc.payload,
            request=exc.request,
            response=exc.response,
        )
    exc.message = f"token request to {url} failed: {reason}"
    exc.args = (exc.message,)
    return exc


# ------------------------------------------------------------------------ the authenticator

# (token_url, headers, form, client authentication) -> the token endpoint's successful response
TokenSend = Callable[[str, dict[str, str], dict[str, str], Applied], httpx.Response]
AsyncTokenSend = Callable[[str, dict[str, str], dict[str, str], Applied], Awaitable[httpx.Response]]


class _Resolved:
    """One scheme with the credential the user gave for it."""

    __slots__ = ("cache", "client_credentials", "provider", "scheme", "static", "token_url")

    def __init__(self, scheme: SecurityScheme) -> None:
        self.scheme = scheme
        self.static: tuple[_Item, ...] | None = None  # credentials that never change
        self.provider: Any = None
        self.client_credentials: ClientCredentials | None = None
        self.token_url = ""
        self.cache: _TokenCache | None = None


def _label(argument: str) -> str:
    words = {"api": "API", "id": "ID", "url": "URL", "oauth": "OAuth", "oauth2": "OAuth2"}
    return " ".join(words.get(w, w) for w in argument.split("_") if w)


def _hint(sources: list[CredentialSource]) -> str:
    args = " and ".join(f"{s.argument}=..." for s in sources)
    envs = [s.env for s in sources if s.env]
    if not envs:
        return f"pass {args}"
    if len(envs) == 1:
        return f"pass {args} or set the {envs[0]} environment variable"
    return f"pass {args} or set the {' and '.join(envs)} environment variables"


class Authenticator:
    """Credentials of one client, per scheme, and the rule that puts them on requests.

    Built once per client from the generated ``Security`` and the ``ClientConfig``; holds no
    per-call state except the token caches, which are safe to share between threads (sync) or
    tasks (async).
    """

    def __init__(
        self,
        security: Security,
        config: ClientConfig,
        *,
        credentials: Mapping[str, object] | None = None,
        token_refresh_margin: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self._security = security
        self._environ = os.environ if environ is None else environ
        self._config = config
        self._credentials = dict(credentials or {})
        self._margin = self._refresh_margin(token_refresh_margin)
        self._clock = clock
        base = httpx.URL(config.base_url)
        self._base = base
        self._origin = origin_of(base)
        # A URL starting with this is on the API's origin (the usual case: no parsing).
        self._prefix = config.base_url.rstrip("/") + "/"
        self._schemes = {s.name: s for s in security.schemes}
        self._resolved: dict[str, _Resolved] = {}
        for scheme in security.schemes:
            resolved = self._resolve(scheme)
            if resolved is not None:
                self._resolved[scheme.name] = resolved
        self._choices: dict[Any, Requirement | None] = {}
        self._fixed: dict[Requirement, Applied] = {}

    # ---------------------------------------------------------------- credentials

    def _refresh_margin(self, value: float | None) -> float:
        if value is None:
            raw = self._environ.get(_MARGIN_ENV, "").strip()
            try:
                value = float(raw) if raw else DEFAULT_TOKEN_REFRESH_MARGIN
            except ValueError:
                raise ValueError(f"{_MARGIN_ENV} must be a number (got {raw!r})") from None
        if not 0 <= value < float("inf"):
            raise ValueError(f"token_refresh_margin must be >= 0 and finite (got {value!r})")
        return value

    def _lookup(self, source: CredentialSource | None, *, empty_ok: bool = False) -> Any:
        """The credential of ``source``: the argument, else the environment variable (without
        surrounding whitespace). A blank string counts as not given, unless ``empty_ok`` (an
        empty Basic password is a real one)."""
        if source is None:
            return None
        if source.argument == "api_key":
            value: Any = self._config.api_key  # ClientConfig.from_env read its variable already
        else:
            value = self._credentials.get(source.argument)
            if value is None and source.env:
                raw = self._environ.get(source.env)
                value = raw.strip() if raw is not None else None
        if isinstance(value, str) and not value.strip() and not (empty_ok and value == ""):
            return None
        return value

    def _resolve(self, scheme: SecurityScheme) -> _Resolved | None:
        resolved = _Resolved(scheme)
        if isinstance(scheme, HTTPBasicScheme):
            username = self._lookup(scheme.username)
            password = self._lookup(scheme.password, empty_ok=True)
            if isinstance(username, (tuple, BasicCredentials)):
                username, password = (
                    (username.username, username.password)
                    if isinstance(username, BasicCredentials)
                    else username
                )
            if username is None and password is None:
                return None
            if username is None or password is None:
                missing = scheme.username if username is None else scheme.password
                raise ValueError(f"{scheme.name}: {missing.argument} is missing")
            user = _check_value(username, scheme.username.argument)
            secret = _check_value(password, scheme.password.argument) if password else ""
            token = base64.b64encode(f"{user}:{secret}".encode()).decode("ascii")
            header = f"Basic {token}"
            resolved.static = (
                _Item("header", "authorization", header, (token, *([secret] if secret else []))),
            )
            return resolved
        if isinstance(scheme, APIKeyScheme):
            source = scheme.key
        else:
            source = scheme.token
        value = self._lookup(source)
        if value is None and isinstance(scheme, OAuth2Scheme):
            client_id = self._lookup(scheme.client_id)
            client_secret = self._lookup(scheme.client_secret)
            if client_id is None and client_secret is None:
                return None
            if client_id is None or client_secret is None:
                absent = scheme.client_id if client_id is None else scheme.client_secret
                raise ValueError(f"{scheme.name}: {absent.argument if absent else '?'} is missing")
            value = ClientCredentials(
                _check_value(client_id, "the client id"),
                _check_value(client_secret, "the client secret"),
            )
        if value is None:
            return None
        if isinstance(value, ClientCredentials):
            if not isinstance(scheme, OAuth2Scheme):
                raise TypeError(f"{scheme.name}: client credentials need an OAuth2 scheme")
            url = value.token_url or scheme.token_url
            if not url:
                raise ValueError(f"{scheme.name}: no token URL for the client credentials flow")
            resolved.client_credentials = value
            resolved.token_url = str(self._base.join(url))
            resolved.cache = _TokenCache(self._margin, self._clock)
        elif callable(value):
            resolved.provider = value
            resolved.cache = _TokenCache(self._margin, self._clock)
        else:
            if isinstance(value, AccessToken):
                value = value.token
            text = _check_value(value, source.argument)
            resolved.static = self._items(scheme, text)
        return resolved

    @staticmethod
    def _items(scheme: SecurityScheme, value: str) -> tuple[_Item, ...]:
        if isinstance(scheme, APIKeyScheme):
            name = scheme.param.lower() if scheme.location == "header" else scheme.param
            return (_Item(scheme.location, name, value, (value,)),)
        prefix = scheme.prefix if isinstance(scheme, HTTPBearerScheme) else "Bearer"
        return (_Item("header", "authorization", f"{prefix} {value}", (value,)),)

    # ---------------------------------------------------------------- requirements

    def _sources(self, name: str) -> list[CredentialSource]:
        scheme = self._schemes.get(name)
        if isinstance(scheme, APIKeyScheme):
            return [scheme.key]
        if isinstance(scheme, HTTPBasicScheme):
            return [scheme.username, scheme.password]
        if isinstance(scheme, HTTPBearerScheme):
            return [scheme.token]
        if isinstance(scheme, OAuth2Scheme):
            if scheme.token_url and scheme.client_id and scheme.client_secret:
                return [scheme.client_id, scheme.client_secret]
            return [scheme.token]
        return []

    def _missing(self, alternatives: tuple[Requirement, ...]) -> str:
        hints = []
        for requirement in alternatives:
            sources = [s for name in requirement for s in self._sources(name)]
            if sources:
                hints.append(_hint(sources))
        return "; or ".join(hints) or "the API declares no scheme this client supports"

    def check(self) -> None:
        """Refuse to start when the API's default requirements cannot be met."""
        default = self._security.default
        if not default or self._choose(default) is not None or () in default:
            return
        if len(default) == 1 and len(default[0]) == 1:
            sources = self._sources(default[0][0])
            if len(sources) == 1:
                raise AuthenticationError(f"No {_label(sources[0].argument)}: {_hint(sources)}.")
        raise AuthenticationError(f"No credentials: {self._missing(default)}.")

    def _choose(self, alternatives: tuple[Requirement, ...]) -> Requirement | None:
        for requirement in alternatives:
            if requirement and all(name in self._resolved for name in requirement):
                return requirement
        return None

    def requirement(
        self, security: tuple[Requirement, ...] | None, op_name: str
    ) -> Requirement | None:
        """The requirement to apply for an operation, ``None`` for none; raises
        ``AuthenticationError`` (before anything is sent) if none can be met."""
        alternatives = self._security.default if security is None else security
        try:
            return self._choices[alternatives]
        except KeyError:
            pass
        chosen = self._choose(alternatives)
        if chosen is None and alternatives and () not in alternatives:
            raise AuthenticationError(
                f"{op_name} needs credentials: {self._missing(alternatives)}."
            )
        if chosen is not None and all(self._resolved[n].static for n in chosen):
            # Credentials that never change: one Applied for every request.
            items = tuple(i for n in chosen for i in self._resolved[n].static or ())
            self._fixed[chosen] = Applied(self._origin, items)
        self._choices[alternatives] = chosen
        return chosen

    def renew(self, request: httpx.Request) -> bool:
        """The API answered 401 to ``request``: forget its tokens that can be fetched anew.

        Returns whether repeating the request with a new token may help."""
        applied = applied_to(request)
        if applied is None or not applied.renewable:
            return False
        for name in applied.renewable:
            resolved = self._resolved[name]
            if resolved.cache is not None:
                for item in applied.items:
                    for secret in item.secrets:
                        resolved.cache.invalidate(secret)
        return True

    def serves(self, config: ClientConfig) -> bool:
        """Whether this authenticator suits a copy of its client with ``config`` (one with other
        timeouts, say), which then shares it and its cached tokens."""
        mine = self._config
        return config.api_key == mine.api_key and config.base_url == mine.base_url

    def header_names(self) -> frozenset[str]:
        """The (lower-case) headers this client's credentials are sent in."""
        names: set[str] = set()
        for resolved in self._resolved.values():
            scheme = resolved.scheme
            if not isinstance(scheme, APIKeyScheme):
                names.add("authorization")
            elif scheme.location == "header":
                names.add(scheme.param.lower())
        return frozenset(names)

    def fetches(self, name: str) -> int:
        """How many tokens were fetched for scheme ``name`` (0 for static credentials)."""
        resolved = self._resolved.get(name)
        return resolved.cache.fetches if resolved is not None and resolved.cache else 0

    def _applicable(self, url: str, op: Operation) -> Requirement | None:
        requirement = self.requirement(op.security, op.name)
        if requirement is None:
            return None
        if not url.startswith(self._prefix):
            # Never a credential for another origin (a next-page URL of the server, say).
            try:
                if not same_origin(httpx.URL(url), self._origin):
                    return None
            except httpx.InvalidURL:
                return None
        return requirement

    def _finish(
        self,
        headers: Mapping[str, str],
        items: tuple[_Item, ...],
        renewable: tuple[str, ...] = (),
        applied: Applied | None = None,
    ) -> Applied | None:
        # A header the caller set explicitly (default_headers, extra_headers) wins.
        chosen = tuple(i for i in items if i.location != "header" or i.name not in headers)
        if len(chosen) != len(items) or applied is None:
            if not chosen:
                return None
            applied = Applied(self._origin, chosen, renewable)
        return applied

    def apply(
        self, url: str, headers: Mapping[str, str], op: Operation, send: TokenSend
    ) -> Applied | None:
        """The credentials of a request of ``op`` to ``url`` with ``headers`` (lower-case
        names): those of the operation's first satisfiable requirement, none off the API's
        origin. The one place where credentials are chosen (a token is fetched first if
        needed); build the request with ``applied.headers``, then ``attach`` it."""
        requirement = self._applicable(url, op)
        if requirement is None:
            return None
        fixed = self._fixed.get(requirement)
        if fixed is not None:
            return self._finish(headers, fixed.items, applied=fixed)
        items: list[_Item] = []
        renewable: list[str] = []
        for name in requirement:
            resolved = self._resolved[name]
            if resolved.static is not None:
                items.extend(resolved.static)
                continue
            value = self._token(resolved, send)
            items.extend(self._items(resolved.scheme, value))
            renewable.append(name)
        return self._finish(headers, tuple(items), tuple(renewable))

    def _token(self, resolved: _Resolved, send: TokenSend) -> str:
        cache = resolved.cache
        assert cache is not None
        token = cache.fresh()
        if token is not None:
            return token
        provider = resolved.provider
        credentials = resolved.client_credentials
        scheme = resolved.scheme

        def fetch() -> AccessToken:
            if provider is not None:
                result = provider()
                if inspect.isawaitable(result):
                    if inspect.iscoroutine(result):
                        result.close()  # never awaited: say so clearly instead
                    raise TypeError(
                        f"{scheme.name}: the token provider returned an awaitable; "
                        "pass it to the async client"
                    )
                return _as_access_token(result, f"{scheme.name}: the provided token")
            assert credentials is not None
            scopes = scheme.scopes if isinstance(scheme, OAuth2Scheme) else ()
            headers, form, client_auth = _token_request(credentials, scopes, resolved.token_url)
            try:
                response = send(resolved.token_url, headers, form, client_auth)
            except APIStatusError as exc:
                raise _token_error(exc, resolved.token_url) from exc
            return _read_token_response(response, resolved.token_url)

        return cache.get(fetch)

    async def aapply(
        self, url: str, headers: Mapping[str, str], op: Operation, send: AsyncTokenSend
    ) -> Applied | None:
        """The credentials of a request of ``op`` to ``url`` with ``headers`` (lower-case
        names): those of the operation's first satisfiable requirement, none off the API's
        origin. The one place where credentials are chosen (a token is fetched first if
        needed); build the request with ``applied.headers``, then ``attach`` it."""
        requirement = self._applicable(url, op)
        if requirement is None:
            return None
        fixed = self._fixed.get(requirement)
        if fixed is not None:
            return self._finish(headers, fixed.items, applied=fixed)
        items: list[_Item] = []
        renewable: list[str] = []
        for name in requirement:
            resolved = self._resolved[name]
            if resolved.static is not None:
                items.extend(resolved.static)
                continue
            value = await self._atoken(resolved, send)
            items.extend(self._items(resolved.scheme, value))
            renewable.append(name)
        return self._finish(headers, tuple(items), tuple(renewable))

    async def _atoken(self, resolved: _Resolved, send: AsyncTokenSend) -> str:
        cache = resolved.cache
        assert cache is not None
        token = cache.fresh()
        if token is not None:
            return token
        provider = resolved.provider
        credentials = resolved.client_credentials
        scheme = resolved.scheme

        async def fetch() -> AccessToken:
            if provider is not None:
                result = provider()
                if inspect.isawaitable(result):
                    result = await result
                return _as_access_token(result, f"{scheme.name}: the provided token")
            assert credentials is not None
            scopes = scheme.scopes if isinstance(scheme, OAuth2Scheme) else ()
            headers, form, client_auth = _token_request(credentials, scopes, resolved.token_url)
            try:
                response = await send(resolved.token_url, headers, form, client_auth)
            except APIStatusError as exc:
                raise _token_error(exc, resolved.token_url) from exc
            return _read_token_response(response, resolved.token_url)

        return await cache.aget(fetch)
