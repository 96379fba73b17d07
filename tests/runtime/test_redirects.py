"""Where the authentication layer (``_auth``, ``_security``) meets the runtime's security rules
(``_redact``, ``_deadline``): one redirect loop, one rule for every credential on each hop, one
deadline over hops and token requests, one redaction of what the server echoes.

Each rule is tested alone in test_auth.py, test_oauth.py and test_security.py; these tests
hold them together, sync and async, against real servers on 127.0.0.1.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._auth import (
    APIKeyScheme,
    ClientCredentials,
    CredentialSource,
    HTTPBearerScheme,
    OAuth2Scheme,
    Security,
)
from runrl_rt._base_client import Operation, RequestOptions
from tests.runtime.authkit import ME, TokenEndpoint, call, client_for, close, echo
from tests.runtime.helpers import API_KEY, make_async_client, make_client
from tests.runtime.server import Reply, TestServer

FLAVOURS = pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
QUERY_KEY = APIKeyScheme("queryKey", "query", "key", CredentialSource("query_key"))
BEARER = HTTPBearerScheme("bearer", CredentialSource("token"))
KEY_AND_TOKEN = Security(schemes=(QUERY_KEY, BEARER), default=(("queryKey", "bearer"),))
CREDS = {"query_key": "qk-Secret-0123", "token": "tk-Secret-4567"}
# Credential-named headers the caller set: none of the authenticator's.
CALLER = {"X-Session-Token": "st-Secret-89ab", "Cookie": "sid=ck-Secret-cdef", "X-Tenant": "acme"}


def seen_headers(server: TestServer, path: str) -> dict[str, str]:
    (request,) = server.seen(path=path)
    return request.headers


@pytest.mark.anyio
@FLAVOURS
async def test_a_hop_off_the_origin_carries_neither_the_apis_nor_the_callers_credentials(
    server: TestServer, other: TestServer, is_async: bool
) -> None:
    server.on("GET", "/me", lambda r, n: Reply(status=302, headers={"location": "/moved"}))
    server.on(
        "GET", "/moved", lambda r, n: Reply(status=307, headers={"location": f"{other.url}/x"})
    )
    other.on("GET", "/x", echo)
    client = client_for(
        KEY_AND_TOKEN, server.url, is_async=is_async, credentials=CREDS, default_headers=CALLER
    )
    try:
        away = await call(client)
    finally:
        await close(client)
    # On the origin, every credential went along: the API's and the caller's.
    home = server.seen(path="/moved")[0]
    assert home.headers["authorization"] == "Bearer tk-Secret-4567"
    assert dict(home.query) == {"key": "qk-Secret-0123"}
    assert home.headers["x-session-token"] == "st-Secret-89ab"
    # Off the origin, none of them; what is no credential stays.
    assert away == {"authorization": None, "x-api-key": None, "cookie": None, "query": {}}
    headers = seen_headers(other, "/x")
    assert "x-session-token" not in headers and headers["x-tenant"] == "acme"
    assert not any("Secret" in value for value in headers.values())


@pytest.mark.anyio
@FLAVOURS
async def test_the_callers_own_key_in_a_schemes_header_stays_on_the_origin(
    server: TestServer, other: TestServer, is_async: bool
) -> None:
    """``X-Key`` is not named like a credential, but it is where the API's scheme puts one: the
    value the caller put there (``extra_headers``) is a secret, and does not leave the origin."""
    header_key = APIKeyScheme("headerKey", "header", "X-Key", CredentialSource("key"))
    security = Security(schemes=(header_key, BEARER), default=(("bearer",),))
    anonymous = Operation("GET", "/me", security=((), ("headerKey",)), qualified_name="me.get")
    server.on("GET", "/me", lambda r, n: Reply(status=307, headers={"location": "/moved"}))
    server.on(
        "GET", "/moved", lambda r, n: Reply(status=307, headers={"location": f"{other.url}/x"})
    )
    other.on("GET", "/x", echo)
    client = client_for(security, server.url, is_async=is_async, credentials={"token": "tk-4567"})
    options = RequestOptions(extra_headers={"X-Key": "xk-Secret-0123", "X-Tenant": "acme"})
    try:
        await call(client, anonymous, options=options)
    finally:
        await close(client)
    assert server.seen(path="/moved")[0].headers["x-key"] == "xk-Secret-0123"  # on the origin
    headers = seen_headers(other, "/x")
    assert "x-key" not in headers and headers["x-tenant"] == "acme"


@pytest.mark.anyio
@FLAVOURS
async def test_the_total_timeout_covers_every_redirect_hop(
    server: TestServer, is_async: bool
) -> None:
    """Twenty hops of 0.4 s each: 8 s without a deadline over the whole chain."""
    server.on("GET", "/me", lambda r, n: Reply(status=302, headers={"location": "/me"}, delay=0.4))
    client = client_for(
        Security(schemes=(BEARER,), default=(("bearer",),)),
        server.url,
        is_async=is_async,
        credentials={"token": "t"},
        total_timeout=1.0,
    )
    started = time.monotonic()
    try:
        with pytest.raises(exc.APITimeoutError, match="total_timeout of 1 s") as info:
            await call(client)
    finally:
        await close(client)
    assert time.monotonic() - started < 5
    assert str(info.value).startswith("users.me: no complete answer")
    assert len(server.seen()) < 10


@pytest.mark.anyio
@FLAVOURS
async def test_a_token_request_ends_by_the_deadline_of_the_call_that_needs_it(
    server: TestServer, is_async: bool
) -> None:
    tokens = TokenEndpoint(delay=5.0)
    server.on("POST", "/oauth/token", tokens)
    scheme = OAuth2Scheme(
        "oauth",
        token=CredentialSource("access_token"),
        token_url="/oauth/token",
        client_id=CredentialSource("client_id"),
        client_secret=CredentialSource("client_secret"),
    )
    secret = "cs-Secret-0123456789"
    client = client_for(
        Security(schemes=(scheme,), default=(("oauth",),)),
        server.url,
        is_async=is_async,
        credentials={"access_token": ClientCredentials("app", secret)},
        total_timeout=1.0,
    )
    started = time.monotonic()
    try:
        with pytest.raises(exc.APITimeoutError) as info:
            await call(client)
    finally:
        await close(client)
    assert time.monotonic() - started < 4
    message = str(info.value)
    assert message.startswith("token request: no complete answer within the deadline")
    assert secret not in message and tokens.issued == 1
    assert server.seen(path="/me") == []


@pytest.mark.anyio
@FLAVOURS
@pytest.mark.parametrize(
    "reply",
    [
        Reply(status=400, body=b"x" * 190 + API_KEY.encode()),  # an excerpt is cut at 200
        Reply(status=400, json={"message": "y" * 490 + API_KEY}),  # a message at 500
        Reply(status=422, json={"errors": {"key": ["z" * 290 + API_KEY]}}),  # a field's at 300
    ],
    ids=["excerpt", "message", "field"],
)
async def test_no_prefix_of_an_echoed_credential_survives_a_cut(
    server: TestServer, is_async: bool, reply: Reply
) -> None:
    """The body is redacted before anything in it is cut to length."""
    server.on("GET", "/me", lambda r, n: reply)
    factory: Any = make_async_client if is_async else make_client
    client = factory(server.url, max_retries=0)
    try:
        with pytest.raises(exc.APIStatusError) as info:
            await call(client, ME)
    finally:
        await close(client)
    assert API_KEY[:6] not in str(info.value) and "***" in str(info.value)


@pytest.mark.anyio
@FLAVOURS
async def test_a_recorded_credential_is_hidden_in_a_raw_responses_repr(
    server: TestServer, is_async: bool
) -> None:
    """``key`` is no credential name: the authentication layer recorded its value as one."""
    server.on("GET", "/ok", echo)
    client = client_for(KEY_AND_TOKEN, server.url, is_async=is_async, credentials=CREDS)
    try:
        raw = await call(client, Operation("GET", "/ok"), raw=True)
    finally:
        await close(client)
    assert raw.parsed()["query"] == {"key": "qk-Secret-0123"}
    assert "qk-Secret" not in repr(raw) and "key=%2A%2A%2A" in repr(raw)
