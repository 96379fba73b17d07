"""Errors say why: problem details and the common error shapes in messages and typed
attributes, bounded and robust to any body; request ids; the public method name in connection
errors; a failed polled object's reason."""

from __future__ import annotations

import importlib.util
import json
import socket
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._base_client import Operation
from runrl_rt._exceptions import FieldError, ProblemDetails
from runrl_rt._polling import PollingPolicy
from tests.runtime.helpers import API_KEY, make_async_client, make_client
from tests.runtime.render_runtime import Package, render_runtime
from tests.runtime.server import Reply, TestServer

OP = Operation("POST", "/things", qualified_name="things.create", operation_id="createThing")

PROBLEM = {
    "type": "https://example.com/probs/out-of-credit",
    "title": "You do not have enough credit.",
    "status": 403,
    "detail": "Your current balance is 30, but that costs 50.",
    "instance": "/account/12345/msgs/abc",
    "balance": 30,
}
VALIDATION_PROBLEM = {
    "type": "https://example.net/validation-error",
    "title": "Your request is not valid.",
    "errors": [
        {"detail": "must be a positive integer", "pointer": "#/age"},
        {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"},
    ],
}


def raised(server: TestServer, reply: Reply) -> exc.RunRLException:
    server.on("POST", "/things", lambda r, n: reply)
    with make_client(server.url, max_retries=0) as client:
        with pytest.raises(exc.RunRLException) as info:
            client.request(OP, json={}, cast_to=object)
    return info.value


def test_problem_details(server: TestServer) -> None:
    reply = Reply(
        status=403,
        body=json.dumps(PROBLEM).encode(),
        headers={"content-type": "application/problem+json"},
    )
    err = raised(server, reply)
    assert isinstance(err, exc.AuthorizationError)
    assert str(err) == (
        "You do not have enough credit: Your current balance is 30, but that costs 50. (HTTP 403)"
    )
    assert err.problem == ProblemDetails(
        type=PROBLEM["type"],
        title=PROBLEM["title"],
        status=403,
        detail=PROBLEM["detail"],
        instance=PROBLEM["instance"],
    )
    assert err.payload["balance"] == 30  # extension members stay in the payload

    err = raised(server, Reply(status=400, json=VALIDATION_PROBLEM))
    assert isinstance(err, exc.BadRequestError) and err.problem is not None
    assert err.field_errors == (
        FieldError("#/age", "must be a positive integer"),
        FieldError("#/profile/color", "must be 'green', 'red' or 'blue'"),
    )
    assert str(err) == (
        "Your request is not valid. [#/age: must be a positive integer; "
        "#/profile/color: must be 'green', 'red' or 'blue'] (HTTP 400)"
    )


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        # The declared envelope (RunRL's), with Laravel-style field errors.
        (
            422,
            {
                "success": False,
                "error": "validation_error",
                "message": "The given data was invalid.",
                "details": {"name": ["The name field is required."], "lines": ["Too many."]},
            },
            "The given data was invalid. [name: The name field is required.; lines: Too many.] "
            "(HTTP 422, validation_error)",
        ),
        # GitHub: message + errors[] naming fields.
        (
            422,
            {
                "message": "Validation Failed",
                "errors": [{"resource": "Issue", "field": "title", "code": "missing_field"}],
                "documentation_url": "https://docs.github.com/rest",
            },
            "Validation Failed [title: missing_field] (HTTP 422)",
        ),
        # OpenAI/Stripe: a nested error object.
        (
            400,
            {
                "error": {
                    "type": "invalid_request_error",
                    "message": "No such model",
                    "param": "model",
                }
            },
            "No such model (HTTP 400, invalid_request_error)",
        ),
        # FastAPI: detail is a list of pydantic errors.
        (
            422,
            {
                "detail": [
                    {"loc": ["body", "age"], "msg": "field required", "type": "missing"},
                    {"loc": ["query", "q"], "msg": "too short", "type": "string_too_short"},
                ]
            },
            "Unprocessable Entity [body.age: field required; query.q: too short] (HTTP 422)",
        ),
        # Django REST framework.
        (404, {"detail": "Not found."}, "Not found. (HTTP 404)"),
        # OAuth (RFC 6749 5.2).
        (
            400,
            {"error": "invalid_grant", "error_description": "The code has expired"},
            "The code has expired (HTTP 400, invalid_grant)",
        ),
        # JSON:API.
        (
            422,
            {
                "errors": [
                    {
                        "status": "422",
                        "title": "Invalid Attribute",
                        "detail": "must be short",
                        "source": {"pointer": "/data/attributes/firstName"},
                    }
                ]
            },
            "/data/attributes/firstName: must be short (HTTP 422)",
        ),
        # A JSON string, a JSON list of strings.
        (500, "database is down", "database is down (HTTP 500)"),
        (
            400,
            ["first problem", "second problem"],
            "Bad Request [first problem; second problem] (HTTP 400)",
        ),
        # Okta: errorCode, errorSummary, errorCauses (found trying Okta's MyAccount client).
        (
            400,
            {
                "errorCode": "E0000001",
                "errorSummary": "Api validation failed: profile",
                "errorLink": "E0000001",
                "errorId": "oae3iIHhDyURkqGPqt3nlXWsw",
                "errorCauses": [{"errorSummary": "email: Does not match required pattern"}],
            },
            "Api validation failed: profile [email: Does not match required pattern] "
            "(HTTP 400, E0000001)",
        ),
        # Adyen: problem details with the fields under invalidFields (found in a user trial).
        (
            422,
            {
                "type": "https://docs.adyen.com/errors/validation",
                "title": "Invalid request",
                "status": 422,
                "detail": "Request validation failed",
                "errorCode": "702",
                "invalidFields": [
                    {"name": "amount.currency", "value": "EU", "message": "Invalid currency"}
                ],
            },
            "Invalid request: Request validation failed [amount.currency: Invalid currency] "
            "(HTTP 422, 702)",
        ),
        # Kubernetes' Status: the field errors are the causes in details, not its name and kind.
        (
            422,
            {
                "kind": "Status",
                "status": "Failure",
                "message": 'ConfigMap "X" is invalid',
                "reason": "Invalid",
                "details": {
                    "name": "X",
                    "kind": "ConfigMap",
                    "causes": [
                        {
                            "reason": "FieldValueInvalid",
                            "message": "must be lowercase",
                            "field": "metadata.name",
                        }
                    ],
                },
                "code": 422,
            },
            'ConfigMap "X" is invalid [metadata.name: must be lowercase] (HTTP 422)',
        ),
        # A numeric code is not taken for the machine-readable one (often the status again).
        (404, {"code": 404, "message": "Not Found"}, "Not Found (HTTP 404)"),
        # ... but one that is not the status is (Twilio: 20404 beside "status": 404).
        (
            404,
            {"code": 20404, "message": "The resource was not found", "status": 404},
            "The resource was not found (HTTP 404, 20404)",
        ),
        # An object that says nothing usable: its excerpt.
        (409, {"foo": 1}, 'Conflict: {"foo": 1} (HTTP 409)'),
    ],
    ids=[
        "envelope-422",
        "github",
        "nested",
        "fastapi",
        "drf",
        "oauth",
        "jsonapi",
        "string",
        "list",
        "okta",
        "adyen",
        "kubernetes",
        "numeric-code",
        "twilio-numeric-code",
        "unknown",
    ],
)
def test_common_error_shapes(server: TestServer, status: int, body: Any, expected: str) -> None:
    err = raised(
        server,
        Reply(
            status=status,
            body=json.dumps(body).encode(),
            headers={"content-type": "application/json"},
        ),
    )
    assert str(err) == expected


