"""The client itself: ``health()``, configuration (arguments, ``RUNRL_*`` environment variables),
headers and per-call options, errors, and forward compatibility with a newer server."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest

from tests.sdk._support import (
    TOKEN,
    Api,
    assert_request,
    seed_file,
    seed_files,
    seed_run,
    user_agent_ok,
)
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio

ENV_KEY = "rl_env_key_0123456789abcdef"
ENV_VARS = (
    "RUNRL_API_KEY",
    "RUNRL_BASE_URL",
    "RUNRL_TIMEOUT",
    "RUNRL_POLL_INTERVAL",
    "RUNRL_MAX_POLL_TIMEOUT",
    "RUNRL_USER_AGENT",
)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def client_class(sdk: ModuleType, flavour: str) -> Any:
    return sdk.AsyncRunRLClient if flavour == "async" else sdk.RunRLClient


async def close(client: Any) -> None:
    if hasattr(client, "aclose"):
        await client.aclose()
    else:
        client.close()


# ------------------------------------------------------------------------------------------ health


async def test_health(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    health = await api.health()

    assert_request(sdk, reference_server.last_request, "GET", "/health")
    assert isinstance(health, sdk.models.HealthStatus)
    assert health.status == "ok"
    assert health["version"] == "v1"  # undeclared members stay readable
    assert health.version == "v1"


async def test_user_agent_names_the_package_and_the_api_version(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    await api.health()
    ua = reference_server.last_request.headers["user-agent"]
    assert ua.startswith(f"runrl-python/{sdk.__version__} ")
    assert f"API {sdk.API_VERSION}" in ua
    assert user_agent_ok(sdk, ua)
    assert reference_server.last_request.headers["accept"] == "application/json"


async def test_custom_user_agent_and_default_headers(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    custom = api.copy(user_agent="my-app/0.1.0", default_headers={"X-Team": "rl"})
    await custom.health()
    headers = reference_server.last_request.headers
    assert headers["user-agent"] == "my-app/0.1.0"
    assert headers["x-team"] == "rl"
    assert headers["authorization"] == f"Bearer {TOKEN}"


async def test_per_call_options(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    await api.health(extra_headers={"X-Trace-Id": "abc"}, extra_query={"verbose": True})
    rec = reference_server.last_request
    assert rec.headers["x-trace-id"] == "abc"
    assert rec.query == {"verbose": "true"}

    created = await api.files.create_from_content(
        "r", "code", "reward_function", extra_body={"original_filename": "r.py"}
    )
    assert reference_server.last_request.json == {
        "name": "r",
        "content": "code",
        "type": "reward_function",
        "original_filename": "r.py",
    }
    assert created.original_filename == "r.py"


async def test_idempotency_key_option_makes_a_repeat_a_replay(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    first = await api.files.create_from_content(
        "r", "code", "reward_function", idempotency_key="create-r-1"
    )
    again = await api.files.create_from_content(
        "r", "code", "reward_function", idempotency_key="create-r-1"
    )

    posts = reference_server.requests_to("POST", "/files")
    assert [r.headers["idempotency-key"] for r in posts] == ["create-r-1", "create-r-1"]
    assert again.id == first.id
    assert len(reference_server.app.store.files) == 1


async def test_every_post_gets_a_fresh_idempotency_key(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    await api.files.create_from_content("a", "code", "reward_function")
    await api.files.create_from_content("a", "code", "reward_function")
    keys = [r.headers["idempotency-key"] for r in reference_server.requests_to("POST", "/files")]
    assert len(set(keys)) == 2
    assert len(reference_server.app.store.files) == 2


async def test_rate_limit_headers_are_exposed(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    assert api.client.rate_limit is None
    await api.health()
    limit = api.client.rate_limit
    assert limit is not None
    assert limit.limit == 10_000
    assert limit.remaining == 10_000 - 1


# ------------------------------------------------------------------------------------------ config


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_missing_api_key_fails_at_construction(
    sdk: ModuleType, reference_server: ReferenceServer, clean_env: pytest.MonkeyPatch, flavour: str
) -> None:
    cls = client_class(sdk, flavour)
    with pytest.raises(sdk.exceptions.AuthenticationError) as err:
        cls(base_url=reference_server.base_url)
    assert "RUNRL_API_KEY" in str(err.value)
    with pytest.raises(sdk.exceptions.AuthenticationError):
        cls(api_key="", base_url=reference_server.base_url)
    clean_env.setenv("RUNRL_API_KEY", "   ")
    with pytest.raises(sdk.exceptions.AuthenticationError):
        cls(base_url=reference_server.base_url)
    assert reference_server.requests == []


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_environment_variables_are_honoured(
    sdk: ModuleType, reference_server: ReferenceServer, clean_env: pytest.MonkeyPatch, flavour: str
) -> None:
    reference_server.add_token(ENV_KEY, ["read"])
    clean_env.setenv("RUNRL_API_KEY", ENV_KEY)
    clean_env.setenv("RUNRL_BASE_URL", reference_server.base_url)
    clean_env.setenv("RUNRL_TIMEOUT", "12.5")
    clean_env.setenv("RUNRL_POLL_INTERVAL", "0.01")

    client = client_class(sdk, flavour)()
    try:
        config = client.config
        assert config.api_key == ENV_KEY
        assert config.base_url == reference_server.base_url
        assert config.timeout == 12.5
        assert config.poll_interval == 0.01
        assert ENV_KEY not in repr(config)
        assert ENV_KEY not in repr(client)
        assert "api_key=" in repr(config)  # the field is shown, masked

        health = await Api(client, is_async=flavour == "async", flavour=flavour).health()
    finally:
        await close(client)
    assert health.status == "ok"
    assert_request(sdk, reference_server.last_request, "GET", "/health", token=ENV_KEY)


async def test_environment_poll_interval_drives_futures(
    sdk: ModuleType, reference_server: ReferenceServer, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("RUNRL_API_KEY", TOKEN)
    clean_env.setenv("RUNRL_BASE_URL", reference_server.base_url)
    clean_env.setenv("RUNRL_POLL_INTERVAL", "0.01")
    clean_env.setenv("RUNRL_MAX_POLL_TIMEOUT", "0.5")
    run = seed_run(reference_server.app.store, model="acme/stall-7b")
    with sdk.RunRLClient() as client:
        assert client.config.max_poll_timeout == 0.5
        future = client.runs.create(
            model="acme/stall-7b",
            prompt_file_id=run["prompt_file"]["id"],
            reward_file_id=run["reward_file"]["id"],
        )
        with pytest.raises(sdk.exceptions.TimeoutError):
            future.result()  # default limit: RUNRL_MAX_POLL_TIMEOUT
    # 0.5 s at 0.01 s per poll: many polls (a 5 s default interval would make at most one).
    assert len(reference_server.requests_to("GET", r"/runs/\d+")) > 5


async def test_arguments_override_environment_variables(
    sdk: ModuleType, reference_server: ReferenceServer, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("RUNRL_API_KEY", "rl_wrong_key_from_env")
    clean_env.setenv("RUNRL_BASE_URL", "http://127.0.0.1:9/api/v1")
    clean_env.setenv("RUNRL_TIMEOUT", "99")
    with sdk.RunRLClient(
        api_key=TOKEN, base_url=reference_server.base_url + "/", timeout=3
    ) as client:
        assert client.config.base_url == reference_server.base_url  # trailing "/" dropped
        assert client.config.timeout == 3
        client.health()
    assert reference_server.last_request.headers["authorization"] == f"Bearer {TOKEN}"


async def test_invalid_environment_number_is_reported(
    sdk: ModuleType, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("RUNRL_API_KEY", TOKEN)
    clean_env.setenv("RUNRL_TIMEOUT", "soon")
    with pytest.raises(ValueError, match="RUNRL_TIMEOUT"):
        sdk.RunRLClient()


async def test_unknown_constructor_argument_is_a_type_error(sdk: ModuleType) -> None:
    with pytest.raises(TypeError):
        sdk.RunRLClient(api_key=TOKEN, poll_intervall=1)


async def test_defaults(sdk: ModuleType, clean_env: pytest.MonkeyPatch) -> None:
    with sdk.RunRLClient(api_key=TOKEN) as client:
        config = client.config
    assert config.base_url == "https://runrl.com/api/v1"
    assert config.timeout == 30.0
    assert config.poll_interval == 5.0
    assert config.max_poll_timeout == 3600.0
    assert user_agent_ok(sdk, config.user_agent)


# ------------------------------------------------------------------------------------------ errors


async def test_bad_key_is_an_authentication_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    bad = api.copy(api_key="rl_not_a_real_key_123")

    with pytest.raises(sdk.exceptions.AuthenticationError) as err:
        await bad.files.list()

    e = err.value
    assert e.status_code == 401
    assert e.code == "unauthorized"
    assert e.message == "Invalid API key"
    assert isinstance(e, sdk.exceptions.APIStatusError)
    assert isinstance(e, sdk.exceptions.RunRLException)
    assert e.response is not None and e.response.status_code == 401
    assert "rl_not_a_real_key_123" not in str(e)
    assert reference_server.last_request.headers["authorization"] == "Bearer rl_not_a_real_key_123"
    assert len(reference_server.requests) == 1  # a 401 is not retried


async def test_read_only_key_writing_is_an_authorization_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    reference_server.add_token("rl_read_only", ["read"])
    reader = api.copy(api_key="rl_read_only")

    assert (await reader.files.list()).items == []  # reading is allowed
    with pytest.raises(sdk.exceptions.AuthorizationError) as err:
        await reader.files.create_from_content("r", "code", "reward_function")

    e = err.value
    assert e.status_code == 403
    assert e.code == "forbidden"
    assert e.details == {"required_scope": "write", "key_scopes": ["read"]}
    assert isinstance(e, sdk.exceptions.PermissionDeniedError)
    assert reference_server.app.store.files == {}


async def test_unknown_id_is_not_found(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.NotFoundError) as err:
        await api.runs.get(123456)
    e = err.value
    assert e.status_code == 404
    assert e.code == "not_found"
    assert e.details == {"resource": "Run", "id": "123456"}
    assert "HTTP 404" in str(e)


async def test_server_validation_error_carries_the_details(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.tools.create("t", "ftp://not-http")
    e = err.value
    assert e.status_code == 422
    assert e.code == "validation_error"
    assert e.details == {"mcp_url": ["The mcp_url field must be a valid http(s) URL."]}
    assert isinstance(e, sdk.exceptions.UnprocessableEntityError)
    # The fields are in the message too, not only in .details (issue 16).
    assert e.field_errors == (
        sdk.exceptions.FieldError("mcp_url", "The mcp_url field must be a valid http(s) URL."),
    )
    assert str(e) == (
        "The given data was invalid. [mcp_url: The mcp_url field must be a valid http(s) URL.] "
        "(HTTP 422, validation_error)"
    )


async def test_server_error_after_retries(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    fast = api.copy(retry_backoff_factor=0.0)
    reference_server.inject("/health", kind="status", status=503, times=None)
    with pytest.raises(sdk.exceptions.ServerError) as err:
        await fast.health()
    assert err.value.status_code == 503
    assert err.value.code == "internal_error"
    assert len(reference_server.requests) == 3  # 1 + max_retries (2) for a GET


async def test_rate_limited_create_is_retried_with_the_same_idempotency_key(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    reference_server.inject("/files", method="POST", status=429, headers={"Retry-After": "0"})

    created = await api.files.create_from_content("r", "code", "reward_function")

    first, second = reference_server.requests_to("POST", "/files")
    assert (first.response_status, second.response_status) == (429, 201)
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert list(reference_server.app.store.files) == [created.id]


async def test_rate_limit_error_when_retries_are_off(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    no_retry = api.copy(retry_enabled=False)
    reference_server.inject("/health", status=429, headers={"Retry-After": "7"})
    with pytest.raises(sdk.exceptions.RateLimitError) as err:
        await no_retry.health()
    assert err.value.status_code == 429
    assert err.value.code == "rate_limit_exceeded"
    assert err.value.retry_after == 7.0
    assert len(reference_server.requests) == 1


async def test_a_non_json_answer_is_a_response_validation_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    reference_server.inject("/health", kind="non_json")
    with pytest.raises(sdk.exceptions.ResponseValidationError) as err:
        await api.health()
    assert "text/html" in str(err.value)


async def test_an_echoed_api_key_is_redacted_from_errors(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    reference_server.inject(
        "/health",
        status=400,
        body={"success": False, "error": "bad_request", "message": f"bad key {TOKEN} given"},
    )
    with pytest.raises(sdk.exceptions.BadRequestError) as err:
        await api.health()
    assert TOKEN not in str(err.value)
    assert err.value.message == "bad key *** given"


# ------------------------------------------------------------------------ forward compatibility


async def test_unknown_field_and_status_in_an_injected_response(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = seed_run(reference_server.app.store)
    future_run = json.loads(json.dumps(seeded))
    future_run.update(status="WARMING_UP", gpu_type="H100", scheduler={"queue": "priority"})
    reference_server.inject(
        rf"/runs/{seeded['id']}",
        method="GET",
        kind="status",
        status=200,
        body={"success": True, "message": "Run retrieved", "data": future_run, "trace": "x"},
    )

    run = await api.runs.get(seeded["id"])

    assert isinstance(run, sdk.models.Run)
    assert run.status == "WARMING_UP"
    assert isinstance(run.status, sdk.models.RunStatus)
    assert str(run.status) == "WARMING_UP"
    assert run.status != sdk.models.RunStatus.RUNNING
    assert run.gpu_type == "H100"
    assert run["gpu_type"] == "H100"
    assert run["scheduler"] == {"queue": "priority"}
    assert "gpu_type" in run
    assert run.model == seeded["model"]


async def test_unknown_values_seeded_in_the_store(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    run = seed_run(store)
    file = seed_file(store)
    with store.lock:
        store.runs[run["id"]].update(status="WARMING_UP", region="eu-west")
        store.files[file["id"]].update(type="dataset_v2", checksum="sha256:abc")

    got = await api.runs.get(run["id"])  # an unknown status is left alone by the server
    listed = await api.runs.list()
    file_got = await api.files.retrieve(file["id"])

    assert got.status == "WARMING_UP" and got.region == "eu-west"
    assert listed.items[0].status == "WARMING_UP"
    assert listed.items[0]["region"] == "eu-west"
    assert file_got.type == "dataset_v2"
    assert isinstance(file_got.type, sdk.models.FileType)
    assert file_got.checksum == "sha256:abc"


async def test_a_future_keeps_polling_through_an_unknown_status(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    prompt_id, reward_id = seed_files(store)
    future = await api.runs.create(
        model="acme/model-7b", prompt_file_id=prompt_id, reward_file_id=reward_id
    )
    with store.lock:
        store.runs[future.initial.id]["status"] = "WARMING_UP"

    current = await api.aw(future.status())
    assert current.status == "WARMING_UP"
    assert not future.done()
    with store.lock:
        store.runs[future.initial.id]["status"] = "RUNNING"
    final = await api.aw(future.result())
    assert final.status is sdk.models.RunStatus.COMPLETED


def test_import_leaves_the_transport_layer_to_the_first_client(sdk: ModuleType) -> None:
    """``import runrl`` stays cheap (issue 17, target 5): httpcore (a sixth of the package's
    import time), the package's transport and the deadline streams are loaded by the first
    client, whose httpx transport needs httpcore anyway; that client has all of them fitted."""
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(str(sdk.__file__)).parents[1])
    code = (
        "import sys, runrl\n"
        "lazy = ('httpcore', 'runrl._transport', 'runrl._deadline_io')\n"
        "print(sorted(m for m in lazy if m in sys.modules))\n"
        "client = runrl.RunRLClient(api_key='k', base_url='http://127.0.0.1:9')\n"
        "print(sorted(m for m in lazy if m in sys.modules))\n"
        "pool = client._client._transport._pool\n"
        "print(type(pool).__name__, type(pool._network_backend).__name__)\n"
    )
    env = {"PYTHONPATH": src, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.splitlines() == [
        "[]",
        "['httpcore', 'runrl._deadline_io', 'runrl._transport']",
        "_SyncPool _DeadlineBackend",
    ]
