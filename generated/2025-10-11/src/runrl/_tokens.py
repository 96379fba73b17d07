# Generated from templates/runtime/_tokens.py.jinja. Do not edit by hand.
"""OAuth2 access tokens: a cache that fetches a new token before the current one expires, one
fetch at a time, and the client-credentials token request (RFC 6749 section 4.4) with its
answer and its errors.

A token is fetched again ``margin`` seconds before it expires, but never later than half its
lifetime; a token without a lifetime is kept until the API refuses it (``invalidate``). Callers
that waited for a fetch that failed get its error, so a failing token endpoint is asked once per
wave of calls, not once per call.
"""

from __future__ import annotations

import base64
import copy
import threading
import weakref
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

import httpx

from ._exceptions import APIStatusError, RateLimitError, TokenRequestError
from ._security import AccessToken, Applied, ClientCredentials, Item, origin_of

__all__ = [
    "AsyncTokenSend",
    "TokenCache",
    "TokenSend",
    "as_access_token",
    "check_value",
    "read_token_response",
    "token_error",
    "token_request",
]


def check_value(value: object, what: str) -> str:
    """A credential as text that can go in a header: refused (without echoing it) otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, not {type(value).__name__}")
    if not value:
        raise ValueError(f"{what} is empty")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError(f"{what} contains a control character (a line break?)")
    return value


class TokenCache:
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
        token = check_value(access.token, "the access token")
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


def as_access_token(value: object, what: str) -> AccessToken:
    if isinstance(value, AccessToken):
        return value
    return AccessToken(check_value(value, what))


def token_request(
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
    items: tuple[Item, ...] = ()
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
            Item("header", "authorization", f"Basic {basic}", (basic, credentials.client_secret)),
        )
    # With client_secret_post the secret is in the form: recorded all the same, for redaction.
    hidden = (credentials.client_secret,)
    return headers, form, Applied(origin_of(httpx.URL(url)), items, hidden=hidden)


def read_token_response(response: httpx.Response, url: str) -> AccessToken:
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
        check_value(token, "the access token")
    except ValueError as exc:
        raise refuse(str(exc)) from None
    return AccessToken(token, expires_in)


def token_error(exc: APIStatusError, url: str) -> Exception:
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


# (token_url, headers, form, client authentication) -> the token endpoint's successful response
TokenSend = Callable[[str, dict[str, str], dict[str, str], Applied], httpx.Response]
AsyncTokenSend = Callable[[str, dict[str, str], dict[str, str], Applied], Awaitable[httpx.Response]]
