"""A wrapper class datamodel-code-generator invents for a property (a ``RootModel`` of a
constrained string, of ``anyOf: [id string, model]``, of a list) is written where it is used:
the field holds the value (``charge.application_fee == "fee_1"``), not a wrapper to unwrap with
``.root`` (Stripe had 364 such classes, Box 50), and ``Charge(application_fee="fee_1")``
type-checks. Component schemas keep their classes (public names); a field typed with one
of a plain value (``Currency: {type: string, maxLength: 3}``) holds the value all the same.
An ``allOf`` that only describes one schema is that schema (models/allof.py). A numbered
class it invents (``Status1``) is named after where it is used (``ChargeStatus``:
models/numbered.py)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pydantic
import pytest

from generator.models.inline_roots import inline_roots
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.3
info: {title: Fees, version: '1'}
paths:
  /charges/{id}:
    get:
      operationId: getCharge
      tags: [charges]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Charge'}
components:
  schemas:
    Currency: {type: string, maxLength: 3, description: An ISO currency code.}
    Fee:
      type: object
      properties:
        id: {type: string}
        amount: {type: integer}
        status: {type: string, enum: [paid, refunded]}
    Charge:
      type: object
      required: [id]
      properties:
        id: {type: string}
        status: {type: string, enum: [open, closed], default: open}
        currency: {$ref: '#/components/schemas/Currency'}
        application_fee:
          anyOf:
            - {type: string, maxLength: 12}
            - {$ref: '#/components/schemas/Fee'}
          nullable: true
          description: The application fee, as its id or expanded.
        tax_ids:
          anyOf:
            - type: array
              items: {type: string, maxLength: 8}
            - {type: string, enum: ['']}
          description: Tax ids, or "" to clear them.
        owner:
          allOf: [{$ref: '#/components/schemas/User'}, {description: The owner.}]
          nullable: true
        details: {$ref: '#/components/schemas/Details'}
    Details:
      type: object
      properties:
        owner:
          allOf: [{$ref: '#/components/schemas/User'}, {description: The owner.}]
          nullable: true
        note:
          allOf: [{type: string, maxLength: 5, description: A short note.}, {nullable: false}]
        target:
          allOf: [{$ref: '#/components/schemas/Target'}, {description: What it is for.}]
    User:
      type: object
      properties: {id: {type: string}}
    Target:
      oneOf: [{$ref: '#/components/schemas/User'}, {$ref: '#/components/schemas/Fee'}]
"""


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roots") / "fees.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pkg(spec: Path) -> Iterator[ModuleType]:
    with generated_package(spec, "fees") as package:
        yield package


def test_fields_hold_the_values_the_server_sent(pkg: ModuleType) -> None:
    server = TestServer()
    server.start()
    try:
        ids = {"id": "ch_1", "application_fee": "fee_1", "tax_ids": ["t1"], "currency": "EUR"}
        expanded = {"id": "ch_2", "application_fee": {"id": "fee_2", "amount": 5}}
        server.on("GET", "/charges/ch_1", lambda _s, _c: Reply(json=ids))
        server.on("GET", "/charges/ch_2", lambda _s, _c: Reply(json=expanded))
        with pkg.FeesClient(base_url=server.url) as client:
            first, second = client.charges.get("ch_1"), client.charges.get("ch_2")
    finally:
        server.stop()
    assert first.application_fee == "fee_1" and first.tax_ids == ["t1"]
    assert isinstance(second.application_fee, pkg.models.Fee)
    assert second.application_fee.amount == 5
    # a component of one plain value keeps its class, but a field holds the value (Algolia's
    # ``nbHits: {$ref: nbHits}``: ``response.nb_hits > 0`` raised TypeError on a wrapper)
    assert first.currency == "EUR" and pkg.models.Currency("EUR").root == "EUR"


def test_constraints_and_descriptions_are_kept(pkg: ModuleType, spec: Path) -> None:
    Charge = pkg.models.Charge
    with pytest.raises(pydantic.ValidationError):
        Charge.model_validate({"id": "c", "application_fee": "x" * 13})
    with pytest.raises(pydantic.ValidationError):
        Charge.model_validate({"id": "c", "tax_ids": ["x" * 9]})
    with pytest.raises(pydantic.ValidationError):  # the component's maxLength, written out
        Charge.model_validate({"id": "c", "currency": "EURO"})
    names = {"Charge", "Currency", "Details", "Fee", "TaxIds", "User", "Target", "PagedResponse"}
    # two inline enums named after their property: the second one after its place, not Status1
    paid = "paid" in [m.value for m in pkg.models.Status]
    statuses = {"Status", "ChargeStatus" if paid else "FeeStatus"}
    assert set(pkg.models.__all__) == names | statuses
    models = spec.parent / "out/src/fees/models"
    source = (models / "_charge.py").read_text(encoding="utf-8")
    for text in ("The application fee, as its id or expanded.", "The owner.", "An ISO currency"):
        assert text in source  # the fields' docstrings
    source = (models / "_details.py").read_text(encoding="utf-8")
    for text in ("The owner.", "A short note.", "What it is for."):
        assert text in source


