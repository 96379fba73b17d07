"""The version scheme and the release gate (README: "Versions and releases").

Package version = <major>.<API version digits>.<patch>, major and patch from spec/versions.toml,
the API version from info.version (= the spec's file name). `~=<major>.<digits>.0` selects one
API version and its patch releases only.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from generator.cli import spec_files
from generator.read.load import load_spec
from generator.read.versions import package_version
from generator.release.changelog import changelog_text, history
from generator.release.gate import check_releases
from tests.generator_cli import run_generator
from tests.versions import (
    SPEC_DIR,
    Pair,
    copy_spec_extras,
    latest,
    next_name,
    pairs,
    released,
    versions,
    versions_entry,
)

ROOT = Path(__file__).resolve().parents[2]
SPECS = spec_files()
VERSIONS = [p.stem for p in SPECS]
SPEC_VERSIONS = versions()


def test_every_spec_has_one_entry_and_every_entry_a_spec() -> None:
    table = tomllib.loads((ROOT / "spec" / "versions.toml").read_text())
    assert set(table) == set(VERSIONS)
    for spec in SPECS:
        assert load_spec(spec).data["info"]["version"] == spec.stem


@pytest.mark.parametrize("spec", SPECS, ids=VERSIONS)
def test_package_version_encodes_the_api_version(spec: Path) -> None:
    version = package_version(load_spec(spec))
    major, digits, patch = version.split(".")
    assert digits == spec.stem.replace("-", "")
    assert int(major) >= 1 and int(patch) >= 0
    assert str(Version(version)) == version  # a valid, normalised PEP 440 version


def test_compatible_release_specifier_selects_one_api_version_and_its_patches() -> None:
    """`pip install 'runrl~=1.20251003.0'`: 1.20251003.x only, never the next API version."""
    wanted = SpecifierSet("~=1.20251003.0")
    assert Version("1.20251003.0") in wanted
    assert Version("1.20251003.7") in wanted  # a client-only fix
    assert Version("1.20251011.0") not in wanted  # the next API version
    assert Version("2.20251003.0") not in wanted  # a client breaking change
    assert Version("1.20251002.9") not in wanted


@pytest.mark.parametrize("version", VERSIONS)
def test_generated_package_exposes_both_versions_and_sends_them(version: str) -> None:
    pkg = ROOT / "generated" / version
    expected = package_version(load_spec(ROOT / "spec" / f"{version}.yaml"))
    assert tomllib.loads((pkg / "pyproject.toml").read_text())["project"]["version"] == expected
    source = (pkg / "src" / "runrl" / "_version.py").read_text()
    assert f'__version__ = "{expected}"' in source
    assert f'API_VERSION = "{version}"' in source
    config = (pkg / "src" / "runrl" / "_config.py").read_text()
    assert f"runrl-python/{expected} (API {version}; " in config


@pytest.mark.parametrize("version", VERSIONS)
def test_generated_changelog_lists_every_api_version_up_to_its_own(version: str) -> None:
    text = (ROOT / "generated" / version / "CHANGELOG.md").read_text()
    assert text == changelog_text(ROOT / "spec" / f"{version}.yaml")
    older = [v for v in VERSIONS if v <= version]
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.rsplit(" API ", 1)[1] for h in headings] == older[::-1]
    assert text.rstrip().endswith("Initial release.")


@pytest.mark.parametrize("pair", pairs(), ids=lambda p: p.id)
def test_changelog_entry_agrees_with_the_majors(pair: Pair) -> None:
    """Each version's changelog entry compares it with its predecessor in spec/; on the same
    major it lists nothing breaking."""
    entry = history(pair.new.spec)[0]
    assert (entry.api_version, entry.previous) == (pair.new.name, pair.old.name)
    assert entry.previous_package_version == pair.old.package
    if pair.same_major:
        assert entry.breaking == []


@pytest.mark.skipif(
    not {"2025-10-03", "2025-10-11"} <= set(released()), reason="the LoRA pair is not released"
)
def test_lora_changelog_entry_is_compatible() -> None:
    """History, frozen by released.toml."""
    entry = history(ROOT / "spec" / "2025-10-11.yaml")[0]
    assert (entry.api_version, entry.previous) == ("2025-10-11", "2025-10-03")
    assert entry.breaking == []
    assert len(entry.compatible) == 4 and all("`POST /runs`" in line for line in entry.compatible)


def test_release_check_passes_on_the_repository() -> None:
    proc = run_generator("release-check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "release check: passed" in proc.stdout


# -- the gate on temporary spec directories -------------------------------------------------------


NEW = next_name()
LATEST = latest()


def spec_dir(tmp_path: Path, third: dict[str, object] | None, versions: str) -> Path:
    """spec/ with the repository's versions, optionally one more (a derivative of the latest)."""
    target = tmp_path / "spec"
    target.mkdir(parents=True)
    for spec in SPECS:
        shutil.copy(spec, target / spec.name)
    copy_spec_extras(target)
    if third is not None:
        (target / f"{NEW}.yaml").write_text(yaml.safe_dump(third, sort_keys=False))
    (target / "versions.toml").write_text(versions)
    return target


