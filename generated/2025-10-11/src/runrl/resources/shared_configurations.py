"""The ``shared_configurations`` namespace: Shared configurations capture reusable training setups.

Generated from the spec; do not edit. Sync and async classes come from one template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Literal, Optional, Type, Union

from .._base_client import (
    Operation,
    RequestOptions,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._base_client import later as _later
from .._pagespec import PaginationSpec
from .._resource import AsyncAPIResource, SyncAPIResource
from .._types import NOT_GIVEN, Body, Headers, NoneType, NotGiven, Query, Timeout
from .._validation import check_arguments

if TYPE_CHECKING:
    from .._pagination import PagedResponse
    from ..models import (
        LikeResult,
        SharedConfiguration,
        SharedConfigurationCopy,
        SharedConfigurationData,
        Visibility,
    )


def _list_op_returns() -> Type[SharedConfiguration]:
    from ..models import SharedConfiguration

    return SharedConfiguration


_LIST_OP_RETURNS = _later(_list_op_returns)
_LIST_OP = Operation(
    method="GET",
    path="/shared-configurations",
    unwrap=("data",),
    operation_id="listSharedConfigurations",
    qualified_name="shared_configurations.list",
)
_LIST_OP_PAGINATION = PaginationSpec(
    style="single",
    items="items",
    meta="pagination",
    page_param="page",
    size_param="per_page",
)


def _create_op_returns() -> Type[SharedConfiguration]:
    from ..models import SharedConfiguration

    return SharedConfiguration


_CREATE_OP_RETURNS = _later(_create_op_returns)
_CREATE_OP = Operation(
    method="POST",
    path="/shared-configurations",
    unwrap=("data",),
    operation_id="createSharedConfiguration",
    qualified_name="shared_configurations.create",
)
_CREATE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "name": {"type": "string", "nullable": False},
    "visibility": {"enum": ["public", "unlisted", "private"], "type": "string", "nullable": False},
    "prompt_file_id": {"type": "string", "nullable": False},
    "reward_file_id": {"type": "string", "nullable": False},
    "configuration": {"nullable": False},
    "description": {"type": "string"},
}


def _browse_op_returns() -> Type[SharedConfiguration]:
    from ..models import SharedConfiguration

    return SharedConfiguration


_BROWSE_OP_RETURNS = _later(_browse_op_returns)
_BROWSE_OP = Operation(
    method="GET",
    path="/shared-configurations/browse",
    unwrap=("data",),
    operation_id="browseSharedConfigurations",
    qualified_name="shared_configurations.browse",
)
_BROWSE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "model": {"type": "string"},
    "reward_mode": {"type": "string"},
    "visibility": {"enum": ["public", "unlisted", "private"], "type": "string"},
    "search": {"type": "string"},
    "page": {"minimum": 1, "type": "integer"},
    "per_page": {"minimum": 1, "maximum": 100, "type": "integer"},
}
_BROWSE_OP_PAGINATION = PaginationSpec(
    style="page",
    items="items",
    meta="pagination",
    page_param="page",
    size_param="per_page",
)


def _get_op_returns() -> Type[SharedConfiguration]:
    from ..models import SharedConfiguration

    return SharedConfiguration


_GET_OP_RETURNS = _later(_get_op_returns)
_GET_OP = Operation(
    method="GET",
    path="/shared-configurations/{uuid}",
    unwrap=("data",),
    operation_id="getSharedConfiguration",
    qualified_name="shared_configurations.get",
)
_GET_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "uuid": {"type": "string"},
}


def _update_op_returns() -> Type[SharedConfiguration]:
    from ..models import SharedConfiguration

    return SharedConfiguration


_UPDATE_OP_RETURNS = _later(_update_op_returns)
_UPDATE_OP = Operation(
    method="PUT",
    path="/shared-configurations/{uuid}",
    unwrap=("data",),
    operation_id="updateSharedConfiguration",
    qualified_name="shared_configurations.update",
)
_UPDATE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "uuid": {"type": "string"},
    "name": {"type": "string"},
    "description": {"type": "string"},
    "visibility": {"enum": ["public", "unlisted", "private"], "type": "string"},
}
_DELETE_OP = Operation(
    method="DELETE",
    path="/shared-configurations/{uuid}",
    unwrap=("data",),
    operation_id="deleteSharedConfiguration",
    qualified_name="shared_configurations.delete",
)
_DELETE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "uuid": {"type": "string"},
}


def _data_op_returns() -> Type[SharedConfigurationData]:
    from ..models import SharedConfigurationData

    return SharedConfigurationData


_DATA_OP_RETURNS = _later(_data_op_returns)
_DATA_OP = Operation(
    method="GET",
    path="/shared-configurations/{uuid}/data",
    unwrap=("data",),
    operation_id="getSharedConfigurationData",
    qualified_name="shared_configurations.data",
)
_DATA_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "uuid": {"type": "string"},
}


def _copy_op_returns() -> Type[SharedConfigurationCopy]:
    from ..models import SharedConfigurationCopy

    return SharedConfigurationCopy


_COPY_OP_RETURNS = _later(_copy_op_returns)
_COPY_OP = Operation(
    method="POST",
    path="/shared-configurations/{uuid}/copy",
    unwrap=("data",),
    operation_id="copySharedConfiguration",
    qualified_name="shared_configurations.copy",
)
_COPY_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "uuid": {"type": "string"},
}


def _like_op_returns() -> Type[LikeResult]:
    from ..models import LikeResult

    return LikeResult


_LIKE_OP_RETURNS = _later(_like_op_returns)
_LIKE_OP = Operation(
    method="POST",
    path="/shared-configurations/{uuid}/like",
    unwrap=("data",),
    operation_id="likeSharedConfiguration",
    qualified_name="shared_configurations.like",
)
_LIKE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "uuid": {"type": "string"},
}

# (method, deprecated) in spec order, for options()
_NAMESPACE_METHODS = (
    ("list", False),
    ("create", False),
    ("browse", False),
    ("get", False),
    ("update", False),
    ("delete", False),
    ("data", False),
    ("copy", False),
    ("like", False),
)


class SharedConfigurations(SyncAPIResource):
    """Shared configurations capture reusable training setups."""

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
    ) -> PagedResponse[SharedConfiguration]:
        """List your shared configurations

        Lists the configurations you own, as a plain list (not paginated). Requires the `read` scope.

        ``GET /shared-configurations`` (scope: read).
        """
        return self._client.request_page(
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
            item_type=_LIST_OP_RETURNS,
            pagination=_LIST_OP_PAGINATION,
        )

    def create(
        self,
        *,
        name: str,
        visibility: Union[Visibility, Literal["public", "unlisted", "private"]],
        prompt_file_id: str,
        reward_file_id: str,
        configuration: Dict[str, Any],
        description: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> SharedConfiguration:
        """Create a shared configuration

        Saves the current run recipe as a shared configuration (files are copied if they belong to another user). Requires the `write` scope.

        ``POST /shared-configurations`` (scope: write).

        Args:
          name: (no description in the spec)
          visibility: Who can see a shared configuration: everyone (`public`), anyone with the link
            (`unlisted`), or only the owner (`private`).
          prompt_file_id: (no description in the spec)
          reward_file_id: (no description in the spec)
          configuration: The run recipe (model, reward_mode, completion_length, epochs, ...).
          description: (no description in the spec)
        """
        check_arguments(
            "shared_configurations.create",
            {
                "name": name,
                "visibility": visibility,
                "prompt_file_id": prompt_file_id,
                "reward_file_id": reward_file_id,
                "configuration": configuration,
                "description": description,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "name": name,
            "visibility": visibility,
            "prompt_file_id": prompt_file_id,
            "reward_file_id": reward_file_id,
            "configuration": configuration,
        }
        if description is not None:
            _body["description"] = description
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

    def browse(
        self,
        *,
        model: Optional[str] = None,
        reward_mode: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        search: Optional[str] = None,
        page: int = 1,
        per_page: int = 20,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[SharedConfiguration]:
        """Browse public and unlisted configurations

        Discovers public/unlisted configurations, filtered by model, reward mode, visibility and search text. Requires the `read` scope.

        ``GET /shared-configurations/browse`` (scope: read).

        Args:
          model: Only configurations for this base model.
          reward_mode: Only configurations with this reward mode (e.g. `reward_function`).
          visibility: Only configurations with this visibility.
          search: Text to look for in names and descriptions.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
        """
        check_arguments(
            "shared_configurations.browse",
            {
                "model": model,
                "reward_mode": reward_mode,
                "visibility": visibility,
                "search": search,
                "page": page,
                "per_page": per_page,
            },
            _BROWSE_OP_CONSTRAINTS,
        )
        return self._client.request_page(
            _BROWSE_OP,
            query={
                "model": model,
                "reward_mode": reward_mode,
                "visibility": visibility,
                "search": search,
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
            item_type=_BROWSE_OP_RETURNS,
            pagination=_BROWSE_OP_PAGINATION,
        )

    def get(
        self,
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> SharedConfiguration:
        """Retrieve a shared configuration

        Detail view of a configuration (requires being the owner or shared visibility). Requires the `read` scope.

        ``GET /shared-configurations/{uuid}`` (scope: read).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.get",
            {
                "uuid": uuid,
            },
            _GET_OP_CONSTRAINTS,
        )
        return self._client.request(
            _GET_OP,
            path_params={"uuid": uuid},
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

    def update(
        self,
        uuid: str,
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        configuration: Optional[Dict[str, Any]] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> SharedConfiguration:
        """Update a shared configuration

        Renames a configuration, edits its description, toggles its visibility or changes the recipe. Requires the `write` scope.

        ``PUT /shared-configurations/{uuid}`` (scope: write).

        Args:
          uuid: The shared configuration's UUID.
          name: (no description in the spec)
          description: (no description in the spec)
          visibility: Who can see a shared configuration: everyone (`public`), anyone with the link
            (`unlisted`), or only the owner (`private`).
          configuration: (no description in the spec)
        """
        check_arguments(
            "shared_configurations.update",
            {
                "uuid": uuid,
                "name": name,
                "description": description,
                "visibility": visibility,
            },
            _UPDATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {}
        if name is not None:
            _body["name"] = name
        if description is not None:
            _body["description"] = description
        if visibility is not None:
            _body["visibility"] = visibility
        if configuration is not None:
            _body["configuration"] = configuration
        return self._client.request(
            _UPDATE_OP,
            path_params={"uuid": uuid},
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
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete a shared configuration

        Removes a configuration you own. Requires the `write` scope.

        ``DELETE /shared-configurations/{uuid}`` (scope: write).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.delete",
            {
                "uuid": uuid,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return self._client.request(
            _DELETE_OP,
            path_params={"uuid": uuid},
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

    def data(
        self,
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> SharedConfigurationData:
        """Get a shared configuration's full payload

        Returns the full payload, including the prompt preview and reward code snippets. Requires the `read` scope.

        ``GET /shared-configurations/{uuid}/data`` (scope: read).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.data",
            {
                "uuid": uuid,
            },
            _DATA_OP_CONSTRAINTS,
        )
        return self._client.request(
            _DATA_OP,
            path_params={"uuid": uuid},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_DATA_OP_RETURNS,
        )

    def copy(
        self,
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> SharedConfigurationCopy:
        """Copy a shared configuration to your account

        Clones a configuration into your account, copying its files and configuration; returns the new UUID and file ids. Requires the `write` scope.

        ``POST /shared-configurations/{uuid}/copy`` (scope: write).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.copy",
            {
                "uuid": uuid,
            },
            _COPY_OP_CONSTRAINTS,
        )
        return self._client.request(
            _COPY_OP,
            path_params={"uuid": uuid},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=_COPY_OP_RETURNS,
        )

    def like(
        self,
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> LikeResult:
        """Toggle your like of a shared configuration

        Toggles the like state (a second call removes the like, so it is not idempotent). Requires the `write` scope.

        ``POST /shared-configurations/{uuid}/like`` (scope: write).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.like",
            {
                "uuid": uuid,
            },
            _LIKE_OP_CONSTRAINTS,
        )
        return self._client.request(
            _LIKE_OP,
            path_params={"uuid": uuid},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=_LIKE_OP_RETURNS,
        )


class AsyncSharedConfigurations(AsyncAPIResource):
    """Shared configurations capture reusable training setups. (async)"""

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
    ) -> PagedResponse[SharedConfiguration]:
        """List your shared configurations

        Lists the configurations you own, as a plain list (not paginated). Requires the `read` scope.

        ``GET /shared-configurations`` (scope: read).
        """
        return await self._client.request_page(
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
            item_type=_LIST_OP_RETURNS,
            pagination=_LIST_OP_PAGINATION,
        )

    async def create(
        self,
        *,
        name: str,
        visibility: Union[Visibility, Literal["public", "unlisted", "private"]],
        prompt_file_id: str,
        reward_file_id: str,
        configuration: Dict[str, Any],
        description: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> SharedConfiguration:
        """Create a shared configuration

        Saves the current run recipe as a shared configuration (files are copied if they belong to another user). Requires the `write` scope.

        ``POST /shared-configurations`` (scope: write).

        Args:
          name: (no description in the spec)
          visibility: Who can see a shared configuration: everyone (`public`), anyone with the link
            (`unlisted`), or only the owner (`private`).
          prompt_file_id: (no description in the spec)
          reward_file_id: (no description in the spec)
          configuration: The run recipe (model, reward_mode, completion_length, epochs, ...).
          description: (no description in the spec)
        """
        check_arguments(
            "shared_configurations.create",
            {
                "name": name,
                "visibility": visibility,
                "prompt_file_id": prompt_file_id,
                "reward_file_id": reward_file_id,
                "configuration": configuration,
                "description": description,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "name": name,
            "visibility": visibility,
            "prompt_file_id": prompt_file_id,
            "reward_file_id": reward_file_id,
            "configuration": configuration,
        }
        if description is not None:
            _body["description"] = description
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

    async def browse(
        self,
        *,
        model: Optional[str] = None,
        reward_mode: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        search: Optional[str] = None,
        page: int = 1,
        per_page: int = 20,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[SharedConfiguration]:
        """Browse public and unlisted configurations

        Discovers public/unlisted configurations, filtered by model, reward mode, visibility and search text. Requires the `read` scope.

        ``GET /shared-configurations/browse`` (scope: read).

        Args:
          model: Only configurations for this base model.
          reward_mode: Only configurations with this reward mode (e.g. `reward_function`).
          visibility: Only configurations with this visibility.
          search: Text to look for in names and descriptions.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
        """
        check_arguments(
            "shared_configurations.browse",
            {
                "model": model,
                "reward_mode": reward_mode,
                "visibility": visibility,
                "search": search,
                "page": page,
                "per_page": per_page,
            },
            _BROWSE_OP_CONSTRAINTS,
        )
        return await self._client.request_page(
            _BROWSE_OP,
            query={
                "model": model,
                "reward_mode": reward_mode,
                "visibility": visibility,
                "search": search,
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
            item_type=_BROWSE_OP_RETURNS,
            pagination=_BROWSE_OP_PAGINATION,
        )

    async def get(
        self,
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> SharedConfiguration:
        """Retrieve a shared configuration

        Detail view of a configuration (requires being the owner or shared visibility). Requires the `read` scope.

        ``GET /shared-configurations/{uuid}`` (scope: read).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.get",
            {
                "uuid": uuid,
            },
            _GET_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _GET_OP,
            path_params={"uuid": uuid},
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

    async def update(
        self,
        uuid: str,
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        configuration: Optional[Dict[str, Any]] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> SharedConfiguration:
        """Update a shared configuration

        Renames a configuration, edits its description, toggles its visibility or changes the recipe. Requires the `write` scope.

        ``PUT /shared-configurations/{uuid}`` (scope: write).

        Args:
          uuid: The shared configuration's UUID.
          name: (no description in the spec)
          description: (no description in the spec)
          visibility: Who can see a shared configuration: everyone (`public`), anyone with the link
            (`unlisted`), or only the owner (`private`).
          configuration: (no description in the spec)
        """
        check_arguments(
            "shared_configurations.update",
            {
                "uuid": uuid,
                "name": name,
                "description": description,
                "visibility": visibility,
            },
            _UPDATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {}
        if name is not None:
            _body["name"] = name
        if description is not None:
            _body["description"] = description
        if visibility is not None:
            _body["visibility"] = visibility
        if configuration is not None:
            _body["configuration"] = configuration
        return await self._client.request(
            _UPDATE_OP,
            path_params={"uuid": uuid},
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
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete a shared configuration

        Removes a configuration you own. Requires the `write` scope.

        ``DELETE /shared-configurations/{uuid}`` (scope: write).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.delete",
            {
                "uuid": uuid,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _DELETE_OP,
            path_params={"uuid": uuid},
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

    async def data(
        self,
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> SharedConfigurationData:
        """Get a shared configuration's full payload

        Returns the full payload, including the prompt preview and reward code snippets. Requires the `read` scope.

        ``GET /shared-configurations/{uuid}/data`` (scope: read).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.data",
            {
                "uuid": uuid,
            },
            _DATA_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _DATA_OP,
            path_params={"uuid": uuid},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_DATA_OP_RETURNS,
        )

    async def copy(
        self,
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> SharedConfigurationCopy:
        """Copy a shared configuration to your account

        Clones a configuration into your account, copying its files and configuration; returns the new UUID and file ids. Requires the `write` scope.

        ``POST /shared-configurations/{uuid}/copy`` (scope: write).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.copy",
            {
                "uuid": uuid,
            },
            _COPY_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _COPY_OP,
            path_params={"uuid": uuid},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=_COPY_OP_RETURNS,
        )

    async def like(
        self,
        uuid: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> LikeResult:
        """Toggle your like of a shared configuration

        Toggles the like state (a second call removes the like, so it is not idempotent). Requires the `write` scope.

        ``POST /shared-configurations/{uuid}/like`` (scope: write).

        Args:
          uuid: The shared configuration's UUID.
        """
        check_arguments(
            "shared_configurations.like",
            {
                "uuid": uuid,
            },
            _LIKE_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _LIKE_OP,
            path_params={"uuid": uuid},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=_LIKE_OP_RETURNS,
        )


class SharedConfigurationsWithRawResponse:
    """``client.with_raw_response.shared_configurations``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: SharedConfigurations) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.browse = to_raw_response_wrapper(resource.browse)
        self.get = to_raw_response_wrapper(resource.get)
        self.update = to_raw_response_wrapper(resource.update)
        self.delete = to_raw_response_wrapper(resource.delete)
        self.data = to_raw_response_wrapper(resource.data)
        self.copy = to_raw_response_wrapper(resource.copy)
        self.like = to_raw_response_wrapper(resource.like)


class AsyncSharedConfigurationsWithRawResponse:
    """``client.with_raw_response.shared_configurations``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: AsyncSharedConfigurations) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.browse = async_to_raw_response_wrapper(resource.browse)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.delete = async_to_raw_response_wrapper(resource.delete)
        self.data = async_to_raw_response_wrapper(resource.data)
        self.copy = async_to_raw_response_wrapper(resource.copy)
        self.like = async_to_raw_response_wrapper(resource.like)
