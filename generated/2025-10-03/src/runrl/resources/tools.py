"""The ``tools`` namespace: Manage MCP tools that agents can call during training.

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
from .._pagespec import PaginationSpec
from .._resource import AsyncAPIResource, SyncAPIResource
from .._types import NOT_GIVEN, Body, Headers, NoneType, NotGiven, Query, Timeout
from .._validation import check_arguments

if TYPE_CHECKING:
    from .._pagination import PagedResponse
    from ..models import (
        McpTestResult,
        Tool,
    )


def _list_op_returns() -> Type[Tool]:
    from ..models import Tool

    return Tool


_LIST_OP_RETURNS = _later(_list_op_returns)
_LIST_OP = Operation(
    method="GET",
    path="/tools",
    unwrap=("data",),
    operation_id="listTools",
    qualified_name="tools.list",
)
_LIST_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "search": {"type": "string"},
    "verified": {"type": "boolean"},
    "owned_only": {"type": "boolean"},
    "public_only": {"type": "boolean"},
    "page": {"minimum": 1, "type": "integer"},
    "per_page": {"minimum": 1, "maximum": 100, "type": "integer"},
    "sort": {"type": "string"},
    "direction": {"type": "string"},
}
_LIST_OP_PAGINATION = PaginationSpec(
    style="page",
    items="items",
    meta="pagination",
    page_param="page",
    size_param="per_page",
)


def _create_op_returns() -> Type[Tool]:
    from ..models import Tool

    return Tool


_CREATE_OP_RETURNS = _later(_create_op_returns)
_CREATE_OP = Operation(
    method="POST",
    path="/tools",
    unwrap=("data",),
    operation_id="createTool",
    qualified_name="tools.create",
)
_CREATE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "name": {"type": "string", "nullable": False},
    "mcp_url": {"type": "string", "nullable": False},
    "description": {"type": "string"},
    "is_public": {"type": "boolean", "nullable": False},
}


def _test_connection_op_returns() -> Type[McpTestResult]:
    from ..models import McpTestResult

    return McpTestResult


_TEST_CONNECTION_OP_RETURNS = _later(_test_connection_op_returns)
_TEST_CONNECTION_OP = Operation(
    method="POST",
    path="/tools/test-mcp",
    unwrap=("data",),
    operation_id="testMcpConnection",
    qualified_name="tools.test_connection",
    idempotent=True,
)
_TEST_CONNECTION_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "mcp_url": {"type": "string", "nullable": False},
}


def _get_op_returns() -> Type[Tool]:
    from ..models import Tool

    return Tool


_GET_OP_RETURNS = _later(_get_op_returns)
_GET_OP = Operation(
    method="GET",
    path="/tools/{id}",
    unwrap=("data",),
    operation_id="getTool",
    qualified_name="tools.get",
)
_GET_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "tool_id": {"type": "integer"},
}


def _update_op_returns() -> Type[Tool]:
    from ..models import Tool

    return Tool


_UPDATE_OP_RETURNS = _later(_update_op_returns)
_UPDATE_OP = Operation(
    method="PUT",
    path="/tools/{id}",
    unwrap=("data",),
    operation_id="updateTool",
    qualified_name="tools.update",
)
_UPDATE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "tool_id": {"type": "integer"},
    "name": {"type": "string"},
    "description": {"type": "string"},
    "is_public": {"type": "boolean"},
}
_DELETE_OP = Operation(
    method="DELETE",
    path="/tools/{id}",
    unwrap=("data",),
    operation_id="deleteTool",
    qualified_name="tools.delete",
)
_DELETE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "tool_id": {"type": "integer"},
}

# (method, deprecated) in spec order, for options()
_NAMESPACE_METHODS = (
    ("list", False),
    ("create", False),
    ("test_connection", False),
    ("get", False),
    ("update", False),
    ("delete", False),
)


class Tools(SyncAPIResource):
    """Manage MCP tools that agents can call during training."""

    _METHODS = _NAMESPACE_METHODS

    def list(
        self,
        *,
        search: Optional[str] = None,
        verified: Optional[bool] = None,
        owned_only: bool = False,
        public_only: bool = False,
        page: int = 1,
        per_page: int = 20,
        sort: Optional[str] = None,
        direction: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[Tool]:
        """List tools

        Lists public tools plus your private tools, filtered with `search`, `verified`, `owned_only` and `public_only`. Requires the `read` scope.

        ``GET /tools`` (scope: read).

        Args:
          search: Text to look for in tool names and descriptions.
          verified: Only verified (`true`) or unverified (`false`) tools.
          owned_only: Only tools you own.
          public_only: Only public tools.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
          sort: Field to sort by (for example `created_at` or `name`).
          direction: Sort direction, `asc` or `desc`.
        """
        check_arguments(
            "tools.list",
            {
                "search": search,
                "verified": verified,
                "owned_only": owned_only,
                "public_only": public_only,
                "page": page,
                "per_page": per_page,
                "sort": sort,
                "direction": direction,
            },
            _LIST_OP_CONSTRAINTS,
        )
        return self._client.request_page(
            _LIST_OP,
            query={
                "search": search,
                "verified": verified,
                "owned_only": owned_only,
                "public_only": public_only,
                "page": page,
                "per_page": per_page,
                "sort": sort,
                "direction": direction,
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
        name: str,
        mcp_url: str,
        *,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Union[bool, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> Tool:
        """Register a tool

        Registers a new MCP tool (the name must be unique per owner). Requires the `write` scope.

        ``POST /tools`` (scope: write).

        Args:
          name: (no description in the spec)
          mcp_url: The URL of an unauthenticated remote MCP server.
          description: (no description in the spec)
          is_public: Server default: `False`.
        """
        check_arguments(
            "tools.create",
            {
                "name": name,
                "mcp_url": mcp_url,
                "description": description,
                "is_public": is_public,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "name": name,
            "mcp_url": mcp_url,
        }
        if not isinstance(description, NotGiven):
            _body["description"] = description
        if not isinstance(is_public, NotGiven):
            _body["is_public"] = is_public
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

    def test_connection(
        self,
        mcp_url: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> McpTestResult:
        """Test an MCP server

        Pings an MCP server URL and returns handshake diagnostics. Changes nothing, so it is safe to repeat. Requires the `write` scope.

        ``POST /tools/test-mcp`` (scope: write).

        Args:
          mcp_url: (no description in the spec)
        """
        check_arguments(
            "tools.test_connection",
            {
                "mcp_url": mcp_url,
            },
            _TEST_CONNECTION_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "mcp_url": mcp_url,
        }
        return self._client.request(
            _TEST_CONNECTION_OP,
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
            cast_to=_TEST_CONNECTION_OP_RETURNS,
        )

    def get(
        self,
        tool_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> Tool:
        """Retrieve a tool

        Returns a tool's metadata. Requires the `read` scope.

        ``GET /tools/{id}`` (scope: read).

        Args:
          tool_id: The tool's id.
        """
        check_arguments(
            "tools.get",
            {
                "tool_id": tool_id,
            },
            _GET_OP_CONSTRAINTS,
        )
        return self._client.request(
            _GET_OP,
            path_params={"id": tool_id},
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
        tool_id: int,
        *,
        name: Optional[str] = None,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Optional[bool] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> Tool:
        """Update a tool

        Updates a tool's name, description or visibility. Requires the `write` scope.

        ``PUT /tools/{id}`` (scope: write).

        Args:
          tool_id: The tool's id.
          name: (no description in the spec)
          description: (no description in the spec)
          is_public: (no description in the spec)
        """
        check_arguments(
            "tools.update",
            {
                "tool_id": tool_id,
                "name": name,
                "description": description,
                "is_public": is_public,
            },
            _UPDATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {}
        if name is not None:
            _body["name"] = name
        if not isinstance(description, NotGiven):
            _body["description"] = description
        if is_public is not None:
            _body["is_public"] = is_public
        return self._client.request(
            _UPDATE_OP,
            path_params={"id": tool_id},
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
        tool_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete a tool

        Removes a tool (owner or admin only). Requires the `write` scope.

        ``DELETE /tools/{id}`` (scope: write).

        Args:
          tool_id: The tool's id.
        """
        check_arguments(
            "tools.delete",
            {
                "tool_id": tool_id,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return self._client.request(
            _DELETE_OP,
            path_params={"id": tool_id},
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


class AsyncTools(AsyncAPIResource):
    """Manage MCP tools that agents can call during training. (async)"""

    _METHODS = _NAMESPACE_METHODS

    async def list(
        self,
        *,
        search: Optional[str] = None,
        verified: Optional[bool] = None,
        owned_only: bool = False,
        public_only: bool = False,
        page: int = 1,
        per_page: int = 20,
        sort: Optional[str] = None,
        direction: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[Tool]:
        """List tools

        Lists public tools plus your private tools, filtered with `search`, `verified`, `owned_only` and `public_only`. Requires the `read` scope.

        ``GET /tools`` (scope: read).

        Args:
          search: Text to look for in tool names and descriptions.
          verified: Only verified (`true`) or unverified (`false`) tools.
          owned_only: Only tools you own.
          public_only: Only public tools.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
          sort: Field to sort by (for example `created_at` or `name`).
          direction: Sort direction, `asc` or `desc`.
        """
        check_arguments(
            "tools.list",
            {
                "search": search,
                "verified": verified,
                "owned_only": owned_only,
                "public_only": public_only,
                "page": page,
                "per_page": per_page,
                "sort": sort,
                "direction": direction,
            },
            _LIST_OP_CONSTRAINTS,
        )
        return await self._client.request_page(
            _LIST_OP,
            query={
                "search": search,
                "verified": verified,
                "owned_only": owned_only,
                "public_only": public_only,
                "page": page,
                "per_page": per_page,
                "sort": sort,
                "direction": direction,
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
        name: str,
        mcp_url: str,
        *,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Union[bool, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> Tool:
        """Register a tool

        Registers a new MCP tool (the name must be unique per owner). Requires the `write` scope.

        ``POST /tools`` (scope: write).

        Args:
          name: (no description in the spec)
          mcp_url: The URL of an unauthenticated remote MCP server.
          description: (no description in the spec)
          is_public: Server default: `False`.
        """
        check_arguments(
            "tools.create",
            {
                "name": name,
                "mcp_url": mcp_url,
                "description": description,
                "is_public": is_public,
            },
            _CREATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "name": name,
            "mcp_url": mcp_url,
        }
        if not isinstance(description, NotGiven):
            _body["description"] = description
        if not isinstance(is_public, NotGiven):
            _body["is_public"] = is_public
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

    async def test_connection(
        self,
        mcp_url: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> McpTestResult:
        """Test an MCP server

        Pings an MCP server URL and returns handshake diagnostics. Changes nothing, so it is safe to repeat. Requires the `write` scope.

        ``POST /tools/test-mcp`` (scope: write).

        Args:
          mcp_url: (no description in the spec)
        """
        check_arguments(
            "tools.test_connection",
            {
                "mcp_url": mcp_url,
            },
            _TEST_CONNECTION_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "mcp_url": mcp_url,
        }
        return await self._client.request(
            _TEST_CONNECTION_OP,
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
            cast_to=_TEST_CONNECTION_OP_RETURNS,
        )

    async def get(
        self,
        tool_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> Tool:
        """Retrieve a tool

        Returns a tool's metadata. Requires the `read` scope.

        ``GET /tools/{id}`` (scope: read).

        Args:
          tool_id: The tool's id.
        """
        check_arguments(
            "tools.get",
            {
                "tool_id": tool_id,
            },
            _GET_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _GET_OP,
            path_params={"id": tool_id},
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
        tool_id: int,
        *,
        name: Optional[str] = None,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Optional[bool] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> Tool:
        """Update a tool

        Updates a tool's name, description or visibility. Requires the `write` scope.

        ``PUT /tools/{id}`` (scope: write).

        Args:
          tool_id: The tool's id.
          name: (no description in the spec)
          description: (no description in the spec)
          is_public: (no description in the spec)
        """
        check_arguments(
            "tools.update",
            {
                "tool_id": tool_id,
                "name": name,
                "description": description,
                "is_public": is_public,
            },
            _UPDATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {}
        if name is not None:
            _body["name"] = name
        if not isinstance(description, NotGiven):
            _body["description"] = description
        if is_public is not None:
            _body["is_public"] = is_public
        return await self._client.request(
            _UPDATE_OP,
            path_params={"id": tool_id},
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
        tool_id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete a tool

        Removes a tool (owner or admin only). Requires the `write` scope.

        ``DELETE /tools/{id}`` (scope: write).

        Args:
          tool_id: The tool's id.
        """
        check_arguments(
            "tools.delete",
            {
                "tool_id": tool_id,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _DELETE_OP,
            path_params={"id": tool_id},
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


class ToolsWithRawResponse:
    """``client.with_raw_response.tools``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: Tools) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.test_connection = to_raw_response_wrapper(resource.test_connection)
        self.get = to_raw_response_wrapper(resource.get)
        self.update = to_raw_response_wrapper(resource.update)
        self.delete = to_raw_response_wrapper(resource.delete)


class AsyncToolsWithRawResponse:
    """``client.with_raw_response.tools``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: AsyncTools) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.test_connection = async_to_raw_response_wrapper(resource.test_connection)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.delete = async_to_raw_response_wrapper(resource.delete)
