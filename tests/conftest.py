"""Shared fixtures.

``reference_server``: the RunRL reference server (tests/server) on 127.0.0.1, started once per
session, reset (resources, keys, recorded requests, faults, idempotency store) before each test
that uses it. Attributes: ``base_url``, ``url``, ``api_key``, ``app``, ``store`` (via ``app``),
``inject()``, ``requests``, ``clear_requests()``, ``requests_to()``, ``last_request``,
``add_token()``, ``auth_headers()``. See tests/server/README.md.

``MYPY_CACHE_DIR``: the many ``mypy --strict`` runs of a session (generated packages, corpus
documents, examples) share one cache in the session's temp dir. mypy re-checks every module whose
source hash or options differ, so each run still checks its own package; what is shared is the
analysis of the standard library, pydantic and httpx, which is most of a cold run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server import ReferenceServer, RunRLReferenceApp


@pytest.fixture(scope="session", autouse=True)
def _shared_mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MYPY_CACHE_DIR", str(tmp_path_factory.mktemp("mypy-cache")))
        yield


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
