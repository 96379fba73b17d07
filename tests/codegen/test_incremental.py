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

REPO = Path(__file__).resolve().parents[2]
MINI = REPO / "tests" / "fixtures" / "mini" / "spec.yaml"


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

    # A change to the spec regenerates, so does a new file beside it (an overlay/, say);
    # --force and a disabled cache always do.
    spec.write_text(spec.read_text() + "\n# a comment\n")
    assert not skipped(generate(spec, out))
    (spec_dir / "notes.txt").write_text("new")
    assert not skipped(generate(spec, out))
    assert not skipped(generate(spec, out, "--force"))
    monkeypatch.setenv("GENERATOR_CACHE_DIR", "off")
    assert not skipped(generate(spec, out))


def test_one_changed_version_regenerates_only_what_reads_it(tmp_path: Path, cache: Path) -> None:
    """In a versioned spec directory the changelog reads the earlier versions: a change to the
    newest version regenerates it alone, a change to the oldest regenerates both."""
    spec_dir = tmp_path / "spec"
    shutil.copytree(REPO / "spec", spec_dir, ignore=shutil.ignore_patterns("functions"))
    versions = sorted(spec_dir.glob("*.yaml"))[-2:]
    outs = [tmp_path / "out" / v.stem for v in versions]

    def run_all() -> list[bool]:
        return [skipped(generate(v, o)) for v, o in zip(versions, outs, strict=True)]

    assert run_all() == [False, False]
    with versions[-1].open("a") as fh:
        fh.write("\n# the newest version changed\n")
    assert run_all() == [True, False]
    with versions[0].open("a") as fh:
        fh.write("\n# an older version changed\n")
    assert run_all() == [False, False]


def digest(spec: Path, out: Path, files: list[str], dirs: list[str]) -> str:
    return fingerprint.inputs_digest(spec, out, {"skip_unsupported": False}, files, dirs)


def test_inputs_are_what_the_generation_read_and_the_generator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec_dir = tmp_path / "spec"
    (spec_dir / "shared").mkdir(parents=True)
    spec, read, unread = spec_dir / "api.yaml", spec_dir / "shared" / "a.yaml", spec_dir / "b.txt"
    for path in (spec, read, unread):
        path.write_text("one")
    generator_src, templates = tmp_path / "generator", tmp_path / "templates"
    for folder in (generator_src, templates):
        folder.mkdir()
        (folder / "a.txt").write_text("1")
    monkeypatch.setattr(fingerprint, "SOURCES", (generator_src, templates))
    out = tmp_path / "out"

    def now() -> str:
        return digest(spec, out, [str(read)], [str(read.parent)])

    seen = {now()}
    assert now() in seen  # deterministic
    unread.write_text("two")  # a file the generation did not read is not an input ...
    assert now() in seen

    def other_tools() -> list[str]:
        return ["ruff==99"]

    changes: list[tuple[Path, str] | None] = [
        (unread.with_name("c.txt"), "new"),  # ... but the spec's directory listing is
        (spec, "two"),
        (read, "two"),  # a file it read ($ref, earlier version, overlay, versions.toml)
        (read.parent / "new.yaml", "x"),  # a directory it listed gained a file
        (generator_src / "a.txt", "2"),
        (templates / "a.txt", "2"),
        None,  # the installed tools
    ]
    for change in changes:
        if change is None:
            monkeypatch.setattr(fingerprint, "_tools", other_tools)
        else:
            change[0].write_text(change[1])
        assert now() not in seen, change
        seen.add(now())
    assert digest(spec, tmp_path / "elsewhere", [str(read)], []) != digest(
        spec, out, [str(read)], []
    )
    read.unlink()  # a file it read is gone
    assert now() not in seen


def test_the_recorder_sees_reads_not_writes_nor_the_generator(tmp_path: Path) -> None:
    recorder = fingerprint.Recorder.get()
    source, listed, out = tmp_path / "in.yaml", tmp_path / "dir", tmp_path / "out"
    source.write_text("x")
    listed.mkdir()
    recorder.start()
    source.read_text()
    sorted(listed.iterdir())
    (tmp_path / "written.txt").write_text("y")
    (fingerprint.ROOT / "generator" / "__init__.py").read_text()
    files, dirs = recorder.stop(out)
    assert files == [str(source)]
    assert dirs == [str(listed)]
    other = tmp_path / "other.txt"
    other.write_text("z")
    other.read_text()  # stopped: not recorded
    assert str(other) not in recorder.stop(out)[0]


def test_a_huge_input_is_never_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fingerprint, "MAX_FILES", 3)
    files = []
    for n in range(5):
        (tmp_path / f"doc{n}.json").write_text("{}")
        files.append(str(tmp_path / f"doc{n}.json"))
    with pytest.raises(fingerprint.TooLarge):
        digest(tmp_path / "doc0.json", tmp_path / "out", files, [])
