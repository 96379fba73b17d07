"""OAuth2 against a real token endpoint: client credentials, caching and refresh with a clock the
test controls, one fetch under concurrency (threads and tasks), 401 renewal, token endpoint
errors, and token providers for the other flows."""

from __future__ import annotations

import asyncio
import base64
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._auth import (
    AccessToken,
    ClientCredentials,
    CredentialSource,
    OAuth2Scheme,
    Security,
)
from tests.runtime.authkit import (
    ME,
    Clock,
    TokenEndpoint,
    accepts,
    call,
    client_for,
    close,
    echo,
)
from tests.runtime.server import Reply, Seen, TestServer

CLIENT_ID = "app-123"
CLIENT_SECRET = "very-secret-client-value"
FLAVOURS = pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])


def oauth(token_url: str = "/oauth/token", scopes: tuple[str, ...] = ("read",)) -> Security:
    scheme = OAuth2Scheme(
        "oauth",
        token=CredentialSource("access_token", "EX_ACCESS_TOKEN"),
        token_url=token_url,
        client_id=CredentialSource("client_id", "EX_CLIENT_ID"),
        client_secret=CredentialSource("client_secret", "EX_CLIENT_SECRET"),
        scopes=scopes,
    )
    return Security(schemes=(scheme,), default=(("oauth",),))


CREDS = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}


def tokens_sent(server: TestServer) -> list[str]:
    return [r.headers.get("authorization", "") for r in server.seen(path="/me")]


@pytest.mark.anyio
@FLAVOURS
async def test_client_credentials_token_is_fetched_cached_and_refreshed_before_expiry(
    server: TestServer, is_async: bool
) -> None:
    endpoint = TokenEndpoint(lifetime=3600)
    server.on("POST", "/oauth/token", endpoint)
    server.on("GET", "/me", echo)
    clock = Clock(1000.0)
    client = client_for(oauth(), server.url, is_async=is_async, clock=clock, credentials=CREDS)
    try:
        for _ in range(3):
            await call(client)
        assert endpoint.issued == 1
        # The token request: client credentials grant, scope, HTTP Basic client authentication.
        token_request = endpoint.requests[0]
        assert endpoint.form() == {"grant_type": "client_credentials", "scope": "read"}
        basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        assert token_request.headers["authorization"] == f"Basic {basic}"
        assert token_request.headers["accept"] == "application/json"
        clock.now = 1000.0 + 3600 - 60 - 0.001  # just before the default 60 s margin
        await call(client)
        assert endpoint.issued == 1
        clock.now = 1000.0 + 3600 - 60  # the margin reached: a new token first
        await call(client)
        assert endpoint.issued == 2
        assert tokens_sent(server) == ["Bearer tok-1"] * 4 + ["Bearer tok-2"]
        # A copy with other options shares the cached token.
        await call(client.copy(timeout=5.0))
        assert endpoint.issued == 2
    finally:
        await close(client)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("lifetime", "margin", "refresh_after"),
    [(3600, 600, 3000), (30, 60, 15), (0, 60, 0)],
    ids=["custom-margin", "short-lived-half-life", "already-expired"],
)
async def test_refresh_point(
    server: TestServer, lifetime: float, margin: float, refresh_after: float
) -> None:
    """Refresh ``margin`` seconds before expiry, but never later than half the lifetime."""
    endpoint = TokenEndpoint(lifetime=lifetime)
    server.on("POST", "/oauth/token", endpoint)
    server.on("GET", "/me", echo)
    clock = Clock(50.0)
    client = client_for(
        oauth(), server.url, clock=clock, credentials=CREDS, token_refresh_margin=margin
    )
    with client:
        client.request(ME, cast_to=object)
        if refresh_after > 0:
            clock.now = 50.0 + refresh_after - 0.01
            client.request(ME, cast_to=object)
            assert endpoint.issued == 1
        clock.now = 50.0 + refresh_after
        client.request(ME, cast_to=object)
        assert endpoint.issued == 2


