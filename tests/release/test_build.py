"""`make build`: one wheel and one sdist per API version, `twine check` clean, built offline by
default; each wheel installs in a clean venv, imports, reports (and sends) the right versions and
carries its own OpenAPI document.

`make build` runs once per session (tests/release/conftest.py, ``release_build``) with every
package index out of reach; each clean venv (no pip, no system site-packages) installs its wheel
with the repository's pip (`pip --python`) from a wheelhouse made from the .venv
(tests/release/_offline.py), so no test here needs PyPI.
"""

from __future__ import annotations

import tarfile
import zipfile
from pathlib import Path

import pytest

from generator.cli import spec_files
from tests.release._offline import ROOT, Build, clean_venv, pip, run

PROBE = """
from pathlib import Path
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
with runrl.openapi_spec_path() as spec:
    same = spec.read_text(encoding="utf-8") == runrl.openapi_spec()
    inside = spec.parent == Path(runrl.__file__).parent
print(runrl.__version__, runrl.API_VERSION, seen[0], runrl.__file__, same and inside, sep="\\n")
"""


@pytest.mark.slow
def test_make_build_is_offline_by_default_and_twine_check_passes(release_build: Build) -> None:
    """It ran with every index out of reach (conftest.py): the pinned hatchling built it."""
    assert "-m build --no-isolation " in release_build.output
    assert release_build.output.count("PASSED") == 2 * len(release_build.versions)  # twine check


VERSIONS_OF_SPECS = [p.stem for p in spec_files()]  # every spec/<api-version>.yaml


@pytest.mark.slow
def test_one_wheel_and_one_sdist_per_api_version(release_build: Build) -> None:
    dist, versions = release_build.dist, release_build.versions
    assert sorted(versions) == VERSIONS_OF_SPECS
    assert sorted(p.name for p in dist.glob("*.whl")) == sorted(
        f"runrl-{v}-py3-none-any.whl" for v in versions.values()
    )
    assert sorted(p.name for p in dist.glob("*.tar.gz")) == sorted(
        f"runrl-{v}.tar.gz" for v in versions.values()
    )
    for api_version, version in versions.items():
        with tarfile.open(release_build.sdist(api_version)) as sdist:
            names = sdist.getnames()
        for member in ("CHANGELOG.md", "README.md", "api.md", "src/runrl/_version.py"):
            assert f"runrl-{version}/{member}" in names
        assert f"runrl-{version}/src/runrl/openapi.yaml" in names
        with zipfile.ZipFile(release_build.wheel(api_version)) as wheel:
            metadata = wheel.read(f"runrl-{version}.dist-info/METADATA").decode()
            document = wheel.read("runrl/openapi.yaml").decode()
        assert f"\nVersion: {version}\n" in metadata
        assert document == (ROOT / "spec" / f"{api_version}.yaml").read_text(encoding="utf-8-sig")


@pytest.mark.slow
@pytest.mark.parametrize("api_version", VERSIONS_OF_SPECS)
def test_wheel_installs_in_a_clean_venv_and_reports_its_versions(
    api_version: str, release_build: Build, wheelhouse: Path, tmp_path: Path
) -> None:
    version = release_build.versions[api_version]
    python = clean_venv(tmp_path / "venv")
    pip(
        python,
        "install",
        "-q",
        "--no-compile",
        "--no-index",
        "--find-links",
        str(wheelhouse),
        str(release_build.wheel(api_version)),
    )
    # cwd: not the repository, the import must come from the venv
    out = run([str(python), "-c", PROBE], cwd=tmp_path)
    reported, api, user_agent, where, spec_matches = out.strip().splitlines()
    assert (reported, api) == (version, api_version)
    assert user_agent.startswith(f"runrl-python/{version} (API {api_version}; python/")
    assert where.startswith(str(tmp_path / "venv"))
    assert spec_matches == "True"
