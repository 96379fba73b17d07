"""A ``oneOf`` whose variants each fix one required property to a value of their own is
discriminated by that property, declared or not (models/prepare.py ``implied_discriminator``);
so is an ``anyOf`` of such variants (at most one can match: Stripe's external accounts).

A user trial of Box's API found every entry of ``folders.get_folders_id_items`` read as a
file: ``Item`` is ``oneOf: [File--Full, Folder--Mini, WebLink]``, each with ``type: {enum:
[file]}`` (``folder``, ``web_link``) and no ``discriminator``. Response enums are open, so
``type: "folder"`` also fitted the file variant, the first that fits, and ``isinstance(entry,
FolderMini)`` never held. Checked here against a real server: a listing of mixed entries
comes back as the right classes, whether the tag is the variant's own or inherited through
``allOf``. Also: the enum class datamodel-code-generator makes for such a tag before typing
the field ``Literal[...]`` is not written (a numbered class nothing uses)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.3
info: {title: Tagged, version: '1'}
paths:
  /folders/{id}/items:
    get:
      operationId: listItems
      tags: [folders]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  entries: {type: array, items: {$ref: '#/components/schemas/Item'}}
  /shapes:
    get:
      operationId: getShape
      tags: [folders]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Shape'}
  /sources:
    get:
      operationId: listSources
      tags: [folders]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/PaymentSource'}}
components:
  schemas:
    PaymentSource:
      anyOf:
        - $ref: '#/components/schemas/Card'
        - $ref: '#/components/schemas/BankAccount'
    Card:
      type: object
      required: [id, object]
      properties:
        id: {type: string}
        object: {type: string, enum: [card]}
        last4: {type: string}
    BankAccount:
      type: object
      required: [id, object]
      properties:
        id: {type: string}
        object: {type: string, enum: [bank_account]}
        last4: {type: string}
    Item:
      type: object
      oneOf:
        - $ref: '#/components/schemas/FileFull'
        - $ref: '#/components/schemas/Folder'
        - $ref: '#/components/schemas/WebLink'
    FileBase:
      type: object
      required: [id, type]
      properties:
        id: {type: string}
        type: {type: string, enum: [file], description: Always `file`.}
        name: {type: string}
    FileFull:
      allOf:
        - $ref: '#/components/schemas/FileBase'
        - type: object
          properties:
            size: {type: integer}
    Folder:
      type: object
      required: [id, type]
      properties:
        id: {type: string}
        type: {type: string, enum: [folder]}
        name: {type: string}
        item_count: {type: integer}
    WebLink:
      type: object
      required: [id, type]
      properties:
        id: {type: string}
        type: {type: string, enum: [web_link]}
        name: {type: string}
        url: {type: string}
    Shape:
      oneOf:
        - $ref: '#/components/schemas/Square'
        - $ref: '#/components/schemas/Circle'
    Square:
      type: object
      properties:
        kind: {type: string, enum: [square]}
        side: {type: number}
    Circle:
      type: object
      properties:
        kind: {type: string, enum: [circle]}
        radius: {type: number}
"""

# what Box sends for ``fields=name``: the members every variant has
ENTRIES = [
    {"id": "1", "type": "file", "name": "a.txt"},
    {"id": "2", "type": "folder", "name": "Reports"},
    {"id": "3", "type": "web_link", "name": "Home"},
]

# Stripe's external accounts (``anyOf: [bank_account, card]``, each fixing ``object``): the
# same members but the tag, so before only the first variant was ever read
SOURCES = [
    {"id": "ba_1", "object": "bank_account", "last4": "6789"},
    {"id": "card_1", "object": "card", "last4": "4242"},
]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    spec = tmp_path_factory.mktemp("tagged") / "tagged.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "tagged") as package:
        yield package


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    server.on("GET", "/folders/0/items", lambda r, n: Reply(json={"entries": ENTRIES}))
    server.on("GET", "/sources", lambda r, n: Reply(json={"data": SOURCES}))
    server.on("GET", "/shapes", lambda r, n: Reply(json={"kind": "circle", "radius": 2}))
    yield server
    server.stop()


def test_each_entry_is_its_own_variant(package: Any, server: TestServer) -> None:
    models = package.models
    with package.TaggedClient(base_url=server.url) as client:
        entries = [item.root for item in client.folders.list_items("0").entries or []]
    assert [type(e) for e in entries] == [models.FileFull, models.Folder, models.WebLink]
    assert [e.id for e in entries] == ["1", "2", "3"]
    assert [e.name for e in entries] == ["a.txt", "Reports", "Home"]


def test_the_tag_is_a_literal_and_its_enum_class_is_not_written(package: Any) -> None:
    models = package.models
    assert models.Folder.model_fields["type"].annotation.__args__ == ("folder",)
    source = Path(models.__file__).parent
    leftovers = [p.name for p in source.glob("_type_model[0-9]*.py")]
    assert leftovers == [], leftovers  # Folder's and WebLink's tag enums, used nowhere


def test_an_optional_tag_discriminates_nothing(package: Any, server: TestServer) -> None:
    # ``kind`` is not required: a variant may come without it, so no discriminator is implied
    # and the union stays as it was (the first variant that fits).
    with package.TaggedClient(base_url=server.url) as client:
        shape = client.folders.get_shape()
    assert type(shape.root).__name__ in ("Square", "Circle")
    assert "discriminator" not in repr(package.models.Shape.model_fields["root"])


def test_an_anyof_of_tagged_variants_is_read_by_its_tag(package: Any, server: TestServer) -> None:
    # each variant fixes the tag to a value of its own: at most one can match, so the anyOf is
    # discriminated as a oneOf would be (before: every entry a Card, the first that fits)
    models = package.models
    with package.TaggedClient(base_url=server.url) as client:
        sources = [s.root for s in client.folders.list_sources().data or []]
    assert [type(s) for s in sources] == [models.BankAccount, models.Card]
    assert [s.id for s in sources] == ["ba_1", "card_1"]
