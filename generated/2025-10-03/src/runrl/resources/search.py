"""The ``search`` namespace: Global search across runs, tools and files, mirroring the in-app quick search.

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
        SearchResults,
    )


def _query_op_returns() -> Type[SearchResults]:
    from ..models import SearchResults

    return SearchResults


_QUERY_OP_RETURNS = _later(_query_op_returns)
_QUERY_OP = Operation(
    method="GET",
    path="/search",
    unwrap=("data",),
    operation_id="search",
    qualified_name="search.query",
)
_QUERY_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "q": {"type": "string"},
}

# (method, deprecated) in spec order, for options()
_NAMESPACE_METHODS = (("query", False),)


class Search(SyncAPIResource):
    """Global search across runs, tools and files, mirroring the in-app quick search."""

    _METHODS = _NAMESPACE_METHODS

    def query(
        self,
        q: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> SearchResults:
        """Search runs, tools and files

        The global search endpoint mirrors the in-app quick search and returns matching runs, tools and files in a single response. Requires the `read` scope.

        ``GET /search`` (scope: read).

        Args:
          q: The search text.
        """
        check_arguments(
            "search.query",
            {
                "q": q,
            },
            _QUERY_OP_CONSTRAINTS,
        )
        return self._client.request(
            _QUERY_OP,
            query={
                "q": q,
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
            cast_to=_QUERY_OP_RETURNS,
        )


class AsyncSearch(AsyncAPIResource):
    """Global search across runs, tools and files, mirroring the in-app quick search. (async)"""

    _METHODS = _NAMESPACE_METHODS

    async def query(
        self,
        q: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> SearchResults:
        """Search runs, tools and files

        The global search endpoint mirrors the in-app quick search and returns matching runs, tools and files in a single response. Requires the `read` scope.

        ``GET /search`` (scope: read).

        Args:
          q: The search text.
        """
        check_arguments(
            "search.query",
            {
                "q": q,
            },
            _QUERY_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _QUERY_OP,
            query={
                "q": q,
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
            cast_to=_QUERY_OP_RETURNS,
        )


class SearchWithRawResponse:
    """``client.with_raw_response.search``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: Search) -> None:
        self._resource = resource
        self.query = to_raw_response_wrapper(resource.query)


class AsyncSearchWithRawResponse:
    """``client.with_raw_response.search``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: AsyncSearch) -> None:
        self._resource = resource
        self.query = async_to_raw_response_wrapper(resource.query)
