"""The ``FileContent`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class FileContent(BaseModel):
    """
    The raw text content of a file.
    """

    content: str


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
