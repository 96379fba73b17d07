"""A document that declares the ``Idempotency-Key`` header itself (Adyen's checkout API does, on
its POSTs): the generated method takes it as its one ``idempotency_key`` argument, and a real
server receives the header once, with the caller's value, on every attempt of a retried call.

Before, the method took both ``idempotency_key_`` (the document's header) and
``idempotency_key`` (the runtime's), and the runtime's own random key replaced the caller's
value on the wire. The runtime sends a key on every POST and PATCH whether or not
``info.x-sdk.idempotency-keys`` says the server honours it (that only changes what the README
promises): both settings are checked."""

from __future__ import annotations

import importlib
import inspect
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, Seen, TestServer
from tests.versions import ROOT

SPEC = """openapi: 3.1.0
info:
  title: Keyed Payments
  version: '1'{extra}
paths:
  /payments:
    post:
      operationId: createPayment
      tags: [payments]
      parameters:
        - name: Idempotency-Key
          in: header
          description: A unique identifier for the message (we recommend a UUID).
          schema: {{type: string, maxLength: 64}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {{type: object, properties: {{amount: {{type: integer}}}}, required: [amount]}}
      responses:
        '200': {{description: ok, content: {{application/json: {{schema: {{type: object}}}}}}}}
  /payments/{{id}}:
    patch:
      operationId: updatePayment
      tags: [payments]
      parameters:
        - {{name: id, in: path, required: true, schema: {{type: string}}}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {{type: object, properties: {{amount: {{type: integer}}}}}}
      responses:
        '200': {{description: ok, content: {{application/json: {{schema: {{type: object}}}}}}}}
"""
ADYEN = ROOT.parent / "shared" / "corpus" / "specs" / "adyen-checkout-v71.json"


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    yield server
    server.stop()


def _busy_once(request: Seen, n: int) -> Reply:
    """A 429 first (a create may be repeated after one), then the answer."""
    if n == 0:
        return Reply(status=429, headers={"retry-after": "0"}, json={"message": "slow down"})
    return Reply(json={"ok": True})


def _keys(server: TestServer, path: str) -> list[list[str]]:
    """The ``Idempotency-Key`` values of each request to ``path``: one list per request, so that
    a header sent twice shows as two values."""
    found = []
    for seen in server.seen(path=path):
        names = [name for name in seen.header_list if name.lower() == "idempotency-key"]
        found.append([seen.headers["idempotency-key"]] * len(names))
    return found


