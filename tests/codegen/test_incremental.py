"""Incremental generation (generator/output/fingerprint.py): `generate` skips a package only when
its inputs and its output are exactly as the last run left them, and regenerates after a change to
any input -- the spec, an earlier version, versions.toml, the overlay, the generator, the templates,
the installed tools -- or to the output itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.output import fingerprint
from tests.generator_cli import run_generator

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "spec.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("GENERATOR_CACHE_DIR", str(directory))
    return directory


def generate(spec: Path, out: Path, *extra: str) -> str:
    result = run_generator("generate", "--spec", str(spec), "--out", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return result.stdout


def skipped(stdout: str) -> bool:
    return "up to date (inputs unchanged)" in stdout


def test_second_run_skips_and_any_change_regenerates(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec_dir = tmp_path / "api"
    spec_dir.mkdir()
    spec = spec_dir / "spec.yaml"
    shutil.copy(MINI, spec)
    out = tmp_path / "out"

    assert not skipped(generate(spec, out))
    written = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert skipped(generate(spec, out))

    # An edit to the output is undone (a deleted file comes back the same way).
    victim = next(p for p in written if p.suffix == ".py")
    victim.write_text("# edited by hand\n")
    assert not skipped(generate(spec, out))
    assert victim.read_bytes() == written[victim]

    # A change to the spec regenerates; --force and a disabled cache always do.
    spec.write_text(spec.read_text() + "\n# a comment\n")
    assert not skipped(generate(spec, out))
    assert not skipped(generate(spec, out, "--force"))
    monkeypatch.setenv("GENERATOR_CACHE_DIR", "off")
    assert not skipped(generate(spec, out))


def digest(spec: Path, out: Path, **options: object) -> str:
    return fingerprint.inputs_digest(spec, out, {"skip_unsupported": False, **options})


def test_inputs_cover_versions_overlay_sources_and_tools(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    older, newer = spec_dir / "2025-01-01.yaml", spec_dir / "2025-02-01.yaml"
    older.write_text("openapi: 3.1.0\n")
    newer.write_text("openapi: 3.1.0\n")
    (spec_dir / "versions.toml").write_text("[versions]\n")
    (spec_dir / "shared").mkdir()
    generator_src, templates = tmp_path / "generator", tmp_path / "templates"
    for folder in (generator_src, templates):
        folder.mkdir()
        (folder / "a.txt").write_text("1")
    monkeypatch.setattr(fingerprint, "SOURCES", (generator_src, templates))
    out = tmp_path / "out"

    def both() -> tuple[str, str]:
        return digest(older, out), digest(newer, out)

    first = both()
    assert first == both()  # deterministic

    newer.write_text("openapi: 3.1.0\ninfo: {}\n")  # a later version: the older cannot see it
    second = both()
    assert second[0] == first[0] and second[1] != first[1]

    older.write_text("openapi: 3.1.0\ninfo: {}\n")  # an earlier version: its changelog entry
    third = both()
    assert third[0] != second[0] and third[1] != second[1]

    def other_tools() -> list[str]:
        return ["ruff==99"]

    changes: list[tuple[Path, str] | None] = [
        (spec_dir / "versions.toml", "[versions]\n# bump\n"),
        (spec_dir / "shared" / "common.yaml", "components: {}\n"),  # a relative $ref's file
        (generator_src / "a.txt", "2"),
        (templates / "a.txt", "2"),
        None,  # the installed tools
    ]
    seen = {third}
    for change in changes:
        if change is None:
            monkeypatch.setattr(fingerprint, "_tools", other_tools)
        else:
            change[0].write_text(change[1])
        now = both()
        assert now not in seen and now[0] != third[0]
        seen.add(now)

    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "README.md").write_text("one")
    with_overlay = digest(newer, out, overlay=str(overlay))
    (overlay / "README.md").write_text("two")
    assert digest(newer, out, overlay=str(overlay)) != with_overlay
    assert digest(newer, tmp_path / "elsewhere") != digest(newer, out)
    ref_root = tmp_path / "refs"  # generate --ref-root: files there may be read too
    ref_root.mkdir()
    (ref_root / "common.yaml").write_text("one")
    with_root = digest(newer, out, ref_root=str(ref_root))
    (ref_root / "common.yaml").write_text("two")
    assert digest(newer, out, ref_root=str(ref_root)) != with_root


def test_a_huge_spec_directory_is_never_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fingerprint, "MAX_FILES", 3)
    for n in range(5):
        (tmp_path / f"doc{n}.json").write_text("{}")
    with pytest.raises(fingerprint.TooLarge):
        digest(tmp_path / "doc0.json", tmp_path / "out")
