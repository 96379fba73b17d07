"""The ``RunStatus`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import OpenEnum


class RunStatus(OpenEnum):
    """Where a run is in its life cycle. `COMPLETED`, `FAILED` and `CANCELLED` are terminal; `COMPLETED` is the only successful one."""

    PENDING = "PENDING"
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
