"""The HTTP core against a real server: unwrap/cast, errors, retries, options, logging, threads."""

# ruff: noqa: UP006, UP035 - typing.List/Dict casts are part of what is tested

from __future__ import annotations

import json
import logging
import socket
import threading
import warnings
from typing import Any, Dict, List

import httpx
import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._base_client import (
    APIResponse,
    AsyncAPIClient,
    Operation,
    RequestOptions,
    SyncAPIClient,
)
from runrl_rt._config import ClientConfig
from tests.runtime.helpers import (
    API_KEY,
    CREATE_RUN,
    GET_RUN,
    File,
    Run,
    RunStatus,
    Sleeps,
    make_async_client,
    make_client,
)
from tests.runtime.server import Reply, TestServer, envelope

RUN = {"id": 7, "status": "RUNNING", "model": "qwen", "new_field": {"x": 1}}


def error_reply(status: int, code: str, message: str, **extra: Any) -> Reply:
    body = {"success": False, "error": code, "message": message, "details": {"field": "x"}}
    return Reply(status=status, json=body, **extra)


# ----------------------------------------------------------------------------- unwrap and cast


def test_envelope_unwrap_and_model_cast(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    with make_client(server.url) as client:
        run = client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert isinstance(run, Run)
    assert run.id == 7 and run.status is RunStatus.RUNNING
    assert run.new_field == {"x": 1}  # unknown fields are kept
    seen = server.seen()[0]
    assert seen.headers["authorization"] == f"Bearer {API_KEY}"
    assert seen.headers["accept"] == "application/json"
    assert seen.headers["user-agent"].startswith("runrl-python/1.20251003.0 (API 2025-10-03; ")
    assert seen.headers["x-retry-count"] == "0"
    assert "idempotency-key" not in seen.headers


def test_nested_unwrap_and_typing_casts(server: TestServer) -> None:
    history = [{"status": "QUEUED", "timestamp": "t0"}, {"status": "RUNNING", "timestamp": "t1"}]
    server.on("GET", "/runs/7/history", lambda r, n: envelope({"history": history}))
    server.on("GET", "/files", lambda r, n: envelope([{"id": "a", "name": "n"}]))
    server.on(
        "GET", "/blob", lambda r, n: Reply(body=b"\x00\x01raw", headers={"content-type": "x"})
    )
    server.on("DELETE", "/files/a", lambda r, n: Reply(status=204))
    server.on("GET", "/nothing", lambda r, n: envelope(None))
    op_history = Operation("GET", "/runs/{id}/history", unwrap=("data", "history"))
    with make_client(server.url) as client:
        entries = client.request(op_history, path_params={"id": 7}, cast_to=List[Dict[str, Any]])
        assert entries[1]["status"] == "RUNNING"
        files = client.request(Operation("GET", "/files", ("data",)), cast_to=List[File])
        assert files[0].id == "a"
        # A builtin generic alias passes isinstance(..., type) on 3.9/3.10: must still work.
        files2 = client.request(Operation("GET", "/files", ("data",)), cast_to=list[File])
        assert files2 == files
        assert client.request(Operation("GET", "/files", ("data",)), cast_to=object) == [
            {"id": "a", "name": "n"}
        ]
        blob = client.request(Operation("GET", "/blob", binary=True), cast_to=bytes)
        assert blob == b"\x00\x01raw"
        assert server.seen(path="/blob")[0].headers["accept"].startswith("application/octet")
        assert (
            client.request(
                Operation("DELETE", "/files/{id}"), path_params={"id": "a"}, cast_to=type(None)
            )
            is None
        )
        assert client.request(Operation("GET", "/nothing", ("data",)), cast_to=type(None)) is None


def test_path_params_are_percent_encoded_and_query_encoded(server: TestServer) -> None:
    server.on("GET", "/files/a/b c", lambda r, n: envelope({"id": "a/b c", "name": "x"}))
    op = Operation("GET", "/files/{fileId}", ("data",))
    with make_client(server.url) as client:
        client.request(
            op,
            path_params={"fileId": "a/b c"},
            query={
                "force": True,
                "off": False,
                "skip": None,
                "tags": ["x", "y"],
                "n": 3,
                "status": RunStatus.COMPLETED,
            },
            cast_to=File,
        )
        seen = server.seen()[0]
        assert seen.raw_path == "/files/a%2Fb%20c"
        assert seen.query == [
            ("force", "true"),
            ("off", "false"),
            ("tags", "x"),
            ("tags", "y"),
            ("n", "3"),
            ("status", "COMPLETED"),
        ]
        # A missing or empty path parameter is refused before anything is sent.
        with pytest.raises(exc.ValidationError, match="fileId"):
            client.request(op, path_params={}, cast_to=File)
        for bad in ("", ".", ".."):
            with pytest.raises(exc.ValidationError, match="must not be"):
                client.request(op, path_params={"fileId": bad}, cast_to=File)
    assert len(server.seen()) == 1


def test_json_body_and_per_call_options(server: TestServer) -> None:
    server.on("POST", "/runs", lambda r, n: envelope(RUN))
    with make_client(server.url) as client:
        client.request(
            CREATE_RUN,
            json={"model": "qwen", "epochs": 2, "status": RunStatus.QUEUED},
            cast_to=Run,
            options=RequestOptions(
                extra_headers={"X-Trace": "abc", "USER-AGENT": "mine/2"},
                extra_query={"dry_run": True},
                extra_body={"hidden_flag": 1},
                idempotency_key="my-key",
                timeout=5.0,
            ),
        )
    seen = server.seen()[0]
    assert seen.json() == {"model": "qwen", "epochs": 2, "status": "QUEUED", "hidden_flag": 1}
    assert seen.header_list.count("user-agent") == 1 and seen.headers["user-agent"] == "mine/2"
    assert seen.headers["content-type"] == "application/json"
    assert seen.headers["x-trace"] == "abc"
    assert seen.headers["idempotency-key"] == "my-key"
    assert seen.query == [("dry_run", "true")]


def test_multipart_upload_streams_a_path(server: TestServer, tmp_path: Any) -> None:
    server.on("POST", "/files", lambda r, n: envelope({"id": "f1", "name": "prompts.jsonl"}))
    path = tmp_path / "prompts.jsonl"
    path.write_bytes(b'{"prompt": "hi"}\n' * 1000)
    op = Operation("POST", "/files", ("data",), operation_id="files.upload")
    with make_client(server.url) as client:
        created = client.request(
            op, data={"type": "prompt", "name": None}, files={"file": path}, cast_to=File
        )
    assert created.id == "f1"
    seen = server.seen()[0]
    assert seen.headers["content-type"].startswith("multipart/form-data")
    assert b'name="type"\r\n\r\nprompt' in seen.body
    assert b'filename="prompts.jsonl"' in seen.body
    assert seen.body.count(b'{"prompt": "hi"}') == 1000
    assert b'name="name"' not in seen.body  # None form values are dropped


def test_multipart_retry_resends_the_whole_file(server: TestServer, tmp_path: Any) -> None:
    replies = [error_reply(503, "unavailable", "busy"), envelope({"id": "f1", "name": "p"})]
    server.on("POST", "/files", lambda r, n: replies[n])
    path = tmp_path / "p.jsonl"
    path.write_bytes(b"0123456789" * 10_000)
    op = Operation("POST", "/files", ("data",), idempotent=True)
    with make_client(server.url) as client:
        client.request(op, data={"type": "prompt"}, files={"file": path}, cast_to=File)
    first, second = server.seen("POST", "/files")
    assert len(first.body) == len(second.body)  # the boundaries differ, nothing else
    assert second.body.count(b"0123456789") == 10_000


def test_raw_response_and_rate_limit_state(server: TestServer) -> None:
    limits = {
        "X-RateLimit-Limit": "10000",
        "X-RateLimit-Remaining": "9876",
        "X-RateLimit-Reset": "1900000000",
    }
    server.on("GET", "/runs/7", lambda r, n: Reply(json={"data": RUN}, headers=limits))
    with make_client(server.url) as client:
        assert client.rate_limit is None
        raw = client.request(GET_RUN, path_params={"id": 7}, cast_to=Run, raw=True)
        assert isinstance(raw, APIResponse)
        assert raw.status_code == 200 and raw.headers["x-ratelimit-remaining"] == "9876"
        assert raw.retries_taken == 0
        assert raw.parsed().id == 7 and raw.parsed() is raw.parsed()
        assert isinstance(raw.http_response, httpx.Response)
        state = client.rate_limit
        assert state is not None
        assert (state.limit, state.remaining, state.reset) == (10000, 9876, 1900000000.0)
        assert state.reset_at is not None and state.reset_at.year == 2030


def test_a_later_return_type_is_imported_only_once_the_answer_arrives(server: TestServer) -> None:
    """``later(resolve)`` (what a generated method passes: a module constant): ``resolve``
    runs after the answer, once per ``later`` object, also through a raw response; never
    when nothing answers."""
    from runrl_rt._base_client import later

    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    resolved: list[int] = []

    def returns() -> type[Run]:
        resolved.append(len(server.seen()))  # how many requests the server had seen by then
        return Run

    with make_client(server.url) as client:
        run = client.request(GET_RUN, path_params={"id": 7}, cast_to=later(returns))
        assert isinstance(run, Run) and run.id == 7
        assert resolved == [1]
        raw = client.request(GET_RUN, path_params={"id": 7}, cast_to=later(returns), raw=True)
        assert resolved == [1]  # not yet: the raw response parses on demand
        assert raw.parsed().id == 7 and resolved == [1, 2]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    with make_client(closed, max_retries=0) as client, pytest.raises(exc.APIConnectionError):
        client.request(GET_RUN, path_params={"id": 7}, cast_to=later(returns))
    assert resolved == [1, 2]


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (400, "bad_request", exc.BadRequestError),
        (401, "unauthorized", exc.AuthenticationError),
        (403, "forbidden", exc.AuthorizationError),
        (404, "not_found", exc.NotFoundError),
        (409, "conflict", exc.ConflictError),
        (422, "validation_error", exc.ValidationError),
        (429, "rate_limit_exceeded", exc.RateLimitError),
        (500, "internal_error", exc.ServerError),
        (418, "teapot", exc.APIStatusError),
    ],
)
def test_error_envelope_mapping(server: TestServer, status: int, code: str, cls: type) -> None:
    server.on("GET", "/runs/7", lambda r, n: error_reply(status, code, "it went wrong"))
    with make_client(server.url, max_retries=0) as client:
        with pytest.raises(cls) as info:
            client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    err = info.value
    assert type(err) is cls
    assert isinstance(err, exc.APIStatusError) and isinstance(err, exc.RunRLException)
    assert err.status_code == status and err.code == code and err.message == "it went wrong"
    assert err.details == {"field": "x"} and err.payload["error"] == code
    assert err.response is not None and err.request is not None
    assert str(err) == f"it went wrong [field: x] (HTTP {status}, {code})"


