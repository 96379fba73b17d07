"""Tolerant reading: what the client does not use never blocks generation; 3.0/3.1 mix-ups are
warnings with their evident meaning; the default mode lists every blocker at once."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator.blockers import Blocked, LeftOut
from generator.errors import SpecError
from generator.pipeline import build
from generator.read.tolerate import tolerate
from tests.models_source import models_source

MIXED = """\
openapi: 3.1.0
info: {title: Travel Bookings, version: "1"}
x-topics:
  - title: Intro
    content: {$ref: ./docs/intro.md}
paths:
  /bookings:
    get:
      operationId: listBookings
      tags: [Bookings]
      x-code-samples: {$ref: '#/nowhere'}
      parameters:
        - name: limit
          in: query
          schema: {type: integer, minimum: 0, exclusiveMinimum: true}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Booking'}}
              examples:
                one: {$ref: '#/components/examples/Missing'}
webhooks:
  booked:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Booking'}
      responses: {'200': {description: ok}}
components:
  schemas:
    Booking:
      $recursiveAnchor: true
      type: object
      properties:
        id: {type: string, required: true}
        note: {type: string, nullable: true, examples: {first: a}}
        tree: {$recursiveRef: '#'}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_unused_parts_and_mix_ups_do_not_block(tmp_path: Path) -> None:
    files, report, doc = build(_write(tmp_path, MIXED))
    assert report.operations == 1
    messages = [str(w) for w in doc.warnings]
    expected = {
        "/components/schemas/Booking/properties/id/required": "read as the property being required",
        "/paths/~1bookings/get/parameters/0/schema/exclusiveMinimum": "an exclusive 'minimum'",
        "/components/schemas/Booking/properties/note/nullable": "read as nullable",
        "/components/schemas/Booking/properties/tree/$recursiveRef": "$ref: #/components/schemas/B",
    }
    for where, meaning in expected.items():
        assert any(f": {where}: " in m and meaning in m for m in messages), (where, messages)
    assert not any("x-topics" in m or "x-code-samples" in m for m in messages)
    models = models_source(files)
    assert "    id: str\n" in models  # required: true on the property made it required
    assert "note: Annotated[Optional[str]" in models
    assert "tree: Optional[Booking] = None" in models


def test_meaning_taken_for_each_version() -> None:
    v30: dict[str, Any] = {
        "openapi": "3.0.3",
        "components": {
            "schemas": {
                "A": {
                    "type": ["string", "null"],
                    "exclusiveMaximum": 5,
                    "const": "x",
                    "properties": {"p": {"type": "string", "required": False}},
                }
            }
        },
    }
    findings = tolerate(v30)
    a = v30["components"]["schemas"]["A"]
    assert a["type"] == "string" and a["nullable"] is True
    assert a["maximum"] == 5 and a["exclusiveMaximum"] is True
    assert a["enum"] == ["x"] and "const" not in a
    assert "required" not in a and a["properties"]["p"] == {"type": "string"}
    assert len(findings) == 4 and all(kind != "error" for kind, _, _ in findings)
    v31: dict[str, Any] = {"openapi": "3.1.0", "paths": {"/x": {"get": {"parameters": [
        {"name": "n", "in": "query", "schema": {"type": "number", "maximum": 3,
                                                 "exclusiveMaximum": True}}]}}}}  # fmt: skip
    tolerate(v31)
    schema = v31["paths"]["/x"]["get"]["parameters"][0]["schema"]
    assert schema == {"type": "number", "exclusiveMaximum": 3}


def test_a_null_member_of_one_of_in_3_0_is_nullable() -> None:
    data: dict[str, Any] = {
        "openapi": "3.0.2",
        "components": {"schemas": {
            "A": {"oneOf": [{"$ref": "#/components/schemas/B"}, {"type": "null"}]},
            "B": {"type": "string"},
            "Only": {"anyOf": [{"type": "null"}]},  # nothing but null: left for the validator
        }},
    }  # fmt: skip
    findings = tolerate(data)
    schemas = data["components"]["schemas"]
    assert schemas["A"] == {"oneOf": [{"$ref": "#/components/schemas/B"}], "nullable": True}
    assert schemas["Only"] == {"anyOf": [{"type": "null"}]}
    assert findings == [
        (
            "3.1 habit",
            "a {type: 'null'} member of 'oneOf' is OpenAPI 3.1's form (3.0 has no null type): "
            "read as 'nullable: true'",
            "/components/schemas/A/oneOf/1",
        )
    ]


