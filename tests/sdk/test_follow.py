"""``client.runs.follow(run_id)`` (from ``x-sdk-follow`` on ``streamRunLogs``): prints each log
line as it arrives, until the run is terminal, then returns the final ``Run``; the async twin too.

Against the reference server: its log stream drives the run (PENDING -> RUNNING -> COMPLETED)
and ends when the run is terminal.
"""

from __future__ import annotations

import inspect
import io
import time
from collections.abc import AsyncIterator, Iterator
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from tests.sdk._support import MODEL, Api, seed_files, seed_run
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio

STREAM = r"/runs/\d+/logs/stream"


def expected_lines(server: ReferenceServer, run_id: int) -> list[str]:
    with server.app.store.lock:
        logs = list(server.app.store.run_logs[run_id])
    return [f"{entry['timestamp']}  {entry['message']}" for entry in logs]


async def test_follow_prints_every_line_then_returns_the_completed_run(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    future = await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)
    run_id = future.initial.id

    run = await api.runs.follow(run_id)

    assert isinstance(run, sdk.models.Run)
    assert run.id == run_id
    assert run.status is sdk.models.RunStatus.COMPLETED
    printed = capsys.readouterr().out.splitlines()
    lines = expected_lines(reference_server, run_id)
    assert printed == lines
    assert any("queued" in line for line in printed)
    assert printed[-1].endswith("Training completed")
    # one stream (the server ends it when the run is terminal), then the final state
    assert [(r.method, r.path) for r in reference_server.requests[-2:]] == [
        ("GET", f"/runs/{run_id}/logs/stream"),
        ("GET", f"/runs/{run_id}"),
    ]


