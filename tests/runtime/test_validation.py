"""check_arguments and the upload helper."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import pytest
from runrl_rt._exceptions import ValidationError
from runrl_rt._types import NOT_GIVEN
from runrl_rt._validation import check_arguments, to_httpx_file
from tests.runtime.helpers import CREATE_RUN, RunStatus, make_client
from tests.runtime.server import TestServer

RUN_CONSTRAINTS: dict[str, dict[str, object]] = {
    "completion_length": {"type": "integer", "minimum": 128, "maximum": 8192},
    "epochs": {"type": "integer", "minimum": 1, "maximum": 100},
    "learning_rate_multiplier": {"type": "number", "exclusiveMinimum": 0},
    "dropout": {"type": "number", "exclusiveMaximum": 1},
    "legacy_bound": {"minimum": 0, "exclusiveMinimum": True},
    "model": {"type": "string", "minLength": 2, "maxLength": 10, "pattern": "^[a-z]"},
    "type": {"enum": ["reward_function", "environment"]},
    "tool_ids": {"type": "array", "minItems": 1, "maxItems": 2},
    "hf_token": {"type": "string", "pattern": "^hf_"},
    "use_lora": {"type": "boolean"},
    "configuration": {"type": "object"},
}


def check(**values: Any) -> None:
    check_arguments("runs.create", values, RUN_CONSTRAINTS)


def message(**values: Any) -> str:
    with pytest.raises(ValidationError) as info:
        check(**values)
    assert info.value.status_code is None and info.value.response is None
    return info.value.message


def test_valid_and_skipped_values() -> None:
    check(
        completion_length=1024,
        epochs=1,
        learning_rate_multiplier=0.5,
        model="qwen",
        type="environment",
        tool_ids=[1],
        use_lora=False,
        configuration={"a": 1},
    )
    check(completion_length=None, epochs=NOT_GIVEN, model=None, unknown_argument=-5)


def test_messages() -> None:
    assert message(completion_length=50) == "runs.create: completion_length must be >= 128 (got 50)"
    assert message(epochs=101) == "runs.create: epochs must be <= 100 (got 101)"
    assert message(learning_rate_multiplier=0) == (
        "runs.create: learning_rate_multiplier must be > 0 (got 0)"
    )
    assert message(dropout=1.0) == "runs.create: dropout must be < 1 (got 1.0)"
    assert message(legacy_bound=0) == "runs.create: legacy_bound must be > 0 (got 0)"
    assert message(model="q") == "runs.create: model must have at least 2 characters (got 'q')"
    assert "model must have at most 10 characters" in message(model="qwen-2.5-72b-instruct")
    assert (
        message(model="Qwen") == "runs.create: model must match the pattern '^[a-z]' (got 'Qwen')"
    )
    assert message(type="sft") == (
        "runs.create: type must be one of 'reward_function', 'environment' (got 'sft')"
    )
    assert message(tool_ids=[]) == "runs.create: tool_ids must have at least 1 items (got [])"
    assert "tool_ids must have at most 2 items" in message(tool_ids=[1, 2, 3])
    assert message(epochs="3") == "runs.create: epochs must be an integer (got '3')"
    assert message(epochs=True) == "runs.create: epochs must be an integer (got True)"
    assert message(use_lora=1) == "runs.create: use_lora must be a boolean (got 1)"
    assert message(configuration=[1]) == "runs.create: configuration must be an object (got [1])"


def test_all_problems_are_reported_and_secrets_not_echoed() -> None:
    with pytest.raises(ValidationError) as info:
        check(completion_length=50, epochs=0, hf_token="secret-value-123")
    text = info.value.message
    assert "completion_length must be >= 128" in text and "epochs must be >= 1" in text
    assert "hf_token must match the pattern '^hf_' (got a str that is not shown)" in text
    assert "secret-value-123" not in str(info.value)
    errors = info.value.details["errors"]
    assert [e["argument"] for e in errors] == ["completion_length", "epochs", "hf_token"]
    assert errors[0]["constraint"] == "minimum"


def test_enum_members_are_checked_by_value() -> None:
    check_arguments(
        "runs.list", {"status": RunStatus.COMPLETED}, {"status": {"enum": ["COMPLETED", "FAILED"]}}
    )
    with pytest.raises(ValidationError, match="got 'QUEUED'"):
        check_arguments(
            "runs.list", {"status": RunStatus.QUEUED}, {"status": {"enum": ["COMPLETED", "FAILED"]}}
        )


def test_none_fails_only_where_the_rule_says_not_nullable() -> None:
    rules: dict[str, dict[str, object]] = {
        "name": {"type": "string", "nullable": False},
        "epochs": {"type": "integer", "minimum": 1, "nullable": False},
        "notes": {"type": "string"},
    }
    check_arguments("runs.create", {"name": "n", "epochs": 2, "notes": None}, rules)
    check_arguments("runs.create", {"name": "n", "epochs": NOT_GIVEN}, rules)  # not sent
    with pytest.raises(ValidationError) as info:
        check_arguments("runs.create", {"name": None, "epochs": None}, rules)
    assert info.value.status_code is None
    assert [p["constraint"] for p in info.value.details["errors"]] == ["nullable", "nullable"]
    assert info.value.message.startswith("runs.create: name must not be None")


def test_nothing_is_sent_when_arguments_are_invalid(server: TestServer) -> None:
    # What a generated method does: check first, then send.
    with make_client(server.url) as client:
        with pytest.raises(ValidationError):
            check(completion_length=50)
            client.request(  # pragma: no cover - never reached
                CREATE_RUN,
                json={},
                cast_to=object,
            )
    assert server.seen() == []


def test_to_httpx_file(tmp_path: Path) -> None:
    path = tmp_path / "reward.py"
    path.write_bytes(b"def reward(): ...\n")
    with contextlib.ExitStack() as stack:
        name, content, ctype = to_httpx_file(path, stack)
        assert (name, ctype) == ("reward.py", "text/x-python")
        assert not isinstance(content, bytes) and not content.closed  # streamed, not read
        assert to_httpx_file(str(path), stack)[0] == "reward.py"
    assert content.closed  # type: ignore[union-attr]
    with contextlib.ExitStack() as stack:
        assert to_httpx_file(b"abc", stack) == ("upload", b"abc", "application/octet-stream")
        assert to_httpx_file(b"abc", stack, filename="a.jsonl", content_type="application/x")[
            0:3:2
        ] == ("a.jsonl", "application/x")
        buffer = io.BytesIO(b"x")
        buffer.name = "/some/dir/data.jsonl"  # type: ignore[misc]
        name, content, _ = to_httpx_file(buffer, stack)
        assert name == "data.jsonl" and content is buffer
