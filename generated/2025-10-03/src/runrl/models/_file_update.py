"""The ``FileUpdate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Optional

from runrl._models import BaseModel


class FileUpdate(BaseModel):
    """
    Rename a file or replace the code of a reward/environment file.
    """

    name: Optional[str] = None
    content: Optional[str] = None
    """
    New text content (reward or environment code).
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