def test_not_modified_is_no_value(server: TestServer) -> None:
    """A conditional GET the server answers 304 Not Modified (Box's ``files.get(id,
    if_none_match=etag)``, which its documentation promises) has no value to return: it raises
    NotModifiedError. It read as a ResponseValidationError ("expected a JSON body ... an empty
    body") for a model, and as ``b""`` for bytes: an unchanged file downloaded as empty."""

    def conditional(request: Any, n: int) -> Reply:
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(status=304, body=b"", headers={"etag": '"v1"'})
        reply = envelope({"id": 7, "status": "running"})
        reply.headers["etag"] = '"v1"'
        return reply

    server.on("GET", "/runs/7", conditional)
    with make_client(server.url, max_retries=2) as client:
        assert client.request(GET_RUN, path_params={"id": 7}, cast_to=Run).id == 7
        since = RequestOptions(extra_headers={"If-None-Match": '"v1"'})
        for cast_to in (Run, bytes):
            with pytest.raises(exc.NotModifiedError) as info:
                client.request(GET_RUN, path_params={"id": 7}, cast_to=cast_to, options=since)
            assert info.value.status_code == 304 and isinstance(info.value, exc.APIStatusError)
            assert info.value.response is not None
            assert info.value.response.headers["etag"] == '"v1"'
            # the status once, and what it means ("HTTP 304 Not Modified (HTTP 304)" before)
            assert str(info.value) == (
                "Not modified: the copy the request named (its ETag or date) is current (HTTP 304)"
            )
    assert len(server.seen("GET", "/runs/7")) == 3  # not retried


