"""The ``validation`` namespace: Built-in validators for prompt files, SFT files and reward code.

Generated from the spec; do not edit. Sync and async classes come from one template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional, Type, Union

from .._base_client import (
    Operation,
    RequestOptions,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._base_client import later as _later
from .._resource import AsyncAPIResource, SyncAPIResource
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .._validation import check_arguments

if TYPE_CHECKING:
    from ..models import (
        ValidationResponse,
    )


def _reward_function_op_returns() -> Type[ValidationResponse]:
    from ..models import ValidationResponse

    return ValidationResponse


_REWARD_FUNCTION_OP_RETURNS = _later(_reward_function_op_returns)
_REWARD_FUNCTION_OP = Operation(
    method="POST",
    path="/validation/reward-function",
    unwrap=("data",),
    operation_id="validateRewardFunction",
    qualified_name="validation.reward_function",
    idempotent=True,
)
_REWARD_FUNCTION_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "code": {"type": "string", "nullable": False},
    "mode": {"type": "string", "nullable": False},
    "prompt_file_id": {"type": "string"},
}


def _prompt_file_op_returns() -> Type[ValidationResponse]:
    from ..models import ValidationResponse

    return ValidationResponse


_PROMPT_FILE_OP_RETURNS = _later(_prompt_file_op_returns)
_PROMPT_FILE_OP = Operation(
    method="POST",
    path="/validation/prompt",
    unwrap=("data",),
    operation_id="validatePromptFile",
    qualified_name="validation.prompt_file",
    idempotent=True,
)
_PROMPT_FILE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "prompt_file_id": {"type": "string", "nullable": False},
}


def _sft_file_op_returns() -> Type[ValidationResponse]:
    from ..models import ValidationResponse

    return ValidationResponse


_SFT_FILE_OP_RETURNS = _later(_sft_file_op_returns)
_SFT_FILE_OP = Operation(
    method="POST",
    path="/validation/sft",
    unwrap=("data",),
    operation_id="validateSftFile",
    qualified_name="validation.sft_file",
    idempotent=True,
)
_SFT_FILE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "sft_file_id": {"type": "string", "nullable": False},
}

# (method, deprecated) in spec order, for options()
_NAMESPACE_METHODS = (
    ("reward_function", False),
    ("prompt_file", False),
    ("sft_file", False),
)


class Validation(SyncAPIResource):
    """Built-in validators for prompt files, SFT files and reward code."""

    _METHODS = _NAMESPACE_METHODS

    def reward_function(
        self,
        code: str,
        *,
        mode: Union[str, NotGiven] = NOT_GIVEN,
        prompt_file_id: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> ValidationResponse:
        """Validate reward code

        Validates reward function code (optionally against a prompt file), accepting the same payload as the UI validation modal, and returns structured feedback. Safe to repeat. Requires the `read` scope.

        ``POST /validation/reward-function`` (scope: read).

        Args:
          code: The Python source defining `reward_fn(completion, **kwargs)`.
          mode: What the code defines (`function` for a reward function). Server default:
            `'function'`.
          prompt_file_id: A prompt file to run the function against.
        """
        check_arguments(
            "validation.reward_function",
            {
                "code": code,
                "mode": mode,
                "prompt_file_id": prompt_file_id,
            },
            _REWARD_FUNCTION_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "functionCode": code,
        }
        if not isinstance(mode, NotGiven):
            _body["mode"] = mode
        if prompt_file_id is not None:
            _body["prompt_file_id"] = prompt_file_id
        return self._client.request(
            _REWARD_FUNCTION_OP,
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
            cast_to=_REWARD_FUNCTION_OP_RETURNS,
        )

    def prompt_file(
        self,
        prompt_file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> ValidationResponse:
        """Validate a prompt file

        Validates a prompt JSONL file (each line parses and holds a `prompt` of message objects) and returns structured feedback with counts. Safe to repeat. Requires the `read` scope.

        ``POST /validation/prompt`` (scope: read).

        Args:
          prompt_file_id: (no description in the spec)
        """
        check_arguments(
            "validation.prompt_file",
            {
                "prompt_file_id": prompt_file_id,
            },
            _PROMPT_FILE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "prompt_file_id": prompt_file_id,
        }
        return self._client.request(
            _PROMPT_FILE_OP,
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
            cast_to=_PROMPT_FILE_OP_RETURNS,
        )

    def sft_file(
        self,
        sft_file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> ValidationResponse:
        """Validate an SFT file

        Validates an SFT dataset and returns structured feedback with counts. Safe to repeat. Requires the `read` scope.

        ``POST /validation/sft`` (scope: read).

        Args:
          sft_file_id: (no description in the spec)
        """
        check_arguments(
            "validation.sft_file",
            {
                "sft_file_id": sft_file_id,
            },
            _SFT_FILE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "sft_file_id": sft_file_id,
        }
        return self._client.request(
            _SFT_FILE_OP,
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
            cast_to=_SFT_FILE_OP_RETURNS,
        )


class AsyncValidation(AsyncAPIResource):
    """Built-in validators for prompt files, SFT files and reward code. (async)"""

    _METHODS = _NAMESPACE_METHODS

    async def reward_function(
        self,
        code: str,
        *,
        mode: Union[str, NotGiven] = NOT_GIVEN,
        prompt_file_id: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> ValidationResponse:
        """Validate reward code

        Validates reward function code (optionally against a prompt file), accepting the same payload as the UI validation modal, and returns structured feedback. Safe to repeat. Requires the `read` scope.

        ``POST /validation/reward-function`` (scope: read).

        Args:
          code: The Python source defining `reward_fn(completion, **kwargs)`.
          mode: What the code defines (`function` for a reward function). Server default:
            `'function'`.
          prompt_file_id: A prompt file to run the function against.
        """
        check_arguments(
            "validation.reward_function",
            {
                "code": code,
                "mode": mode,
                "prompt_file_id": prompt_file_id,
            },
            _REWARD_FUNCTION_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "functionCode": code,
        }
        if not isinstance(mode, NotGiven):
            _body["mode"] = mode
        if prompt_file_id is not None:
            _body["prompt_file_id"] = prompt_file_id
        return await self._client.request(
            _REWARD_FUNCTION_OP,
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
            cast_to=_REWARD_FUNCTION_OP_RETURNS,
        )

    async def prompt_file(
        self,
        prompt_file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> ValidationResponse:
        """Validate a prompt file

        Validates a prompt JSONL file (each line parses and holds a `prompt` of message objects) and returns structured feedback with counts. Safe to repeat. Requires the `read` scope.

        ``POST /validation/prompt`` (scope: read).

        Args:
          prompt_file_id: (no description in the spec)
        """
        check_arguments(
            "validation.prompt_file",
            {
                "prompt_file_id": prompt_file_id,
            },
            _PROMPT_FILE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "prompt_file_id": prompt_file_id,
        }
        return await self._client.request(
            _PROMPT_FILE_OP,
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
            cast_to=_PROMPT_FILE_OP_RETURNS,
        )

    async def sft_file(
        self,
        sft_file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> ValidationResponse:
        """Validate an SFT file

        Validates an SFT dataset and returns structured feedback with counts. Safe to repeat. Requires the `read` scope.

        ``POST /validation/sft`` (scope: read).

        Args:
          sft_file_id: (no description in the spec)
        """
        check_arguments(
            "validation.sft_file",
            {
                "sft_file_id": sft_file_id,
            },
            _SFT_FILE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "sft_file_id": sft_file_id,
        }
        return await self._client.request(
            _SFT_FILE_OP,
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
            cast_to=_SFT_FILE_OP_RETURNS,
        )


class ValidationWithRawResponse:
    """``client.with_raw_response.validation``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: Validation) -> None:
        self._resource = resource
        self.reward_function = to_raw_response_wrapper(resource.reward_function)
        self.prompt_file = to_raw_response_wrapper(resource.prompt_file)
        self.sft_file = to_raw_response_wrapper(resource.sft_file)


class AsyncValidationWithRawResponse:
    """``client.with_raw_response.validation``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: AsyncValidation) -> None:
        self._resource = resource
        self.reward_function = async_to_raw_response_wrapper(resource.reward_function)
        self.prompt_file = async_to_raw_response_wrapper(resource.prompt_file)
        self.sft_file = async_to_raw_response_wrapper(resource.sft_file)
