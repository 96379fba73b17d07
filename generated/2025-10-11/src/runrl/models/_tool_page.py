"""The ``ToolPage`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._pagination import Pagination
    from ._tool import Tool


class ToolPage(BaseModel):
    """
    One page of tools.
    """

    items: List[Tool]
    pagination: Optional[Pagination] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = (
    "Pagination",
    "Tool",
)
