"""Overlays: hand-written modules and README sections join a generated package, survive
regeneration, are type-checked and linted with it, and may not replace generated files. Only an
overlay the user named (``--overlay DIR``) or the toolchain's own ``spec/overlay/`` is read: an
``overlay/`` that merely sits beside another spec is left alone, with a note. RunRL's own overlay
(spec/overlay) keeps the 0.2.2 modules: ``runrl.config`` is checked here, ``runrl.exceptions``
and ``runrl.futures`` by tests/sdk."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import cli
from generator.cli import generate_package, spec_files
from generator.commands import layout
from generator.errors import SpecError
from tests.generator_cli import run_generator

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini" / "spec.yaml"
BIN = Path(sys.executable).parent

EXTRAS = '''\
"""Hand-written helpers of the minijobs package."""

from __future__ import annotations

from ._client import MiniClient


def job_names(client: MiniClient) -> list[str | None]:
    """The names of the first page of jobs."""
    return [job.name for job in client.jobs.list().items]
'''
SECTION = """\
## Recipes

Install with `pip install '$pin'`; this is `$package` $version for API $api_version ($$5).
"""


def _tree(tmp_path: Path) -> Path:
    """A spec directory with the mini spec and an overlay beside it."""
    specs = tmp_path / "specs"
    (specs / "overlay" / "src").mkdir(parents=True)
    (specs / "overlay" / "readme").mkdir()
    shutil.copy(MINI, specs / "mini.yaml")
    (specs / "overlay" / "src" / "extras.py").write_text(EXTRAS)
    (specs / "overlay" / "src" / "_private.py").write_text('"""Not public."""\n')
    (specs / "overlay" / "readme" / "10-recipes.md").write_text(SECTION)
    return specs


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    specs = _tree(tmp_path_factory.mktemp("overlay"))
    out = specs.parent / "out"
    generate_package(specs / "mini.yaml", out, overlay=specs / "overlay")
    return out


def test_overlay_modules_join_the_package(package: Path) -> None:
    src = package / "src" / "minijobs"
    assert (src / "extras.py").read_text() == EXTRAS
    assert (src / "_private.py").exists()
    init = (src / "__init__.py").read_text()
    assert '"extras": "extras",' in init and '    "extras",\n' in init
    assert "_private" not in init
    probe = (
        "import minijobs, minijobs.extras as e; assert minijobs.extras is e; print(dir(minijobs))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=package / "src", capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "'extras'" in proc.stdout


def test_overlay_sections_join_the_readme(package: Path) -> None:
    readme = (package / "README.md").read_text()
    contents = " ".join(readme.split("Contents:", 1)[1].split("\n\n", 1)[0].split())
    assert contents.endswith("[Recipes](#recipes) · [Methods](#methods)"), contents
    section = readme.index("## Recipes")
    assert section < readme.index("## Methods")
    assert "Install with `pip install 'minijobs~=0.20240101.0'`; this is `minijobs` " in readme
    assert "0.20240101.0 for API 2024-01-01 ($5)." in readme


@pytest.mark.slow
def test_overlay_is_linted_and_type_checked_with_the_package(package: Path) -> None:
    for cmd in (
        [str(BIN / "ruff"), "check", "--no-cache", "."],
        [str(BIN / "ruff"), "format", "--check", "--no-cache", "."],
        [str(BIN / "mypy"), "--strict", "src"],  # the session's cache (tests/conftest.py)
    ):
        proc = subprocess.run(cmd, cwd=package, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_an_overlay_cannot_replace_a_generated_file(tmp_path: Path) -> None:
    specs = _tree(tmp_path)
    (specs / "overlay" / "src" / "_client.py").write_text("x = 1\n")
    with pytest.raises(SpecError) as info:
        generate_package(specs / "mini.yaml", tmp_path / "out", overlay=specs / "overlay")
    assert info.value.file.endswith("_client.py")
    assert "would replace a generated file" in info.value.message
    assert not (tmp_path / "out").exists()


def test_a_readme_section_starts_with_its_heading(tmp_path: Path) -> None:
    specs = _tree(tmp_path)
    (specs / "overlay" / "readme" / "20-bad.md").write_text("Recipes without a heading\n")
    with pytest.raises(SpecError) as info:
        generate_package(specs / "mini.yaml", tmp_path / "out", overlay=specs / "overlay")
    assert info.value.file.endswith("20-bad.md") and info.value.line == 1


def test_an_explicit_overlay_wins(tmp_path: Path) -> None:
    specs = _tree(tmp_path)
    other = tmp_path / "other"
    (other / "src").mkdir(parents=True)
    (other / "src" / "more.py").write_text('"""More."""\n')
    generate_package(specs / "mini.yaml", tmp_path / "out", overlay=other)
    src = tmp_path / "out" / "src" / "minijobs"
    assert (src / "more.py").exists() and not (src / "extras.py").exists()


def test_an_overlay_beside_another_spec_is_used_only_when_named(tmp_path: Path) -> None:
    """``generate --spec FILE`` outside spec/: an ``overlay/`` beside the spec is not copied into
    the package unasked; one line says how to use it, and ``--overlay`` does."""
    specs = _tree(tmp_path)
    spec, out = specs / "mini.yaml", tmp_path / "out"
    plain = run_generator("generate", "--quiet", "--spec", str(spec), "--out", str(out))
    assert plain.returncode == 0, plain.stderr
    assert not (out / "src" / "minijobs" / "extras.py").exists()
    assert "## Recipes" not in (out / "README.md").read_text()
    [note] = plain.stderr.splitlines()
    assert note.startswith("note: ") and f"--overlay {specs / 'overlay'}" in note, note

    named = run_generator(
        "generate",
        "--quiet",
        "--spec",
        str(spec),
        "--out",
        str(out),
        "--overlay",
        str(specs / "overlay"),
    )
    assert named.returncode == 0 and named.stderr == "", named.stderr
    assert (out / "src" / "minijobs" / "extras.py").read_text() == EXTRAS


def test_the_toolchains_spec_directory_keeps_its_overlay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``make generate`` over spec/ (every spec, or one ``--spec spec/X.yaml``): spec/overlay/ is
    part of every package without being named, and nothing is noted."""
    specs = _tree(tmp_path)
    monkeypatch.setattr(layout, "SPEC_DIR", specs)
    monkeypatch.setattr(layout, "OUT_DIR", tmp_path / "generated")
    assert layout.overlay_of(specs / "mini.yaml") == specs / "overlay"
    assert cli.main(["generate", "--quiet"]) == 0
    assert cli.main(["generate", "--quiet", "--force", "--spec", str(specs / "mini.yaml")]) == 0
    assert capsys.readouterr().err == ""
    src = tmp_path / "generated" / "mini" / "src" / "minijobs"
    assert (src / "extras.py").read_text() == EXTRAS


@pytest.mark.parametrize("version", [p.stem for p in spec_files()])
def test_runrl_keeps_its_config_module(version: str) -> None:
    probe = textwrap.dedent(
        """\
        import runrl, runrl.config
        assert runrl.config.ClientConfig is runrl.ClientConfig
        assert runrl.config.DEFAULT_BASE_URL.startswith("https://")
        assert {"config", "exceptions", "futures"} <= set(runrl.__all__)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT / "generated" / version / "src",
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
