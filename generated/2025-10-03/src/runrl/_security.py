# Generated from templates/runtime/_security.py.jinja. Do not edit by hand.
"""The data of authentication: the API's security schemes (what the generator emits), the
credentials a user passes, and credentials on a request (what ``_auth.Authenticator`` decided,
how it is put on a request and taken off a redirect that leaves the API's origin).

Every value put on a request is recorded there (``request.extensions``), so that redirects
(``rebind``) can take it off a hop to another origin and error messages and debug logs can
redact it (``_redact.request_secrets``).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Union

import httpx

from ._redact import CREDENTIALS_EXTENSION, is_credential

__all__ = [
    "APIKeyScheme",
    "AccessToken",
    "Applied",
    "AsyncTokenProvider",
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
    "applied_to",
    "attach",
    "origin_of",
    "rebind",
    "same_origin",
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
    ``param``; after ``prefix`` and a space when there is one (``Authorization: Token <key>``,
    as the scheme's description shows it)."""

    name: str
    location: Literal["header", "query", "cookie"]
    param: str
    key: CredentialSource
    prefix: str = ""


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
class Item:
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
    items: tuple[Item, ...]
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

    @functools.cached_property
    def others(self) -> tuple[Item, ...]:
        """The query and cookie credentials, put on the request once it is built."""
        return tuple(item for item in self.items if item.location != "header")


def _put(request: httpx.Request, items: tuple[Item, ...]) -> None:
    for item in items:
        if item.location == "header":
            request.headers[item.name] = item.value
        elif item.location == "query":
            request.url = request.url.copy_set_param(item.name, item.value)
        else:
            pair = f"{item.name}={item.value}"
            existing = request.headers.get("cookie")
            request.headers["cookie"] = f"{existing}; {pair}" if existing else pair


def _take_off(request: httpx.Request, items: tuple[Item, ...]) -> None:
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


def _already_set(request: httpx.Request, item: Item) -> bool:
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
    rest = applied.others
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


def rebind(next_request: httpx.Request, home: Origin) -> None:
    """Decide the credentials of a redirect hop again: the one place that does.

    httpx builds the next request from the previous one (headers kept, ``Cookie`` and, off the
    origin, ``Authorization`` dropped). Every credential the authenticator applied is taken
    off, then put back only when the hop stays on the origin the credentials were made for.
    A hop that leaves ``home`` (the origin of the request the client sent) also loses every
    other header named like a credential (``X-API-Key``, ``Cookie``...: see
    ``_redact.is_credential``), set by ``default_headers``, ``extra_headers`` or an injected
    httpx client, which httpx would forward, and every header holding a value recorded as a
    secret (``Applied.hidden``: the caller's own credential in a scheme's header, whatever its
    name, see ``Authenticator.hide``). As for ``Authorization`` in httpx, a hop from http to
    https on the same host is on the origin.
    """
    applied = applied_to(next_request)
    if applied is not None:
        _take_off(next_request, applied.items)
        if same_origin(next_request.url, applied.origin):
            _put(next_request, applied.items)
        else:
            # A new dict: httpx hands the same one to every hop of the redirect chain.
            next_request.extensions = {
                k: v for k, v in next_request.extensions.items() if k != CREDENTIALS_EXTENSION
            }
    if not same_origin(next_request.url, home):
        hidden = frozenset(applied.hidden) if applied is not None else frozenset()
        headers = next_request.headers
        for name in [n for n in headers if is_credential(n) or headers[n] in hidden]:
            del headers[name]
