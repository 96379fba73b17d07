"""A maintainer adds a third API version by following the README, in a temp copy of the repository.

README "Versions and releases" -> "Adding an API version": copy the latest spec to
spec/<new>.yaml, change it, add its entry to spec/versions.toml, generate (the new version only:
`make generate` regenerates the others unchanged), `make build`, `make release-check`. A
compatible change passes the gate on the same major; a breaking one (a removed response field)
fails it until the major is bumped.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from generator.cli import spec_files
from generator.read.load import load_spec
from tests.generator_cli import run_generator

ROOT = Path(__file__).resolve().parents[2]
NEW = "2025-10-20"


def make(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`make` in the copy, with the repository's interpreter (the copy has no .venv of its own)."""
    python = Path(sys.executable)
    return subprocess.run(
        ["make", "-o", ".venv/.stamp-dev", f"VPY={python}", f"VBIN={python.parent}", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )


def generator(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_generator(*args, cwd=repo)


def write_spec(repo: Path, *, breaking: bool) -> None:
    """spec/2025-10-20.yaml: 2025-10-11 plus one new optional request field, or minus a response
    field (File.file_size_human)."""
    data = load_spec(repo / "spec" / "2025-10-11.yaml").data
    data["info"]["version"] = NEW
    schemas = data["components"]["schemas"]
    schemas["RunCreate"]["properties"]["lora_target_modules"] = {
        "type": "array",
        "items": {"type": "string"},
        "description": "Modules LoRA adapts (default: all linear layers).",
    }
    if breaking:
        del schemas["File"]["properties"]["file_size_human"]
    (repo / "spec" / f"{NEW}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))


def set_major(repo: Path, major: int) -> None:
    path = repo / "spec" / "versions.toml"
    text = path.read_text()
    if f'["{NEW}"]' not in text:
        text += f'\n["{NEW}"]\nmajor = {major}\npatch = 0\n'
    else:
        head, _, _ = text.partition(f'["{NEW}"]')
        text = head + f'["{NEW}"]\nmajor = {major}\npatch = 0\n'
    path.write_text(text)


@pytest.mark.slow
def test_add_a_third_api_version(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__", ".mypy_cache", ".ruff_cache")
    for part in ("generator", "templates", "spec"):
        shutil.copytree(ROOT / part, repo / part, ignore=ignore)
    shutil.copy(ROOT / "Makefile", repo / "Makefile")
    # The released versions' packages as committed; `make generate` would rebuild them unchanged
    # (the golden test checks that), so only the new version is generated here, to save time.
    for version in ("2025-10-03", "2025-10-11"):
        shutil.copytree(ROOT / "generated" / version, repo / "generated" / version, ignore=ignore)

    # 1. a compatible change on the same major: generate, build, gate passes.
    write_spec(repo, breaking=False)
    set_major(repo, 1)
    gen = generator(repo, "generate", "--spec", f"spec/{NEW}.yaml")
    assert gen.returncode == 0, gen.stdout[-3000:] + gen.stderr[-3000:]
    assert sorted(p.name for p in (repo / "generated").iterdir()) == [
        "2025-10-03",
        "2025-10-11",
        NEW,
    ]
    pyproject = tomllib.loads((repo / "generated" / NEW / "pyproject.toml").read_text())
    assert pyproject["project"]["version"] == "1.20251020.0"
    changelog = (repo / "generated" / NEW / "CHANGELOG.md").read_text()
    assert "## 1.20251020.0 — API 2025-10-20" in changelog
    assert "Changes from API 2025-10-11 (1.20251011.0): 0 breaking, 1 compatible." in changelog
    assert "lora_target_modules`: new optional request field (array of string)" in changelog
    assert changelog.index("API 2025-10-20") < changelog.index("API 2025-10-11")

    built = make(repo, "build", f"DIST={tmp_path / 'dist'}", "BUILD_FLAGS=--no-isolation")
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert len(list((tmp_path / "dist").glob("*.whl"))) == 3
    assert (tmp_path / "dist" / "runrl-1.20251020.0.tar.gz").exists()

    gate = make(repo, "release-check")
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert "2025-10-20   1.20251020.0        0 breaking, 1 compatible" in gate.stdout

    # 2. a breaking change (a response field removed) without a major bump: the gate fails...
    write_spec(repo, breaking=True)
    regen = generator(repo, "generate", "--spec", f"spec/{NEW}.yaml", "--quiet")
    assert regen.returncode == 0, regen.stderr
    gate = make(repo, "release-check")
    assert gate.returncode != 0
    # File is returned by four operations: four breaking changes.
    assert "2025-10-11 -> 2025-10-20: 4 breaking change(s) but the major stays 1" in gate.stdout
    assert f'set major = 2 for ["{NEW}"]' in gate.stdout
    assert "file_size_human" in gate.stdout

    # ... and passes once the major is bumped (and the package regenerated).
    set_major(repo, 2)
    stale = make(repo, "release-check")
    assert stale.returncode != 0 and "run `make generate`" in stale.stdout
    regen = generator(repo, "generate", "--spec", f"spec/{NEW}.yaml", "--quiet")
    assert regen.returncode == 0, regen.stderr
    gate = make(repo, "release-check")
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert "2.20251020.0        4 breaking, 1 compatible   ok (major bumped)" in gate.stdout
    changelog = (repo / "generated" / NEW / "CHANGELOG.md").read_text()
    assert "### Breaking" in changelog and "file_size_human`: response field removed" in changelog


@pytest.mark.slow
def test_make_generate_regenerates_every_version_and_a_template_fix_reaches_all(
    tmp_path: Path,
) -> None:
    """A change to a template shows up in every API version's package after `make generate`."""
    repo = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__")
    for part in ("generator", "templates", "spec"):
        shutil.copytree(ROOT / part, repo / part, ignore=ignore)
    shutil.copy(ROOT / "Makefile", repo / "Makefile")
    readme = repo / "templates" / "package" / "README.md.jinja"
    readme.write_text(readme.read_text() + "\nA template fix for API {{ pkg.api_version | md }}.\n")
    gen = make(repo, "generate")
    assert gen.returncode == 0, gen.stdout[-3000:] + gen.stderr[-3000:]
    versions = [p.stem for p in spec_files()]
    assert sorted(p.name for p in (repo / "generated").iterdir()) == versions
    for version in versions:
        text = (repo / "generated" / version / "README.md").read_text()
        assert f"A template fix for API {version}." in text
