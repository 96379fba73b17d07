"""Models, open enums, the NOT_GIVEN sentinel, exceptions and configuration."""

import builtins
import copy
import pickle
import warnings
from typing import Optional

import httpx
import pydantic
import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._config import DEFAULT_USER_AGENT, ClientConfig
from runrl_rt._models import BaseModel, OpenEnum
from runrl_rt._types import NOT_GIVEN, NotGiven
from tests.runtime.helpers import API_KEY, File, Run, RunStatus

# ----------------------------------------------------------------------------- models


def test_unknown_fields_are_kept_and_readable() -> None:
    run = Run.model_validate({"id": 1, "status": "RUNNING", "wandb_url": "https://w"})
    assert run.wandb_url == "https://w"
    assert run.model_extra == {"wandb_url": "https://w"}


def test_dict_style_access() -> None:
    file = File.model_validate({"id": "a", "name": "n", "originalFilename": "o.txt", "size": 3})
    assert file["id"] == "a" and file["original_filename"] == "o.txt"
    assert file["originalFilename"] == "o.txt"  # the wire name works too
    assert file["size"] == 3  # an unknown key
    with pytest.raises(KeyError):
        file["nope"]
    assert file.get("nope") is None and file.get("nope", 5) == 5 and file.get("name") == "n"
    assert "name" in file and "originalFilename" in file and "size" in file
    assert "nope" not in file and 3 not in file
    assert file.keys() == ["id", "name", "original_filename", "size"]
    assert file.items() == [("id", "a"), ("name", "n"), ("original_filename", "o.txt"), ("size", 3)]
    assert dict(file) == {"id": "a", "name": "n", "original_filename": "o.txt", "size": 3}
    assert file.to_dict() == {"id": "a", "name": "n", "originalFilename": "o.txt", "size": 3}
    assert File(id="a", name="n", original_filename="x").original_filename == "x"  # by name


def test_fields_named_like_the_dict_helpers_win() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "shadows an attribute" warning

        class Listing(BaseModel):
            items: list[int]  # type: ignore[assignment]
            keys: Optional[list[str]] = None  # type: ignore[assignment]

    with pytest.raises(pydantic.ValidationError):
        Listing.model_validate({})  # `items` is still a required field
    listing = Listing(items=[1, 2])
    assert listing.items == [1, 2] and listing.keys is None
    assert listing["items"] == [1, 2] and listing.get("keys") is None


def test_open_enum() -> None:
    assert Run.model_validate({"id": 1, "status": "COMPLETED"}).status is RunStatus.COMPLETED
    run = Run.model_validate({"id": 1, "status": "PAUSED_FOR_MAINTENANCE"})
    assert isinstance(run.status, RunStatus) and run.status == "PAUSED_FOR_MAINTENANCE"
    assert RunStatus("PAUSED_FOR_MAINTENANCE") is run.status
    assert str(RunStatus.COMPLETED) == "COMPLETED" and f"{RunStatus.COMPLETED}" == "COMPLETED"
    assert f"{run.status:>24}" == "  PAUSED_FOR_MAINTENANCE"
    assert "{}".format(RunStatus.FAILED)  # noqa: UP032 == "FAILED"
    assert run.model_dump(mode="json")["status"] == "PAUSED_FOR_MAINTENANCE"
    assert list(RunStatus) == [
        RunStatus.QUEUED,
        RunStatus.RUNNING,
        RunStatus.COMPLETED,
        RunStatus.FAILED,
        RunStatus.CANCELLED,
    ]
    with pytest.raises(ValueError):
        RunStatus(5)

    class Color(OpenEnum):
        RED = "red"

    assert Color("blue").value == "blue"


# ----------------------------------------------------------------------------- NOT_GIVEN


def test_not_given_sentinel() -> None:
    assert not NOT_GIVEN and bool(NOT_GIVEN) is False
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
    assert NotGiven() is NOT_GIVEN
    assert copy.copy(NOT_GIVEN) is NOT_GIVEN and copy.deepcopy(NOT_GIVEN) is NOT_GIVEN
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN


# ----------------------------------------------------------------------------- exceptions


def test_run_failed_error_compatible_constructor() -> None:
    run = Run(id=1, status=RunStatus.FAILED, error_message="out of memory")
    err = exc.RunFailedError("Run failed", run=run)
    assert err.run is run and err.result is run and err.payload == {"run": run}
    assert err.run.error_message == "out of memory"
    assert isinstance(err, exc.PollingFailedError) and isinstance(err, exc.RunRLException)
    assert exc.RunFailedError("x", run).run is run
    assert str(err) == "Run failed"


