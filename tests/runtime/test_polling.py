"""Polling futures, sync and async, driven by a real server."""

from __future__ import annotations

import builtins
import time
from typing import Any

import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._base_client import AsyncAPIClient, SyncAPIClient
from runrl_rt._polling import (
    AsyncRunRLPollingFuture,
    PollingPolicy,
    RunRLPollingFuture,
    as_completed,
    async_as_completed,
    async_wait_all,
    wait_all,
)
from tests.runtime.helpers import (
    CANCEL_RUN,
    CREATE_RUN,
    GET_RUN,
    Run,
    RunStatus,
    Sleeps,
    make_async_client,
    make_client,
)
from tests.runtime.server import Reply, Seen, TestServer, envelope

POLICY = PollingPolicy(
    terminal=frozenset({"COMPLETED", "FAILED", "CANCELLED"}),
    success=frozenset({"COMPLETED"}),
    status_field="status",
    progress_field="progress",
    failure_error=exc.RunFailedError,
    name="run",
    id_field="id",
    error_field="error_message",
)


def statuses(*sequence: str, error: str | None = None) -> Any:
    """A GET /runs/{id} handler walking through ``sequence`` (then staying on the last one)."""

    def handler(request: Seen, n: int) -> Reply:
        run_id = int(request.path.split("/")[2])
        status = sequence[min(n, len(sequence) - 1)]
        return envelope(
            {"id": run_id, "status": status, "progress": n / 10, "error_message": error}
        )

    return handler


def sync_future(client: SyncAPIClient, run_id: int = 1, **kwargs: Any) -> RunRLPollingFuture[Run]:
    """What a generated ``runs.create`` returns."""
    run = client.request(CREATE_RUN, json={"id": run_id}, cast_to=Run)
    return RunRLPollingFuture(
        run,
        poll=lambda: client.request(GET_RUN, path_params={"id": run.id}, cast_to=Run),
        cancel=lambda: client.request(CANCEL_RUN, path_params={"id": run.id}, cast_to=type(None)),
        policy=POLICY,
        poll_interval=kwargs.pop("poll_interval", 0.01),
        **kwargs,
    )


def async_future(client: AsyncAPIClient, run: Run, **kwargs: Any) -> AsyncRunRLPollingFuture[Run]:
    async def poll() -> Run:
        return await client.request(GET_RUN, path_params={"id": run.id}, cast_to=Run)

    async def cancel() -> None:
        await client.request(CANCEL_RUN, path_params={"id": run.id}, cast_to=type(None))

    return AsyncRunRLPollingFuture(
        run,
        poll=poll,
        cancel=cancel,
        policy=POLICY,
        poll_interval=kwargs.pop("poll_interval", 0.01),
        **kwargs,
    )


def created(request: Seen, n: int) -> Reply:
    return envelope({"id": request.json()["id"], "status": "QUEUED"})


# ----------------------------------------------------------------------------- sync


def test_success(server: TestServer) -> None:
    server.on("POST", "/runs", created)
    server.on("GET", "/runs/1", statuses("RUNNING", "RUNNING", "COMPLETED"))
    with make_client(server.url) as client:
        future = sync_future(client)
        assert future.initial.status is RunStatus.QUEUED and not future.done()
        done: list[Any] = []
        future.add_done_callback(done.append)
        run = future.result()
        assert run.status is RunStatus.COMPLETED and future.done() and future.latest is run
        assert future.result() is run  # no more polling once done
        assert future.progress == 0.2
        future.add_done_callback(done.append)  # already done: runs at once
    assert done == [future, future]
    assert len(server.seen("GET", "/runs/1")) == 3


def test_failure_raises_run_failed_error(server: TestServer) -> None:
    server.on("POST", "/runs", created)
    server.on("GET", "/runs/1", statuses("RUNNING", "FAILED", error="out of memory"))
    with make_client(server.url) as client:
        future = sync_future(client)
        with pytest.raises(exc.RunFailedError) as info:
            future.result()
    err = info.value
    assert err.run.status is RunStatus.FAILED and err.run.error_message == "out of memory"
    assert str(err) == "run 1 ended with status FAILED: out of memory"
    assert future.done() and not future.cancelled()


def test_timeout_is_a_builtin_timeout_error(server: TestServer) -> None:
    server.on("POST", "/runs", created)
    server.on("GET", "/runs/1", statuses("RUNNING"))
    with make_client(server.url) as client:
        future = sync_future(client, max_timeout=0.05)
        with pytest.raises(builtins.TimeoutError) as info:
            future.result()
        assert isinstance(info.value, exc.TimeoutError)
        assert "run 1 (last status RUNNING)" in str(info.value)
        assert not future.done()  # the run goes on; result() may be called again
        with pytest.raises(exc.TimeoutError):
            future.result(timeout=0)


