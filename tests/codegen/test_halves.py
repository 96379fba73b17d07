"""A large document's models made by two calls of datamodel-code-generator at once, on two
halves of its schemas (generator/models/halves.py), are the models one call makes: the same
package, byte for byte, here; the same whether the second half runs in a forked process or
after the first; classes a half invents under a name the other also invented are merged when
they are the same class and renumbered when not, by their place in the syntax tree (a
docstring that says "Kind" keeps it); a definition another evaluates when it is created comes
first. ``MIN_SCHEMAS`` is lowered here so that a small document is cut in two."""

from __future__ import annotations

import ast
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import generator.models as models
from generator.build import build_api
from generator.errors import SpecError
from generator.models import halves, merged
from generator.models.early import prepare_early, schema_inputs
from generator.models.lift import lift_inline
from generator.models.prepare import component, rewrite_refs
from generator.output.write import read_tree
from generator.pipeline import generate
from generator.read.load import load_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

# First half (document order, half the size): Account, Plan, Order, Price; second: Currency,
# Animal, Pet. Both invent `Kind` (different values: renumbered) and `Status` (Animal's is
# Account's: merged; Pet's is not). Plan is a list of Price and Order's default a Currency:
# evaluated when they are created. Pet extends Animal (allOf: one half).
SPEC = """\
openapi: 3.1.0
info: {title: Halves, version: '1'}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      tags: [pets]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
  /accounts/{id}:
    get:
      operationId: getAccount
      tags: [accounts]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Account'}
components:
  schemas:
    Account:
      type: object
      required: [id]
      properties:
        id: {type: string}
        status: {type: string, enum: [open, closed]}
        kind: {type: string, enum: [personal, business]}
        plan: {$ref: '#/components/schemas/Plan'}
        order: {$ref: '#/components/schemas/Order'}
    Plan:
      type: array
      items: {$ref: '#/components/schemas/Price'}
    Order:
      type: object
      properties:
        currency: {$ref: '#/components/schemas/Currency', default: usd}
        status: {type: string, enum: [open, closed]}
    Price:
      type: object
      properties:
        amount: {type: integer}
        kind: {type: string, enum: [one_time, recurring]}
    Currency:
      type: string
      enum: [usd, eur]
    Animal:
      type: object
      properties:
        name: {type: string}
        status: {type: string, enum: [open, closed]}
    Pet:
      description: A pet. Its Kind and Status say what it is.
      allOf:
        - {$ref: '#/components/schemas/Animal'}
        - type: object
          properties:
            kind: {type: string, enum: [cat, dog]}
            status: {type: string, enum: [alive, gone]}
            price: {$ref: '#/components/schemas/Price'}
"""


