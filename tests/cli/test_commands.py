"""The `runrl` console script against the reference server, in a subprocess: exit codes, JSON on
stdout, messages on stderr, the API key never in any output. One test per namespace at least;
the commands and their options come from the command table the package ships."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import Cli
from tests.sdk._support import MODEL, PROMPT_JSONL, seed_file, seed_files, seed_run

KEY = "rl_secret_cli_key_0123456789"


def ok(proc: subprocess.CompletedProcess[str]) -> Any:
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout) if proc.stdout.strip() else None


def lines(proc: subprocess.CompletedProcess[str]) -> list[Any]:
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


# ---- every namespace ------------------------------------------------------------------------


def test_health_is_a_top_level_command(cli: Cli) -> None:
    assert isinstance(ok(cli("health")), dict)


def test_files_create_list_get_delete(cli: Cli) -> None:
    created = ok(cli("files", "create-from-content", "prompts", PROMPT_JSONL.decode(), "prompt"))
    assert created["name"] == "prompts"
    listed = ok(cli("files", "list"))
    assert [f["id"] for f in listed] == [created["id"]]
    assert ok(cli("files", "retrieve", created["id"]))["id"] == created["id"]
    assert ok(cli("files", "delete", created["id"])) is None
    assert ok(cli("files", "list")) == []


def test_files_upload_from_a_path_and_download_to_a_path(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "data.jsonl"
    source.write_bytes(PROMPT_JSONL)
    created = ok(cli("files", "upload-path", str(source), "--file-type", "prompt"))
    target = tmp_path / "out.jsonl"
    proc = cli("files", "download", created["id"], "--output", str(target))
    assert proc.returncode == 0, proc.stderr
    assert target.read_bytes() == PROMPT_JSONL
    to_stdout = cli("files", "download", created["id"])
    assert to_stdout.stdout.encode() == PROMPT_JSONL


def test_a_missing_upload_path_is_a_usage_error_before_any_request(cli: Cli) -> None:
    proc = cli("files", "upload-path", "/nonexistent/data.jsonl", "--file-type", "prompt")
    assert proc.returncode == 2
    assert "no such file" in proc.stderr
    assert cli.server.requests == []


def test_runs_create_with_json_body_then_get(cli: Cli) -> None:
    prompt, reward = seed_files(cli.server.app.store)
    body = json.dumps({"model": MODEL, "prompt_file_id": prompt, "reward_file_id": reward})
    run = ok(cli("runs", "create", "--json", body, "--epochs", "2"))
    assert run["status"] == "PENDING"
    sent = cli.server.requests_to("POST", "/runs")[0].json
    assert sent["model"] == MODEL and sent["epochs"] == 2
    assert ok(cli("runs", "get", str(run["id"])))["id"] == run["id"]


def test_runs_create_wait_polls_until_the_run_is_done(cli: Cli) -> None:
    prompt, reward = seed_files(cli.server.app.store)
    proc = cli(
        "runs",
        "create",
        "--model",
        MODEL,
        "--prompt-file-id",
        prompt,
        "--reward-file-id",
        reward,
        "--wait",
        env={"RUNRL_POLL_INTERVAL": "0.01"},
    )
    assert ok(proc)["status"] == "COMPLETED"
    assert len(cli.server.requests_to("GET")) >= 2


def test_runs_create_reads_the_body_from_stdin(cli: Cli) -> None:
    prompt, reward = seed_files(cli.server.app.store)
    body = json.dumps({"model": MODEL, "prompt_file_id": prompt, "reward_file_id": reward})
    assert ok(cli("runs", "create", "--json", "-", input=body))["model"] == MODEL


def test_runs_stream_logs_prints_one_event_per_line(cli: Cli) -> None:
    run = seed_run(cli.server.app.store)
    events = lines(cli("runs", "stream-logs", str(run["id"])))
    assert events, "no event"


def test_runs_follow_prints_the_log_then_the_final_run(cli: Cli) -> None:
    run = seed_run(cli.server.app.store)
    proc = cli("runs", "follow", str(run["id"]))
    assert proc.returncode == 0, proc.stderr
    final = json.loads(proc.stdout.splitlines()[-1])
    assert final["status"] == "COMPLETED"


def test_deployments_list_and_check(cli: Cli) -> None:
    run = seed_run(cli.server.app.store, status="COMPLETED")
    assert ok(cli("deployments", "list")) == []
    assert isinstance(ok(cli("deployments", "check", str(run["id"]))), dict)


def test_tools_create_and_list_with_bool_option(cli: Cli) -> None:
    tool = ok(cli("tools", "create", "search", "https://mcp.example.com/sse", "--is-public"))
    assert tool["is_public"] is True
    assert [t["id"] for t in ok(cli("tools", "list", "--owned-only"))] == [tool["id"]]


def test_shared_configurations_browse(cli: Cli) -> None:
    assert isinstance(ok(cli("shared-configurations", "browse")), list)


def test_validation_of_reward_code_and_a_prompt_file(cli: Cli) -> None:
    code = "def reward_fn(completion, **kwargs):\n    return 1.0\n"
    assert isinstance(ok(cli("validation", "reward-function", code)), dict)
    prompt = seed_file(cli.server.app.store, name="prompts")
    assert isinstance(ok(cli("validation", "prompt-file", prompt["id"])), dict)


def test_search(cli: Cli) -> None:
    seed_file(cli.server.app.store, name="bananas")
    assert isinstance(ok(cli("search", "query", "banana")), dict)


def test_api_keys_create_with_a_repeated_option_then_list(cli: Cli) -> None:
    created = ok(cli("api-keys", "create", "ci", "--scopes", "read", "--scopes", "write"))
    assert cli.server.requests_to("POST", "/keys")[0].json["scopes"] == ["read", "write"]
    assert created["api_key"]["name"] == "ci" and created["token"]
    assert "ci" in [k["name"] for k in ok(cli("api-keys", "list"))]


# ---- output ------------------------------------------------------------------------------


def test_pagination_limit_and_all(cli: Cli) -> None:
    store = cli.server.app.store
    for i in range(5):
        seed_file(store, name=f"f{i}")
    assert len(ok(cli("files", "list", "--per-page", "2"))) == 2
    assert len(ok(cli("files", "list", "--per-page", "2", "--limit", "3"))) == 3
    assert len(ok(cli("files", "list", "--per-page", "2", "--all"))) == 5
    assert len(lines(cli("files", "list", "--per-page", "2", "--all", "--format", "jsonl"))) == 5


def test_table_and_record_views(cli: Cli) -> None:
    seed_file(cli.server.app.store, name="prompts")
    table = cli("files", "list", "--format", "table")
    assert table.returncode == 0, table.stderr
    header, row = table.stdout.splitlines()[:2]
    assert "ID" in header and "NAME" in header and "prompts" in row
    record = cli("health", "--format", "table")
    assert record.returncode == 0 and "{" not in record.stdout


def test_text_content_keeps_its_lines_on_a_terminal_and_is_a_json_string_in_a_pipe(
    cli: Cli,
) -> None:
    file = seed_file(cli.server.app.store, name="prompts")
    text = cli("files", "content", file["id"], "--format", "table")
    assert text.returncode == 0, text.stderr
    assert text.stdout == PROMPT_JSONL.decode()
    assert ok(cli("files", "content", file["id"])) == PROMPT_JSONL.decode()


def test_server_text_cannot_drive_the_terminal(cli: Cli) -> None:
    seed_file(cli.server.app.store, name="evil\x1b]0;pwned\x07\x1b[2J")
    table = cli("files", "list", "--format", "table")
    assert "\x1b" not in table.stdout and "\x07" not in table.stdout
    as_json = cli("files", "list")
    assert "\x1b" not in as_json.stdout and ok(as_json)[0]["name"].startswith("evil\x1b")


# ---- errors, exit codes, secrets ---------------------------------------------------------


def test_an_api_error_exits_1_with_the_servers_reason_on_stderr(cli: Cli) -> None:
    proc = cli("files", "retrieve", "no-such-file")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith("runrl: error: ") and "404" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_wrong_key_exits_1_and_is_never_printed(cli: Cli) -> None:
    for proc in (
        cli("files", "list", key=KEY),
        cli("--api-key", KEY, "files", "list", key=None),
        cli("files", "list", "--api-key", KEY, key=None),
    ):
        assert proc.returncode == 1, proc.stderr
        assert "401" in proc.stderr
        assert KEY not in proc.stdout + proc.stderr


def test_the_api_key_option_is_used(cli: Cli) -> None:
    assert ok(cli("--api-key", cli.server.api_key, "files", "list", key=None)) == []
    sent = cli.server.requests_to("GET", "/files")[0].headers["authorization"]
    assert sent == f"Bearer {cli.server.api_key}"


def test_the_key_from_stdin_or_a_file_stays_off_the_command_line(cli: Cli, tmp_path: Path) -> None:
    """``--api-key -`` (stdin) and ``--api-key-file`` keep the key out of ``ps``; a wrong key
    read either way is never printed."""
    key_file = tmp_path / "key"
    key_file.write_text(cli.server.api_key + "\n")
    assert (
        ok(cli("--api-key", "-", "files", "list", key=None, input=cli.server.api_key + "\n")) == []
    )
    assert ok(cli("files", "list", "--api-key-file", str(key_file), key=None)) == []
    sent = [r.headers["authorization"] for r in cli.server.requests_to("GET", "/files")]
    assert sent == [f"Bearer {cli.server.api_key}"] * 2
    key_file.write_text(KEY + "\n")
    for proc in (
        cli("--api-key", "-", "files", "list", key=None, input=KEY),
        cli("--api-key-file", str(key_file), "files", "list", key=None),
    ):
        assert proc.returncode == 1, proc.stderr
        assert "401" in proc.stderr and KEY not in proc.stdout + proc.stderr


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (("--api-key", "-"), "", "no key on stdin"),
        (("--api-key-file", "{empty}"), None, "the first line of the file is empty"),
        (("--api-key-file", "{missing}"), None, "cannot read"),
        (("--api-key", KEY, "--api-key-file", "{empty}"), None, "give one of them"),
    ],
)
def test_a_key_that_cannot_be_read_is_a_usage_error(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], stdin: str | None, message: str
) -> None:
    (tmp_path / "empty").write_text("\n")
    paths = {"empty": tmp_path / "empty", "missing": tmp_path / "missing"}
    argv = [a.format(**paths) for a in args]
    proc = cli(*argv, "files", "list", key=None, input=stdin)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and KEY not in proc.stderr
    assert "Traceback" not in proc.stderr
    assert cli.server.requests == []


def test_the_help_prefers_the_environment_to_a_key_on_the_command_line(cli: Cli) -> None:
    text = " ".join(ok_text(cli("--help")).split())
    assert "RUNRL_API_KEY (preferred)" in text and "--api-key-file PATH" in text
    assert "visible to every user of the machine (ps)" in text


def ok_text(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_no_credentials_is_a_usage_error(cli: Cli) -> None:
    proc = cli("files", "list", key=None)
    assert proc.returncode == 2
    assert "RUNRL_API_KEY" in proc.stderr
    # the program's option, not the Python argument (it said "pass api_key=...")
    assert "--api-key KEY" in proc.stderr and "api_key=" not in proc.stderr
    assert cli.server.requests == []


@pytest.mark.parametrize(
    "args, message",
    [
        (("files", "list", "--type", "nope"), "invalid choice"),
        (("files", "list", "--page", "x"), "invalid int value"),
        (("files", "list", "--per-page", "1000"), "per_page"),
        (("runs", "create", "--model", "m"), "missing required arguments"),
        (("runs", "create", "--json", "{not json"), "not valid JSON"),
        (("files", "nope"), "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_before_any_request(
    cli: Cli, args: tuple[str, ...], message: str
) -> None:
    proc = cli(*args)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert cli.server.requests == []


def test_an_unreachable_api_exits_3(cli: Cli) -> None:
    proc = subprocess.run(
        [str(cli.installed.script), "--base-url", "http://127.0.0.1:9/api", "health"]
        + ["--max-retries", "0"],
        env=cli.installed.env(RUNRL_API_KEY=KEY),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 3, proc.stderr
    assert KEY not in proc.stderr and "Traceback" not in proc.stderr


_FIRST_COMMAND = """
import sys
from runrl._cli import main
args = ["--base-url", "http://127.0.0.1:9", "--max-retries", "0", *sys.argv[1:]]
code = main(args)
models = sorted(m for m in sys.modules if m.startswith("runrl.models."))
print(code, "pydantic" in sys.modules, "pydantic.main" in sys.modules, models)
# typing_extensions (~2 ms) comes with Pydantic; before Python 3.10 the runtime needs it earlier
print(sys.version_info < (3, 10) or "typing_extensions" not in sys.modules)
"""


@pytest.mark.parametrize(
    "command",
    [
        ["health"],  # a method of the client itself
        ["files", "list"],  # a namespace's list: a page of models
        ["runs", "get", "1"],  # a namespace whose module also has streams and futures
    ],
)
def test_a_first_command_reaches_the_network_before_pydantic_is_imported(
    cli: Cli, command: list[str]
) -> None:
    """Issue 19 (fast to start): a first command sends its request before importing Pydantic,
    the page model or its return model, which it does only once an answer is there (here
    none: a closed port); nor typing_extensions, which comes with Pydantic. How long that
    takes is `make bench`'s row, not a test."""
    proc = subprocess.run(
        [sys.executable, "-c", _FIRST_COMMAND, *command],
        env=cli.installed.env(RUNRL_API_KEY=KEY),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.stdout.split() == ["3", "False", "False", "[]", "True"], proc.stderr
    assert "connection failed" in proc.stderr


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_ends_cleanly(cli: Cli) -> None:
    cli.server.inject("/health", kind="delay", delay=60, times=None)
    proc = subprocess.Popen(
        [str(cli.installed.script), "--base-url", cli.server.base_url, "health"],
        env=cli.installed.env(RUNRL_API_KEY=KEY),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A test run started in the background by a shell (`make test &`) inherits SIGINT
        # ignored, and Python then leaves it ignored: give the command a terminal's default.
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 45  # a loaded CI machine starts the process slowly
    while not cli.server.requests_to("GET", "/health") and time.monotonic() < deadline:
        time.sleep(0.02)
    assert cli.server.requests_to("GET", "/health"), "the command never sent its request"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=45)
    assert proc.returncode == 130
    assert "interrupted" in err and "Traceback" not in err


def test_version_and_help(cli: Cli) -> None:
    version = cli("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("runrl ") and cli.installed.version in version.stdout
    assert cli("--help").returncode == 0
    assert cli("runs", "create", "--help").returncode == 0
    bare = cli("runs")
    assert bare.returncode == 2 and "stream-logs" in bare.stderr


def test_shell_completion_in_a_real_bash(cli: Cli) -> None:
    script = cli("--completion", "bash")
    assert script.returncode == 0 and "complete -o default -F" in script.stdout
    for shell in ("zsh", "fish"):
        assert cli("--completion", shell).returncode == 0
    bin_dir = cli.installed.script.parent

    def complete(*words: str) -> list[str]:
        line = " ".join(f"'{w}'" for w in words)
        proc = subprocess.run(
            [
                "bash",
                "-c",
                f"source <(runrl --completion bash); COMP_WORDS=(runrl {line}); "
                f'COMP_CWORD={len(words)}; _runrl; printf "%s\\n" "${{COMPREPLY[@]}}"',
            ],
            env=cli.installed.env(PATH=f"{bin_dir}:/usr/bin:/bin"),
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.split()

    assert complete("fi") == ["files"]
    assert "list" in complete("files", "")
    assert complete("files", "list", "--ty") == ["--type"]
    assert complete("files", "list", "--type", "re") == ["reward_function"]


def test_follow_and_wait_stop_at_the_wait_timeout_and_exit_3(cli: Cli) -> None:
    """A run that never ends (the reference server keeps ``acme/stall-7b`` RUNNING): ``follow``
    and ``create --wait-timeout`` give up by then, exit 3, say what they waited for, and the
    run keeps running; without the option they would wait for ever (follow) or the client's
    ``max_poll_timeout`` (create)."""
    run = seed_run(cli.server.app.store, model="acme/stall-7b")
    started = time.monotonic()
    proc = cli("runs", "follow", str(run["id"]), "--wait-timeout", "0.5")
    assert time.monotonic() - started < 10  # the server keeps a silent stream open for 30 s
    assert proc.returncode == 3, proc.stderr
    assert "runs.follow: the status was not terminal after 0.5 s" in proc.stderr
    assert cli.server.app.store.runs[run["id"]]["status"] == "RUNNING"

    prompt, reward = seed_files(cli.server.app.store)
    proc = cli(
        "runs", "create", "--model", "acme/stall-7b", "--prompt-file-id", prompt,
        "--reward-file-id", reward, "--wait-timeout", "0.5",
        env={"RUNRL_POLL_INTERVAL": "0.05"},
    )  # fmt: skip
    assert proc.returncode == 3, proc.stderr
    assert "0.5" in proc.stderr and proc.stdout == ""
    assert len(cli.server.requests_to("GET", r"/runs/\d+")) >= 2  # it did poll


def test_the_wait_timeout_must_be_positive(cli: Cli) -> None:
    proc = cli("runs", "follow", "1", "--wait-timeout", "0")
    assert proc.returncode == 2 and "--wait-timeout" in proc.stderr
    assert not cli.server.requests_to("GET")
