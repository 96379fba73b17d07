"""A released version's client is diffed against its recorded surface (release/surfaces.py).

`python -m generator release` keeps each published package's Python surface in
spec/released/<api-version>/<package>.surface.json. When a generator, template or runtime change
regenerates a released version's client differently, the gate diffs the recorded surface against
today's with the surface-change rules: a break needs a major bump (README, "Versions and
releases"), an addition a patch bump; the CHANGELOG.md of that client-only release lists them.

Each test starts from a temp copy of spec/ recorded as released as it is now (`as_released`),
then edits the *recorded* surface to what an older client had: the client changed since.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator.release import surfaces
from generator.release.changelog import changelog_text, load
from generator.release.diff import fingerprint, surface_of
from generator.release.diff.surface_changes import diff_surfaces
from generator.release.gate import check_releases
from generator.release.lock import read_lock, write_lock
from generator.release.surfaces import SURFACES_DIR, SurfaceFileError, read_surface, surface_file
from tests.release.test_frozen import RELEASED, as_released, bump, copy_specs
from tests.versions import versions

pytestmark = pytest.mark.skipif(not RELEASED, reason="no released API version in spec/")
VERSION = RELEASED[-1] if RELEASED else ""


def edit_recorded(specs: Path, version: str, edit: Callable[[dict[str, Any]], None]) -> None:
    """Rewrite the recorded surface of ``version`` (and its fingerprint in released.toml), as
    if the published client had been different from today's."""
    recorded, _ = read_lock(specs)
    path = surface_file(specs, version, recorded[version].package)
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    entry = replace(recorded[version], surface=fingerprint(data))
    write_lock(specs, {**recorded, version: entry}.values())


def older_names(data: dict[str, Any]) -> None:
    """The published client had the first method under another name, and (the real case) its
    stream methods yielded ``ServerSentEvent``."""
    methods = data["methods"]
    first = next(name for name in sorted(methods) if methods[name]["operation"])
    methods[f"{first}_v1"] = methods.pop(first)
    for method in methods.values():
        if method["returns"]["kind"] == "stream":
            method["returns"]["annotation"] = "EventStream[ServerSentEvent]"


def fewer_models(data: dict[str, Any]) -> None:
    """The published client lacked the first model class (today's adds it)."""
    del data["models"][sorted(data["models"])[0]]


def released_specs(tmp_path: Path) -> Path:
    """The specs, every version recorded as released as it is now, and no older surface
    (the repository's own may have some: then its changelogs list client-only changes)."""
    specs = copy_specs(tmp_path)
    shutil.rmtree(specs / SURFACES_DIR, ignore_errors=True)
    as_released(specs)
    assert check_releases(specs).ok, check_releases(specs).text()
    return specs


def test_release_records_the_surface_sorted_and_with_its_fingerprint(tmp_path: Path) -> None:
    specs = released_specs(tmp_path)
    recorded, _ = read_lock(specs)
    for version, entry in recorded.items():
        path = surface_file(specs, version, entry.package)
        text = path.read_text(encoding="utf-8")
        assert text == surfaces.surface_text(json.loads(text))  # canonical: sorted, stable
        assert fingerprint(read_surface(path, entry.surface)) == entry.surface


def test_a_breaking_client_change_under_a_patch_bump_fails_and_says_major(tmp_path: Path) -> None:
    specs = released_specs(tmp_path)
    edit_recorded(specs, VERSION, older_names)
    for step in ("unchanged version", "patch bump"):
        if step == "patch bump":
            bump(specs, VERSION)
        report = check_releases(specs)
        found = [p for p in report.problems if p.startswith(f"{VERSION}: ")]
        assert len(found) == 1, (step, report.problems)
        assert "breaks user code" in found[0] and "bump major" in found[0], found
        assert "_v1" in found[0]  # names the first change: the renamed method
        assert "bump patch" not in found[0]


def test_a_breaking_client_change_under_a_major_bump_passes(tmp_path: Path) -> None:
    specs = released_specs(tmp_path)
    edit_recorded(specs, VERSION, older_names)
    later = [v.name for v in versions() if v.name >= VERSION]  # majors never go down
    for name in later:
        bump(specs, name, major=1)
    report = check_releases(specs)
    assert report.ok, report.text()
    assert any(f"{VERSION}: the Python client surface since" in n for n in report.notes)


