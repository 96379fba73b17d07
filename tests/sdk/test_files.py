"""``client.files``: every method, sync and async, against the reference server."""

from __future__ import annotations

import io
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.sdk._support import (
    PROMPT_JSONL,
    REWARD_CODE,
    Api,
    assert_request,
    only_request,
    seed_file,
    seed_run,
)
from tests.server import ReferenceServer, UploadedFile

pytestmark = pytest.mark.anyio


# ------------------------------------------------------------------------------------------ list


async def test_list_sends_default_page_and_returns_typed_page(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    older = seed_file(store, name="older", file_type="prompt")
    newer = seed_file(store, name="newer", file_type="reward_function")

    page = await api.files.list()

    assert_request(sdk, only_request(reference_server, "GET", "/files"), "GET", "/files",
                   query={"page": "1", "per_page": "20"})  # fmt: skip
    assert isinstance(page, sdk.models.PagedResponse)
    assert [f.id for f in page.items] == [newer["id"], older["id"]]  # newest first
    first = page.items[0]
    assert isinstance(first, sdk.models.File)
    assert first.type is sdk.models.FileType.REWARD_FUNCTION
    assert first.type == "reward_function"
    assert first.file_size == len(REWARD_CODE.encode())
    assert first.created_at is not None and first.created_at.year >= 2024  # a datetime
    assert page.pagination.total == 2
    assert page.pagination["total_pages"] == 1
    assert page.pagination.has_more is False


async def test_list_sends_every_filter(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    seed_file(store, name="alpha prompts", file_type="prompt")
    seed_file(store, name="beta prompts", file_type="prompt")
    seed_file(store, name="alpha reward", file_type="reward_function")

    page = await api.files.list(
        type="prompt", search="alpha", page=1, per_page=5, sort="name", direction="asc"
    )

    assert_request(
        sdk,
        reference_server.last_request,
        "GET",
        "/files",
        query={
            "type": "prompt",
            "search": "alpha",
            "page": "1",
            "per_page": "5",
            "sort": "name",
            "direction": "asc",
        },
    )
    assert [f.name for f in page.items] == ["alpha prompts"]


async def test_list_accepts_the_enum_for_type(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    await api.files.list(type=sdk.models.FileType.SFT)
    assert reference_server.last_request.query["type"] == "sft"


async def test_iterating_a_page_walks_every_page_lazily(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    ids = [seed_file(store, name=f"f{i}")["id"] for i in range(5)]
    expected = list(reversed(ids))

    page = await api.files.list(per_page=2)
    assert len(reference_server.requests_to("GET", "/files")) == 1

    # Lazily: the first two items need no further request, the third one fetches page 2.
    first_two, it = await api.take(page, 2)
    assert len(reference_server.requests_to("GET", "/files")) == 1
    third, _ = await api.take(it, 1)
    assert len(reference_server.requests_to("GET", "/files")) == 2
    rest = await api.collect(it)

    assert [f.id for f in first_two + third + rest] == expected
    assert all(isinstance(f, sdk.models.File) for f in first_two + third + rest)
    pages = [r.query for r in reference_server.requests_to("GET", "/files")]
    assert pages == [{"page": str(n), "per_page": "2"} for n in (1, 2, 3)]


async def test_iterating_collects_all_items(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    ids = [seed_file(store, name=f"f{i}")["id"] for i in range(3)]
    page = await api.files.list(per_page=2)
    assert sorted(f.id for f in await api.collect(page)) == sorted(ids)
    assert [r.query["page"] for r in reference_server.requests_to("GET", "/files")] == ["1", "2"]


async def test_list_rejects_bad_arguments_before_sending(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.files.list(per_page=0)
    assert err.value.status_code is None
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.files.list(per_page=101)
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.files.list(type="video")
    assert reference_server.requests == []


# ------------------------------------------------------------------------------------------ create


async def test_upload_path_sends_multipart_file_type_and_name(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, tmp_path: Path
) -> None:
    path = tmp_path / "math_prompts.jsonl"
    path.write_bytes(PROMPT_JSONL)

    uploaded = await api.files.upload_path(str(path), file_type="prompt", name="math")

    rec = only_request(reference_server, "POST", "/files")
    assert_request(sdk, rec, "POST", "/files")
    assert rec.headers["content-type"].startswith("multipart/form-data")
    assert rec.form is not None
    assert set(rec.form) == {"file", "type", "name"}
    assert rec.form["type"] == "prompt"
    assert rec.form["name"] == "math"
    upload = rec.form["file"]
    assert isinstance(upload, UploadedFile)
    assert upload.filename == "math_prompts.jsonl"
    assert upload.content == PROMPT_JSONL

    assert isinstance(uploaded, sdk.models.File)
    assert uploaded.name == "math"
    assert uploaded.type == "prompt" and isinstance(uploaded.type, sdk.models.FileType)
    assert uploaded.original_filename == "math_prompts.jsonl"
    assert uploaded.file_size == len(PROMPT_JSONL)
    assert reference_server.app.store.file_content[uploaded.id] == PROMPT_JSONL


async def test_upload_path_without_name_and_from_path_objects(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, tmp_path: Path
) -> None:
    path = tmp_path / "reward.py"
    path.write_text(REWARD_CODE)

    uploaded = await api.files.upload_path(path, file_type=sdk.models.FileType.REWARD_FUNCTION)

    rec = reference_server.last_request
    assert rec.form is not None
    assert set(rec.form) == {"file", "type"}  # no name sent when none was given
    assert rec.form["type"] == "reward_function"
    assert uploaded.name == "reward.py"
    assert uploaded.type is sdk.models.FileType.REWARD_FUNCTION


async def test_upload_path_accepts_bytes_and_file_objects(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    from_bytes = await api.files.upload_path(PROMPT_JSONL, file_type="prompt", name="raw")
    from_io = await api.files.upload_path(io.BytesIO(PROMPT_JSONL), file_type="prompt", name="io")
    store = reference_server.app.store
    assert store.file_content[from_bytes.id] == PROMPT_JSONL
    assert store.file_content[from_io.id] == PROMPT_JSONL
    assert len(reference_server.requests_to("POST", "/files")) == 2


async def test_upload_path_rejects_unknown_file_type_before_sending(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.files.upload_path(PROMPT_JSONL, file_type="dataset")
    assert reference_server.requests == []


async def test_create_from_content_sends_name_content_and_type(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    created = await api.files.create_from_content(
        name="fruit_reward", file_type="reward_function", content=REWARD_CODE
    )

    assert_request(
        sdk,
        only_request(reference_server, "POST", "/files"),
        "POST",
        "/files",
        json={"name": "fruit_reward", "content": REWARD_CODE, "type": "reward_function"},
    )
    assert isinstance(created, sdk.models.File)
    assert created.name == "fruit_reward"
    assert created.type is sdk.models.FileType.REWARD_FUNCTION
    assert created.file_size == len(REWARD_CODE.encode())


async def test_create_from_content_positional_and_original_filename(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    created = await api.files.create_from_content(
        "env", "class Env:\n    pass\n", "environment", original_filename="env.py"
    )
    assert reference_server.last_request.json == {
        "name": "env",
        "content": "class Env:\n    pass\n",
        "type": "environment",
        "original_filename": "env.py",
    }
    assert created.original_filename == "env.py"
    assert created.type == "environment"


# ------------------------------------------------------------------------------ one file by id


async def test_retrieve(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    rec = seed_file(reference_server.app.store, name="prompts")

    got = await api.files.retrieve(rec["id"])

    assert_request(sdk, reference_server.last_request, "GET", f"/files/{rec['id']}")
    assert isinstance(got, sdk.models.File)
    assert got.id == rec["id"] and got.name == "prompts"
    assert got.type is sdk.models.FileType.PROMPT
    assert got.download_url == rec["download_url"]


async def test_update_renames(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    rec = seed_file(reference_server.app.store, name="before")

    got = await api.files.update(rec["id"], name="after")

    assert_request(
        sdk, reference_server.last_request, "PUT", f"/files/{rec['id']}", json={"name": "after"}
    )
    assert isinstance(got, sdk.models.File)
    assert got.name == "after"


async def test_update_replaces_code(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    rec = seed_file(reference_server.app.store, name="reward", file_type="reward_function")
    code = "def reward_fn(completion, **kwargs):\n    return 0.5\n"

    got = await api.files.update(rec["id"], content=code)

    assert reference_server.last_request.json == {"content": code}
    assert got.file_size == len(code)
    assert reference_server.app.store.file_content[rec["id"]] == code.encode()


async def test_delete_soft(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    rec = seed_file(reference_server.app.store)

    result = await api.files.delete(rec["id"])

    assert result is None
    assert_request(
        sdk,
        reference_server.last_request,
        "DELETE",
        f"/files/{rec['id']}",
        query={"force": "false"},
    )
    assert rec["id"] in reference_server.app.store.deleted_files
    with pytest.raises(sdk.exceptions.NotFoundError):
        await api.files.retrieve(rec["id"])


async def test_delete_force(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    rec = seed_file(reference_server.app.store)

    assert await api.files.delete(rec["id"], force=True) is None

    assert_request(
        sdk, reference_server.last_request, "DELETE", f"/files/{rec['id']}", query={"force": "true"}
    )
    assert rec["id"] not in reference_server.app.store.files  # purged


async def test_delete_of_a_file_in_use_is_a_bad_request(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    prompt = seed_file(store)
    reward = seed_file(store, name="r", file_type="reward_function")
    seed_run(store, prompt_file_id=prompt["id"], reward_file_id=reward["id"])

    with pytest.raises(sdk.exceptions.BadRequestError) as err:
        await api.files.delete(prompt["id"])
    assert err.value.status_code == 400
    assert err.value.code == "bad_request"
    assert err.value.details == {"active_run_ids": [1]}


async def test_preview(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    rec = seed_file(reference_server.app.store)

    preview = await api.files.preview(rec["id"], lines=1)

    assert_request(
        sdk,
        reference_server.last_request,
        "GET",
        f"/files/{rec['id']}/preview",
        query={"lines": "1"},
    )
    assert isinstance(preview, sdk.models.FilePreview)
    assert preview.lines == [PROMPT_JSONL.decode().splitlines()[0]]
    assert preview.truncated is True
    assert preview["total_lines"] == 2  # a member the model does not declare


async def test_preview_default_lines(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    rec = seed_file(reference_server.app.store)
    preview = await api.files.preview(rec["id"])
    assert reference_server.last_request.query == {"lines": "20"}
    assert preview.truncated is False
    assert preview.preview == PROMPT_JSONL.decode().rstrip("\n")


async def test_content_returns_the_text(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    text = "line one\nzwei – ünïcode ✓\n"
    rec = seed_file(reference_server.app.store, file_type="reward_function", content=text.encode())

    content = await api.files.content(rec["id"])

    assert_request(sdk, reference_server.last_request, "GET", f"/files/{rec['id']}/content")
    assert type(content) is str
    assert content == text


async def test_download_returns_the_exact_bytes(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    blob = bytes(range(256)) + b"\r\n\x00{not json"
    rec = seed_file(reference_server.app.store, content=blob)

    data = await api.files.download(rec["id"])

    assert_request(sdk, reference_server.last_request, "GET", f"/files/{rec['id']}/download")
    assert type(data) is bytes
    assert data == blob


async def test_download_accepts_octet_stream(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    rec = seed_file(reference_server.app.store)
    await api.files.download(rec["id"])
    accept = reference_server.last_request.headers.get("accept", "")
    assert "application/octet-stream" in accept or "*/*" in accept


async def test_unknown_file_is_not_found(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.NotFoundError) as err:
        await api.files.retrieve("3f1c2a9e-0000-4000-8000-000000000000")
    assert err.value.status_code == 404
    assert err.value.code == "not_found"
    assert "not found" in err.value.message


async def test_path_parameters_are_escaped(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.NotFoundError):
        await api.files.retrieve("a/b?c")
    rec = reference_server.last_request
    # Sent as one escaped segment (the server decodes it): "?" did not start a query string.
    assert rec.path == "/files/a/b?c"
    assert rec.query == {}


# ------------------------------------------------------------------ the documented loop forms


def test_for_loop_over_a_sync_page(
    client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    ids = [seed_file(reference_server.app.store, name=f"f{i}")["id"] for i in range(5)]
    seen = []
    for f in client.files.list(per_page=2):
        seen.append(f.id)
        # Lazily: page n is fetched only once the items before it are consumed.
        assert len(reference_server.requests) == (len(seen) + 1) // 2
    assert seen == list(reversed(ids))
    assert [r.query["page"] for r in reference_server.requests] == ["1", "2", "3"]


async def test_async_for_loop_over_an_async_page(
    async_client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    ids = [seed_file(reference_server.app.store, name=f"f{i}")["id"] for i in range(5)]
    seen = []
    async for f in await async_client.files.list(per_page=2):
        assert isinstance(f, sdk.models.File)
        seen.append(f.id)
        assert len(reference_server.requests) == (len(seen) + 1) // 2
    assert seen == list(reversed(ids))
    assert [r.query["page"] for r in reference_server.requests] == ["1", "2", "3"]