def test_swagger_2_habits() -> None:
    data: dict[str, Any] = {
        "openapi": "3.0.3",
        "components": {"schemas": {"A": {"properties": {
            "f": {"type": "file"}, "n": {"type": "string", "x-nullable": True}}}}},
    }  # fmt: skip
    findings = tolerate(data)
    props = data["components"]["schemas"]["A"]["properties"]
    assert props["f"] == {"type": "string", "format": "binary"}
    assert props["n"]["nullable"] is True
    assert [kind for kind, _, _ in findings] == ["2.0 habit", "2.0 habit"]


def test_a_required_name_no_property_defines_is_a_typo() -> None:
    """Box's shared link (an ``allOf`` member inside a property) requires ``accessed``, its
    property is ``access``: read as not required, so Box's real answers parse. A name an
    ``allOf`` sibling or the parent defines, a component (``allOf`` may extend it elsewhere),
    an object with a ``$ref`` sibling or a schema for other members keep theirs."""
    link = {"type": "object", "properties": {"url": {}, "access": {}},
            "required": ["url", "accessed"]}  # fmt: skip
    sibling: dict[str, Any] = {"allOf": [{"properties": {"a": {}}, "required": ["a", "b"]},
                         {"properties": {"b": {}}}]}  # fmt: skip
    with_ref: dict[str, Any] = {"allOf": [{"$ref": "#/components/schemas/Base"},
                          {"properties": {"b": {}}, "required": ["a", "b"]}]}  # fmt: skip
    typed_rest = {"properties": {"a": {}}, "required": ["a", "z"],
                  "additionalProperties": {"type": "string"}}  # fmt: skip
    only = {"properties": {"a": {}}, "required": ["gone"]}
    data: dict[str, Any] = {
        "openapi": "3.0.3",
        "components": {"schemas": {
            "Base": {"properties": {"x": {}}, "required": ["x", "a"]},
            "File": {"type": "object", "properties": {
                "shared_link": {"allOf": [link, {"description": "d"}]},
                "sibling": sibling, "with_ref": with_ref, "typed_rest": typed_rest,
                "only": only}}}},
    }  # fmt: skip
    findings = tolerate(data)
    assert link["required"] == ["url"] and "required" not in only  # 3.0: no empty list
    assert sibling["allOf"][0]["required"] == ["a", "b"]
    assert with_ref["allOf"][1]["required"] == ["a", "b"]
    assert typed_rest["required"] == ["a", "z"]
    assert data["components"]["schemas"]["Base"]["required"] == ["x", "a"]
    assert [(kind, where) for kind, _, where in findings] == [
        ("required but undefined", f"/components/schemas/File/properties/{p}/required")
        for p in ("only", "shared_link/allOf/0")
    ]
    assert "'accessed', which no property of the object defines" in findings[1][1]


def test_extension_and_example_values_are_never_walked() -> None:
    data = {
        "openapi": "3.1.0",
        "x-anything": {"schema": {"required": True}},
        "paths": {"/x": {"get": {"x-y": {"schema": {"nullable": True}}}}},
    }
    assert tolerate(data) == []


def test_default_mode_lists_every_blocker_at_once(tmp_path: Path) -> None:
    ops = "".join(
        f"""
  /t{i}:
    get:
      operationId: op{i}
      parameters:
        - {{name: "s t", in: header, required: true, schema: {{type: string}}}}
      responses: {{'204': {{description: none}}}}
"""
        for i in range(3)
    )
    path = _write(tmp_path, 'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths:' + ops)
    with pytest.raises(SpecError) as info:
        build(path)
    lines = str(info.value).splitlines()
    for i in range(3):
        where = f": /paths/~1t{i}/get/parameters/0: header name"
        assert any(where in line for line in lines), lines
    assert all(line.startswith(f"{path}:") for line in lines)
    # sorted by line, nothing else: --skip-unsupported would leave nothing to generate
    # (the CLI's hint says what it leaves out when it would generate the rest)
    assert len(lines) == 3 and "--skip-unsupported" not in str(info.value)


UNUSED_PARTS = """\
openapi: 3.0.3
info: {title: CB, version: "1"}
paths:
  /subscribe:
    post:
      operationId: subscribe
      callbacks:
        onEvent:
          '{$request.body#/url}':
            post:
              responses: {'200': {description: ok, links: {x: {operationId: 5}}}}
        broken: {$ref: '#/components/callbacks/Missing'}
      responses:
        '200':
          description: ok
          links:
            next: {$ref: '#/components/links/Missing'}
"""


