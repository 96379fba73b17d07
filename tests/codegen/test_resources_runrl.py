"""Issue 18's walkthrough on the real RunRL packages, against the reference server (sync, async).

The released RunRL documents are frozen; their ``links`` and ``x-sdk-resource`` are client
annotations (spec/annotations/<version>.yaml, OpenAPI Overlays applied as the spec is read). Each
API version in ``spec/`` is tested through its generated package, ``generated/<version>/``:
every resource class links every operation taking its id (derived from the spec's paths), and
the object walkthrough runs against the reference server.
"""

from __future__ import annotations

import asyncio
import importlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from generator.build import build_api
from generator.errors import SpecError
from generator.read import load_spec
from generator.read.annotations import ANNOTATIONS_DIR, annotations_of
from tests.versions import ROOT, ApiVersion, versions

MODEL = "Qwen/Qwen2.5-3B-Instruct"
# object class -> path prefix of the operations that take its id
RESOURCES = {
    "FileObject": "/files/{fileId}",
    "RunObject": "/runs/{id}",
    "DeploymentObject": "/deployments/{id}",
    "ToolObject": "/tools/{id}",
    "SharedConfigurationObject": "/shared-configurations/{uuid}",
    "ApiKeyObject": "/keys/{id}",
    "ApiKeyTokenObject": "/keys/{id}",
    "SharedConfigurationCopyObject": "/shared-configurations/{uuid}",
}
VERSIONS = versions()


def _runrl_modules() -> dict[str, ModuleType]:
    return {n: m for n, m in sys.modules.items() if n == "runrl" or n.startswith("runrl.")}


@pytest.fixture(scope="module", params=VERSIONS, ids=[v.name for v in VERSIONS])
def version(request: pytest.FixtureRequest) -> ApiVersion:
    v: ApiVersion = request.param
    return v


@pytest.fixture(scope="module")
def runrl(version: ApiVersion) -> Iterator[ModuleType]:
    """``generated/<version>/src/runrl``, imported as ``runrl`` (and forgotten afterwards, so
    another version, or tests/sdk's fixture, imports its own)."""
    src = str(ROOT / "generated" / version.name / "src")
    saved = _runrl_modules()
    for name in saved:
        del sys.modules[name]
    sys.path.insert(0, src)
    try:
        module = importlib.import_module("runrl")
        assert module.__file__ is not None and module.__file__.startswith(src)
        yield module
    finally:
        sys.path.remove(src)
        for name in _runrl_modules():
            del sys.modules[name]
        sys.modules.update(saved)


def test_each_version_has_annotations() -> None:
    for v in VERSIONS:
        assert annotations_of(v.spec), f"spec/{ANNOTATIONS_DIR}/{v.name}.yaml is missing"


def test_every_resource_links_every_operation_taking_its_id(
    runrl: ModuleType, version: ApiVersion
) -> None:
    objects = importlib.import_module("runrl.objects")
    api = build_api(load_spec(version.spec))
    for cls, prefix in RESOURCES.items():
        taking = {
            m.name
            for m in api.all_methods
            if m.path.value == prefix or m.path.value.startswith(prefix + "/")
        }
        assert taking, (cls, prefix)
        for klass in (getattr(objects, cls), getattr(objects, "Async" + cls)):
            methods = {n for n in dir(klass) if not n.startswith("_")}
            missing = {n for n in taking if n not in methods and f"{n}_" not in methods}
            assert not missing, (klass.__name__, missing)
    assert {"wait", "info", "refresh"} <= set(dir(objects.RunObject))
    assert {"__enter__", "__exit__", "wait"} <= set(dir(objects.DeploymentObject))
    assert {"__aenter__", "__aexit__"} <= set(dir(objects.AsyncDeploymentObject))


