"""The ``RunHistory`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, List

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._run_history_entry import RunHistoryEntry


class RunHistory(BaseModel):
    """
    A run's status timeline.
    """

    history: List[RunHistoryEntry]


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("RunHistoryEntry",)
