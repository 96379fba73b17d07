"""``client.search``: global search (sync and async)."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.sdk._support import Api, assert_request, seed_file, seed_run
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio


async def test_query(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    store = reference_server.app.store
    prompt = seed_file(store, name="banana prompts")
    reward = seed_file(store, name="reward", file_type="reward_function")
    run = seed_run(
        store,
        model="acme/banana-7b",
        status="COMPLETED",
        prompt_file_id=prompt["id"],
        reward_file_id=reward["id"],
    )
    seed_run(store, model="acme/apple-7b", prompt_file_id=prompt["id"], reward_file_id=reward["id"])
    tool = store.add_tool(name="Banana facts", mcp_url="https://mcp.example.com/b")
    store.add_tool(name="private banana", mcp_url="https://x.example.com", owner_user_id=2)

    results = await api.search.query("banana")

    assert_request(sdk, reference_server.last_request, "GET", "/search", query={"q": "banana"})
    assert isinstance(results, sdk.models.SearchResults)
    assert results.runs is not None and results.tools is not None and results.files is not None
    assert [r.id for r in results.runs] == [run["id"]]
    assert isinstance(results.runs[0], sdk.models.RunSummary)
    assert results.runs[0].status is sdk.models.RunStatus.COMPLETED
    assert results.runs[0].model == "acme/banana-7b"
    assert [t.id for t in results.tools] == [tool["id"]]
    assert isinstance(results.tools[0], sdk.models.ToolSummary)
    assert results.tools[0].name == "Banana facts"
    assert [f.id for f in results.files] == [prompt["id"]]
    assert isinstance(results.files[0], sdk.models.FileSummary)
    assert results.files[0].type is sdk.models.FileType.PROMPT
    assert results["query"] == "banana"


async def test_query_is_url_encoded(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    results = await api.search.query("a&b=c d")
    assert reference_server.last_request.query == {"q": "a&b=c d"}
    assert results.runs == [] and results.files == []


async def test_empty_query_is_a_server_validation_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.search.query("")
    assert err.value.status_code == 422
    assert err.value.code == "validation_error"
    assert err.value.details == {"q": ["The q field is required."]}
