"""Issue 18, the request side of links: objects accepted where a request BODY expects their id
(``x-sdk-resource`` ``id-in``, a link's ``requestBody``), and ``$request.query``/``header``
values, on a RunRL-like document: files and tools go into a run's body, a run deploys itself.

Walked sync and async against a server on 127.0.0.1 that records every request, and checked
with ``mypy --strict`` on code that passes both ids and objects.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_api
from generator.errors import SpecError
from generator.read import load_spec
from tests.codegen.test_resources import _package

SPEC = """\
openapi: 3.1.0
info: {title: Trainer, version: "1"}
paths:
  /files:
    post:
      operationId: createFile
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [name], properties: {name: {type: string}}}
      responses:
        "201":
          description: made
          content: {application/json: {schema: {$ref: "#/components/schemas/File"}}}
          links:
            delete: {operationId: deleteFile, parameters: {file_id: "$response.body#/id"}}
            train: {operationId: createRun, requestBody: {prompt_file_id: "$response.body#/id"}}
  /files/{file_id}:
    delete:
      operationId: deleteFile
      parameters:
        - {name: file_id, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: gone}
  /tools:
    post:
      operationId: createTool
      responses:
        "201":
          description: made
          content: {application/json: {schema: {$ref: "#/components/schemas/Tool"}}}
          links:
            delete: {operationId: deleteTool, parameters: {tool_id: "$response.body#/id"}}
  /tools/{tool_id}:
    delete:
      operationId: deleteTool
      parameters:
        - {name: tool_id, in: path, required: true, schema: {type: integer}}
      responses:
        "204": {description: gone}
  /runs:
    post:
      operationId: createRun
      parameters:
        - {name: region, in: query, schema: {type: string}}
        - {name: X-Project, in: header, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/RunCreate"}
      responses:
        "201":
          description: made
          content: {application/json: {schema: {$ref: "#/components/schemas/Run"}}}
          links:
            getRun:
              operationId: getRun
              parameters: {run_id: "$response.body#/id", X-Project: "$request.header.x-project"}
            deploy:
              operationId: createDeployment
              requestBody: {run_id: "$response.body#/id", region: "$request.query.region"}
  /runs/{run_id}:
    get:
      operationId: getRun
      parameters:
        - {name: run_id, in: path, required: true, schema: {type: integer}}
        - {name: X-Project, in: header, schema: {type: string}}
      responses:
        "200":
          description: one
          content: {application/json: {schema: {$ref: "#/components/schemas/Run"}}}
  /deployments:
    post:
      operationId: createDeployment
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [run_id]
              properties:
                run_id: {type: integer}
                region: {type: string}
      responses:
        "201":
          description: made
          content: {application/json: {schema: {$ref: "#/components/schemas/Deployment"}}}
          links:
            delete:
              operationId: deleteDeployment
              parameters: {deployment_id: "$response.body#/id"}
  /deployments/{deployment_id}:
    delete:
      operationId: deleteDeployment
      parameters:
        - {name: deployment_id, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: gone}
components:
  schemas:
    File:
      type: object
      x-sdk-resource:
        id: /id
        id-in: {createRun: [prompt_file_id, reward_file_id, sft_file_id]}
      required: [id]
      properties: {id: {type: string}, name: {type: string}}
    Tool:
      type: object
      x-sdk-resource: {id: /id, id-in: {createRun: [tool_ids]}}
      required: [id]
      properties: {id: {type: integer}}
    RunCreate:
      type: object
      required: [model, prompt_file_id, reward_file_id]
      properties:
        model: {type: string}
        prompt_file_id: {type: string}
        reward_file_id: {type: string}
        sft_file_id: {type: string}
        tool_ids: {type: array, items: {type: integer}}
    Run:
      type: object
      x-sdk-resource: {id: /id, refresh: getRun}
      required: [id]
      properties: {id: {type: integer}, status: {type: string}}
    Deployment:
      type: object
      x-sdk-resource: {id: /id, cleanup: delete}
      required: [id, run_id]
      properties: {id: {type: string}, run_id: {type: integer}, region: {type: string}}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "trainer.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_id_in_and_request_body_links_resolve(tmp_path: Path) -> None:
    objects = build_api(load_spec(_write(tmp_path, SPEC))).objects
    assert objects is not None
    runs = next(ns for ns in objects.namespaces if ns.attribute == "runs")
    create = next(s for s in runs.sources if s.method.operation_id.value == "createRun")
    accepts = {(a.param, a.resource, a.each, a.optional) for a in create.accepts}
    assert accepts == {
        ("prompt_file_id", "FileObject", "", False),
        ("reward_file_id", "FileObject", "", False),
        ("sft_file_id", "FileObject", "", False),
        ("tool_ids", "ToolObject", "int", True),
    }
    run = next(r for r in objects.resources if r.class_name == "RunObject")
    deploy = next(link for link in run.links if link.name == "deploy")
    args = {a.param: (a.source, a.key, [t.value for t in a.pointer]) for a in deploy.args}
    assert args == {"run_id": ("body", "", ["id"]), "region": ("request", "query:region", [])}
    assert deploy.resource == "DeploymentObject"
    info = next(link for link in run.links if link.name == "get_run")
    assert {a.param: a.key for a in info.args}["x_project"] == "header:X-Project"


ID_IN_ERRORS = {
    "operation": ("id-in: {nope: [prompt_file_id]}", "'nope' names no generated operation",
                  "/id-in/nope"),
    "argument": ("id-in: {createRun: [zzz]}", "'zzz' is not a parameter of 'createRun'",
                 "/id-in/createRun/0"),
    "no id": ("id-in: {createRun: [prompt_file_id]}", "id-in needs id", "/id-in"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(ID_IN_ERRORS))
def test_id_in_errors_are_located(tmp_path: Path, case: str) -> None:
    ext, message, pointer = ID_IN_ERRORS[case]
    text = SPEC.replace(
        "      x-sdk-resource:\n        id: /id\n"
        "        id-in: {createRun: [prompt_file_id, reward_file_id, sft_file_id]}\n",
        f"      x-sdk-resource: {{{'' if case == 'no id' else 'id: /id, '}{ext}}}\n",
    )
    path = _write(tmp_path, text)
    with pytest.raises(SpecError) as info:
        build_api(load_spec(path))
    assert message in info.value.message, info.value.message
    assert info.value.pointer == "/components/schemas/File/x-sdk-resource" + pointer
    assert info.value.file == str(path) and info.value.line is not None


class _Trainer(BaseHTTPRequestHandler):
    log: list[tuple[str, str, dict[str, str], Any]] = []
    counter = 0

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, body: Any = None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self) -> Any:
        size = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(size)) if size else None
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.log.append((self.command, self.path, headers, body))
        return body

    def do_POST(self) -> None:
        body = self._record()
        type(self).counter += 1
        n = self.counter
        route = self.path.split("?")[0]
        if route == "/files":
            return self._send(201, {"id": f"f{n}", "name": body["name"]})
        if route == "/tools":
            return self._send(201, {"id": 100 + n})
        if route == "/runs":
            return self._send(201, {"id": n, "status": "queued"})
        self._send(201, {"id": f"d{n}", "run_id": body["run_id"], "region": body.get("region")})

    def do_GET(self) -> None:
        self._record()
        self._send(200, {"id": int(self.path.rsplit("/", 1)[-1]), "status": "done"})

    def do_DELETE(self) -> None:
        self._record()
        self._send(204)


