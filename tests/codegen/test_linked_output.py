"""Regenerating into an output the last run wrote (output/staged.py): a file made from the same
text as the previous output's is a hard link to it, not written or formatted again, and the
result is byte for byte what a fresh generation gives; nothing is linked when that output was
edited, when the formatter or its configuration changed, or without a record."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.output import fingerprint
from tests.generator_cli import run_generator

REPO = Path(__file__).resolve().parents[2]
MINI = REPO / "tests" / "fixtures" / "mini" / "spec.yaml"


def generate(spec: Path, out: Path) -> None:
    result = run_generator("generate", "--spec", str(spec), "--out", str(out), "--force")
    assert result.returncode == 0, result.stderr


def inodes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    spec_dir = tmp_path / "api"
    spec_dir.mkdir()
    target = spec_dir / "spec.yaml"
    shutil.copy(MINI, target)
    return target


def test_an_unchanged_file_is_linked_and_the_output_is_a_fresh_ones(
    tmp_path: Path, cache: Path, spec: Path
) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    before = inodes(out)
    generate(spec, out)
    assert inodes(out) == before  # every file: the previous output's, linked
    assert all(os.stat(out / rel).st_nlink == 1 for rel in before)  # the old tree is gone

    # a changed spec: the files it changes are written anew, the others linked
    spec.write_text(spec.read_text().replace("title:", "description: Changed.\n  title:", 1))
    generate(spec, out)
    after = inodes(out)
    assert any(after[rel] != before[rel] for rel in before if rel in after)
    assert any(after[rel] == before[rel] for rel in before if rel in after)
    fresh = tmp_path / "fresh"
    generate(spec, fresh)
    assert tree(out) == tree(fresh)


def test_nothing_is_linked_to_an_edited_output_or_another_formatter(
    tmp_path: Path, cache: Path, spec: Path
) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    written = tree(out)
    victim = next(out.rglob("*.py"))
    victim.write_text("# edited by hand\n")
    before = inodes(out)
    generate(spec, out)
    assert all(inodes(out)[rel] != ino for rel, ino in before.items())
    assert tree(out) == written

    # the record says another ruff formatted the output
    (record,) = (cache / "generate").iterdir()
    saved = json.loads(record.read_text())
    saved["formatter"] = "ruff 0.0.1"
    record.write_text(json.dumps(saved))
    before = inodes(out)
    generate(spec, out)
    assert all(inodes(out)[rel] != ino for rel, ino in before.items())

    # the same ruff, run by another version of the output stage (what it gives ruff changed)
    saved = json.loads(record.read_text())
    ruff, _, own = saved["formatter"].partition("; format.py ")
    assert ruff.startswith("ruff ") and len(own) == 16
    saved["formatter"] = f"{ruff}; format.py {'0' * 16}"
    record.write_text(json.dumps(saved))
    before = inodes(out)
    generate(spec, out)
    assert all(inodes(out)[rel] != ino for rel, ino in before.items())


def test_without_a_record_nothing_is_linked(
    tmp_path: Path, spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENERATOR_CACHE_DIR", "off")
    out = tmp_path / "out"
    generate(spec, out)
    before = inodes(out)
    generate(spec, out)
    assert all(inodes(out)[rel] != ino for rel, ino in before.items())
    assert fingerprint.final_output(out) is None


def test_a_markdown_file_written_anew_is_formatted_as_in_a_fresh_output(
    tmp_path: Path, cache: Path, spec: Path
) -> None:
    """Ruff formats the Python code blocks of README.md too: a README made anew beside linked
    modules is named to it like a changed module (it was left raw)."""
    out = tmp_path / "out"
    generate(spec, out)
    before = inodes(out)
    # a spec change seen in README.md's examples: the server's URL
    text = spec.read_text()
    assert "https://jobs.example.com/v1" in text
    spec.write_text(text.replace("https://jobs.example.com/v1", "https://jobs.example.org/v1"))
    generate(spec, out)
    assert inodes(out)["README.md"] != before["README.md"]
    fresh = tmp_path / "fresh"
    generate(spec, fresh)
    assert tree(out) == tree(fresh)
