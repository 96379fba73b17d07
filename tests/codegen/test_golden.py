"""Golden tests: regenerate and compare byte for byte.

* the small fixture specs tests/fixtures/<name>/spec.yaml against tests/fixtures/<name>/expected/
  (refresh after an intended change with ``UPDATE_GOLDEN=1 make test``, then review the diff);
* every spec/<version>.yaml against generated/<version>/ (what ``make check`` does);
* the same input gives the same bytes twice.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import diff_trees, spec_files
from generator.cli import generate_package as generate
from generator.output.write import read_tree
from tests.generator_cli import run_generator

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_SPECS = sorted(p.parent.name for p in FIXTURES.glob("*/spec.yaml"))


@pytest.mark.parametrize("name", FIXTURE_SPECS)
def test_fixture_output_matches_expected(name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    generate(FIXTURES / name / "spec.yaml", out)
    expected_dir = FIXTURES / name / "expected"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(out, expected_dir)
    diff = diff_trees(read_tree(expected_dir), read_tree(out), f"tests/fixtures/{name}/expected")
    assert not diff, "generated output differs from the golden files:\n" + diff[:20000]


def test_same_input_same_bytes(tmp_path: Path) -> None:
    spec = FIXTURES / "mini" / "spec.yaml"
    generate(spec, tmp_path / "one")
    generate(spec, tmp_path / "two")
    assert read_tree(tmp_path / "one") == read_tree(tmp_path / "two")


def test_generated_dir_is_up_to_date() -> None:
    """`python -m generator check` passes: generated/ is exactly what the specs produce."""
    proc = run_generator("check")
    assert proc.returncode == 0, proc.stdout[-20000:] + proc.stderr[-2000:]


def test_check_reports_drift_with_a_diff(tmp_path: Path) -> None:
    """Hand-edit a generated file in a copy of the repo layout: `check` fails and shows the diff."""
    repo = tmp_path / "repo"
    for part in ("generator", "templates", "spec"):
        shutil.copytree(ROOT / part, repo / part)
    versions = [p.stem for p in spec_files()]
    version = versions[0]
    shutil.copytree(ROOT / "generated" / version, repo / "generated" / version)
    target = repo / "generated" / version / "src" / "runrl" / "_version.py"
    target.write_text(target.read_text() + "# edited by hand\n")
    for other in versions[1:]:
        (repo / "spec" / f"{other}.yaml").unlink()
    proc = run_generator("check", cwd=repo)
    assert proc.returncode == 1
    assert f"a/generated/{version}/src/runrl/_version.py" in proc.stdout
    assert "-# edited by hand" in proc.stdout
