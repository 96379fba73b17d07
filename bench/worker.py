"""Measurements that run inside a benchmark venv (ours or runrl 0.2.2); prints one JSON object.

Usage: ``python bench/worker.py <command> '<json arguments>'`` (run by bench/run.py, not by hand).
Needs only the standard library, httpx, httpx-sse, pydantic and the ``runrl`` package of the
venv it runs in. Commands:

* ``calls``: per-call time of a GET (retrieve a File) and of a 100-item list, sync and async,
  through the SDK, through hand-written httpx code that returns the same validated data
  ("raw"), and through bare httpx (``.json()`` only), in alternating blocks;
* ``concurrency``: 1,000 concurrent async GETs on one SDK client vs the same client one call at a
  time vs one raw AsyncClient, then 10,000 concurrent with the resident memory;
* ``threads``: 32 threads sharing one sync SDK client vs one raw httpx.Client;
* ``sse``: events per second through the SDK's ``stream_logs`` (typed: each event's data
  validated as ``LogEvent``) vs an httpx + httpx-sse loop validating the same way, and its
  unvalidated ``.events()`` vs the bare loop;
* ``sse_memory`` / ``upload_memory``: resident memory while streaming many events / uploading
  a large file from disk through ``files.upload_path``.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import json
import resource
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import httpx
from pydantic import BaseModel, TypeAdapter

API_KEY = "rl_bench_key"
FILE_ID = "00000000-0000-4000-8000-000000000001"
HEADERS = {
    "authorization": f"Bearer {API_KEY}",
    "user-agent": "bench",
    "accept": "application/json",
}


class RawFile(BaseModel):
    """What hand-written code would validate a File into (same fields as the spec's File)."""

    id: str
    name: str
    original_filename: str | None = None
    type: str
    file_size: int | None = None
    file_size_human: str | None = None
    mime_type: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    download_url: str | None = None
    content_url: str | None = None
    preview_url: str | None = None


RAW_FILES = TypeAdapter(list[RawFile])


def rss_kib() -> int:
    """Current resident set size (VmRSS) in KiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def peak_kib() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def sdk(async_: bool, base: str, **extra: Any) -> Any:
    import runrl  # type: ignore[import-not-found]  # the venv's own package

    cls = runrl.AsyncRunRLClient if async_ else runrl.RunRLClient
    return cls(api_key=API_KEY, base_url=base, **extra)


# ---- per call ---------------------------------------------------------------------------------


def sync_calls(base: str) -> dict[str, dict[str, Callable[[], object]]]:
    raw = httpx.Client(headers=HEADERS, timeout=30.0)
    client = sdk(False, base)
    one = f"{base}/files/{FILE_ID}"
    listing = f"{base}/files"
    params = {"page": 1, "per_page": 100}

    def raw_get() -> object:
        response = raw.get(one)
        response.raise_for_status()
        return RawFile.model_validate(response.json()["data"])

    def bare_get() -> object:
        return raw.get(one).json()

    def raw_list() -> object:
        response = raw.get(listing, params=params)
        response.raise_for_status()
        return RAW_FILES.validate_python(response.json()["data"]["items"])

    def bare_list() -> object:
        return raw.get(listing, params=params).json()

    def sdk_get() -> Any:
        return client.files.retrieve(FILE_ID)

    def sdk_list() -> Any:
        return client.files.list(per_page=100)

    assert len(list(sdk_list().items)) == 100
    assert sdk_get().id == FILE_ID
    return {
        "sync GET": {"raw": raw_get, "bare": bare_get, "sdk": sdk_get},
        "sync list 100": {"raw": raw_list, "bare": bare_list, "sdk": sdk_list},
    }


def async_calls(base: str) -> dict[str, dict[str, Callable[[], Awaitable[object]]]]:
    raw = httpx.AsyncClient(headers=HEADERS, timeout=30.0)
    client = sdk(True, base)
    one = f"{base}/files/{FILE_ID}"
    listing = f"{base}/files"
    params = {"page": 1, "per_page": 100}

    async def raw_get() -> object:
        response = await raw.get(one)
        response.raise_for_status()
        return RawFile.model_validate(response.json()["data"])

    async def bare_get() -> object:
        return (await raw.get(one)).json()

    async def raw_list() -> object:
        response = await raw.get(listing, params=params)
        response.raise_for_status()
        return RAW_FILES.validate_python(response.json()["data"]["items"])

    async def bare_list() -> object:
        return (await raw.get(listing, params=params)).json()

    async def sdk_get() -> object:
        return await client.files.retrieve(FILE_ID)

    async def sdk_list() -> object:
        return await client.files.list(per_page=100)

    return {
        "async GET": {"raw": raw_get, "bare": bare_get, "sdk": sdk_get},
        "async list 100": {"raw": raw_list, "bare": bare_list, "sdk": sdk_list},
    }


def cmd_calls(args: dict[str, Any]) -> dict[str, Any]:
    """Microseconds per call: for each case, ``rounds`` blocks per contender, order rotated.

    Per block both the wall time and this process's CPU time (``cpu <name>``): the CPU time is
    the client's own work, which other processes on the machine do not inflate.
    """
    base, rounds, warmup = args["base"], args["rounds"], args["warmup"]
    per_block = {"GET": args["calls_get"], "list 100": args["calls_list"]}
    out: dict[str, dict[str, list[float]]] = {}
    for case, fns in sync_calls(base).items():
        calls = per_block[case.split(" ", 1)[1]]
        names = list(fns)
        for fn in fns.values():
            for _ in range(warmup):
                fn()
        times: dict[str, list[float]] = {n: [] for n in names + [f"cpu {n}" for n in names]}
        for index in range(rounds):
            for name in names[index % 3 :] + names[: index % 3]:
                fn = fns[name]
                started, cpu = time.perf_counter(), time.process_time()
                for _ in range(calls):
                    fn()
                times[name].append((time.perf_counter() - started) / calls * 1e6)
                times[f"cpu {name}"].append((time.process_time() - cpu) / calls * 1e6)
        out[case] = times

    async def run_async() -> None:
        for case, fns in async_calls(base).items():
            calls = per_block[case.split(" ", 1)[1]]
            names = list(fns)
            for afn in fns.values():
                for _ in range(warmup):
                    await afn()
            times: dict[str, list[float]] = {n: [] for n in names + [f"cpu {n}" for n in names]}
            for index in range(rounds):
                for name in names[index % 3 :] + names[: index % 3]:
                    afn = fns[name]
                    started, cpu = time.perf_counter(), time.process_time()
                    for _ in range(calls):
                        await afn()
                    times[name].append((time.perf_counter() - started) / calls * 1e6)
                    times[f"cpu {name}"].append((time.process_time() - cpu) / calls * 1e6)
            out[case] = times

    asyncio.run(run_async())
    return out


# ---- concurrency --------------------------------------------------------------------------------


def cmd_concurrency(args: dict[str, Any]) -> dict[str, Any]:
    """Fan-out on one async client: ``n`` GETs in flight at once vs the same client one call at a
    time vs one raw AsyncClient with the same pool limits (errors counted); then ``big_n`` in
    flight at once, ``big_rounds`` times, with the resident memory after each round."""
    base, n, rounds, pool = args["base"], args["n"], args["rounds"], args["pool"]
    big_n, big_rounds = args["big_n"], args["big_rounds"]
    one = f"{base}/files/{FILE_ID}"

    async def main() -> dict[str, Any]:
        limits = httpx.Limits(max_connections=pool, max_keepalive_connections=pool)
        raw = httpx.AsyncClient(headers=HEADERS, timeout=60.0, limits=limits)
        client = sdk(True, base, pool_maxsize=pool, timeout=60.0)

        async def raw_get() -> object:
            response = await raw.get(one)
            response.raise_for_status()
            return RawFile.model_validate(response.json()["data"])

        async def sdk_get() -> object:
            return await client.files.retrieve(FILE_ID)

        async def fan_out(fn: Callable[[], Awaitable[object]], count: int) -> int:
            answers = await asyncio.gather(*(fn() for _ in range(count)), return_exceptions=True)
            errors = [a for a in answers if isinstance(a, BaseException)]
            if errors:
                result.setdefault("first_error", repr(errors[0])[:200])
            return len(errors)

        async def one_at_a_time(count: int) -> int:
            for _ in range(count):
                await sdk_get()
            return 0

        cases: dict[str, Callable[[], Awaitable[int]]] = {
            "sdk": lambda: fan_out(sdk_get, n),
            "raw": lambda: fan_out(raw_get, n),
            "sdk one at a time": lambda: one_at_a_time(n),
        }
        result: dict[str, Any] = {name: {"rate": [], "errors": 0} for name in cases}
        for fn in (raw_get, sdk_get):  # warm up: fill the pools
            await asyncio.gather(*(fn() for _ in range(pool * 2)))
        names = list(cases)
        for index in range(rounds):
            for name in names[index % 3 :] + names[: index % 3]:
                started = time.perf_counter()
                errors = await cases[name]()
                result[name]["rate"].append(n / (time.perf_counter() - started))
                result[name]["errors"] += errors
        gc.collect()
        big: dict[str, Any] = {"rss_before_kib": rss_kib(), "rss_after_kib": [], "rate": []}
        big["errors"] = 0
        for _ in range(big_rounds):
            started = time.perf_counter()
            big["errors"] += await fan_out(sdk_get, big_n)
            big["rate"].append(big_n / (time.perf_counter() - started))
            gc.collect()
            big["rss_after_kib"].append(rss_kib())
        big["peak_kib"] = peak_kib()
        result["big"] = big
        await raw.aclose()
        await client.aclose()
        return result

    return asyncio.run(main())


def cmd_threads(args: dict[str, Any]) -> dict[str, Any]:
    """Calls per second from ``threads`` threads sharing one sync client vs one raw httpx.Client
    (same pool limits), ``calls`` each; rounds alternate the order; errors counted. Also the
    client process's CPU time per call (``cpu_us``): the client's own work, which the machine's
    other load (the benchmark's server shares its two cores) does not slow down as much."""
    import threading

    base, threads, calls, rounds, pool = (
        args[k] for k in ("base", "threads", "calls", "rounds", "pool")
    )
    one = f"{base}/files/{FILE_ID}"
    limits = httpx.Limits(max_connections=pool, max_keepalive_connections=pool)
    raw = httpx.Client(headers=HEADERS, timeout=60.0, limits=limits)
    client = sdk(False, base, pool_maxsize=pool, timeout=60.0)

    def raw_get() -> object:
        response = raw.get(one)
        response.raise_for_status()
        return RawFile.model_validate(response.json()["data"])

    def sdk_get() -> object:
        return client.files.retrieve(FILE_ID)

    fns: dict[str, Callable[[], object]] = {"sdk": sdk_get, "raw": raw_get}
    result: dict[str, Any] = {name: {"rate": [], "errors": 0} for name in fns}

    def run(fn: Callable[[], object], per_thread: int) -> tuple[float, float, list[BaseException]]:
        """Calls per second, and this process's CPU time per call in microseconds."""
        errors: list[BaseException] = []
        start = threading.Barrier(threads + 1)

        def work() -> None:
            start.wait()
            for _ in range(per_thread):
                try:
                    fn()
                except Exception as error:  # noqa: BLE001 - counted and reported
                    errors.append(error)

        workers = [threading.Thread(target=work) for _ in range(threads)]
        for worker in workers:
            worker.start()
        start.wait()
        started, cpu = time.perf_counter(), time.process_time()
        for worker in workers:
            worker.join()
        calls = threads * per_thread
        cpu_us = (time.process_time() - cpu) * 1e6 / calls
        return calls / (time.perf_counter() - started), cpu_us, errors

    for fn in fns.values():
        run(fn, 2)  # warm up: fill the pools
    for index in range(rounds):
        for name in list(fns) if index % 2 == 0 else list(fns)[::-1]:
            rate, cpu_us, errors = run(fns[name], calls)
            result[name]["rate"].append(rate)
            result[name].setdefault("cpu_us", []).append(cpu_us)
            result[name]["errors"] += len(errors)
            if errors:
                result[name].setdefault("first_error", repr(errors[0])[:200])
    return result


# ---- streaming and uploads -----------------------------------------------------------------------


def cmd_sse(args: dict[str, Any]) -> dict[str, Any]:
    """Events per second, sync and async: the SDK's stream_logs (each event's data validated as
    the spec's LogEvent) vs httpx + httpx-sse validating each event's data with the same model
    (one TypeAdapter, built once), and the SDK's unvalidated events (``.events()``) vs httpx +
    httpx-sse alone."""
    from httpx_sse import EventSource
    from runrl.models import LogEvent

    base, events, rounds = args["base"], args["events"], args["rounds"]
    url = f"{base}/runs/{events}/logs/stream"
    sse_headers = {"accept": "text/event-stream", "cache-control": "no-store"}
    raw = httpx.Client(headers=HEADERS, timeout=60.0)
    client = sdk(False, base, timeout=60.0)
    validate = TypeAdapter(LogEvent).validate_json

    def raw_sync(typed: bool) -> int:
        count = 0
        with raw.stream("GET", url, headers=sse_headers) as response:
            response.raise_for_status()
            for event in EventSource(response).iter_sse():
                if typed:
                    validate(event.data)
                count += 1
        return count

    def sdk_sync(typed: bool) -> int:
        count = 0
        stream = client.runs.stream_logs(events)
        for _event in stream if typed else stream.events():
            count += 1
        return count

    async def arun(which: str, typed: bool) -> int:
        count = 0
        if which == "raw":
            async with httpx.AsyncClient(headers=HEADERS, timeout=60.0) as araw:
                async with araw.stream("GET", url, headers=sse_headers) as response:
                    response.raise_for_status()
                    async for event in EventSource(response).aiter_sse():
                        if typed:
                            validate(event.data)
                        count += 1
        else:
            async with sdk(True, base, timeout=60.0) as aclient:
                stream = aclient.runs.stream_logs(events)
                async for _event in stream if typed else stream.events():
                    count += 1
        return count

    cases: dict[str, dict[str, Callable[[], int]]] = {
        "sync": {
            "raw": functools.partial(raw_sync, True),
            "sdk": functools.partial(sdk_sync, True),
            "raw_untyped": functools.partial(raw_sync, False),
            "sdk_untyped": functools.partial(sdk_sync, False),
        },
        "async": {
            "raw": lambda: asyncio.run(arun("raw", True)),
            "sdk": lambda: asyncio.run(arun("sdk", True)),
            "raw_untyped": lambda: asyncio.run(arun("raw", False)),
            "sdk_untyped": lambda: asyncio.run(arun("sdk", False)),
        },
    }
    out: dict[str, Any] = {}
    for case, fns in cases.items():
        # events/s by the wall clock, and by this process's CPU time (the client's own work,
        # which the server process and the rest of the machine do not inflate)
        rates: dict[str, list[float]] = {name: [] for name in fns}
        cpu: dict[str, list[float]] = {name: [] for name in fns}
        for index in range(rounds):
            order = list(fns) if index % 2 == 0 else list(fns)[::-1]
            for name in order:
                started, started_cpu = time.perf_counter(), time.process_time()
                count = fns[name]()
                elapsed = time.perf_counter() - started
                elapsed_cpu = time.process_time() - started_cpu
                if count != events:
                    raise SystemExit(f"{case} {name}: {count} events, expected {events}")
                rates[name].append(count / elapsed)
                cpu[name].append(count / max(elapsed_cpu, 1e-9))
        out[case] = {**rates, "cpu": cpu}
    return out


def cmd_sse_memory(args: dict[str, Any]) -> dict[str, Any]:
    """RSS while iterating a long stream: sampled at 1 %, 10 %, 50 % and 100 % of the events."""
    base, events = args["base"], args["events"]
    client = sdk(False, base, timeout=120.0)
    checkpoints = {max(events // 100, 1), max(events // 10, 1), events // 2, events}
    samples: dict[str, int] = {}
    count = 0
    started = time.perf_counter()
    for _event in client.runs.stream_logs(events):
        count += 1
        if count in checkpoints:
            samples[str(count)] = rss_kib()
    elapsed = time.perf_counter() - started
    return {"events": count, "rss_kib": samples, "peak_kib": peak_kib(), "seconds": elapsed}


def cmd_upload_memory(args: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS of uploading ``path`` (large) through files.upload_path, vs before it."""
    base, path, small = args["base"], args["path"], args["small"]
    client = sdk(False, base, timeout=300.0)
    client.files.upload_path(small, file_type="prompt")  # imports, pool, first-call caches
    gc.collect()
    before = rss_kib()
    peak_before = peak_kib()
    started = time.perf_counter()
    answer = client.files.upload_path(path, file_type="prompt")
    elapsed = time.perf_counter() - started
    return {
        "rss_before_kib": before,
        "peak_before_kib": peak_before,
        "peak_after_kib": peak_kib(),
        "server_received": answer.file_size,
        "seconds": elapsed,
    }


COMMANDS = {
    "calls": cmd_calls,
    "concurrency": cmd_concurrency,
    "threads": cmd_threads,
    "sse": cmd_sse,
    "sse_memory": cmd_sse_memory,
    "upload_memory": cmd_upload_memory,
}


def main() -> None:
    command, raw_args = sys.argv[1], sys.argv[2]
    result = COMMANDS[command](json.loads(raw_args))
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