def test_broken_or_invalid_unused_parts_are_warnings(tmp_path: Path) -> None:
    _, report, doc = build(_write(tmp_path, UNUSED_PARTS))
    assert report.operations == 1
    ignored = [w for w in doc.warnings if "the client does not use this part" in w.message]
    assert sorted(w.pointer for w in ignored) == [
        "/paths/~1subscribe/post/callbacks/broken/$ref",
        "/paths/~1subscribe/post/callbacks/onEvent/{$request.body#~1url}/post/responses/200"
        "/links/x/operationId",
        "/paths/~1subscribe/post/responses/200/links/next/$ref",
    ]


def test_every_broken_ref_is_reported_at_once(tmp_path: Path) -> None:
    text = UNUSED_PARTS + (
        "components:\n  schemas:\n    A: {$ref: '#/components/schemas/Nope1'}\n"
        "    B: {$ref: '#/components/schemas/Nope2'}\n"
    )
    with pytest.raises(SpecError) as info:
        build(_write(tmp_path, text))
    lines = str(info.value).splitlines()
    assert len(lines) == 2 and "Nope1" in lines[0] and "Nope2" in lines[1]


SHARED = """\
openapi: 3.0.3
info: {title: Shared, version: "1"}
components:
  parameters:
    Sess: {name: "s t", in: header, REQUIRED schema: {type: string}}
paths:
  /a:
    get:
      operationId: getA
      parameters: [{$ref: '#/components/parameters/Sess'}]
      responses: {'204': {description: x}}
  /b:
    get:
      operationId: getB
      parameters: [{$ref: '#/components/parameters/Sess'}]
      responses: {'204': {description: x}}
"""


def test_a_shared_parameter_is_reported_once_per_operation(tmp_path: Path) -> None:
    optional = _write(tmp_path, SHARED.replace("REQUIRED ", ""))
    _, report, doc = build(optional, skip_unsupported=True)
    left_out = [w.message for w in doc.warnings if "left out" in w.message]
    assert [m.rsplit("(", 1)[1] for m in left_out] == ["operation GET /a)", "operation GET /b)"]
    with pytest.raises(SpecError) as info:
        build(_write(tmp_path, SHARED.replace("REQUIRED ", "required: true, ")))
    lines = str(info.value).splitlines()
    assert lines[0].endswith("(operation GET /a)") and lines[1].endswith("(operation GET /b)")


REFS_IN_EXTENSIONS = """\
openapi: 3.1.0
info: {title: X In, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      x-doc: {$ref: './docs/a.md'}
      parameters:
        - name: q
          in: query
          schema: {type: string, x-more: {$ref: './docs/q.md'}}
          examples:
            one: {$ref: '#/components/examples/Nope'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
              example: {$ref: 'not-a-ref'}
components:
  schemas:
    A:
      type: object
      x-doc: {$ref: './docs/A.md'}
      properties:
        b: {type: string, x-doc: {$ref: '#/nowhere'}}
        c:
          type: object
          x-children: [{$ref: './c.yaml'}]
"""


def test_refs_inside_extensions_and_examples_are_data(tmp_path: Path) -> None:
    """A ``$ref`` in an ``x-`` extension (at any depth, in schemas too) or in an example is
    neither followed nor checked, by the reader, the validator or the models."""
    files, report, doc = build(_write(tmp_path, REFS_IN_EXTENSIONS))
    assert report.operations == 1
    models = models_source(files)
    assert "class A(BaseModel):" in models
    assert not [w for w in doc.warnings if "x-" in w.pointer]


MANY_IN_ONE = """\
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /write:
    post:
      operationId: write
      parameters:
        - {name: "s t", in: header, required: true, schema: {type: string}}
        - {name: "u v", in: header, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {'a"b': {type: string}}, required: ['a"b']}
      responses: {'204': {description: x}}
  /ok:
    get:
      operationId: ok
      responses: {'204': {description: x}}
"""


