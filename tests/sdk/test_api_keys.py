"""``client.api_keys``: every method (sync and async), and what the keys it makes can do."""

from __future__ import annotations

from datetime import UTC, datetime
from types import ModuleType

import pytest

from tests.sdk._support import Api, assert_request, only_request
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio


async def test_list(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    reference_server.add_token("rl_read_only", ["read"])

    keys = await api.api_keys.list()

    assert_request(sdk, reference_server.last_request, "GET", "/keys")
    assert isinstance(keys, list) and len(keys) == 2
    assert all(isinstance(k, sdk.models.ApiKey) for k in keys)
    main, reader = keys
    assert main.scopes == [sdk.models.Scope.READ, sdk.models.Scope.WRITE, sdk.models.Scope.ADMIN]
    assert reader.scopes == ["read"]
    assert isinstance(reader.scopes[0], sdk.models.Scope)
    assert main.active is True and main.requests_per_hour == 10_000
    assert main.total_requests == 1  # this very request
    assert "rl_test_key" not in repr(keys)  # only the masked key is listed


async def test_create(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    expires = datetime(2099, 1, 1, tzinfo=UTC)

    created = await api.api_keys.create(
        "ci", scopes=["read"], requests_per_hour=100, expires_at=expires
    )

    rec = only_request(reference_server, "POST", "/keys")
    assert_request(sdk, rec, "POST", "/keys")
    assert rec.json is not None
    assert {k: v for k, v in rec.json.items() if k != "expires_at"} == {
        "name": "ci",
        "scopes": ["read"],
        "requests_per_hour": 100,
    }
    assert datetime.fromisoformat(rec.json["expires_at"].replace("Z", "+00:00")) == expires
    assert isinstance(created, sdk.models.ApiKeyToken)
    assert isinstance(created.api_key, sdk.models.ApiKey)
    assert created.api_key.name == "ci"
    assert created.api_key.scopes == [sdk.models.Scope.READ]
    assert created.api_key.expires_at == expires
    assert created.token.startswith("rl_")
    assert created.warning


async def test_create_with_name_only(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    created = await api.api_keys.create("plain")
    assert reference_server.last_request.json == {"name": "plain"}
    assert created.api_key.scopes == ["read", "write"]  # the server default


async def test_a_created_read_only_key_reads_but_may_not_write(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    created = await api.api_keys.create("reader", scopes=["read"])

    with sdk.RunRLClient(api_key=created.token, base_url=reference_server.base_url) as reader:
        assert reader.files.list().items == []
        assert reference_server.last_request.headers["authorization"] == f"Bearer {created.token}"
        with pytest.raises(sdk.exceptions.AuthorizationError) as err:
            reader.files.create_from_content("n", "c", "reward_function")
    assert err.value.status_code == 403
    assert err.value.code == "forbidden"
    assert reference_server.app.store.files == {}


async def test_update(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    key = reference_server.app.add_token("rl_second_key", ["read"])

    updated = await api.api_keys.update(
        key.id, name="renamed", scopes=["read", "write"], requests_per_hour=50
    )

    assert_request(
        sdk,
        reference_server.last_request,
        "PUT",
        f"/keys/{key.id}",
        json={"name": "renamed", "scopes": ["read", "write"], "requests_per_hour": 50},
    )
    assert isinstance(updated, sdk.models.ApiKey)
    assert updated.name == "renamed"
    assert updated.scopes == [sdk.models.Scope.READ, sdk.models.Scope.WRITE]
    assert updated.requests_per_hour == 50


async def test_update_expiry(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    key = reference_server.app.add_token("rl_second_key", ["read"])
    expires = datetime(2099, 6, 1, 12, 0, tzinfo=UTC)

    updated = await api.api_keys.update(key.id, expires_at=expires)

    body = reference_server.last_request.json
    assert set(body) == {"expires_at"}
    assert datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00")) == expires
    assert updated.expires_at == expires

    cleared = await api.api_keys.update(key.id, expires_at=None)
    assert reference_server.last_request.json == {"expires_at": None}
    assert cleared.expires_at is None


async def test_deactivated_key_is_rejected(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    key = reference_server.app.add_token("rl_second_key", ["read"])

    updated = await api.api_keys.update(key.id, active=False)

    assert reference_server.last_request.json == {"active": False}
    assert updated.active is False
    with sdk.RunRLClient(api_key="rl_second_key", base_url=reference_server.base_url) as c:
        with pytest.raises(sdk.exceptions.AuthenticationError) as err:
            c.health()
    assert err.value.status_code == 401


async def test_delete(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    key = reference_server.app.add_token("rl_second_key", ["read"])

    assert await api.api_keys.delete(key.id) is None

    assert_request(sdk, reference_server.last_request, "DELETE", f"/keys/{key.id}")
    assert key.id not in reference_server.app.store.keys


async def test_usage(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    key = reference_server.app.add_token("rl_second_key", ["read"])

    usage = await api.api_keys.usage(key.id)

    assert_request(sdk, reference_server.last_request, "GET", f"/keys/{key.id}/usage")
    assert isinstance(usage, sdk.models.ApiKeyUsage)
    assert usage["key_id"] == key.id
    assert usage.total_requests == 0
    assert usage["requests_per_hour"] == 10_000


async def test_unknown_key_is_not_found(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.NotFoundError) as err:
        await api.api_keys.usage(999)
    assert err.value.status_code == 404
    assert err.value.code == "not_found"


async def test_create_rejects_bad_arguments_before_sending(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.api_keys.create("k", requests_per_hour=0)
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.api_keys.create("k", scopes="read")
    assert reference_server.requests == []


async def test_create_with_an_unknown_scope_is_a_server_validation_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    # Each item of a list argument is checked like the argument itself: refused before sending.
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.api_keys.create("k", scopes=["superuser"])
    assert err.value.status_code is None
    assert "scopes [0] must be one of 'read', 'write', 'admin'" in str(err.value)
    assert reference_server.requests == []
    # Past the client's check (extra_body), the server's 422 maps to the same exception.
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.api_keys.create("k", extra_body={"scopes": ["superuser"]})
    assert err.value.status_code == 422
    assert set(err.value.details) == {"scopes"}