def test_aliases() -> None:
    assert exc.PermissionDeniedError is exc.AuthorizationError
    assert exc.UnprocessableEntityError is exc.ValidationError
    assert exc.InternalServerError is exc.ServerError
    assert issubclass(exc.APITimeoutError, exc.APIConnectionError)


def test_non_json_errors_and_bodies(server: TestServer) -> None:
    server.on(
        "GET",
        "/e500",
        lambda r, n: Reply(
            status=500, body=b"<html>Bad Gateway</html>", headers={"content-type": "text/html"}
        ),
    )
    server.on(
        "GET",
        "/ok-html",
        lambda r, n: Reply(body=b"<html>hi</html>", headers={"content-type": "text/html"}),
    )
    server.on("GET", "/no-envelope", lambda r, n: Reply(json={"id": 7}))
    server.on("GET", "/wrong-shape", lambda r, n: envelope({"id": "not-an-int", "status": 5}))
    server.on("GET", "/empty", lambda r, n: Reply(body=b""))
    with make_client(server.url, max_retries=0) as client:
        with pytest.raises(exc.ServerError) as info:
            client.request(Operation("GET", "/e500", ("data",)), cast_to=Run)
        assert info.value.status_code == 500 and "Bad Gateway" in info.value.message
        with pytest.raises(exc.ResponseValidationError, match="expected a JSON body"):
            client.request(Operation("GET", "/ok-html", ("data",)), cast_to=Run)
        with pytest.raises(exc.ResponseValidationError, match="no 'data' member"):
            client.request(Operation("GET", "/no-envelope", ("data",)), cast_to=Run)
        with pytest.raises(exc.ResponseValidationError, match=r"runs\.get.*Run.*at id") as info2:
            client.request(
                Operation("GET", "/wrong-shape", ("data",), operation_id="runs.get"), cast_to=Run
            )
        assert "and 1 more" in str(info2.value)
        with pytest.raises(exc.ResponseValidationError, match="empty body"):
            client.request(Operation("GET", "/empty", ("data",)), cast_to=Run)
        # No schema declared (Okta's verifyEmailOtp: a media type alone): empty is None.
        assert client.request(Operation("GET", "/empty"), cast_to=object) is None
        with pytest.raises(exc.ResponseValidationError, match="empty body"):
            client.request(Operation("GET", "/empty"), cast_to=Run)
        with pytest.raises(exc.ResponseValidationError):
            client.request(Operation("GET", "/wrong-shape", ("data",)), cast_to=List[Run])


