"""A ``type: string`` schema whose ``enum`` lists numbers (Google Maps' ``maxprice``/``minprice``:
``{type: string, enum: [0, 1, 2, 3, 4]}``) is read as the strings it is sent as. Before, the
argument was typed ``Literal[0, 1, 2, 3, 4]`` while the check before sending asked for a string:
``maxprice=2`` was refused as "must be a string", ``maxprice="2"`` as "must be one of 0, 1...",
so the parameter could not be used at all. Checked against a server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from generator.read.tolerate import tolerate
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """\
openapi: 3.0.3
info: {title: Places, version: "1"}
paths:
  /places:
    get:
      operationId: searchPlaces
      tags: [places]
      parameters:
        - name: maxprice
          in: query
          schema: {type: string, enum: [0, 1, 2, 3, 4]}
        - name: open
          in: query
          schema: {type: string, enum: [true, false, any]}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  level: {type: string, enum: [1, 2], nullable: true}
"""


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    spec = tmp_path_factory.mktemp("string_enums") / "places.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "places") as package:
        yield package


def test_a_number_of_a_string_enum_is_sent_as_its_string(pkg: ModuleType) -> None:
    server = TestServer()
    server.start()
    try:
        server.on("GET", "/places", lambda _s, _c: Reply(json={"level": "2"}))
        with pkg.PlacesClient(base_url=server.url) as client:
            answer = client.places.search(maxprice="2", open="true")
            with pytest.raises(pkg.ValidationError):
                client.places.search(maxprice="9")  # still checked against the enum
        seen = server.seen("GET", "/places")
    finally:
        server.stop()
    assert len(seen) == 1 and seen[0].query == [("maxprice", "2"), ("open", "true")]
    assert answer.level is not None and answer.level.value == "2"


def test_the_enum_is_rewritten_with_a_warning() -> None:
    data: dict[str, Any] = {
        "openapi": "3.1.0",
        "components": {
            "schemas": {
                "A": {"type": ["string", "null"], "enum": [0, 1.5, True, "x", None]},
                "B": {"type": "integer", "enum": [1, 2]},
            }
        },
    }
    findings = tolerate(data)
    schemas = data["components"]["schemas"]
    assert schemas["A"]["enum"] == ["0", "1.5", "true", "x", None]
    assert schemas["B"]["enum"] == [1, 2]  # an integer enum is left alone
    assert [f[2] for f in findings] == ["/components/schemas/A/enum"]