def test_any_body_is_survived_and_bounded(server: TestServer) -> None:
    binary = raised(
        server,
        Reply(
            status=500,
            body=bytes(range(256)) * 40,
            headers={"content-type": "application/octet-stream"},
        ),
    )
    assert str(binary) == (
        "Internal Server Error: (10240 bytes of application/octet-stream) (HTTP 500)"
    )
    huge = raised(
        server,
        Reply(
            status=400,
            json={"message": "x" * 100_000, "details": {f"f{i}": "bad" for i in range(1000)}},
        ),
    )
    assert len(str(huge)) < 2000 and str(huge).endswith("; and 10 more] (HTTP 400)")
    assert len(huge.field_errors) == 20
    deep = raised(
        server,
        Reply(
            status=400,
            body=b"[" * 100_000 + b"]" * 100_000,
            headers={"content-type": "application/json"},
        ),
    )
    assert str(deep).startswith("Bad Request: [[[[") and len(str(deep)) < 300
    lines = raised(
        server,
        Reply(
            status=502,
            body=b"line one\r\n\x1b[31mred\x1b[0m\x00 end",
            headers={"content-type": "text/plain"},
        ),
    )
    assert str(lines) == "Bad Gateway: line one [31mred [0m end (HTTP 502)"
    bad_json_types = raised(
        server, Reply(status=400, json={"message": {"a": 1}, "errors": [1, None, {"x": []}]})
    )
    assert (
        str(bad_json_types)
        == 'Bad Request: {"message": {"a": 1}, "errors": [1, null, {"x": []}]} (HTTP 400)'
    )