def test_no_api_key_fails_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RUNRL_API_KEY", raising=False)
    with pytest.raises(exc.AuthenticationError, match="RUNRL_API_KEY") as info:
        SyncAPIClient(ClientConfig.from_env())
    assert info.value.response is None and info.value.status_code is None


def test_error_message_never_echoes_the_key(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: error_reply(401, "unauthorized", f"bad key {API_KEY}"))
    with make_client(server.url) as client:
        with pytest.raises(exc.AuthenticationError) as info:
            client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert API_KEY not in str(info.value) and "bad key ***" in str(info.value)


# ----------------------------------------------------------------------------- retries


def test_get_503_then_200_is_retried(server: TestServer) -> None:
    replies = [error_reply(503, "unavailable", "busy"), envelope(RUN)]
    server.on("GET", "/runs/7", lambda r, n: replies[n])
    sleeps = Sleeps()
    with make_client(server.url, sleeps, retry_backoff_factor=0.5) as client:
        raw = client.request(GET_RUN, path_params={"id": 7}, cast_to=Run, raw=True)
    assert raw.parsed().id == 7 and raw.retries_taken == 1
    assert [s.headers["x-retry-count"] for s in server.seen()] == ["0", "1"]
    assert len(sleeps.calls) == 1 and 0.375 <= sleeps.calls[0] <= 0.5


def test_backoff_is_exponential_jittered_and_capped(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: error_reply(502, "bad_gateway", "down"))
    sleeps = Sleeps()
    with make_client(server.url, sleeps, max_retries=6, retry_backoff_factor=1.0) as client:
        with pytest.raises(exc.ServerError):
            client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert len(server.seen()) == 7
    for n, slept in enumerate(sleeps.calls):
        ceiling = min(2.0**n, 8.0)
        assert 0.75 * ceiling <= slept <= ceiling


def test_post_500_is_not_retried_unless_idempotent(server: TestServer) -> None:
    server.on("POST", "/runs", lambda r, n: error_reply(500, "internal_error", "boom"))
    with make_client(server.url) as client:
        with pytest.raises(exc.ServerError):
            client.request(CREATE_RUN, json={"model": "m"}, cast_to=Run)
        assert len(server.seen("POST", "/runs")) == 1
        idempotent = Operation("POST", "/runs", ("data",), idempotent=True)
        with pytest.raises(exc.ServerError):
            client.request(idempotent, json={"model": "m"}, cast_to=Run)
    attempts = server.seen("POST", "/runs")[1:]
    assert len(attempts) == 3
    assert len({a.headers["idempotency-key"] for a in attempts}) == 1


