"""An argument whose schema is a free-form object component (OpenAI's ``FunctionParameters``:
``type: object, additionalProperties: true``, no properties) takes its class or a plain dict.

Before, such an argument was typed with the class alone (a model of no field): the runtime sent
a dict as it is, but ``mypy --strict`` refused ``parameters={"type": "object", ...}``, the way
every caller writes a JSON Schema. Now it is ``Union[FunctionParameters, Dict[str, Any]]``.
Checked on a real server on 127.0.0.1 (the dict goes out as it is, as the model would) and with
``mypy --strict`` on a user's script."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.1.0
info: {title: Functions, version: '1'}
paths:
  /tools:
    post:
      operationId: createTool
      tags: [tools]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name, parameters]
              properties:
                name: {type: string}
                parameters: {$ref: '#/components/schemas/FunctionParameters'}
                settings: {$ref: '#/components/schemas/Options'}
                labels: {$ref: '#/components/schemas/Labels'}
                tags: {$ref: '#/components/schemas/Tags'}
      responses:
        '204': {description: created}
  /schemas/{name}:
    put:
      operationId: putSchema
      tags: [schemas]
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/FunctionParameters'}
      responses:
        '204': {description: stored}
components:
  schemas:
    FunctionParameters:
      type: object
      additionalProperties: true
      description: A JSON Schema object.
    Options:
      type: object
    Labels:
      type: object
      properties:
        team: {type: string}
    Tags:
      type: object
      additionalProperties: {type: string}
"""

SCHEMA = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}

USER_CODE = """\
from typing import Any, Dict

from functions import FunctionsClient
from functions.models import FunctionParameters, Labels, Tags

client = FunctionsClient(base_url="http://127.0.0.1:9")
schema: Dict[str, Any] = {"type": "object", "properties": {}}
client.tools.create(name="f", parameters={"type": "object", "properties": {}})
client.tools.create(name="f", parameters=schema, settings={"strict": True})
client.tools.create(name="f", parameters=FunctionParameters(), labels=Labels(team="t"))
client.tools.create(name="f", parameters={}, tags={"env": "prod"})
client.tools.create(name="f", parameters={}, tags=Tags({"env": "prod"}))
client.schemas.update("s", body={"type": "object"})
client.schemas.update("s", body=FunctionParameters())
"""

# A model with properties is not free-form: a dict stays refused there, as before.
BAD_CODE = """\
from functions import FunctionsClient

client = FunctionsClient(base_url="http://127.0.0.1:9")
client.tools.create(name="f", parameters={}, labels={"team": "t"})
client.tools.create(name="f", parameters=[1])
client.tools.create(name="f", parameters={}, tags={"env": 1})
"""


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("functions") / "functions.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def package(spec: Path) -> Iterator[Any]:
    with generated_package(spec, "functions") as package:
        yield package


@pytest.fixture()
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    server.on("POST", "/tools", lambda r, n: Reply(status=204))
    server.on("PUT", "/schemas/s", lambda r, n: Reply(status=204))
    yield server
    server.stop()


def test_a_dict_goes_out_as_it_is(package: Any, server: TestServer) -> None:
    models = package.models
    with package.FunctionsClient(base_url=server.url) as client:
        client.tools.create(name="f", parameters=SCHEMA, settings={"strict": True})
        client.tools.create(name="g", parameters=models.FunctionParameters(**SCHEMA))
        client.tools.create(name="h", parameters={}, tags={"env": "prod"})
        client.schemas.update("s", body=SCHEMA)
    first, second, third = server.seen("POST")
    assert third.json() == {"name": "h", "parameters": {}, "tags": {"env": "prod"}}
    assert first.json() == {"name": "f", "parameters": SCHEMA, "settings": {"strict": True}}
    assert second.json() == {"name": "g", "parameters": SCHEMA}
    [put] = server.seen("PUT")
    assert put.json() == SCHEMA


@pytest.mark.anyio
async def test_the_async_client_sends_the_dict(package: Any, server: TestServer) -> None:
    async with package.AsyncFunctionsClient(base_url=server.url) as client:
        await client.tools.create(name="f", parameters=SCHEMA)
    [seen] = server.seen("POST")
    assert seen.json() == {"name": "f", "parameters": SCHEMA}


@pytest.mark.slow
def test_mypy_strict_accepts_a_dict_for_a_free_form_object(spec: Path, package: Any) -> None:
    out = spec.parent / "out"
    (out / "src" / "user_code.py").write_text(USER_CODE, encoding="utf-8")
    (out / "src" / "bad_code.py").write_text(BAD_CODE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert [line.split(": error:")[0] for line in errors] == [
        "src/bad_code.py:4",
        "src/bad_code.py:5",
        "src/bad_code.py:6",  # a map's values are typed
    ], done.stdout
    assert '"labels"' in errors[0] and '"parameters"' in errors[1], done.stdout


def test_the_command_line_still_takes_a_json_object(package: Any) -> None:
    """The CLI option of such an argument takes a JSON object (a bare word is a usage error),
    as it did for the class alone; not any JSON value."""
    import importlib

    table = importlib.import_module("functions._cli_table")
    kinds = {
        (command.name, option.name): option.kind
        for group in table.GROUPS
        for command in group.commands
        for option in command.options
    }
    assert kinds[("create", "parameters")] == "json-object"
    assert kinds[("create", "settings")] == "json-object"
    assert kinds[("create", "tags")] == "json-object"
