"""`python -m generator generate` says at once what the release gate will refuse, and when an
error would go away with ``--skip-unsupported`` (issue 13.4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.read.load import load_spec
from tests.versions import SPEC_DIR, copy_spec_extras, latest, next_name, versions, versions_entry

UNSUPPORTED = {
    "openapi": "3.1.0",
    "info": {"title": "U", "version": "1.0.0"},
    "servers": [{"url": "https://a.example"}],
    "paths": {
        "/a": {
            "get": {
                "operationId": "getA",
                "parameters": [  # a header name HTTP cannot carry: unsupported
                    {"name": "s t", "in": "header", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"204": {"description": "ok"}},
            },
        },
        "/b": {"get": {"operationId": "getB", "responses": {"204": {"description": "ok"}}}},
    },
}


def test_breaking_on_the_same_major_warns_and_a_bump_silences_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "spec"
    specs.mkdir()
    for v in versions():
        shutil.copy(v.spec, specs / v.spec.name)
    copy_spec_extras(specs)
    for name in ("versions.toml", "released.toml"):
        if (SPEC_DIR / name).exists():
            shutil.copy(SPEC_DIR / name, specs / name)
    base, name = latest(), next_name()
    data = load_spec(base.spec).data
    data["info"]["version"] = name
    del data["components"]["schemas"]["File"]["properties"]["file_size_human"]
    (specs / f"{name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    table = (specs / "versions.toml").read_text()
    (specs / "versions.toml").write_text(table + versions_entry(name, base.major))
    args = ["generate", "--quiet", "--spec", str(specs / f"{name}.yaml")]
    assert cli.main([*args, "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {base.name} -> {name}: " in err
    assert f'set major = {base.major + 1} for ["{name}"]' in err
    assert "`make release-check` fails until this is fixed" in err

    (specs / "versions.toml").write_text(table + versions_entry(name, base.major + 1))
    assert cli.main([*args, "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err == ""


def test_an_unsupported_feature_error_mentions_skip_unsupported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(yaml.safe_dump(UNSUPPORTED))
    out = tmp_path / "out"
    assert cli.main(["generate", "--quiet", "--spec", str(spec), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "header name 's t' is not a valid HTTP header name" in err
    assert "--skip-unsupported` generates the rest, leaving out 1 unsupported" in err
    assert not out.exists()
    assert (
        cli.main(
            ["generate", "--quiet", "--skip-unsupported", "--spec", str(spec), "--out", str(out)]
        )
        == 0
    )
    assert "skipped" in capsys.readouterr().err


def test_an_error_skip_unsupported_cannot_help_has_no_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "api.yaml"
    broken = {**UNSUPPORTED, "paths": {"/b": {"get": {"operationId": "getB", "responses": 7}}}}
    spec.write_text(yaml.safe_dump(broken))
    assert cli.main(["generate", "--quiet", "--spec", str(spec), "--out", str(tmp_path / "o")]) == 1
    assert "--skip-unsupported" not in capsys.readouterr().err
