"""A class datamodel-code-generator names after a property never takes a component schema's
planned name: Stripe's ``application_fee.charge`` (``anyOf: [id string, charge]``) made a
``Charge`` root model of the id string, the component ``charge`` became ``ChargeModel``, and the
client's ``charges.list()`` parsed every charge as ``Charge``, a string (Prism corpus run)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pydantic

from generator.pipeline import generate

SPEC = """openapi: 3.1.0
info: {title: Colliding Names, version: '1'}
paths:
  /charges:
    get:
      operationId: listCharges
      tags: [charges]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/charge'}}
components:
  schemas:
    application_fee:
      type: object
      properties:
        charge:
          anyOf:
            - {type: string, maxLength: 5000, description: ID of the charge.}
            - {$ref: '#/components/schemas/charge'}
    charge:
      type: object
      required: [id, amount]
      properties:
        id: {type: string}
        amount: {type: integer}
"""


def test_the_component_keeps_its_name(tmp_path: Path) -> None:
    spec = tmp_path / "colliding.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, tmp_path / "out")
    sys.path.insert(0, str(tmp_path / "out" / "src"))
    try:
        models = importlib.import_module("colliding_names.models")
        charge = models.Charge.model_validate({"id": "ch_1", "amount": 5})
        assert charge.amount == 5 and not isinstance(charge, pydantic.RootModel)
        fee = models.ApplicationFee.model_validate({"charge": "ch_1"})
        assert fee.charge is not None
    finally:
        sys.path.remove(str(tmp_path / "out" / "src"))
        for name in [m for m in sys.modules if m.split(".")[0] == "colliding_names"]:
            del sys.modules[name]
