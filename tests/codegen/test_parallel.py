"""The models stage in a forked worker (generator/parallel.py) changes nothing but the time:
the same bytes as in one process, the same located and typed errors, with and without
``--skip-unsupported``; a worker that dies is a one-line error, not a hang.

``GENERATOR_PARALLEL=1`` forks whatever the document's size, ``=0`` never.
"""

from __future__ import annotations

import os
import re
import signal
import textwrap
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest

import generator.models as models
from generator import cli, parallel, pipeline, worker
from generator.blockers import Blocked
from generator.cli import spec_files
from generator.errors import Blockers, SpecError
from generator.models import halves
from generator.models.early import pick, prepare_early, schema_inputs
from generator.models.lift import Lifted
from generator.models.prepare import component, rewrite_refs
from generator.output.format import GeneratedCodeError
from generator.output.write import read_tree
from generator.pipeline import generate
from generator.render.package import render_templates
from tests.codegen.test_halves import SPEC as HALVES

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="no fork here: the models are made in one process"
)


def _alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other tests' servers run in threads of this pytest process (session fixtures), so
    ``can_fork`` would refuse; they hold no lock the worker needs (it only makes models and
    never touches their sockets), so these tests fork as a one-threaded CLI run does.
    ``test_other_threads_keep_the_models_here`` checks the real rule."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)


# Models that stay one module (RootModels naming each other: models/split.py), so the
# output is written and formatted whole after the worker (output/staged.py), and a schema the
# models stage cannot make (an allOf of an enum and an object) for the error paths.
ONE_MODULE = """\
openapi: 3.1.0
info: {title: Pets Union, version: '1'}
paths:
  /trees/{id}:
    get:
      operationId: getTree
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Tree'}
components:
  schemas:
    Tree:
      anyOf:
        - {type: array, items: {$ref: '#/components/schemas/Leaf'}}
        - {type: string}
    Leaf:
      anyOf:
        - {type: array, items: {$ref: '#/components/schemas/Tree'}}
        - {type: integer}
"""
SHADE = """\
    Tone: {type: string, enum: [warm, cool]}
    Shade:
      allOf:
        - $ref: '#/components/schemas/Tone'
        - type: object
          properties:
            hex: {type: string}
"""
BLOCKED = (
    ONE_MODULE.replace(
        "  /trees/{id}:",
        "  /shade:\n    get:\n      operationId: getShade\n      responses:\n"
        "        '200':\n          description: ok\n          content:\n"
        "            application/json:\n"
        "              schema: {$ref: '#/components/schemas/Shade'}\n  /trees/{id}:",
    )
    + SHADE
)


class Counted(parallel.Worker[Any]):
    made = 0

    def __init__(self, job: Any) -> None:
        Counted.made += 1
        super().__init__(job)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> type[Counted]:
    """Fork for every document; counts the workers made."""
    monkeypatch.setenv("GENERATOR_PARALLEL", "1")
    _alone(monkeypatch)
    monkeypatch.setattr(parallel, "Worker", Counted)
    Counted.made = 0
    return Counted


class _Kept(Counted):
    started: list[parallel.Worker[Any]] = []  # noqa: RUF012 - reset by each test

    def __init__(self, job: Any) -> None:
        super().__init__(job)
        _Kept.started.append(self)


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> list[parallel.Worker[Any]]:
    """Every worker made, kept to see it reaped (after ``forks`` in a test's arguments)."""
    monkeypatch.setattr(parallel, "Worker", _Kept)
    _Kept.started = []
    return _Kept.started


