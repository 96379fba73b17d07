"""The corpus run: every public spec in ../shared/corpus/specs and ../shared/corpus/more-specs
through the generator (a multi-file document, a folder, by its root file).

For each document: ``generate --skip-unsupported`` (the same code path as the command line),
then the checks a user's install would hit: ``ruff check``/``ruff format --check``, byte-compile,
``pip install`` (no deps, no build isolation: the pinned hatchling), import of every module
without side effects, construction of the client and of every namespace, and ``mypy --strict``
for documents under 2 MB. A document the generator refuses must fail with a located
``is not supported`` error (a documented limitation), never a traceback.

    python -m tests.corpus.corpus                 # the full run (make corpus)
    python -m tests.corpus.corpus --fast          # make test: mypy/install on small specs only
    python -m tests.corpus.corpus --only petstore.yaml
    python -m tests.corpus.corpus --opc           # also openapi-python-client's operation count

Each document runs in its own worker process (``--jobs`` at a time); the table at the end has
spec, operations (generated/in the spec), typed responses (typed/JSON responses: no ``Any`` in
the result type), openapi-python-client's operations (``--opc``), models, seconds
(generation), checks and result.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
_SHARED = ROOT.parent / "shared" / "corpus"
# CORPUS_DIR: one folder or several (os.pathsep-separated) instead of the shared corpus.
CORPUS_DIRS = [
    Path(p)
    for p in (
        os.environ.get("CORPUS_DIR", "").split(os.pathsep)
        if os.environ.get("CORPUS_DIR")
        else [str(_SHARED / "specs"), str(_SHARED / "more-specs")]
    )
]
CORPUS_DIR = CORPUS_DIRS[0]
# A folder in a corpus directory is one multi-file document: its root is the first of these.
ROOT_NAMES = ("openapi.yaml", "openapi.yml", "openapi.json", "spec.yaml", "spec.yml")
# `make test` (the fast subset) takes every document of specs/ and those of the other folders
# up to this size; `make corpus` takes them all.
FAST_LIMIT = 700_000  # bytes
MYPY_LIMIT = 2_000_000  # bytes: mypy --strict below this size (the "under 2 MB")
SMALL_LIMIT = 100_000  # bytes: --fast runs every check on documents below this size
# A refusal that names an unsupported feature is a documented limitation, not a failure.
LIMITATION_MARKERS = ("is not supported", "are not supported", "not supported")
# The limitations README.md ("Supported OpenAPI features") lists, as the generator words them.
LIMITATIONS = (
    "Swagger 2.0 (OpenAPI 2.0) is not supported",
    "webhooks are not supported",
    "callbacks are not supported",
    "is not a valid HTTP header name",
    "is not a valid HTTP cookie name",
    "is not defined for",  # a style OpenAPI does not define for the location
    "remote $ref",
    "contains a quote, backslash or control character",
    "contains itself through allOf/oneOf/anyOf alone",
)


@dataclass
class Result:
    spec: str
    size: int
    openapi: str = ""
    operations: int = 0  # methods generated
    spec_operations: int = 0  # operations in the document (generated + skipped)
    json_responses: int = 0  # methods returning a JSON value or page
    typed_responses: int = 0  # ... of which the result type has no `Any`
    opc_operations: int = -1  # openapi-python-client's operations (-1: not measured)
    opc_note: str = ""  # why openapi-python-client generated nothing
    models: int = 0
    seconds: float = 0.0  # generation (load .. write)
    skipped: list[str] = field(default_factory=list)  # "GET /x: reason"
    omitted: int = 0  # optional parameters left out
    warnings: int = 0
    checks: list[str] = field(default_factory=list)  # passed checks, in order
    outcome: str = "ok"  # ok | unsupported | FAIL
    detail: str = ""  # the limitation's or the failure's message

    @property
    def passed(self) -> bool:
        return self.outcome in ("ok", "unsupported")

    @property
    def result_text(self) -> str:
        if self.outcome == "ok":
            parts = []
            if self.skipped:
                parts.append(f"{len(self.skipped)} op(s) skipped")
            if self.omitted:
                parts.append(f"{self.omitted} optional param(s) left out")
            return "ok" + (f" ({'; '.join(parts)})" if parts else "")
        return f"{self.outcome}: {self.detail}"


def spec_paths(dirs: Iterable[Path] | None = None) -> list[Path]:
    """The documents of the corpus folders: each file, and the root file of each folder."""
    found: list[Path] = []
    for corpus in CORPUS_DIRS if dirs is None else dirs:
        if not corpus.is_dir():
            continue
        for p in sorted(corpus.iterdir()):
            if p.is_file() and p.suffix in (".yaml", ".yml", ".json"):
                found.append(p)
            elif p.is_dir():
                roots = sorted(
                    (q for q in p.rglob("*") if q.name in ROOT_NAMES),
                    key=lambda q: (len(q.parts), str(q)),
                )
                found.extend(roots[:1])
    return found


def fast_subset(specs: Iterable[Path]) -> list[Path]:
    """The documents ``make test`` runs (see FAST_LIMIT)."""
    return [p for p in specs if p.parent == CORPUS_DIRS[0] or p.stat().st_size <= FAST_LIMIT]


def label(spec: Path) -> str:
    """How tables and ``--only`` name a document: its file name, or for a multi-file document
    its path under the corpus folder (``algolia-search/search/spec.yml``)."""
    for corpus in CORPUS_DIRS:
        if spec.parent == corpus:
            return spec.name
        if corpus in spec.parents:
            return str(spec.relative_to(corpus))
    return spec.name


def ref_root(spec: Path) -> Path | None:
    """A multi-file document's reference root: its folder under the corpus folder (algolia's
    ``search/spec.yml`` refers to ``../common``), as a user passes ``--ref-root``."""
    for corpus in CORPUS_DIRS:
        if spec.parent != corpus and corpus in spec.parents:
            return corpus / spec.relative_to(corpus).parts[0]
    return None


# -- one document (runs in a worker process) ------------------------------------------------------


def generate_one(spec: Path, out: Path) -> dict[str, object]:
    """Generate ``spec`` into ``out`` in this process; a JSON-able summary."""
    import generator.pipeline as pipeline
    from generator.errors import SpecError
    from generator.pipeline import generate

    summary: dict[str, object] = {"openapi": _openapi_version(spec)}
    if os.environ.get("CORPUS_OPC") == "1":
        summary["opc"] = _opc_operations(spec)
    built: list[object] = []
    build_api = pipeline.build_api  # type: ignore[attr-defined]

    def keep_api(*args: object, **kwargs: object) -> object:
        api = build_api(*args, **kwargs)  # type: ignore[arg-type]
        built.append(api)
        return api

    pipeline.build_api = keep_api  # type: ignore[assignment,attr-defined]
    started = time.perf_counter()
    try:
        report = generate(spec, out, skip_unsupported=True, ref_root=ref_root(spec))
    except SpecError as exc:
        summary.update(error=str(exc).splitlines()[0], seconds=time.perf_counter() - started)
        return summary
    if built:
        summary.update(_typed_responses(built[0]))
    summary.update(
        operations=report.operations,
        models=report.models,
        seconds=report.seconds,
        skipped=[f"{s.operation}: {s.reason}" for s in report.skipped],
        package=_package_of(out),
    )
    return summary


def _typed_responses(api: object) -> dict[str, int]:
    """How many methods return JSON, and how many of those are typed (no ``Any``)."""
    results = [m.returns for m in getattr(api, "all_methods", ())]
    json_ = [r for r in results if r.kind in ("value", "page")]
    typed = [r for r in json_ if "Any" not in r.type.render()]
    return {"json_responses": len(json_), "typed_responses": len(typed)}


def _opc_operations(spec: Path) -> object:
    """openapi-python-client's operation count for ``spec`` (its parser, as the differential
    check runs it), or why it has none."""
    from tests.corpus.differential import their_side

    side = their_side(spec)
    return side.error[:80] if side.error else len(side.ops)


def _openapi_version(spec: Path) -> str:
    import re

    text = spec.read_text(encoding="utf-8", errors="replace")
    found = re.search(r'^\s*["\']?(openapi|swagger)["\']?\s*:\s*["\']?([^"\'\s,]+)', text, re.M)
    if not found:
        return "?"
    return ("Swagger " if found.group(1) == "swagger" else "") + found.group(2)


def _package_of(out: Path) -> str:
    src = out / "src"
    return next(p.name for p in sorted(src.iterdir()) if (p / "__init__.py").exists())


def _run(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 1800
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, check=False, env=env, timeout=timeout
    )


def _tail(proc: subprocess.CompletedProcess[str], lines: int = 3) -> str:
    text = (proc.stdout + "\n" + proc.stderr).strip().splitlines()
    return " | ".join(text[-lines:])


IMPORT_PROBE = r"""
import importlib, inspect, io, os, pkgutil, re, sys, contextlib
name = sys.argv[1]
CREDENTIAL = re.compile(
    r"^(\w+_)?(api_key|key|token|access_token|username|password|client_id|client_secret)(_\d+)?$"
)
before = set(os.listdir("."))
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
    pkg = importlib.import_module(name)
    importlib.import_module(name + ".models")
    resources = importlib.import_module(name + ".resources")
    for info in pkgutil.iter_modules(resources.__path__):
        importlib.import_module(f"{name}.resources.{info.name}")
    clients = [getattr(pkg, n) for n in pkg.__all__[:2]]
    for cls in clients:
        # every credential the spec's security schemes give the constructor (issue 15)
        given = {p: "k" for p in inspect.signature(cls).parameters if CREDENTIAL.match(p)}
        client = cls(**given, base_url="http://127.0.0.1:9")
        for attr in dir(cls):
            if isinstance(getattr(cls, attr, None), __import__("functools").cached_property):
                getattr(client, attr)
