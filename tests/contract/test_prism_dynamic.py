"""Every page-style list walked across pages against Prism's generated data (``--dynamic``).

Prism makes up each answer from the response schema (a seeded faker: the same seed, the same
answers): page numbers, sizes and totals the schema leaves open come back as any integer,
negative ones included. The client takes every byte of an answer as untrusted, so whatever
the pagination facts say, walking a list must never send a request the spec forbids (Prism
``--errors`` answers one with 422 and an ``sl-violations`` header: a negative page number did,
before the pages ignored page numbers below 1) and never raise anything but the package's
own exceptions. Sync client, the newest API version; a few seeds.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.contract._support import Prism, generated_versions, load_sdk, spec_path

pytestmark = [pytest.mark.node]

VERSION = generated_versions()[-1]
SEEDS = ("7", "42", "1234")
MAX_ITEMS = 40  # per list: enough for several pages of the small sizes asked for below


@pytest.fixture(scope="module", params=SEEDS)
def dynamic_prism(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Prism]:
    tmp: Path = tmp_path_factory.mktemp(f"prism-dynamic-{request.param}")
    prism = Prism(spec_path(VERSION), tmp / "prism.log", seed=request.param).start()
    try:
        yield prism
    finally:
        prism.stop()


def page_lists(sdk: ModuleType, client: Any) -> list[tuple[str, Any]]:
    """(name, bound method) of every list method returning pages of the page style."""
    found = []
    for namespace in ("files", "runs", "deployments", "tools", "shared_configurations"):
        method = getattr(getattr(client, namespace, None), "list", None)
        if method is not None:
            found.append((f"{namespace}.list", method))
    return found


def test_walking_generated_pages_sends_only_valid_requests(dynamic_prism: Prism) -> None:
    violations: list[str] = []

    def record(response: httpx.Response) -> None:
        if "sl-violations" in response.headers:
            request = response.request
            violations.append(
                f"{request.method} {request.url}: {response.headers['sl-violations']}"
            )

    with load_sdk(VERSION) as sdk:
        http = httpx.Client(event_hooks={"response": [record]})
        with sdk.RunRLClient(
            api_key="rl_contract_test_key", base_url=dynamic_prism.url, max_retries=0,
            http_client=http,
        ) as client:  # fmt: skip
            walked = []
            for name, method in page_lists(sdk, client):
                count = 0
                small = (
                    {"per_page": 2} if "per_page" in inspect.signature(method).parameters else {}
                )
                try:
                    for _item in method(**small):
                        count += 1
                        if count >= MAX_ITEMS:
                            break
                except sdk.RunRLException as err:  # generated data may break a model's rules
                    walked.append(f"{name}: {type(err).__name__}")
                    continue
                walked.append(f"{name}: {count} items")
        http.close()
    assert walked, "no list method found"
    assert violations == [], "\n".join(violations) + "\n" + dynamic_prism.log()[-2000:]