async def test_follow_writes_to_the_given_file(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded = seed_run(reference_server.app.store, status="RUNNING")
    out = io.StringIO()

    run = await api.runs.follow(seeded["id"], file=out)

    assert run.status == "COMPLETED"
    assert out.getvalue().splitlines() == expected_lines(reference_server, seeded["id"])
    assert capsys.readouterr().out == ""


async def test_follow_returns_a_failed_run_without_raising(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded = seed_run(reference_server.app.store, model="acme/fail-7b")

    run = await api.runs.follow(seeded["id"])

    assert run.status is sdk.models.RunStatus.FAILED
    printed = capsys.readouterr().out.splitlines()
    assert printed == expected_lines(reference_server, seeded["id"])
    assert "ERROR" in printed[-1]


async def test_follow_of_a_finished_run_prints_its_log_and_returns(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")
    lines = expected_lines(reference_server, seeded["id"])

    run = await api.runs.follow(seeded["id"])

    assert run.status == "COMPLETED"
    assert capsys.readouterr().out.splitlines() == lines


async def test_follow_survives_a_dropped_connection_without_duplicates(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")
    fault = reference_server.inject(STREAM, kind="cut_stream", events=3)
    fast = api.copy(retry_backoff_factor=0.0)

    await fast.runs.follow(seeded["id"])

    assert fault.hits == 1
    assert capsys.readouterr().out.splitlines() == expected_lines(reference_server, seeded["id"])


async def test_a_stream_that_ends_before_the_run_is_terminal_is_reopened_after_the_last_event(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The helper does not trust the stream's end: it asks for the run, and while it is not
    terminal it reopens the stream with Last-Event-ID (no line printed twice)."""
    store = reference_server.app.store
    seeded = seed_run(store, model="acme/stall-7b")  # stays RUNNING until we finish it
    runs = api.client.runs
    real = runs.stream_logs
    calls: list[dict[str, Any]] = []

    def first_event_only(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        if len(calls) > 1:
            assert store.runs[seeded["id"]]["status"] == "RUNNING"
            with store.lock:
                store.set_run_status(seeded["id"], "COMPLETED")
            return real(*args, **kwargs)
        events = real(*args, **kwargs).events()  # what the helper iterates
        if inspect.isasyncgen(events) or hasattr(events, "__anext__"):

            async def one() -> Any:
                async for event in events:
                    yield event
                    break
                await events.aclose()

            return SimpleNamespace(events=one)

        def one_sync() -> Any:
            for event in events:
                yield event
                break
            events.close()

        return SimpleNamespace(events=one_sync)

    monkeypatch.setattr(runs, "stream_logs", first_event_only)

    run = await api.runs.follow(seeded["id"], poll_interval=0)

    assert run.status == "COMPLETED"
    assert len(calls) == 2
    assert calls[0]["extra_headers"] is None
    assert calls[1]["extra_headers"] == {"Last-Event-ID": "1"}
    assert capsys.readouterr().out.splitlines() == expected_lines(reference_server, seeded["id"])
    streams = reference_server.requests_to("GET", STREAM)
    assert streams[1].headers["last-event-id"] == "1"


async def test_follow_of_a_run_that_never_ends_stops_at_its_timeout(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run that stays RUNNING, its stream open and silent after the lines it has: without a
    timeout the helper would wait for ever; with one it raises the package's TimeoutError by
    then, having printed what arrived."""
    seeded = seed_run(reference_server.app.store, model="acme/stall-7b")
    started = time.monotonic()
    with pytest.raises(sdk.TimeoutError) as info:
        await api.runs.follow(seeded["id"], timeout=0.5)
    took = time.monotonic() - started
    assert 0.5 <= took < 5.0  # the server would keep the stream open for 30 s
    assert isinstance(info.value, TimeoutError) and isinstance(info.value, sdk.RunRLException)
    assert (
        str(info.value) == "runs.follow: the status was not terminal after 0.5 s (not fetched yet)"
    )
    assert isinstance(info.value.__cause__, sdk.APITimeoutError)
    printed = capsys.readouterr().out.splitlines()
    assert printed and printed == expected_lines(reference_server, seeded["id"])[: len(printed)]
    assert reference_server.app.store.runs[seeded["id"]]["status"] == "RUNNING"


async def test_a_stream_reopened_until_the_timeout_raises_with_the_last_status(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other way to wait for ever: a stream that keeps ending while the run is running."""
    seeded = seed_run(reference_server.app.store, model="acme/stall-7b", status="RUNNING")
    runs = api.client.runs

    def no_events(*args: Any, **kwargs: Any) -> Any:
        async def none_async() -> AsyncIterator[Any]:
            if False:  # an async generator that yields nothing
                yield None

        def none_sync() -> Iterator[Any]:
            yield from ()

        return SimpleNamespace(events=none_async if api.is_async else none_sync)

    monkeypatch.setattr(runs, "stream_logs", no_events)
    before = len(reference_server.requests_to("GET", rf"/runs/{seeded['id']}"))
    started = time.monotonic()
    with pytest.raises(sdk.TimeoutError, match=r"after 0.3 s \(last RUNNING\)$"):
        await api.runs.follow(seeded["id"], timeout=0.3, poll_interval=0.05)
    assert time.monotonic() - started < 0.3 + 1.0
    gets = len(reference_server.requests_to("GET", rf"/runs/{seeded['id']}")) - before
    assert gets >= 2  # it did reopen and ask again


@pytest.mark.parametrize("timeout", [-1.0, float("nan")])
async def test_a_bad_follow_timeout_fails_before_any_request(
    api: Api, reference_server: ReferenceServer, timeout: float
) -> None:
    seeded = seed_run(reference_server.app.store, status="COMPLETED")
    before = len(reference_server.requests)
    with pytest.raises(ValueError, match="timeout must be a number >= 0"):
        await api.runs.follow(seeded["id"], timeout=timeout)
    assert len(reference_server.requests) == before


async def test_a_generous_follow_timeout_changes_nothing(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded = seed_run(reference_server.app.store, status="RUNNING")
    run = await api.runs.follow(seeded["id"], timeout=60)
    assert run.status == "COMPLETED"
    assert capsys.readouterr().out.splitlines() == expected_lines(reference_server, seeded["id"])


def test_follow_is_generated_from_the_spec_extension(sdk: ModuleType) -> None:
    for cls in (sdk.resources.runs.Runs, sdk.resources.runs.AsyncRuns):
        signature = inspect.signature(cls.follow)
        assert list(signature.parameters) == ["self", "run_id", "file", "poll_interval", "timeout"]
        assert signature.parameters["timeout"].default is None
        assert signature.parameters["file"].kind is inspect.Parameter.KEYWORD_ONLY
        assert "until the status is terminal" in (cls.follow.__doc__ or "")
        assert "timeout: Seconds to follow at most" in (cls.follow.__doc__ or "")
    assert inspect.iscoroutinefunction(sdk.resources.runs.AsyncRuns.follow)
    assert not inspect.iscoroutinefunction(sdk.resources.runs.Runs.follow)


def test_follow_is_listed_by_options(client: Any) -> None:
    names = client.runs.options()
    assert names.index("follow") == names.index("stream_logs") + 1


def test_a_line_that_is_not_a_log_event_is_printed_raw(sdk: ModuleType) -> None:
    line = sdk.resources.runs._follow_line
    assert line('{"timestamp": "t", "message": "m"}', "{timestamp}  {message}") == "t  m"
    assert line("plain text", "{timestamp}  {message}") == "plain text"
    assert line('{"other": 1}', "{timestamp}  {message}") == '{"other": 1}'
    assert line("[1, 2]", "{timestamp}") == "[1, 2]"
    assert line("anything", None) == "anything"
