"""A field the schema requires that has a default is sent even when the user did not set it,
with its default. Adyen's ``KlarnaDetails`` requires ``type`` (default ``klarna``, one of seven
values): models are dumped with ``exclude_unset``, so a required property the user left to its
default was missing on the wire and the server refused the request. A default that is not
required stays the server's to apply (not sent). Checked against a server on 127.0.0.1."""

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
                paymentMethod: {$ref: '#/components/schemas/KlarnaDetails'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/KlarnaDetails'}
components:
  schemas:
    KlarnaDetails:
      type: object
      required: [type, installments, options]
      properties:
        issuer: {type: string}
        type: {type: string, enum: [klarna, klarna_paynow], default: klarna}
        installments: {type: integer, default: 3, x-required-default: false}
        speed: {type: string, default: normal, x-required-default: true}
        options:
          type: object
          required: [plan]
          properties:
            plan: {type: string, default: basic}
            note: {type: string, default: none}
"""


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    spec = tmp_path_factory.mktemp("required_defaults") / "checkout.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "checkout") as package:
        yield package


def test_a_required_field_with_a_default_is_sent_though_not_set(pkg: ModuleType) -> None:
    models = pkg.models
    server = TestServer()
    server.start()
    try:
        server.on("POST", "/payments", lambda _s, _c: Reply(json={"issuer": "x", "options": {}}))
        with pkg.CheckoutClient(base_url=server.url) as client:
            # required fields with a default may be left out, as a body argument may
            options = models.KlarnaDetailsOptions()
            answer = client.payments.create(
                payment_method=models.KlarnaDetails(issuer="x", options=options)
            )
            client.payments.create(
                payment_method=models.KlarnaDetails(
                    type="klarna_paynow", installments=6, speed="fast", options=options
                )
            )
        first, second = (r.json() for r in server.seen("POST", "/payments"))
    finally:
        server.stop()
    # the required ones go with their default; `speed` (not required) stays the server's
    assert first == {
        "paymentMethod": {
            "issuer": "x",
            "type": "klarna",
            "installments": 3,
            "options": {"plan": "basic"},
        }
    }
    assert second == {
        "paymentMethod": {
            "type": "klarna_paynow",
            "installments": 6,
            "speed": "fast",
            "options": {"plan": "basic"},
        }
    }
    # a response without them reads the default, and parsing marks nothing as set
    assert answer.type == "klarna" and answer.installments == 3
    assert answer.model_fields_set == {"issuer", "options"}


def test_the_document_cannot_mark_a_field_itself(pkg: ModuleType) -> None:
    """``x-required-default`` in a document is dropped: only the generator marks a field."""
    info = pkg.models.KlarnaDetails.model_fields
    assert info["speed"].json_schema_extra is None
    assert info["installments"].json_schema_extra == {"x-required-default": True}
