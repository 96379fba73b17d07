"""The ``api_keys`` namespace: Create, inspect, update and revoke API keys.

Generated from the spec; do not edit. Sync and async classes come from one template.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Dict, List, Literal, Optional, Type, Union

from .._base_client import (
    Operation,
    RequestOptions,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._base_client import later as _later
from .._resource import AsyncAPIResource, SyncAPIResource
from .._types import NOT_GIVEN, Body, Headers, NoneType, NotGiven, Query, Timeout
from .._validation import check_arguments

if TYPE_CHECKING:
    from ..models import (
        ApiKey,
        ApiKeyToken,
        ApiKeyUsage,
        Scope,
    )


def _list_op_returns() -> Type[List[ApiKey]]:
    from ..models import ApiKey

    return List[ApiKey]


_LIST_OP_RETURNS = _later(_list_op_returns)
_LIST_OP = Operation(
    method="GET",
    path="/keys",
    unwrap=("data",),
    operation_id="listApiKeys",
    qualified_name="api_keys.list",
)


def _create_op_returns() -> Type[ApiKeyToken]:
    from ..models import ApiKeyToken

    return ApiKeyToken


_CREATE_OP_RETURNS = _later(_create_op_returns)
_CREATE_OP = Operation(
    method="POST",
    path="/keys",
    unwrap=("data",),
    operation_id="createApiKey",
    qualified_name="api_keys.create",
)
_CREATE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "name": {"type": "string", "nullable": False},
    "scopes": {"type": "array", "items": {"enum": ["read", "write", "admin"], "type": "string"}},
    "requests_per_hour": {"minimum": 1, "type": "integer"},
}


def _update_op_returns() -> Type[ApiKey]:
    from ..models import ApiKey

    return ApiKey


_UPDATE_OP_RETURNS = _later(_update_op_returns)
_UPDATE_OP = Operation(
    method="PUT",
    path="/keys/{id}",
    unwrap=("data",),
    operation_id="updateApiKey",
    qualified_name="api_keys.update",
)
_UPDATE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "api_key_id": {"type": "integer"},
    "name": {"type": "string"},
    "active": {"type": "boolean"},
    "scopes": {"type": "array", "items": {"enum": ["read", "write", "admin"], "type": "string"}},
    "requests_per_hour": {"minimum": 1, "type": "integer"},
}
_DELETE_OP = Operation(
    method="DELETE",
    path="/keys/{id}",
    unwrap=("data",),
    operation_id="deleteApiKey",
    qualified_name="api_keys.delete",
)
_DELETE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "api_key_id": {"type": "integer"},
}


def _usage_op_returns() -> Type[ApiKeyUsage]:
    from ..models import ApiKeyUsage

    return ApiKeyUsage


_USAGE_OP_RETURNS = _later(_usage_op_returns)
_USAGE_OP = Operation(
    method="GET",
    path="/keys/{id}/usage",
    unwrap=("data",),
    operation_id="getApiKeyUsage",
    qualified_name="api_keys.usage",
)
_USAGE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "api_key_id": {"type": "integer"},
}

# (method, deprecated) in spec order, for options()
_NAMESPACE_METHODS = (
    ("list", False),
    ("create", False),
    ("update", False),
    ("delete", False),
    ("usage", False),
)


class ApiKeys(SyncAPIResource):
    """Create, inspect, update and revoke API keys."""

    _METHODS = _NAMESPACE_METHODS

    def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> List[ApiKey]:
        """List API keys

        Lists your API keys, as a plain list. Requires the `read` scope.

        ``GET /keys`` (scope: read).
        """
        return self._client.request(
            _LIST_OP,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_LIST_OP_RETURNS,
        )

    def create(
        self,
        name: str,
        *,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> ApiKeyToken:
        """Create an API key

        Creates an API key. The secret `token` is returned only in this response. Requires the `write` scope.

        ``POST /keys`` (scope: write).

        Args:
          name: (no description in the spec)
          scopes: (no description in the spec)
          requests_per_hour: Hourly quota (the server default is 10,000).
          expires_at: When the key expires; null or omitted for never.
        """
        check_arguments(
            "api_keys.create",
            {
                "name": name,
                "scopes": scopes,
                "requests_per_hour": requests_per_hour,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "name": name,
        }
        if scopes is not None:
            _body["scopes"] = scopes
        if requests_per_hour is not None:
            _body["requests_per_hour"] = requests_per_hour
        if not isinstance(expires_at, NotGiven):
            _body["expires_at"] = expires_at
        return self._client.request(
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
            cast_to=_CREATE_OP_RETURNS,
        )

    def update(
        self,
        api_key_id: int,
        *,
        name: Optional[str] = None,
        active: Optional[bool] = None,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> ApiKey:
        """Update an API key

        Renames a key, toggles it active, or adjusts its scopes and limits. Requires the `write` scope.

        ``PUT /keys/{id}`` (scope: write).

        Args:
          api_key_id: The API key's id.
          name: (no description in the spec)
          active: (no description in the spec)
          scopes: (no description in the spec)
          requests_per_hour: (no description in the spec)
          expires_at: (no description in the spec)
        """
        check_arguments(
            "api_keys.update",
            {
                "api_key_id": api_key_id,
                "name": name,
                "active": active,
                "scopes": scopes,
                "requests_per_hour": requests_per_hour,
            },
            _UPDATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {}
        if name is not None:
            _body["name"] = name
        if active is not None:
            _body["active"] = active
        if scopes is not None:
            _body["scopes"] = scopes
        if requests_per_hour is not None:
            _body["requests_per_hour"] = requests_per_hour
        if not isinstance(expires_at, NotGiven):
            _body["expires_at"] = expires_at
        return self._client.request(
            _UPDATE_OP,
            path_params={"id": api_key_id},
            json=_body,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_UPDATE_OP_RETURNS,
        )

    def delete(
        self,
        api_key_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete an API key

        Revokes and deletes an API key. Requires the `write` scope.

        ``DELETE /keys/{id}`` (scope: write).

        Args:
          api_key_id: The API key's id.
        """
        check_arguments(
            "api_keys.delete",
            {
                "api_key_id": api_key_id,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return self._client.request(
            _DELETE_OP,
            path_params={"id": api_key_id},
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

    def usage(
        self,
        api_key_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> ApiKeyUsage:
        """Get an API key's usage statistics

        Returns usage statistics of one key. Requires the `read` scope.

        ``GET /keys/{id}/usage`` (scope: read).

        Args:
          api_key_id: The API key's id.
        """
        check_arguments(
            "api_keys.usage",
            {
                "api_key_id": api_key_id,
            },
            _USAGE_OP_CONSTRAINTS,
        )
        return self._client.request(
            _USAGE_OP,
            path_params={"id": api_key_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_USAGE_OP_RETURNS,
        )


class AsyncApiKeys(AsyncAPIResource):
    """Create, inspect, update and revoke API keys. (async)"""

    _METHODS = _NAMESPACE_METHODS

    async def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> List[ApiKey]:
        """List API keys

        Lists your API keys, as a plain list. Requires the `read` scope.

        ``GET /keys`` (scope: read).
        """
        return await self._client.request(
            _LIST_OP,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_LIST_OP_RETURNS,
        )

    async def create(
        self,
        name: str,
        *,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> ApiKeyToken:
        """Create an API key

        Creates an API key. The secret `token` is returned only in this response. Requires the `write` scope.

        ``POST /keys`` (scope: write).

        Args:
          name: (no description in the spec)
          scopes: (no description in the spec)
          requests_per_hour: Hourly quota (the server default is 10,000).
          expires_at: When the key expires; null or omitted for never.
        """
        check_arguments(
            "api_keys.create",
            {
                "name": name,
                "scopes": scopes,
                "requests_per_hour": requests_per_hour,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "name": name,
        }
        if scopes is not None:
            _body["scopes"] = scopes
        if requests_per_hour is not None:
            _body["requests_per_hour"] = requests_per_hour
        if not isinstance(expires_at, NotGiven):
            _body["expires_at"] = expires_at
        return await self._client.request(
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
            cast_to=_CREATE_OP_RETURNS,
        )

    async def update(
        self,
        api_key_id: int,
        *,
        name: Optional[str] = None,
        active: Optional[bool] = None,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> ApiKey:
        """Update an API key

        Renames a key, toggles it active, or adjusts its scopes and limits. Requires the `write` scope.

        ``PUT /keys/{id}`` (scope: write).

        Args:
          api_key_id: The API key's id.
          name: (no description in the spec)
          active: (no description in the spec)
          scopes: (no description in the spec)
          requests_per_hour: (no description in the spec)
          expires_at: (no description in the spec)
        """
        check_arguments(
            "api_keys.update",
            {
                "api_key_id": api_key_id,
                "name": name,
                "active": active,
                "scopes": scopes,
                "requests_per_hour": requests_per_hour,
            },
            _UPDATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {}
        if name is not None:
            _body["name"] = name
        if active is not None:
            _body["active"] = active
        if scopes is not None:
            _body["scopes"] = scopes
        if requests_per_hour is not None:
            _body["requests_per_hour"] = requests_per_hour
        if not isinstance(expires_at, NotGiven):
            _body["expires_at"] = expires_at
        return await self._client.request(
            _UPDATE_OP,
            path_params={"id": api_key_id},
            json=_body,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_UPDATE_OP_RETURNS,
        )

    async def delete(
        self,
        api_key_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete an API key

        Revokes and deletes an API key. Requires the `write` scope.

        ``DELETE /keys/{id}`` (scope: write).

        Args:
          api_key_id: The API key's id.
        """
        check_arguments(
            "api_keys.delete",
            {
                "api_key_id": api_key_id,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _DELETE_OP,
            path_params={"id": api_key_id},
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

    async def usage(
        self,
        api_key_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> ApiKeyUsage:
        """Get an API key's usage statistics

        Returns usage statistics of one key. Requires the `read` scope.

        ``GET /keys/{id}/usage`` (scope: read).

        Args:
          api_key_id: The API key's id.
        """
        check_arguments(
            "api_keys.usage",
            {
                "api_key_id": api_key_id,
            },
            _USAGE_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _USAGE_OP,
            path_params={"id": api_key_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_USAGE_OP_RETURNS,
        )


class ApiKeysWithRawResponse:
    """``client.with_raw_response.api_keys``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: ApiKeys) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.update = to_raw_response_wrapper(resource.update)
        self.delete = to_raw_response_wrapper(resource.delete)
        self.usage = to_raw_response_wrapper(resource.usage)


class AsyncApiKeysWithRawResponse:
    """``client.with_raw_response.api_keys``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: AsyncApiKeys) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.delete = async_to_raw_response_wrapper(resource.delete)
        self.usage = async_to_raw_response_wrapper(resource.usage)
