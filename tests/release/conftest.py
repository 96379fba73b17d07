"""Fixtures of the release tests: one `make build` and one offline wheelhouse per session.

``release_build``: `make build` of every generated package into a temp dir, run exactly as a
maintainer runs it (default flags) but with every package index out of reach (``pip_env()``
plus ``PIP_NO_INDEX``): it passing shows the build needs no network. ``wheelhouse``: wheels of
the built packages' dependencies, of pytest (to run a downstream test suite in a clean venv) and
of hatchling (to build an sdist in pip's isolated build env), made from the .venv
(``_offline.py``), so clean venvs install without PyPI.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.cli import spec_files
from generator.read.load import load_spec
from generator.read.versions import package_version
from tests.release._offline import ROOT, Build, pip_env, wheel_requirements
from tests.release._offline import wheelhouse as make_wheelhouse


@pytest.fixture(scope="session")
def release_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        # -o: do not (re)install .venv from here; the tests run inside it already.
        ["make", "-o", ".venv/.stamp-dev", "build", f"DIST={out}"],
        cwd=ROOT,
        env={**pip_env(), "PIP_NO_INDEX": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    versions = {p.stem: package_version(load_spec(p)) for p in spec_files()}
    return Build(out, proc.stdout, versions)


@pytest.fixture(scope="session")
def wheelhouse(release_build: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    requirements = {"pytest", "hatchling"}
    for wheel in release_build.dist.glob("*.whl"):
        requirements.update(wheel_requirements(wheel))
    return make_wheelhouse(sorted(requirements), tmp_path_factory.mktemp("wheelhouse"))
