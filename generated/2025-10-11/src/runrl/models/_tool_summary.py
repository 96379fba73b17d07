"""The ``ToolSummary`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Optional

from runrl._models import BaseModel


class ToolSummary(BaseModel):
    """
    A tool in search results (members other than `id` are inferred).
    """

    id: int
    name: Optional[str] = None
    description: Optional[str] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