def test_post_429_is_retried_honouring_retry_after(server: TestServer) -> None:
    replies = [
        error_reply(429, "rate_limit_exceeded", "slow down", headers={"Retry-After": "0.01"}),
        error_reply(429, "rate_limit_exceeded", "slow down", headers={"Retry-After": "0.02"}),
        envelope(RUN),
    ]
    server.on("POST", "/runs", lambda r, n: replies[n])
    sleeps = Sleeps()
    with make_client(server.url, sleeps) as client:
        run = client.request(CREATE_RUN, json={"model": "m"}, cast_to=Run)
    assert run.id == 7
    assert sleeps.calls == [0.01, 0.02]
    attempts = server.seen("POST", "/runs")
    keys = {a.headers["idempotency-key"] for a in attempts}
    assert len(attempts) == 3 and len(keys) == 1 and len(keys.pop()) == 36
    assert [a.headers["x-retry-count"] for a in attempts] == ["0", "1", "2"]


def test_429_rate_limit_reset_and_long_waits(server: TestServer) -> None:
    import time

    reset = str(int(time.time()) + 3)
    replies = [
        error_reply(429, "rate_limit_exceeded", "quota", headers={"X-RateLimit-Reset": reset}),
        envelope(RUN),
    ]
    server.on("GET", "/runs/7", lambda r, n: replies[n])
    server.on(
        "GET",
        "/runs/8",
        lambda r, n: error_reply(
            429, "rate_limit_exceeded", "quota", headers={"Retry-After": "3600"}
        ),
    )
    sleeps = Sleeps()
    with make_client(server.url, sleeps) as client:
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
        assert len(sleeps.calls) == 1 and 1.0 <= sleeps.calls[0] <= 3.0
        # Waiting an hour inside a call is not done: the error is raised at once.
        with pytest.raises(exc.RateLimitError) as info:
            client.request(GET_RUN, path_params={"id": 8}, cast_to=Run)
    assert info.value.retry_after == 3600.0
    assert len(server.seen(path="/runs/8")) == 1


def test_retry_after_http_date(server: TestServer) -> None:
    replies = [
        error_reply(
            503, "unavailable", "later", headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}
        ),
        envelope(RUN),
    ]
    server.on("GET", "/runs/7", lambda r, n: replies[n])
    sleeps = Sleeps()
    with make_client(server.url, sleeps) as client:
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert sleeps.calls == [0.0]  # a date in the past: retry at once


def test_4xx_and_disabled_retries(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: error_reply(404, "not_found", "no"))
    server.on("GET", "/runs/8", lambda r, n: error_reply(503, "unavailable", "busy"))
    with make_client(server.url) as client:
        with pytest.raises(exc.NotFoundError):
            client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
        with pytest.raises(exc.ServerError):
            client.request(
                GET_RUN, path_params={"id": 8}, cast_to=Run, options=RequestOptions(max_retries=0)
            )
    with make_client(server.url, retry_enabled=False) as client:
        with pytest.raises(exc.ServerError):
            client.request(GET_RUN, path_params={"id": 8}, cast_to=Run)
    assert len(server.seen(path="/runs/7")) == 1
    assert len(server.seen(path="/runs/8")) == 2


def test_timeout_raises_api_timeout_error_after_retries(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: Reply(json={"data": RUN}, delay=0.5))
    server.on("POST", "/runs", lambda r, n: Reply(json={"data": RUN}, delay=0.5))
    sleeps = Sleeps()
    with make_client(server.url, sleeps, timeout=0.1) as client:
        with pytest.raises(exc.APITimeoutError, match="timed out after 3 attempts"):
            client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
        assert len(sleeps.calls) == 2
        # A POST that timed out waiting for the answer may have been processed: no retry.
        with pytest.raises(exc.APITimeoutError):
            client.request(CREATE_RUN, json={}, cast_to=Run)
    assert len(server.seen(path="/runs/7")) == 3
    assert len(server.seen(path="/runs")) == 1


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_connection_refused_is_retried_even_for_post() -> None:
    sleeps = Sleeps()
    url = f"http://127.0.0.1:{_closed_port()}"
    with make_client(url, sleeps) as client:
        with pytest.raises(exc.APIConnectionError) as info:
            client.request(CREATE_RUN, json={}, cast_to=Run)
    assert not isinstance(info.value, exc.APITimeoutError)
    assert len(sleeps.calls) == 2  # ConnectError: the request never left, so retrying is safe
    assert isinstance(info.value.__cause__, httpx.ConnectError)


