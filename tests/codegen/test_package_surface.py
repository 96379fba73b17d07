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

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = [p.stem for p in spec_files()]

_PROBE = r"""
import inspect, json, runrl, runrl.models
from runrl import RunRLClient
client = RunRLClient(api_key="rl_x")
methods = {}
for ns_name in [n for n in dir(client) if not n.startswith("_")]:
    ns = getattr(client, ns_name)
    if not hasattr(ns, "_METHODS"):
        continue
    for name, _ in ns._METHODS:
        methods[f"{ns_name}.{name}"] = list(inspect.signature(getattr(ns, name)).parameters)
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
    source = (ROOT / "generated" / version / "src" / "runrl" / "models.py").read_text()
    assert "model_config" not in source
