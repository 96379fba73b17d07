"""`make build`: one wheel and one sdist per API version, `twine check` clean; each wheel
installs in a clean venv, imports, and reports (and sends) the right versions.

The wheels' dependencies are downloaded once (`pip download`, from the package index) into a
wheelhouse; each clean venv (no pip, no system site-packages) then installs its wheel from there
with the repository's pip (`pip --python`), which keeps the test to seconds."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from generator.cli import spec_files
from generator.read.load import load_spec
from generator.read.versions import package_version

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = {p.stem: package_version(load_spec(p)) for p in spec_files()}

PROBE = """
import httpx, runrl
from runrl import RunRLClient
seen = []
def handler(request):
    seen.append(request.headers["user-agent"])
    return httpx.Response(200, json={"data": {"status": "ok"}})
http = httpx.Client(transport=httpx.MockTransport(handler))
client = RunRLClient(api_key="rl_x", http_client=http)
try:
    client.health()
except Exception:
    pass  # only the request matters here
print(runrl.__version__, runrl.API_VERSION, seen[0], sep="\\n")
"""


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make build` into a temp dir, with the pinned hatchling (offline, like CI's fast path)."""
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        # -o: do not (re)install .venv from here; the test runs inside it already.
        ["make", "-o", ".venv/.stamp-dev", "build", f"DIST={out}", "BUILD_FLAGS=--no-isolation"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert proc.stdout.count("PASSED") == 2 * len(VERSIONS), proc.stdout  # twine check
    return out


@pytest.mark.slow
def test_one_wheel_and_one_sdist_per_api_version(dist: Path) -> None:
    assert sorted(p.name for p in dist.glob("*.whl")) == sorted(
        f"runrl-{v}-py3-none-any.whl" for v in VERSIONS.values()
    )
    assert sorted(p.name for p in dist.glob("*.tar.gz")) == sorted(
        f"runrl-{v}.tar.gz" for v in VERSIONS.values()
    )
    for version in VERSIONS.values():
        with tarfile.open(dist / f"runrl-{version}.tar.gz") as sdist:
            names = sdist.getnames()
        for member in ("CHANGELOG.md", "README.md", "api.md", "src/runrl/_version.py"):
            assert f"runrl-{version}/{member}" in names
        with zipfile.ZipFile(dist / f"runrl-{version}-py3-none-any.whl") as wheel:
            metadata = wheel.read(f"runrl-{version}.dist-info/METADATA").decode()
        assert f"\nVersion: {version}\n" in metadata


@pytest.fixture(scope="module")
def wheelhouse(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built wheels plus their dependencies, for offline installs."""
    house = tmp_path_factory.mktemp("wheelhouse")
    for wheel in sorted(dist.glob("*.whl")):
        proc = subprocess.run(
            [*PIP, "download", "-q", "-d", str(house), str(wheel)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr[-4000:]
    return house


PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check"]


@pytest.mark.slow
@pytest.mark.parametrize("api_version", sorted(VERSIONS))
def test_wheel_installs_in_a_clean_venv_and_reports_its_versions(
    api_version: str, dist: Path, wheelhouse: Path, tmp_path: Path
) -> None:
    version = VERSIONS[api_version]
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False, system_site_packages=False)
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    wheel = dist / f"runrl-{version}-py3-none-any.whl"
    install = subprocess.run(
        [*PIP, "--python", str(python), "install", "-q", "--no-compile", "--no-index"]
        + ["--find-links", str(wheelhouse), str(wheel)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-4000:]
    proc = subprocess.run(
        [str(python), "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the repository: the import must come from the venv
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    reported, api, user_agent = proc.stdout.strip().splitlines()
    assert (reported, api) == (version, api_version)
    assert user_agent.startswith(f"runrl-python/{version} (API {api_version}; python/")
    where = subprocess.run(
        [str(python), "-c", "import runrl; print(runrl.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    assert where.stdout.startswith(str(env_dir))
