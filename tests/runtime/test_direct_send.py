"""A non-streamed call of a client this package built goes straight to its own transport
(``_base_client._send_direct``), past the layers of ``httpx.Client.send`` it does not use
(~5 % of a small call), and the response is what ``send`` makes of it: its request, body, time
taken, cookies, text encoding, httpx's log line, a redirect's next request. A client given
event hooks, an injected client and a streamed call keep httpx's ``send``. Against real servers
on 127.0.0.1."""

from __future__ import annotations

import datetime
import logging
import socket
from typing import Any

import httpx
import pytest
from runrl_rt._base_client import Operation, SyncAPIClient
from runrl_rt._config import ClientConfig
from runrl_rt._exceptions import APIConnectionError
from tests.runtime.helpers import (
    API_KEY,
    GET_RUN,
    Run,
    Sleeps,
    make_async_client,
    make_client,
)
from tests.runtime.server import Reply, TestServer, envelope

RUN = {"id": 7, "status": "RUNNING", "model": "qwen"}
STREAM_OP = Operation("GET", "/runs/7/logs", unwrap=(), stream=True)


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("httpx's send was called")


def test_sync_response_as_send_makes_it(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    monkeypatch.setattr(httpx.Client, "send", _refuse)
    with make_client(server.url) as client, caplog.at_level(logging.INFO, logger="httpx"):
        raw = client.request(GET_RUN, path_params={"id": 7}, cast_to=Run, raw=True)
    response = raw.http_response
    assert raw.parsed().id == 7
    assert response.request.url == f"{server.url}/runs/7"
    assert response.is_closed and response.json()["data"] == RUN
    assert isinstance(response.elapsed, datetime.timedelta)
    assert response.encoding == "utf-8"
    assert f'HTTP Request: GET {server.url}/runs/7 "HTTP/1.1 200 OK"' in caplog.messages


@pytest.mark.anyio
async def test_async_response_as_send_makes_it(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    monkeypatch.setattr(httpx.AsyncClient, "send", _refuse)
    with caplog.at_level(logging.INFO, logger="httpx"):
        async with make_async_client(server.url) as client:
            raw = await client.request(GET_RUN, path_params={"id": 7}, cast_to=Run, raw=True)
    response = raw.http_response
    assert raw.parsed().id == 7
    assert response.is_closed and isinstance(response.elapsed, datetime.timedelta)
    assert f'HTTP Request: GET {server.url}/runs/7 "HTTP/1.1 200 OK"' in caplog.messages


def test_a_redirect_and_cookies_on_the_direct_path(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    moved = Reply(status=307, headers={"location": "/runs/7", "set-cookie": "lb=node-2; Path=/"})
    server.on("GET", "/runs/1", lambda r, n: moved)
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    monkeypatch.setattr(httpx.Client, "send", _refuse)
    with make_client(server.url) as client:
        raw = client.request(GET_RUN, path_params={"id": 1}, cast_to=Run, raw=True)
    assert raw.parsed().id == 7
    assert [r.status_code for r in raw.http_response.history] == [307]
    assert [s.path for s in server.seen()] == ["/runs/1", "/runs/7"]
    assert server.seen()[1].headers.get("cookie") == "lb=node-2"


def test_event_hooks_keep_httpx_send(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    seen: list[str] = []
    with make_client(server.url) as client:
        client._client.event_hooks["response"].append(lambda r: seen.append(str(r.url)))
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert seen == [f"{server.url}/runs/7"]


def test_an_injected_client_keeps_httpx_send(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    sent: list[str] = []

    class Counting(httpx.Client):
        def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
            sent.append(request.method)
            return super().send(request, **kwargs)

    config = ClientConfig(api_key=API_KEY, base_url=server.url)
    with SyncAPIClient(config, http_client=Counting(), sleep=Sleeps()) as client:
        assert client._direct is None
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert sent == ["GET"]


def test_a_streamed_call_keeps_httpx_send(server: TestServer) -> None:
    events = Reply(body=b"data: {}\n\n", headers={"content-type": "text/event-stream"})
    server.on("GET", "/runs/7/logs", lambda r, n: events)
    sent: list[bool] = []
    original = httpx.Client.send

    def send(self: httpx.Client, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        sent.append(kwargs.get("stream", False))
        return original(self, request, **kwargs)

    with pytest.MonkeyPatch.context() as patch, make_client(server.url) as client:
        patch.setattr(httpx.Client, "send", send)
        assert len(list(client.request_stream(STREAM_OP))) == 1
    assert sent == [True]


def test_a_connection_error_names_its_request(monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx's send attaches the request to a transport's error; so does the direct path."""
    monkeypatch.setattr(httpx.Client, "send", _refuse)
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{closed.getsockname()[1]}"
    with make_client(url, max_retries=0) as client, pytest.raises(APIConnectionError) as raised:
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    cause = raised.value.__cause__
    assert isinstance(cause, httpx.ConnectError)
    assert cause.request.url == f"{url}/runs/7"


def test_httpx_log_line_hides_the_urls_secrets(
    server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    """httpx's own line showed a credential in the query as it was; the direct path hides it."""
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    with make_client(server.url) as client, caplog.at_level(logging.INFO, logger="httpx"):
        client.request(GET_RUN, path_params={"id": 7}, query={"api_key": "s3cr3t"}, cast_to=Run)
    assert server.seen()[0].query == [("api_key", "s3cr3t")]
    assert "s3cr3t" not in caplog.text
    assert "api_key=" in caplog.text
