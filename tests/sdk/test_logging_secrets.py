"""Logging and secrets, for the generated sync and async clients against the reference server.

* the ``runrl`` logger records every attempt at DEBUG: method, URL, status (or the transport
  error), elapsed time, attempt number; nothing above DEBUG for ordinary calls;
* ``debug=True`` makes those records visible without any logging setup and adds the request
  headers, with ``Authorization`` and other credentials redacted; sensitive query parameters are
  redacted in every logged URL;
* the API key never appears in a log record, in ``repr(config)``/``repr(client)``, or in any
  exception's message, ``repr``, ``args`` or formatted traceback, whichever way the call failed;
* ``ApiKeyToken.token`` (the secret returned once by ``api_keys.create``) is masked in
  ``repr``/``str`` but readable as an attribute.
"""

from __future__ import annotations

import logging
import re
import socket
import traceback
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.sdk._support import MODEL, TOKEN, Api, seed_file, seed_files, settle
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio

LOGGER = "runrl"
SECRET_HEADER = "sk-header-secret-0123456789"
SECRET_QUERY = "query-secret-0123456789"


@pytest.fixture
def runrl_logger(sdk: ModuleType) -> Iterator[logging.Logger]:
    """The package logger, restored afterwards (``debug=True`` changes its level and handlers)."""
    logger = logging.getLogger(LOGGER)
    level, handlers, propagate = logger.level, list(logger.handlers), logger.propagate
    base = sdk._base_client
    saved_handler = base._debug_handler
    base._debug_handler = None
    try:
        yield logger
    finally:
        for handler in logger.handlers:
            if handler not in handlers:
                logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
        base._debug_handler = saved_handler


def sdk_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER or r.name.startswith(LOGGER + ".")]


def all_text(records: list[logging.LogRecord]) -> str:
    return "\n".join(f"{r.getMessage()} {r.args!r}" for r in records)


# ------------------------------------------------------------------------------------- logging


