"""The ``File`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._file_type import FileType


class File(BaseModel):
    """
    A stored file (prompt dataset, reward or environment code, SFT dataset).
    """

    id: str
    """
    The file's id (a UUID).
    """
    name: str
    original_filename: Optional[str] = None
    """
    The name of the uploaded file, if it was uploaded.
    """
    type: FileType
    file_size: Optional[int] = None
    """
    Size in bytes.
    """
    file_size_human: Optional[str] = None
    """
    Size for humans, e.g. `12.4 KB`.
    """
    mime_type: Optional[str] = None
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None
    download_url: Optional[str] = None
    """
    Where to download the original file.
    """
    content_url: Optional[str] = None
    """
    Where to read the text content.
    """
    preview_url: Optional[str] = None
    """
    Where to read a preview.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("FileType",)
