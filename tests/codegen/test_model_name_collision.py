"""A class datamodel-code-generator names after a property never takes a component schema's
planned name: Stripe's ``application_fee.charge`` (``anyOf: [id string, charge]``) made a
``Charge`` root model of the id string, the component ``charge`` became ``ChargeModel``, and the
client's ``charges.list()`` parsed every charge as ``Charge``, a string (Prism corpus run); the
items of ``products: [string]`` took ``Product`` the same way."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

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
        products: {type: array, items: {type: string, maxLength: 5000}}
        statuses: {type: array, items: {type: string, enum: [open, paid]}}
        lists: {type: array, items: {type: string, minLength: 1}}
    status:
      type: object
      properties: {code: {type: integer}}
    product:
      type: object
      required: [id]
      properties: {id: {type: string}, name: {type: string}}
    charge:
      type: object
      required: [id, amount]
      properties:
        id: {type: string}
        amount: {type: integer}
"""


def _models(tmp_path: Path) -> ModuleType:
    spec = tmp_path / "colliding.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, tmp_path / "out")
    sys.path.insert(0, str(tmp_path / "out" / "src"))
    return importlib.import_module("colliding_names.models")


def _forget(tmp_path: Path) -> None:
    sys.path.remove(str(tmp_path / "out" / "src"))
    for name in [m for m in sys.modules if m.split(".")[0] == "colliding_names"]:
        del sys.modules[name]


def test_an_items_class_keeps_off_a_component_name(tmp_path: Path) -> None:
    """datamodel-code-generator makes the items class name singular after our namer ran
    (``products`` -> ``Product``): the singular of a planned name is ``<Singular>Item``."""
    try:
        models = _models(tmp_path)
        assert models.Product.model_validate({"id": "p", "name": "n"}).name == "n"
        assert models.Status.model_validate({"code": 3}).code == 3
        fee = models.ApplicationFee.model_validate(
            {"products": ["p"], "statuses": ["open"], "lists": ["x"]}
        )
        assert fee.products == ["p"]  # its items' wrapper class is written out (inline_roots)
        assert fee.statuses == [models.StatusItem.OPEN]
        assert fee.lists is not None and type(fee.lists[0]).__name__ != "List"
    finally:
        _forget(tmp_path)


def test_the_component_keeps_its_name(tmp_path: Path) -> None:
    try:
        models = _models(tmp_path)
        charge = models.Charge.model_validate({"id": "ch_1", "amount": 5})
        assert charge.amount == 5 and not isinstance(charge, pydantic.RootModel)
        fee = models.ApplicationFee.model_validate({"charge": "ch_1", "products": ["p"]})
        assert fee.charge is not None and fee.products is not None
    finally:
        _forget(tmp_path)