async def test_every_attempt_is_logged_at_debug(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    caplog: pytest.LogCaptureFixture,
    runrl_logger: logging.Logger,
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    file = seed_file(reference_server.app.store)
    reference_server.inject(rf"/files/{file['id']}", method="GET", status=503)
    reference_server.inject("/health", kind="drop")
    client = api.copy(retry_backoff_factor=0.0)

    await client.files.retrieve(file["id"])
    await client.health()
    await client.files.create_from_content("r", "code", "reward_function")

    messages = [r.getMessage() for r in sdk_records(caplog)]
    base = re.escape(reference_server.base_url)
    expected = [
        rf"GET {base}/files/{file['id']} -> 503 in \d+\.\d ms \(attempt 1\)",
        rf"GET {base}/files/{file['id']} -> 200 in \d+\.\d ms \(attempt 2\)",
        rf"GET {base}/health -> RemoteProtocolError in \d+\.\d ms \(attempt 1\)",
        rf"GET {base}/health -> 200 in \d+\.\d ms \(attempt 2\)",
        rf"POST {base}/files -> 201 in \d+\.\d ms \(attempt 1\)",
    ]
    assert len(messages) == len(expected), messages
    for pattern, message in zip(expected, messages, strict=True):
        assert re.fullmatch(pattern, message), (pattern, message)
    assert all(r.levelno == logging.DEBUG for r in sdk_records(caplog))
    assert TOKEN not in all_text(sdk_records(caplog))


async def test_ordinary_calls_log_nothing_above_debug(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    caplog: pytest.LogCaptureFixture,
    runrl_logger: logging.Logger,
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    await api.health()
    await api.files.list()
    assert sdk_records(caplog) == []


async def test_debug_prints_requests_with_redacted_credentials(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    capsys: pytest.CaptureFixture[str],
    runrl_logger: logging.Logger,
) -> None:
    """``debug=True`` works without any logging configuration (a stderr handler is added)."""
    runrl_logger.setLevel(logging.NOTSET)
    for handler in list(runrl_logger.handlers):
        runrl_logger.removeHandler(handler)
    runrl_logger.propagate = False  # nothing else configured: only the SDK's own handler
    client = api.copy(debug=True, default_headers={"X-Api-Key": SECRET_HEADER})

    await client.files.list(extra_query={"api_key": SECRET_QUERY, "search": "x"})

    err = capsys.readouterr().err
    assert f"GET {reference_server.base_url}/files?" in err
    assert "-> 200 in " in err and "(attempt 1)" in err
    assert "search=x" in err  # ordinary parameters stay readable
    headers_line = next(line for line in err.splitlines() if "request headers:" in line)
    assert "'authorization': 'Bearer ***'" in headers_line
    assert "'x-api-key': '***'" in headers_line
    assert "'user-agent': 'runrl-python/" in headers_line
    for secret in (TOKEN, SECRET_HEADER, SECRET_QUERY):
        assert secret not in err
    # The request itself carried them.
    rec = reference_server.last_request
    assert rec.headers["x-api-key"] == SECRET_HEADER
    assert rec.query["api_key"] == SECRET_QUERY


async def test_sensitive_query_parameters_are_redacted_in_every_log_line(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    caplog: pytest.LogCaptureFixture,
    runrl_logger: logging.Logger,
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    await api.health(extra_query={"token": SECRET_QUERY, "access_token": SECRET_QUERY, "v": 1})
    (record,) = sdk_records(caplog)
    message = record.getMessage()
    assert SECRET_QUERY not in message and "v=1" in message
    assert message.count("token=") == 2


# ------------------------------------------------------------------------------------- secrets


async def test_config_and_client_reprs_mask_the_key(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    client = api.copy(default_headers={"X-Api-Key": SECRET_HEADER, "X-Team": "rl"}).client
    config = client.config
    assert config.api_key == TOKEN  # usable...
    for text in (repr(config), str(config), repr(client), f"{config}", f"{client!r}"):
        assert TOKEN not in text and SECRET_HEADER not in text  # ...but never shown
    assert "api_key='rl_***'" in repr(config)
    assert "'X-Api-Key': '***'" in repr(config) and "'X-Team': 'rl'" in repr(config)


def _texts(exc: BaseException) -> list[str]:
    return [
        str(exc),
        repr(exc),
        getattr(exc, "message", ""),
        repr(exc.args),
        "".join(traceback.format_exception(exc)),
    ]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_no_exception_message_contains_the_key(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    errors: list[BaseException] = []

    async def capture(call: Any) -> None:
        try:
            await call()  # a lambda: the sync client raises when called
        except sdk.exceptions.RunRLException as exc:
            errors.append(exc)
        else:
            pytest.fail("the call should have failed")

    fast = api.copy(retry_backoff_factor=0.0, max_retries=1)
    echo = f"upstream rejected 'Authorization: Bearer {TOKEN}'"
    # The server echoes the credential in an error envelope, in a gateway page, in a 200 page.
    reference_server.inject(
        "/health",
        status=400,
        body={"success": False, "error": "bad_request", "message": echo, "details": {"h": echo}},
    )
    await capture(lambda: fast.health())
    reference_server.inject(
        "/health",
        kind="non_json",
        status=502,
        times=2,
        body=f"<html>Bad gateway for {TOKEN}</html>",
    )
    await capture(lambda: fast.health())
    reference_server.inject(
        "/health", kind="non_json", status=200, body=f"<html>Signed in as {TOKEN}</html>"
    )
    await capture(lambda: fast.health())
    # Transport failures: dropped, timed out, refused.
    reference_server.inject("/health", kind="drop", times=2)
    await capture(lambda: fast.health())
    reference_server.inject("/health", kind="delay", delay=0.3, times=2)
    await capture(lambda: fast.copy(timeout=0.05).health())
    closed = api.copy(base_url=f"http://127.0.0.1:{_closed_port()}/api/v1", max_retries=0)
    await capture(lambda: closed.health())
    # Client-side validation of a secret argument.
    prompt_id, reward_id = seed_files(reference_server.app.store)
    await capture(
        lambda: api.runs.create(
            model=MODEL,
            prompt_file_id=prompt_id,
            reward_file_id=reward_id,
            hf_token=["hf_" + TOKEN],
        )
    )

    settle(reference_server)
    kinds = [type(e).__name__ for e in errors]
    assert kinds == [
        "BadRequestError",
        "ServerError",
        "ResponseValidationError",
        "APIConnectionError",
        "APITimeoutError",
        "APIConnectionError",
        "ValidationError",
    ]
    for exc in errors:
        for text in _texts(exc):
            assert TOKEN not in text, f"{type(exc).__name__} shows the key: {text[:300]}"
    first: Any = errors[0]
    assert first.message == "upstream rejected 'Authorization: Bearer ***'"
    assert "hf_token must be a string" in str(errors[-1])
    assert first.request.headers["authorization"] == f"Bearer {TOKEN}"  # the request is kept


async def test_a_new_api_key_token_is_masked_in_reprs(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    caplog: pytest.LogCaptureFixture,
    runrl_logger: logging.Logger,
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)

    created = await api.api_keys.create("ci", scopes=["read"])

    assert isinstance(created, sdk.models.ApiKeyToken)
    token = created.token
    assert len(token) > 8
    for text in (repr(created), str(created), f"{created!r}"):
        assert token not in text, text
    assert f"token='{token[:3]}***'" in repr(created)
    assert created["token"] == token and created.model_dump()["token"] == token  # data is data
    assert token not in all_text(sdk_records(caplog))

    # The token works: a client built from it authenticates, and hides it in turn.
    other = api.copy(api_key=token)
    assert (await other.health()).status == "ok"
    assert token not in repr(other.client.config)
    assert reference_server.last_request.headers["authorization"] == f"Bearer {token}"
