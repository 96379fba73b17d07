"""Fixtures of the runtime tests: the rendered package and a real HTTP server.

The runtime templates are rendered once per session into a temp dir (``<tmp>/runrl/``). The
package is imported under the name ``runrl_rt`` so that it can never be confused with a
generated ``runrl`` (full package) imported by other test suites in the same process.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from render_runtime import render_runtime  # noqa: E402
from server import TestServer  # noqa: E402

_RENDER_DIR = Path(tempfile.mkdtemp(prefix="runrl-runtime-"))
PACKAGE_DIR = render_runtime(_RENDER_DIR)
_spec = importlib.util.spec_from_file_location(
    "runrl_rt", PACKAGE_DIR / "__init__.py", submodule_search_locations=[str(PACKAGE_DIR)]
)
assert _spec is not None and _spec.loader is not None
_module = importlib.util.module_from_spec(_spec)
sys.modules["runrl_rt"] = _module
_spec.loader.exec_module(_module)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_RENDER_DIR, ignore_errors=True)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


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
