"""The ``FileSummary`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._file_type import FileType


class FileSummary(BaseModel):
    """
    A file in search results (members other than `id` are inferred).
    """

    id: str
    name: Optional[str] = None
    type: Optional[FileType] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("FileType",)
