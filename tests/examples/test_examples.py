"""Every documented example of every generated package type-checks and runs.

For each API version of ``spec/versions.toml``, the ```python blocks of
``generated/<version>/README.md`` and ``api.md`` (and of the repository README, for the newest
version, when one uses the package) become modules (``tests/examples/blocks.py``: the quick
start's ``client`` supplied, top-level ``await`` wrapped), which are

* checked by ONE ``mypy --strict`` run per version, with the package's own configuration
  (``generated/<version>/pyproject.toml``) and the package on ``MYPYPATH``, and
* run by ONE process per version (``tests/examples/_runner.py``), one module after the other,
  against the reference server on 127.0.0.1 (``<ENV>API_KEY``/``<ENV>BASE_URL`` set for it), in a
  working directory holding the files the examples open; the server is seeded with what the
  examples name (a file for each ``"<..._file_id>"`` placeholder, run 42). A block runs if it
  raises nothing, none of the requests it sent was answered with an error status, and none of
  its ``except`` branches ran (the happy path a reader expects).

Blocks marked ``<!-- example: no-run (reason) -->`` in the template are only type-checked. The
examples of the golden package of a generic spec (tests/fixtures/mini) are type-checked too.
tests/examples/test_api_reference.py checks api.md's "returns" column against the code.
"""

from __future__ import annotations

import ast
import itertools
import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.examples.blocks import Block, module_source, read_blocks
from tests.sdk._support import PROMPT_JSONL, TOKEN, seed_file, seed_run
from tests.server import ReferenceServer

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec"
GENERATED = ROOT / "generated"
BIN = Path(sys.executable).parent
RUNNER = Path(__file__).with_name("_runner.py")
PAGES = ("README.md", "api.md")
MAX_NO_RUN = 4  # per version: marked blocks must stay few
EXAMPLE_RUN_ID = 42  # the README's example value of an integer id (generator/ir/methods.py)

MINI = ROOT / "tests" / "fixtures" / "mini"  # the golden package of a generic spec

with (SPEC / "versions.toml").open("rb") as _fh:
    VERSIONS = sorted(tomllib.load(_fh))


@dataclass(frozen=True)
class Package:
    """What the examples of one package need to know about it (from its spec)."""

    label: str  # the API version, or "mini"
    root: Path  # the generated project (README.md, api.md, pyproject.toml, src/)
    name: str
    client: str
    async_client: str
    env_prefix: str


def package(version: str, spec: Path | None = None, root: Path | None = None) -> Package:
    spec = spec or SPEC / f"{version}.yaml"
    with spec.open(encoding="utf-8") as fh:
        info = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["info"]
    sdk = info.get("x-sdk", {})
    return Package(
        version,
        root or GENERATED / version,
        sdk["package"],
        sdk["client"],
        sdk["async-client"],
        sdk.get("env-prefix", ""),
    )


def mini_package() -> Package:
    return package("mini", MINI / "spec.yaml", MINI / "expected")


def blocks_of(version: str, pkg: Package | None = None) -> list[Block]:
    """The python blocks of the version's README.md and api.md (and of the repository README
    that use the package, for the newest version)."""
    pkg = pkg or package(version)
    found = [
        b for page in PAGES if (pkg.root / page).is_file() for b in read_blocks(pkg.root / page)
    ]
    if VERSIONS and version == VERSIONS[-1]:
        uses = re.compile(rf"^\s*(from|import)\s+{re.escape(pkg.name)}\b", re.M)
        found += [
            replace(b, page=f"repository-{b.page}")
            for b in read_blocks(ROOT / "README.md")
            if uses.search(b.code)
        ]
    return found


CASES = [(v, b) for v in VERSIONS for b in blocks_of(v)]
IDS = [f"{v}-{b.id}" for v, b in CASES]


# ------------------------------------------------------------------------------ one run per version