def test_every_problem_of_one_operation_is_listed(tmp_path: Path) -> None:
    path = _write(tmp_path, MANY_IN_ONE)
    with pytest.raises(SpecError) as info:
        build(path)
    lines = str(info.value).splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == [
        "/paths/~1write/post/parameters/0",
        "/paths/~1write/post/parameters/1",  # every bad parameter, not only the first
        '/paths/~1write/post/requestBody/content/application~1json/schema/properties/a"b',
    ]  # what --skip-unsupported leaves out: the CLI's hint (test_all_blockers.py)
    assert isinstance(info.value, Blocked) and info.value.left_out == LeftOut(1, 0, 0)
    _, report, doc = build(path, skip_unsupported=True)
    assert report.operations == 1 and len(report.skipped) == 1
    skipped = [w.message for w in doc.warnings if "skipped" in w.message]
    assert skipped == [
        "header name 's t' is not a valid HTTP header name; "
        "operation POST /write skipped (2 more problems in it)"
    ]


INVALID_OPERATIONS = """\
openapi: 3.1.0
info: {title: Inv, version: "1"}
paths:
  /bad:
    get:
      operationId: bad
      responses: 5
  /badref:
    get:
      operationId: badref
      responses:
        '200': {$ref: '#/components/responses/Nope'}
  /ok:
    get:
      operationId: ok
      responses: {'204': {description: x}}
"""


def test_invalid_operations_are_listed_together_or_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, INVALID_OPERATIONS)
    with pytest.raises(SpecError) as info:
        build(path)  # a broken $ref and the validator's findings, in one run
    pointers = [line.split(": ", 2)[1] for line in str(info.value).splitlines()]
    # sorted by line
    assert pointers == ["/paths/~1bad/get/responses", "/paths/~1badref/get/responses/200/$ref"]
    _, report, doc = build(path, skip_unsupported=True)  # as openapi-python-client does
    assert report.operations == 1
    assert [s.operation for s in report.skipped] == ["GET /bad", "GET /badref"]


UNQUOTED_KEYS = """\
openapi: "3.0.0"
info: {title: Rides, version: "1.0.0"}
paths:
  /me:
    get:
      operationId: getMe
      responses:
        200:
          description: the profile (an unquoted status code, as in the OAI's uber.yaml)
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Profile'}
        default:
          description: error
components:
  schemas:
    Profile:
      type: object
      properties:
        on: {type: boolean}
        null: {type: string}
        1.5: {type: integer}
"""


def test_unquoted_yaml_keys_are_their_text(tmp_path: Path) -> None:
    """YAML 1.1 reads ``200:`` as an int, ``on:`` as a bool: keys are strings, as in JSON,
    so such a document generates (it was 'could not be validated: Dict key must be str')."""
    files, report, doc = build(_write(tmp_path, UNQUOTED_KEYS))
    assert report.operations == 1
    profile = doc.data["components"]["schemas"]["Profile"]["properties"]
    assert list(profile) == ["on", "null", "1.5"]
    assert list(doc.data["paths"]["/me"]["get"]["responses"]) == ["200", "default"]
    assert ") -> Profile:" in files["src/rides/resources/me.py"]


def test_the_validation_cache_key_follows_the_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A finding cached before a loader fix must not come back after it (the uber.yaml error
    above stayed cached under the old key)."""
    from generator.read import cache, validate

    spec = _write(tmp_path, UNQUOTED_KEYS)
    monkeypatch.setenv("GENERATOR_CACHE_DIR", str(tmp_path / "cache"))
    validate._MEMO.clear()
    build(spec)
    first = set((tmp_path / "cache" / "validate").iterdir())
    changed = tmp_path / "load.py"
    changed.write_text(cache._LOAD.read_text(encoding="utf-8") + "\n# changed\n")
    monkeypatch.setattr(cache, "_LOAD", changed)
    validate._MEMO.clear()
    build(spec)
    assert len(set((tmp_path / "cache" / "validate").iterdir()) - first) == 1


def test_a_key_given_twice_is_a_located_warning(tmp_path: Path) -> None:
    """YAML keeps the last of two equal keys without a word: an ``x-sdk-method`` added above
    the one already there did nothing, and nothing said so (found adding an API version)."""
    text = UNQUOTED_KEYS.replace(
        "      operationId: getMe\n",
        "      operationId: getMe\n      x-sdk-method: me\n      summary: Me\n"
        "      x-sdk-method: profile\n",
    )
    files, report, doc = build(_write(tmp_path, text))
    messages = [str(w) for w in doc.warnings]
    assert any(
        ":7: /paths/~1me/get/x-sdk-method: 'x-sdk-method' is given twice in one mapping "
        "(lines 7 and 9): only the last is read" in m
        for m in messages
    ), messages
    assert "def profile(" in files["src/rides/resources/me.py"]