def _spec(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _both(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, run: Any) -> tuple[Any, Any]:
    """``run(out)`` in one process, then with a worker."""
    monkeypatch.setenv("GENERATOR_PARALLEL", "0")
    serial = run(tmp_path / "serial")
    monkeypatch.setenv("GENERATOR_PARALLEL", "1")
    return serial, run(tmp_path / "parallel")


@pytest.mark.parametrize(
    "spec", [FIXTURES / "mini" / "spec.yaml", spec_files()[-1]], ids=lambda p: p.stem
)
def test_same_bytes_as_in_one_process(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    serial, made = _both(monkeypatch, tmp_path, lambda out: read_tree(generate(spec, out).out))
    assert forks.made == 1
    assert any("/models/" in path for path in made)  # split: written after the rest
    assert made == serial


def test_same_bytes_when_the_models_stay_one_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    spec = _spec(tmp_path, ONE_MODULE)
    serial, made = _both(monkeypatch, tmp_path, lambda out: read_tree(generate(spec, out).out))
    assert forks.made == 1
    assert "src/pets_union/models.py" in made
    assert made == serial


def test_same_bytes_with_an_overlay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    spec = _spec(tmp_path, ONE_MODULE)
    overlay = tmp_path / "overlay" / "src"
    overlay.mkdir(parents=True)
    (overlay / "extra.py").write_text('"""Hand-written."""\n\nVALUE = 1\n', encoding="utf-8")

    def run(out: Path) -> dict[str, bytes]:
        return read_tree(generate(spec, out, overlay=tmp_path / "overlay").out)

    serial, made = _both(monkeypatch, tmp_path, run)
    assert forks.made == 1
    assert "src/pets_union/extra.py" in made
    assert made == serial


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(args)
    return code, capsys.readouterr().err


def test_a_schema_the_worker_cannot_model_is_reported_as_before(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    forks: type[Counted],
) -> None:
    spec = _spec(tmp_path, BLOCKED)

    def default(out: Path) -> tuple[int, str, bool]:
        code, err = _cli(["generate", "--quiet", "--spec", str(spec), "--out", str(out)], capsys)
        return code, err.replace(str(out), "OUT"), out.exists()

    serial, made = _both(monkeypatch, tmp_path, default)
    assert forks.made == 1
    assert made == serial
    code, err, written = made
    assert code == 1 and not written
    assert re.search(r"spec\.yaml:\d+: /components/schemas/Shade: .*extending an enum", err)
    assert "leaving out 1 unsupported operation and 1 unsupported schema model" in err
    # the typed error, its problems located
    with pytest.raises(Blocked) as info:
        generate(spec, tmp_path / "typed")
    assert [p.pointer for p in info.value.problems] == ["/components/schemas/Shade"]
    assert info.value.problems[0].file == str(spec) and info.value.problems[0].line


def test_with_skip_unsupported_the_schema_is_left_out_as_before(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    forks: type[Counted],
) -> None:
    spec = _spec(tmp_path, BLOCKED)

    def skipping(out: Path) -> tuple[int, str, dict[str, bytes]]:
        args = ["generate", "--skip-unsupported", "--spec", str(spec), "--out", str(out)]
        code, err = _cli(args, capsys)
        return code, err, read_tree(out)

    serial, made = _both(monkeypatch, tmp_path, skipping)
    assert forks.made == 1  # the attempts after the blocker are made here
    assert made == serial
    code, err, tree = made
    assert code == 0 and "schema 'Shade' left out" in err
    assert "operation GET /shade skipped" in err and "src/pets_union/models.py" in tree


BUILD_BLOCKED = ONE_MODULE.replace(
    "  /trees/{id}:",
    "  /c:\n    get:\n      operationId: getC\n      parameters:\n"
    "        - {name: 's t', in: header, required: true, schema: {type: string}}\n"
    "      responses: {'204': {description: done}}\n  /trees/{id}:",
)


def test_a_worker_started_before_a_failing_build_is_stopped(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    forks: type[Counted],
    kept: list[parallel.Worker[Any]],
) -> None:
    """The worker forks before the build (it gets datamodel-code-generator ready meanwhile);
    when the build blocks, it is never asked for models: killed and reaped, the error as in
    one process."""
    spec = _spec(tmp_path, BUILD_BLOCKED)

    def default(out: Path) -> tuple[int, str, bool]:
        code, err = _cli(["generate", "--quiet", "--spec", str(spec), "--out", str(out)], capsys)
        return code, err.replace(str(out), "OUT"), out.exists()

    serial, made = _both(monkeypatch, tmp_path, default)
    assert made == serial
    code, err, written = made
    assert code == 1 and not written and "is not a valid HTTP header name" in err
    assert len(kept) == 1 and kept[0]._pid is None  # forked, then reaped


# An operation left out with --skip-unsupported (the validator refuses its parameter): the
# inline schema of its answer is lifted, given a planned class name, then not kept; and a
# component whose nested object is lifted (a patch of the component: models/lift.py).
EARLY = (
    ONE_MODULE.replace(
        "  /trees/{id}:",
        "  /c:\n    get:\n      operationId: getC\n      parameters:\n"
        "        - {name: q, in: query, schema: {type: string, minimum: low}}\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n              schema:\n"
        "                type: object\n                properties: {n: {type: integer}}\n"
        "  /trees/{id}:",
    )
    + "    Owner:\n      type: object\n      properties:\n        address:\n"
    "          type: object\n          properties: {city: {type: string}}\n"
)


def _picks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, result: Any = True) -> Path:
    """What the worker's ``pick`` answered, and how many early names the build did not keep,
    a line per call, in a file (the worker is another process); ``result=None``: it answers
    None (the schemas are prepared again)."""
    record = tmp_path / "picks"
    original = pick

    def watched(early: Any, names: dict[str, str], leave_out: frozenset[str]) -> Any:
        found = original(early, names, leave_out) if result is not None else None
        with record.open("a", encoding="utf-8") as file:
            file.write(f"{found is not None} {len(early.names) - len(names)}\n")
        return found

    monkeypatch.setattr(parallel, "pick", watched)
    return record


def _skipping(spec: Path) -> Any:
    return lambda out: read_tree(generate(spec, out, skip_unsupported=True).out)


def test_the_schemas_prepared_while_the_build_runs_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    """The worker is given the build's class names as soon as they are planned, prepares
    every schema under them meanwhile (models/early.py), and the order come (a lifted schema
    not kept: its operation skipped), picks the ones kept: the same bytes."""
    record = _picks(monkeypatch, tmp_path)
    spec = _spec(tmp_path, EARLY)
    serial, made = _both(monkeypatch, tmp_path, _skipping(spec))
    assert forks.made == 1
    assert made == serial
    assert record.read_text(encoding="utf-8") == "True 1\n"


def test_schemas_prepared_early_but_not_picked_are_prepared_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    record = _picks(monkeypatch, tmp_path, result=None)
    spec = _spec(tmp_path, EARLY)
    serial, made = _both(monkeypatch, tmp_path, _skipping(spec))
    assert made == serial
    assert record.read_text(encoding="utf-8") == "False 1\n"


def test_without_room_in_the_pipe_the_early_names_are_not_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    """Where the order pipe's size cannot be known, the build never waits on the worker to
    read the early names: none are sent, and the order carries every name."""
    record = _picks(monkeypatch, tmp_path)
    monkeypatch.setattr(parallel, "_pipe_room", lambda fd: 0)
    spec = _spec(tmp_path, EARLY)
    serial, made = _both(monkeypatch, tmp_path, _skipping(spec))
    assert made == serial
    assert not record.exists()


def test_a_schema_prepared_early_is_picked_only_as_it_would_be_prepared() -> None:
    """``pick`` answers what ``generate_models`` would prepare, or None: a ref renamed under
    the early names must still name a kept class (else it is inlined now)."""
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "components": {
            "schemas": {
                "A": {"type": "object", "properties": {"l": {"$ref": "#/components/schemas/L"}}},
                "B": {"type": "string", "default": "b"},
            }
        },
    }
    lifted = Lifted(
        schemas={
            "L": {"type": "object", "properties": {"n": {"type": "integer"}}},
            "M": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
        }
    )
    early = prepare_early(spec, {"A": "A", "B": "Bee", "L": "L", "M": "M"}, lifted)

    def prepared(names: dict[str, str]) -> dict[str, Any]:
        inputs = schema_inputs(spec, names, lifted)
        return {names[k]: component(rewrite_refs(v, names, spec)) for k, v in inputs.items()}

    kept = {"A": "A", "B": "Bee", "L": "L"}  # M not kept: nothing refers to it
    assert pick(early, kept, frozenset()) == prepared(kept)
    assert pick(early, {"A": "A", "B": "Bee", "L": "L", "M": "M"}, frozenset()) is not None
    assert pick(early, {"A": "A", "B": "Bee", "M": "M"}, frozenset()) is None  # A's ref to L
    assert pick(early, {"A": "A", "B": "B", "L": "L"}, frozenset()) is None  # named anew
    assert pick(early, kept, frozenset({"B"})) is None  # left out: the document changes


