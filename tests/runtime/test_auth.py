"""Security schemes against a real server: API keys (header, query, cookie), bearer, basic,
alternatives and combinations, per-operation requirements, redirects, redaction."""

from __future__ import annotations

import base64
import logging
from typing import Any

import httpx
import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._auth import (
    APIKeyScheme,
    BasicCredentials,
    CredentialSource,
    HTTPBasicScheme,
    HTTPBearerScheme,
    Security,
)
from runrl_rt._base_client import Operation, SyncAPIClient
from runrl_rt._config import ClientConfig
from tests.runtime.authkit import ME, call, client_for, close, echo
from tests.runtime.helpers import API_KEY
from tests.runtime.server import Reply, TestServer

HEADER_KEY = APIKeyScheme("headerKey", "header", "X-API-Key", CredentialSource("key", "EX_KEY"))
QUERY_KEY = APIKeyScheme("queryKey", "query", "key", CredentialSource("query_key", "EX_QKEY"))
COOKIE_KEY = APIKeyScheme("cookieKey", "cookie", "session", CredentialSource("session"))
BEARER = HTTPBearerScheme("bearer", CredentialSource("token", "EX_TOKEN"))
BASIC = HTTPBasicScheme("basic", CredentialSource("username"), CredentialSource("password"))
ALL = (HEADER_KEY, QUERY_KEY, COOKIE_KEY, BEARER, BASIC)

SECRET = "s3cr3t-value-42"
FLAVOURS = pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])


def only(*names: str) -> Security:
    return Security(schemes=ALL, default=(tuple(names),))


@pytest.mark.anyio
@FLAVOURS
@pytest.mark.parametrize(
    ("security", "credentials", "expected"),
    [
        (only("headerKey"), {"key": SECRET}, {"x-api-key": SECRET}),
        (only("queryKey"), {"query_key": SECRET}, {"query": {"key": SECRET}}),
        (only("cookieKey"), {"session": SECRET}, {"cookie": f"session={SECRET}"}),
        (only("bearer"), {"token": SECRET}, {"authorization": f"Bearer {SECRET}"}),
        (
            only("basic"),
            {"username": "ann", "password": SECRET},
            {"authorization": "Basic " + base64.b64encode(f"ann:{SECRET}".encode()).decode()},
        ),
        # Two schemes at once (one requirement naming both).
        (
            only("headerKey", "queryKey"),
            {"key": "k-1", "query_key": "q-1"},
            {"x-api-key": "k-1", "query": {"key": "q-1"}},
        ),
    ],
    ids=["api-key-header", "api-key-query", "api-key-cookie", "bearer", "basic", "and"],
)
async def test_each_scheme_puts_its_credential_where_the_spec_says(
    server: TestServer,
    is_async: bool,
    security: Security,
    credentials: dict[str, str],
    expected: dict[str, Any],
) -> None:
    server.on("GET", "/me", echo)
    client = client_for(security, server.url, is_async=is_async, credentials=credentials)
    try:
        seen = await call(client)
    finally:
        await close(client)
    blank: dict[str, Any] = {"authorization": None, "x-api-key": None, "cookie": None, "query": {}}
    assert seen == {**blank, **expected}


@pytest.mark.anyio
@FLAVOURS
async def test_alternatives_take_the_first_one_the_credentials_satisfy(
    server: TestServer, is_async: bool
) -> None:
    server.on("GET", "/me", echo)
    security = Security(schemes=ALL, default=(("bearer",), ("headerKey", "queryKey"), ("basic",)))
    client = client_for(
        security, server.url, is_async=is_async, credentials={"username": "u", "password": "p"}
    )
    try:
        seen = await call(client)
        assert seen["authorization"].startswith("Basic ") and seen["x-api-key"] is None
    finally:
        await close(client)
    creds = {"key": "k", "query_key": "q", "username": "u", "password": "p"}
    both = client_for(security, server.url, is_async=is_async, credentials=creds)
    try:
        seen = await call(both)  # ("headerKey", "queryKey") comes before ("basic",)
        assert seen["x-api-key"] == "k" and seen["query"] == {"key": "q"}
        assert seen["authorization"] is None
        # A copy keeps the credentials.
        assert (await call(both.copy(timeout=3.0)))["x-api-key"] == "k"
    finally:
        await close(both)


