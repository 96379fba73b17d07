"""The ``ToolUpdate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Optional

from runrl._models import BaseModel


class ToolUpdate(BaseModel):
    """
    Changes to a tool's name, description or visibility.
    """

    name: Optional[str] = None
    description: Optional[str] = None
    is_public: Optional[bool] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
