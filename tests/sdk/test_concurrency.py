"""Sharing one client between threads (sync) or tasks (async), and polling futures under
concurrency: timeouts, cancellation, done-callbacks, ``Retry-After`` while polling, and the
``wait_all`` / ``as_completed`` helpers, against the reference server.
"""

from __future__ import annotations

import asyncio
import builtins
import importlib
import threading
import time
from types import ModuleType
from typing import Any

import pytest

from tests.sdk._support import MODEL, Api, seed_file, seed_files
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio

THREADS = 8
CALLS = 100


# ------------------------------------------------------------------------------ shared clients


def test_one_sync_client_shared_by_8_threads(
    client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    files = [seed_file(store, name=f"file-{n}") for n in range(THREADS)]
    reference_server.clear_requests()
    errors: list[BaseException] = []
    wrong: list[str] = []
    start = threading.Barrier(THREADS)

    def work(n: int) -> None:
        expected = files[n]
        start.wait()
        for i in range(CALLS):
            try:
                if i % 2:
                    # Raw calls in between: the raw mode of one thread must not leak into another.
                    raw = client.with_raw_response.files.retrieve(expected["id"])
                    got = raw.parsed()
                    if raw.status_code != 200:
                        wrong.append(f"thread {n}: status {raw.status_code}")
                else:
                    got = client.files.retrieve(expected["id"])
                if not isinstance(got, sdk.models.File):
                    wrong.append(f"thread {n}: got a {type(got).__name__}")
                elif (got.id, got.name) != (expected["id"], expected["name"]):
                    wrong.append(f"thread {n}: got {got.id} {got.name}")
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    elapsed = time.monotonic() - started

    assert errors == []
    assert wrong == []
    recs = reference_server.requests_to("GET", r"/files/.+")
    assert len(recs) == THREADS * CALLS == 800
    assert all(r.response_status == 200 for r in recs)
    for f in files:  # every thread's requests arrived, each with our headers
        mine = [r for r in recs if r.path == f"/files/{f['id']}"]
        assert len(mine) == CALLS
    assert client.rate_limit is not None and client.rate_limit.remaining < 10_000 - 700
    assert elapsed < 60


async def test_one_async_client_shared_by_8_tasks(
    async_client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    """The async twin: 8 tasks x 100 calls on one client (one event loop)."""
    store = reference_server.app.store
    files = [seed_file(store, name=f"file-{n}") for n in range(THREADS)]
    reference_server.clear_requests()

    async def work(n: int) -> list[str]:
        wrong = []
        for i in range(CALLS):
            if i % 2:
                raw = await async_client.with_raw_response.files.retrieve(files[n]["id"])
                got = raw.parsed()
            else:
                got = await async_client.files.retrieve(files[n]["id"])
            if not isinstance(got, sdk.models.File) or got.id != files[n]["id"]:
                wrong.append(f"task {n}: got {got!r}")
        return wrong

    results = await asyncio.gather(*(work(n) for n in range(THREADS)))

    assert [w for ws in results for w in ws] == []
    recs = reference_server.requests_to("GET", r"/files/.+")
    assert len(recs) == THREADS * CALLS == 800
    assert all(r.response_status == 200 for r in recs)


# ------------------------------------------------------------------------------------- futures


async def test_result_timeout_and_cancel_are_distinct_errors(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    future = await api.runs.create(
        model="acme/stall-7b", prompt_file_id=prompt_id, reward_file_id=reward_id
    )
    run_id = future.initial.id

    started = time.monotonic()
    with pytest.raises(builtins.TimeoutError) as err:  # the builtin catches it
        await api.aw(future.result(timeout=0.2))
    assert 0.2 <= time.monotonic() - started < 2
    assert isinstance(err.value, sdk.exceptions.TimeoutError)
    assert isinstance(err.value, sdk.exceptions.RunRLException)
    assert not isinstance(err.value, sdk.exceptions.APITimeoutError)  # not an HTTP timeout
    assert f"run {run_id}" in str(err.value) and "RUNNING" in str(err.value)
    assert not future.done()  # the run goes on; result() may be called again
    assert reference_server.app.store.runs[run_id]["status"] == "RUNNING"

    assert await api.aw(future.cancel()) is True
    assert reference_server.app.store.runs[run_id]["status"] == "CANCELLED"
    with pytest.raises(sdk.exceptions.PollingCancelledError) as cancelled:
        await api.aw(future.result(timeout=5))
    assert not isinstance(cancelled.value, builtins.TimeoutError)
    assert future.cancelled() and future.done()
    assert len(reference_server.requests_to("POST", rf"/runs/{run_id}/cancel")) == 1


def test_done_callbacks_run_once_when_threads_wait_together(
    client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    future = client.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)
    calls: list[Any] = []
    lock = threading.Lock()

    def callback(f: Any) -> None:
        with lock:
            calls.append(f)

    def broken(f: Any) -> None:
        raise RuntimeError("a broken callback")

    future.add_done_callback(broken)  # logged, does not stop the others
    future.add_done_callback(callback)
    results: list[Any] = []
    start = threading.Barrier(6)

    def wait() -> None:
        start.wait()
        results.append(future.result(timeout=10))

    threads = [threading.Thread(target=wait) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)

    assert len(results) == 6 and all(r.status == "COMPLETED" for r in results)
    assert calls == [future]  # exactly once
    future.add_done_callback(callback)  # already done: runs at once, once
    assert calls == [future, future]


async def test_done_callbacks_run_once_when_tasks_wait_together(
    async_client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    future = await async_client.runs.create(
        model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id
    )
    calls: list[Any] = []
    future.add_done_callback(calls.append)

    results = await asyncio.gather(future.result(), future.result(), future, future.result())

    assert all(r.status == "COMPLETED" for r in results)
    assert calls == [future]


async def test_polling_honours_retry_after(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    future = await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)
    reference_server.inject(r"/runs/\d+", method="GET", status=429, headers={"Retry-After": "0.4"})

    run = await api.aw(future.result(timeout=10))

    assert run.status == "COMPLETED"
    polls = reference_server.requests_to("GET", r"/runs/\d+")
    assert [p.response_status for p in polls] == [429, 200, 200]
    assert polls[1].time - polls[0].time >= 0.38  # waited as asked, not the 0.01 s interval
    assert polls[2].time - polls[1].time < 0.38


async def test_a_retry_after_longer_than_a_request_waits_pauses_the_future(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    """A request raises RateLimitError rather than sleep 120 s; a future waiting for a run is
    meant to wait, so the server's pause becomes its next one, bounded by result()'s timeout."""
    prompt_id, reward_id = seed_files(reference_server.app.store)
    future = await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)
    reference_server.inject(r"/runs/\d+", method="GET", status=429, headers={"Retry-After": "120"})

    started = time.monotonic()
    with pytest.raises(sdk.exceptions.TimeoutError):
        await api.aw(future.result(timeout=0.6))
    assert 0.55 <= time.monotonic() - started < 5
    polls = reference_server.requests_to("GET", r"/runs/\d+")
    assert [p.response_status for p in polls] == [429]  # one poll, then the server's pause

    reference_server.clear_faults()
    run = await api.aw(future.result(timeout=10))
    assert run.status == "COMPLETED"


async def test_wait_all_and_as_completed(
    client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)

    def create(model: str) -> Any:
        return client.runs.create(model=model, prompt_file_id=prompt_id, reward_file_id=reward_id)

    futures = [create(f"acme/model-{n}") for n in range(5)]
    runs = sdk.wait_all(futures, timeout=10)
    assert [r.id for r in runs] == [f.initial.id for f in futures]  # in the given order
    assert all(r.status == "COMPLETED" for r in runs)
    assert importlib.import_module("runrl.futures").wait_all is sdk.wait_all

    failing = [create("acme/model-ok"), create("acme/will-fail")]
    with pytest.raises(sdk.exceptions.RunFailedError):
        sdk.wait_all(failing, timeout=10)

    stalled = create("acme/stall-7b")
    quick = [create("acme/a"), create("acme/b")]
    seen: list[Any] = []
    with pytest.raises(sdk.exceptions.TimeoutError):
        for done in sdk.as_completed([stalled, *quick], timeout=0.5):
            seen.append(done)
    assert sorted(f.initial.id for f in seen) == sorted(f.initial.id for f in quick)
    assert all(f.done() for f in seen) and not stalled.done()
    with pytest.raises(builtins.TimeoutError):
        sdk.wait_all([stalled], timeout=0.2)


async def test_async_wait_all_and_as_completed(
    async_client: Any, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)

    async def create(model: str) -> Any:
        return await async_client.runs.create(
            model=model, prompt_file_id=prompt_id, reward_file_id=reward_id
        )

    futures = [await create(f"acme/model-{n}") for n in range(5)]
    runs = await sdk.async_wait_all(futures, timeout=10)
    assert [r.id for r in runs] == [f.initial.id for f in futures]
    futures_module = importlib.import_module("runrl.futures")
    assert futures_module.async_wait_all is sdk.async_wait_all
    assert futures_module.async_as_completed is sdk.async_as_completed

    stalled = await create("acme/stall-7b")
    quick = [await create("acme/a"), await create("acme/b")]
    seen: list[Any] = []
    with pytest.raises(sdk.exceptions.TimeoutError):
        async for done in sdk.async_as_completed([stalled, *quick], timeout=0.5):
            seen.append(done)
    assert sorted(f.initial.id for f in seen) == sorted(f.initial.id for f in quick)
    assert not stalled.done()