@pytest.mark.anyio
@FLAVOURS
async def test_operation_requirements_override_the_default(
    server: TestServer, is_async: bool
) -> None:
    server.on("GET", "/me", echo)
    server.on("GET", "/health", echo)
    server.on("GET", "/admin", echo)
    health = Operation("GET", "/health", security=())  # security: []
    optional = Operation("GET", "/health", security=((), ("bearer",)))  # security: [{}, ...]
    admin = Operation("GET", "/admin", security=(("headerKey",),), qualified_name="admin.get")
    client = client_for(only("bearer"), server.url, is_async=is_async, credentials={"token": "t"})
    try:
        assert (await call(client))["authorization"] == "Bearer t"
        assert (await call(client, health))["authorization"] is None
        assert (await call(client, optional))["authorization"] == "Bearer t"
        # A requirement the credentials cannot meet: refused before anything is sent.
        with pytest.raises(exc.AuthenticationError) as info:
            await call(client, admin)
        assert str(info.value) == (
            "admin.get needs credentials: pass key=... or set the EX_KEY environment variable."
        )
        assert info.value.status_code is None
        assert server.seen(path="/admin") == []
    finally:
        await close(client)


def test_a_public_api_needs_no_credential(server: TestServer) -> None:
    server.on("GET", "/me", echo)
    client = client_for(Security(), server.url)  # no schemes at all (petstore)
    with client:
        assert client.request(ME, cast_to=object)["authorization"] is None
    optional = Security(schemes=(BEARER,), default=((), ("bearer",)))
    with client_for(optional, server.url) as client:
        assert client.request(ME, cast_to=object)["authorization"] is None


