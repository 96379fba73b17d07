"""The generated command line, installed as its users get it: each API version's package is
installed (``pip install --no-deps --target``, from the generated project, with the pinned
build backend of .venv) into a temporary directory, so ``bin/runrl`` is the real console
script that pip writes. ``cli`` runs it in a subprocess, against the reference server."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import spec_files
from tests.server import ReferenceServer

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = [p.stem for p in spec_files()]


@dataclass
class Installed:
    version: str
    target: Path

    @property
    def script(self) -> Path:
        return self.target / "bin" / "runrl"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RUNRL_")}
        env["PYTHONPATH"] = str(self.target)
        env.update(extra)
        return env


def install(project: Path, target: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        + ["--no-deps", "--no-index", "--no-build-isolation", "--target", str(target)]
        + [str(project)],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session", params=VERSIONS)
def installed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Installed:
    version = str(request.param)
    target = tmp_path_factory.mktemp(f"cli-{version}")
    install(ROOT / "generated" / version, target)
    return Installed(version, target)


@dataclass
class Cli:
    installed: Installed
    server: ReferenceServer

    def __call__(
        self,
        *args: str,
        key: str | None = "default",
        input: str | bytes | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        """Run ``runrl --base-url <server> ARGS``; the key from $RUNRL_API_KEY (``key=None``:
        none)."""
        extra = dict(env or {})
        if key is not None:
            extra["RUNRL_API_KEY"] = self.server.api_key if key == "default" else key
        return subprocess.run(
            [str(self.installed.script), "--base-url", self.server.base_url, *args],
            env=self.installed.env(**extra),
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


@pytest.fixture
def cli(installed: Installed, reference_server: ReferenceServer) -> Iterator[Cli]:
    yield Cli(installed, reference_server)