NULLABLE = (
    ONE_MODULE
    + "    Note:\n      type: object\n      properties:\n"
    + ("        text: {type: string, nullable: true}\n")
)


def _reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Each document the worker is sent (its size, a line each), in a file."""
    record = tmp_path / "reads"
    original = parallel._read_store

    def watched(store: int, size: int) -> bytes:
        with record.open("a", encoding="utf-8") as file:
            file.write(f"{size}\n")
        return original(store, size)

    monkeypatch.setattr(parallel, "_read_store", watched)
    return record


def test_a_worker_forked_before_the_load_is_sent_the_document_as_validated(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    forks: type[Counted],
    kept: list[parallel.Worker[Any]],
) -> None:
    """A large document's worker forks before the load (``MIN_BYTES``; ``=1``: any) and is
    sent the document once the validation has settled it (here ``nullable`` in a 3.1
    document, rewritten: read/tolerate.py)."""
    reads = _reads(monkeypatch, tmp_path)
    spec = _spec(tmp_path, NULLABLE)
    serial, made = _both(monkeypatch, tmp_path, _skipping(spec))
    assert made == serial
    assert len(kept) == 1 and kept[0]._pid is None
    assert len(reads.read_text(encoding="utf-8").split()) == 1


def test_a_worker_forked_after_the_load_is_sent_the_document_only_if_validation_changed_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    """A document whose file is small forks (if its schemas are enough) after the load: the
    worker has the document as read, and is sent it again only if the validation changed it."""
    reads = _reads(monkeypatch, tmp_path)
    monkeypatch.setattr(parallel.ModelsAhead, "before_load", lambda self, path: None)
    spec = _spec(tmp_path, NULLABLE)
    serial, made = _both(monkeypatch, tmp_path, _skipping(spec))
    assert made == serial and forks.made == 1
    assert len(reads.read_text(encoding="utf-8").split()) == 1
    reads.unlink()
    generate(_spec(tmp_path, ONE_MODULE), tmp_path / "unchanged")
    assert forks.made == 2 and not reads.exists()


def test_a_worker_forked_before_the_load_of_a_small_document_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: list[parallel.Worker[Any]]
) -> None:
    """The file's size guessed wrong (fewer than ``MIN_SCHEMAS`` schemas): the worker forked
    before the load is stopped, the models made here, the same bytes."""
    monkeypatch.delenv("GENERATOR_PARALLEL", raising=False)
    _alone(monkeypatch)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    spec = _spec(tmp_path, ONE_MODULE)
    made = read_tree(generate(spec, tmp_path / "guessed").out)
    assert len(kept) == 1 and kept[0]._pid is None
    monkeypatch.setenv("GENERATOR_PARALLEL", "0")
    assert made == read_tree(generate(spec, tmp_path / "serial").out)


def test_a_worker_forked_before_a_validation_that_blocks_is_stopped(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    forks: type[Counted],
    kept: list[parallel.Worker[Any]],
) -> None:
    """The default mode: the validator's blockers mean no models step; the worker forked
    before the validation is killed and reaped, the error as in one process."""
    spec = _spec(tmp_path, ONE_MODULE + "    Odd: {type: integer, minimum: low}\n")

    def default(out: Path) -> tuple[int, str, bool]:
        code, err = _cli(["generate", "--quiet", "--spec", str(spec), "--out", str(out)], capsys)
        return code, err.replace(str(out), "OUT"), out.exists()

    serial, made = _both(monkeypatch, tmp_path, default)
    assert made == serial
    code, err, written = made
    assert code == 1 and not written and "/components/schemas/Odd/minimum" in err
    assert len(kept) == 1 and kept[0]._pid is None


def test_the_models_files_are_not_compiled_again(tmp_path: Path, forks: type[Counted]) -> None:
    """The models' files are checked as one module (verify_models) before they are split, so
    the compile gate skips them (output/format.py); every other module is compiled."""
    report = generate(FIXTURES / "mini" / "spec.yaml", tmp_path / "out")
    src = f"src/{report.package_name}"
    assert report.verified and all(k.startswith(f"{src}/models/") for k in report.verified)
    tree = read_tree(tmp_path / "out")
    assert report.verified <= tree.keys()
    assert f"{src}/client.py" not in report.verified


def test_a_killed_worker_is_a_clear_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    forks: type[Counted],
) -> None:
    def killed(*args: Any) -> Any:
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(parallel, "_models", killed)
    spec, out = _spec(tmp_path, ONE_MODULE), tmp_path / "out"
    started = time.monotonic()
    code, err = _cli(["generate", "--quiet", "--spec", str(spec), "--out", str(out)], capsys)
    assert time.monotonic() - started < 60
    assert code == 1
    assert re.fullmatch(
        r"error: the models worker \(process \d+\) was killed by SIGKILL \(out of memory\? "
        r"the kernel's OOM killer sends it\); GENERATOR_PARALLEL=0 makes the models here\n",
        err,
    )
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["spec.yaml"]


def test_a_worker_that_exits_without_an_answer() -> None:
    with parallel.Worker(lambda: os._exit(3)) as worker, pytest.raises(parallel.WorkerDied) as info:
        worker.result()
    assert "exited (3) without an answer" in str(info.value)


def test_errors_come_back_typed_with_their_attributes() -> None:
    problems = [SpecError("one", pointer="/a", file="f.yaml", line=3), SpecError("two")]

    def fail(error: BaseException) -> Any:
        raise error

    with parallel.Worker(lambda: fail(Blockers(problems))) as worker:
        with pytest.raises(Blockers) as blockers:
            worker.result()
    assert [(p.message, p.pointer, p.file, p.line) for p in blockers.value.problems] == [
        ("one", "/a", "f.yaml", 3),
        ("two", "", "", None),
    ]
    assert str(blockers.value) == str(Blockers(problems))
    gate = GeneratedCodeError("broken:", ["a.py:1:1: F821 Undefined name `x`"])
    with parallel.Worker(lambda: fail(gate)) as worker:
        with pytest.raises(GeneratedCodeError) as generated:
            worker.result()
    assert generated.value.problems == gate.problems and str(generated.value) == str(gate)
    with parallel.Worker(lambda: fail(ValueError("bad"))) as worker:
        with pytest.raises(ValueError, match="^bad$"):
            worker.result()


def test_leaving_early_kills_and_reaps_the_worker() -> None:
    with parallel.Worker(lambda: time.sleep(60)) as worker:
        pid = worker._pid
    assert pid is not None
    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(pid, os.WNOHANG)


def test_small_documents_are_modelled_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GENERATOR_PARALLEL", raising=False)
    _alone(monkeypatch)
    assert not parallel.can_fork(parallel.MIN_SCHEMAS - 1)
    assert parallel.can_fork(parallel.MIN_SCHEMAS)
    monkeypatch.setenv("GENERATOR_PARALLEL", "0")
    assert not parallel.can_fork(10 * parallel.MIN_SCHEMAS)


def test_other_threads_keep_the_models_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENERATOR_PARALLEL", "1")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not parallel.can_fork(10 * parallel.MIN_SCHEMAS)
    finally:
        stop.set()
        other.join()


def test_an_interrupt_while_waiting_kills_and_reaps_the_worker() -> None:
    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    timeout_left, _ = signal.getitimer(signal.ITIMER_REAL)  # pytest-timeout's, put back
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            with parallel.Worker(lambda: time.sleep(60)) as worker:
                pid = worker._pid
                signal.setitimer(signal.ITIMER_REAL, 0.2)
                worker.result()
    finally:
        signal.signal(signal.SIGALRM, previous)
        signal.setitimer(signal.ITIMER_REAL, timeout_left)
    assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _timeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: int, cut: bool = True
) -> tuple[list[float], float]:
    """``HALVES`` generated with a worker on ``cores`` cores (cut in two, or not): when each of
    datamodel-code-generator's calls on it ended (in whichever process made it), and when this
    process began to render the other files. Each call takes 0.5 s more, to be seen."""
    monkeypatch.setattr(halves, "MIN_SCHEMAS", 2 if cut else 10**9)
    monkeypatch.setattr(parallel, "cores", lambda: cores)
    monkeypatch.setattr(models, "cores", lambda: max(cores, 2))  # the halves at once
    ends = tmp_path / "ends"
    original = models._run

    def run(document: dict[str, Any], *args: Any) -> str:
        time.sleep(0.5)
        source = original(document, *args)
        if "Ready" not in document["components"]["schemas"]:  # not models.warm_up's
            with ends.open("a", encoding="utf-8") as file:
                file.write(f"{time.monotonic()}\n")
        return source

    begun: list[float] = []

    def render(*args: Any, **kwargs: Any) -> Any:
        begun.append(time.monotonic())
        return render_templates(*args, **kwargs)

    monkeypatch.setattr(models, "_run", run)
    monkeypatch.setattr(pipeline, "render_templates", render)
    generate(_spec(tmp_path, HALVES), tmp_path / "out")
    return sorted(float(line) for line in ends.read_text().split()), begun[0]


def test_on_two_cores_the_rest_is_rendered_once_a_half_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    """The two halves of the models take both cores; rendering beside them only slowed the
    longer one down (stripe.yaml: ~1 s in all): it begins when the first is made."""
    ends, begun = _timeline(tmp_path, monkeypatch, cores=2)
    assert len(ends) == 2
    assert begun >= ends[0]


def test_with_a_core_to_spare_the_rest_is_rendered_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    ends, begun = _timeline(tmp_path, monkeypatch, cores=4)
    assert len(ends) == 2
    assert begun < ends[0]


def test_models_made_by_one_call_leave_a_core_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: type[Counted]
) -> None:
    ends, begun = _timeline(tmp_path, monkeypatch, cores=2, cut=False)
    assert len(ends) == 1
    assert begun < ends[0]


def test_a_worker_that_ends_without_a_word_ends_the_wait() -> None:
    free = worker.FreeCore()
    with parallel.Worker(partial(parallel._freeing, free, lambda: ("models", None))) as child:
        free.forked()
        free.wait()  # returns once the child has exited
        assert child.result() == ("models", None)


def test_a_process_the_worker_forked_may_free_the_core_first() -> None:
    """The second half's process says so when it is made first; the worker goes on."""

    def job() -> Any:
        with parallel.Worker(worker.core_freed) as half:
            half.result()
        time.sleep(60)

    free = worker.FreeCore()
    started = time.monotonic()
    with parallel.Worker(partial(parallel._freeing, free, job)):
        free.forked()
        free.wait()
    assert time.monotonic() - started < 30