def test_missing_credentials_fail_at_construction_naming_arguments_and_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("EX_KEY", "EX_TOKEN", "EX_QKEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(exc.AuthenticationError) as info:
        client_for(only("headerKey"), "http://127.0.0.1:9")
    assert str(info.value) == "No key: pass key=... or set the EX_KEY environment variable."
    security = Security(schemes=ALL, default=(("bearer",), ("basic",)))
    with pytest.raises(exc.AuthenticationError) as info:
        client_for(security, "http://127.0.0.1:9")
    assert str(info.value) == (
        "No credentials: pass token=... or set the EX_TOKEN environment variable; "
        "or pass username=... and password=...."
    )
    # Half a basic pair is a mistake, said at once (without the value).
    with pytest.raises(ValueError, match="basic: password is missing") as err:
        client_for(only("basic"), "http://127.0.0.1:9", credentials={"username": SECRET})
    assert SECRET not in str(err.value)
    # A credential with a line break would split the header: refused, not echoed.
    with pytest.raises(ValueError, match="control character") as err:
        client_for(only("bearer"), "http://127.0.0.1:9", credentials={"token": "a\r\nX: y"})
    assert "X: y" not in str(err.value)


def test_environment_variables_named_by_the_schemes(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.on("GET", "/me", echo)
    monkeypatch.setenv("EX_KEY", f"  {SECRET} ")
    with client_for(only("headerKey"), server.url) as client:
        assert client.request(ME, cast_to=object)["x-api-key"] == SECRET
    # An argument wins over the variable.
    with client_for(only("headerKey"), server.url, credentials={"key": "arg"}) as client:
        assert client.request(ME, cast_to=object)["x-api-key"] == "arg"


def test_runrl_keeps_api_key_and_bearer(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client that declares no security (every RunRL client) sends ``Bearer <api_key>``, reads
    RUNRL_API_KEY, and refuses to start without a key, as before."""
    server.on("GET", "/me", echo)
    monkeypatch.setenv("RUNRL_API_KEY", API_KEY)
    with SyncAPIClient(ClientConfig.from_env(base_url=server.url)) as client:
        assert client.request(ME, cast_to=object)["authorization"] == f"Bearer {API_KEY}"
    monkeypatch.delenv("RUNRL_API_KEY")
    with pytest.raises(exc.AuthenticationError) as info:
        SyncAPIClient(ClientConfig.from_env(base_url=server.url))
    assert str(info.value) == (
        "No API key: pass api_key=... or set the RUNRL_API_KEY environment variable."
    )


def test_explicit_headers_win_and_the_http_clients_lose(server: TestServer) -> None:
    """Precedence, as before schemes existed: an injected httpx client's ``Authorization`` <
    the scheme's < ``default_headers`` < the call's ``extra_headers``."""
    from runrl_rt._base_client import RequestOptions

    server.on("GET", "/me", echo)
    http = httpx.Client(headers={"Authorization": "Bearer from-http-client", "X-API-Key": "h"})
    security = Security(schemes=ALL, default=(("bearer", "headerKey"),))
    creds = {"token": "scheme", "key": "scheme-key"}
    client = client_for(security, server.url, credentials=creds)
    client.close()
    injected = type(client)(client.config, http_client=http, credentials=creds)
    seen = injected.request(ME, cast_to=object)
    assert seen["authorization"] == "Bearer scheme" and seen["x-api-key"] == "scheme-key"
    explicit = injected.copy(default_headers={"Authorization": "Token mine"})
    assert explicit.request(ME, cast_to=object)["authorization"] == "Token mine"
    options = RequestOptions(extra_headers={"x-api-key": "per-call"})
    assert injected.request(ME, cast_to=object, options=options)["x-api-key"] == "per-call"
    http.close()


def test_basic_with_an_empty_password(server: TestServer) -> None:
    """Stripe-style: the key is the user name, the password is empty (``-u sk_test:``)."""
    server.on("GET", "/me", echo)
    creds = {"username": "sk_test_1", "password": ""}
    with client_for(only("basic"), server.url, credentials=creds) as client:
        expected = base64.b64encode(b"sk_test_1:").decode()
        assert client.request(ME, cast_to=object)["authorization"] == f"Basic {expected}"


def test_basic_credentials_object_and_reprs_hide_secrets(server: TestServer) -> None:
    server.on("GET", "/me", echo)
    creds = {"username": BasicCredentials("ann", SECRET)}
    with client_for(only("basic"), server.url, credentials=creds) as client:
        expected = base64.b64encode(f"ann:{SECRET}".encode()).decode()
        assert client.request(ME, cast_to=object)["authorization"] == f"Basic {expected}"
        assert SECRET not in repr(client.config) and SECRET not in repr(client)
        assert SECRET not in repr(creds["username"])


# ----------------------------------------------------------------------------- other origins


@pytest.mark.anyio
@FLAVOURS
async def test_a_redirect_to_another_origin_carries_no_credential(
    server: TestServer, other: TestServer, is_async: bool
) -> None:
    """Header, query and cookie credentials all stay behind; httpx alone would forward a custom
    API-key header (it only drops ``Authorization``)."""
    security = Security(schemes=ALL, default=(("bearer", "headerKey", "queryKey", "cookieKey"),))
    creds = {"token": SECRET, "key": SECRET, "query_key": SECRET, "session": SECRET}
    server.on("GET", "/me", lambda r, n: Reply(status=307, headers={"location": f"{other.url}/x"}))
    other.on("GET", "/x", echo)
    client = client_for(security, server.url, is_async=is_async, credentials=creds)
    try:
        seen = await call(client)
    finally:
        await close(client)
    assert seen == {"authorization": None, "x-api-key": None, "cookie": None, "query": {}}
    assert SECRET not in str(other.seen()[0])


@pytest.mark.anyio
@FLAVOURS
async def test_a_redirect_on_the_origin_keeps_every_credential(
    server: TestServer, is_async: bool
) -> None:
    security = Security(schemes=ALL, default=(("bearer", "headerKey", "queryKey", "cookieKey"),))
    creds = {"token": "t", "key": "k", "query_key": "q", "session": "s"}
    server.on("GET", "/me", lambda r, n: Reply(status=302, headers={"location": "/moved?a=1"}))
    server.on("GET", "/moved", echo)
    client = client_for(security, server.url, is_async=is_async, credentials=creds)
    try:
        seen = await call(client)
    finally:
        await close(client)
    assert seen == {
        "authorization": "Bearer t",
        "x-api-key": "k",
        "cookie": "session=s",
        "query": {"a": "1", "key": "q"},
    }


def test_too_many_redirects_is_a_connection_error(server: TestServer) -> None:
    server.on("GET", "/me", lambda r, n: Reply(status=302, headers={"location": "/me"}))
    with client_for(only("bearer"), server.url, credentials={"token": "t"}) as client:
        with pytest.raises(exc.APIConnectionError, match="users.me: connection failed"):
            client.request(ME, cast_to=object)
    assert len(server.seen()) == 21  # the first request and httpx's 20 redirects


def test_credentials_are_redacted_from_errors_and_debug_logs(
    server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A query key named ``key`` matches no "sensitive" name pattern: it is redacted because
    the authentication layer knows it put it there."""
    server.on(
        "GET",
        "/me",
        lambda r, n: Reply(
            status=400,
            json={"message": f"bad key {SECRET}", "errors": {"key": f"{SECRET} is revoked"}},
        ),
    )
    server.on("GET", "/ok", echo)
    security = Security(schemes=ALL, default=(("queryKey",),))
    client = client_for(security, server.url, credentials={"query_key": SECRET}, debug=True)
    with client, caplog.at_level(logging.DEBUG, logger="runrl"):
        with pytest.raises(exc.BadRequestError) as info:
            client.request(ME, cast_to=object)
        raw = client.request(Operation("GET", "/ok"), cast_to=object, raw=True)
    assert str(info.value) == "bad key *** [key: *** is revoked] (HTTP 400)"
    assert SECRET not in caplog.text and "key=%2A%2A%2A" in caplog.text
    assert raw.parsed()["query"] == {"key": SECRET}
    assert SECRET not in repr(raw) and "key=%2A%2A%2A" in repr(raw)
