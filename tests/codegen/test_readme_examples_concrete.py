"""The package README's examples call methods whose required arguments all have example
values: a method that needs a model (Adyen's refund needs an ``Amount``) was shown with
``amount=...``, which neither runs nor type-checks. Another method of the kind is shown when
there is one; the null example is left out when there is none."""

from __future__ import annotations

import re
from pathlib import Path

from generator.pipeline import generate

SPEC = """openapi: 3.1.0
info: {title: Refunds, version: '1'}
paths:
  /payments/{id}/refunds:
    post:
      operationId: refundPayment
      tags: [payments]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [amount]
              properties:
                amount: {$ref: '#/components/schemas/Amount'}
                reason: {type: [string, 'null']}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
  /sessions:
    post:
      operationId: createSession
      tags: [payments]
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [reference], properties: {reference: {type: string}}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
components:
  schemas:
    Amount:
      type: object
      required: [currency, value]
      properties: {currency: {type: string}, value: {type: integer}}
"""


def test_examples_use_methods_they_can_call_in_full(tmp_path: Path) -> None:
    spec = tmp_path / "refunds.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```python\n(.*?)```", readme, re.S))
    assert "=...," not in code and "=...)" not in code
    assert "client.payments.create_session(" in code  # the create example
    assert "null in the JSON body" not in readme  # only the refund sends null: no example
