"""RunRL API Python SDK, generated for API version 2025-10-11.

Quick start::

    from runrl import RunRLClient

    client = RunRLClient()  # reads RUNRL_API_KEY
"""

from typing import TYPE_CHECKING, Any, List

from ._openapi import openapi_spec, openapi_spec_path
from ._version import API_VERSION, __version__

if TYPE_CHECKING:
    from . import config as config
    from . import exceptions as exceptions
    from . import futures as futures
    from . import models as models
    from ._client import AsyncRunRLClient, RunRLClient
    from ._config import ClientConfig
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        AuthorizationError,
        BadRequestError,
        ClientClosedError,
        ConflictError,
        FieldError,
        InternalServerError,
        NotFoundError,
        NotModifiedError,
        PermissionDeniedError,
        PollingCancelledError,
        PollingFailedError,
        ProblemDetails,
        RateLimitError,
        ResponseValidationError,
        RunFailedError,
        RunRLException,
        ServerError,
        TimeoutError,
        TokenRequestError,
        UnprocessableEntityError,
        ValidationError,
        make_status_error,
    )
    from ._pagination import PagedResponse
    from ._polling import (
        AsyncRunRLPollingFuture,
        RunRLPollingFuture,
        as_completed,
        async_as_completed,
        async_wait_all,
        wait_all,
    )
    from ._streaming import AsyncEventStream, EventStream, ServerSentEvent
    from ._types import NOT_GIVEN, NotGiven
    from .objects import AsyncRunRL, RunRL

# Loaded on first use (PEP 562), so that `import runrl` stays cheap (the `runrl` command
# line's --help imports no client): the clients, the exceptions, the models (every schema's
# class) and the polling machinery are imported when first touched, the namespaces'
# modules when the client first uses them (see _client.py).
_LAZY = {
    "RunRLClient": "_client",
    "AsyncRunRLClient": "_client",
    "ClientConfig": "_config",
    "NOT_GIVEN": "_types",  # an optional argument left out, written out (README: Optional arguments)
    "NotGiven": "_types",
    "RunRL": "objects",
    "AsyncRunRL": "objects",
    "APIConnectionError": "_exceptions",
    "APIError": "_exceptions",
    "APIStatusError": "_exceptions",
    "APITimeoutError": "_exceptions",
    "AuthenticationError": "_exceptions",
    "AuthorizationError": "_exceptions",
    "BadRequestError": "_exceptions",
    "ClientClosedError": "_exceptions",
    "ConflictError": "_exceptions",
    "FieldError": "_exceptions",
    "InternalServerError": "_exceptions",
    "NotFoundError": "_exceptions",
    "NotModifiedError": "_exceptions",
    "PermissionDeniedError": "_exceptions",
    "PollingCancelledError": "_exceptions",
    "PollingFailedError": "_exceptions",
    "ProblemDetails": "_exceptions",
    "RateLimitError": "_exceptions",
    "ResponseValidationError": "_exceptions",
    "RunRLException": "_exceptions",
    "RunFailedError": "_exceptions",
    "ServerError": "_exceptions",
    "TimeoutError": "_exceptions",
    "TokenRequestError": "_exceptions",
    "UnprocessableEntityError": "_exceptions",
    "ValidationError": "_exceptions",
    "make_status_error": "_exceptions",
    "AsyncRunRLPollingFuture": "_polling",
    "RunRLPollingFuture": "_polling",
    "as_completed": "_polling",
    "async_as_completed": "_polling",
    "async_wait_all": "_polling",
    "wait_all": "_polling",
    "PagedResponse": "_pagination",
    "AsyncEventStream": "_streaming",
    "EventStream": "_streaming",
    "ServerSentEvent": "_streaming",
    "models": "models",
    "config": "config",  # hand-written (the spec's overlay)
    "exceptions": "exceptions",  # hand-written (the spec's overlay)
    "futures": "futures",  # hand-written (the spec's overlay)
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    module = import_module(f"{__name__}.{module_name}")
    value = module if module_name == name else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    """The public API (``__all__`` and the lazily loaded ``models``), not the helpers."""
    return sorted(set(__all__) | set(_LAZY))


__all__ = [
    "RunRLClient",
    "AsyncRunRLClient",
    "RunRLPollingFuture",
    "AsyncRunRLPollingFuture",
    "ClientConfig",
    "RunRL",
    "AsyncRunRL",
    "NOT_GIVEN",
    "NotGiven",
    "API_VERSION",
    "__version__",
    "as_completed",
    "async_as_completed",
    "async_wait_all",
    "wait_all",
    "PagedResponse",
    "EventStream",
    "AsyncEventStream",
    "ServerSentEvent",
    "openapi_spec",
    "openapi_spec_path",
    "config",
    "exceptions",
    "futures",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "AuthorizationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "FieldError",
    "InternalServerError",
    "NotFoundError",
    "NotModifiedError",
    "PermissionDeniedError",
    "PollingCancelledError",
    "PollingFailedError",
    "ProblemDetails",
    "RateLimitError",
    "ResponseValidationError",
    "RunRLException",
    "RunFailedError",
    "ServerError",
    "TimeoutError",
    "TokenRequestError",
    "UnprocessableEntityError",
    "ValidationError",
    "make_status_error",
]
