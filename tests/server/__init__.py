"""A stateful in-memory implementation of the RunRL REST API, for tests (see README.md)."""

from .api import UploadedFile
from .app import BASE_PATH, DEFAULT_SCOPES, DEFAULT_TOKEN, RecordedRequest, RunRLReferenceApp
from .errors import ApiError
from .faults import FAULT_KINDS, Fault, FaultKind
from .runner import ReferenceServer, start_server
from .store import Store

__all__ = [
    "BASE_PATH",
    "DEFAULT_SCOPES",
    "DEFAULT_TOKEN",
    "FAULT_KINDS",
    "ApiError",
    "Fault",
    "FaultKind",
    "RecordedRequest",
    "ReferenceServer",
    "RunRLReferenceApp",
    "Store",
    "UploadedFile",
    "start_server",
]