def test_an_allof_that_describes_one_schema_is_that_schema(pkg: ModuleType) -> None:
    """``allOf: [{$ref: User}, {description}]`` is a ``User`` (datamodel-code-generator made a
    subclass ``ChargeOwner``; for a ``oneOf`` a wrapper with a copy of every member); Box's
    ``allOf: [{type: string, maxLength}, {nullable: false}]`` is a ``str`` (it made a
    ``RootModel[str]``), constraints kept."""
    models = pkg.models
    details = {"owner": {"id": "u"}, "note": "hi", "target": {"id": "f", "amount": 1}}
    # in a schema an operation answers with (lift.py), and in one it does not (prepare.py)
    charge = models.Charge.model_validate({"id": "c", "owner": {"id": "u"}, "details": details})
    assert type(charge.owner) is models.User
    assert charge.details is not None and type(charge.details.owner) is models.User
    assert charge.details.note == "hi"
    assert isinstance(charge.details.target, models.Target)  # the component's own class
    with pytest.raises(pydantic.ValidationError):
        models.Details.model_validate({"note": "too long"})


@pytest.mark.slow
def test_values_type_check(spec: Path, pkg: ModuleType) -> None:
    out = spec.parent / "out"
    (out / "src" / "use.py").write_text(
        "from fees.models import Charge, Fee\n\n"
        'charge = Charge(id="c", application_fee="fee_1", tax_ids=["t1"], currency="EUR")\n'
        "fee = charge.application_fee\n"
        'code: str = charge.currency or ""\n'
        'fee_id: str = (fee.id or "") if isinstance(fee, Fee) else (fee or "")\n',  # a str
        encoding="utf-8",
    )
    mypy = Path(sys.executable).parent / "mypy"
    proc = subprocess.run(
        [str(mypy), "--strict", "src"], cwd=out, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout[-3000:]


MODULE = '''from __future__ import annotations

from typing import Optional, Union

from pydantic import RootModel

from pkg._models import BaseModel


class Kept(RootModel[str]):
    root: str


class Inner(RootModel[Optional[str]]):
    root: Optional[str] = None
    """Inner's text."""


class Outer(RootModel[Union[Inner, int]]):
    root: Union[Inner, int]


class Loop(RootModel[list[Loop]]):
    root: list[Loop]


class Based(RootModel[str]):
    root: str


class Child(Based):
    pass


class Quoted(RootModel[str]):
    root: str


class WithDefault(RootModel[str]):
    root: str = "x"


class User(BaseModel):
    a: Optional[Outer] = None
    b: Kept
    c: Optional[Loop] = None
    d: Union["Quoted", int]
    e: WithDefault
    f: Inner
'''


def test_a_numbered_class_used_at_one_place_is_named_after_it() -> None:
    module = (
        "from __future__ import annotations\n\nfrom typing import List, Optional\n\n"
        "from pkg._models import BaseModel, OpenEnum\n\n\n"
        "class Kind1(OpenEnum):\n    A = 'a'\n\n\n"
        "class Kind2(OpenEnum):\n    B = 'b'\n\n\n"
        "class Mode3(OpenEnum):\n    C = 'c'\n\n\n"
        "class Thing(BaseModel):\n    kind: Optional[Kind1] = Kind1.A\n"
        "    kinds: Optional[List[Kind2]] = None\n    mode: Optional[Mode3] = None\n\n\n"
        "class Other(BaseModel):\n    mode: Optional[Mode3] = None\n"
    )
    out = inline_roots(module, frozenset({"Thing", "Other"}))
    assert "class ThingKind(OpenEnum):" in out and "= ThingKind.A" in out
    assert "class ThingKindsItem(OpenEnum):" in out and "List[ThingKindsItem]" in out
    assert "class Mode3(" in out  # used at two places: kept
    assert "Kind1" not in out and "Kind2" not in out


def test_what_is_written_out_and_what_is_not() -> None:
    planned = frozenset({"Kept", "User", "Child"})
    out = inline_roots(MODULE, planned)
    assert "class Inner" not in out and "class Outer" not in out
    assert "    a: Optional[Union[Optional[str], int]] = None" in out
    assert '    f: Optional[str]\n    """Inner\'s text."""' in out
    for kept in ("Kept", "Loop", "Based", "Quoted", "WithDefault"):
        assert f"class {kept}(" in out  # planned, a cycle, a base, quoted, a default
    assert out == inline_roots(out, planned)  # nothing left to do


def test_a_class_named_in_a_quoted_assignment_keeps_its_name() -> None:
    # datamodel-code-generator types a model's extra fields with an ``__annotations__``
    # assignment whose names are quoted: renaming or inlining them left an undefined name.
    module = (
        "from __future__ import annotations\n\nfrom typing import Dict, Optional, Union\n\n"
        "from pkg._models import BaseModel, OpenEnum\n\n\n"
        "class ModelAdditionalProperty(RootModel[str]):\n    root: str\n\n\n"
        "class Kind1(OpenEnum):\n    A = 'a'\n\n\n"
        "class Model(BaseModel):\n    __annotations__ = {\n"
        '        "__pydantic_extra__": Dict[str, Union["ModelAdditionalProperty", "Kind1"]],\n'
        "    }\n    s: Optional[str] = None\n\n\n"
        "class Other(BaseModel):\n    kind: Optional[Kind1] = None\n"
        "    extra: Optional[ModelAdditionalProperty] = None\n"
    )
    out = inline_roots(module, frozenset({"Model", "Other"}))
    assert "class ModelAdditionalProperty(" in out and "class Kind1(" in out
    assert "Optional[ModelAdditionalProperty]" in out and "Optional[Kind1]" in out