def test_a_token_without_expires_in_is_kept_until_the_api_refuses_it(server: TestServer) -> None:
    endpoint = TokenEndpoint(lifetime=None)
    server.on("POST", "/oauth/token", endpoint)
    valid = {"tok-1"}
    server.on("GET", "/me", lambda r, n: accepts(*valid)(r, n))
    clock = Clock()
    with client_for(oauth(), server.url, clock=clock, credentials=CREDS) as client:
        client.request(ME, cast_to=object)
        clock.now += 10**9
        client.request(ME, cast_to=object)
        assert endpoint.issued == 1
        valid.clear()
        valid.add("tok-2")  # the server revoked tok-1
        assert client.request(ME, cast_to=object) == {"token": "tok-2"}
        assert endpoint.issued == 2
        assert tokens_sent(server)[-2:] == ["Bearer tok-1", "Bearer tok-2"]
        valid.clear()  # refused again after renewal: the 401 is the caller's, once
        with pytest.raises(exc.AuthenticationError, match="token expired"):
            client.request(ME, cast_to=object)
        assert endpoint.issued == 3


def test_one_refresh_for_100_concurrent_threads(server: TestServer) -> None:
    """100 calls start at once with no token, then again once it is due for refresh: one token
    request each time. The token endpoint answers slowly, so every call waits on the fetch."""
    endpoint = TokenEndpoint(lifetime=3600, delay=0.3)
    server.on("POST", "/oauth/token", endpoint)
    server.on("GET", "/me", echo)
    clock = Clock()
    client = client_for(oauth(), server.url, clock=clock, credentials=CREDS, pool_maxsize=100)

    def wave() -> list[Any]:
        barrier = threading.Barrier(100)

        def one(_: int) -> Any:
            barrier.wait()
            return client.request(ME, cast_to=object)

        with ThreadPoolExecutor(max_workers=100) as pool:
            return list(pool.map(one, range(100)))

    with client:
        results = wave()
        assert endpoint.issued == 1
        assert {r["authorization"] for r in results} == {"Bearer tok-1"}
        clock.now += 3600  # expired: the next wave refreshes, once
        results = wave()
        assert endpoint.issued == 2
        assert {r["authorization"] for r in results} == {"Bearer tok-2"}


@pytest.mark.anyio
async def test_one_refresh_for_100_concurrent_tasks(server: TestServer) -> None:
    endpoint = TokenEndpoint(lifetime=3600, delay=0.3)
    server.on("POST", "/oauth/token", endpoint)
    server.on("GET", "/me", echo)
    clock = Clock()
    client = client_for(
        oauth(), server.url, is_async=True, clock=clock, credentials=CREDS, pool_maxsize=100
    )
    async with client:
        results = await asyncio.gather(*(call(client) for _ in range(100)))
        assert endpoint.issued == 1
        assert {r["authorization"] for r in results} == {"Bearer tok-1"}
        clock.now += 3600
        results = await asyncio.gather(*(call(client) for _ in range(100)))
        assert endpoint.issued == 2
        assert {r["authorization"] for r in results} == {"Bearer tok-2"}


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["threads", "tasks"])
async def test_a_failing_token_endpoint_is_asked_once_per_wave(
    server: TestServer, is_async: bool
) -> None:
    """Callers that waited for a fetch that failed get its error; they do not each ask again."""
    endpoint = TokenEndpoint(delay=0.3)
    endpoint.error = (401, "invalid_client")
    server.on("POST", "/oauth/token", endpoint)
    server.on("GET", "/me", echo)
    client = client_for(oauth(), server.url, is_async=is_async, credentials=CREDS)

    async def attempt() -> BaseException | None:
        try:
            await call(client)
        except exc.TokenRequestError as err:
            return err
        return None

    if is_async:
        errors = list(await asyncio.gather(*(attempt() for _ in range(100))))
    else:
        barrier = threading.Barrier(100)

        def one(_: int) -> BaseException | None:
            barrier.wait()
            return asyncio.run(attempt())

        with ThreadPoolExecutor(max_workers=100) as pool:
            errors = list(pool.map(one, range(100)))
    await close(client)
    assert all(isinstance(e, exc.TokenRequestError) for e in errors)
    assert endpoint.issued == 1
    assert server.seen(path="/me") == []


