# Generated from templates/runtime/_auth.py.jinja. Do not edit by hand.
"""Authentication: the one place where the credentials of a request are chosen.

The generator describes the security schemes of the API as data (``Security``, a class
attribute of the generated client; see ``_security.py``) and the requirements of each operation
(``Operation.security``). The user gives credentials as constructor arguments, or through the
environment variables each scheme names. For every request attempt, ``Authenticator.apply``
picks the first requirement of the operation the credentials satisfy, but only when the request
goes to the API's own origin; ``_security.attach`` puts it on the built request and records it
there, and ``_security.rebind`` decides it again for each redirect hop.

OAuth2 tokens (client credentials, or a token provider for any other flow) are cached and
fetched again before they expire (``token_refresh_margin``, see ``_tokens.py``), one fetch at a
time however many threads or tasks need one; a 401 from the API makes the client fetch a new
token and repeat the request once (``renew``).
"""

from __future__ import annotations

import base64
import dataclasses
import inspect
import os
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from ._exceptions import APIStatusError, AuthenticationError
from ._redact import CREDENTIALS_EXTENSION
from ._security import (
    AccessToken,
    APIKeyScheme,
    Applied,
    AsyncTokenProvider,
    BasicCredentials,
    ClientCredentials,
    CredentialSource,
    HTTPBasicScheme,
    HTTPBearerScheme,
    Item,
    OAuth2Scheme,
    Requirement,
    Security,
    SecurityScheme,
    TokenProvider,
    applied_to,
    attach,
    origin_of,
    rebind,
    same_origin,
)
from ._tokens import (
    AsyncTokenSend,
    TokenCache,
    TokenSend,
    as_access_token,
    check_value,
    read_token_response,
    token_error,
    token_request,
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
    "Applied",
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
    "origin_of",
    "rebind",
    "same_origin",
]


class _Resolved:
    """One scheme with the credential the user gave for it."""

    __slots__ = ("cache", "client_credentials", "provider", "scheme", "static", "token_url")

    def __init__(self, scheme: SecurityScheme) -> None:
        self.scheme = scheme
        self.static: tuple[Item, ...] | None = None  # credentials that never change
        self.provider: Any = None
        self.client_credentials: ClientCredentials | None = None
        self.token_url = ""
        self.cache: TokenCache | None = None


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


# Credentials a call carries that the caller set itself: (where, value) pairs.
Own = tuple[tuple[str, str], ...]


