"""``future.result(progress=True)``: a live bar on a terminal, one plain line per status change
elsewhere; the same for the async twin and for deployments. It never changes what ``result()``
returns or raises.

The reference server advances a run one step per ``GET /runs/{id}``:
PENDING (0.0) -> RUNNING (0.5) -> COMPLETED (1.0).
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from tests.sdk._support import MODEL, Api, seed_files, seed_run
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class FakeTerminal(io.StringIO):
    """Standard output as a terminal would be, recording what was written."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def use_terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[], FakeTerminal]:
    """Call it in the test body (pytest's capture resets ``sys.stdout`` after fixtures) to
    replace ``sys.stdout`` by a terminal; rich draws for real (TERM names a real one)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)

    def install() -> FakeTerminal:
        out = FakeTerminal()
        monkeypatch.setattr(sys, "stdout", out)
        return out

    return install


async def create_run(api: Api, reference_server: ReferenceServer, model: str = MODEL) -> Any:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    return await api.runs.create(model=model, prompt_file_id=prompt_id, reward_file_id=reward_id)


# ------------------------------------------------------------------------------- plain lines


async def test_plain_lines_per_status_change_when_not_a_terminal(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    future = await create_run(api, reference_server)
    run_id = future.initial.id

    run = await api.aw(future.result(progress=True))

    assert isinstance(run, sdk.models.Run)
    assert run.status == "COMPLETED" and run.progress == 1.0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"run {run_id}: PENDING 0%",
        f"run {run_id}: RUNNING 50%",
        f"run {run_id}: COMPLETED 100%",
    ]
    assert not ANSI.search(out)


async def test_result_is_the_same_with_and_without_progress(
    api: Api, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    args = {"model": MODEL, "prompt_file_id": prompt_id, "reward_file_id": reward_id}
    quiet = await api.aw((await api.runs.create(**args)).result())
    shown = await api.aw((await api.runs.create(**args)).result(progress=True))
    assert capsys.readouterr().out  # something was shown
    strip = {"id", "created_at", "updated_at", "started_at", "completed_at", "hf_name", "wandb_url"}
    assert quiet.model_dump(exclude=strip) == shown.model_dump(exclude=strip)
    assert type(quiet) is type(shown)


async def test_a_failing_run_shows_its_last_status_then_raises_as_before(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    future = await create_run(api, reference_server, model="acme/fail-7b")

    with pytest.raises(sdk.RunFailedError) as err:
        await api.aw(future.result(progress=True))

    assert err.value.run.status == "FAILED"
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"run {future.initial.id}: PENDING 0%"
    assert lines[-1].startswith(f"run {future.initial.id}: FAILED")


async def test_a_timeout_is_raised_as_before(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    future = await create_run(api, reference_server, model="acme/stall-7b")

    with pytest.raises(sdk.TimeoutError):
        await api.aw(future.result(timeout=0.2, progress=True))

    lines = capsys.readouterr().out.splitlines()
    # one line per status change, not one per poll
    assert lines == [
        f"run {future.initial.id}: PENDING 0%",
        f"run {future.initial.id}: RUNNING 50%",
    ]


async def test_an_already_finished_future_shows_its_final_state_once(
    api: Api, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    future = await create_run(api, reference_server)
    await api.aw(future.result())
    assert capsys.readouterr().out == ""

    await api.aw(future.result(progress=True))

    assert capsys.readouterr().out == f"run {future.initial.id}: COMPLETED 100%\n"


async def test_a_broken_output_stream_changes_nothing(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr(sys, "stdout", closed)
    future = await create_run(api, reference_server)

    run = await api.aw(future.result(progress=True))

    assert run.status == "COMPLETED"


async def test_deployment_futures_show_progress_too(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    run_id = int(seed_run(reference_server.app.store, status="COMPLETED")["id"])
    future = await api.deployments.create(run_id)
    dep_id = future.initial.id

    deployment = await api.aw(future.result(progress=True))

    assert isinstance(deployment, sdk.models.Deployment)
    assert deployment.status == "active"
    # the deployment API reports no progress fraction: status only
    assert capsys.readouterr().out.splitlines() == [
        f"deployment {dep_id}: pending",
        f"deployment {dep_id}: deploying",
        f"deployment {dep_id}: active",
    ]


# ------------------------------------------------------------------------------- terminal: live bar


async def test_live_progress_bar_on_a_terminal(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    use_terminal: Callable[[], FakeTerminal],
) -> None:
    pytest.importorskip("rich", reason="rich (the [progress] extra) is pinned in dev.txt")
    future = await create_run(api, reference_server)
    run_id = future.initial.id
    terminal = use_terminal()

    run = await api.aw(future.result(progress=True))

    assert run.status == "COMPLETED"
    raw = terminal.getvalue()
    assert ANSI.search(raw), "a live display redraws with terminal control codes"
    text = ANSI.sub("", raw)
    # the bar was drawn at each state, with the status and the fraction
    for status, percent in (("PENDING", "0%"), ("RUNNING", "50%"), ("COMPLETED", "100%")):
        assert re.search(rf"run {run_id} {status}\s+\S*[━╸╺]+\S*\s+{percent}", text), text
    # not the plain lines
    assert f"run {run_id}: RUNNING" not in text


async def test_live_bar_for_a_status_without_progress(
    api: Api, reference_server: ReferenceServer, use_terminal: Callable[[], FakeTerminal]
) -> None:
    pytest.importorskip("rich")
    run_id = int(seed_run(reference_server.app.store, status="COMPLETED")["id"])
    future = await api.deployments.create(run_id)
    terminal = use_terminal()

    await api.aw(future.result(progress=True))

    text = ANSI.sub("", terminal.getvalue())
    assert f"deployment {future.initial.id} deploying" in text
    assert re.search(rf"deployment {future.initial.id} active\s+\S*━+\S*\s+100%", text), text


async def test_terminal_without_rich_falls_back_to_plain_lines(
    api: Api,
    reference_server: ReferenceServer,
    use_terminal: Callable[[], FakeTerminal],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in [n for n in sys.modules if n == "rich" or n.startswith("rich.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "rich", None)  # import rich -> ImportError
    future = await create_run(api, reference_server)
    terminal = use_terminal()

    run = await api.aw(future.result(progress=True))

    assert run.status == "COMPLETED"
    assert terminal.getvalue().splitlines() == [
        f"run {future.initial.id}: PENDING 0%",
        f"run {future.initial.id}: RUNNING 50%",
        f"run {future.initial.id}: COMPLETED 100%",
    ]


def test_the_package_works_without_rich(sdk: ModuleType) -> None:
    """The base install stays light: rich is imported lazily, only to draw a bar."""
    import ast
    import subprocess
    from pathlib import Path

    polling = Path(str(sdk.__file__)).parent / "_polling.py"
    top_level = [
        node
        for node in ast.parse(polling.read_text(encoding="utf-8")).body
        if isinstance(node, (ast.Import, ast.ImportFrom))
    ]
    assert not any(
        (getattr(node, "module", None) or "").startswith("rich")
        or any(alias.name.startswith("rich") for alias in node.names)
        for node in top_level
    )
    code = (
        "import sys; sys.modules['rich'] = None\n"
        "import io, runrl\n"
        "from runrl._polling import PollingPolicy, _ProgressDisplay\n"
        "class T(io.StringIO):\n"
        "    def isatty(self): return True\n"
        "done = frozenset({'DONE'})\n"
        "t = T(); d = _ProgressDisplay(PollingPolicy(done, done), t)\n"
        "d.show({'id': 1, 'status': 'DONE'}); d.close(); print(d.live, repr(t.getvalue()))\n"
    )
    src = str(Path(str(sdk.__file__)).parents[1])
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": src},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "False 'operation 1: DONE\\n'"


def test_rich_is_never_imported_by_a_statement(sdk: ModuleType) -> None:
    """``mypy --strict`` on a user's project (or on the installed package) in an environment
    without the optional ``rich`` failed with ``import-not-found`` (found trying Box's client
    in a clean venv): rich is imported by name at run time, never by an import statement."""
    import ast
    from pathlib import Path

    polling = Path(str(sdk.__file__)).parent / "_polling.py"
    for node in ast.walk(ast.parse(polling.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            assert not (node.module or "").startswith("rich"), ast.unparse(node)
        if isinstance(node, ast.Import):
            assert not any(a.name.startswith("rich") for a in node.names), ast.unparse(node)


def test_progress_extra_is_declared(sdk: ModuleType) -> None:
    import tomllib
    from pathlib import Path

    pyproject = Path(str(sdk.__file__)).parents[2] / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    assert project["optional-dependencies"]["progress"] == ["rich>=13"]
    assert not any(dep.startswith("rich") for dep in project["dependencies"])
    # The other extra is the command line's (empty: argparse is the stdlib's).
    assert project["optional-dependencies"].get("cli", []) == []
    assert sorted(project["optional-dependencies"]) == ["cli", "progress"]
    assert "classifiers" in project