@dataclass
class Outcome:
    """What mypy and the run said about one version's blocks."""

    sources: dict[str, str]  # module -> source
    mypy_errors: dict[str, list[str]] = field(default_factory=dict)  # module -> error lines
    mypy_other: list[str] = field(default_factory=list)  # lines about other files, crashes
    runs: dict[str, dict[str, Any]] = field(default_factory=dict)  # module -> runner result
    failed_requests: dict[str, list[str]] = field(default_factory=dict)


def _mypy(pkg: Package, work: Path, modules: list[str], out: Outcome) -> None:
    # The session's shared cache (tests/conftest.py), else one kept in the repository's .mypy_cache.
    cache = os.environ.get("MYPY_CACHE_DIR") or ROOT / ".mypy_cache" / "tests-examples" / pkg.label
    cmd = [
        str(BIN / "mypy"),
        "--config-file",
        str(pkg.root / "pyproject.toml"),
        "--strict",
        "--cache-dir",
        str(cache),
        "--no-error-summary",
        "--show-error-codes",
        "--no-pretty",
        *[f"{m}.py" for m in modules],
    ]
    env = {**os.environ, "MYPYPATH": str(pkg.root / "src")}
    proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=600)
    for line in (proc.stdout + proc.stderr).splitlines():
        name = line.split(":", 1)[0].removesuffix(".py")
        if name in out.sources:
            if ": note:" not in line:
                out.mypy_errors.setdefault(name, []).append(line)
        elif line.strip():
            out.mypy_other.append(line)
    if proc.returncode not in (0, 1):
        out.mypy_other.append(f"mypy exited {proc.returncode}")


def _seed(server: ReferenceServer, blocks: list[Block]) -> None:
    """What the examples name: a file per ``"<..._file_id>"`` placeholder, and run 42."""
    store = server.app.store
    types = {"prompt": "prompt", "reward": "reward_function", "sft": "sft"}
    placeholders = {m for b in blocks for m in re.findall(r'"<(\w*file_id)>"', b.code)}
    for name in sorted(placeholders):
        kind = types.get(name.split("_", 1)[0], "prompt")
        seed_file(store, name=name, file_type=kind, file_id=f"<{name}>")
    with store.lock:
        store._ids["run"] = itertools.count(EXAMPLE_RUN_ID)
    seed_run(store, status="COMPLETED")


def _run(
    pkg: Package, work: Path, blocks: list[Block], server: ReferenceServer, out: Outcome
) -> None:
    server.reset()
    _seed(server, blocks)
    (work / "data.jsonl").write_bytes(PROMPT_JSONL)
    env = {k: v for k, v in os.environ.items() if not k.startswith(pkg.env_prefix or "\0")}
    p = pkg.env_prefix
    env.update(
        {
            f"{p}API_KEY": TOKEN,
            f"{p}BASE_URL": server.base_url,
            f"{p}POLL_INTERVAL": "0.01",
            f"{p}MAX_POLL_TIMEOUT": "20",
            "PYTHONPATH": str(pkg.root / "src"),
        }
    )
    runnable = [b.module for b in blocks if b.no_run is None]
    results = work / "results.json"
    cmd = [sys.executable, str(RUNNER), str(results), *[f"{m}.py" for m in runnable]]
    server.clear_requests()
    proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and results.is_file(), proc.stdout + proc.stderr
    for result in json.loads(results.read_text(encoding="utf-8")):
        out.runs[result["module"]] = result
        failed = [
            f"{r.method} {r.path} -> {r.response_status}"
            for r in server.requests
            if result["started"] <= r.time <= result["finished"]
            and (r.response_status is None or r.response_status >= 400)
        ]
        out.failed_requests[result["module"]] = failed


class Outcomes:
    """Each version is checked and run once, when its first test asks."""

    def __init__(self, tmp: pytest.TempPathFactory, server: ReferenceServer) -> None:
        self.tmp = tmp
        self.server = server
        self.done: dict[str, Outcome] = {}

    def __call__(self, version: str) -> Outcome:
        if version not in self.done:
            pkg = package(version)
            blocks = blocks_of(version)
            work = self.tmp.mktemp(f"examples-{version}")
            out = type_check(pkg, blocks, work)
            _run(pkg, work, blocks, self.server, out)
            self.done[version] = out
        return self.done[version]


