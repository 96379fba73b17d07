"""The ``runs`` namespace: Runs encapsulate RL training jobs: create, inspect, follow logs and metrics, cancel.

Generated from the spec; do not edit. Sync and async classes come from one template.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Dict, List, Literal, Optional, TextIO, Type, Union

from .._base_client import (
    Operation,
    RequestOptions,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._base_client import later as _later
from .._deadline import scope as _deadline_scope
from .._exceptions import APITimeoutError as _APITimeoutError
from .._exceptions import RunFailedError
from .._pagespec import PaginationSpec
from .._polling import (
    AsyncRunRLPollingFuture,
    PollingPolicy,
    RunRLPollingFuture,
    follow_deadline,
    follow_timeout,
)
from .._resource import AsyncAPIResource, SyncAPIResource
from .._types import NOT_GIVEN, Body, Headers, NoneType, NotGiven, Query, Timeout
from .._validation import check_arguments

if TYPE_CHECKING:
    from .._pagination import PagedResponse
    from .._streaming import AsyncEventStream, EventStream
    from ..models import (
        LogEvent,
        Run,
        RunCompletions,
        RunHistoryEntry,
        RunLogs,
        RunMetrics,
        RunStatus,
        RunType,
    )


def _follow_line(data: str, line: Optional[str]) -> str:
    """One printed line of a followed stream: ``line`` filled from the event's JSON object."""
    if line is None:
        return data
    try:
        fields = json.loads(data)
        return line.format_map(fields) if isinstance(fields, dict) else data
    except (ValueError, LookupError, TypeError):
        return data


def _status_value(obj: object, field: str) -> str:
    value = getattr(obj, field, None)
    return str(value.value if isinstance(value, Enum) else value)


def _list_op_returns() -> Type[Run]:
    from ..models import Run

    return Run


_LIST_OP_RETURNS = _later(_list_op_returns)
_LIST_OP = Operation(
    method="GET",
    path="/runs",
    unwrap=("data",),
    operation_id="listRuns",
    qualified_name="runs.list",
)
_LIST_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "status": {
        "enum": ["PENDING", "QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"],
        "type": "string",
    },
    "page": {"minimum": 1, "type": "integer"},
    "per_page": {"minimum": 1, "maximum": 100, "type": "integer"},
}
_LIST_OP_PAGINATION = PaginationSpec(
    style="page",
    items="items",
    meta="pagination",
    page_param="page",
    size_param="per_page",
)
_CREATE_OP = Operation(
    method="POST",
    path="/runs",
    unwrap=("data",),
    operation_id="createRun",
    qualified_name="runs.create",
)
_CREATE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "model": {"type": "string", "nullable": False},
    "prompt_file_id": {"type": "string", "nullable": False},
    "reward_file_id": {"type": "string", "nullable": False},
    "type": {"enum": ["reward_function", "environment"], "type": "string"},
    "completion_length": {"minimum": 128, "maximum": 8192, "type": "integer", "nullable": False},
    "epochs": {"minimum": 1, "maximum": 100, "type": "integer", "nullable": False},
    "learning_rate_multiplier": {"exclusiveMinimum": 0, "type": "number", "nullable": False},
    "sft_file_id": {"type": "string"},
    "tool_ids": {"type": "array", "items": {"type": "integer"}},
    "package_requirements": {"type": "array", "items": {"type": "string"}},
    "hf_token": {"type": "string"},
    "use_lora": {"type": "boolean", "nullable": False},
    "lora_rank": {"minimum": 0, "type": "integer", "nullable": False},
    "lora_alpha": {"minimum": 1, "type": "integer", "nullable": False},
    "lora_dropout": {"minimum": 0, "maximum": 1, "type": "number", "nullable": False},
}
_CREATE_OP_POLLING = PollingPolicy(
    status_field="status",
    terminal=frozenset(["COMPLETED", "FAILED", "CANCELLED"]),
    success=frozenset(["COMPLETED"]),
    progress_field="progress",
    failure_error=RunFailedError,
    name="run",
    id_field="id",
    error_field=None,
)


