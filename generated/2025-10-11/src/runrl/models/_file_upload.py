"""The ``FileUpload`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._file_type import FileType


class FileUpload(BaseModel):
    """
    A multipart upload of a local file.
    """

    file: bytes
    """
    The file's bytes.
    """
    type: FileType
    name: Optional[str] = None
    """
    A display name; defaults to the uploaded file's name.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("FileType",)