def test_walkthrough_sync(runrl: ModuleType, reference_server: Any, tmp_path: Path) -> None:
    prompts_path = tmp_path / "prompts.jsonl"
    prompts_path.write_text('{"prompt": [{"role": "user", "content": "hi"}]}\n')
    rl = runrl.RunRL(
        api_key=reference_server.api_key,
        base_url=reference_server.base_url,
        poll_interval=0.01,
        max_poll_timeout=10,
    )
    with rl:
        assert isinstance(rl.api, runrl.RunRLClient)  # the plain client underneath
        prompts = rl.files.upload_path(prompts_path, file_type="prompt")
        reward = rl.files.create_from_content(
            name="reward", content="def reward_fn(c, **k): return 1.0", file_type="reward_function"
        )
        assert prompts.data.id == prompts.id  # data from the response, no request
        # objects where the request body takes their id (x-sdk-resource id-in)
        run = rl.runs.create(model=MODEL, prompt_file_id=prompts, reward_file_id=reward)
        created = [r for r in reference_server.requests if (r.method, r.path) == ("POST", "/runs")]
        assert created[-1].json["prompt_file_id"] == prompts.id
        assert created[-1].json["reward_file_id"] == reward.id
        assert run.wait(timeout=10) is run
        assert run.info().status == run.data.status
        assert list(run.stream_logs()) is not None
        assert run.metrics() is not None
        assert run.logs() is not None
        with run.deploy() as deployment:  # a link whose requestBody takes the run's id
            assert deployment.wait(timeout=10).data.id == deployment.id
            assert deployment.data.run_id == run.id
        assert ("DELETE", f"/deployments/{deployment.id}") in [
            (r.method, r.path) for r in reference_server.requests
        ]
        assert prompts.preview(lines=5) is not None
        prompts.delete()
        assert rl.files.retrieve(reward).id == reward.id  # an object where the id goes
        assert rl.api.files.retrieve(reward.id).id == reward.id
        token = rl.api_keys.create("ci")  # an ApiKeyTokenObject: id from /api_key/id
        assert token.id == token.data.api_key.id and token.usage() is not None
        listed = [k for k in rl.api_keys.list() if k.id == token.id]  # each item an object
        assert [type(k).__name__ for k in listed] == ["ApiKeyObject"]
        assert listed[0].update(name="renamed").data.name == "renamed"  # an object too
        token.delete()


def test_walkthrough_async(runrl: ModuleType, reference_server: Any) -> None:
    async def walk() -> None:
        async with runrl.AsyncRunRL(
            api_key=reference_server.api_key,
            base_url=reference_server.base_url,
            poll_interval=0.01,
            max_poll_timeout=10,
        ) as rl:
            assert isinstance(rl.api, runrl.AsyncRunRLClient)
            prompts = await rl.files.create_from_content(
                name="p",
                content='{"prompt": [{"role": "user", "content": "hi"}]}\n',
                file_type="prompt",
            )
            reward = await rl.files.create_from_content(
                name="r", content="def reward_fn(c, **k): return 1.0", file_type="reward_function"
            )
            run = await rl.runs.create(model=MODEL, prompt_file_id=prompts, reward_file_id=reward)
            await run.wait(timeout=10)
            assert (await run.info()).status == run.data.status
            assert await run.metrics() is not None
            async with await run.deploy() as deployment:
                await deployment.wait(timeout=10)
                assert deployment.data.run_id == run.id
            await prompts.delete()

    asyncio.run(walk())


RECIPE = {"model": MODEL, "reward_mode": "reward_function", "completion_length": 8, "epochs": 1}


def _page_numbers(reference_server: Any) -> list[str]:
    return [r.query.get("page", "1") for r in reference_server.requests_to("GET", "/files")]