def _get_op_returns() -> Type[Run]:
    from ..models import Run

    return Run


_GET_OP_RETURNS = _later(_get_op_returns)
_GET_OP = Operation(
    method="GET",
    path="/runs/{id}",
    unwrap=("data",),
    operation_id="getRun",
    qualified_name="runs.get",
)
_GET_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "run_id": {"type": "integer"},
}


def _history_op_returns() -> Type[List[RunHistoryEntry]]:
    from ..models import RunHistoryEntry

    return List[RunHistoryEntry]


_HISTORY_OP_RETURNS = _later(_history_op_returns)
_HISTORY_OP = Operation(
    method="GET",
    path="/runs/{id}/history",
    unwrap=("data", "history"),
    operation_id="getRunHistory",
    qualified_name="runs.history",
)
_HISTORY_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "run_id": {"type": "integer"},
}


def _logs_op_returns() -> Type[RunLogs]:
    from ..models import RunLogs

    return RunLogs


_LOGS_OP_RETURNS = _later(_logs_op_returns)
_LOGS_OP = Operation(
    method="GET",
    path="/runs/{id}/logs",
    unwrap=("data",),
    operation_id="getRunLogs",
    qualified_name="runs.logs",
)
_LOGS_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "run_id": {"type": "integer"},
    "last_line": {"minimum": 0, "type": "integer"},
    "limit": {"minimum": 1, "maximum": 1000, "type": "integer"},
}
_STREAM_LOGS_OP = Operation(
    method="GET",
    path="/runs/{id}/logs/stream",
    unwrap=(),
    operation_id="streamRunLogs",
    qualified_name="runs.stream_logs",
    stream=True,
)
_STREAM_LOGS_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "run_id": {"type": "integer"},
}
_STREAM_LOGS_OP_FOLLOW_TERMINAL = frozenset(["COMPLETED", "FAILED", "CANCELLED"])


def _metrics_op_returns() -> Type[RunMetrics]:
    from ..models import RunMetrics

    return RunMetrics


_METRICS_OP_RETURNS = _later(_metrics_op_returns)
_METRICS_OP = Operation(
    method="GET",
    path="/runs/{id}/metrics",
    unwrap=("data",),
    operation_id="getRunMetrics",
    qualified_name="runs.metrics",
)
_METRICS_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "run_id": {"type": "integer"},
}


def _completions_op_returns() -> Type[RunCompletions]:
    from ..models import RunCompletions

    return RunCompletions


_COMPLETIONS_OP_RETURNS = _later(_completions_op_returns)
_COMPLETIONS_OP = Operation(
    method="GET",
    path="/runs/{id}/completions",
    unwrap=("data",),
    operation_id="getRunCompletions",
    qualified_name="runs.completions",
)
_COMPLETIONS_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "run_id": {"type": "integer"},
}
_CANCEL_OP = Operation(
    method="POST",
    path="/runs/{id}/cancel",
    unwrap=("data",),
    operation_id="cancelRun",
    qualified_name="runs.cancel",
)
_CANCEL_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "run_id": {"type": "integer"},
}

# (method, deprecated) in spec order, for options()
_NAMESPACE_METHODS = (
    ("list", False),
    ("create", False),
    ("get", False),
    ("history", False),
    ("logs", False),
    ("stream_logs", False),
    ("follow", False),
    ("metrics", False),
    ("completions", False),
    ("cancel", False),
)


