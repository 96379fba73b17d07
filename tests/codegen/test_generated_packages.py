"""Each generated package installs in a clean venv, imports, and is mypy --strict/ruff clean."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from generator.cli import spec_files

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
VERSIONS = [p.stem for p in spec_files()]


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.mark.slow
@pytest.mark.parametrize("version", VERSIONS)
def test_mypy_strict_clean(version: str) -> None:
    pkg = ROOT / "generated" / version
    # the session's shared cache (MYPY_CACHE_DIR, tests/conftest.py): runrl itself is re-checked
    proc = _run([str(BIN / "mypy"), "--strict", "src/runrl"], pkg)
    assert proc.returncode == 0, proc.stdout[-5000:]


@pytest.mark.parametrize("version", VERSIONS)
def test_ruff_clean(version: str) -> None:
    pkg = ROOT / "generated" / version
    check = _run([str(BIN / "ruff"), "check", "--no-cache", "."], pkg)
    assert check.returncode == 0, check.stdout[-5000:]
    fmt = _run([str(BIN / "ruff"), "format", "--check", "--no-cache", "."], pkg)
    assert fmt.returncode == 0, fmt.stdout[-5000:]


@pytest.mark.slow
@pytest.mark.parametrize("version", VERSIONS)
def test_installs_into_a_clean_venv_and_imports(version: str, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # No pip inside (ensurepip costs seconds): the .venv's pip installs into it (`--python`),
    # from the package index with build isolation, as a user's `pip install` does.
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    pip_env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
        + [str(ROOT / "generated" / version)],
        capture_output=True,
        text=True,
        env=pip_env,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-5000:]
    probe = (
        "import runrl, runrl.models, runrl.exceptions;"
        "from runrl import RunRLClient, AsyncRunRLClient;"
        "from runrl.exceptions import AuthenticationError, AuthorizationError, NotFoundError,"
        " ValidationError, RateLimitError, RunFailedError, RunRLException, ServerError,"
        " TimeoutError;"
        "from runrl.models import File, Run, Deployment, Tool, SharedConfiguration,"
        " ValidationResponse, SearchResults, ApiKey, ApiKeyToken, PagedResponse;"
        "c = RunRLClient(api_key='rl_x');"
        "print(runrl.__version__, runrl.API_VERSION, c.config.user_agent)"
    )
    proc = subprocess.run(
        [str(python), "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert proc.returncode == 0, proc.stderr[-5000:]
    package_version, api_version, user_agent = proc.stdout.split(maxsplit=2)
    assert api_version == version
    assert package_version.split(".")[1] == version.replace("-", "")
    assert package_version in user_agent and api_version in user_agent
