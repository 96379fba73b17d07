"""An optional argument left out is never sent; its default says what ``None`` means, by one
rule (the package README's "Optional arguments: left out, or null"):

* ``= NOT_GIVEN`` only for a nullable field of a JSON body: ``None`` sends ``null``;
* ``= None`` everywhere else: ``None`` is "left out", because the document does not allow null
  there or the place cannot carry it (a query parameter, a header, a form field).

A user trial of Clerk's Frontend API found ``create(origin=None, strategy=NOT_GIVEN)``: the
``strategy`` field of a urlencoded body said ``None`` would be sent, and the form encoder
dropped it. Checked here against a real server."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, Seen, TestServer

BODY = """{type: object, properties: {
              note: {type: [string, 'null']},
              label: {type: string},
              size: {type: integer, default: 20},
              owner: {type: [string, 'null']}},
            required: [owner]}"""
SPEC = f"""openapi: 3.1.0
info: {{title: Nulls, version: '1'}}
paths:
  /things:
    post:
      operationId: createThing
      tags: [things]
      parameters:
        - {{name: trace, in: query, schema: {{type: [string, 'null']}}}}
        - {{name: Origin, in: header, schema: {{type: [string, 'null']}}}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {BODY}
      responses:
        '200': {{description: ok, content: {{application/json: {{schema: {{type: object}}}}}}}}
  /forms:
    post:
      operationId: submitForm
      tags: [things]
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema: {BODY}
      responses:
        '200': {{description: ok, content: {{application/json: {{schema: {{type: object}}}}}}}}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    spec = tmp_path_factory.mktemp("nulls") / "nulls.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "nulls") as package:
        yield package


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    server.on("POST", "/things", lambda r, n: Reply(json={}))
    server.on("POST", "/forms", lambda r, n: Reply(json={}))
    yield server
    server.stop()


def _defaults(method: Any) -> dict[str, str]:
    return {
        name: repr(p.default) if p.default is not inspect.Parameter.empty else "required"
        for name, p in inspect.signature(method).parameters.items()
        if name in ("trace", "origin", "note", "label", "size", "owner")
    }


def test_the_signature_says_which_none_is_null(package: Any) -> None:
    things = importlib.import_module("nulls.resources.things").Things
    not_given = "NOT_GIVEN"
    assert _defaults(things.create) == {
        "trace": "None",  # a query parameter cannot carry null
        "origin": "None",  # nor a header
        "note": not_given,  # nullable JSON field: None is null
        "label": "None",  # not nullable: None can only mean "left out"
        "size": "20",
        "owner": "required",  # required and nullable: None is null, no default
    }
    # The same fields in a urlencoded form: null cannot be written, so None is "left out".
    form = _defaults(things.submit_form)
    assert form == {"note": "None", "label": "None", "size": "20", "owner": "required"}
    annotation = str(inspect.signature(things.submit_form).parameters["note"].annotation)
    assert "NotGiven" not in annotation


def _json_of(seen: Seen) -> Any:
    return seen.json()


def test_json_none_is_null_and_not_given_is_absent(package: Any, server: TestServer) -> None:
    server.requests.clear()
    with package.NullsClient(base_url=server.url) as client:
        client.things.create(owner=None, note=None, label=None)
        client.things.create(owner="o", note=package.NOT_GIVEN, trace=None, origin=None)
    first, second = server.seen(path="/things")
    assert _json_of(first) == {"owner": None, "note": None, "size": 20}
    assert _json_of(second) == {"owner": "o", "size": 20}
    assert second.query == [] and "origin" not in second.headers


def test_form_none_is_left_out(package: Any, server: TestServer) -> None:
    server.requests.clear()
    with package.NullsClient(base_url=server.url) as client:
        client.things.submit_form(owner="o", note=None, label=None)
        client.things.submit_form(owner="o", note="n")
    first, second = server.seen(path="/forms")
    assert sorted(parse_qsl(first.body.decode())) == [("owner", "o"), ("size", "20")]
    assert dict(parse_qsl(second.body.decode()))["note"] == "n"


def test_the_readme_states_the_rule_with_an_example(package: Any) -> None:
    readme = (Path(package.__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "### Optional arguments: left out, or `null`" in readme
    assert "# sends note: null in the JSON body" in readme
    assert 'client.things.create(owner="<owner>", note=None)' in readme
