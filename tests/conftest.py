"""Shared fixtures.

``reference_server``: the RunRL reference server (tests/server) on 127.0.0.1, started once per
session, reset (resources, keys, recorded requests, faults, idempotency store) before each test
that uses it. Attributes: ``base_url``, ``url``, ``api_key``, ``app``, ``store`` (via ``app``),
``inject()``, ``requests``, ``clear_requests()``, ``requests_to()``, ``last_request``,
``add_token()``, ``auth_headers()``. See tests/server/README.md.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server import ReferenceServer, RunRLReferenceApp


@pytest.fixture(scope="session")
def reference_server_session() -> Iterator[ReferenceServer]:
    server = ReferenceServer(RunRLReferenceApp()).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def reference_server(reference_server_session: ReferenceServer) -> Iterator[ReferenceServer]:
    reference_server_session.reset()
    yield reference_server_session
    reference_server_session.app.clear_faults()


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"