def test_polling_timeout_is_also_builtin_timeout() -> None:
    err = exc.TimeoutError("too slow")
    assert isinstance(err, builtins.TimeoutError) and isinstance(err, exc.RunRLException)
    assert not issubclass(exc.PollingCancelledError, builtins.TimeoutError)
    with pytest.raises(TimeoutError):
        raise err


def test_make_status_error_without_envelope_and_nested_error() -> None:
    request = httpx.Request(
        "GET", "https://x/runs/1", headers={"Authorization": f"Bearer {API_KEY}"}
    )
    response = httpx.Response(503, text="upstream down", request=request)
    err = exc.make_status_error(response)
    assert isinstance(err, exc.ServerError)
    assert err.message == "Service Unavailable: upstream down"
    nested = httpx.Response(400, json={"error": {"code": "bad", "message": "no"}}, request=request)
    err = exc.make_status_error(nested)
    assert isinstance(err, exc.BadRequestError) and (err.code, err.message) == ("bad", "no")
    limited = httpx.Response(
        429,
        json={"error": "rate_limit_exceeded"},
        headers={"Retry-After": "7", "X-RateLimit-Reset": "1900000000"},
    )
    err = exc.make_status_error(limited)
    assert isinstance(err, exc.RateLimitError)
    assert err.retry_after == 7.0 and err.reset_at is not None and err.reset_at.year == 2030
    assert err.message == "rate_limit_exceeded" and err.request is None


# ----------------------------------------------------------------------------- configuration


def test_from_env_reads_variables_and_keeps_explicit_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNRL_API_KEY", "rl_from_env_123456")
    monkeypatch.setenv("RUNRL_BASE_URL", "http://localhost:9/api/v1/")
    monkeypatch.setenv("RUNRL_TIMEOUT", "12.5")
    monkeypatch.setenv("RUNRL_POLL_INTERVAL", "0")
    monkeypatch.setenv("RUNRL_MAX_POLL_TIMEOUT", "60")
    monkeypatch.setenv("RUNRL_USER_AGENT", "my-agent/1")
    config = ClientConfig.from_env()
    assert config.api_key == "rl_from_env_123456"
    assert config.base_url == "http://localhost:9/api/v1"
    assert (config.timeout, config.poll_interval, config.max_poll_timeout) == (12.5, 0.0, 60.0)
    assert config.user_agent == "my-agent/1"
    # An explicit 0 overrides the environment instead of falling back (0.2.2 used `or`).
    config = ClientConfig.from_env(timeout=0, poll_interval=0, max_poll_timeout=0, api_key=None)
    assert (config.timeout, config.poll_interval, config.max_poll_timeout) == (0, 0, 0)
    assert config.api_key == "rl_from_env_123456"  # None means "not given"


def test_from_env_defaults_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "API_KEY",
        "BASE_URL",
        "TIMEOUT",
        "POLL_INTERVAL",
        "MAX_POLL_TIMEOUT",
        "USER_AGENT",
    ):
        monkeypatch.delenv(f"RUNRL_{name}", raising=False)
    config = ClientConfig.from_env()
    assert config.api_key is None and config.base_url == "https://runrl.com/api/v1"
    assert (config.timeout, config.poll_interval, config.max_poll_timeout) == (30.0, 5.0, 3600.0)
    assert (config.max_retries, config.retry_enabled, config.retry_backoff_factor) == (2, True, 0.5)
    assert config.user_agent == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("runrl-python/1.20251003.0 (API 2025-10-03; python/3.")
    assert f"; httpx/{httpx.__version__})" in DEFAULT_USER_AGENT
    with pytest.raises(TypeError, match="poll_intervall"):
        ClientConfig.from_env(poll_intervall=1)
    monkeypatch.setenv("RUNRL_TIMEOUT", "soon")
    with pytest.raises(ValueError, match="RUNRL_TIMEOUT"):
        ClientConfig.from_env()
    with pytest.raises(ValueError, match="max_retries"):
        ClientConfig(max_retries=-1)


def test_config_repr_masks_the_key() -> None:
    config = ClientConfig(api_key="rl_abcdefghijklmnop", default_headers={"X-Api-Key": "k123"})
    text = repr(config)
    assert "rl_abcdefghijklmnop" not in text and "api_key='rl_***'" in text
    assert "k123" not in text
    assert "api_key='***'" in repr(ClientConfig(api_key="short"))
    assert "rl_abcdefghijklmnop" not in str(config)
    # 0.2.2 positional order is kept.
    legacy = ClientConfig("k", "http://h", 1.0, 2.0, 3.0, "ua")
    assert (legacy.timeout, legacy.poll_interval, legacy.max_poll_timeout) == (1.0, 2.0, 3.0)
