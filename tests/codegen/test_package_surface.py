"""What a generated package shows its users: ``dir()`` of the package, the per-call options of
each method, the models' own settings. Checked on every API version's package (in a child
process, so that the packages, all named ``runrl``, do not meet in one interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import spec_files
from tests.models_source import models_source

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = [p.stem for p in spec_files()]

_PROBE = r"""
import inspect, json, sys, runrl, runrl.models
from runrl import RunRLClient
client = RunRLClient(api_key="rl_x")
methods = {}
for ns_name in [n for n in dir(client) if not n.startswith("_")]:
    ns = getattr(client, ns_name)
    if not hasattr(ns, "_METHODS"):
        continue
    module = sys.modules[type(ns).__module__]
    for name, _ in ns._METHODS:
        op = getattr(module, "_" + name.upper().strip("_") + "_OP", None)  # None: a helper
        params = list(inspect.signature(getattr(ns, name)).parameters)
        methods[f"{ns_name}.{name}"] = {"http": op and op.method, "params": params}
print(json.dumps({
    "dir": dir(runrl),
    "all": list(runrl.__all__),
    "methods": methods,
}))
"""


def probe(version: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT / "generated" / version / "src",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict[str, object] = json.loads(proc.stdout)
    return result


@pytest.fixture(scope="module", params=VERSIONS)
def surface(request: pytest.FixtureRequest) -> dict[str, object]:
    return probe(str(request.param))


def test_dir_shows_the_public_api_only(surface: dict[str, object]) -> None:
    names = surface["dir"]
    assert isinstance(names, list) and isinstance(surface["all"], list)
    for helper in ("Any", "List", "TYPE_CHECKING", "import_module", "_LAZY", "_exception_names"):
        assert helper not in names
    assert sorted(set(surface["all"]) | {"models"}) == names


@pytest.mark.parametrize("version", VERSIONS)
def test_models_repeat_no_setting_of_the_base_model(version: str) -> None:
    """``populate_by_name`` and ``extra="allow"`` are the base model's (runtime/_models.py)."""
    source = models_source(ROOT / "generated" / version / "src" / "runrl")
    assert "model_config" not in source


PER_CALL = ["extra_headers", "extra_query", "extra_body", "timeout", "max_retries"]


def test_idempotency_key_only_where_a_request_carries_one(surface: dict[str, object]) -> None:
    """POST and PATCH send an Idempotency-Key: only their methods take ``idempotency_key``."""
    methods = surface["methods"]
    assert isinstance(methods, dict) and methods
    for name, facts in methods.items():
        if facts["http"] is None:
            continue  # a helper (follow) that calls an operation method
        params = facts["params"]
        assert all(option in params for option in PER_CALL), name
        keyed = facts["http"] in ("POST", "PATCH")
        assert ("idempotency_key" in params) is keyed, name
