"""An optional argument left out is never sent; its default says what ``None`` means, by one
rule (the package README's "Optional arguments: left out, or null"):

* ``= NOT_GIVEN`` for a nullable field of a JSON body: ``None`` sends ``null``;
* ``= NOT_GIVEN`` for a body field with a spec default: not sent unless given (the server
  applies its default; sending it would overwrite the stored value in an update: GitHub's
  ``PATCH /repos/{owner}/{repo}`` sent ``private: false`` with a new description);
* ``= None`` everywhere else: ``None`` is "left out", because the document does not allow null
  there or the place cannot carry it (a query parameter, a header, a form field);
* a parameter's spec default is its Python default, sent unless another value is given; so
  is a body field's that can hold that one value only (a ``oneOf`` member's tag).

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
              flag: {type: [boolean, 'null'], default: true},
              kind: {type: string, enum: [thing], default: thing},
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
        - {{name: limit, in: query, schema: {{type: integer, default: 10}}}}
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
        if name in ("trace", "origin", "limit", "note", "label", "size", "flag", "kind", "owner")
    }


def test_the_signature_says_which_none_is_null(package: Any) -> None:
    things = importlib.import_module("nulls.resources.things").Things
    not_given = "NOT_GIVEN"
    assert _defaults(things.create) == {
        "trace": "None",  # a query parameter cannot carry null
        "origin": "None",  # nor a header
        "limit": "10",  # a parameter's default: sent unless given another
        "note": not_given,  # nullable JSON field: None is null
        "label": "None",  # not nullable: None can only mean "left out"
        "size": not_given,  # a body field's default: the server applies it
        "flag": not_given,  # both
        "kind": "'thing'",  # one value only: a tag, always sent
        "owner": "required",  # required and nullable: None is null, no default
    }
    # The same fields in a urlencoded form: null cannot be written, so None is "left out".
    form = _defaults(things.submit_form)
    assert form == {
        "note": "None",
        "label": "None",
        "size": not_given,
        "flag": not_given,
        "kind": "'thing'",
        "owner": "required",
    }
    parameters = inspect.signature(things.submit_form).parameters
    assert "NotGiven" not in str(parameters["note"].annotation)
    assert "None" not in str(parameters["flag"].annotation)  # a form cannot carry null
    assert "None" in str(inspect.signature(things.create).parameters["flag"].annotation)


def test_a_body_default_is_in_the_docstring(package: Any) -> None:
    things = importlib.import_module("nulls.resources.things").Things
    doc = " ".join((things.create.__doc__ or "").split())
    assert "size: Server default: `20`." in doc
    assert "flag: Server default: `True`." in doc


def _json_of(seen: Seen) -> Any:
    return seen.json()


def test_json_none_is_null_and_not_given_is_absent(package: Any, server: TestServer) -> None:
    server.requests.clear()
    with package.NullsClient(base_url=server.url) as client:
        client.things.create(owner=None, note=None, label=None)
        client.things.create(owner="o", note=package.NOT_GIVEN, trace=None, origin=None)
        client.things.create(owner="o", size=20, flag=None, limit=3)
    first, second, third = server.seen(path="/things")
    assert _json_of(first) == {"owner": None, "note": None, "kind": "thing"}
    assert _json_of(second) == {"owner": "o", "kind": "thing"}
    assert second.query == [("limit", "10")] and "origin" not in second.headers
    assert _json_of(third) == {"owner": "o", "size": 20, "flag": None, "kind": "thing"}
    assert third.query == [("limit", "3")]


def test_none_for_a_defaulted_field_that_is_not_nullable_fails_before_sending(
    package: Any, server: TestServer
) -> None:
    server.requests.clear()
    with package.NullsClient(base_url=server.url) as client:
        with pytest.raises(package.ValidationError, match="size must not be None"):
            client.things.create(owner="o", size=None)
    assert server.seen(path="/things") == []


def test_form_none_is_left_out(package: Any, server: TestServer) -> None:
    server.requests.clear()
    with package.NullsClient(base_url=server.url) as client:
        client.things.submit_form(owner="o", note=None, label=None)
        client.things.submit_form(owner="o", note="n", size=5)
    first, second = server.seen(path="/forms")
    assert sorted(parse_qsl(first.body.decode())) == [("kind", "thing"), ("owner", "o")]
    second_fields = sorted(parse_qsl(second.body.decode()))
    assert second_fields == [("kind", "thing"), ("note", "n"), ("owner", "o"), ("size", "5")]


def test_the_readme_states_the_rule_with_an_example(package: Any) -> None:
    readme = (Path(package.__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "### Optional arguments: left out, or `null`" in readme
    assert "# sends note: null in the JSON body" in readme
    assert 'client.things.create(owner="<owner>", note=None)' in readme