@pytest.fixture(scope="module")
def trainer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    tmp = tmp_path_factory.mktemp("trainer")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Trainer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    (tmp / "spec").mkdir()
    pkg = _package(_write(tmp / "spec", SPEC), tmp, "trainer")
    yield pkg, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_objects_go_where_the_body_expects_their_ids_sync(trainer: tuple[Any, str]) -> None:
    pkg, url = trainer
    _Trainer.log = []
    with pkg.Trainer(base_url=url, max_retries=0) as rl:
        prompts = rl.files.create(name="prompts")
        tool = rl.tools.create()
        run = rl.runs.create(
            model="m",
            prompt_file_id=prompts,  # an object where the body expects its id
            reward_file_id="f-raw",  # or the id itself
            tool_ids=[tool, 7],  # a list of ids: objects and ids mixed
            region="eu",
            x_project="p1",
        )
        method, path, headers, body = _Trainer.log[-1]
        assert (method, path, headers["x-project"]) == ("POST", "/runs?region=eu", "p1")
        assert body == {
            "model": "m",
            "prompt_file_id": prompts.id,
            "reward_file_id": "f-raw",
            "tool_ids": [tool.id, 7],
        }
        assert run.info().status == "done"  # X-Project from the request that made the run
        assert _Trainer.log[-1][:2] == ("GET", f"/runs/{run.id}")
        assert _Trainer.log[-1][2]["x-project"] == "p1"
        with run.deploy() as deployment:  # the body's run_id from the run, region from the query
            assert _Trainer.log[-1][::3] == ("POST", {"run_id": run.id, "region": "eu"})
            assert deployment.data.run_id == run.id
        assert _Trainer.log[-1][:2] == ("DELETE", f"/deployments/{deployment.id}")
        # a link method's other arguments take objects too (id-in): the file trains a run
        other = prompts.train(model="m", reward_file_id=prompts)
        assert type(other).__name__ == "RunObject"
        assert _Trainer.log[-1][3] == {
            "model": "m",
            "prompt_file_id": prompts.id,
            "reward_file_id": prompts.id,
        }


