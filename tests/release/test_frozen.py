"""Released versions are frozen (spec/released.toml, generator/release/lock.py).

In temp copies of spec/ (+ generated/ where the package is checked): editing a released spec in
place fails the gate with a message that says to add a new API version; a released package,
changelog or client surface that changed needs a version bump; `python -m generator release`
records a version, after which it is frozen too.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.read.annotations import ANNOTATIONS_DIR
from generator.read.load import load_spec
from generator.release.diff import surface_of
from generator.release.gate import check_releases, current_release
from generator.release.lock import LOCK_FILE, read_lock, write_lock
from generator.release.surfaces import SURFACES_DIR, surface_file, write_surface
from tests.generator_cli import run_generator
from tests.versions import (
    ROOT,
    SPEC_DIR,
    copy_spec_extras,
    next_name,
    released,
    versions,
    versions_entry,
)

RELEASED = sorted(released())
pytestmark = pytest.mark.skipif(not RELEASED, reason="no released API version in spec/")


def copy_specs(tmp_path: Path, *, generated: bool = False) -> Path:
    target = tmp_path / "spec"
    target.mkdir(parents=True)
    for v in versions():
        shutil.copy(v.spec, target / v.spec.name)
        if generated:
            shutil.copytree(ROOT / "generated" / v.name, tmp_path / "generated" / v.name)
    for name in ("versions.toml", LOCK_FILE):
        shutil.copy(SPEC_DIR / name, target / name)
    copy_spec_extras(target)  # annotations and recorded surfaces
    return target


def as_released(specs: Path, generated: Path | None = None) -> None:
    """Record every version as it is now (what `python -m generator release` does once it is
    published): the test starts from released, unchanged packages, whether or not the
    repository has a patch pending (a bumped version not released yet)."""
    report = check_releases(specs, generated)
    records = []
    for entry, doc in zip(report.entries, report.docs, strict=True):
        surface = surface_of(doc)
        write_surface(specs, entry.api_version, entry.package_version, surface)
        records.append(current_release(doc, entry, generated, surface))
    write_lock(specs, records)


def bump(specs: Path, version: str, *, patch: int = 1, major: int = 0) -> None:
    """Bump ``version``'s patch (or, with ``major``, its major, patch 0) in the copy."""
    table = (specs / "versions.toml").read_text()
    v = next(x for x in versions() if x.name == version)
    new = (v.major + major, 0) if major else (v.major, v.patch + patch)
    bumped = table.replace(
        versions_entry(v.name, v.major, v.patch).strip(), versions_entry(v.name, *new).strip()
    )
    assert bumped != table
    (specs / "versions.toml").write_text(bumped)


