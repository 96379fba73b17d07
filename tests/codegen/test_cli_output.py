"""What the generator's command line tells a person: stage timings and a summary per version,
nothing with ``--quiet``, and a readable unified diff from ``check`` when generated/ drifted."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import cli
from generator.commands import layout

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINI = FIXTURES / "mini" / "spec.yaml"

STAGE_LINE = re.compile(
    r"^  spec\.yaml: " + r"  ".join(rf"{stage} \d+\.\d\ds" for stage in cli.STAGES) + r"$",
    re.MULTILINE,
)
SUMMARY_LINE = re.compile(
    r"^(?P<version>\S+): (?P<ops>\d+) operations, (?P<models>\d+) models, "
    r"(?P<files>\d+) files, (?P<seconds>\d+\.\d\d)s -> (?P<out>\S+) "
    r"\(package (?P<dist>\S+) (?P<pkg>\S+), import (?P<import>\S+)\)$",
    re.MULTILINE,
)


def test_generate_reports_every_stage_then_one_summary_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mini"
    assert cli.main(["generate", "--spec", str(MINI), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    lines = printed.splitlines()
    assert len(lines) == 3, printed
    # first the stages in pipeline order, each with its time
    assert STAGE_LINE.fullmatch(lines[0]), lines[0]
    # then the summary: operations, models, files, seconds, where it went
    match = SUMMARY_LINE.fullmatch(lines[1])
    assert match, lines[1]
    assert int(match["ops"]) > 0 and int(match["models"]) > 0
    assert int(match["files"]) == sum(1 for p in out.rglob("*") if p.is_file())
    stage_total = sum(float(s) for s in re.findall(r"(\d+\.\d\d)s", lines[0]))
    assert abs(float(match["seconds"]) - stage_total) < 0.05
    assert match["out"].endswith("mini")
    # the names a user needs: distribution and import name, then how to use it
    assert (match["dist"], match["import"]) == ("minijobs", "minijobs")
    assert lines[2] == f"  next: pip install {out}; from minijobs import MiniClient"


def test_generate_every_spec_prints_one_summary_per_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "spec"
    specs.mkdir()
    for version in ("2030-01-01", "2030-02-01"):
        text = MINI.read_text(encoding="utf-8")
        (specs / f"{version}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(layout, "SPEC_DIR", specs)
    monkeypatch.setattr(layout, "OUT_DIR", tmp_path / "generated")
    assert cli.main(["generate"]) == 0
    printed = capsys.readouterr().out
    stage_lines = [line for line in printed.splitlines() if line.startswith("  ")]
    assert [line.split(":")[0].strip() for line in stage_lines] == [
        "2030-01-01.yaml",
        "2030-02-01.yaml",
    ]
    summaries = list(SUMMARY_LINE.finditer(printed))
    assert len(summaries) == 2, printed
    assert [m["out"].rsplit("/", 1)[-1] for m in summaries] == ["2030-01-01", "2030-02-01"]


def test_quiet_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["generate", "--quiet", "--spec", str(MINI), "--out", str(tmp_path / "m")]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def _layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A spec dir with the mini spec as one version, and generated/ made from it."""
    specs = tmp_path / "spec"
    specs.mkdir()
    shutil.copy(MINI, specs / "2030-01-01.yaml")
    generated = tmp_path / "generated"
    monkeypatch.setattr(layout, "SPEC_DIR", specs)
    monkeypatch.setattr(layout, "OUT_DIR", generated)
    assert cli.main(["generate", "--quiet"]) == 0
    return generated / "2030-01-01"


def test_check_up_to_date_says_so_and_quiet_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _layout(tmp_path, monkeypatch)
    assert cli.main(["check"]) == 0
    assert capsys.readouterr().out == "generated/2030-01-01: up to date\n"
    assert cli.main(["check", "--quiet"]) == 0
    assert capsys.readouterr().out == ""


def test_check_prints_a_readable_unified_diff_of_the_drift(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _layout(tmp_path, monkeypatch)
    readme = out / "README.md"
    original = readme.read_text(encoding="utf-8").splitlines()
    edited = ["A HAND EDIT"] + original[1:]
    readme.write_text("\n".join(edited) + "\n", encoding="utf-8")
    stray = out / "stray.txt"
    stray.write_text("left over\n", encoding="utf-8")

    assert cli.main(["check"]) == 1
    captured = capsys.readouterr()
    diff = captured.out
    # a real unified diff, with a/ and b/ paths relative to the repo and hunks
    assert "--- a/generated/2030-01-01/README.md\n" in diff
    assert "+++ b/generated/2030-01-01/README.md\n" in diff
    assert re.search(r"^@@ -\d+(,\d+)? \+\d+(,\d+)? @@", diff, re.MULTILINE)
    assert "-A HAND EDIT\n" in diff
    assert f"+{original[0]}\n" in diff
    # a file generation would not produce shows up as removed
    assert "--- a/generated/2030-01-01/stray.txt\n+++ /dev/null\n" in diff
    assert "-left over\n" in diff
    # and the reader is told what to do
    assert "make generate" in captured.err


def test_package_and_out_for_your_own_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "api.yaml"
    shutil.copy(MINI, spec)
    # --out is required outside spec/: nothing is written into the toolchain's generated/
    assert cli.main(["generate", "--spec", str(spec)]) == 2
    assert "--out DIR is required" in capsys.readouterr().err
    # a directory the generator did not write is never replaced
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    assert cli.main(["generate", "--spec", str(spec), "--out", str(mine)]) == 2
    assert "is not a package this generator wrote" in capsys.readouterr().err
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep"
    # --package names the import and the distribution; regenerating in place is fine
    out = tmp_path / "client"
    for _ in range(2):
        args = ["generate", "--spec", str(spec), "--out", str(out), "--package", "jobs_sdk"]
        assert cli.main(args) == 0
    match = SUMMARY_LINE.search(capsys.readouterr().out)
    assert match and (match["dist"], match["import"]) == ("jobs_sdk", "jobs_sdk")
    assert (out / "src" / "jobs_sdk" / "__init__.py").is_file()
    assert 'name = "jobs_sdk"' in (out / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["json", "httpx", "Jobs", "my-sdk", "class"])
def test_bad_package_name_fails_before_any_work(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["generate", "--spec", str(MINI), "--out", str(out), "--package", name])
    assert exit_info.value.code == 2 and "argument --package" in capsys.readouterr().err
    assert not out.exists()