def test_a_link_parameter_may_name_a_body_property(tmp_path: Path) -> None:
    """``parameters: {run_id: ...}`` fills the body property when no parameter has that name
    (a ``requestBody`` mapping says the same in OpenAPI's own words)."""
    text = SPEC.replace(
        'requestBody: {run_id: "$response.body#/id", region: "$request.query.region"}',
        'parameters: {run_id: "$response.body#/id", region: "$request.query.region"}',
    )
    objects = build_api(load_spec(_write(tmp_path, text))).objects
    assert objects is not None
    run = next(r for r in objects.resources if r.class_name == "RunObject")
    deploy = next(link for link in run.links if link.name == "deploy")
    assert {a.param: a.source for a in deploy.args} == {"run_id": "body", "region": "request"}


def test_objects_go_where_the_body_expects_their_ids_async(trainer: tuple[Any, str]) -> None:
    pkg, url = trainer
    _Trainer.log = []

    async def walk() -> None:
        async with pkg.AsyncTrainer(base_url=url, max_retries=0) as rl:
            prompts = await rl.files.create(name="prompts")
            reward = await rl.files.create(name="reward")
            run = await rl.runs.create(model="m", prompt_file_id=prompts, reward_file_id=reward)
            assert _Trainer.log[-1][3] == {
                "model": "m",
                "prompt_file_id": prompts.id,
                "reward_file_id": reward.id,
            }
            async with await run.deploy() as deployment:
                assert _Trainer.log[-1][3] == {"run_id": run.id}  # no region given: left out
            assert _Trainer.log[-1][:2] == ("DELETE", f"/deployments/{deployment.id}")

    asyncio.run(walk())


USER_CODE = """\
from trainer.objects import AsyncTrainer, FileObject, Trainer


def sync(rl: Trainer, f: FileObject) -> int:
    run = rl.runs.create(model="m", prompt_file_id=f, reward_file_id="id", tool_ids=[1])
    with run.deploy() as deployment:
        return deployment.data.run_id


async def use(rl: AsyncTrainer) -> str:
    f = await rl.files.create(name="n")
    t = await rl.tools.create()
    run = await rl.runs.create(model="m", prompt_file_id=f, reward_file_id=f.data.id,
                               tool_ids=[t, 2])
    return str((await run.info()).status)
"""


@pytest.mark.slow
def test_mypy_strict_accepts_ids_and_objects(tmp_path: Path) -> None:
    from generator.pipeline import generate

    out = tmp_path / "out"
    generate(_write(tmp_path, SPEC), out)
    (out / "src" / "user_code.py").write_text(USER_CODE, encoding="utf-8")
    bad = USER_CODE.replace('reward_file_id="id"', "reward_file_id=3")
    (out / "src" / "bad_code.py").write_text(bad, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert errors and all(line.startswith("src/bad_code.py:5:") for line in errors), done.stdout


@pytest.mark.slow
def test_requests_with_objects_are_valid_for_prism(
    trainer: tuple[Any, str], tmp_path: Path
) -> None:
    """Prism (``--errors``: a request that breaks the document is an error answer) checks the
    bodies and parameters filled from objects and from the request that made them."""
    from tests.contract._support import Prism

    pkg, _ = trainer
    prism = Prism(_write(tmp_path, SPEC), tmp_path / "prism.log").start()
    try:
        with pkg.Trainer(base_url=prism.url, max_retries=0) as rl:
            prompts = rl.files.create(name="prompts")
            tool = rl.tools.create()
            run = rl.runs.create(
                model="m",
                prompt_file_id=prompts,
                reward_file_id=prompts,
                tool_ids=[tool],
                region="eu",
                x_project="p1",
            )
            run.refresh()
            with run.deploy() as deployment:
                assert isinstance(deployment.data.run_id, int)
    finally:
        prism.stop()
    received = [line.split("]")[2].split(" ℹ")[0] for line in prism.log().splitlines()
                if "Request received" in line]  # fmt: skip
    assert received == [
        " post /files", " post /tools", " post /runs", " get /runs/0", " post /deployments",
        " delete /deployments/string",
    ]  # fmt: skip
    assert "violation" not in prism.log().lower()
