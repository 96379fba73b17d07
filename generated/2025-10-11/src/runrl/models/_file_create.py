"""The ``FileCreate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._file_type import FileType


class FileCreate(BaseModel):
    """
    A file created from text content (typically reward or environment code).
    """

    name: str
    content: str
    """
    The file's text content.
    """
    type: FileType
    original_filename: Optional[str] = None
    """
    A file name to record, e.g. `reward.py`.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("FileType",)
