"""Helpers of the contract tests (tests/contract): where things are, the node tools, Prism,
importing one generated ``runrl`` at a time, and the coverage tally printed at the end.

The contract tests prove the specs and the generated clients against tools nobody here wrote:
Spectral (lint), Prism (a mock server built from each spec, which validates every request the
generated client sends) and schemathesis (fuzzes the reference server from each spec and checks
every answer against it). See README.md in this directory.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC_DIR = ROOT / "spec"
GENERATED = ROOT / "generated"
NODE_BIN = ROOT / "node_modules" / ".bin"
HTTP_VERBS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

# Every API version with a spec; the Prism tests also need its generated package.
SPEC_VERSIONS = sorted(p.stem for p in SPEC_DIR.glob("*.yaml") if not p.name.startswith("."))


def spec_path(version: str) -> Path:
    return SPEC_DIR / f"{version}.yaml"


def load_spec(version_or_path: str | Path) -> dict[str, Any]:
    path = version_or_path if isinstance(version_or_path, Path) else spec_path(version_or_path)
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), path
    return data


def operations(spec: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """operationId -> (HTTP method, path template) for every operation of a spec."""
    out: dict[str, tuple[str, str]] = {}
    for path, item in (spec.get("paths") or {}).items():
        for verb in HTTP_VERBS:
            op = item.get(verb)
            if isinstance(op, dict):
                out[str(op["operationId"])] = (verb.upper(), path)
    return out


# ------------------------------------------------------------------------------------ node tools


def node_tool(name: str) -> Path:
    """``node_modules/.bin/<name>``; fails the test (not skips) when node_modules is missing."""
    tool = NODE_BIN / name
    if not tool.exists():
        pytest.fail(
            f"{tool.relative_to(ROOT)} is missing: run `make node` (npm ci from package-lock.json)"
            " before the contract tests",
            pytrace=False,
        )
    return tool


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Prism:
    """A ``prism mock --errors`` process serving one spec on 127.0.0.1."""

    spec: Path
    log_path: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    seed: str | None = None  # set: generated data (--dynamic), the same for the same seed

    @property
    def url(self) -> str:
        # Prism serves the spec's paths without the server's base path (/api/v1).
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def start(self, timeout: float = 60.0) -> Prism:
        prism = node_tool("prism")
        for _attempt in range(3):  # a port taken between free_port() and Prism's bind
            self.port = free_port()
            cmd = [
                str(prism),
                "mock",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "--errors",  # request (and response) violations become error answers
                # the spec's examples, or data generated from its schemas by a seeded faker
                *(["--dynamic=false"] if self.seed is None else ["--dynamic", "--seed", self.seed]),
                str(self.spec),
            ]
            with self.log_path.open("wb") as log:
                self.proc = subprocess.Popen(
                    cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
                )
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    break
                if "Prism is listening" in self.log():
                    return self
                time.sleep(0.1)
            self.stop()
            if "EADDRINUSE" not in self.log():
                break
        raise RuntimeError(
            f"Prism did not start for {self.spec.name} (exit {self.proc and self.proc.returncode})"
            f":\n{self.log()[-3000:]}"
        )

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        # Prism runs in its own session (start_new_session): its group id is its pid.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


# -------------------------------------------------------------------------------------- Spectral

RULESET = ROOT / ".spectral.yaml"  # extends spec/.spectral.yaml, as `make lint-spec` uses it


def spectral(*documents: Path) -> list[dict[str, Any]]:
    """Spectral's findings (JSON format) for ``documents``, with the repository's ruleset."""
    import json
    import tempfile

    tool = node_tool("spectral")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "spectral.json"
        proc = subprocess.run(
            [str(tool), "lint", "-r", str(RULESET), "-f", "json", "-o", str(report)]
            + ["--fail-severity=hint", *(str(d) for d in documents)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )
        text = report.read_text(encoding="utf-8") if report.exists() else ""
    if proc.returncode not in (0, 1) or not text.strip().startswith("["):
        pytest.fail(f"spectral failed (exit {proc.returncode}):\n{proc.stderr}\n{proc.stdout}")
    findings: list[dict[str, Any]] = json.loads(text)
    return findings


def describe(findings: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{Path(f['source']).name}:{f['range']['start']['line'] + 1} {f['code']} "
        f"{'.'.join(map(str, f['path']))}: {f['message']}"
        for f in findings
    )


def write_spec(spec: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ generated packages


def generated_versions() -> list[str]:
    return [v for v in SPEC_VERSIONS if (GENERATED / v / "src" / "runrl" / "__init__.py").exists()]


def _runrl_modules() -> dict[str, ModuleType]:
    return {n: m for n, m in sys.modules.items() if n == "runrl" or n.startswith("runrl.")}


@contextlib.contextmanager
def load_sdk(version: str) -> Iterator[ModuleType]:
    """Import ``generated/<version>/src/runrl`` as ``runrl`` for the duration of the block.

    Whatever ``runrl`` was imported before (e.g. by tests/sdk's session fixture) is put back
    afterwards, modules and ``sys.path`` alike, so the two never see each other's version.
    """
    src = str(GENERATED / version / "src")
    saved = _runrl_modules()
    saved_path = list(sys.path)
    for name in saved:
        del sys.modules[name]
    sys.path.insert(0, src)
    try:
        module = importlib.import_module("runrl")
        assert module.__file__ is not None and module.__file__.startswith(src), module.__file__
        yield module
    finally:
        for name in _runrl_modules():
            del sys.modules[name]
        sys.modules.update(saved)
        sys.path[:] = saved_path


# ---------------------------------------------------------------------------------- coverage tally


@dataclass
class Coverage:
    """What one tool covered for one API version (printed in the terminal summary)."""

    tool: str
    version: str
    total: int = 0  # operations in the spec
    covered: set[str] = field(default_factory=set)  # operationIds exercised
    notes: list[str] = field(default_factory=list)


COVERAGE: dict[tuple[str, str], Coverage] = {}
#: One line per tool that caught the deliberate break (test_deliberate_break.py).
BREAK_CAUGHT: list[str] = []


def coverage(tool: str, version: str, total: int) -> Coverage:
    entry = COVERAGE.setdefault((tool, version), Coverage(tool, version))
    entry.total = total
    return entry


# ---------------------------------------------------------------------------------- schemathesis

HOOKS = Path(__file__).resolve().parent / "schemathesis_hooks.py"

#: Every check schemathesis has, but `positive_data_acceptance` ("schema-valid request
#: rejected"): the API rejects many schema-valid requests for reasons a schema cannot say (a
#: file that is in use, a run that is not deployable, a duplicate tool name, an id that does
#: not exist) and answers them with the documented 400/404/422 - which the other checks do
#: verify (status code, content type, headers and body against the spec).
CHECKS = ["--checks", "all", "--exclude-checks", "positive_data_acceptance"]


@dataclass
class SchemathesisRun:
    returncode: int
    output: str
    report: dict[str, Any]  # the JSON report (--report json)

    @property
    def tested(self) -> list[str]:
        """Labels ("GET /files/{fileId}") of the operations schemathesis tested."""
        return sorted(self.report.get("valid_rates", {}))

    def accepted(self) -> list[str]:
        """Labels of the operations that answered at least one generated request with a 2xx."""
        return sorted(
            label
            for label, phases in self.report.get("valid_rates", {}).items()
            if any(p.get("accepted") for p in phases.values())
        )


def run_schemathesis(
    spec: Path,
    base_url: str,
    token: str,
    seed: dict[str, Any],
    workdir: Path,
    *args: str,
    timeout: float = 300,
) -> SchemathesisRun:
    """``schemathesis run`` (the CLI, as a user would run it) against ``base_url``.

    ``seed`` is what ``_seed.seed_reference_server`` returned (for schemathesis_hooks.py).
    Runs in ``workdir`` so that nothing is written into the repository.
    """
    import json

    report = workdir / "schemathesis.json"
    cmd = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        str(spec),
        "--url",
        base_url,
        "--header",
        f"Authorization: Bearer {token}",
        "--generation-database",
        "none",
        "--no-color",
        "--report",
        "json",
        "--report-json-path",
        str(report),
        *args,
    ]
    env = dict(
        os.environ,
        SCHEMATHESIS_HOOKS=str(HOOKS),
        RUNRL_CONTRACT_SEED=json.dumps(seed),
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    )
    proc = subprocess.run(
        cmd, cwd=workdir, env=env, capture_output=True, text=True, timeout=timeout
    )
    data = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    return SchemathesisRun(proc.returncode, proc.stdout + proc.stderr, data)