def derived(remove_field: bool) -> dict[str, object]:
    data = load_spec(LATEST.spec).data
    data["info"]["version"] = NEW
    file_props = data["components"]["schemas"]["File"]["properties"]
    if remove_field:
        del file_props["file_size_human"]
    else:
        file_props["checksum"] = {"type": ["string", "null"], "description": "SHA-256."}
    return data


def entries(**change: tuple[int, object]) -> str:
    """versions.toml for the repository's versions; ``change``: name (with _) -> (major, patch)."""
    text = ""
    for v in versions():
        major, patch = change.get(v.name.replace("-", "_"), (v.major, v.patch))
        text += f'\n["{v.name}"]\nmajor = {major}\npatch = {patch!s}\n'
    return text


BASE = entries()
FIRST = SPEC_VERSIONS[0]
TOP = max(v.major for v in SPEC_VERSIONS)


def test_gate_passes_a_compatible_version_on_the_same_major(tmp_path: Path) -> None:
    specs = spec_dir(tmp_path, derived(False), BASE + versions_entry(NEW, LATEST.major))
    report = check_releases(specs)
    assert report.ok, report.text()
    assert report.pairs[-1].verdict == "ok (same major)"


def test_gate_fails_a_breaking_version_without_a_major_bump(tmp_path: Path) -> None:
    specs = spec_dir(tmp_path, derived(True), BASE + versions_entry(NEW, LATEST.major))
    report = check_releases(specs)
    assert not report.ok
    assert f"{LATEST.name} -> {NEW}" in report.problems[0]
    assert f"set major = {LATEST.major + 1}" in report.problems[0]
    assert "file_size_human" in report.problems[0]
    assert "client annotations" not in report.problems[0]  # derived() keeps the links
    bumped = spec_dir(tmp_path / "b", derived(True), BASE + versions_entry(NEW, LATEST.major + 1))
    assert check_releases(bumped).ok


def test_gate_says_a_new_version_without_the_client_annotations_lost_its_object_layer(
    tmp_path: Path,
) -> None:
    # README "Adding an API version" step 1 without its second `cp`: the diff reports the object
    # layer removed, and "set major" alone would be the wrong advice.
    if not (SPEC_DIR / "annotations" / f"{LATEST.name}.yaml").exists():
        pytest.skip(f"API {LATEST.name} has no client annotations")
    data = yaml.safe_load(LATEST.spec.read_text(encoding="utf-8"))
    data["info"]["version"] = NEW
    report = check_releases(spec_dir(tmp_path, data, BASE + versions_entry(NEW, LATEST.major)))
    assert not report.ok
    (problem,) = [p for p in report.problems if f"{LATEST.name} -> {NEW}" in p]
    assert "(object layer)" in problem
    assert f"copy them to spec/annotations/{NEW}.yaml" in problem


@pytest.mark.parametrize(
    ("versions", "message"),
    [
        (entries(**{FIRST.name.replace("-", "_"): (TOP + 1, 0)}), "major went"),
        (BASE + versions_entry(next_name(days=400), 1), f"has no spec/{next_name(days=400)}.yaml"),
        (BASE.replace(versions_entry(LATEST.name, LATEST.major, LATEST.patch), ""), "no entry"),
        (
            entries(**{FIRST.name.replace("-", "_"): (FIRST.major, '"x"')}),
            "major and patch must be non-negative integers",
        ),
    ],
    ids=["major-decreases", "stale-entry", "missing-entry", "bad-patch"],
)
def test_gate_checks_versions_toml(tmp_path: Path, versions: str, message: str) -> None:
    report = check_releases(spec_dir(tmp_path, None, versions))
    assert not report.ok
    assert any(message in p for p in report.problems), report.problems


def test_gate_requires_file_name_equal_to_info_version(tmp_path: Path) -> None:
    specs = spec_dir(tmp_path, None, BASE)
    (specs / f"{LATEST.name}.yaml").rename(specs / f"{next_name(days=1)}.yaml")
    report = check_releases(specs)
    assert any("must be named after it" in p for p in report.problems), report.problems


def test_gate_reports_a_stale_changelog(tmp_path: Path) -> None:
    specs = spec_dir(tmp_path, None, BASE)
    generated = tmp_path / "generated"
    for version in VERSIONS:
        shutil.copytree(ROOT / "generated" / version, generated / version)
    assert check_releases(specs, generated).ok
    (generated / VERSIONS[-1] / "CHANGELOG.md").write_text("# edited\n")
    report = check_releases(specs, generated)
    assert any("CHANGELOG.md: not what the specs produce" in p for p in report.problems)