@pytest.fixture
def cut(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Documents of two schemas and more are cut in two; the list counts the merges."""
    monkeypatch.setattr(halves, "MIN_SCHEMAS", 2)
    calls: list[int] = []
    original = merged.merge

    def counted(*args: Any) -> str:
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(models, "merge", counted)
    return calls


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "halves.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def _prepared(spec: Path) -> tuple[dict[str, Any], str, frozenset[str]]:
    doc = load_spec(spec)
    doc.quiet = True
    api = build_api(doc)
    names = api.schemas
    inputs = schema_inputs(doc.data, names, lift_inline(doc.data))
    prepared = {names[k]: component(rewrite_refs(v, names, doc.data)) for k, v in inputs.items()}
    return prepared, api.package.name, frozenset(names.values())


def _tree(spec: Path, out: Path) -> dict[str, bytes]:
    generate(spec, out)
    return read_tree(out)


def test_two_halves_make_the_package_one_call_makes(
    spec: Path, tmp_path: Path, cut: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared, _, _ = _prepared(spec)
    assert halves.plan(prepared) == (
        ["Account", "Plan", "Order", "Price"],
        ["Currency", "Animal", "Pet"],
    )
    if hasattr(os, "fork"):  # the second half in a forked process, as in a one-threaded run
        monkeypatch.setattr(threading, "active_count", lambda: 1)
    forked = _tree(spec, tmp_path / "forked")
    monkeypatch.setenv("GENERATOR_PARALLEL", "0")
    in_turn = _tree(spec, tmp_path / "in-turn")
    assert len(cut) == 2
    monkeypatch.setattr(halves, "MIN_SCHEMAS", 10**9)
    one_call = _tree(spec, tmp_path / "one-call")
    assert len(cut) == 2
    assert forked == in_turn == one_call


def test_invented_names_merged_or_renumbered_by_place(spec: Path, cut: list[int]) -> None:
    prepared, package, planned = _prepared(spec)
    source = models._made(prepared, "3.1.0", package, planned)
    classes = {n.name: n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)}
    values = {
        name: [s.value.value for s in node.body if isinstance(s, ast.Assign)]  # type: ignore[attr-defined]
        for name, node in classes.items()
        if name.startswith(("Kind", "Status"))
    }
    # the first half's Kind, Kind1 (Account's, Price's), then the second half's, renumbered
    assert values["Kind"] == ["personal", "business"]
    assert values["Kind1"] == ["one_time", "recurring"]
    assert values["Kind2"] == ["cat", "dog"]
    # Animal's status is Account's Status (merged); Pet's is another, renumbered
    assert sorted(map(tuple, values.values())).count(("open", "closed")) == 1
    assert ["alive", "gone"] in values.values()
    pet = ast.get_source_segment(source, classes["Pet"]) or ""
    assert "kind: Optional[Kind2]" in pet and "status: Optional[Status2] " in pet
    animal = ast.get_source_segment(source, classes["Animal"]) or ""
    assert "status: Optional[Status] " in animal
    assert "Its Kind and Status say what it is." in pet  # a docstring is not renamed
    order = [n for n in classes]
    assert order.index("Currency") < order.index("Order")  # its default: Currency.USD
    assert order.index("Price") < order.index("Plan")  # RootModel[List[Price]]
    assert order.index("Animal") < order.index("Pet")


def test_what_stays_together_and_what_is_made_by_one_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ref = "#/components/schemas/"
    schemas: dict[str, Any] = {
        "Child": {"allOf": [{"$ref": ref + "Parent"}, {"properties": {"a": {"type": "string"}}}]},
        "Big": {"type": "object", "properties": {f"p{i}": {"type": "string"} for i in range(6)}},
        "Parent": {"type": "object", "properties": {"b": {"type": "string"}}},
        "Alias": {"$ref": ref + "Leaf"},
        "Pick": {
            "oneOf": [{"$ref": ref + "Leaf"}],
            "discriminator": {"propertyName": "t", "mapping": {"x": ref + "Other"}},
        },
        "User": {"type": "object", "properties": {"leaf": {"$ref": ref + "Leaf"}}},
        "Leaf": {"type": "object", "properties": {"t": {"type": "string"}}},
        "Other": {"type": "object", "properties": {"t": {"type": "string"}}},
    }
    monkeypatch.setattr(halves, "MIN_SCHEMAS", 2)
    cut = halves.plan(schemas)
    assert cut is not None
    half = {name: i for i, names in enumerate(cut) for name in names}
    assert half["Child"] == half["Parent"]  # a parent's fields are copied into a child
    assert half["Alias"] == half["Leaf"] == half["Pick"] == half["Other"]  # alias, variants
    # what a half gets of a schema of the other: what a reference by name reads
    assert halves.stub({"type": "string", "enum": ["a"], "x": 1}) == {
        "type": "string",
        "enum": ["a"],
        "x": 1,
    }
    assert halves.stub({"$ref": ref + "Leaf", "description": "d"}) == {"$ref": ref + "Leaf"}
    assert halves.stub(schemas["Leaf"] | {"nullable": True}) == {"type": "object", "nullable": True}
    # one call: a small document; one group most of the document
    monkeypatch.setattr(halves, "MIN_SCHEMAS", 100)
    assert halves.plan(schemas) is None
    monkeypatch.setattr(halves, "MIN_SCHEMAS", 2)
    chained = {f"S{i}": {"allOf": [{"$ref": f"{ref}S{i + 1}"}]} for i in range(9)}
    assert halves.plan({**chained, "S9": {"type": "object"}, "T": {"type": "string"}}) is None


@pytest.fixture
def pkg(spec: Path, cut: list[int]) -> Iterator[ModuleType]:
    with generated_package(spec, "halves") as package:
        assert cut, "the document was cut in two"
        yield package


def test_a_cut_package_reads_what_the_server_sent(pkg: ModuleType) -> None:
    server = TestServer()
    server.start()
    pet = {
        "name": "Rex",
        "kind": "dog",
        "status": "gone",
        "price": {"amount": 3, "kind": "recurring"},
    }
    account = {"id": "a1", "plan": [{"amount": 1, "kind": "one_time"}], "order": {}}
    try:
        server.on("GET", "/pets/p1", lambda _s, _c: Reply(json=pet))
        server.on("GET", "/accounts/a1", lambda _s, _c: Reply(json=account))
        with pkg.HalvesClient(base_url=server.url) as client:
            got, acc = client.pets.get("p1"), client.accounts.get("a1")
    finally:
        server.stop()
    m = pkg.models
    assert isinstance(got, m.Pet) and isinstance(got, m.Animal) and got.name == "Rex"
    assert got.kind == m.PetKind.DOG and got.status == m.PetStatus.GONE
    assert got.price.kind == m.PriceKind.RECURRING
    assert acc.plan.root[0].kind == m.PriceKind.ONE_TIME
    assert acc.order.currency == m.Currency.USD  # the default, from the other half


def test_hostile_nesting_is_walked_without_recursion(monkeypatch: pytest.MonkeyPatch) -> None:
    """A schema 10,000 levels deep (a non-schema ``$ref`` copied in where it points nests past
    the document's own depth limit) is cut and stubbed by loops; where preparing it would
    recurse too deeply, the error is located, early or not."""
    ref = "#/components/schemas/"
    deep: dict[str, Any] = {"type": "array", "items": {"$ref": ref + "Leaf"}}
    for _ in range(10_000):
        deep = {"type": "object", "properties": {"p": {"anyOf": [deep]}}}
    schemas = {"Deep": deep, "Leaf": {"type": "string"}, "Other": deep}
    monkeypatch.setattr(halves, "MIN_SCHEMAS", 2)
    cut = halves.plan(schemas)
    assert cut == (["Deep", "Leaf"], ["Other"])
    assert list(halves.half_document(schemas, ["Other"])) == ["Leaf", "Other"]  # Leaf a stub
    chain = {f"d{i}": {"type": "object", "properties": {"p": {"$ref": f"#/x/d{i + 1}"}}}
             for i in range(2000)}  # fmt: skip
    spec = {"openapi": "3.1.0", "x": chain, "components": {"schemas": {"S": {"$ref": "#/x/d0"}}}}
    with pytest.raises(SpecError, match="nested too deeply") as found:
        models.generate_models(spec, {"S": "S"}, "pkg")
    assert found.value.pointer == "/components/schemas"
    with pytest.raises(SpecError, match="nested too deeply"):
        prepare_early(spec, {"S": "S"}, lift_inline(spec))


def test_a_half_the_merge_cannot_read_makes_one_call(
    spec: Path, cut: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``read_half`` refuses what it would drop or misplace (an ``import``, a relative import,
    a decorated class, a module docstring); a half refused, or a half's call failing, and the
    models are one call's."""
    planned = frozenset({"A"})
    for odd in (
        "import os\n",
        "from . import x\n",
        "@dataclass\nclass A:\n    x: int\n",
        '"""d"""\n',
    ):
        assert merged.read_half("from typing import Any\n\n" + odd, planned, planned) is None
    assert merged.read_half("class A(\n", planned, planned) is None
    prepared, package, names = _prepared(spec)
    monkeypatch.setenv("GENERATOR_PARALLEL", "0")
    monkeypatch.setattr(halves, "MIN_SCHEMAS", 10**9)
    one_call = models._made(prepared, "3.1.0", package, names)
    monkeypatch.setattr(halves, "MIN_SCHEMAS", 2)
    original = merged.read_half
    monkeypatch.setattr(
        models, "read_half", lambda s, own, p: None if "Pet" in own else original(s, own, p)
    )
    assert models._made(prepared, "3.1.0", package, names) == one_call
    failing = models._run

    def run(document: dict[str, Any], *args: Any) -> str:
        if (
            "Pet" in document["components"]["schemas"]
            and "Account" not in document["components"]["schemas"]
        ):
            raise SpecError("model generation failed: a stub", pointer="/components/schemas")
        return failing(document, *args)

    monkeypatch.setattr(models, "read_half", original)
    monkeypatch.setattr(models, "_run", run)
    assert models._made(prepared, "3.1.0", package, names) == one_call
    assert not cut  # no merge: one call each time


def test_renumbered_names_never_meet() -> None:
    """Every name is one stem and number (``Bank0`` and ``Bank01`` are not ``Bank`` and
    ``Bank1``), so no two of the second half's names are renumbered to one."""
    renames = merged._renumber(["Bank", "Bank1"], ["Bank", "Bank0", "Bank01", "Bank1"], {"Bank3"})
    assert renames == {"Bank": "Bank4", "Bank1": "Bank5"}
    assert merged._split_number("Bank01") == ("Bank0", 1)
    assert merged._split_number("Bank12") == ("Bank", 12)


def test_quoted_forward_references_renamed_and_literal_values_not() -> None:
    planned = frozenset({"Account", "Pet", "Box"})
    first = """from __future__ import annotations
from pkg._models import BaseModel, OpenEnum
from typing import List, Literal, Optional
from pydantic import Field, RootModel


class Account(BaseModel):
    kind: Optional[Kind] = None


class Kind(OpenEnum):
    A = 'a'
"""
    second = """from __future__ import annotations
from pkg._models import BaseModel, OpenEnum
from typing import List, Literal, Optional
from pydantic import Field, RootModel


class Box(RootModel[List['Kind']]):
    root: List['Kind']


class Pet(BaseModel):
    tag: Literal['Kind'] = Field('Kind', description='Kind')
    kind: 'Kind'


class Kind(OpenEnum):
    B = 'b'
"""
    one = merged.read_half(first, frozenset({"Account"}), planned)
    two = merged.read_half(second, frozenset({"Box", "Pet"}), planned)
    assert one is not None and two is not None
    module = merged.merge(one, two, planned)
    box = module[module.index("class Box(") :]
    assert "class Box(RootModel[List['Kind1']]):" in box and "root: List['Kind1']" in box
    assert "tag: Literal['Kind'] = Field('Kind', description='Kind')" in box
    assert "kind: 'Kind1'" in box and "class Kind1(OpenEnum):" in module
    # a quoted name written otherwise (a prefix) cannot be renamed in place: one call instead
    odd = second.replace("List['Kind']]", "List[u'Kind']]", 1)
    assert merged.read_half(odd, frozenset({"Box", "Pet"}), planned) is None
