"""The documented Python examples run unchanged against the reference server.

The ```python blocks of each page under /work/shared/reference/runrl-docs are read when the tests
are collected (nothing is copied into the repository). The blocks of one page build on each other
(``client``, ``run``, ``prompt`` ...), so the test of block *k* runs blocks 0..k in order in one
namespace, as a reader would, and asserts that block *k* ran without an exception, that none of
its requests failed, and that what it printed is sensible. Everything runs with ``RUNRL_API_KEY``
/ ``RUNRL_BASE_URL`` pointing at the reference server, ``RUNRL_POLL_INTERVAL=0.01``, in a temporary
working directory holding the input files the pages expect, and with the placeholder file ids the
pages use (``PROMPT_UUID``, ``REWARD_UUID``) seeded in the server.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.sdk._support import PROMPT_JSONL, TOKEN, seed_file
from tests.server import ReferenceServer

# shared/ sits beside the repository checkout (locally and in CI).
_SHARED = Path(__file__).resolve().parents[3] / "shared"
DOCS = Path(os.environ.get("RUNRL_DOCS_DIR", _SHARED / "reference" / "runrl-docs"))
PAGES = ("python-installation.mdx", "python-authentication.mdx", "python-examples.mdx")
LORA_VERSION = "2025-10-11"

_FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_TIMESTAMP = r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?"


@dataclass(frozen=True)
class Block:
    page: str
    index: int
    heading: str
    code: str

    @property
    def id(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.heading.lower()).strip("-")
        return f"{Path(self.page).stem.removeprefix('python-')}-{self.index}-{slug}"


def read_blocks(page: str) -> list[Block]:
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = []
    for index, match in enumerate(_FENCE.finditer(text)):
        headings = _HEADING.findall(text, 0, match.start())
        blocks.append(Block(page, index, headings[-1] if headings else "", match.group(1)))
    return blocks


def all_blocks() -> list[Block]:
    if not DOCS.is_dir():
        return []
    return [b for page in PAGES if (DOCS / page).is_file() for b in read_blocks(page)]


# ------------------------------------------------------------------------------ expectations


@dataclass
class Run:
    """What running the blocks produced: stdout of each block, the namespace, the server."""

    sdk: ModuleType
    server: ReferenceServer
    ns: dict[str, Any]
    outputs: dict[int, str] = field(default_factory=dict)


def lines(out: str) -> list[str]:
    return out.splitlines()


def _installation_verify(r: Run, out: str) -> None:
    first, *rest = lines(out)
    assert first == r.server.base_url
    # The seeded PROMPT_UUID / REWARD_UUID files, newest first: "<id> <name> <type>".
    assert rest == ["REWARD_UUID reward_fn.py reward_function", "PROMPT_UUID prompts.jsonl prompt"]
    assert r.server.last_request.query == {"page": "1", "per_page": "5"}


def _installation_async(r: Run, out: str) -> None:
    assert out == "['reward_fn.py', 'prompts.jsonl']\n"
    assert r.server.last_request.query == {"page": "1", "per_page": "3"}


def _auth_upload(r: Run, out: str) -> None:
    assert out == ""
    prompt, reward = r.ns["prompt"], r.ns["reward"]
    assert isinstance(prompt, r.sdk.models.File) and isinstance(reward, r.sdk.models.File)
    assert (prompt.name, prompt.type) == ("qa_prompts", "prompt")
    assert (reward.name, reward.type) == ("keyword_reward", "reward_function")
    store = r.server.app.store
    assert store.file_content[prompt.id] == (Path.cwd() / "prompt_examples.jsonl").read_bytes()
    assert store.file_text(reward.id).startswith("def reward_fn(completion, **kwargs):")


def _auth_launch(r: Run, out: str) -> None:
    assert re.fullmatch(r"submitted run (\d+) PENDING\nfinal status COMPLETED\n", out), out
    assert r.ns["run"].status is r.sdk.models.RunStatus.COMPLETED
    body = r.server.requests_to("POST", "/runs")[-1].json
    assert body["completion_length"] == 256 and body["type"] == "reward_function"


def _completed(r: Run, out: str) -> None:
    assert out == "COMPLETED\n"


def _auth_monitor(r: Run, out: str) -> None:
    history = [line.split(" ", 1) for line in lines(out)]
    assert [status for status, _ in history] == ["PENDING", "RUNNING", "COMPLETED"]
    assert all(re.fullmatch(_TIMESTAMP, ts) for _, ts in history), out
    assert isinstance(r.ns["logs"], r.sdk.models.RunLogs)
    assert isinstance(r.ns["metrics"], r.sdk.models.RunMetrics)


def _auth_stream(r: Run, out: str) -> None:
    run_id = r.ns["run"].id
    # each event is the declared model (LogEvent): printed as pydantic prints a model
    printed = lines(out)
    events = r.server.app.store.run_logs[run_id]
    assert len(printed) == len(events), out
    for line, event in zip(printed, events, strict=True):
        assert f"message={event['message']!r}" in line, (line, event)
    assert "message='Training completed'" in printed[-1]


def _auth_cancel(r: Run, out: str) -> None:
    assert out == ""
    assert r.server.requests_to("POST", rf"/runs/{r.ns['run'].id}/cancel")


def _auth_cleanup(r: Run, out: str) -> None:
    assert out == ""
    store = r.server.app.store
    assert r.ns["prompt"].id not in store.files and r.ns["reward"].id not in store.files
    deletes = r.server.requests_to("DELETE", r"/files/.+")
    assert [d.query for d in deletes] == [{"force": "true"}] * 2


def _examples_fruit(r: Run, out: str) -> None:
    assert re.fullmatch(r"Run \d+ finished with COMPLETED\n", out), out
    upload = r.server.requests_to("POST", "/files")[0]
    assert upload.form is not None and upload.form["type"] == "prompt"
    assert upload.form["file"].filename == "fruit_prompts.jsonl"


def _examples_math(r: Run, out: str) -> None:
    _completed(r, out)
    body = r.server.requests_to("POST", "/runs")[-1].json
    assert (body["epochs"], body["learning_rate_multiplier"]) == (2, 1.1)


def _examples_shared(r: Run, out: str) -> None:
    share, copied = lines(out)
    assert re.fullmatch(rf"Share via https://runrl\.com/shared/{_UUID}", share), share
    match = re.fullmatch(rf"Copied prompt id ({_UUID})", copied)
    assert match, copied
    assert r.server.app.store.files[match.group(1)]["type"] == "prompt"


def _examples_lora(r: Run, out: str) -> None:
    assert out == "LoRA training completed: COMPLETED\n"
    body = r.server.requests_to("POST", "/runs")[-1].json
    assert (body["use_lora"], body["lora_rank"], body["lora_alpha"]) == (True, 32, 64)


CHECKS: dict[str, Callable[[Run, str], None]] = {
    "installation-0-3-verify-connectivity": _installation_verify,
    "installation-1-4-optional-async-client": _installation_async,
    "authentication-0-1-upload-artifacts": _auth_upload,
    "authentication-1-2-launch-the-run": _auth_launch,
    "authentication-2-async-variant": _completed,
    "authentication-3-3-monitor-progress": _auth_monitor,
    "authentication-4-3-monitor-progress": _auth_stream,
    "authentication-5-4-cancel-when-needed": _auth_cancel,
    "authentication-6-5-clean-up": _auth_cleanup,
    "examples-0-fruit-preference-rl-beginner": _examples_fruit,
    "examples-1-math-reasoning-intermediate": _examples_math,
    "examples-2-customer-support-tone-advanced": _examples_shared,
    "examples-3-lora-training-efficient-fine-tuning": _examples_lora,
}


def expected_error(block: Block, sdk: ModuleType) -> type[BaseException] | None:
    """An exception the block must raise with this API version (by design, not a defect)."""
    if "use_lora" in block.code and sdk.API_VERSION < LORA_VERSION:
        return TypeError  # LoRA arguments only exist from API 2025-10-11
    return None


# ------------------------------------------------------------------------------ running blocks


def _close_clients(sdk: ModuleType, ns: dict[str, Any]) -> None:
    for value in list(ns.values()):
        if isinstance(value, sdk.RunRLClient):
            value.close()


def _execute(block: Block, ns: dict[str, Any]) -> tuple[str, BaseException | None]:
    out = io.StringIO()
    code = compile(block.code, f"<{block.page} block {block.index}: {block.heading}>", "exec")
    try:
        with contextlib.redirect_stdout(out):
            exec(code, ns)
    except Exception as exc:  # noqa: BLE001 - reported by the test
        return out.getvalue(), exc
    return out.getvalue(), None


@pytest.fixture
def docs_env(
    sdk: ModuleType,
    reference_server: ReferenceServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> ReferenceServer:
    for name in list(os.environ):
        if name.startswith("RUNRL_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("RUNRL_API_KEY", TOKEN)
    monkeypatch.setenv("RUNRL_BASE_URL", reference_server.base_url)
    monkeypatch.setenv("RUNRL_POLL_INTERVAL", "0.01")
    monkeypatch.setenv("RUNRL_MAX_POLL_TIMEOUT", "10")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "prompt_examples.jsonl").write_bytes(PROMPT_JSONL)
    (tmp_path / "math_prompts.jsonl").write_text(
        "".join(
            json.dumps(
                {
                    "prompt": [{"role": "user", "content": f"What is {a} + {b}?"}],
                    "expected_result": str(a + b),
                }
            )
            + "\n"
            for a, b in ((2, 3), (7, 8), (12, 30))
        ),
        encoding="utf-8",
    )
    store = reference_server.app.store
    seed_file(store, name="prompts.jsonl", file_type="prompt", file_id="PROMPT_UUID")
    seed_file(store, name="reward_fn.py", file_type="reward_function", file_id="REWARD_UUID")
    # The examples import `runrl`: it must be the package of the version under test.
    assert sys.modules.get("runrl") is sdk
    return reference_server


BLOCKS = all_blocks()


@pytest.mark.parametrize("block", BLOCKS or [None], ids=[b.id for b in BLOCKS] or ["no-docs"])
def test_documented_example_runs(
    block: Block | None, sdk: ModuleType, docs_env: ReferenceServer
) -> None:
    if block is None:
        pytest.skip(f"no documentation pages under {DOCS}")
    assert block.id in CHECKS, f"no expectation for {block.id}: the page changed, add one"
    page = [b for b in BLOCKS if b.page == block.page]
    run = Run(sdk, docs_env, {"__name__": "__docs_example__"})
    try:
        for earlier in page[: block.index]:
            out, error = _execute(earlier, run.ns)
            expected = expected_error(earlier, sdk)
            if expected is None and error is not None:
                pytest.fail(f"earlier block {earlier.id} failed: {error!r}")
            run.outputs[earlier.index] = out

        docs_env.clear_requests()
        out, error = _execute(block, run.ns)
        expected = expected_error(block, sdk)
        if expected is not None:
            assert isinstance(error, expected), f"expected {expected.__name__}, got {error!r}"
            return
        if error is not None:
            raise AssertionError(f"{block.id} raised {error!r}\nprinted:\n{out}") from error
        failed = [(r.method, r.path, r.response_status) for r in docs_env.requests]
        failed = [f for f in failed if f[2] is None or f[2] >= 400]
        assert not failed, f"requests of {block.id} failed: {failed}"
        for enum_repr in ("RunStatus.", "FileType.", "Visibility.", "DeploymentStatus."):
            assert enum_repr not in out, f"an enum printed as {enum_repr}...: {out!r}"
        CHECKS[block.id](run, out)
    finally:
        _close_clients(sdk, run.ns)


def test_the_documented_pages_have_python_examples() -> None:
    if not DOCS.is_dir():
        pytest.skip(f"no documentation pages under {DOCS}")
    counts = {page: len(read_blocks(page)) for page in PAGES}
    assert all(counts.values()), counts
    assert set(CHECKS) == {b.id for b in BLOCKS}, "expectations and blocks disagree"
