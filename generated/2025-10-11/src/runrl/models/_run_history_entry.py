"""The ``RunHistoryEntry`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._run_status import RunStatus


class RunHistoryEntry(BaseModel):
    """
    One status change of a run.
    """

    status: RunStatus
    timestamp: datetime


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("RunStatus",)
