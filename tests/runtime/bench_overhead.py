"""Per-call overhead of the runtime over raw httpx, for one small GET (not a pytest test).

Usage: ``.venv/bin/python -m tests.runtime.bench_overhead`` (from the repository root).
Both sides send the same headers and validate the same model; the transport is in-memory
(httpx.MockTransport), so the difference is the runtime's own work. Best of many rounds.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import httpx
import tests.runtime.rendered  # noqa: F401 - registers runrl_rt (imported below, after this)

BODY = json.dumps({"success": True, "data": {"id": 7, "status": "RUNNING", "model": "q"}})
HEADERS = {"Authorization": "Bearer k", "User-Agent": "ua", "Accept": "application/json"}


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=BODY, headers={"content-type": "application/json"})


def best_of(*fns: Callable[[], object], rounds: int = 60, calls: int = 300) -> list[float]:
    """Minimum microseconds per call of each function; rounds alternate so load hits both."""
    for fn in fns:
        for _ in range(200):
            fn()
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for index, fn in enumerate(fns):
            started = time.perf_counter()
            for _ in range(calls):
                fn()
            best[index] = min(best[index], (time.perf_counter() - started) / calls * 1e6)
    return best


def main() -> None:
    from runrl_rt._base_client import SyncAPIClient
    from runrl_rt._config import ClientConfig
    from tests.runtime.helpers import GET_RUN, Run

    raw = httpx.Client(transport=httpx.MockTransport(answer))
    sdk = SyncAPIClient(
        ClientConfig(api_key="k", base_url="http://x"),
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )

    def raw_call() -> object:
        response = raw.get("http://x/runs/7", headers=HEADERS)
        response.raise_for_status()
        return Run.model_validate(response.json()["data"])

    def sdk_call() -> object:
        return sdk.request(GET_RUN, path_params={"id": 7}, cast_to=Run)

    raw_us, sdk_us = best_of(raw_call, sdk_call)
    print(
        f"raw httpx {raw_us:.1f} us, runtime {sdk_us:.1f} us: {100 * (sdk_us / raw_us - 1):+.1f} %"
    )


if __name__ == "__main__":
    main()