@pytest.mark.anyio
async def test_async_retries_exhausted_raise_the_typed_error(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: error_reply(503, "unavailable", "busy"))
    server.on("POST", "/runs", lambda r, n: error_reply(500, "internal_error", "boom"))
    sleeps = Sleeps()
    async with make_async_client(server.url, sleeps) as client:
        with pytest.raises(exc.ServerError) as info:
            await client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
        assert type(info.value) is exc.ServerError and info.value.status_code == 503
        with pytest.raises(exc.ServerError):
            await client.request(CREATE_RUN, json={}, cast_to=Run)
    assert len(server.seen(path="/runs/7")) == 3
    assert len(server.seen(path="/runs")) == 1
    assert len(sleeps.calls) == 2


@pytest.mark.anyio
async def test_async_request_and_retry_after(server: TestServer) -> None:
    replies = [
        error_reply(429, "rate_limit_exceeded", "slow", headers={"Retry-After": "0.01"}),
        envelope(RUN),
    ]
    server.on("POST", "/runs", lambda r, n: replies[n])
    server.on("GET", "/slow", lambda r, n: Reply(json={"data": RUN}, delay=0.5))
    sleeps = Sleeps()
    async with make_async_client(server.url, sleeps, timeout=0.1) as client:
        run = await client.request(CREATE_RUN, json={"model": "m"}, cast_to=Run)
        assert run.status == "RUNNING"
        with pytest.raises(exc.APITimeoutError):
            await client.request(Operation("GET", "/slow", ("data",)), cast_to=Run)
    keys = {a.headers["idempotency-key"] for a in server.seen(path="/runs")}
    assert len(keys) == 1 and sleeps.calls[0] == 0.01


# ----------------------------------------------------------------------------- client behaviour


