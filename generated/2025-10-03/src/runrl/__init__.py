"""RunRL API Python SDK, generated for API version 2025-10-03.

Quick start::

    from runrl import RunRLClient

    client = RunRLClient()  # reads RUNRL_API_KEY
"""

from . import exceptions
from ._client import AsyncRunRLClient, RunRLClient
from ._config import ClientConfig
from ._exceptions import *  # noqa: F403 - the whole public exception hierarchy
from ._exceptions import __all__ as _exception_names
from ._polling import (
    AsyncRunRLPollingFuture,
    RunRLPollingFuture,
    as_completed,
    wait_all,
)
from ._version import API_VERSION, __version__

__all__ = [
    "RunRLClient",
    "AsyncRunRLClient",
    "RunRLPollingFuture",
    "AsyncRunRLPollingFuture",
    "ClientConfig",
    "API_VERSION",
    "__version__",
    "as_completed",
    "exceptions",
    "wait_all",
    *_exception_names,
]
