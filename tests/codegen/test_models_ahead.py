"""The models' files written while the worker splits the models module (generator/parallel.py
``send_part``, output/staged.py ``ahead``): the same bytes as in one process, in one part or
many; a worker that dies after some parts leaves nothing behind."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import Any

import pytest

from generator import parallel
from generator.models import split
from generator.output import staged
from generator.output.format import format_tree
from generator.output.write import read_tree
from generator.pipeline import generate
from generator.render.package import model_files
from generator.worker import send_part

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini" / "spec.yaml"

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="no fork here: the models are made in one process"
)


@pytest.fixture
def formatted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The directories ``format_tree`` ran over, for a run that forks (as test_parallel.py:
    other tests' server threads hold nothing the worker needs)."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    roots: list[Path] = []
    original = format_tree

    def counted(root: Path, *args: Any, **kwargs: Any) -> None:
        roots.append(root)
        original(root, *args, **kwargs)

    monkeypatch.setattr(staged, "format_tree", counted)  # what staged.py calls
    return roots


def _both(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[dict[str, bytes], ...]:
    monkeypatch.setenv("GENERATOR_PARALLEL", "0")
    serial = read_tree(generate(MINI, tmp_path / "serial").out)
    monkeypatch.setenv("GENERATOR_PARALLEL", "1")
    return serial, read_tree(generate(MINI, tmp_path / "parallel").out)


def test_parts_come_ahead_of_the_value() -> None:
    def job() -> str:
        assert send_part({"a": "1"}) and send_part(["b"] * 100_000)
        return "done"

    got: list[Any] = []
    with parallel.Worker(job) as worker:
        assert worker.result(got.append) == "done"
    parallel.reap()
    assert got == [{"a": "1"}, ["b"] * 100_000]
    assert not send_part("not in a worker")


@pytest.mark.parametrize("every", [2, split.EMIT_EVERY])
def test_the_models_written_ahead_are_the_same_bytes(
    every: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    formatted: list[Path],
) -> None:
    """In many parts (two files each) or one; ``format_tree`` runs over the early files, then
    over the models' directory alone."""
    monkeypatch.setattr(split, "EMIT_EVERY", every)
    serial, made = _both(monkeypatch, tmp_path)
    assert made == serial
    assert any("/models/" in path for path in made)
    # the serial run's tree, the parallel run's early files, then its models' directory
    assert len(formatted) == 3 and formatted[2].name == "models"


def test_a_worker_dying_after_some_parts_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formatted: list[Path]
) -> None:
    monkeypatch.setenv("GENERATOR_PARALLEL", "1")
    original = model_files

    def dies(source: str, package: str, emit: Any = None) -> Any:
        files = original(source, package)
        emit(dict(list(files.items())[:2]))
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(parallel, "model_files", dies)
    out = tmp_path / "out"
    with pytest.raises(parallel.WorkerDied):
        generate(MINI, out)
    assert not out.exists() and list(tmp_path.iterdir()) == []