def type_check(pkg: Package, blocks: list[Block], work: Path) -> Outcome:
    """Write the blocks as modules into ``work`` and check them with one mypy run."""
    sources = {b.module: module_source(b, pkg.name, pkg.client, pkg.async_client) for b in blocks}
    for module, source in sources.items():
        (work / f"{module}.py").write_text(source, encoding="utf-8")
    out = Outcome(sources)
    _mypy(pkg, work, list(sources), out)
    return out


@pytest.fixture(scope="module")
def outcomes(
    tmp_path_factory: pytest.TempPathFactory, reference_server_session: ReferenceServer
) -> Iterator[Outcomes]:
    yield Outcomes(tmp_path_factory, reference_server_session)
    reference_server_session.reset()


def except_lines(source: str) -> set[int]:
    """The lines of the bodies of the module's ``except`` clauses: a healthy server never makes
    a documented example take one."""
    found: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ExceptHandler):
            for stmt in node.body:
                found.update(range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1))
    return found


def _numbered(source: str) -> str:
    return "\n".join(f"{i:4} | {line}" for i, line in enumerate(source.splitlines(), 1))


# ------------------------------------------------------------------------------ the tests


def test_every_version_has_documented_examples() -> None:
    spec_versions = sorted(p.stem for p in SPEC.glob("*.yaml") if not p.name.startswith("."))
    assert spec_versions == VERSIONS, "spec/*.yaml and spec/versions.toml disagree"
    for version in VERSIONS:
        readme = GENERATED / version / "README.md"
        assert readme.is_file(), f"{readme} is missing: run `make generate`"
        blocks = blocks_of(version)
        assert len(blocks) >= 10, f"{version}: only {len(blocks)} python blocks"
        no_run = [b for b in blocks if b.no_run]
        assert len(no_run) <= MAX_NO_RUN, [(b.id, b.no_run) for b in no_run]


# The first test of a version runs mypy and the blocks for all of them (a cold mypy cache:
# ~15 s of CPU per version), hence more than the default 120 s under load.
@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize(("version", "block"), CASES, ids=IDS)
def test_example_type_checks(version: str, block: Block, outcomes: Outcomes) -> None:
    out = outcomes(version)
    assert not out.mypy_other, "mypy on the package itself:\n" + "\n".join(out.mypy_other)
    errors = out.mypy_errors.get(block.module, [])
    assert not errors, (
        f"{block.page} line {block.line} fails mypy --strict:\n"
        + "\n".join(errors)
        + "\n\n"
        + _numbered(out.sources[block.module])
    )


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize(("version", "block"), CASES, ids=IDS)
def test_example_runs(version: str, block: Block, outcomes: Outcomes) -> None:
    if block.no_run:
        pytest.skip(f"marked no-run: {block.no_run}")
    out = outcomes(version)
    result = out.runs[block.module]
    source = _numbered(out.sources[block.module])
    assert result["ok"], f"{block.page} line {block.line} raised:\n{result['error']}\n{source}"
    failed = out.failed_requests[block.module]
    assert not failed, f"{block.page} line {block.line}: requests failed: {failed}\n{source}"
    handlers = except_lines(out.sources[block.module]) & set(result["lines"])
    assert not handlers, (
        f"{block.page} line {block.line}: an except branch ran: {handlers}\n{source}"
    )


@pytest.mark.slow
def test_generic_package_examples_type_check(tmp_path: Path) -> None:
    """The templates are generic: the examples of the golden package of a spec that is not
    RunRL's (tests/fixtures/mini) type-check too (it has no server to run them against)."""
    pkg = mini_package()
    blocks = blocks_of("mini", pkg)
    assert len(blocks) >= 10
    out = type_check(pkg, blocks, tmp_path)
    assert not out.mypy_other, "\n".join(out.mypy_other)
    failed = {m: e for m, e in out.mypy_errors.items()}
    assert not failed, "\n\n".join(
        "\n".join(errors) + "\n" + _numbered(out.sources[m]) for m, errors in failed.items()
    )