def test_paged_lists_give_pages_of_objects_sync(runrl: ModuleType, reference_server: Any) -> None:
    """``files.list()`` is paginated (x-sdk-pagination): iterating the object page walks every
    page lazily and yields ``FileObject``s whose links work (annotation links on listFiles)."""
    with runrl.RunRL(api_key=reference_server.api_key, base_url=reference_server.base_url) as rl:
        made = [
            rl.files.create_from_content(name=f"f{i}", content="x\n", file_type=kind)
            for i, kind in enumerate(("prompt", "prompt", "reward_function"))
        ]
        reference_server.clear_requests()
        first = rl.files.list(per_page=2)
        assert type(first).__name__ == "ObjectPage" and len(first.items) == 2
        assert first.page.pagination.total == 3 and first.has_next_page()
        assert _page_numbers(reference_server) == ["1"]  # nothing fetched before it is needed
        listed = list(first)
        assert _page_numbers(reference_server) == ["1", "2"]
        assert [type(f).__name__ for f in listed] == ["FileObject"] * 3
        assert {f.id for f in listed} == {f.id for f in made}
        pages = list(rl.files.list(per_page=2).iter_pages())  # a page at a time
        assert [[type(f).__name__ for f in p.items] for p in pages] == [
            ["FileObject"] * 2,
            ["FileObject"],
        ]
        assert listed[-1].preview(lines=1) is not None  # a linked method of a listed item
        assert listed[-1].retrieve().id == listed[-1].id
        gone = next(f for f in listed if f.id == made[0].id)
        gone.delete()
        assert gone.id not in {f.id for f in rl.files.list()}
        config = rl.shared_configurations.create(
            name="tone",
            visibility="unlisted",
            prompt_file_id=made[1],
            reward_file_id=made[2],
            configuration=RECIPE,
        )
        (shared,) = list(rl.shared_configurations.list())  # style single: one page
        assert type(shared).__name__ == "SharedConfigurationObject"
        assert shared.id == config.id and shared.get().id == config.id


def test_paged_lists_give_pages_of_objects_async(runrl: ModuleType, reference_server: Any) -> None:
    async def walk() -> None:
        async with runrl.AsyncRunRL(
            api_key=reference_server.api_key, base_url=reference_server.base_url
        ) as rl:
            for i in range(3):
                await rl.files.create_from_content(name=f"f{i}", content="x\n", file_type="prompt")
            reference_server.clear_requests()
            first = await rl.files.list(per_page=2)
            assert type(first).__name__ == "AsyncObjectPage"
            assert _page_numbers(reference_server) == ["1"]
            listed = [f async for f in first]
            assert _page_numbers(reference_server) == ["1", "2"]
            assert [type(f).__name__ for f in listed] == ["AsyncFileObject"] * 3
            again = await rl.files.list(per_page=2)
            assert [len(p.items) async for p in again.aiter_pages()] == [2, 1]
            second = await (await rl.files.list(per_page=2)).aget_next_page()
            assert not second.has_next_page() and second.items[0].id == listed[2].id
            assert (await listed[2].retrieve()).id == listed[2].id  # a linked method
            shared = await rl.shared_configurations.list()
            assert [s async for s in shared] == []

    asyncio.run(walk())


def test_a_pointer_outside_the_enveloped_payload_is_located_in_the_annotations(
    tmp_path: Path,
) -> None:
    """RunRL wraps payloads in ``{"data": ...}``: a link must point inside ``/data`` (the
    object's data is the unwrapped payload); the error names the annotations file and line."""
    spec = VERSIONS[-1].spec
    copy = tmp_path / spec.name
    shutil.copy(spec, copy)
    (annotations,) = annotations_of(spec)
    data = yaml.safe_load(annotations.read_text(encoding="utf-8"))
    file_links = next(
        a["update"]["links"] for a in data["actions"] if "getFile" in a.get("target", "")
    )
    file_links["retrieve"]["parameters"]["fileId"] = "$response.body#/message"
    target = tmp_path / ANNOTATIONS_DIR / annotations.name
    target.parent.mkdir()
    target.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        build_api(load_spec(copy))
    assert "points outside the payload the method returns (/data)" in info.value.message
    assert info.value.pointer.endswith("/links/retrieve/parameters/fileId")
    assert info.value.file == str(target) and info.value.line is not None