class Runs(SyncAPIResource):
    """Runs encapsulate RL training jobs: create, inspect, follow logs and metrics, cancel."""

    _METHODS = _NAMESPACE_METHODS

    def list(
        self,
        *,
        status: Optional[
            Union[
                RunStatus,
                Literal["PENDING", "QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"],
            ]
        ] = None,
        created_after: Optional[Union[datetime, str]] = None,
        page: int = 1,
        per_page: int = 20,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[Run]:
        """List runs

        Lists your runs, newest first, filtered by `status` and `created_after`. Requires the `read` scope.

        ``GET /runs`` (scope: read).

        Args:
          status: Only runs in this status.
          created_after: Only runs created after this instant.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
        """
        check_arguments(
            "runs.list",
            {
                "status": status,
                "page": page,
                "per_page": per_page,
            },
            _LIST_OP_CONSTRAINTS,
        )
        return self._client.request_page(
            _LIST_OP,
            query={
                "status": status,
                "created_after": created_after,
                "page": page,
                "per_page": per_page,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            item_type=_LIST_OP_RETURNS,
            pagination=_LIST_OP_PAGINATION,
        )

    def create(
        self,
        *,
        model: str,
        prompt_file_id: str,
        reward_file_id: str,
        type: Optional[Union[RunType, Literal["reward_function", "environment"]]] = None,
        completion_length: Union[int, NotGiven] = NOT_GIVEN,
        epochs: Union[int, NotGiven] = NOT_GIVEN,
        learning_rate_multiplier: Union[float, NotGiven] = NOT_GIVEN,
        sft_file_id: Optional[str] = None,
        tool_ids: Optional[List[int]] = None,
        package_requirements: Optional[List[str]] = None,
        hf_token: Optional[str] = None,
        use_lora: Union[bool, NotGiven] = NOT_GIVEN,
        lora_rank: Union[int, NotGiven] = NOT_GIVEN,
        lora_alpha: Union[int, NotGiven] = NOT_GIVEN,
        lora_dropout: Union[float, NotGiven] = NOT_GIVEN,
        poll_interval: Optional[float] = None,
        max_timeout: Optional[float] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> RunRLPollingFuture[Run]:
        """Create a run

        Launches a training run. Parameters mirror the run creation modal, including SFT datasets, package requirements, Hugging Face tokens and tool attachments. The SDK returns a polling future that follows the run until `COMPLETED`, `FAILED` or `CANCELLED`. Requires the `write` scope.

        ``POST /runs`` (scope: write).

        Args:
          model: The base model to train, e.g. `Qwen/Qwen2.5-7B-Instruct`.
          prompt_file_id: Id of the prompt file (`File.id`).
          reward_file_id: Id of the reward function or environment file (`File.id`).
          type: How completions are scored: a reward function, or a (multi-turn) environment.
          completion_length: Maximum completion length in tokens. Server default: `1024`.
          epochs: Passes over the prompt dataset (1-100). Server default: `1`.
          learning_rate_multiplier: Multiplier on the model's base learning rate (greater than 0). Server default:
            `1.0`.
          sft_file_id: Id of an SFT dataset to warm up on before RL.
          tool_ids: Ids of MCP tools to attach.
          package_requirements: Extra pip requirements, e.g. `wandb==0.17.4`.
          hf_token: A Hugging Face token (for gated models or pushing checkpoints).
          use_lora: Enable parameter-efficient fine-tuning with LoRA (Low-Rank Adaptation). Server
            default: `False`.
          lora_rank: LoRA rank; controls adaptation capacity (0 = disabled). Server default: `16`.
          lora_alpha: LoRA scaling factor, typically 2× the rank. Server default: `16`.
          lora_dropout: LoRA dropout rate, for regularization. Server default: `0.0`.
          poll_interval: Seconds between status polls (default: the client's ``poll_interval``).
          max_timeout: Longest wait of ``result()`` in seconds (default: ``max_poll_timeout``).
        """
        from ..models import Run

        check_arguments(
            "runs.create",
            {
                "model": model,
                "prompt_file_id": prompt_file_id,
                "reward_file_id": reward_file_id,
                "type": type,
                "completion_length": completion_length,
                "epochs": epochs,
                "learning_rate_multiplier": learning_rate_multiplier,
                "sft_file_id": sft_file_id,
                "tool_ids": tool_ids,
                "package_requirements": package_requirements,
                "hf_token": hf_token,
                "use_lora": use_lora,
                "lora_rank": lora_rank,
                "lora_alpha": lora_alpha,
                "lora_dropout": lora_dropout,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "model": model,
            "prompt_file_id": prompt_file_id,
            "reward_file_id": reward_file_id,
        }
        if type is not None:
            _body["type"] = type
        if not isinstance(completion_length, NotGiven):
            _body["completion_length"] = completion_length
        if not isinstance(epochs, NotGiven):
            _body["epochs"] = epochs
        if not isinstance(learning_rate_multiplier, NotGiven):
            _body["learning_rate_multiplier"] = learning_rate_multiplier
        if sft_file_id is not None:
            _body["sft_file_id"] = sft_file_id
        if tool_ids is not None:
            _body["tool_ids"] = tool_ids
        if package_requirements is not None:
            _body["package_requirements"] = package_requirements
        if hf_token is not None:
            _body["hf_token"] = hf_token
        if not isinstance(use_lora, NotGiven):
            _body["use_lora"] = use_lora
        if not isinstance(lora_rank, NotGiven):
            _body["lora_rank"] = lora_rank
        if not isinstance(lora_alpha, NotGiven):
            _body["lora_alpha"] = lora_alpha
        if not isinstance(lora_dropout, NotGiven):
            _body["lora_dropout"] = lora_dropout
        _initial = self._client.request(
            _CREATE_OP,
            json=_body,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=Run,
        )
        return RunRLPollingFuture(
            _initial,
            poll=functools.partial(self.get, _initial.id),
            cancel=functools.partial(self.cancel, _initial.id),
            policy=_CREATE_OP_POLLING,
            poll_interval=(
                self._client.config.poll_interval if poll_interval is None else poll_interval
            ),
            max_timeout=(
                self._client.config.max_poll_timeout if max_timeout is None else max_timeout
            ),
        )

    def get(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> Run:
        """Retrieve a run

        Returns the detailed run state (including tools, files and `hf_name`). Requires the `read` scope.

        ``GET /runs/{id}`` (scope: read).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.get",
            {
                "run_id": run_id,
            },
            _GET_OP_CONSTRAINTS,
        )
        return self._client.request(
            _GET_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_GET_OP_RETURNS,
        )

    def history(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> List[RunHistoryEntry]:
        """Get a run's status timeline

        Returns the run's status history; the SDK returns the list of entries. Requires the `read` scope.

        ``GET /runs/{id}/history`` (scope: read).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.history",
            {
                "run_id": run_id,
            },
            _HISTORY_OP_CONSTRAINTS,
        )
        return self._client.request(
            _HISTORY_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_HISTORY_OP_RETURNS,
        )

    def logs(
        self,
        run_id: int,
        *,
        last_line: int = 0,
        limit: int = 100,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> RunLogs:
        """Get a batch of run logs

        Returns paginated logs with redaction support: up to `limit` lines after `last_line`. Requires the `read` scope.

        ``GET /runs/{id}/logs`` (scope: read).

        Args:
          run_id: The run's id.
          last_line: Return lines after this line number (0 = from the start).
          limit: Maximum number of lines to return.
        """
        check_arguments(
            "runs.logs",
            {
                "run_id": run_id,
                "last_line": last_line,
                "limit": limit,
            },
            _LOGS_OP_CONSTRAINTS,
        )
        return self._client.request(
            _LOGS_OP,
            path_params={"id": run_id},
            query={
                "last_line": last_line,
                "limit": limit,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_LOGS_OP_RETURNS,
        )

    def stream_logs(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> EventStream[LogEvent]:
        """Stream run logs (Server-Sent Events)

        A Server-Sent Events stream of the run's log lines in real time. The `data` of each event is a JSON `LogEvent`; events carry an `id` that a reconnecting client sends back as `Last-Event-ID` to resume after the last event it saw. Requires the `read` scope.

        ``GET /runs/{id}/logs/stream`` (scope: read).

        Args:
          run_id: The run's id.
        """
        from ..models import LogEvent

        check_arguments(
            "runs.stream_logs",
            {
                "run_id": run_id,
            },
            _STREAM_LOGS_OP_CONSTRAINTS,
        )
        return self._client.request_stream(
            _STREAM_LOGS_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            event_type=LogEvent,
        )

    def follow(
        self,
        run_id: int,
        *,
        file: Optional[TextIO] = None,
        poll_interval: Optional[float] = None,
        timeout: Optional[float] = None,
    ) -> Run:
        """Print the events of ``stream_logs`` as they arrive until the status is terminal, then return the final object.

        Each event is printed on its own line as ``{timestamp}  {message}`` (filled from the event's JSON data; the raw data when it does not fit). When the stream ends, ``get`` fetches the object; while its ``status`` is not one of COMPLETED, FAILED, CANCELLED, the stream is reopened after the last event seen (``Last-Event-ID``).

        Args:
          run_id: The run's id.
          file: Where to print (default: standard output).
          poll_interval: Seconds to wait before reopening a stream that ended early (default: the client's ``poll_interval``).
          timeout: Seconds to follow at most (default ``None``: until the status is terminal, however long). The stream, its reconnections and the status requests all end by then.

        Raises:
          TimeoutError: The status was not terminal within ``timeout`` seconds (``runrl.TimeoutError``, also a builtin ``TimeoutError``); what was printed stays printed.
        """
        deadline = follow_deadline(timeout)
        out = sys.stdout if file is None else file
        pause = self._client.config.poll_interval if poll_interval is None else poll_interval
        last_event_id: Optional[str] = None
        status: Optional[str] = None
        while True:
            headers = {"Last-Event-ID": last_event_id} if last_event_id else None
            try:
                # Every request below, the stream's reads included, ends by the deadline.
                with _deadline_scope(deadline):
                    for event in self.stream_logs(run_id, extra_headers=headers).events():
                        if event.id:
                            last_event_id = event.id
                        out.write(_follow_line(event.data, "{timestamp}  {message}") + "\n")
                        out.flush()
                    current = self.get(run_id)
            except _APITimeoutError as exc:
                if deadline is None or time.monotonic() < deadline:
                    raise
                raise follow_timeout("runs.follow", timeout, "status", status) from exc
            status = _status_value(current, "status")
            if status in _STREAM_LOGS_OP_FOLLOW_TERMINAL:
                return current
            if deadline is not None and time.monotonic() + pause >= deadline:
                raise follow_timeout("runs.follow", timeout, "status", status)
            time.sleep(pause)

    def metrics(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> RunMetrics:
        """Get a run's metrics

        A Weights & Biases metrics proxy: a snapshot of the run's metrics. Requires the `read` scope.

        ``GET /runs/{id}/metrics`` (scope: read).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.metrics",
            {
                "run_id": run_id,
            },
            _METRICS_OP_CONSTRAINTS,
        )
        return self._client.request(
            _METRICS_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_METRICS_OP_RETURNS,
        )

    def completions(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> RunCompletions:
        """Get a run's completions

        Returns the completions captured in Weights & Biases. Requires the `read` scope.

        ``GET /runs/{id}/completions`` (scope: read).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.completions",
            {
                "run_id": run_id,
            },
            _COMPLETIONS_OP_CONSTRAINTS,
        )
        return self._client.request(
            _COMPLETIONS_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_COMPLETIONS_OP_RETURNS,
        )

    def cancel(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> None:
        """Cancel a run

        Requests cancellation of an in-progress run; it ends in `CANCELLED`. A polling future's `cancel()` calls this. Requires the `write` scope.

        ``POST /runs/{id}/cancel`` (scope: write).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.cancel",
            {
                "run_id": run_id,
            },
            _CANCEL_OP_CONSTRAINTS,
        )
        return self._client.request(
            _CANCEL_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=NoneType,
        )


class AsyncRuns(AsyncAPIResource):
    """Runs encapsulate RL training jobs: create, inspect, follow logs and metrics, cancel. (async)"""

    _METHODS = _NAMESPACE_METHODS

    async def list(
        self,
        *,
        status: Optional[
            Union[
                RunStatus,
                Literal["PENDING", "QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"],
            ]
        ] = None,
        created_after: Optional[Union[datetime, str]] = None,
        page: int = 1,
        per_page: int = 20,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[Run]:
        """List runs

        Lists your runs, newest first, filtered by `status` and `created_after`. Requires the `read` scope.

        ``GET /runs`` (scope: read).

        Args:
          status: Only runs in this status.
          created_after: Only runs created after this instant.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
        """
        check_arguments(
            "runs.list",
            {
                "status": status,
                "page": page,
                "per_page": per_page,
            },
            _LIST_OP_CONSTRAINTS,
        )
        return await self._client.request_page(
            _LIST_OP,
            query={
                "status": status,
                "created_after": created_after,
                "page": page,
                "per_page": per_page,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            item_type=_LIST_OP_RETURNS,
            pagination=_LIST_OP_PAGINATION,
        )

    async def create(
        self,
        *,
        model: str,
        prompt_file_id: str,
        reward_file_id: str,
        type: Optional[Union[RunType, Literal["reward_function", "environment"]]] = None,
        completion_length: Union[int, NotGiven] = NOT_GIVEN,
        epochs: Union[int, NotGiven] = NOT_GIVEN,
        learning_rate_multiplier: Union[float, NotGiven] = NOT_GIVEN,
        sft_file_id: Optional[str] = None,
        tool_ids: Optional[List[int]] = None,
        package_requirements: Optional[List[str]] = None,
        hf_token: Optional[str] = None,
        use_lora: Union[bool, NotGiven] = NOT_GIVEN,
        lora_rank: Union[int, NotGiven] = NOT_GIVEN,
        lora_alpha: Union[int, NotGiven] = NOT_GIVEN,
        lora_dropout: Union[float, NotGiven] = NOT_GIVEN,
        poll_interval: Optional[float] = None,
        max_timeout: Optional[float] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> AsyncRunRLPollingFuture[Run]:
        """Create a run

        Launches a training run. Parameters mirror the run creation modal, including SFT datasets, package requirements, Hugging Face tokens and tool attachments. The SDK returns a polling future that follows the run until `COMPLETED`, `FAILED` or `CANCELLED`. Requires the `write` scope.

        ``POST /runs`` (scope: write).

        Args:
          model: The base model to train, e.g. `Qwen/Qwen2.5-7B-Instruct`.
          prompt_file_id: Id of the prompt file (`File.id`).
          reward_file_id: Id of the reward function or environment file (`File.id`).
          type: How completions are scored: a reward function, or a (multi-turn) environment.
          completion_length: Maximum completion length in tokens. Server default: `1024`.
          epochs: Passes over the prompt dataset (1-100). Server default: `1`.
          learning_rate_multiplier: Multiplier on the model's base learning rate (greater than 0). Server default:
            `1.0`.
          sft_file_id: Id of an SFT dataset to warm up on before RL.
          tool_ids: Ids of MCP tools to attach.
          package_requirements: Extra pip requirements, e.g. `wandb==0.17.4`.
          hf_token: A Hugging Face token (for gated models or pushing checkpoints).
          use_lora: Enable parameter-efficient fine-tuning with LoRA (Low-Rank Adaptation). Server
            default: `False`.
          lora_rank: LoRA rank; controls adaptation capacity (0 = disabled). Server default: `16`.
          lora_alpha: LoRA scaling factor, typically 2× the rank. Server default: `16`.
          lora_dropout: LoRA dropout rate, for regularization. Server default: `0.0`.
          poll_interval: Seconds between status polls (default: the client's ``poll_interval``).
          max_timeout: Longest wait of ``result()`` in seconds (default: ``max_poll_timeout``).
        """
        from ..models import Run

        check_arguments(
            "runs.create",
            {
                "model": model,
                "prompt_file_id": prompt_file_id,
                "reward_file_id": reward_file_id,
                "type": type,
                "completion_length": completion_length,
                "epochs": epochs,
                "learning_rate_multiplier": learning_rate_multiplier,
                "sft_file_id": sft_file_id,
                "tool_ids": tool_ids,
                "package_requirements": package_requirements,
                "hf_token": hf_token,
                "use_lora": use_lora,
                "lora_rank": lora_rank,
                "lora_alpha": lora_alpha,
                "lora_dropout": lora_dropout,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "model": model,
            "prompt_file_id": prompt_file_id,
            "reward_file_id": reward_file_id,
        }
        if type is not None:
            _body["type"] = type
        if not isinstance(completion_length, NotGiven):
            _body["completion_length"] = completion_length
        if not isinstance(epochs, NotGiven):
            _body["epochs"] = epochs
        if not isinstance(learning_rate_multiplier, NotGiven):
            _body["learning_rate_multiplier"] = learning_rate_multiplier
        if sft_file_id is not None:
            _body["sft_file_id"] = sft_file_id
        if tool_ids is not None:
            _body["tool_ids"] = tool_ids
        if package_requirements is not None:
            _body["package_requirements"] = package_requirements
        if hf_token is not None:
            _body["hf_token"] = hf_token
        if not isinstance(use_lora, NotGiven):
            _body["use_lora"] = use_lora
        if not isinstance(lora_rank, NotGiven):
            _body["lora_rank"] = lora_rank
        if not isinstance(lora_alpha, NotGiven):
            _body["lora_alpha"] = lora_alpha
        if not isinstance(lora_dropout, NotGiven):
            _body["lora_dropout"] = lora_dropout
        _initial = await self._client.request(
            _CREATE_OP,
            json=_body,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=Run,
        )
        return AsyncRunRLPollingFuture(
            _initial,
            poll=functools.partial(self.get, _initial.id),
            cancel=functools.partial(self.cancel, _initial.id),
            policy=_CREATE_OP_POLLING,
            poll_interval=(
                self._client.config.poll_interval if poll_interval is None else poll_interval
            ),
            max_timeout=(
                self._client.config.max_poll_timeout if max_timeout is None else max_timeout
            ),
        )

    async def get(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> Run:
        """Retrieve a run

        Returns the detailed run state (including tools, files and `hf_name`). Requires the `read` scope.

        ``GET /runs/{id}`` (scope: read).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.get",
            {
                "run_id": run_id,
            },
            _GET_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _GET_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_GET_OP_RETURNS,
        )

    async def history(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> List[RunHistoryEntry]:
        """Get a run's status timeline

        Returns the run's status history; the SDK returns the list of entries. Requires the `read` scope.

        ``GET /runs/{id}/history`` (scope: read).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.history",
            {
                "run_id": run_id,
            },
            _HISTORY_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _HISTORY_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_HISTORY_OP_RETURNS,
        )

    async def logs(
        self,
        run_id: int,
        *,
        last_line: int = 0,
        limit: int = 100,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> RunLogs:
        """Get a batch of run logs

        Returns paginated logs with redaction support: up to `limit` lines after `last_line`. Requires the `read` scope.

        ``GET /runs/{id}/logs`` (scope: read).

        Args:
          run_id: The run's id.
          last_line: Return lines after this line number (0 = from the start).
          limit: Maximum number of lines to return.
        """
        check_arguments(
            "runs.logs",
            {
                "run_id": run_id,
                "last_line": last_line,
                "limit": limit,
            },
            _LOGS_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _LOGS_OP,
            path_params={"id": run_id},
            query={
                "last_line": last_line,
                "limit": limit,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_LOGS_OP_RETURNS,
        )

    def stream_logs(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> AsyncEventStream[LogEvent]:
        """Stream run logs (Server-Sent Events)

        A Server-Sent Events stream of the run's log lines in real time. The `data` of each event is a JSON `LogEvent`; events carry an `id` that a reconnecting client sends back as `Last-Event-ID` to resume after the last event it saw. Requires the `read` scope.

        ``GET /runs/{id}/logs/stream`` (scope: read).

        Args:
          run_id: The run's id.
        """
        from ..models import LogEvent

        check_arguments(
            "runs.stream_logs",
            {
                "run_id": run_id,
            },
            _STREAM_LOGS_OP_CONSTRAINTS,
        )
        return self._client.request_stream(
            _STREAM_LOGS_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            event_type=LogEvent,
        )

    async def follow(
        self,
        run_id: int,
        *,
        file: Optional[TextIO] = None,
        poll_interval: Optional[float] = None,
        timeout: Optional[float] = None,
    ) -> Run:
        """Print the events of ``stream_logs`` as they arrive until the status is terminal, then return the final object.

        Each event is printed on its own line as ``{timestamp}  {message}`` (filled from the event's JSON data; the raw data when it does not fit). When the stream ends, ``get`` fetches the object; while its ``status`` is not one of COMPLETED, FAILED, CANCELLED, the stream is reopened after the last event seen (``Last-Event-ID``).

        Args:
          run_id: The run's id.
          file: Where to print (default: standard output).
          poll_interval: Seconds to wait before reopening a stream that ended early (default: the client's ``poll_interval``).
          timeout: Seconds to follow at most (default ``None``: until the status is terminal, however long). The stream, its reconnections and the status requests all end by then.

        Raises:
          TimeoutError: The status was not terminal within ``timeout`` seconds (``runrl.TimeoutError``, also a builtin ``TimeoutError``); what was printed stays printed.
        """
        import asyncio  # here: importing the module does not load it (a CLI's first command)

        deadline = follow_deadline(timeout)
        out = sys.stdout if file is None else file
        pause = self._client.config.poll_interval if poll_interval is None else poll_interval
        last_event_id: Optional[str] = None
        status: Optional[str] = None
        while True:
            headers = {"Last-Event-ID": last_event_id} if last_event_id else None
            try:
                # Every request below, the stream's reads included, ends by the deadline.
                with _deadline_scope(deadline):
                    async for event in self.stream_logs(run_id, extra_headers=headers).events():
                        if event.id:
                            last_event_id = event.id
                        out.write(_follow_line(event.data, "{timestamp}  {message}") + "\n")
                        out.flush()
                    current = await self.get(run_id)
            except _APITimeoutError as exc:
                if deadline is None or time.monotonic() < deadline:
                    raise
                raise follow_timeout("runs.follow", timeout, "status", status) from exc
            status = _status_value(current, "status")
            if status in _STREAM_LOGS_OP_FOLLOW_TERMINAL:
                return current
            if deadline is not None and time.monotonic() + pause >= deadline:
                raise follow_timeout("runs.follow", timeout, "status", status)
            await asyncio.sleep(pause)

    async def metrics(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> RunMetrics:
        """Get a run's metrics

        A Weights & Biases metrics proxy: a snapshot of the run's metrics. Requires the `read` scope.

        ``GET /runs/{id}/metrics`` (scope: read).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.metrics",
            {
                "run_id": run_id,
            },
            _METRICS_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _METRICS_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_METRICS_OP_RETURNS,
        )

    async def completions(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> RunCompletions:
        """Get a run's completions

        Returns the completions captured in Weights & Biases. Requires the `read` scope.

        ``GET /runs/{id}/completions`` (scope: read).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.completions",
            {
                "run_id": run_id,
            },
            _COMPLETIONS_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _COMPLETIONS_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_COMPLETIONS_OP_RETURNS,
        )

    async def cancel(
        self,
        run_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> None:
        """Cancel a run

        Requests cancellation of an in-progress run; it ends in `CANCELLED`. A polling future's `cancel()` calls this. Requires the `write` scope.

        ``POST /runs/{id}/cancel`` (scope: write).

        Args:
          run_id: The run's id.
        """
        check_arguments(
            "runs.cancel",
            {
                "run_id": run_id,
            },
            _CANCEL_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _CANCEL_OP,
            path_params={"id": run_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=NoneType,
        )


class RunsWithRawResponse:
    """``client.with_raw_response.runs``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: Runs) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.get = to_raw_response_wrapper(resource.get)
        self.history = to_raw_response_wrapper(resource.history)
        self.logs = to_raw_response_wrapper(resource.logs)
        self.metrics = to_raw_response_wrapper(resource.metrics)
        self.completions = to_raw_response_wrapper(resource.completions)
        self.cancel = to_raw_response_wrapper(resource.cancel)


class AsyncRunsWithRawResponse:
    """``client.with_raw_response.runs``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: AsyncRuns) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.history = async_to_raw_response_wrapper(resource.history)
        self.logs = async_to_raw_response_wrapper(resource.logs)
        self.metrics = async_to_raw_response_wrapper(resource.metrics)
        self.completions = async_to_raw_response_wrapper(resource.completions)
        self.cancel = async_to_raw_response_wrapper(resource.cancel)
