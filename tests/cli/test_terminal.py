"""The command line as a person sees it: in a real terminal (tmux), where the default output is
the table view and ``--wait`` shows its progress; the screen is read back with ``capture-pane``.
Skipped, with the reason, where tmux is not installed."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.sdk._support import MODEL, seed_file, seed_files

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")


def screen(cli: Cli, tmp_path: Path, command: list[str], env: dict[str, str]) -> str:
    """Run ``command`` in a detached 120x40 tmux session; the screen once it has finished."""
    assert TMUX is not None
    socket = str(tmp_path / "tmux.sock")
    environment = cli.installed.env(RUNRL_API_KEY=cli.server.api_key, TERM="xterm", **env)
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in environment.items() if k != "PS1")
    shell = f"env {exports} {shlex.join(command)}; echo EXIT=$?; sleep 60"
    subprocess.run(
        [TMUX, "-S", socket, "new-session", "-d", "-x", "120", "-y", "40", "sh", "-c", shell],
        check=True,
    )
    try:
        deadline = time.monotonic() + 60
        text = ""
        while time.monotonic() < deadline:
            text = subprocess.run(
                [TMUX, "-S", socket, "capture-pane", "-p", "-t", "0"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            if "EXIT=" in text:
                print(text)  # shown with pytest -s: the screen as a person sees it
                return text
            time.sleep(0.1)
        raise AssertionError(f"the command did not finish:\n{text}")
    finally:
        subprocess.run([TMUX, "-S", socket, "kill-server"], check=False, capture_output=True)


def test_a_list_is_a_table_on_a_terminal(cli: Cli, tmp_path: Path) -> None:
    for name in ("prompts", "rewards", "sft data"):
        seed_file(cli.server.app.store, name=name)
    base = [str(cli.installed.script), "--base-url", cli.server.base_url]
    text = screen(cli, tmp_path, [*base, "files", "list"], {})
    assert "EXIT=0" in text, text
    lines = [line for line in text.splitlines() if line.strip()]
    header = lines[0]
    assert header.split()[:2] == ["ID", "NAME"] or "NAME" in header.split(), text
    assert any("sft data" in line for line in lines[1:4]), text
    assert "{" not in text  # a table, not JSON


def test_wait_shows_progress_then_the_record(cli: Cli, tmp_path: Path) -> None:
    prompt, reward = seed_files(cli.server.app.store)
    base = [str(cli.installed.script), "--base-url", cli.server.base_url]
    command = [*base, "runs", "create", "--model", MODEL, "--prompt-file-id", prompt]
    command += ["--reward-file-id", reward, "--wait"]
    text = screen(cli, tmp_path, command, {"RUNRL_POLL_INTERVAL": "0.2"})
    assert "EXIT=0" in text, text
    record = {line.split()[0]: line.split()[1:] for line in text.splitlines() if line.strip()}
    assert record.get("status") == ["COMPLETED"], text