@pytest.mark.anyio
@FLAVOURS
async def test_token_endpoint_errors_are_typed_and_never_show_the_secret(
    server: TestServer, is_async: bool
) -> None:
    endpoint = TokenEndpoint()
    server.on("POST", "/oauth/token", endpoint)
    server.on("GET", "/me", echo)
    client = client_for(oauth(), server.url, is_async=is_async, credentials=CREDS)
    try:
        endpoint.error = (400, "invalid_scope")
        with pytest.raises(exc.TokenRequestError) as info:
            await call(client)
        err = info.value
        assert isinstance(err, exc.AuthenticationError) and err.status_code == 400
        assert err.code == "invalid_scope"
        assert str(err) == (
            f"token request to {server.url}/oauth/token failed: invalid_scope for this client "
            "(HTTP 400, invalid_scope)"
        )
        # A server fault of the token endpoint is retried, then raised with its own class.
        endpoint.error = (503, "temporarily_unavailable")
        before = endpoint.issued
        with pytest.raises(exc.ServerError, match="token request to .* failed"):
            await call(client)
        assert endpoint.issued - before == 3  # 1 + max_retries
        # An answer without a usable token.
        endpoint.error = None
        server.on("POST", "/oauth/token", lambda r, n: Reply(json={"token_type": "bearer"}))
        with pytest.raises(exc.TokenRequestError, match="has no access_token"):
            await call(client)
        server.on(
            "POST",
            "/oauth/token",
            lambda r, n: Reply(json={"access_token": "x", "token_type": "mac"}),
        )
        with pytest.raises(exc.TokenRequestError, match="unsupported token_type 'mac'"):
            await call(client)
        assert server.seen(path="/me") == []
    finally:
        await close(client)


def test_the_secret_echoed_by_the_token_endpoint_is_redacted(server: TestServer) -> None:
    body = {"error": "invalid_client", "error_description": f"unknown secret {CLIENT_SECRET}"}
    server.on("POST", "/oauth/token", lambda r, n: Reply(status=401, json=body))
    creds = {"access_token": ClientCredentials(CLIENT_ID, CLIENT_SECRET, scopes=("a", "b"))}
    with client_for(oauth(), server.url, credentials=creds) as client:
        with pytest.raises(exc.TokenRequestError) as info:
            client.request(ME, cast_to=object)
    assert CLIENT_SECRET not in str(info.value) and "unknown secret ***" in str(info.value)
    assert CLIENT_SECRET not in repr(creds["access_token"])


