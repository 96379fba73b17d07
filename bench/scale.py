"""Issue 17 targets 3 and 4: a large API's first call, and generation with nothing changed.

* ``first_call``: the package generated from the largest corpus document (by the generation
  step of ``make bench``), byte-compiled, imported in fresh processes: ``import <pkg>`` +
  construct a client + the first call of a namespace (against ``bench/server.py``, which answers
  404: the call still loads the namespace and its models, which is what a first call costs),
  against the floor, ``import httpx, pydantic`` + ``httpx.Client().get()`` to the same server.
* ``incremental``: ``python -m generator generate`` (what ``make generate`` runs) in a copy of
  the checkout, once to settle it, then again with nothing changed.

Both run commands in subprocesses; nothing here is a test.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

# Finds the first namespace method that takes no required argument (imports everything: once).
DISCOVER = r"""
import importlib, inspect, json, sys, functools
name = sys.argv[1]
pkg = importlib.import_module(name)
cls = getattr(pkg, pkg.__all__[0])
for attr in sorted(dir(cls)):
    prop = getattr(cls, attr, None)
    if not isinstance(prop, functools.cached_property):
        continue
    ns = getattr(cls(api_key="k", base_url="http://127.0.0.1:9"), attr)
    for meth in sorted(m for m in dir(ns) if not m.startswith("_")):
        fn = getattr(ns, meth)
        if not callable(fn) or meth in ("with_raw_response", "options"):
            continue
        try:
            params = inspect.signature(fn).parameters.values()
        except (TypeError, ValueError):
            continue
        optional = (inspect.Parameter.VAR_KEYWORD, inspect.Parameter.VAR_POSITIONAL)
        if all(p.default is not p.empty or p.kind in optional for p in params):
            print(json.dumps({"client": pkg.__all__[0], "namespace": attr, "method": meth}))
            raise SystemExit(0)
raise SystemExit("no method without required arguments")
"""

FIRST_CALL = r"""
import time as _t
_w = _t.perf_counter(); _c = _t.process_time()
import {pkg}
client = {pkg}.{client}(api_key="k", base_url={base!r})
try:
    getattr(client.{namespace}, {method!r})()
except Exception as exc:
    outcome = type(exc).__name__
else:
    outcome = "ok"
print(_t.perf_counter() - _w, _t.process_time() - _c, outcome)
"""

FLOOR = r"""
import time as _t
_w = _t.perf_counter(); _c = _t.process_time()
import httpx, pydantic
outcome = str(httpx.Client().get({base!r} + "/first").status_code)
print(_t.perf_counter() - _w, _t.process_time() - _c, outcome)
"""


def _package_of(src: Path) -> str:
    return next(p.name for p in sorted(src.iterdir()) if (p / "__init__.py").exists())


def first_call(
    python: Path, src: Path, base: str, rounds: int, env: dict[str, str]
) -> dict[str, Any]:
    """Fresh processes, alternating: the large package's first call vs the floor (ms)."""
    pkg = _package_of(src)
    subprocess.run([str(python), "-m", "compileall", "-q", "-j0", str(src)], check=False)
    env = {**env, "PYTHONPATH": str(src)}
    found = subprocess.run(
        [str(python), "-c", DISCOVER, pkg], capture_output=True, text=True, env=env, timeout=900
    )
    if found.returncode != 0:
        return {"error": (found.stderr.strip().splitlines() or ["discovery failed"])[-1][:200]}
    target = json.loads(found.stdout.strip().splitlines()[-1])
    probes = {
        "ours": FIRST_CALL.format(pkg=pkg, base=base, **target),
        "floor": FLOOR.format(base=base),
    }
    out: dict[str, Any] = {name: {"wall": [], "cpu": []} for name in probes}
    out["call"] = f"{pkg}: `{target['namespace']}.{target['method']}()`"
    for index in range(rounds):
        for name in list(probes) if index % 2 == 0 else list(probes)[::-1]:
            proc = subprocess.run(
                [str(python), "-c", probes[name]],
                capture_output=True,
                text=True,
                env=env,
                cwd=tempfile.gettempdir(),
                timeout=900,
            )
            if proc.returncode != 0:
                return {"error": f"{name}: " + (proc.stderr.strip().splitlines() or ["?"])[-1]}
            wall, cpu, outcome = proc.stdout.split()
            out[name]["wall"].append(float(wall) * 1000)
            out[name]["cpu"].append(float(cpu) * 1000)
            out[name]["outcome"] = outcome
    return out


def incremental(root: Path, python: Path, rounds: int, env: dict[str, str]) -> dict[str, Any]:
    """Seconds of ``python -m generator generate`` with nothing changed, in a copy of ``root``."""
    work = Path(tempfile.mkdtemp(prefix="runrl-bench-incremental-"))
    try:
        skip = shutil.ignore_patterns(
            ".git", ".venv", "node_modules", "site", "dist", "__pycache__", ".*_cache"
        )
        for name in ("generator", "templates", "spec", "generated"):
            shutil.copytree(root / name, work / name, ignore=skip)
        for path in root.glob("*.toml"):
            shutil.copy2(path, work / path.name)
        cmd = [str(python), "-m", "generator", "generate", "--quiet"]
        first = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
        if first.returncode != 0:
            return {"error": (first.stderr.strip().splitlines() or ["failed"])[-1][:200]}
        walls: list[float] = []
        for _ in range(rounds):
            started = time.perf_counter()
            subprocess.run(cmd, cwd=work, env=env, capture_output=True, check=True)
            walls.append(time.perf_counter() - started)
        specs = sorted(p for p in (work / "spec").glob("*.yaml") if not p.name.startswith("."))
        # One version changed (the newest, so no other version's changelog sees it).
        with specs[-1].open("a", encoding="utf-8") as fh:
            fh.write("\n# touched by make bench\n")
        started = time.perf_counter()
        changed = subprocess.run(cmd[:-1], cwd=work, env=env, capture_output=True, text=True)
        one_changed = time.perf_counter() - started
        skipped = changed.stdout.count("up to date (inputs unchanged)")
        return {
            "wall": walls,
            "median": statistics.median(walls),
            "versions": len(specs),
            "one_changed": one_changed,
            "regenerated": len(specs) - skipped,
        }
    except (OSError, subprocess.CalledProcessError) as exc:
        return {"error": str(exc)[:200]}
    finally:
        shutil.rmtree(work, ignore_errors=True)