@pytest.fixture(scope="module", params=[False, True], ids=["unsaid", "honoured"])
def keyed(request: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    extra = "\n  x-sdk: {idempotency-keys: true}" if request.param else ""
    spec = tmp_path_factory.mktemp("keyed") / "keyed.yaml"
    spec.write_text(SPEC.format(extra=extra), encoding="utf-8")
    with generated_package(spec, "keyed_payments") as package:
        yield package


def _client(package: Any, server: TestServer) -> Any:
    return package.KeyedPaymentsClient(base_url=server.url, max_retries=2, retry_backoff_factor=0.0)


def test_the_declared_header_is_the_one_idempotency_key_argument(keyed: Any) -> None:
    Payments = importlib.import_module("keyed_payments.resources.payments").Payments

    params = inspect.signature(Payments.create).parameters
    assert [p for p in params if p.startswith("idempotency")] == ["idempotency_key"]
    assert "We recommend a UUID" in (Payments.create.__doc__ or "").replace("(we", "(We")
    # A PATCH the document says nothing about keeps the runtime's argument.
    assert "idempotency_key" in inspect.signature(Payments.update).parameters


@pytest.mark.parametrize(
    "how", ["argument", "extra_headers", "both_same", "none"], ids=lambda how: how
)
def test_the_callers_key_goes_once_on_every_attempt(
    keyed: Any, server: TestServer, how: str
) -> None:
    server.reset()
    server.on("POST", "/payments", _busy_once)
    ways: dict[str, dict[str, Any]] = {
        "argument": {"idempotency_key": "pay-1"},
        "extra_headers": {"extra_headers": {"IDEMPOTENCY-KEY": "pay-1"}},
        "both_same": {"idempotency_key": "pay-1", "extra_headers": {"Idempotency-Key": "pay-1"}},
        "none": {},
    }
    kwargs = ways[how]
    with _client(keyed, server) as client:
        assert client.payments.create(amount=5, **kwargs) == {"ok": True}
    keys = _keys(server, "/payments")
    assert len(keys) == 2 and all(len(k) == 1 for k in keys)  # two attempts, one header each
    assert keys[0] == keys[1]  # the retry repeats the key
    if how == "none":
        uuid.UUID(keys[0][0])  # the runtime's own
    else:
        assert keys[0] == ["pay-1"]


def test_two_different_keys_are_refused_before_sending(keyed: Any, server: TestServer) -> None:
    server.reset()
    server.on("POST", "/payments", _busy_once)
    with _client(keyed, server) as client:
        with pytest.raises(keyed.ValidationError, match="Idempotency-Key header differ"):
            client.payments.create(
                amount=5, idempotency_key="a", extra_headers={"Idempotency-Key": "b"}
            )
        # The document's constraint on its header still holds for the argument.
        with pytest.raises(keyed.ValidationError):
            client.payments.create(amount=5, idempotency_key="k" * 65)
    assert server.seen() == []


def test_a_patch_key_from_extra_headers_wins_too(keyed: Any, server: TestServer) -> None:
    server.reset()
    server.on("PATCH", "/payments/p1", _busy_once)
    with _client(keyed, server) as client:
        client.payments.update("p1", amount=1, extra_headers={"Idempotency-Key": "upd-1"})
    assert _keys(server, "/payments/p1") == [["upd-1"], ["upd-1"]]


@pytest.mark.skipif(not ADYEN.is_file(), reason="the shared corpus is not beside the repo")
def test_adyen_checkout(tmp_path: Path, server: TestServer) -> None:
    """The document of the trial: its POSTs take one ``idempotency_key`` each."""
    spec = tmp_path / "adyen.json"
    spec.write_bytes(ADYEN.read_bytes())
    server.reset()
    server.on("POST", "/payments", _busy_once)
    with generated_package(spec, "adyen_checkout_api") as package:
        Payments = importlib.import_module("adyen_checkout_api.resources.payments").Payments

        for name, method in inspect.getmembers(Payments, inspect.isfunction):
            if name.startswith("_"):
                continue
            params = inspect.signature(method).parameters
            assert "idempotency_key_" not in params, name
        client = package.AdyenCheckoutApiClient(
            api_key="test-key", base_url=server.url, max_retries=2, retry_backoff_factor=0.0
        )
        with client, pytest.raises(package.APIStatusError):
            client.payments.create(  # a 429 and no retry: only the wire matters here
                amount=package.models.Amount(currency="EUR", value=100),
                merchant_account="m",
                payment_method={"type": "scheme"},
                reference="r",
                return_url="https://example.com/back",
                idempotency_key="adyen-1",
                max_retries=0,
            )
    assert _keys(server, "/payments") == [["adyen-1"]]


def test_a_default_headers_key_is_not_every_calls_key(keyed: Any, server: TestServer) -> None:
    """Shared by every call, it would make the server answer each create with the first one's
    result: each call still gets a key of its own."""
    server.reset()
    server.on("POST", "/payments", lambda r, n: Reply(json={"ok": True}))
    client = keyed.KeyedPaymentsClient(
        base_url=server.url, default_headers={"Idempotency-Key": "shared"}
    )
    with client:
        client.payments.create(amount=1)
        client.payments.create(amount=2)
    first, second = _keys(server, "/payments")
    assert first != second and "shared" not in first + second