def test_deprecated_operation_warns_at_the_callers_line(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    old = Operation("GET", "/runs/{id}", ("data",), deprecated=True, operation_id="runs.old")

    def resource_method(client: SyncAPIClient) -> Run:  # what a generated method looks like
        return client.request(old, path_params={"id": 7}, cast_to=Run)

    with make_client(server.url) as client, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        resource_method(client)
    assert len(caught) == 1 and issubclass(caught[0].category, DeprecationWarning)
    assert "runs.old is deprecated" in str(caught[0].message)
    assert caught[0].filename == __file__


def test_copy_shares_the_pool_and_keeps_the_original_open(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    client = make_client(server.url)
    copy = client.with_options(timeout=3.0, max_retries=0, default_headers={"X-Team": "a"})
    assert copy.config.timeout == 3.0 and copy.max_retries == 0
    assert client.config.timeout == 30.0 and client.max_retries == 2
    assert copy._client is client._client
    copy.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    copy.close()
    client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)  # still open
    other = client.copy(pool_maxsize=3)
    assert other._client is not client._client
    other.close()
    client.close()
    assert [s.headers.get("x-team") for s in server.seen()] == ["a", None]
    with pytest.raises(TypeError):
        client.copy(not_an_option=1)


def test_injected_http_client_is_used_and_left_open(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    seen: list[str] = []
    http = httpx.Client(event_hooks={"request": [lambda req: seen.append(str(req.url))]})
    with SyncAPIClient(ClientConfig(api_key=API_KEY, base_url=server.url), http_client=http) as c:
        c.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert seen == [f"{server.url}/runs/7"] and not http.is_closed
    http.close()


STREAM = Operation("GET", "/runs/{id}/logs/stream", stream=True, operation_id="runs.stream_logs")


def _assert_closed_error(err: exc.ClientClosedError, client: str) -> None:
    text = str(err)
    assert isinstance(err, exc.RunRLException) and err.status_code is None
    assert text.startswith(f"runs.get: this {client} is closed, nothing was sent")
    assert "make a new client" in text and "`with` block" in text
    assert "Cannot send a request" not in text


def test_a_closed_client_raises_its_own_error_before_sending(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    with make_client(server.url) as client:
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    with pytest.raises(exc.ClientClosedError) as info:
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    _assert_closed_error(info.value, "SyncAPIClient")
    assert "it was closed (by close()" in str(info.value)
    with pytest.raises(exc.ClientClosedError):
        next(iter(client.request_stream(STREAM, path_params={"id": 7})))
    copy = client.copy(timeout=5.0)  # a copy of a closed client gets a pool of its own
    copy.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    copy.close()
    # A copy sharing its parent's pool, then the parent closed: the message says whose pool.
    parent = make_client(server.url)
    child = parent.with_options(timeout=5.0)
    parent.close()
    with pytest.raises(exc.ClientClosedError, match="its parent's if it is a copy"):
        child.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert len(server.seen()) == 2  # the first call and the copy's: nothing after a close


@pytest.mark.anyio
async def test_a_closed_async_client_raises_its_own_error_before_sending(
    server: TestServer,
) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    async with make_async_client(server.url) as client:
        await client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    with pytest.raises(exc.ClientClosedError) as info:
        await client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    _assert_closed_error(info.value, "AsyncAPIClient")
    http = httpx.AsyncClient()
    injected = AsyncAPIClient(ClientConfig(api_key=API_KEY, base_url=server.url), http_client=http)
    await http.aclose()
    with pytest.raises(exc.ClientClosedError, match="its http_client"):
        await injected.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert len(server.seen()) == 1


def test_debug_logging_redacts_credentials(
    server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    caplog.set_level(logging.DEBUG, logger="runrl")
    with make_client(server.url, debug=True, default_headers={"X-Api-Token": "tok_secret"}) as c:
        c.request(
            GET_RUN, path_params={"id": 7}, query={"token": "qsecret", "page": 2}, cast_to=Run
        )
    text = caplog.text
    assert f"GET {server.url}/runs/7?token=%2A%2A%2A&page=2 -> 200 in " in text
    assert "(attempt 1)" in text
    assert "'authorization': 'Bearer ***'" in text
    for secret in (API_KEY, "qsecret", "tok_secret"):
        assert secret not in text
    assert API_KEY not in repr(c.config) and API_KEY not in repr(c)


def test_thread_safety_8_threads_x_100_calls(server: TestServer) -> None:
    def echo(request: Any, n: int) -> Reply:
        number = int(request.path.rsplit("/", 1)[1])
        return Reply(
            json={"data": {"id": number, "status": "RUNNING"}},
            headers={"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": str(number)},
        )

    for number in range(800):
        server.on("GET", f"/runs/{number}", echo)
    errors: list[BaseException] = []
    with make_client(server.url) as client:

        def worker(thread: int) -> None:
            try:
                for i in range(100):
                    number = thread * 100 + i
                    run = client.request(GET_RUN, path_params={"id": number}, cast_to=Run)
                    assert run.id == number
                    assert client.rate_limit is not None
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=worker, args=(t,)) for t in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors
    assert len(server.seen()) == 800


def test_json_encoding_of_rich_values(server: TestServer) -> None:
    import datetime
    import decimal
    import uuid

    server.on("POST", "/runs", lambda r, n: envelope(RUN))
    when = datetime.datetime(2025, 10, 3, 12, 0, tzinfo=datetime.timezone.utc)
    ident = uuid.UUID(int=1)
    with make_client(server.url) as client:
        client.request(
            CREATE_RUN,
            json={
                "at": when,
                "id": ident,
                "n": decimal.Decimal("1.5"),
                "file": File(id="f", name="n"),
                "tags": {"a"},
            },
            cast_to=Run,
        )
    assert json.loads(server.seen()[0].body) == {
        "at": "2025-10-03T12:00:00+00:00",
        "id": str(ident),
        "n": 1.5,
        "file": {"id": "f", "name": "n"},
        "tags": ["a"],
    }


def test_tls_proxy_and_pool_options() -> None:
    import ssl

    import certifi

    config = ClientConfig(api_key=API_KEY, verify_ssl=False, pool_maxsize=3, proxy=None)
    with SyncAPIClient(config) as client:
        kwargs = client._transport_kwargs()
        assert kwargs["verify"] is False
        assert kwargs["limits"].max_connections == 3
    config = ClientConfig(api_key=API_KEY, ssl_ca_cert=certifi.where())
    with SyncAPIClient(config) as client:
        assert isinstance(client._transport_kwargs()["verify"], ssl.SSLContext)
    with pytest.raises(FileNotFoundError):
        SyncAPIClient(ClientConfig(api_key=API_KEY, cert_file="/nonexistent.pem"))
