"""A field that can hold one value only and defaults to it (a one-member ``enum``, a ``const``)
is sent even when the user did not set it. Adyen's payment methods are a ``oneOf`` of 40
``*Details`` schemas told apart by ``type: {enum: [ideal], default: ideal}``: the client sent
``{"paymentMethod": {"issuer": "1121"}}`` for ``IdealDetails(issuer="1121")``, without the
``type`` that says it is iDEAL (the server takes a payment method without one for a card).
Fields with a default that could hold another value are still not sent unless set. Checked
against a server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """\
openapi: 3.0.3
info: {title: Checkout, version: "1"}
paths:
  /payments:
    post:
      operationId: createPayment
      tags: [payments]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [paymentMethod]
              properties:
                paymentMethod:
                  oneOf:
                    - {$ref: '#/components/schemas/IdealDetails'}
                    - {$ref: '#/components/schemas/AchDetails'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/IdealDetails'}
components:
  schemas:
    IdealDetails:
      type: object
      properties:
        issuer: {type: string}
        type: {type: string, enum: [ideal], default: ideal}
        tag: {type: string, enum: [x], default: x, nullable: true}
    AchDetails:
      type: object
      properties:
        accountNumber: {type: string}
        type: {type: string, enum: [ach, ach_plaid], default: ach}
        speed: {type: string, default: normal}
"""


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    spec = tmp_path_factory.mktemp("constants") / "checkout.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "checkout") as package:
        yield package


def test_a_constant_field_is_sent_though_not_set(pkg: ModuleType) -> None:
    models = pkg.models
    server = TestServer()
    server.start()
    try:
        server.on("POST", "/payments", lambda _s, _c: Reply(json={"issuer": "1121"}))
        with pkg.CheckoutClient(base_url=server.url) as client:
            answer = client.payments.create(payment_method=models.IdealDetails(issuer="1121"))
            client.payments.create(payment_method=models.AchDetails(account_number="1"))
        first, second = (r.json() for r in server.seen("POST", "/payments"))
    finally:
        server.stop()
    assert first == {"paymentMethod": {"issuer": "1121", "type": "ideal", "tag": "x"}}
    # a default that is one of several values is the server's to apply: not sent
    assert second == {"paymentMethod": {"accountNumber": "1"}}
    assert answer.type == "ideal"  # a response without it has the default


def test_only_the_constants_count_as_set_and_only_when_sent(pkg: ModuleType) -> None:
    ach, ideal = pkg.models.AchDetails(account_number="1"), pkg.models.IdealDetails(issuer="i")
    assert ideal.model_fields_set == {"issuer"}  # parsing and making a model pay nothing
    pkg._models.mark_constants([{"a": ach}, (ideal,)])
    assert ach.model_fields_set == {"account_number"}
    assert ideal.model_fields_set == {"issuer", "type", "tag"}
