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
from runrl_rt._exceptions import BadRequestError
from tests.runtime.authkit import ME, call, client_for, close, echo
from tests.runtime.server import Reply, TestServer

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
    assert text.count("no credentials") == 3  # not for ME (the token), nor for `forced`
    assert (
        "client.get: the client adds none of its credentials (it accepts anonymous calls or "
        "queryKey); it carries the caller's own authorization header (value masked)" in text
    )
    assert SECRET not in text and text.count("'authorization': 'Bearer ***'") == 2


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(
    ("options", "arrived", "said"),
    [
        (RequestOptions(extra_headers={"X-Key": SECRET}), ("x-key", SECRET), "x-key header"),
        (RequestOptions(extra_query={"k": SECRET}), ("query", {"k": SECRET}), "k query parameter"),
        (
            RequestOptions(extra_headers={"Cookie": f"theme=dark; sid={SECRET}"}),
            ("cookie", f"theme=dark; sid={SECRET}"),
            "sid cookie",
        ),
    ],
    ids=["api-key-header", "api-key-query", "api-key-cookie"],
)
async def test_a_credential_the_caller_sets_itself_is_not_logged_as_none_sent(
    server: TestServer,
    caplog: pytest.LogCaptureFixture,
    is_async: bool,
    options: RequestOptions,
    arrived: tuple[str, object],
    said: str,
) -> None:
    """An operation open to anonymous calls, a client with a bearer token, and the caller's
    own API key in ``extra_headers``/``extra_query``: the log names where it went, not the
    value, and does not claim that no credential was sent."""
    server.on("GET", "/health", echo)
    server.on("GET", "/me", echo)
    optional = Operation("GET", "/health", security=((), ("headerKey",)), qualified_name="h.get")
    elsewhere = Operation("GET", "/me", security=((),), qualified_name="me.get")
    security = Security(schemes=ALL, default=(("bearer",),))
    client = client_for(
        security, server.url, is_async=is_async, credentials={"token": SECRET}, debug=True
    )
    caplog.set_level(logging.DEBUG, logger="runrl")
    try:
        await call(client, optional, options=options)
        await call(client, elsewhere, options=RequestOptions(extra_headers={"X-Other": "1"}))
    finally:
        await close(client)
    seen = server.seen(path="/health")[0]
    field, value = arrived
    assert (dict(seen.query) if field == "query" else seen.headers.get(field)) == value
    assert seen.headers.get("authorization") is None  # the client's token stays home
    text = caplog.text
    assert (
        "h.get: the client adds none of its credentials (it accepts anonymous calls or "
        f"headerKey); it carries the caller's own {said} (value masked)" in text
    )
    # A header that is no scheme's: the usual reason, nothing claimed about the caller.
    assert "me.get: no credentials sent: it accepts anonymous calls only" in text
    assert text.count("no credentials") == 1 and SECRET not in text


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
async def test_an_error_echoing_the_callers_own_credential_is_redacted(
    server: TestServer, is_async: bool
) -> None:
    """A value the caller put in a scheme's place is a secret whatever the place is called."""
    server.on("GET", "/health", lambda r, n: Reply(status=400, json={"message": f"bad {SECRET}"}))
    optional = Operation("GET", "/health", security=((), ("queryKey",)), qualified_name="h.get")
    client = client_for(
        Security(schemes=ALL, default=(("bearer",),)),
        server.url,
        is_async=is_async,
        credentials={"token": "tok-abcdef"},
    )
    try:
        with pytest.raises(BadRequestError) as info:
            await call(client, optional, options=RequestOptions(extra_query={"k": SECRET}))
    finally:
        await close(client)
    assert dict(server.seen(path="/health")[0].query) == {"k": SECRET}
    assert str(info.value).startswith("bad ***") and SECRET not in str(info.value)


def test_a_client_without_credentials_logs_no_reason(
    server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.on("GET", "/me", echo)
    public = Security(schemes=ALL, default=((), ("bearer",)))
    caplog.set_level(logging.DEBUG, logger="runrl")
    with client_for(public, server.url, debug=True) as client:
        client.request(ME, cast_to=object)
    assert "no credentials" not in caplog.text
