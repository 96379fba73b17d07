"""The ``RunPage`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._pagination import Pagination
    from ._run import Run


class RunPage(BaseModel):
    """
    One page of runs.
    """

    items: List[Run]
    pagination: Optional[Pagination] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = (
    "Pagination",
    "Run",
)
