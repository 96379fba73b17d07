"""``client.runs``: every method, polling futures, log streams and client-side validation."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import pytest

from tests.sdk._support import MODEL, Api, assert_request, only_request, seed_file, seed_run
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio

LORA_VERSION = "2025-10-11"


def has_lora(sdk: ModuleType) -> bool:
    return bool(sdk.API_VERSION >= LORA_VERSION)


def default_body(sdk: ModuleType, prompt_id: str, reward_id: str, **changes: Any) -> dict[str, Any]:
    """The JSON the SDK sends for ``runs.create(model=MODEL, prompt..., reward...)``: the
    arguments given, and no documented default of a body field (the server applies those;
    the SDK sends one only when it is given), with ``changes``."""
    body: dict[str, Any] = {
        "model": MODEL,
        "prompt_file_id": prompt_id,
        "reward_file_id": reward_id,
    }
    body.update(changes)
    return body


@pytest.fixture
def file_ids(reference_server: ReferenceServer) -> tuple[str, str]:
    store = reference_server.app.store
    prompt = seed_file(store, name="prompts", file_type="prompt")
    reward = seed_file(store, name="reward", file_type="reward_function")
    return prompt["id"], reward["id"]


# ------------------------------------------------------------------------------------------ list


async def test_list_default(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    first = seed_run(reference_server.app.store)
    second = seed_run(reference_server.app.store, status="RUNNING")

    page = await api.runs.list()

    assert_request(
        sdk, reference_server.last_request, "GET", "/runs", query={"page": "1", "per_page": "20"}
    )
    assert isinstance(page, sdk.models.PagedResponse)
    assert [r.id for r in page.items] == [second["id"], first["id"]]
    assert all(isinstance(r, sdk.models.Run) for r in page.items)
    assert page.items[0].status is sdk.models.RunStatus.RUNNING
    assert page.items[1].status == "PENDING"
    assert page.pagination.total == 2
    # Listing does not advance runs (only GET /runs/{id} does).
    assert reference_server.app.store.runs[first["id"]]["status"] == "PENDING"


async def test_list_filters(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seed_run(reference_server.app.store)
    running = seed_run(reference_server.app.store, status="RUNNING")
    after = datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)

    page = await api.runs.list(
        status=sdk.models.RunStatus.RUNNING, created_after=after, page=1, per_page=10
    )

    rec = reference_server.last_request
    assert_request(
        sdk,
        rec,
        "GET",
        "/runs",
        query={
            "status": "RUNNING",
            "created_after": rec.query.get("created_after", "<missing>"),
            "page": "1",
            "per_page": "10",
        },
    )
    assert datetime.fromisoformat(rec.query["created_after"].replace("Z", "+00:00")) == after
    assert [r.id for r in page.items] == [running["id"]]


async def test_list_rejects_unknown_status_before_sending(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.runs.list(status="DONE")
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.runs.list(page=0)
    assert reference_server.requests == []


# ------------------------------------------------------------------------------------------ create


async def test_create_sends_the_body_and_returns_a_future(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, reward_id = file_ids

    future = await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)

    assert_request(
        sdk,
        only_request(reference_server, "POST", "/runs"),
        "POST",
        "/runs",
        json=default_body(sdk, prompt_id, reward_id),
    )
    expected_type = sdk.AsyncRunRLPollingFuture if api.is_async else sdk.RunRLPollingFuture
    assert isinstance(future, expected_type)
    initial = future.initial
    assert isinstance(initial, sdk.models.Run)
    assert initial.status is sdk.models.RunStatus.PENDING
    assert initial.status == "PENDING"
    assert initial.type is sdk.models.RunType.REWARD_FUNCTION
    assert initial.model == MODEL
    assert initial.progress == 0.0
    assert initial.prompt_file == {"id": prompt_id, "name": "prompts", "type": "prompt"}
    assert not future.done()
    assert len(reference_server.requests) == 1  # creating does not poll


async def test_create_sends_every_option(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, reward_id = file_ids
    store = reference_server.app.store
    sft = seed_file(store, name="sft", file_type="sft")
    tool = store.add_tool(name="search", mcp_url="https://mcp.example.com/search")

    future = await api.runs.create(
        model=MODEL,
        prompt_file_id=prompt_id,
        reward_file_id=reward_id,
        type="reward_function",
        completion_length=256,
        epochs=2,
        learning_rate_multiplier=1.1,
        sft_file_id=sft["id"],
        tool_ids=[tool["id"]],
        package_requirements=["wandb==0.17.4"],
        hf_token="hf_secret",
    )

    assert reference_server.last_request.json == default_body(
        sdk,
        prompt_id,
        reward_id,
        type="reward_function",
        completion_length=256,
        epochs=2,
        learning_rate_multiplier=1.1,
        sft_file_id=sft["id"],
        tool_ids=[tool["id"]],
        package_requirements=["wandb==0.17.4"],
        hf_token="hf_secret",
    )
    run = future.initial
    assert run.uses_tools is True
    assert run.tools == [{"id": tool["id"], "name": "search", "mcp_url": tool["mcp_url"]}]
    assert run.sft_file is not None and run.sft_file["id"] == sft["id"]
    assert run.parameters["epochs"] == 2


async def test_future_status_and_result_poll_until_completed(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, reward_id = file_ids
    future = await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)
    run_id = future.initial.id

    current = await api.aw(future.status())
    assert isinstance(current, sdk.models.Run)
    assert current.status is sdk.models.RunStatus.RUNNING
    assert current.progress == 0.5
    assert not future.done()

    run = await api.aw(future.result())

    assert isinstance(run, sdk.models.Run)
    assert run.status is sdk.models.RunStatus.COMPLETED
    assert run.status == "COMPLETED"
    assert run.progress == 1.0
    assert run.hf_name == f"runrl/run-{run_id}"
    assert run.completed_at is not None
    assert future.done() and not future.cancelled()
    polls = reference_server.requests_to("GET", r"/runs/\d+")
    assert len(polls) == 2
    for rec in polls:
        assert_request(sdk, rec, "GET", f"/runs/{run_id}")
    # result() again: no further request.
    assert (await api.aw(future.result())).id == run_id
    assert len(reference_server.requests_to("GET", r"/runs/\d+")) == 2


async def test_future_progress_and_done_callback(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, reward_id = file_ids
    future = await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)
    seen: list[Any] = []
    future.add_done_callback(seen.append)
    assert future.progress == 0.0
    assert seen == []

    await api.aw(future.result())

    assert future.progress == 1.0
    assert seen == [future]  # exactly once
    late: list[Any] = []
    future.add_done_callback(late.append)  # already done: called at once
    assert late == [future]


async def test_awaiting_the_async_future_waits_for_the_run(
    async_client: Any, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, reward_id = file_ids
    future = await async_client.runs.create(
        model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id
    )
    assert isinstance(future, sdk.AsyncRunRLPollingFuture)

    run = await future

    assert isinstance(run, sdk.models.Run)
    assert run.status is sdk.models.RunStatus.COMPLETED
    assert len(reference_server.requests_to("GET", rf"/runs/{run.id}")) == 2


async def test_a_failing_run_raises_run_failed_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, reward_id = file_ids
    future = await api.runs.create(
        model="acme/will-fail-7b", prompt_file_id=prompt_id, reward_file_id=reward_id
    )

    with pytest.raises(sdk.exceptions.RunFailedError) as err:
        await api.aw(future.result())

    failed = err.value.run
    assert isinstance(err.value, sdk.exceptions.PollingFailedError)
    assert isinstance(failed, sdk.models.Run)
    assert failed.status is sdk.models.RunStatus.FAILED
    assert failed.error_message == "Training failed: model 'acme/will-fail-7b' could not be loaded"
    assert str(failed.id) in str(err.value) and "FAILED" in str(err.value)
    # The reason is in the message, not only on err.run (issue 16).
    assert str(err.value) == f"run {failed.id} ended with status FAILED: {failed.error_message}"
    assert future.done()


async def test_future_cancel_calls_the_cancel_endpoint(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, reward_id = file_ids
    future = await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)
    run_id = future.initial.id

    assert await api.aw(future.cancel()) is True

    assert_request(
        sdk, only_request(reference_server, "POST", rf"/runs/{run_id}/cancel"), "POST",
        f"/runs/{run_id}/cancel",
    )  # fmt: skip
    assert reference_server.app.store.runs[run_id]["status"] == "CANCELLED"
    assert future.cancelled() and future.done()
    with pytest.raises(sdk.exceptions.PollingCancelledError):
        await api.aw(future.result())
    assert await api.aw(future.cancel()) is False  # already done: nothing sent
    assert len(reference_server.requests_to("POST", rf"/runs/{run_id}/cancel")) == 1


async def test_result_times_out(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, reward_id = file_ids
    future = await api.runs.create(
        model="acme/stall-7b", prompt_file_id=prompt_id, reward_file_id=reward_id
    )
    # Long enough for one status request to complete on a loaded CI machine (a 0.1 s budget
    # sometimes ended the first poll by its own deadline, leaving the run PENDING).
    with pytest.raises(sdk.exceptions.TimeoutError):
        await api.aw(future.result(timeout=1.0))
    assert future.latest.status == "RUNNING"
    assert not future.done()


# ------------------------------------------------------------------------------------------ reads


async def test_get(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_run(reference_server.app.store)

    run = await api.runs.get(seeded["id"])

    assert_request(sdk, reference_server.last_request, "GET", f"/runs/{seeded['id']}")
    assert isinstance(run, sdk.models.Run)
    assert run.id == seeded["id"]
    assert run.status is sdk.models.RunStatus.RUNNING  # each GET advances the simulated run
    assert isinstance(run.parameters, dict) and run.parameters["completion_length"] == 1024
    assert run.prompt_file is not None and run.prompt_file["type"] == "prompt"
    assert run.started_at is not None and run.started_at.tzinfo is not None


async def test_history(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")

    history = await api.runs.history(seeded["id"])

    assert_request(sdk, reference_server.last_request, "GET", f"/runs/{seeded['id']}/history")
    assert isinstance(history, list)
    assert all(isinstance(e, sdk.models.RunHistoryEntry) for e in history)
    assert [e["status"] for e in history] == ["PENDING", "RUNNING", "COMPLETED"]
    assert history[0].status is sdk.models.RunStatus.PENDING
    assert isinstance(history[0]["timestamp"], datetime)
    assert history[-1]["message"] == "Training completed"  # undeclared member, dict-style


async def test_logs(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")

    logs = await api.runs.logs(seeded["id"], last_line=1, limit=2)

    assert_request(
        sdk,
        reference_server.last_request,
        "GET",
        f"/runs/{seeded['id']}/logs",
        query={"last_line": "1", "limit": "2"},
    )
    assert isinstance(logs, sdk.models.RunLogs)
    assert logs.last_line == 3
    assert logs.has_more is True
    assert logs.lines is not None
    assert [ln["line"] for ln in logs.lines] == [2, 3]
    assert logs["lines"] == logs.lines
    assert logs["total_lines"] == 7


async def test_logs_defaults(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_run(reference_server.app.store)
    logs = await api.runs.logs(seeded["id"])
    assert reference_server.last_request.query == {"last_line": "0", "limit": "100"}
    assert logs.last_line == 1 and logs.has_more is False


async def test_logs_rejects_bad_limit_before_sending(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.runs.logs(1, limit=0)
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.runs.logs(1, last_line=-1)
    assert reference_server.requests == []


async def test_stream_logs_yields_typed_events(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")
    stored = reference_server.app.store.run_logs[seeded["id"]]

    events = await api.collect(await api.runs.stream_logs(seeded["id"]))

    assert_request(
        sdk,
        only_request(reference_server, "GET", r"/runs/\d+/logs/stream"),
        "GET",
        f"/runs/{seeded['id']}/logs/stream",
    )
    # each event's data validated as the LogEvent the spec declares for it (x-event-data)
    assert all(type(e) is sdk.models.LogEvent for e in events)
    assert [(e.line, e.message) for e in events] == [(ln["line"], ln["message"]) for ln in stored]
    assert all(e.timestamp is not None and e.timestamp.tzinfo is not None for e in events)
    # the raw events on request: ids, names, and the data as it was sent
    raw = await api.collect(api.client.runs.stream_logs(seeded["id"]).events())
    assert [e.id for e in raw] == [str(ln["line"]) for ln in stored]
    for event, line in zip(raw, stored, strict=True):
        assert event.event == "message"
        assert str(event) == event.data
        assert json.loads(event.data) == line
        assert event.json()["message"] == line["message"]


async def test_stream_logs_yields_events_as_they_arrive(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    # A "stall" run stays RUNNING: the server sends 4 lines, then keeps the stream open (30 s).
    seeded = seed_run(store, model="acme/stall-7b")
    started = time.monotonic()
    stream = await api.runs.stream_logs(seeded["id"])
    try:
        first, it = await api.take(stream, 4)
        elapsed = time.monotonic() - started
        assert [e.line for e in first] == [1, 2, 3, 4]
        assert elapsed < 5, f"the first events took {elapsed:.1f} s: the stream was buffered"
        assert store.runs[seeded["id"]]["status"] == "RUNNING"  # the stream is still open
        await api.close_iter(it)
    finally:
        store.set_run_status(seeded["id"], "CANCELLED")  # lets the server's stream end


async def test_stream_logs_resumes_after_a_dropped_connection(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")
    fault = reference_server.inject(r"/runs/\d+/logs/stream", kind="cut_stream", events=3)
    fast = api.copy(retry_backoff_factor=0.0)

    events = await fast.collect(await fast.runs.stream_logs(seeded["id"]))

    assert fault.hits == 1
    assert [e.line for e in events] == list(range(1, 8))  # no gap, no duplicate
    first, second = reference_server.requests_to("GET", r"/runs/\d+/logs/stream")
    assert "last-event-id" not in first.headers
    assert second.headers["last-event-id"] == "3"


async def test_stream_logs_asks_for_an_event_stream(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")
    await api.collect(await api.runs.stream_logs(seeded["id"]))
    assert reference_server.last_request.headers.get("accept") == "text/event-stream"


async def test_metrics(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")

    metrics = await api.runs.metrics(seeded["id"])

    assert_request(sdk, reference_server.last_request, "GET", f"/runs/{seeded['id']}/metrics")
    assert isinstance(metrics, sdk.models.RunMetrics)
    assert metrics["run_id"] == seeded["id"]
    assert metrics["wandb_url"] == f"https://wandb.ai/runrl/runs/run-{seeded['id']}"
    assert len(metrics["metrics"]["train/reward_mean"]) == 10
    assert metrics.summary["train/loss"] == pytest.approx(0.65)  # attribute access to extras


async def test_completions(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")

    completions = await api.runs.completions(seeded["id"])

    assert_request(sdk, reference_server.last_request, "GET", f"/runs/{seeded['id']}/completions")
    assert isinstance(completions, sdk.models.RunCompletions)
    assert completions["total"] == 3
    assert completions["completions"][0]["completion"] == "Completion 1"


async def test_cancel(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    seeded = seed_run(reference_server.app.store, status="RUNNING")

    result = await api.runs.cancel(seeded["id"])

    assert result is None
    assert_request(sdk, reference_server.last_request, "POST", f"/runs/{seeded['id']}/cancel")
    assert reference_server.app.store.runs[seeded["id"]]["status"] == "CANCELLED"
    assert (await api.runs.get(seeded["id"])).status is sdk.models.RunStatus.CANCELLED


async def test_cancel_of_a_finished_run_is_a_no_op(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")
    assert await api.runs.cancel(seeded["id"]) is None
    assert reference_server.last_request.response_status == 200
    assert reference_server.app.store.runs[seeded["id"]]["status"] == "COMPLETED"


async def test_unknown_run_is_not_found(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.NotFoundError) as err:
        await api.runs.get(4242)
    assert err.value.status_code == 404
    assert err.value.code == "not_found"
    with pytest.raises(sdk.exceptions.NotFoundError):
        await api.runs.history(4242)


# ------------------------------------------------------------------------------ argument checks


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"completion_length": 50}, "completion_length"),
        ({"completion_length": 8193}, "completion_length"),
        ({"epochs": 0}, "epochs"),
        ({"epochs": 101}, "epochs"),
        ({"learning_rate_multiplier": 0}, "learning_rate_multiplier"),
        ({"completion_length": "100"}, "completion_length"),
        ({"epochs": 1.5}, "epochs"),
        ({"type": "ppo"}, "type"),
        ({"tool_ids": "1,2"}, "tool_ids"),
        # None for a body field the API does not allow to be null would go out as null
        ({"model": None}, "model"),
        ({"completion_length": None}, "completion_length"),
    ],
    ids=lambda v: "-".join(f"{k}={v[k]!r}" for k in v) if isinstance(v, dict) else None,
)
async def test_create_rejects_invalid_arguments_before_sending(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    file_ids: tuple[str, str],
    arguments: dict[str, Any],
    argument: str,
) -> None:
    prompt_id, reward_id = file_ids
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.runs.create(
            **{
                "model": MODEL,
                "prompt_file_id": prompt_id,
                "reward_file_id": reward_id,
                **arguments,
            }
        )
    assert reference_server.requests == []
    assert err.value.status_code is None
    assert argument in str(err.value)
    assert [p["argument"] for p in err.value.details["errors"]] == [argument]


async def test_create_rejects_an_unknown_keyword(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, reward_id = file_ids
    with pytest.raises(TypeError, match="completon_length"):
        await api.runs.create(
            model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id, completon_length=100
        )
    with pytest.raises(TypeError):
        await api.runs.create(model=MODEL, prompt_file_id=prompt_id)  # reward_file_id missing
    assert reference_server.requests == []


async def test_create_server_side_validation_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    prompt_id, _ = file_ids
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        # A prompt file where a reward file belongs: only the server can tell.
        await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=prompt_id)
    assert err.value.status_code == 422
    assert err.value.code == "validation_error"
    assert set(err.value.details) == {"reward_file_id"}
    assert "prompt file" in err.value.details["reward_file_id"][0]
    assert len(reference_server.requests_to("POST", "/runs")) == 1


# ------------------------------------------------------------------------------ LoRA (2025-10-11)


async def test_create_sends_lora_fields(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, file_ids: tuple[str, str]
) -> None:
    if not has_lora(sdk):
        pytest.skip(f"LoRA fields arrive in API {LORA_VERSION}")
    prompt_id, reward_id = file_ids

    future = await api.runs.create(
        model=MODEL,
        prompt_file_id=prompt_id,
        reward_file_id=reward_id,
        use_lora=True,
        lora_rank=32,
        lora_alpha=64,
        lora_dropout=0.05,
    )

    assert reference_server.last_request.json == default_body(
        sdk,
        prompt_id,
        reward_id,
        use_lora=True,
        lora_rank=32,
        lora_alpha=64,
        lora_dropout=0.05,
    )
    params = future.initial.parameters
    assert (params["use_lora"], params["lora_rank"], params["lora_alpha"]) == (True, 32, 64)


@pytest.mark.parametrize(
    "arguments",
    [
        {"lora_rank": -1},
        {"lora_alpha": 0},
        {"lora_dropout": 1.5},
        {"lora_dropout": -0.1},
        {"use_lora": "yes"},
        {"lora_rank": 8.5},
    ],
    ids=lambda v: "-".join(f"{k}={v[k]!r}" for k in v),
)
async def test_create_rejects_invalid_lora_arguments(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    file_ids: tuple[str, str],
    arguments: dict[str, Any],
) -> None:
    if not has_lora(sdk):
        pytest.skip(f"LoRA fields arrive in API {LORA_VERSION}")
    prompt_id, reward_id = file_ids
    with pytest.raises(sdk.exceptions.ValidationError):
        await api.runs.create(
            model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id, **arguments
        )
    assert reference_server.requests == []


@pytest.mark.parametrize("argument", ["use_lora", "lora_rank", "lora_alpha", "lora_dropout"])
async def test_older_api_has_no_lora_arguments(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    file_ids: tuple[str, str],
    argument: str,
) -> None:
    if has_lora(sdk):
        pytest.skip(f"API {sdk.API_VERSION} has LoRA fields")
    prompt_id, reward_id = file_ids
    value = {"use_lora": True, "lora_rank": 32, "lora_alpha": 64, "lora_dropout": 0.1}[argument]
    with pytest.raises(TypeError, match=argument):
        await api.runs.create(
            model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id, **{argument: value}
        )
    assert reference_server.requests == []
    assert "use_lora" not in sdk.models.RunCreate.model_fields


# ------------------------------------------------------------------ the documented loop forms


def test_for_loop_over_stream_logs(
    client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = seed_run(reference_server.app.store)  # PENDING: the stream drives it to the end
    lines = []
    for event in client.runs.stream_logs(seeded["id"]):
        assert isinstance(event, sdk.models.LogEvent) and event.message
        lines.append(event.line)
    assert lines == list(range(1, 8))
    assert reference_server.app.store.runs[seeded["id"]]["status"] == "COMPLETED"


async def test_async_for_loop_over_stream_logs(
    async_client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    seeded = seed_run(reference_server.app.store)
    lines = []
    async for event in async_client.runs.stream_logs(seeded["id"]):
        assert isinstance(event, sdk.models.LogEvent) and event.message
        lines.append(event.line)
    assert lines == list(range(1, 8))
