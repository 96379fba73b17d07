"""A body property written as a ``$ref`` with a ``description`` beside it (3.1 lets the
description override the referenced schema's; Adyen's ``amount`` is ``{"$ref": Amount,
"description": "The amount information for the transaction ..."}``): the argument's docstring
is that description. Before, it read only the referenced schema's, and ``amount`` was
documented as "(no description in the spec)"; a ``$ref`` without one keeps the schema's."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import generate

SPEC = """openapi: 3.1.0
info: {title: Ref Docs, version: '1'}
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
              required: [amount]
              properties:
                amount:
                  $ref: '#/components/schemas/Amount'
                  description: What the shopper pays, in minor units.
                fee: {$ref: '#/components/schemas/Fee'}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
components:
  schemas:
    Amount:
      type: object
      properties: {value: {type: integer}, currency: {type: string}}
    Fee:
      type: object
      description: A fee charged on top.
      properties: {value: {type: integer}}
"""


def test_a_description_beside_a_ref_documents_the_argument(tmp_path: Path) -> None:
    spec = tmp_path / "refdocs.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, tmp_path / "out")
    source = (tmp_path / "out" / "src" / "ref_docs" / "resources" / "payments.py").read_text(
        encoding="utf-8"
    )
    assert "amount: What the shopper pays, in minor units." in source
    assert "fee: A fee charged on top." in source
    assert "(no description in the spec)" not in source
