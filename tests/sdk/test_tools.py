"""``client.tools``: every method, on the sync and the async client."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.sdk._support import Api, assert_request, only_request
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio

URL = "https://mcp.example.com/search"


async def test_list_default(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    store = reference_server.app.store
    mine = store.add_tool(name="mine", mcp_url=URL)
    public = store.add_tool(name="shared", mcp_url=URL, is_public=True, owner_user_id=2)
    store.add_tool(name="hidden", mcp_url=URL, owner_user_id=2)

    page = await api.tools.list()

    assert_request(
        sdk,
        only_request(reference_server, "GET", "/tools"),
        "GET",
        "/tools",
        query={"owned_only": "false", "public_only": "false", "page": "1", "per_page": "20"},
    )
    assert isinstance(page, sdk.models.PagedResponse)
    assert [t.id for t in page.items] == [public["id"], mine["id"]]
    tool = page.items[0]
    assert isinstance(tool, sdk.models.Tool)
    assert tool.owner_user_id == 2 and tool.is_public is True and tool.verified is False
    assert page.pagination.total == 2


async def test_list_filters_send_booleans_as_true_false(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    store.add_tool(name="search one", mcp_url=URL, verified=True, is_public=True)
    store.add_tool(name="search two", mcp_url=URL)

    page = await api.tools.list(
        search="search",
        verified=True,
        owned_only=True,
        public_only=True,
        page=1,
        per_page=10,
        sort="name",
        direction="asc",
    )

    assert_request(
        sdk,
        reference_server.last_request,
        "GET",
        "/tools",
        query={
            "search": "search",
            "verified": "true",
            "owned_only": "true",
            "public_only": "true",
            "page": "1",
            "per_page": "10",
            "sort": "name",
            "direction": "asc",
        },
    )
    assert [t.name for t in page.items] == ["search one"]

    await api.tools.list(verified=False)
    assert reference_server.last_request.query["verified"] == "false"


async def test_create_without_description(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    tool = await api.tools.create("search", URL)

    assert_request(
        sdk,
        only_request(reference_server, "POST", "/tools"),
        "POST",
        "/tools",
        json={"name": "search", "mcp_url": URL},  # is_public: the server's default
    )
    assert isinstance(tool, sdk.models.Tool)
    assert tool.name == "search" and tool.mcp_url == URL
    assert tool.description is None
    assert tool.usage_count == 0 and tool.owner_user_id == 1


async def test_create_with_description_and_public(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    tool = await api.tools.create("search", URL, description="Web search", is_public=True)
    assert reference_server.last_request.json == {
        "name": "search",
        "mcp_url": URL,
        "description": "Web search",
        "is_public": True,
    }
    assert tool.description == "Web search" and tool.is_public is True


async def test_create_duplicate_name_is_a_validation_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    reference_server.app.store.add_tool(name="search", mcp_url=URL)
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.tools.create("search", URL)
    assert err.value.status_code == 422
    assert set(err.value.details) == {"name"}


async def test_test_connection(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    result = await api.tools.test_connection(URL)

    assert_request(
        sdk, reference_server.last_request, "POST", "/tools/test-mcp", json={"mcp_url": URL}
    )
    assert isinstance(result, sdk.models.McpTestResult)
    assert result["reachable"] is True
    assert result.tools == [{"name": "echo", "description": "Echo the input"}]


async def test_test_connection_unreachable(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    result = await api.tools.test_connection("https://unreachable.example.com/mcp")
    assert result["reachable"] is False
    assert result["error"] == "Connection refused"


async def test_get(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = reference_server.app.store.add_tool(name="search", mcp_url=URL, description="d")

    tool = await api.tools.get(seeded["id"])

    assert_request(sdk, reference_server.last_request, "GET", f"/tools/{seeded['id']}")
    assert isinstance(tool, sdk.models.Tool)
    assert (tool.id, tool.name, tool.description) == (seeded["id"], "search", "d")
    assert tool.created_at is not None


async def test_update_sends_only_what_changes(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = reference_server.app.store.add_tool(name="search", mcp_url=URL, description="d")

    tool = await api.tools.update(seeded["id"], name="renamed")

    assert_request(
        sdk,
        reference_server.last_request,
        "PUT",
        f"/tools/{seeded['id']}",
        json={"name": "renamed"},
    )
    assert isinstance(tool, sdk.models.Tool)
    assert tool.name == "renamed" and tool.description == "d"


async def test_update_can_clear_the_description(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = reference_server.app.store.add_tool(name="search", mcp_url=URL, description="d")

    tool = await api.tools.update(seeded["id"], description=None, is_public=True)

    assert reference_server.last_request.json == {"description": None, "is_public": True}
    assert tool.description is None and tool.is_public is True


async def test_update_of_another_users_tool_is_forbidden(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    other = reference_server.app.store.add_tool(
        name="theirs", mcp_url=URL, is_public=True, owner_user_id=2
    )
    with pytest.raises(sdk.exceptions.AuthorizationError) as err:
        await api.tools.update(other["id"], name="mine now")
    assert err.value.status_code == 403
    assert err.value.code == "forbidden"
    assert isinstance(err.value, sdk.exceptions.PermissionDeniedError)


async def test_delete(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = reference_server.app.store.add_tool(name="search", mcp_url=URL)

    assert await api.tools.delete(seeded["id"]) is None

    assert_request(sdk, reference_server.last_request, "DELETE", f"/tools/{seeded['id']}")
    assert seeded["id"] not in reference_server.app.store.tools
    with pytest.raises(sdk.exceptions.NotFoundError) as err:
        await api.tools.get(seeded["id"])
    assert err.value.code == "not_found"