def test_an_additive_client_change_needs_a_patch_bump_and_is_then_ok(tmp_path: Path) -> None:
    specs = released_specs(tmp_path)
    edit_recorded(specs, VERSION, fewer_models)
    report = check_releases(specs)
    found = [p for p in report.problems if p.startswith(f"{VERSION}: ")]
    assert len(found) == 1 and "compatible" in found[0] and "bump patch" in found[0], found
    assert "new model class" in found[0]
    bump(specs, VERSION)
    report = check_releases(specs)
    assert report.ok, report.text()


def test_the_changelog_of_a_client_only_release_lists_the_surface_changes(
    tmp_path: Path,
) -> None:
    specs = released_specs(tmp_path)
    package = read_lock(specs)[0][VERSION].package
    before = changelog_text(specs / f"{VERSION}.yaml")
    assert "Client-only release" not in before
    edit_recorded(specs, VERSION, older_names)
    edit_recorded(specs, VERSION, fewer_models)
    bump(specs, VERSION)
    text = changelog_text(specs / f"{VERSION}.yaml")
    assert f"Client-only release after {package}" in text
    assert "### Client: breaking" in text and "_v1" in text
    assert "### Client: added" in text and "new model class" in text
    assert text == changelog_text(specs / f"{VERSION}.yaml")  # deterministic
    # Recording the new package (after publishing) leaves its changelog as it was built.
    as_released(specs)
    assert changelog_text(specs / f"{VERSION}.yaml") == text


def test_a_recorded_surface_is_read_as_untrusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = released_specs(tmp_path)
    entry = read_lock(specs)[0][VERSION]
    path = surface_file(specs, VERSION, entry.package)
    good = path.read_text(encoding="utf-8")
    edit = json.loads(good)
    fewer_models(edit)
    cases = {
        json.dumps(edit): "does not match the surface fingerprint",  # edited by hand
        "{": "not JSON",
        "[" * 100_000: "not JSON",
        json.dumps({**edit, "methods": {"m": {"operation": 1}}}): "/methods/m/",
    }
    for text, message in cases.items():
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SurfaceFileError, match=message):
            read_surface(path, entry.surface)
        report = check_releases(specs)  # checked whether or not the client changed
        assert any(message in p and "restore it from git" in p for p in report.problems), message
    path.write_text(good, encoding="utf-8")
    monkeypatch.setattr(surfaces, "MAX_BYTES", 10)
    with pytest.raises(SurfaceFileError, match="larger than 10 bytes"):
        read_surface(path)
    with pytest.raises(SurfaceFileError, match="cannot name"):
        surface_file(specs, "../x", entry.package)


def test_on_one_document_a_method_or_argument_that_comes_or_goes_is_the_clients_doing() -> None:
    """``same_wire``: the wire layer has nothing to say (a released spec is frozen), so the
    surface diff reports what the client dropped or added."""
    spec = next(v.spec for v in versions() if v.name == VERSION)
    today = surface_of(load(spec))
    older = json.loads(json.dumps(today))
    name = next(n for n in sorted(older["methods"]) if older["methods"][n]["params"])
    method = older["methods"][name]
    method["params"].append({**method["params"][0], "name": "gone", "wire": "query gone"})
    dropped = method["params"].pop(0)  # today's client added it
    older["methods"]["extra.method"] = {**method, "operation": "GET /extra", "label": "GET /x"}
    changes = {
        (c.kind, c.operation, c.part): c for c in diff_surfaces(older, today, [], same_wire=True)
    }
    assert changes[("surface-method-removed", "extra.method", "")].breaking
    assert changes[("surface-argument-removed", name, "argument gone")].breaking
    added = changes[("surface-argument-added", name, f"argument {dropped['name']}")]
    assert added.breaking == (dropped["required"] and dropped["default"] is None)
    # the default mode (two documents) leaves them to the wire layer
    assert not {c.kind for c in diff_surfaces(older, today, [])} & {
        "surface-method-removed",
        "surface-argument-removed",
        "surface-argument-added",
    }
