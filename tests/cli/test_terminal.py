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


def test_the_key_prompt_on_a_terminal_does_not_echo(cli: Cli, tmp_path: Path) -> None:
    """``--api-key -`` on a terminal asks for the key without echo: typed, it never shows."""
    assert TMUX is not None
    socket = str(tmp_path / "tmux.sock")
    environment = cli.installed.env(TERM="xterm")
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in environment.items() if k != "PS1")
    command = [str(cli.installed.script), "--base-url", cli.server.base_url, "--api-key", "-"]
    shell = f"env {exports} {shlex.join([*command, 'files', 'list'])}; echo EXIT=$?; sleep 60"
    tmux = [TMUX, "-S", socket]
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "120", "-y", "40", "sh", "-c", shell], check=True
    )

    def pane() -> str:
        capture = [*tmux, "capture-pane", "-p", "-t", "0"]
        return subprocess.run(capture, capture_output=True, text=True, check=True).stdout

    try:
        deadline = time.monotonic() + 60
        while "API key:" not in pane():
            assert time.monotonic() < deadline, pane()
            time.sleep(0.1)
        subprocess.run([*tmux, "send-keys", "-t", "0", cli.server.api_key, "Enter"], check=True)
        while "EXIT=" not in (text := pane()):
            assert time.monotonic() < deadline, text
            time.sleep(0.1)
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)
    assert "EXIT=0" in text, text
    assert cli.server.api_key not in text
    sent = cli.server.requests_to("GET", "/files")[0].headers["authorization"]
    assert sent == f"Bearer {cli.server.api_key}"
