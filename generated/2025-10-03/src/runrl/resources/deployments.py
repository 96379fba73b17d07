"""The ``deployments`` namespace: Deploy trained checkpoints to managed infrastructure. All deployment endpoints require the `write` scope.

Generated from the spec; do not edit. Sync and async classes come from one template.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Dict, Literal, Optional, Type, Union

from .._base_client import (
    Operation,
    RequestOptions,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._base_client import later as _later
from .._exceptions import RunFailedError
from .._pagespec import PaginationSpec
from .._polling import (
    AsyncRunRLPollingFuture,
    PollingPolicy,
    RunRLPollingFuture,
)
from .._resource import AsyncAPIResource, SyncAPIResource
from .._types import NOT_GIVEN, Body, Headers, NoneType, NotGiven, Query, Timeout
from .._validation import check_arguments

if TYPE_CHECKING:
    from .._pagination import PagedResponse
    from ..models import (
        Deployment,
        DeploymentCheck,
        DeploymentStatus,
    )


def _list_op_returns() -> Type[Deployment]:
    from ..models import Deployment

    return Deployment


_LIST_OP_RETURNS = _later(_list_op_returns)
_LIST_OP = Operation(
    method="GET",
    path="/deployments",
    unwrap=("data",),
    operation_id="listDeployments",
    qualified_name="deployments.list",
)
_LIST_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "status": {"enum": ["pending", "deploying", "active", "failed", "deleted"], "type": "string"},
    "run_id": {"type": "integer"},
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
    path="/deployments",
    unwrap=("data",),
    operation_id="createDeployment",
    qualified_name="deployments.create",
)
_CREATE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "run_id": {"type": "integer", "nullable": False},
}
_CREATE_OP_POLLING = PollingPolicy(
    status_field="status",
    terminal=frozenset(["active", "failed", "deleted"]),
    success=frozenset(["active"]),
    progress_field=None,
    failure_error=RunFailedError,
    name="deployment",
    id_field="id",
    error_field=None,
)


def _check_op_returns() -> Type[DeploymentCheck]:
    from ..models import DeploymentCheck

    return DeploymentCheck


_CHECK_OP_RETURNS = _later(_check_op_returns)
_CHECK_OP = Operation(
    method="POST",
    path="/deployments/check",
    unwrap=("data",),
    operation_id="checkDeployment",
    qualified_name="deployments.check",
    idempotent=True,
)
_CHECK_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "run_id": {"type": "integer", "nullable": False},
}


def _get_op_returns() -> Type[Deployment]:
    from ..models import Deployment

    return Deployment


_GET_OP_RETURNS = _later(_get_op_returns)
_GET_OP = Operation(
    method="GET",
    path="/deployments/{id}",
    unwrap=("data",),
    operation_id="getDeployment",
    qualified_name="deployments.get",
)
_GET_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "deployment_id": {"type": "integer"},
}
_DELETE_OP = Operation(
    method="DELETE",
    path="/deployments/{id}",
    unwrap=("data",),
    operation_id="deleteDeployment",
    qualified_name="deployments.delete",
)
_DELETE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "deployment_id": {"type": "integer"},
}

# (method, deprecated) in spec order, for options()
_NAMESPACE_METHODS = (
    ("list", False),
    ("create", False),
    ("check", False),
    ("get", False),
    ("delete", False),
)


class Deployments(SyncAPIResource):
    """Deploy trained checkpoints to managed infrastructure. All deployment endpoints require the `write` scope."""

    _METHODS = _NAMESPACE_METHODS

    def list(
        self,
        *,
        status: Optional[
            Union[DeploymentStatus, Literal["pending", "deploying", "active", "failed", "deleted"]]
        ] = None,
        run_id: Optional[int] = None,
        page: int = 1,
        per_page: int = 20,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[Deployment]:
        """List deployments

        Lists your deployments, filtered by `status` and `run_id`. All deployment endpoints require the `write` scope.

        ``GET /deployments`` (scope: write).

        Args:
          status: Only deployments in this status.
          run_id: Only deployments of this run.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
        """
        check_arguments(
            "deployments.list",
            {
                "status": status,
                "run_id": run_id,
                "page": page,
                "per_page": per_page,
            },
            _LIST_OP_CONSTRAINTS,
        )
        return self._client.request_page(
            _LIST_OP,
            query={
                "status": status,
                "run_id": run_id,
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
        run_id: int,
        *,
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
    ) -> RunRLPollingFuture[Deployment]:
        """Deploy a run's checkpoint

        Triggers a deployment of a run's checkpoint (requires a positive balance and an active API key). The SDK returns a polling future that follows the deployment until `active`, `failed` or `deleted`. Requires the `write` scope.

        ``POST /deployments`` (scope: write).

        Args:
          run_id: (no description in the spec)
          poll_interval: Seconds between status polls (default: the client's ``poll_interval``).
          max_timeout: Longest wait of ``result()`` in seconds (default: ``max_poll_timeout``).
        """
        from ..models import Deployment

        check_arguments(
            "deployments.create",
            {
                "run_id": run_id,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "run_id": run_id,
        }
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
            cast_to=Deployment,
        )
        return RunRLPollingFuture(
            _initial,
            poll=functools.partial(self.get, _initial.id),
            cancel=functools.partial(self.delete, _initial.id),
            policy=_CREATE_OP_POLLING,
            poll_interval=(
                self._client.config.poll_interval if poll_interval is None else poll_interval
            ),
            max_timeout=(
                self._client.config.max_poll_timeout if max_timeout is None else max_timeout
            ),
        )

    def check(
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
    ) -> DeploymentCheck:
        """Check whether a run can be deployed

        Validates that a run is deployable (HF checkpoint exists, not already deployed, etc.) before creating a deployment. Safe to repeat. Requires the `write` scope.

        ``POST /deployments/check`` (scope: write).

        Args:
          run_id: (no description in the spec)
        """
        check_arguments(
            "deployments.check",
            {
                "run_id": run_id,
            },
            _CHECK_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "run_id": run_id,
        }
        return self._client.request(
            _CHECK_OP,
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
            cast_to=_CHECK_OP_RETURNS,
        )

    def get(
        self,
        deployment_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> Deployment:
        """Retrieve a deployment

        Returns a deployment's details (linked run info, status). Requires the `write` scope.

        ``GET /deployments/{id}`` (scope: write).

        Args:
          deployment_id: The deployment's id.
        """
        check_arguments(
            "deployments.get",
            {
                "deployment_id": deployment_id,
            },
            _GET_OP_CONSTRAINTS,
        )
        return self._client.request(
            _GET_OP,
            path_params={"id": deployment_id},
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

    def delete(
        self,
        deployment_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete a deployment

        Removes a deployment (soft delete; its status becomes `deleted`). A deployment future's `cancel()` calls this. Requires the `write` scope.

        ``DELETE /deployments/{id}`` (scope: write).

        Args:
          deployment_id: The deployment's id.
        """
        check_arguments(
            "deployments.delete",
            {
                "deployment_id": deployment_id,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return self._client.request(
            _DELETE_OP,
            path_params={"id": deployment_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=NoneType,
        )


class AsyncDeployments(AsyncAPIResource):
    """Deploy trained checkpoints to managed infrastructure. All deployment endpoints require the `write` scope. (async)"""

    _METHODS = _NAMESPACE_METHODS

    async def list(
        self,
        *,
        status: Optional[
            Union[DeploymentStatus, Literal["pending", "deploying", "active", "failed", "deleted"]]
        ] = None,
        run_id: Optional[int] = None,
        page: int = 1,
        per_page: int = 20,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[Deployment]:
        """List deployments

        Lists your deployments, filtered by `status` and `run_id`. All deployment endpoints require the `write` scope.

        ``GET /deployments`` (scope: write).

        Args:
          status: Only deployments in this status.
          run_id: Only deployments of this run.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
        """
        check_arguments(
            "deployments.list",
            {
                "status": status,
                "run_id": run_id,
                "page": page,
                "per_page": per_page,
            },
            _LIST_OP_CONSTRAINTS,
        )
        return await self._client.request_page(
            _LIST_OP,
            query={
                "status": status,
                "run_id": run_id,
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
        run_id: int,
        *,
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
    ) -> AsyncRunRLPollingFuture[Deployment]:
        """Deploy a run's checkpoint

        Triggers a deployment of a run's checkpoint (requires a positive balance and an active API key). The SDK returns a polling future that follows the deployment until `active`, `failed` or `deleted`. Requires the `write` scope.

        ``POST /deployments`` (scope: write).

        Args:
          run_id: (no description in the spec)
          poll_interval: Seconds between status polls (default: the client's ``poll_interval``).
          max_timeout: Longest wait of ``result()`` in seconds (default: ``max_poll_timeout``).
        """
        from ..models import Deployment

        check_arguments(
            "deployments.create",
            {
                "run_id": run_id,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "run_id": run_id,
        }
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
            cast_to=Deployment,
        )
        return AsyncRunRLPollingFuture(
            _initial,
            poll=functools.partial(self.get, _initial.id),
            cancel=functools.partial(self.delete, _initial.id),
            policy=_CREATE_OP_POLLING,
            poll_interval=(
                self._client.config.poll_interval if poll_interval is None else poll_interval
            ),
            max_timeout=(
                self._client.config.max_poll_timeout if max_timeout is None else max_timeout
            ),
        )

    async def check(
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
    ) -> DeploymentCheck:
        """Check whether a run can be deployed

        Validates that a run is deployable (HF checkpoint exists, not already deployed, etc.) before creating a deployment. Safe to repeat. Requires the `write` scope.

        ``POST /deployments/check`` (scope: write).

        Args:
          run_id: (no description in the spec)
        """
        check_arguments(
            "deployments.check",
            {
                "run_id": run_id,
            },
            _CHECK_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "run_id": run_id,
        }
        return await self._client.request(
            _CHECK_OP,
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
            cast_to=_CHECK_OP_RETURNS,
        )

    async def get(
        self,
        deployment_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> Deployment:
        """Retrieve a deployment

        Returns a deployment's details (linked run info, status). Requires the `write` scope.

        ``GET /deployments/{id}`` (scope: write).

        Args:
          deployment_id: The deployment's id.
        """
        check_arguments(
            "deployments.get",
            {
                "deployment_id": deployment_id,
            },
            _GET_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _GET_OP,
            path_params={"id": deployment_id},
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

    async def delete(
        self,
        deployment_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete a deployment

        Removes a deployment (soft delete; its status becomes `deleted`). A deployment future's `cancel()` calls this. Requires the `write` scope.

        ``DELETE /deployments/{id}`` (scope: write).

        Args:
          deployment_id: The deployment's id.
        """
        check_arguments(
            "deployments.delete",
            {
                "deployment_id": deployment_id,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _DELETE_OP,
            path_params={"id": deployment_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=NoneType,
        )


class DeploymentsWithRawResponse:
    """``client.with_raw_response.deployments``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: Deployments) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.check = to_raw_response_wrapper(resource.check)
        self.get = to_raw_response_wrapper(resource.get)
        self.delete = to_raw_response_wrapper(resource.delete)


class AsyncDeploymentsWithRawResponse:
    """``client.with_raw_response.deployments``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: AsyncDeployments) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.check = async_to_raw_response_wrapper(resource.check)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.delete = async_to_raw_response_wrapper(resource.delete)