def test_client_secret_post_extra_params_and_absolute_token_url(
    server: TestServer, other: TestServer
) -> None:
    """The token endpoint may live on another origin (an identity provider): it gets the
    client credentials, the API gets only the token, and the provider never sees the API's."""
    endpoint = TokenEndpoint()
    other.on("POST", "/token", endpoint)
    server.on("GET", "/me", echo)
    creds = {
        "access_token": ClientCredentials(
            CLIENT_ID,
            CLIENT_SECRET,
            auth_method="client_secret_post",
            extra_params={"audience": "https://api.example"},
        )
    }
    with client_for(oauth(f"{other.url}/token", scopes=()), server.url, credentials=creds) as c:
        assert c.request(ME, cast_to=object)["authorization"] == "Bearer tok-1"
    assert endpoint.form() == {
        "grant_type": "client_credentials",
        "audience": "https://api.example",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    assert "authorization" not in endpoint.requests[0].headers


def test_client_credentials_from_the_environment(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = TokenEndpoint()
    server.on("POST", "/oauth/token", endpoint)
    server.on("GET", "/me", echo)
    monkeypatch.setenv("EX_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("EX_CLIENT_SECRET", CLIENT_SECRET)
    with client_for(oauth(), server.url) as client:
        assert client.request(ME, cast_to=object)["authorization"] == "Bearer tok-1"
    monkeypatch.delenv("EX_CLIENT_SECRET")
    with pytest.raises(ValueError, match="oauth: client_secret is missing"):
        client_for(oauth(), server.url)
    monkeypatch.delenv("EX_CLIENT_ID")
    with pytest.raises(exc.AuthenticationError) as info:
        client_for(oauth(), server.url)
    assert str(info.value) == (
        "No credentials: pass client_id=... and client_secret=... or set the EX_CLIENT_ID and "
        "EX_CLIENT_SECRET environment variables."
    )


# ----------------------------------------------------------------------------- token providers


@pytest.mark.anyio
@FLAVOURS
async def test_a_token_provider_serves_any_other_flow(server: TestServer, is_async: bool) -> None:
    """A provider (authorization code, device flow, a CLI's login file...) returning an
    ``AccessToken`` with a lifetime is asked again when the token is due for refresh; a plain
    string is kept until the API answers 401."""
    server.on("GET", "/me", echo)
    calls: list[int] = []

    def provider() -> AccessToken:
        calls.append(1)
        return AccessToken(f"provided-{len(calls)}", expires_in=120)

    clock = Clock()
    client = client_for(
        oauth(), server.url, is_async=is_async, clock=clock, credentials={"access_token": provider}
    )
    try:
        await call(client)
        await call(client)
        clock.now += 60
        await call(client)
        assert tokens_sent(server) == ["Bearer provided-1"] * 2 + ["Bearer provided-2"]
    finally:
        await close(client)

    lines = iter(["from-file-1", "from-file-2"])
    valid = {"from-file-1"}
    server.on("GET", "/me", lambda r, n: accepts(*valid)(r, n))
    client = client_for(
        oauth(), server.url, is_async=is_async, credentials={"access_token": lambda: next(lines)}
    )
    try:
        assert (await call(client)) == {"token": "from-file-1"}
        valid.add("from-file-2")
        valid.discard("from-file-1")  # the CLI logged in again
        assert (await call(client)) == {"token": "from-file-2"}
    finally:
        await close(client)


@pytest.mark.anyio
async def test_async_client_awaits_a_coroutine_provider(server: TestServer) -> None:
    server.on("GET", "/me", echo)

    async def provider() -> str:
        await asyncio.sleep(0)
        return "async-token"

    client = client_for(oauth(), server.url, is_async=True, credentials={"access_token": provider})
    try:
        assert (await call(client))["authorization"] == "Bearer async-token"
    finally:
        await close(client)
    sync_client = client_for(oauth(), server.url, credentials={"access_token": provider})
    with sync_client, pytest.raises(TypeError, match="pass it to the async client"):
        sync_client.request(ME, cast_to=object)


def test_a_static_access_token_needs_no_token_endpoint(server: TestServer) -> None:
    server.on("GET", "/me", echo)
    creds = {"access_token": "static-token"}
    with client_for(oauth(token_url=""), server.url, credentials=creds) as client:
        assert client.request(ME, cast_to=object)["authorization"] == "Bearer static-token"


@pytest.mark.anyio
@FLAVOURS
async def test_a_stream_refused_for_its_token_is_reopened_with_a_new_one(
    server: TestServer, is_async: bool
) -> None:
    from runrl_rt._base_client import Operation

    endpoint = TokenEndpoint(lifetime=None)
    server.on("POST", "/oauth/token", endpoint)

    def events(request: Seen, n: int) -> Reply:
        if request.headers.get("authorization") != "Bearer tok-2":
            return Reply(status=401, json={"message": "token revoked"})

        async def chunks() -> AsyncIterator[bytes]:
            yield b"data: one\n\n"
            yield b"data: two\n\n"

        return Reply(headers={"content-type": "text/event-stream"}, stream=chunks)

    server.on("GET", "/events", events)
    op = Operation("GET", "/events", stream=True)
    client = client_for(oauth(), server.url, is_async=is_async, credentials=CREDS)
    try:
        stream = client.request_stream(op)
        if is_async:
            data = [e.data async for e in stream]
        else:
            data = [e.data for e in stream]
    finally:
        await close(client)
    assert data == ["one", "two"] and endpoint.issued == 2
