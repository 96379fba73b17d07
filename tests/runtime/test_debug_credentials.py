"""``debug=True`` and credentials, against a real server: every scheme's credential arrives,
the debug log shows where it went (the header, the query parameter, the cookie) with its value
redacted and never the value itself; a call whose operation declares other schemes goes
without them, and the log says why (a user trial read a missing ``authorization`` line as a
credential the client had lost)."""

from __future__ import annotations

import base64
import logging

import pytest
from runrl_rt._auth import (
    APIKeyScheme,
    CredentialSource,
    HTTPBasicScheme,
    HTTPBearerScheme,
    Security,
)
from runrl_rt._base_client import Operation, RequestOptions
from tests.runtime.authkit import ME, call, client_for, close, echo
from tests.runtime.server import TestServer

HEADER_KEY = APIKeyScheme("headerKey", "header", "X-Key", CredentialSource("key"))
QUERY_KEY = APIKeyScheme("queryKey", "query", "k", CredentialSource("query_key"))
COOKIE_KEY = APIKeyScheme("cookieKey", "cookie", "sid", CredentialSource("session"))
BEARER = HTTPBearerScheme("bearer", CredentialSource("token"))
BASIC = HTTPBasicScheme("basic", CredentialSource("username"), CredentialSource("password"))
ALL = (HEADER_KEY, QUERY_KEY, COOKIE_KEY, BEARER, BASIC)

# Names that match no "sensitive" pattern (X-Key, k, sid): redacted because the authentication
# layer knows it put them there, not because of what they are called.
SECRET = "zq-secret-9431"
BASIC_TOKEN = base64.b64encode(f"ann:{SECRET}".encode()).decode()


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(
    ("scheme", "credentials", "arrived", "logged"),
    [
        ("headerKey", {"key": SECRET}, ("x-api-key", None), "'x-key': '***'"),
        ("queryKey", {"query_key": SECRET}, ("query", {"k": SECRET}), "/me?k=%2A%2A%2A -> 200"),
        ("cookieKey", {"session": SECRET}, ("cookie", f"sid={SECRET}"), "'cookie': '***'"),
        (
            "bearer",
            {"token": SECRET},
            ("authorization", f"Bearer {SECRET}"),
            "'authorization': 'Bearer ***'",
        ),
        (
            "basic",
            {"username": "ann", "password": SECRET},
            ("authorization", f"Basic {BASIC_TOKEN}"),
            "'authorization': 'Basic ***'",
        ),
    ],
    ids=["api-key-header", "api-key-query", "api-key-cookie", "bearer", "basic"],
)
async def test_the_credential_is_sent_and_the_debug_log_shows_it_redacted(
    server: TestServer,
    caplog: pytest.LogCaptureFixture,
    is_async: bool,
    scheme: str,
    credentials: dict[str, str],
    arrived: tuple[str, object],
    logged: str,
) -> None:
    server.on("GET", "/me", echo)
    security = Security(schemes=ALL, default=((scheme,),))
    client = client_for(
        security, server.url, is_async=is_async, credentials=credentials, debug=True
    )
    caplog.set_level(logging.DEBUG, logger="runrl")
    try:
        await call(client)
    finally:
        await close(client)
    (seen,) = server.seen(path="/me")
    if scheme == "headerKey":
        assert seen.headers["x-key"] == SECRET
    else:
        field, value = arrived
        got = dict(seen.query) if field == "query" else seen.headers.get(field)
        assert got == value
    text = caplog.text
    assert logged in text
    assert "no credentials" not in text
    for secret in (SECRET, BASIC_TOKEN):
        assert secret not in text


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
async def test_a_call_whose_operation_declares_other_schemes_says_why_it_sends_none(
    server: TestServer, caplog: pytest.LogCaptureFixture, is_async: bool
) -> None:
    """Clerk's ``GET /v1/client`` declares ``security: [{}, {DevBrowser: []}]``: a client with a
    bearer token sends it nowhere there (the document's choice), and the debug log says so."""
    server.on("GET", "/me", echo)
    server.on("GET", "/health", echo)
    optional = Operation("GET", "/me", security=((), ("queryKey",)), qualified_name="client.get")
    public = Operation("GET", "/health", security=(), qualified_name="health.get")
    anonymous = Operation("GET", "/health", security=((),), qualified_name="sign_ins.create")
    security = Security(schemes=ALL, default=(("bearer",),))
    client = client_for(
        security, server.url, is_async=is_async, credentials={"token": SECRET}, debug=True
    )
    caplog.set_level(logging.DEBUG, logger="runrl")
    try:
        assert (await call(client, optional))["authorization"] is None
        assert (await call(client, public))["authorization"] is None
        assert (await call(client, anonymous))["authorization"] is None
        assert (await call(client, ME))["authorization"] == f"Bearer {SECRET}"
        # The way to send it anyway (the README says so): redacted all the same.
        forced = RequestOptions(extra_headers={"Authorization": f"Bearer {SECRET}x"})
        seen = await call(client, optional, options=forced)
        assert seen["authorization"] == f"Bearer {SECRET}x"
    finally:
        await close(client)
    text = caplog.text
    assert (
        "client.get: no credentials sent: it accepts anonymous calls or queryKey; "
        "the client has bearer" in text
    )
    assert "health.get: no credentials sent: it declares no security (security: [])" in text
    assert (
        "sign_ins.create: no credentials sent: it accepts anonymous calls only (security: [{}])"
        in text
    )
    assert text.count("no credentials") == 4  # not for ME, which sent the token
    assert SECRET not in text and text.count("'authorization': 'Bearer ***'") == 2


def test_a_client_without_credentials_logs_no_reason(
    server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.on("GET", "/me", echo)
    public = Security(schemes=ALL, default=((), ("bearer",)))
    caplog.set_level(logging.DEBUG, logger="runrl")
    with client_for(public, server.url, debug=True) as client:
        client.request(ME, cast_to=object)
    assert "no credentials" not in caplog.text
