"""The ``RunSummary`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._run_status import RunStatus


class RunSummary(BaseModel):
    """
    A run in search results (members other than `id` are inferred).
    """

    id: int
    model: Optional[str] = None
    status: Optional[RunStatus] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("RunStatus",)
