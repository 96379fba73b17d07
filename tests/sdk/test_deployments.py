"""``client.deployments``: every method (sync and async), and the deployment polling future."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from tests.sdk._support import Api, assert_request, only_request, seed_run
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio


def completed_run(server: ReferenceServer, model: str = "Qwen/Qwen2.5-3B-Instruct") -> int:
    return int(seed_run(server.app.store, model=model, status="COMPLETED")["id"])


def seed_deployment(server: ReferenceServer, run_id: int | None = None) -> dict[str, Any]:
    store = server.app.store
    with store.lock:
        return store.add_deployment(run_id if run_id is not None else completed_run(server))


async def test_list_default(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    first = seed_deployment(reference_server)
    second = seed_deployment(reference_server)

    page = await api.deployments.list()

    assert_request(
        sdk,
        reference_server.last_request,
        "GET",
        "/deployments",
        query={"page": "1", "per_page": "20"},
    )
    assert isinstance(page, sdk.models.PagedResponse)
    assert [d.id for d in page.items] == [second["id"], first["id"]]
    assert all(isinstance(d, sdk.models.Deployment) for d in page.items)
    assert page.items[0].status is sdk.models.DeploymentStatus.PENDING
    assert page.items[0].status == "pending"
    assert page.pagination.total == 2


async def test_list_filters(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    wanted = seed_deployment(reference_server)
    seed_deployment(reference_server)

    page = await api.deployments.list(status="pending", run_id=wanted["run_id"], per_page=5)

    assert_request(
        sdk,
        reference_server.last_request,
        "GET",
        "/deployments",
        query={"status": "pending", "run_id": str(wanted["run_id"]), "page": "1", "per_page": "5"},
    )
    assert [d.id for d in page.items] == [wanted["id"]]


async def test_create_returns_a_future_that_reaches_active(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    run_id = completed_run(reference_server)

    future = await api.deployments.create(run_id)

    assert_request(
        sdk,
        only_request(reference_server, "POST", "/deployments"),
        "POST",
        "/deployments",
        json={"run_id": run_id},
    )
    expected_type = sdk.AsyncRunRLPollingFuture if api.is_async else sdk.RunRLPollingFuture
    assert isinstance(future, expected_type)
    initial = future.initial
    assert isinstance(initial, sdk.models.Deployment)
    assert initial.status is sdk.models.DeploymentStatus.PENDING
    assert initial.run_id == run_id
    assert initial.run is not None and initial.run["status"] == "COMPLETED"
    assert not future.done()

    deployment = await api.aw(future.result())

    assert isinstance(deployment, sdk.models.Deployment)
    assert deployment.status is sdk.models.DeploymentStatus.ACTIVE
    assert deployment.status == "active"
    assert deployment.api_url.endswith(f"/deployments/{deployment.id}")
    polls = reference_server.requests_to("GET", r"/deployments/\d+")
    assert len(polls) == 2
    for rec in polls:
        assert_request(sdk, rec, "GET", f"/deployments/{deployment.id}")


async def test_awaiting_the_async_future(
    async_client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    future = await async_client.deployments.create(completed_run(reference_server))
    deployment = await future
    assert isinstance(deployment, sdk.models.Deployment)
    assert deployment.status is sdk.models.DeploymentStatus.ACTIVE


async def test_a_failing_deployment_raises(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    future = await api.deployments.create(completed_run(reference_server, "acme/deploy-fail-7b"))

    with pytest.raises(sdk.exceptions.PollingFailedError) as err:
        await api.aw(future.result())

    final = err.value.result
    assert isinstance(final, sdk.models.Deployment)
    assert final.status is sdk.models.DeploymentStatus.FAILED
    assert "failed" in str(err.value)


async def test_future_cancel_deletes_the_deployment(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    future = await api.deployments.create(completed_run(reference_server))
    dep_id = future.initial.id

    assert await api.aw(future.cancel()) is True

    assert_request(
        sdk,
        only_request(reference_server, "DELETE", rf"/deployments/{dep_id}"),
        "DELETE",
        f"/deployments/{dep_id}",
    )
    assert reference_server.app.store.deployments[dep_id]["status"] == "deleted"
    with pytest.raises(sdk.exceptions.PollingCancelledError):
        await api.aw(future.result())


async def test_create_for_an_unfinished_run_is_a_validation_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    run_id = seed_run(reference_server.app.store, status="RUNNING")["id"]
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.deployments.create(run_id)
    assert err.value.status_code == 422
    assert err.value.code == "validation_error"
    assert "run_id" in err.value.details


async def test_create_rejects_a_non_integer_run_id_before_sending(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.deployments.create("12")
    assert reference_server.requests == []


async def test_check(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    run_id = completed_run(reference_server)

    check = await api.deployments.check(run_id)

    assert_request(
        sdk,
        reference_server.last_request,
        "POST",
        "/deployments/check",
        json={"run_id": run_id},
    )
    assert isinstance(check, sdk.models.DeploymentCheck)
    assert check.deployable is True
    assert check.reasons == []
    assert check["checks"]["checkpoint_exists"] is True
    assert check.hf_name == f"runrl/run-{run_id}"


async def test_check_of_a_running_run(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    run_id = seed_run(reference_server.app.store, status="RUNNING")["id"]
    check = await api.deployments.check(run_id)
    assert check.deployable is False
    assert check.reasons is not None and any("RUNNING" in r for r in check.reasons)


async def test_get(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_deployment(reference_server)

    deployment = await api.deployments.get(seeded["id"])

    assert_request(sdk, reference_server.last_request, "GET", f"/deployments/{seeded['id']}")
    assert isinstance(deployment, sdk.models.Deployment)
    assert deployment.id == seeded["id"]
    assert deployment.status is sdk.models.DeploymentStatus.DEPLOYING  # each GET advances it
    assert deployment.created_at is not None


async def test_delete(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_deployment(reference_server)

    assert await api.deployments.delete(seeded["id"]) is None

    assert_request(sdk, reference_server.last_request, "DELETE", f"/deployments/{seeded['id']}")
    assert reference_server.app.store.deployments[seeded["id"]]["status"] == "deleted"
    assert (await api.deployments.list()).items == []


async def test_unknown_deployment_is_not_found(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.NotFoundError) as err:
        await api.deployments.get(777)
    assert err.value.status_code == 404
    assert err.value.code == "not_found"


async def test_read_only_key_may_not_list_deployments(
    sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    # rest-api.mdx: every deployment endpoint needs the write scope, GETs included.
    reference_server.add_token("rl_read_only", ["read"])
    with sdk.RunRLClient(api_key="rl_read_only", base_url=reference_server.base_url) as reader:
        with pytest.raises(sdk.exceptions.AuthorizationError) as err:
            reader.deployments.list()
    assert err.value.status_code == 403
    assert err.value.code == "forbidden"