assert not out.getvalue(), "import printed: " + out.getvalue()[:200]
assert set(os.listdir(".")) == before, "import created files"
print("imported", name, len(sys.modules))
"""


def check_one(
    spec: Path, work: Path, *, mypy: bool, install: bool, python: str = sys.executable
) -> Result:
    """Generate (in a worker process) and check one document."""
    result = Result(spec=label(spec), size=spec.stat().st_size)
    out = work / "pkg"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = _run(
        [python, "-m", "tests.corpus.corpus", "--worker", str(spec), str(out)], ROOT, env=env
    )
    if proc.returncode != 0 or not proc.stdout.strip():
        result.outcome, result.detail = "FAIL", f"generator crashed: {_tail(proc, 6)}"
        return result
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    result.openapi = str(summary.get("openapi", ""))
    result.seconds = float(summary.get("seconds", 0.0))  # type: ignore[arg-type]
    opc = summary.get("opc")
    if isinstance(opc, int):
        result.opc_operations = opc
    elif opc is not None:
        result.opc_operations, result.opc_note = 0, str(opc)
    result.json_responses = int(summary.get("json_responses", 0))  # type: ignore[call-overload]
    result.typed_responses = int(summary.get("typed_responses", 0))  # type: ignore[call-overload]
    result.warnings = sum(1 for line in proc.stderr.splitlines() if line.startswith("warning:"))
    result.omitted = sum(1 for line in proc.stderr.splitlines() if " left out " in line)
    if "error" in summary:
        message = str(summary["error"])
        limitation = any(m in message for m in LIMITATION_MARKERS)
        result.outcome = "unsupported" if limitation else "FAIL"
        result.detail = message.split(": ", 2)[-1] if limitation else message
        return result
    result.operations = int(summary["operations"])  # type: ignore[call-overload]
    result.models = int(summary["models"])  # type: ignore[call-overload]
    result.skipped = list(summary.get("skipped") or [])  # type: ignore[call-overload]
    result.spec_operations = result.operations + len(result.skipped)
    package = str(summary["package"])
    for skipped in result.skipped:
        if not any(m in skipped for m in LIMITATION_MARKERS):
            result.outcome, result.detail = "FAIL", f"skipped without a named limitation: {skipped}"
            return result

    def step(name: str, proc: subprocess.CompletedProcess[str]) -> bool:
        if proc.returncode == 0:
            result.checks.append(name)
            return True
        result.outcome, result.detail = "FAIL", f"{name}: {_tail(proc)}"
        return False

    ruff = str(BIN / "ruff")
    if not step("ruff", _run([ruff, "check", "--no-cache", "--quiet", "."], out)):
        return result
    if not step("format", _run([ruff, "format", "--check", "--no-cache", "--quiet", "."], out)):
        return result
    if not step("compile", _run([python, "-m", "compileall", "-q", "src"], out, env=env)):
        return result
    import_path = out / "src"
    if install:
        site = work / "site"
        cmd = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        cmd += ["--no-deps", "--no-build-isolation", "--target", str(site), str(out)]
        if not step("install", _run(cmd, work, env=env)):
            return result
        import_path = site
    probe_dir = work / "probe"
    probe_dir.mkdir(exist_ok=True)
    probe_env = {**env, "PYTHONPATH": str(import_path)}
    probe = _run([python, "-c", IMPORT_PROBE, package], probe_dir, env=probe_env)
    if not step("import", probe):
        return result
    if mypy and result.size < MYPY_LIMIT:
        cache = ["--cache-dir", str(work / "mypy-cache")]
        cmd = [str(BIN / "mypy"), "--strict", "--no-error-summary", *cache, f"src/{package}"]
        if not step("mypy", _run(cmd, out)):
            return result
    return result


def run(
    specs: Iterable[Path], *, fast: bool, jobs: int = 1, keep: Path | None = None
) -> list[Result]:
    """Check every document; ``fast``: mypy and install only for small documents."""

    def one(spec: Path) -> Result:
        small = spec.stat().st_size < SMALL_LIMIT
        with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
            work = Path(tmp)
            result = check_one(spec, work, mypy=small or not fast, install=small or not fast)
            if keep is not None and (work / "pkg").exists():
                shutil.copytree(work / "pkg", keep / spec.stem, dirs_exist_ok=True)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, list(specs)))


def format_table(results: list[Result]) -> str:
    rows = [
        ("spec", "openapi", "operations", "typed", "opc", "models", "seconds", "checks", "result")
    ]
    for r in results:
        ops = str(r.operations) if not r.skipped else f"{r.operations}/{r.spec_operations}"
        opc = "-" if r.opc_operations < 0 else str(r.opc_operations)
        rows.append(
            (
                r.spec,
                r.openapi,
                ops if r.outcome == "ok" else "-",
                f"{r.typed_responses}/{r.json_responses}" if r.outcome == "ok" else "-",
                opc,
                str(r.models) if r.outcome == "ok" else "-",
                f"{r.seconds:.1f}",
                ",".join(r.checks) or "-",
                r.result_text,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for index, row in enumerate(rows):
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 6)
    return "\n".join(lines)


def format_details(results: list[Result]) -> str:
    lines = []
    for r in results:
        for skipped in r.skipped:
            lines.append(f"{r.spec}: skipped {skipped}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.corpus.corpus", description=__doc__)
    parser.add_argument("--fast", action="store_true", help="mypy/install only on small specs")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("CORPUS_JOBS", "2")))
    parser.add_argument("--only", action="append", default=[], help="spec file name(s)")
    parser.add_argument("--keep", help="copy each generated package into this directory")
    parser.add_argument("--json", help="also write the results as JSON to this file")
    parser.add_argument("--details", action="store_true", help="list every skipped operation")
    parser.add_argument(
        "--opc", action="store_true", help="also count openapi-python-client's operations"
    )
    parser.add_argument("--worker", nargs=2, metavar=("SPEC", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(generate_one(Path(args.worker[0]), Path(args.worker[1]))))
        return 0
    if args.opc:
        os.environ["CORPUS_OPC"] = "1"  # read by the workers
    specs = [p for p in spec_paths() if not args.only or label(p) in args.only]
    if not specs:
        print(f"no specs in {CORPUS_DIR} (set CORPUS_DIR)", file=sys.stderr)
        return 2
    keep = Path(args.keep).resolve() if args.keep else None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results = run(specs, fast=args.fast, jobs=args.jobs, keep=keep)
    print(format_table(results))
    if args.details:
        print(format_details(results))
    print(f"\n{len(results)} specs in {time.perf_counter() - started:.0f}s")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in results], indent=2))
    failed = [r for r in results if not r.passed]
    for r in failed:
        print(f"FAILED {r.spec}: {r.detail}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
