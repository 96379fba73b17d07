"""The ``FilePreview`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Any, List, Optional

from runrl._models import BaseModel


class FilePreview(BaseModel):
    """
    The first lines of a dataset or a truncated code preview. The shape is not documented; the members below are inferred and optional.
    """

    lines: Optional[List[Any]] = None
    """
    The first lines of the file.
    """
    preview: Optional[str] = None
    """
    The preview as one text.
    """
    truncated: Optional[bool] = None
    """
    Whether the file has more than the preview shows.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
