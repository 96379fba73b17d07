"""Fixtures of the runtime tests: the rendered runtime and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import tests.runtime.rendered  # noqa: F401 - renders the runtime and registers `runrl_rt`
from tests.runtime.server import TestServer


@pytest.fixture(scope="session")
def _server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def server(_server: TestServer) -> Iterator[TestServer]:
    _server.reset()
    yield _server
    _server.reset()


@pytest.fixture(scope="session")
def _other_server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def other(_other_server: TestServer) -> Iterator[TestServer]:
    """A second server: another origin (another port on 127.0.0.1)."""
    _other_server.reset()
    yield _other_server
    _other_server.reset()