def annotate(specs: Path, version: str, *actions: dict[str, Any]) -> None:
    """Add ``actions`` to the version's client annotations (made when it has none)."""
    path = specs / ANNOTATIONS_DIR / f"{version}.yaml"
    path.parent.mkdir(exist_ok=True)
    data: dict[str, Any] = (
        yaml.safe_load(path.read_text())
        if path.exists()
        else {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": []}
    )
    data["actions"] += list(actions)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_changed_annotations_of_a_released_version_need_a_patch_bump_and_may_only_add(
    tmp_path: Path,
) -> None:
    """Client annotations (an Overlay beside the frozen spec) are a client-only change: patch
    + 1, README "Client annotations"; the wire stays, and what was there stays."""
    version = RELEASED[-1]
    specs = copy_specs(tmp_path)
    as_released(specs)
    assert check_releases(specs).ok
    spec_hash = read_lock(specs)[0][version].spec
    get_file = "$.paths['/files/{fileId}'].get.responses['200']"
    link = {"operationId": "getFilePreview", "parameters": {"fileId": "$response.body#/data/id"}}
    annotate(specs, version, {"target": get_file, "update": {"links": {"peek": link}}})
    annotate(
        specs,
        version,
        {"target": "$.components.schemas.File", "update": {"x-sdk-resource": {"id": "/id"}}},
    )
    report = check_releases(specs)
    assert any(
        f"client annotations of API {version}" in p and "bump patch" in p for p in report.problems
    ), report.problems
    assert not any("is frozen" in p for p in report.problems)  # the spec itself is unchanged
    bump(specs, version)
    report = check_releases(specs)
    # links only add: compatible (a later version without them is another matter: its diff)
    assert not [p for p in report.problems if "annotations" in p or "frozen" in p], report.text()
    assert any(f"{version}: " in n and "is not released yet" in n for n in report.notes)
    assert read_lock(specs)[0][version].spec == spec_hash

    wire = {"name": "owner", "in": "query", "schema": {"type": "string"}}
    annotate(specs, version, {"target": "$.paths['/files'].get.parameters", "update": wire})
    report = check_releases(specs)
    assert any("change the wire" in p and "new API version" in p for p in report.problems), (
        report.problems
    )


def test_annotations_that_break_user_code_are_refused_on_a_patch(tmp_path: Path) -> None:
    version = RELEASED[-1]
    specs = copy_specs(tmp_path)
    as_released(specs)
    rename = {"target": "$.paths['/files'].get", "update": {"x-sdk-method": "list_all"}}
    annotate(specs, version, rename)
    bump(specs, version)
    report = check_releases(specs)
    assert any("break user code" in p and "list_all" in p for p in report.problems), report.problems


def test_every_version_in_released_toml_has_a_spec_and_the_repository_passes() -> None:
    names = {v.name for v in versions()}
    assert set(RELEASED) <= names
    recorded, problems = read_lock(SPEC_DIR)
    assert problems == []
    assert {v: r.package for v, r in recorded.items()} == released()
    proc = run_generator("release-check")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("version", RELEASED)
def test_editing_a_released_spec_in_place_fails_and_says_add_a_version(
    tmp_path: Path, version: str
) -> None:
    """An optional query parameter added to the frozen document: compatible on the wire, and
    still refused, because the package of that API version is published."""
    specs = copy_specs(tmp_path)
    data = load_spec(specs / f"{version}.yaml").data
    list_files = data["paths"]["/files"]["get"]
    list_files.setdefault("parameters", []).append(
        {"name": "owner", "in": "query", "schema": {"type": "string"}}
    )
    (specs / f"{version}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    report = check_releases(specs)
    assert not report.ok
    frozen = [p for p in report.problems if "is frozen" in p]
    assert len(frozen) == 1, report.problems
    assert f"spec/{version}.yaml changed after API {version} was released" in frozen[0]
    assert "put the change in a new API version" in frozen[0]
    assert 'README "Adding an API version"' in frozen[0]


def test_a_changed_package_needs_a_patch_bump(tmp_path: Path) -> None:
    version = RELEASED[-1]
    specs = copy_specs(tmp_path, generated=True)
    generated = tmp_path / "generated"
    as_released(specs, generated)
    assert check_releases(specs, generated).ok
    readme = generated / version / "README.md"
    readme.write_text(readme.read_text() + "\nA template fix.\n")
    report = check_releases(specs, generated)
    assert any(
        f"generated/{version}/ (a generator, template or runtime change) changed" in p
        and "bump patch" in p
        for p in report.problems
    ), report.problems


def test_a_changed_surface_of_an_old_record_needs_a_bump_and_a_bumped_version_is_pending(
    tmp_path: Path,
) -> None:
    """A record of the old format (only the surface's fingerprint, no surface file): the gate
    cannot tell a break, asks for a bump and says so (test_surface_record.py: the new one)."""
    version = RELEASED[-1]
    specs = copy_specs(tmp_path)
    as_released(specs)
    shutil.rmtree(specs / SURFACES_DIR)
    recorded, _ = read_lock(specs)
    entry = recorded[version]
    write_lock(specs, {**recorded, version: replace(entry, surface="sha256:0")}.values())
    report = check_releases(specs)
    assert any("Python client surface" in p and "bump patch" in p for p in report.problems)
    assert any("recorded without its surface" in n for n in report.notes), report.notes

    table = (specs / "versions.toml").read_text()
    v = next(x for x in versions() if x.name == version)
    bumped = table.replace(
        versions_entry(v.name, v.major, v.patch).strip(),
        versions_entry(v.name, v.major, v.patch + 1).strip(),
    )
    assert bumped != table
    (specs / "versions.toml").write_text(bumped)
    report = check_releases(specs)
    assert report.ok, report.text()
    assert any("is not released yet" in n and f"release {version}" in n for n in report.notes)


def test_a_released_spec_cannot_go_away_nor_its_version_down(tmp_path: Path) -> None:
    specs = copy_specs(tmp_path)
    recorded, _ = read_lock(specs)
    version = RELEASED[0]
    higher = replace(recorded[version], package="999.0.0")
    write_lock(specs, {**recorded, version: higher}.values())
    assert any("below the released 999.0.0" in p for p in check_releases(specs).problems)
    write_lock(specs, recorded.values())
    (specs / f"{RELEASED[-1]}.yaml").unlink()
    report = check_releases(specs)
    assert any("released versions stay" in p for p in report.problems), report.problems


def test_release_records_a_new_version_which_is_then_frozen(tmp_path: Path) -> None:
    """README: add a version, generate, gate, publish, `python -m generator release`."""
    specs = copy_specs(tmp_path, generated=True)
    as_released(specs, tmp_path / "generated")
    latest = versions()[-1]
    name = next_name()
    data = load_spec(latest.spec).data
    data["info"]["version"] = name
    (specs / f"{name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    with (specs / "versions.toml").open("a") as out:
        out.write(versions_entry(name, latest.major))
    gen = run_generator(
        "generate",
        "--spec",
        str(specs / f"{name}.yaml"),
        "--out",
        str(tmp_path / "generated" / name),
    )
    assert gen.returncode == 0, gen.stderr
    assert "warning" not in gen.stderr
    args = ("--spec-dir", str(specs), "--generated-dir", str(tmp_path / "generated"))
    gate = run_generator("release-check", *args)
    assert gate.returncode == 0, gate.stdout + gate.stderr
    pending = [line for line in gate.stdout.splitlines() if "not released yet: " in line]
    assert pending and name in pending[0].split(": ", 2)[-1].split(", ")

    recorded = run_generator("release", *args)
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    assert f"recorded {name} as released" in recorded.stdout
    assert name in read_lock(specs)[0]
    assert surface_file(specs, name, read_lock(specs)[0][name].package).is_file()
    again = run_generator("release", *args)
    assert "nothing to record" in again.stdout

    data["info"]["description"] = "edited after the release"
    (specs / f"{name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    gate = run_generator("release-check", *args)
    assert gate.returncode == 1 and "is frozen" in gate.stdout
    refused = run_generator("release", *args)
    assert refused.returncode == 1 and "nothing recorded" in refused.stderr