def test_request_id_on_errors_and_raw_responses(server: TestServer) -> None:
    server.on("GET", "/ok", lambda r, n: Reply(json={}, headers={"X-Request-Id": "req_ok"}))
    err = raised(
        server, Reply(status=404, json={"message": "gone"}, headers={"x-request-id": "req_42"})
    )
    assert err.request_id == "req_42" and str(err) == "gone (HTTP 404, request_id=req_42)"
    with make_client(server.url) as client:
        raw = client.request(Operation("GET", "/ok"), cast_to=object, raw=True)
        assert raw.request_id == "req_ok"
    # A response validation error carries it too.
    server.on("GET", "/bad", lambda r, n: Reply(body=b"<html>", headers={"request-id": "req_7"}))
    with make_client(server.url) as client, pytest.raises(exc.ResponseValidationError) as info:
        client.request(Operation("GET", "/bad"), cast_to=object)
    assert info.value.request_id == "req_7" and "request_id=req_7" in str(info.value)


def test_the_spec_can_name_its_request_id_header(tmp_path: Path) -> None:
    """``pkg.request_id_header`` (from the spec) is read first; the usual names still work."""
    target = render_runtime(tmp_path, Package(request_id_header="X-Amzn-RequestId"))
    spec = importlib.util.spec_from_file_location("eb", target / "_error_body.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eb"] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["eb"]
    both = httpx.Response(500, headers={"x-request-id": "generic", "x-amzn-requestid": "aws"})
    assert module.request_id_of(both) == "aws"
    assert module.request_id_of(httpx.Response(500, headers={"request-id": "r"})) == "r"
    assert module.request_id_of(httpx.Response(500)) is None


def test_the_key_echoed_in_field_errors_is_redacted(server: TestServer) -> None:
    err = raised(
        server, Reply(status=422, json={"message": "no", "details": {"key": f"{API_KEY} is bad"}})
    )
    assert API_KEY not in str(err) and err.field_errors == (FieldError("key", "*** is bad"),)


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
async def test_connection_errors_name_the_public_method(is_async: bool) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: nothing listens there
    url = f"http://127.0.0.1:{port}"
    if is_async:
        async with make_async_client(url, max_retries=0) as aclient:
            with pytest.raises(exc.APIConnectionError) as info:
                await aclient.request(OP, json={}, cast_to=object)
    else:
        with make_client(url, max_retries=0) as client:
            with pytest.raises(exc.APIConnectionError) as info:
                client.request(OP, json={}, cast_to=object)
    assert str(info.value).startswith("things.create: connection failed")
    assert "createThing" not in str(info.value)


def test_a_failed_objects_reason_is_in_the_message() -> None:
    policy = PollingPolicy(terminal=frozenset({"FAILED"}), success=frozenset(), name="run")
    failed = {"id": 3, "status": "FAILED", "error_message": "CUDA out of memory\non GPU 0"}
    assert (
        policy.failure_message(failed)
        == "run 3 ended with status FAILED: CUDA out of memory on GPU 0"
    )
    nested = {"id": 4, "status": "FAILED", "error": {"code": "oom", "message": "out of memory"}}
    assert policy.failure_message(nested) == "run 4 ended with status FAILED: out of memory"
    assert policy.failure_message({"id": 5, "status": "FAILED"}) == "run 5 ended with status FAILED"
    declared = PollingPolicy(
        terminal=frozenset({"FAILED"}), success=frozenset(), name="job", error_field="why"
    )
    assert declared.failure_message({"id": 6, "status": "FAILED", "why": "x" * 600}).endswith("...")


def test_a_code_that_is_the_whole_message_is_not_repeated(server: TestServer) -> None:
    """``{"error": "Server not found"}`` (the MCP registry's 404): the code member is the only
    text, so it is the message; it was shown twice, "Server not found (HTTP 404, Server not
    found)"."""
    reply = Reply(status=404, body=json.dumps({"error": "Server not found"}).encode())
    err = raised(server, reply)
    assert isinstance(err, exc.NotFoundError)
    assert str(err) == "Server not found (HTTP 404)"
    assert err.code == "Server not found"


@pytest.mark.parametrize("status", [400, 401, 404, 409, 422, 429, 500, 502, 599])
@pytest.mark.parametrize(
    "body",
    [b"", b"plain words", b'{"foo": 1}', b'{"message": "said why"}', b'{"code": "some_code"}'],
    ids=["empty", "text", "object", "message", "code"],
)
def test_every_status_error_states_the_status_once(
    server: TestServer, status: int, body: bytes
) -> None:
    # "HTTP 409 Conflict: {...} (HTTP 409)" said it twice: the facts after the message say
    # it, the message says what it means when the server did not ("Conflict: ...").
    reply = Reply(status=status, body=body, headers={"content-type": "application/json"})
    text = str(raised(server, reply))
    assert text.count(str(status)) == 1, text
    assert f"(HTTP {status}" in text, text
    assert not text.startswith("(") and not text.startswith(" "), text
