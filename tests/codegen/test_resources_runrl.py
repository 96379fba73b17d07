"""Issue 18's walkthrough on RunRL, against the reference server (sync and async).

The released RunRL documents are frozen (spec/released.toml: a changed spec fails the release
gate), so they carry no ``links`` yet; this test adds them to a temporary copy of the newest
one, as item 1 of the issue describes (each response that creates or returns a file, run,
deployment, tool, shared configuration or API key links to every operation taking its id),
generates that copy and walks the object layer against the reference server.
"""

from __future__ import annotations

import asyncio
import copy
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build import build_api
from generator.pipeline import generate
from generator.read import load_spec

ROOT = Path(__file__).resolve().parents[2]
MODEL = "Qwen/Qwen2.5-3B-Instruct"
# path prefix of the operations taking the id -> (operations returning the object, id member)
RESOURCES = {
    "/files/{fileId}": (("createFile", "getFile", "updateFile"), "id", "File"),
    "/runs/{id}": (("createRun", "getRun"), "id", "Run"),
    "/deployments/{id}": (("createDeployment", "getDeployment"), "id", "Deployment"),
    "/tools/{id}": (("createTool", "getTool", "updateTool"), "id", "Tool"),
    "/shared-configurations/{uuid}": (
        ("createSharedConfiguration", "getSharedConfiguration", "updateSharedConfiguration"),
        "uuid",
        "SharedConfiguration",
    ),
    "/keys/{id}": (("updateApiKey",), "id", "ApiKey"),
}


def newest_spec() -> Path:
    return sorted((ROOT / "spec").glob("*.yaml"))[-1]


def with_links(path: Path) -> dict[str, Any]:
    """The document with ``links`` (named after the target's method) and ``x-sdk-resource``."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = {m.operation_id.value: m.name for m in build_api(load_spec(path)).all_methods}
    ops = {
        op["operationId"]: (route, op)
        for route, item in spec["paths"].items()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    for prefix, (sources, id_field, schema) in RESOURCES.items():
        param = prefix.rsplit("{", 1)[1].rstrip("}")
        targets = [oid for oid, (route, _) in ops.items() if route.startswith(prefix)]
        links = {
            names[oid]: {
                "operationId": oid,
                "parameters": {param: f"$response.body#/data/{id_field}"},
            }
            for oid in targets
        }
        for oid in sources:
            responses = ops[oid][1]["responses"]
            status = min(s for s in responses if str(s).startswith("2"))
            responses[status] = copy.deepcopy(responses[status])
            responses[status]["links"] = links
        ext: dict[str, Any] = {"id": f"/{id_field}"}
        if "deleteDeployment" in targets:
            ext["cleanup"] = names["deleteDeployment"]
        spec["components"]["schemas"][schema]["x-sdk-resource"] = ext
    return spec


@pytest.fixture(scope="module")
def runrl_objects(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    tmp = tmp_path_factory.mktemp("runrl-links")
    spec = tmp / newest_spec().name
    spec.write_text(yaml.safe_dump(with_links(newest_spec()), sort_keys=False), encoding="utf-8")
    generate(spec, tmp / "out", package="runrl_objects")
    src = str(tmp / "out" / "src")
    sys.path.insert(0, src)
    try:
        yield importlib.import_module("runrl_objects")
    finally:
        sys.path.remove(src)


def test_every_resource_links_every_operation_taking_its_id(runrl_objects: Any) -> None:
    objects = importlib.import_module("runrl_objects.objects")
    run = {n for n in dir(objects.RunObject) if not n.startswith("_")}
    assert {"stream_logs", "metrics", "cancel", "logs", "wait", "info", "refresh"} <= run
    assert {"preview", "delete", "download", "content"} <= set(dir(objects.FileObject))
    assert {"__enter__", "delete", "wait"} <= set(dir(objects.DeploymentObject))
    for cls in ("ToolObject", "SharedConfigurationObject", "ApiKeyObject"):
        assert hasattr(objects, cls) and hasattr(objects, "Async" + cls)


def test_walkthrough_sync(runrl_objects: Any, reference_server: Any, tmp_path: Path) -> None:
    prompts_path = tmp_path / "prompts.jsonl"
    prompts_path.write_text('{"prompt": [{"role": "user", "content": "hi"}]}\n')
    rl = runrl_objects.RunRL(
        api_key=reference_server.api_key,
        base_url=reference_server.base_url,
        poll_interval=0.01,
        max_poll_timeout=10,
    )
    with rl:
        assert isinstance(rl.api, runrl_objects.RunRLClient)
        prompts = rl.files.upload_path(prompts_path, file_type="prompt")
        reward = rl.files.create_from_content(
            name="reward", content="def reward_fn(c, **k): return 1.0", file_type="reward_function"
        )
        run = rl.runs.create(model=MODEL, prompt_file_id=prompts.id, reward_file_id=reward.id)
        assert run.wait(timeout=10) is run
        assert run.info().status == run.data.status
        assert list(run.stream_logs()) is not None
        assert run.metrics() is not None
        with rl.deployments.create(run_id=run.id) as deployment:
            assert deployment.wait(timeout=10).data.id == deployment.id
        assert ("DELETE", f"/deployments/{deployment.id}") in [
            (r.method, r.path) for r in reference_server.requests
        ]
        assert prompts.preview(lines=5) is not None
        prompts.delete()
        assert rl.files.retrieve(reward).id == reward.id  # an object where the id goes


def test_walkthrough_async(runrl_objects: Any, reference_server: Any) -> None:
    async def walk() -> None:
        async with runrl_objects.AsyncRunRL(
            api_key=reference_server.api_key,
            base_url=reference_server.base_url,
            poll_interval=0.01,
            max_poll_timeout=10,
        ) as rl:
            prompts = await rl.files.create_from_content(
                name="p",
                content='{"prompt": [{"role": "user", "content": "hi"}]}\n',
                file_type="prompt",
            )
            reward = await rl.files.create_from_content(
                name="r", content="def reward_fn(c, **k): return 1.0", file_type="reward_function"
            )
            run = await rl.runs.create(
                model=MODEL, prompt_file_id=prompts.id, reward_file_id=reward.id
            )
            await run.wait(timeout=10)
            assert (await run.info()).status == run.data.status
            async with await rl.deployments.create(run_id=run.id) as deployment:
                await deployment.wait(timeout=10)
            await prompts.delete()

    asyncio.run(walk())


def test_a_pointer_outside_the_enveloped_payload_is_a_located_error(tmp_path: Path) -> None:
    """RunRL wraps payloads in ``{"data": ...}``: a link must point inside ``/data`` (the
    object's data is the unwrapped payload)."""
    from generator.errors import SpecError

    spec = with_links(newest_spec())
    links = spec["paths"]["/files/{fileId}"]["get"]["responses"]["200"]["links"]
    links["retrieve"]["parameters"]["fileId"] = "$response.body#/message"
    path = tmp_path / newest_spec().name
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        build_api(load_spec(path))
    assert "points outside the payload the method returns (/data)" in info.value.message
    assert info.value.pointer.endswith("/links/retrieve/parameters/fileId")
    assert info.value.line is not None
