"""``RunRLClient`` and ``AsyncRunRLClient``: the entry points of the SDK.

Namespaces are created on first use (and their modules imported then), and the client's own
methods import the models they return when called (those that return only models: once the
answer arrives, see ``_base_client.later``), which keeps ``import runrl`` fast.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Dict, Optional, Type, Union

import httpx

from . import _auth
from ._base_client import (
    AsyncAPIClient,
    Operation,
    RequestOptions,
    SyncAPIClient,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from ._base_client import later as _later
from ._config import ClientConfig
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout

if TYPE_CHECKING:
    from .models import (
        HealthStatus,
    )
    from .resources.api_keys import (
        ApiKeys,
        ApiKeysWithRawResponse,
        AsyncApiKeys,
        AsyncApiKeysWithRawResponse,
    )
    from .resources.deployments import (
        AsyncDeployments,
        AsyncDeploymentsWithRawResponse,
        Deployments,
        DeploymentsWithRawResponse,
    )
    from .resources.files import (
        AsyncFiles,
        AsyncFilesWithRawResponse,
        Files,
        FilesWithRawResponse,
    )
    from .resources.runs import (
        AsyncRuns,
        AsyncRunsWithRawResponse,
        Runs,
        RunsWithRawResponse,
    )
    from .resources.search import (
        AsyncSearch,
        AsyncSearchWithRawResponse,
        Search,
        SearchWithRawResponse,
    )
    from .resources.shared_configurations import (
        AsyncSharedConfigurations,
        AsyncSharedConfigurationsWithRawResponse,
        SharedConfigurations,
        SharedConfigurationsWithRawResponse,
    )
    from .resources.tools import (
        AsyncTools,
        AsyncToolsWithRawResponse,
        Tools,
        ToolsWithRawResponse,
    )
    from .resources.validation import (
        AsyncValidation,
        AsyncValidationWithRawResponse,
        Validation,
        ValidationWithRawResponse,
    )


def _health_op_returns() -> Type[HealthStatus]:
    from .models import HealthStatus

    return HealthStatus


_HEALTH_OP_RETURNS = _later(_health_op_returns)
_HEALTH_OP = Operation(
    method="GET",
    path="/health",
    unwrap=("data",),
    operation_id="getHealth",
    qualified_name="health",
)


# The API's security schemes (components.securitySchemes) and the document's requirements:
# alternatives, each the schemes applied together. Which credential each argument feeds, and
# how, is decided by the runtime (_auth.Authenticator).
SECURITY = _auth.Security(
    schemes=(
        _auth.HTTPBearerScheme(
            "bearerAuth", _auth.CredentialSource("api_key", "RUNRL_API_KEY"), prefix="Bearer"
        ),
    ),
    default=(("bearerAuth",),),
)


class RunRLClient(SyncAPIClient):
    """Synchronous client for RunRL API (API 2025-10-11).

    Configuration comes from keyword arguments, then ``RUNRL_*`` environment
    variables, then defaults; a missing API key raises ``AuthenticationError`` here, at
    construction. Use it as a context manager or call ``close()`` when done.

    Two time limits apply to every call: ``timeout`` bounds each step of a request
    (connecting, each read, each write) and ``total_timeout`` the whole call, retries
    included; both can be changed per call. The API key is stripped of surrounding
    whitespace; no key, password or token appears in a ``repr``, log line or error message.
    """

    _security: ClassVar[_auth.Security] = SECURITY

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[Timeout] = None,
        total_timeout: Optional[float] = None,
        poll_interval: Optional[float] = None,
        max_poll_timeout: Optional[float] = None,
        user_agent: Optional[str] = None,
        max_retries: Optional[int] = None,
        retry_enabled: Optional[bool] = None,
        retry_backoff_factor: Optional[float] = None,
        verify_ssl: Optional[bool] = None,
        ssl_ca_cert: Optional[str] = None,
        cert_file: Optional[str] = None,
        key_file: Optional[str] = None,
        proxy: Optional[str] = None,
        pool_maxsize: Optional[int] = None,
        debug: Optional[bool] = None,
        default_headers: Optional[Dict[str, str]] = None,
        http_client: Optional[httpx.Client] = None,
    ) -> None:
        """Create a client. ``None`` means "not given": the environment or the default applies.

        Args:
          api_key: API key (default ``RUNRL_API_KEY``).
          base_url: API root (default ``RUNRL_BASE_URL``, else ``https://runrl.com/api/v1``).
          timeout: Seconds each step of a request may take: connecting, each read, each write
            (a float, or an ``httpx.Timeout`` per step; default 30.0). A server that keeps sending
            a byte now and then never trips it; ``total_timeout`` does.
          total_timeout: Seconds one call may take in all: every attempt, retry pause and byte
            of the answer (for an event stream, until it is open); default 600,
            ``float("inf")`` for no limit (``RUNRL_TOTAL_TIMEOUT``).
          poll_interval: Seconds between polls of a future (default 5.0).
          max_poll_timeout: Longest wait of a future's ``result()`` (default 3600.0).
          user_agent: ``User-Agent`` header (default names this package and the API version).
          max_retries: Retries of a failed request that is safe to repeat (default 2).
          retry_enabled: ``False`` turns retries off.
          retry_backoff_factor: First backoff in seconds, doubled per retry (with jitter).
          verify_ssl: Verify TLS certificates (default ``True``).
          ssl_ca_cert: A CA bundle file to verify the server with.
          cert_file: Client certificate file (with ``key_file``) for mutual TLS.
          key_file: Private key of ``cert_file``.
          proxy: Proxy URL.
          pool_maxsize: Size of the connection pool.
          debug: Log every request (headers redacted) on the ``runrl`` logger.
          default_headers: Headers sent with every request.
          http_client: A ready ``httpx.Client`` to send requests with (left open on close).
        """
        options: Dict[str, Any] = {
            "api_key": api_key,
            "base_url": base_url,
            "timeout": timeout,
            "total_timeout": total_timeout,
            "poll_interval": poll_interval,
            "max_poll_timeout": max_poll_timeout,
            "user_agent": user_agent,
            "max_retries": max_retries,
            "retry_enabled": retry_enabled,
            "retry_backoff_factor": retry_backoff_factor,
            "verify_ssl": verify_ssl,
            "ssl_ca_cert": ssl_ca_cert,
            "cert_file": cert_file,
            "key_file": key_file,
            "proxy": proxy,
            "pool_maxsize": pool_maxsize,
            "debug": debug,
            "default_headers": default_headers,
        }
        super().__init__(ClientConfig.from_env(**options), http_client=http_client)

    @cached_property
    def with_raw_response(self) -> RunRLClientWithRawResponse:
        """The same namespaces and methods, returning the raw ``APIResponse``.

        ``client.with_raw_response.<namespace>.<method>(...)`` gives ``.status_code``,
        ``.headers`` (e.g. ``X-RateLimit-Remaining``) and ``.parsed()``. The latest rate-limit
        state of any call is also in ``client.rate_limit``.
        """
        return RunRLClientWithRawResponse(self)

    @cached_property
    def files(self) -> Files:
        """Files drive training runs: prompt datasets, reward and environment code, and SFT datasets."""
        from .resources.files import Files

        return Files(self)

    @cached_property
    def runs(self) -> Runs:
        """Runs encapsulate RL training jobs: create, inspect, follow logs and metrics, cancel."""
        from .resources.runs import Runs

        return Runs(self)

    @cached_property
    def deployments(self) -> Deployments:
        """Deploy trained checkpoints to managed infrastructure. All deployment endpoints require the `write` scope."""
        from .resources.deployments import Deployments

        return Deployments(self)

    @cached_property
    def tools(self) -> Tools:
        """Manage MCP tools that agents can call during training."""
        from .resources.tools import Tools

        return Tools(self)

    @cached_property
    def shared_configurations(self) -> SharedConfigurations:
        """Shared configurations capture reusable training setups."""
        from .resources.shared_configurations import SharedConfigurations

        return SharedConfigurations(self)

    @cached_property
    def validation(self) -> Validation:
        """Built-in validators for prompt files, SFT files and reward code."""
        from .resources.validation import Validation

        return Validation(self)

    @cached_property
    def search(self) -> Search:
        """Global search across runs, tools and files, mirroring the in-app quick search."""
        from .resources.search import Search

        return Search(self)

    @cached_property
    def api_keys(self) -> ApiKeys:
        """Create, inspect, update and revoke API keys."""
        from .resources.api_keys import ApiKeys

        return ApiKeys(self)

    def health(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> HealthStatus:
        """Health check

        The documented quick health check; also a cheap way to test an API key. Requires the `read` scope.

        ``GET /health`` (scope: read).
        """
        return self.request(
            _HEALTH_OP,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_HEALTH_OP_RETURNS,
        )


class AsyncRunRLClient(AsyncAPIClient):
    """Asynchronous client for RunRL API (API 2025-10-11).

    Configuration comes from keyword arguments, then ``RUNRL_*`` environment
    variables, then defaults; a missing API key raises ``AuthenticationError`` here, at
    construction. Use it as a context manager or call ``aclose()`` when done.

    Two time limits apply to every call: ``timeout`` bounds each step of a request
    (connecting, each read, each write) and ``total_timeout`` the whole call, retries
    included; both can be changed per call. The API key is stripped of surrounding
    whitespace; no key, password or token appears in a ``repr``, log line or error message.
    """

    _security: ClassVar[_auth.Security] = SECURITY

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[Timeout] = None,
        total_timeout: Optional[float] = None,
        poll_interval: Optional[float] = None,
        max_poll_timeout: Optional[float] = None,
        user_agent: Optional[str] = None,
        max_retries: Optional[int] = None,
        retry_enabled: Optional[bool] = None,
        retry_backoff_factor: Optional[float] = None,
        verify_ssl: Optional[bool] = None,
        ssl_ca_cert: Optional[str] = None,
        cert_file: Optional[str] = None,
        key_file: Optional[str] = None,
        proxy: Optional[str] = None,
        pool_maxsize: Optional[int] = None,
        debug: Optional[bool] = None,
        default_headers: Optional[Dict[str, str]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
    ) -> None:
        """Create a client. ``None`` means "not given": the environment or the default applies.

        Args:
          api_key: API key (default ``RUNRL_API_KEY``).
          base_url: API root (default ``RUNRL_BASE_URL``, else ``https://runrl.com/api/v1``).
          timeout: Seconds each step of a request may take: connecting, each read, each write
            (a float, or an ``httpx.Timeout`` per step; default 30.0). A server that keeps sending
            a byte now and then never trips it; ``total_timeout`` does.
          total_timeout: Seconds one call may take in all: every attempt, retry pause and byte
            of the answer (for an event stream, until it is open); default 600,
            ``float("inf")`` for no limit (``RUNRL_TOTAL_TIMEOUT``).
          poll_interval: Seconds between polls of a future (default 5.0).
          max_poll_timeout: Longest wait of a future's ``result()`` (default 3600.0).
          user_agent: ``User-Agent`` header (default names this package and the API version).
          max_retries: Retries of a failed request that is safe to repeat (default 2).
          retry_enabled: ``False`` turns retries off.
          retry_backoff_factor: First backoff in seconds, doubled per retry (with jitter).
          verify_ssl: Verify TLS certificates (default ``True``).
          ssl_ca_cert: A CA bundle file to verify the server with.
          cert_file: Client certificate file (with ``key_file``) for mutual TLS.
          key_file: Private key of ``cert_file``.
          proxy: Proxy URL.
          pool_maxsize: Size of the connection pool.
          debug: Log every request (headers redacted) on the ``runrl`` logger.
          default_headers: Headers sent with every request.
          http_client: A ready ``httpx.AsyncClient`` to send requests with (left open on close).
        """
        options: Dict[str, Any] = {
            "api_key": api_key,
            "base_url": base_url,
            "timeout": timeout,
            "total_timeout": total_timeout,
            "poll_interval": poll_interval,
            "max_poll_timeout": max_poll_timeout,
            "user_agent": user_agent,
            "max_retries": max_retries,
            "retry_enabled": retry_enabled,
            "retry_backoff_factor": retry_backoff_factor,
            "verify_ssl": verify_ssl,
            "ssl_ca_cert": ssl_ca_cert,
            "cert_file": cert_file,
            "key_file": key_file,
            "proxy": proxy,
            "pool_maxsize": pool_maxsize,
            "debug": debug,
            "default_headers": default_headers,
        }
        super().__init__(ClientConfig.from_env(**options), http_client=http_client)

    @cached_property
    def with_raw_response(self) -> AsyncRunRLClientWithRawResponse:
        """The same namespaces and methods, returning the raw ``APIResponse``.

        ``client.with_raw_response.<namespace>.<method>(...)`` gives ``.status_code``,
        ``.headers`` (e.g. ``X-RateLimit-Remaining``) and ``.parsed()``. The latest rate-limit
        state of any call is also in ``client.rate_limit``.
        """
        return AsyncRunRLClientWithRawResponse(self)

    @cached_property
    def files(self) -> AsyncFiles:
        """Files drive training runs: prompt datasets, reward and environment code, and SFT datasets."""
        from .resources.files import AsyncFiles

        return AsyncFiles(self)

    @cached_property
    def runs(self) -> AsyncRuns:
        """Runs encapsulate RL training jobs: create, inspect, follow logs and metrics, cancel."""
        from .resources.runs import AsyncRuns

        return AsyncRuns(self)

    @cached_property
    def deployments(self) -> AsyncDeployments:
        """Deploy trained checkpoints to managed infrastructure. All deployment endpoints require the `write` scope."""
        from .resources.deployments import AsyncDeployments

        return AsyncDeployments(self)

    @cached_property
    def tools(self) -> AsyncTools:
        """Manage MCP tools that agents can call during training."""
        from .resources.tools import AsyncTools

        return AsyncTools(self)

    @cached_property
    def shared_configurations(self) -> AsyncSharedConfigurations:
        """Shared configurations capture reusable training setups."""
        from .resources.shared_configurations import AsyncSharedConfigurations

        return AsyncSharedConfigurations(self)

    @cached_property
    def validation(self) -> AsyncValidation:
        """Built-in validators for prompt files, SFT files and reward code."""
        from .resources.validation import AsyncValidation

        return AsyncValidation(self)

    @cached_property
    def search(self) -> AsyncSearch:
        """Global search across runs, tools and files, mirroring the in-app quick search."""
        from .resources.search import AsyncSearch

        return AsyncSearch(self)

    @cached_property
    def api_keys(self) -> AsyncApiKeys:
        """Create, inspect, update and revoke API keys."""
        from .resources.api_keys import AsyncApiKeys

        return AsyncApiKeys(self)

    async def health(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> HealthStatus:
        """Health check

        The documented quick health check; also a cheap way to test an API key. Requires the `read` scope.

        ``GET /health`` (scope: read).
        """
        return await self.request(
            _HEALTH_OP,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_HEALTH_OP_RETURNS,
        )


class RunRLClientWithRawResponse:
    """What ``RunRLClient.with_raw_response`` returns: namespaces whose methods return an
    ``APIResponse`` instead of the parsed value."""

    def __init__(self, client: RunRLClient) -> None:
        self._client = client
        self.health = to_raw_response_wrapper(client.health)

    @cached_property
    def files(self) -> FilesWithRawResponse:
        from .resources.files import FilesWithRawResponse

        return FilesWithRawResponse(self._client.files)

    @cached_property
    def runs(self) -> RunsWithRawResponse:
        from .resources.runs import RunsWithRawResponse

        return RunsWithRawResponse(self._client.runs)

    @cached_property
    def deployments(self) -> DeploymentsWithRawResponse:
        from .resources.deployments import DeploymentsWithRawResponse

        return DeploymentsWithRawResponse(self._client.deployments)

    @cached_property
    def tools(self) -> ToolsWithRawResponse:
        from .resources.tools import ToolsWithRawResponse

        return ToolsWithRawResponse(self._client.tools)

    @cached_property
    def shared_configurations(self) -> SharedConfigurationsWithRawResponse:
        from .resources.shared_configurations import SharedConfigurationsWithRawResponse

        return SharedConfigurationsWithRawResponse(self._client.shared_configurations)

    @cached_property
    def validation(self) -> ValidationWithRawResponse:
        from .resources.validation import ValidationWithRawResponse

        return ValidationWithRawResponse(self._client.validation)

    @cached_property
    def search(self) -> SearchWithRawResponse:
        from .resources.search import SearchWithRawResponse

        return SearchWithRawResponse(self._client.search)

    @cached_property
    def api_keys(self) -> ApiKeysWithRawResponse:
        from .resources.api_keys import ApiKeysWithRawResponse

        return ApiKeysWithRawResponse(self._client.api_keys)


class AsyncRunRLClientWithRawResponse:
    """What ``AsyncRunRLClient.with_raw_response`` returns: namespaces whose methods return an
    ``APIResponse`` instead of the parsed value."""

    def __init__(self, client: AsyncRunRLClient) -> None:
        self._client = client
        self.health = async_to_raw_response_wrapper(client.health)

    @cached_property
    def files(self) -> AsyncFilesWithRawResponse:
        from .resources.files import AsyncFilesWithRawResponse

        return AsyncFilesWithRawResponse(self._client.files)

    @cached_property
    def runs(self) -> AsyncRunsWithRawResponse:
        from .resources.runs import AsyncRunsWithRawResponse

        return AsyncRunsWithRawResponse(self._client.runs)

    @cached_property
    def deployments(self) -> AsyncDeploymentsWithRawResponse:
        from .resources.deployments import AsyncDeploymentsWithRawResponse

        return AsyncDeploymentsWithRawResponse(self._client.deployments)

    @cached_property
    def tools(self) -> AsyncToolsWithRawResponse:
        from .resources.tools import AsyncToolsWithRawResponse

        return AsyncToolsWithRawResponse(self._client.tools)

    @cached_property
    def shared_configurations(self) -> AsyncSharedConfigurationsWithRawResponse:
        from .resources.shared_configurations import AsyncSharedConfigurationsWithRawResponse

        return AsyncSharedConfigurationsWithRawResponse(self._client.shared_configurations)

    @cached_property
    def validation(self) -> AsyncValidationWithRawResponse:
        from .resources.validation import AsyncValidationWithRawResponse

        return AsyncValidationWithRawResponse(self._client.validation)

    @cached_property
    def search(self) -> AsyncSearchWithRawResponse:
        from .resources.search import AsyncSearchWithRawResponse

        return AsyncSearchWithRawResponse(self._client.search)

    @cached_property
    def api_keys(self) -> AsyncApiKeysWithRawResponse:
        from .resources.api_keys import AsyncApiKeysWithRawResponse

        return AsyncApiKeysWithRawResponse(self._client.api_keys)