def test_cancel(server: TestServer) -> None:
    server.on("POST", "/runs", created)
    server.on("GET", "/runs/1", statuses("RUNNING"))
    server.on("POST", "/runs/1/cancel", lambda r, n: Reply(status=204))
    with make_client(server.url) as client:
        future = sync_future(client)
        calls: list[Any] = []
        future.add_done_callback(calls.append)
        assert future.cancel() is True
        assert future.cancel() is False  # already done
        with pytest.raises(exc.PollingCancelledError):
            future.result()
        assert not isinstance(exc.PollingCancelledError("x"), builtins.TimeoutError)
    assert future.cancelled() and future.done() and calls == [future]
    assert len(server.seen("POST", "/runs/1/cancel")) == 1


def test_callback_runs_exactly_once_and_errors_are_logged(
    server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.on("POST", "/runs", created)
    server.on("GET", "/runs/1", statuses("COMPLETED"))
    with make_client(server.url) as client:
        future = sync_future(client)
        calls: list[Any] = []
        future.add_done_callback(calls.append)

        def broken(_: Any) -> None:
            raise ValueError("callback bug")

        future.add_done_callback(broken)
        future.status()
        future.status()
        future.result()
    assert calls == [future]
    assert "callback bug" in caplog.text


def test_zero_poll_interval_and_status_does_not_wait(server: TestServer) -> None:
    server.on("POST", "/runs", created)
    server.on("GET", "/runs/1", statuses("RUNNING", "RUNNING", "RUNNING", "COMPLETED"))
    with make_client(server.url) as client:
        future = sync_future(client, poll_interval=0)
        assert future.status().status is RunStatus.RUNNING
        assert future.result(timeout=5).status is RunStatus.COMPLETED


def test_429_while_polling_is_retried_by_the_client(server: TestServer) -> None:
    server.on("POST", "/runs", created)
    replies = [
        Reply(status=429, json={"error": "rate_limit_exceeded"}, headers={"Retry-After": "0.01"})
    ]

    def handler(request: Seen, n: int) -> Reply:
        return replies[n] if n < len(replies) else envelope({"id": 1, "status": "COMPLETED"})

    server.on("GET", "/runs/1", handler)
    with make_client(server.url) as client:
        assert sync_future(client).result().status is RunStatus.COMPLETED
    assert len(server.seen("GET", "/runs/1")) == 2


def test_wait_all_and_as_completed(server: TestServer) -> None:
    server.on("POST", "/runs", created)
    server.on("GET", "/runs/1", statuses("RUNNING", "RUNNING", "RUNNING", "COMPLETED"))
    server.on("GET", "/runs/2", statuses("COMPLETED"))
    server.on("GET", "/runs/3", statuses("RUNNING"))
    with make_client(server.url) as client:
        first, second = sync_future(client, 1), sync_future(client, 2)
        order = [f.initial.id for f in as_completed([first, second])]
        assert order == [2, 1]
        assert [r.id for r in wait_all([first, second])] == [1, 2]
        with pytest.raises(exc.TimeoutError):
            list(as_completed([sync_future(client, 3)], timeout=0.05))


# ----------------------------------------------------------------------------- async


@pytest.mark.anyio
async def test_async_success_failure_and_await(server: TestServer) -> None:
    server.on("GET", "/runs/1", statuses("RUNNING", "COMPLETED"))
    server.on("GET", "/runs/2", statuses("FAILED", error="bad reward"))
    async with make_async_client(server.url) as client:
        future = async_future(client, Run(id=1, status=RunStatus.QUEUED))
        calls: list[Any] = []
        future.add_done_callback(calls.append)
        run = await future  # directly awaitable
        assert run.status is RunStatus.COMPLETED and calls == [future]
        assert await future.result() is run
        failing = async_future(client, Run(id=2, status=RunStatus.QUEUED))
        with pytest.raises(exc.RunFailedError) as info:
            await failing.result()
        assert info.value.run.error_message == "bad reward"
        assert (await failing.status()).status is RunStatus.FAILED


@pytest.mark.anyio
async def test_async_timeout_and_cancel(server: TestServer) -> None:
    server.on("GET", "/runs/1", statuses("RUNNING"))
    server.on("POST", "/runs/1/cancel", lambda r, n: Reply(status=204))
    async with make_async_client(server.url) as client:
        future = async_future(client, Run(id=1, status=RunStatus.QUEUED), max_timeout=0.05)
        with pytest.raises(TimeoutError):
            await future
        calls: list[Any] = []
        future.add_done_callback(calls.append)
        assert await future.cancel() is True
        with pytest.raises(exc.PollingCancelledError):
            await future
        assert await future.cancel() is False
    assert calls == [future] and future.cancelled()
    assert len(server.seen("POST", "/runs/1/cancel")) == 1


@pytest.mark.anyio
async def test_async_wait_all_and_as_completed(server: TestServer) -> None:
    server.on("GET", "/runs/1", statuses("RUNNING", "RUNNING", "RUNNING", "COMPLETED"))
    server.on("GET", "/runs/2", statuses("RUNNING", "COMPLETED"))
    server.on("GET", "/runs/3", statuses("RUNNING"))
    async with make_async_client(server.url) as client:
        first = async_future(client, Run(id=1, status=RunStatus.QUEUED))
        second = async_future(client, Run(id=2, status=RunStatus.QUEUED))
        order = [f.initial.id async for f in async_as_completed([first, second])]
        assert order == [2, 1]
        assert [r.id for r in await async_wait_all([first, second])] == [1, 2]
        with pytest.raises(exc.TimeoutError):
            stuck = async_future(client, Run(id=3, status=RunStatus.QUEUED))
            async for _ in async_as_completed([stuck], timeout=0.05):
                pass


# ----------------------------------------------------------------------------- the deadline
# result(timeout=T) returns or raises by T: the status requests, their retries and the pauses
# before them end by T too (issue 11, item 7). A 1 s deadline against a server that would take
# 30 s: the bounds below hold on a loaded machine and fail without the shared deadline.


def slow_status(request: Seen, n: int) -> Reply:
    return Reply(json={"data": {"id": 1, "status": "RUNNING"}}, delay=30)


def rate_limited(request: Seen, n: int) -> Reply:
    return Reply(status=429, json={"error": "rate_limit_exceeded"}, headers={"Retry-After": "30"})


@pytest.mark.parametrize("handler", [slow_status, rate_limited], ids=["slow", "429"])
def test_result_timeout_bounds_the_status_requests(server: TestServer, handler: Any) -> None:
    server.on("POST", "/runs", created)
    server.on("GET", "/runs/1", handler)
    sleeps = Sleeps()
    with make_client(server.url, sleeps) as client:
        future = sync_future(client, poll_interval=0.1)
        started = time.monotonic()
        with pytest.raises(exc.TimeoutError) as info:
            future.result(timeout=1)
        elapsed = time.monotonic() - started
    assert elapsed < 10, f"result(timeout=1) took {elapsed:.1f} s"
    assert "timed out after 1 s waiting for run 1" in str(info.value)
    # No retry pause inside a status request went past the deadline (the recorder does not
    # really sleep: without the deadline it records the server's 30 s).
    assert all(pause < 1 for pause in sleeps.calls), sleeps.calls


@pytest.mark.anyio
@pytest.mark.parametrize("handler", [slow_status, rate_limited], ids=["slow", "429"])
async def test_async_result_timeout_bounds_the_status_requests(
    server: TestServer, handler: Any
) -> None:
    server.on("GET", "/runs/1", handler)
    sleeps = Sleeps()
    async with make_async_client(server.url, sleeps) as client:
        future = async_future(client, Run(id=1, status=RunStatus.QUEUED), poll_interval=0.1)
        started = time.monotonic()
        with pytest.raises(exc.TimeoutError):
            await future.result(timeout=1)
        elapsed = time.monotonic() - started
    assert elapsed < 10, f"result(timeout=1) took {elapsed:.1f} s"
    assert all(pause < 1 for pause in sleeps.calls), sleeps.calls


def test_as_completed_timeout_bounds_the_status_requests(server: TestServer) -> None:
    server.on("POST", "/runs", created)
    server.on("GET", "/runs/1", slow_status)
    with make_client(server.url) as client:
        future = sync_future(client, poll_interval=0.1)
        started = time.monotonic()
        with pytest.raises(exc.TimeoutError):
            list(as_completed([future], timeout=1))
    assert time.monotonic() - started < 10


def test_a_server_pause_between_polls_is_capped(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Retry-After: 3000 on a poll: the next poll comes after 60 s, not 50 minutes (on a clock
    the test controls)."""
    import runrl_rt._polling as polling_module

    clock = FakeClock()
    monkeypatch.setattr(polling_module, "time", clock)
    server.on("POST", "/runs", created)
    replies = [Reply(status=429, json={"error": "slow down"}, headers={"Retry-After": "3000"})]
    server.on("GET", "/runs/1", lambda r, n: replies[n] if n < 1 else statuses("COMPLETED")(r, n))
    with make_client(server.url) as client:
        future = sync_future(client, poll_interval=5)
        assert future.result(timeout=7200).status is RunStatus.COMPLETED
    assert clock.sleeps == [5, 60]


def test_nan_time_limits_are_refused(server: TestServer) -> None:
    server.on("POST", "/runs", created)
    with make_client(server.url) as client:
        future = sync_future(client)
        with pytest.raises(ValueError, match="timeout must be a number >= 0"):
            future.result(timeout=float("nan"))
        with pytest.raises(ValueError, match="poll_interval"):
            sync_future(client, poll_interval=float("nan"))


class FakeClock:
    """Stands in for the ``time`` module of ``_polling``: sleeping does not wait, it moves this
    clock forward (which never runs behind the real one the client's requests use)."""

    def __init__(self) -> None:
        self.skipped = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return time.monotonic() + self.skipped

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.skipped += seconds