def _carriers(security: Security) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The header (lower-case), query parameter and cookie names the schemes send in."""
    headers: set[str] = set()
    query: set[str] = set()
    cookies: set[str] = set()
    for scheme in security.schemes:
        if not isinstance(scheme, APIKeyScheme):
            headers.add("authorization")
        elif scheme.location == "header":
            headers.add(scheme.param.lower())
        elif scheme.location == "query":
            query.add(scheme.param)
        else:
            cookies.add(scheme.param)
    return frozenset(headers), frozenset(query), frozenset(cookies)


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
        # Where the API's schemes put credentials: what the caller sets there is a secret too.
        self._own_headers, self._own_query, self._own_cookies = _carriers(security)
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
            user = check_value(username, scheme.username.argument)
            secret = check_value(password, scheme.password.argument) if password else ""
            token = base64.b64encode(f"{user}:{secret}".encode()).decode("ascii")
            header = f"Basic {token}"
            resolved.static = (
                Item("header", "authorization", header, (token, *([secret] if secret else []))),
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
                check_value(client_id, "the client id"),
                check_value(client_secret, "the client secret"),
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
            resolved.cache = TokenCache(self._margin, self._clock)
        elif callable(value):
            resolved.provider = value
            resolved.cache = TokenCache(self._margin, self._clock)
        else:
            if isinstance(value, AccessToken):
                value = value.token
            text = check_value(value, source.argument)
            resolved.static = self._items(scheme, text)
        return resolved

    @staticmethod
    def _items(scheme: SecurityScheme, value: str) -> tuple[Item, ...]:
        if isinstance(scheme, APIKeyScheme):
            name = scheme.param.lower() if scheme.location == "header" else scheme.param
            # the word once: a key given as the API's docs write the header ("Token abc") too
            given = bool(scheme.prefix) and value.startswith(scheme.prefix + " ")
            sent = f"{scheme.prefix} {value}" if scheme.prefix and not given else value
            return (Item(scheme.location, name, sent, (value,)),)
        prefix = scheme.prefix if isinstance(scheme, HTTPBearerScheme) else "Bearer"
        return (Item("header", "authorization", f"{prefix} {value}", (value,)),)

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

    def requirement(self, op: Operation) -> Requirement | None:
        """The requirement to apply for an operation, ``None`` for none; raises
        ``AuthenticationError`` (before anything is sent) if none can be met."""
        alternatives = self._security.default if op.security is None else op.security
        try:
            return self._choices[alternatives]
        except KeyError:
            pass
        chosen = self._choose(alternatives)
        if chosen is None and alternatives and () not in alternatives:
            raise AuthenticationError(
                f"{op.name} needs credentials: {self._missing(alternatives)}."
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

    def unused(self, url: str, op: Operation, own: Own = ()) -> str | None:
        """Why a request of ``op`` to ``url`` goes without the credentials this client has, for
        the debug log (``None`` when it has none): a user who passed a token and sees no
        ``authorization`` line should learn that the document, not the client, decided. When
        the call carries a credential the caller set itself (``own``, see ``callers_own``), it
        says where instead of claiming that none was sent; never the value."""
        if not self._resolved:
            return None
        have = ", ".join(sorted(self._resolved))
        alternatives = self._security.default if op.security is None else op.security
        accepted = [" + ".join(r) for r in alternatives if r]
        carried = ""
        if own:
            places = " and ".join(sorted({where for where, _ in own}))
            carried = f"it carries the caller's own {places} (value masked)"
        if self.requirement(op) is None:
            if not alternatives:
                why = "it declares no security (security: [])"
            elif not accepted:
                why = "it accepts anonymous calls only (security: [{}])"
            else:
                why = f"it accepts anonymous calls or {' or '.join(accepted)}"
            if carried:
                return f"{op.name}: the client adds none of its credentials ({why}); {carried}"
            return f"{op.name}: no credentials sent: {why}; the client has {have}"
        if self._applicable(url, op) is None:
            why = "the URL is not on the API's origin"
            if carried:
                return f"{op.name}: the client adds none of its credentials ({why}); {carried}"
            return f"{op.name}: no credentials sent: {why}"
        return f"{op.name}: no credentials added: the call sets their headers itself"

    def callers_own(self, headers: Mapping[str, str], params: httpx.QueryParams | None) -> Own:
        """The credentials a call carries where the API's schemes put them, set by the caller
        (``extra_headers``, ``extra_query``, ``default_headers``): ``(where, value)`` pairs.
        Their values are secrets whatever their names (see ``hide``). Usually none, found with
        a set lookup."""
        found: list[tuple[str, str]] = []
        if not self._own_headers.isdisjoint(headers):
            for name in sorted(self._own_headers.intersection(headers)):
                found.append((f"{name} header", headers[name]))
        if self._own_cookies and "cookie" in headers:
            for part in headers["cookie"].split(";"):
                key, _, value = part.partition("=")
                if key.strip() in self._own_cookies:
                    found.append((f"{key.strip()} cookie", value.strip()))
        if self._own_query and params:
            for name in sorted(self._own_query):
                found.extend((f"{name} query parameter", v) for v in params.get_list(name))
        return tuple(found)

    def hide(self, request: httpx.Request, own: Own) -> None:
        """Record the values of ``own`` (see ``callers_own``) on ``request`` as secrets, as the
        credentials the client applied are: the log lines and messages about it redact them."""
        values: list[str] = []
        for _, value in own:
            values.extend({value, value.split(" ", 1)[-1].strip()})
        applied = applied_to(request) or Applied(self._origin, ())
        request.extensions[CREDENTIALS_EXTENSION] = dataclasses.replace(
            applied, hidden=applied.hidden + tuple(values)
        )

    def fetches(self, name: str) -> int:
        """How many tokens were fetched for scheme ``name`` (0 for static credentials)."""
        resolved = self._resolved.get(name)
        return resolved.cache.fetches if resolved is not None and resolved.cache else 0

    def _applicable(self, url: str, op: Operation) -> Requirement | None:
        requirement = self.requirement(op)
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
        items: tuple[Item, ...],
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
            if headers.keys().isdisjoint(fixed.headers):
                return fixed  # the usual case: nothing the caller set explicitly
            return self._finish(headers, fixed.items, applied=fixed)
        items: list[Item] = []
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
                return as_access_token(result, f"{scheme.name}: the provided token")
            assert credentials is not None
            scopes = scheme.scopes if isinstance(scheme, OAuth2Scheme) else ()
            headers, form, client_auth = token_request(credentials, scopes, resolved.token_url)
            try:
                response = send(resolved.token_url, headers, form, client_auth)
            except APIStatusError as exc:
                raise token_error(exc, resolved.token_url) from exc
            return read_token_response(response, resolved.token_url)

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
            if headers.keys().isdisjoint(fixed.headers):
                return fixed  # the usual case: nothing the caller set explicitly
            return self._finish(headers, fixed.items, applied=fixed)
        items: list[Item] = []
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
                return as_access_token(result, f"{scheme.name}: the provided token")
            assert credentials is not None
            scopes = scheme.scopes if isinstance(scheme, OAuth2Scheme) else ()
            headers, form, client_auth = token_request(credentials, scopes, resolved.token_url)
            try:
                response = await send(resolved.token_url, headers, form, client_auth)
            except APIStatusError as exc:
                raise token_error(exc, resolved.token_url) from exc
            return read_token_response(response, resolved.token_url)

        return await cache.aget(fetch)
