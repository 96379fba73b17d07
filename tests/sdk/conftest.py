"""Fixtures to import one generated ``runrl`` package at a time.

Every API version is generated as a package named ``runrl``; the ``sdk`` fixture imports
``generated/<version>/src/runrl`` under that name, and removes it again (``sys.modules`` and
``sys.path``) so the next version can be imported in the same test session. It is session-scoped
and parametrised, so pytest runs all tests of one version, then all of the next.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.sdk._support import Api
from tests.server import ReferenceServer

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
VERSIONS = (
    sorted(p.name for p in GENERATED.iterdir() if (p / "src" / "runrl").is_dir())
    if GENERATED.exists()
    else []
)


def _purge() -> None:
    for name in [n for n in sys.modules if n == "runrl" or n.startswith("runrl.")]:
        del sys.modules[name]


@pytest.fixture(scope="session", params=VERSIONS or ["<none generated>"])
def sdk(request: pytest.FixtureRequest) -> Iterator[ModuleType]:
    """The generated ``runrl`` package of one API version."""
    version = request.param
    if not VERSIONS:
        pytest.fail("no generated packages: run `make generate` first")
    src = str(GENERATED / version / "src")
    _purge()
    sys.path.insert(0, src)
    try:
        module = importlib.import_module("runrl")
        assert module.__file__ is not None and module.__file__.startswith(src)
        yield module
    finally:
        sys.path.remove(src)
        _purge()


@pytest.fixture
def client(sdk: ModuleType, reference_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    c = sdk.RunRLClient(
        api_key=reference_server.api_key,
        base_url=reference_server.base_url,
        poll_interval=0.01,
        max_poll_timeout=10,
    )
    try:
        yield c
    finally:
        c.close()


# ---- added for the behaviour tests (tests/sdk/test_*.py) ---------------------------------------


@pytest.fixture
async def async_client(sdk: ModuleType, reference_server) -> AsyncIterator[object]:  # type: ignore[no-untyped-def]
    """An async client bound to the reference server (for ``@pytest.mark.anyio`` tests)."""
    async with sdk.AsyncRunRLClient(
        api_key=reference_server.api_key,
        base_url=reference_server.base_url,
        poll_interval=0.01,
        max_poll_timeout=10,
    ) as c:
        yield c


@pytest.fixture(params=["sync", "async"])
async def api(
    request: pytest.FixtureRequest, sdk: ModuleType, reference_server: ReferenceServer
) -> AsyncIterator[Api]:
    """The sync or the async client behind one awaitable interface (see tests/sdk/_support.py).

    Tests using it are ``async def`` and marked ``anyio``; each runs once per client flavour.
    """
    options = {
        "api_key": reference_server.api_key,
        "base_url": reference_server.base_url,
        "poll_interval": 0.01,
        "max_poll_timeout": 10,
    }
    if request.param == "sync":
        with sdk.RunRLClient(**options) as c:
            yield Api(c, is_async=False, flavour="sync")
    else:
        async with sdk.AsyncRunRLClient(**options) as ac:
            yield Api(ac, is_async=True, flavour="async")
