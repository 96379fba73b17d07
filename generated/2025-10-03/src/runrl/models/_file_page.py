"""The ``FilePage`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._file import File
    from ._pagination import Pagination


class FilePage(BaseModel):
    """
    One page of files.
    """

    items: List[File]
    pagination: Optional[Pagination] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = (
    "File",
    "Pagination",
)
