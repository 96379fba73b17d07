"""``client.shared_configurations``: every method, on the sync and the async client."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from tests.sdk._support import (
    PROMPT_JSONL,
    REWARD_CODE,
    Api,
    assert_request,
    only_request,
    seed_files,
)
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio

RECIPE = {
    "model": "Qwen/Qwen2.5-3B-Instruct",
    "reward_mode": "reward_function",
    "completion_length": 256,
    "epochs": 2,
}


def seed_shared(
    server: ReferenceServer,
    *,
    name: str = "Support Tone",
    visibility: str = "unlisted",
    owner_user_id: int = 1,
    configuration: dict[str, Any] | None = None,
    description: str | None = None,
) -> dict[str, Any]:
    store = server.app.store
    prompt_id, reward_id = seed_files(store)
    return store.add_shared(
        name=name,
        visibility=visibility,
        prompt_file_id=prompt_id,
        reward_file_id=reward_id,
        configuration=configuration or RECIPE,
        description=description,
        owner_user_id=owner_user_id,
    )


async def test_list(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    older = seed_shared(reference_server, name="older")
    newer = seed_shared(reference_server, name="newer")
    seed_shared(reference_server, name="someone else's", owner_user_id=2, visibility="public")

    page = await api.shared_configurations.list()

    assert_request(sdk, reference_server.last_request, "GET", "/shared-configurations")
    assert isinstance(page, sdk.models.PagedResponse)
    assert [c.uuid for c in page.items] == [newer["uuid"], older["uuid"]]
    assert all(isinstance(c, sdk.models.SharedConfiguration) for c in page.items)
    assert page.items[0].visibility is sdk.models.Visibility.UNLISTED
    assert page.items[0].is_owner is True
    # A plain list on the wire: one page, nothing more to fetch.
    assert not page.has_next_page()
    assert len(await api.collect(page)) == 2
    assert len(reference_server.requests) == 1


async def test_create(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)

    config = await api.shared_configurations.create(
        name="Support Tone",
        visibility="unlisted",
        prompt_file_id=prompt_id,
        reward_file_id=reward_id,
        configuration=RECIPE,
    )

    assert_request(
        sdk,
        only_request(reference_server, "POST", "/shared-configurations"),
        "POST",
        "/shared-configurations",
        json={
            "name": "Support Tone",
            "visibility": "unlisted",
            "prompt_file_id": prompt_id,
            "reward_file_id": reward_id,
            "configuration": RECIPE,
        },
    )
    assert isinstance(config, sdk.models.SharedConfiguration)
    assert config.name == "Support Tone"
    assert config.visibility is sdk.models.Visibility.UNLISTED
    assert config.configuration == RECIPE
    assert config.shareable_url == f"https://runrl.com/shared/{config.uuid}"
    assert config.creator == {"id": 1, "name": "Test User"}
    assert config.description is None


async def test_create_with_description_and_enum(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    config = await api.shared_configurations.create(
        name="n",
        visibility=sdk.models.Visibility.PRIVATE,
        prompt_file_id=prompt_id,
        reward_file_id=reward_id,
        configuration={"model": "m"},
        description="why",
    )
    body = reference_server.last_request.json
    assert body["visibility"] == "private" and body["description"] == "why"
    assert config.visibility is sdk.models.Visibility.PRIVATE


async def test_create_with_unknown_files_is_a_validation_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.shared_configurations.create(
            name="n",
            visibility="public",
            prompt_file_id="nope",
            reward_file_id="nope",
            configuration={},
        )
    assert err.value.status_code == 422
    assert set(err.value.details) == {"prompt_file_id", "reward_file_id"}


async def test_browse_default(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    public = seed_shared(reference_server, visibility="public", owner_user_id=2)
    seed_shared(reference_server, visibility="private")

    page = await api.shared_configurations.browse()

    assert_request(
        sdk,
        reference_server.last_request,
        "GET",
        "/shared-configurations/browse",
        query={"page": "1", "per_page": "20"},
    )
    assert isinstance(page, sdk.models.PagedResponse)
    assert [c.uuid for c in page.items] == [public["uuid"]]
    assert page.items[0].is_owner is False
    assert page.pagination.total == 1


async def test_browse_filters(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    wanted = seed_shared(reference_server, name="Tone", visibility="public")
    seed_shared(reference_server, name="Tone", visibility="public", configuration={"model": "x"})

    page = await api.shared_configurations.browse(
        model=RECIPE["model"],
        reward_mode="reward_function",
        visibility="public",
        search="tone",
        page=1,
        per_page=5,
    )

    assert_request(
        sdk,
        reference_server.last_request,
        "GET",
        "/shared-configurations/browse",
        query={
            "model": str(RECIPE["model"]),
            "reward_mode": "reward_function",
            "visibility": "public",
            "search": "tone",
            "page": "1",
            "per_page": "5",
        },
    )
    assert [c.uuid for c in page.items] == [wanted["uuid"]]


async def test_get(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_shared(reference_server)

    config = await api.shared_configurations.get(seeded["uuid"])

    assert_request(
        sdk, reference_server.last_request, "GET", f"/shared-configurations/{seeded['uuid']}"
    )
    assert isinstance(config, sdk.models.SharedConfiguration)
    assert config.uuid == seeded["uuid"]
    assert config.files is not None
    assert config.files["prompt_file"]["id"] == seeded["prompt_file_id"]
    assert config.stats is not None and config.stats["views"] == 1


async def test_get_private_of_another_user_is_forbidden(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = seed_shared(reference_server, visibility="private", owner_user_id=2)
    with pytest.raises(sdk.exceptions.AuthorizationError) as err:
        await api.shared_configurations.get(seeded["uuid"])
    assert err.value.status_code == 403


async def test_update(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_shared(reference_server)

    config = await api.shared_configurations.update(
        seeded["uuid"], name="Renamed", visibility="public", configuration={"model": "m2"}
    )

    assert_request(
        sdk,
        reference_server.last_request,
        "PUT",
        f"/shared-configurations/{seeded['uuid']}",
        json={"name": "Renamed", "visibility": "public", "configuration": {"model": "m2"}},
    )
    assert isinstance(config, sdk.models.SharedConfiguration)
    assert config.name == "Renamed"
    assert config.visibility is sdk.models.Visibility.PUBLIC
    assert config.configuration == {"model": "m2"}


async def test_update_description_only(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = seed_shared(reference_server)
    config = await api.shared_configurations.update(seeded["uuid"], description="new text")
    assert reference_server.last_request.json == {"description": "new text"}
    assert config.description == "new text" and config.name == "Support Tone"


async def test_delete(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_shared(reference_server)

    assert await api.shared_configurations.delete(seeded["uuid"]) is None

    assert_request(
        sdk, reference_server.last_request, "DELETE", f"/shared-configurations/{seeded['uuid']}"
    )
    with pytest.raises(sdk.exceptions.NotFoundError):
        await api.shared_configurations.get(seeded["uuid"])


async def test_data(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_shared(reference_server)

    data = await api.shared_configurations.data(seeded["uuid"])

    assert_request(
        sdk,
        reference_server.last_request,
        "GET",
        f"/shared-configurations/{seeded['uuid']}/data",
    )
    assert isinstance(data, sdk.models.SharedConfigurationData)
    assert data["uuid"] == seeded["uuid"]
    assert data["prompt_preview"] == PROMPT_JSONL.decode().rstrip("\n")
    assert data.reward_code == REWARD_CODE.rstrip("\n")


async def test_copy(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_shared(reference_server, visibility="public", owner_user_id=2)

    copied = await api.shared_configurations.copy(seeded["uuid"])

    assert_request(
        sdk,
        reference_server.last_request,
        "POST",
        f"/shared-configurations/{seeded['uuid']}/copy",
    )
    assert isinstance(copied, sdk.models.SharedConfigurationCopy)
    store = reference_server.app.store
    assert copied.uuid in store.shared and copied.uuid != seeded["uuid"]
    assert copied["prompt_file_id"] == copied.prompt_file_id
    assert copied["prompt_file_id"] != seeded["prompt_file_id"]  # a copy in our account
    assert store.file_content[copied["prompt_file_id"]] == PROMPT_JSONL
    assert store.files[copied.reward_file_id]["type"] == "reward_function"
    assert copied["source_uuid"] == seeded["uuid"]


async def test_like_toggles(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_shared(reference_server, visibility="public", owner_user_id=2)

    liked = await api.shared_configurations.like(seeded["uuid"])

    assert_request(
        sdk,
        reference_server.last_request,
        "POST",
        f"/shared-configurations/{seeded['uuid']}/like",
    )
    assert isinstance(liked, sdk.models.LikeResult)
    assert liked.liked is True
    unliked = await api.shared_configurations.like(seeded["uuid"])
    assert unliked.liked is False
    # The two POSTs are two operations: each has its own Idempotency-Key.
    keys = [
        r.headers["idempotency-key"]
        for r in reference_server.requests_to("POST", r"/shared-configurations/.+/like")
    ]
    assert len(set(keys)) == 2


async def test_unknown_configuration_is_not_found(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.NotFoundError) as err:
        await api.shared_configurations.data("00000000-0000-4000-8000-000000000000")
    assert err.value.status_code == 404
    assert err.value.code == "not_found"
