"""The maintainer workflows of the README, followed literally in a temp copy of the repository.

"Adding an API version": copy the latest spec to spec/<new>.yaml (any later date), make the
change, add its versions.toml entry, `make generate`, `make release-check`, and the tests that
depend on spec/ pass there. A third version with a compatible change goes on the same major; a
fourth that renames a method (wire-identical) makes `make generate` warn and the gate fail until
its major is bumped. "Changing the API" by editing a released spec in place is refused, with the
way out in the message. The new versions' dates come from the repository's latest, so the test
still works after a maintainer adds versions for real.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from generator.cli import spec_files
from generator.read.annotations import annotations_of
from generator.read.load import load_spec
from tests.generator_cli import run_generator
from tests.release.test_frozen import as_released
from tests.versions import (
    ROOT,
    latest,
    names,
    next_name,
    pairs,
    released,
    versions,
    versions_entry,
)

# The tests of the copy that depend on spec/ (the rest of `make test` does not read it, or is
# the slow build/index/mock part that tests/release/test_index.py runs on the real spec/).
SPEC_TESTS = (
    "tests/release/test_versions.py",
    "tests/release/test_diff.py",
    "tests/release/test_surface_diff.py",
    "tests/release/test_frozen.py",
    "tests/codegen/test_package_surface.py",
)
SDK_TESTS = ("tests/sdk/test_client.py", "tests/sdk/test_files.py", "tests/sdk/test_runs.py")


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


def copy_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__", ".mypy_cache", ".ruff_cache", "*.egg-info")
    for part in ("generator", "templates", "spec", "tests", "generated"):
        shutil.copytree(ROOT / part, repo / part, ignore=ignore)
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, repo / name)
    as_released(repo / "spec", repo / "generated")  # start from published packages, no pending
    return repo


def add_version(repo: Path, name: str, major: int, change: str) -> None:
    """README step 1 and 3: copy the latest spec (and its client annotations), set
    info.version, change it, add the entry."""
    base = latest(repo / "spec")
    data = load_spec(base.spec, annotations=()).data
    for client_annotations in annotations_of(base.spec):
        shutil.copy(client_annotations, client_annotations.parent / f"{name}.yaml")
    data["info"]["version"] = name
    if change == "optional field":
        data["components"]["schemas"]["RunCreate"]["properties"]["lora_target_modules"] = {
            "type": "array",
            "items": {"type": "string"},
            "description": "Modules LoRA adapts (default: all linear layers).",
        }
    else:  # a method renamed: the same operation on the wire
        data["paths"]["/files"]["get"]["x-sdk-method"] = "list_all"
    (repo / "spec" / f"{name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    with (repo / "spec" / "versions.toml").open("a") as out:
        out.write(versions_entry(name, major))


def set_major(repo: Path, name: str, major: int) -> None:
    path = repo / "spec" / "versions.toml"
    head, _, _ = path.read_text().partition(f'["{name}"]')
    path.write_text(head + versions_entry(name, major).lstrip("\n"))


@pytest.mark.slow
@pytest.mark.timeout(900)  # two generations and a part of the test suite in the copy
def test_adding_a_third_and_a_fourth_api_version_as_the_readme_says(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    before = names()
    major = latest().major
    third, fourth = next_name(days=9), next_name(days=23)

    # A third version, compatible: same major. `make generate` says nothing; the gate passes.
    add_version(repo, third, major, "optional field")
    gen = make(repo, "generate")
    assert gen.returncode == 0, gen.stdout[-3000:] + gen.stderr[-3000:]
    assert "warning" not in gen.stderr, gen.stderr
    assert sorted(p.name for p in (repo / "generated").iterdir()) == [*before, third]
    pyproject = tomllib.loads((repo / "generated" / third / "pyproject.toml").read_text())
    assert pyproject["project"]["version"] == f"{major}.{third.replace('-', '')}.0"
    changelog = (repo / "generated" / third / "CHANGELOG.md").read_text()
    assert f"Changes from API {before[-1]} " in changelog
    assert "lora_target_modules`: new optional request field (array of string)" in changelog
    gate = make(repo, "release-check")
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert f"not released yet: {third}" in gate.stdout

    # A fourth: files.list renamed to files.list_all on the same major. `make generate` warns at
    # once, the gate fails, and passes once the major is bumped.
    add_version(repo, fourth, major, "renamed method")
    only_fourth = ("generate", "--spec", f"spec/{fourth}.yaml", "--quiet")  # the others as is
    gen = run_generator(*only_fourth, cwd=repo)
    assert gen.returncode == 0, gen.stderr[-3000:]
    # the rename, and with response links the object methods linked to it
    assert re.search(rf"warning: {third} -> {fourth}: \d+ breaking change\(s\)", gen.stderr)
    assert "files.list_all" in gen.stderr
    gate = make(repo, "release-check")
    assert gate.returncode != 0
    assert f'set major = {major + 1} for ["{fourth}"]' in gate.stdout
    set_major(repo, fourth, major + 1)
    gen = run_generator(*only_fourth, cwd=repo)
    assert gen.returncode == 0 and "warning" not in gen.stderr, gen.stderr
    gate = make(repo, "release-check")
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert re.search(r"\d+ breaking, \d+ compatible +ok \(major bumped\)", gate.stdout), gate.stdout
    changelog = (repo / "generated" / fourth / "CHANGELOG.md").read_text()
    assert "client.files.list() is now client.files.list_all()" in changelog

    # The tests' helpers see both, with the verdicts their majors promise.
    assert names(repo / "spec") == [*before, third, fourth]
    assert [p.same_major for p in pairs(repo / "spec")][-2:] == [True, False]

    # The spec-dependent tests pass in the copy (-rA: each passed test listed by its id).
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rA", "-x", "-p", "no:cacheprovider", *SPEC_TESTS],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-3000:]
    # the new pair is a case of the diff tests (and passed)
    assert any(
        line.startswith(f"PASSED {SPEC_TESTS[1]}::") and f"{third}->{fourth}" in line
        for line in proc.stdout.splitlines()
    ), proc.stdout[-5000:]
    # The new compatible version's package behaves against the reference server (a part of
    # tests/sdk, selected by the version's name: the renamed fourth would fail its files tests
    # by design, and all of tests/sdk would double this test's time).
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-k", third]
        + list(SDK_TESTS),
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and " passed" in proc.stdout, proc.stdout[-5000:]


@pytest.mark.slow
def test_client_annotations_of_a_released_version_as_the_readme_says(tmp_path: Path) -> None:
    """README "Client annotations": a link added to the annotations of the newest released
    version; `make generate` warns, the gate fails until its patch is bumped, then passes with
    the version pending release, and the package has the new object method."""
    repo = copy_repo(tmp_path)
    version = max(released())
    (path,) = annotations_of(repo / "spec" / f"{version}.yaml")
    link = {"operationId": "getFilePreview", "parameters": {"fileId": "$response.body#/data/id"}}
    data = yaml.safe_load(path.read_text())
    data["actions"].append(
        {
            "target": "$.paths['/files/{fileId}'].get.responses['200']",
            "update": {"links": {"peek": link}},
        }
    )
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    only = ("generate", "--spec", f"spec/{version}.yaml", "--quiet")
    gen = run_generator(*only, cwd=repo)
    assert gen.returncode == 0, gen.stderr[-3000:]
    assert f"warning: the client annotations of API {version}" in gen.stderr
    assert "bump patch" in gen.stderr
    gate = make(repo, "release-check")
    assert gate.returncode != 0 and "client annotations" in gate.stdout
    table = repo / "spec" / "versions.toml"
    head, entry, tail = table.read_text().partition(f'["{version}"]')
    patch = next(v.patch for v in versions(repo / "spec") if v.name == version)
    tail = tail.replace(f"patch = {patch}", f"patch = {patch + 1}", 1)
    table.write_text(head + entry + tail)
    gen = run_generator(*only, cwd=repo)
    assert gen.returncode == 0 and "warning" not in gen.stderr, gen.stderr
    gate = make(repo, "release-check")
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert "is not released yet" in gate.stdout and "release check: passed" in gate.stdout
    objects = repo / "generated" / version / "src" / "runrl" / "objects.py"
    assert "def peek(" in objects.read_text()


@pytest.mark.slow
def test_editing_a_released_spec_in_place_warns_and_fails_the_gate(tmp_path: Path) -> None:
    """ "Changing the API" done wrong: an optional parameter added to the frozen document."""
    repo = copy_repo(tmp_path)
    version = latest().name
    path = repo / "spec" / f"{version}.yaml"
    data = load_spec(path).data
    data["paths"]["/files"]["get"]["parameters"].append(
        {"name": "owner", "in": "query", "schema": {"type": "string"}}
    )
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    gen = make(repo, "generate")
    assert gen.returncode == 0, gen.stderr[-3000:]
    assert f"warning: spec/{version}.yaml changed after API {version} was released" in gen.stderr
    gate = make(repo, "release-check")
    assert gate.returncode != 0 and "put the change in a new API version" in gate.stdout


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
