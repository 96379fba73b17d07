"""The ``LikeResult`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Optional

from runrl._models import BaseModel


class LikeResult(BaseModel):
    """
    The like state after toggling it.
    """

    liked: bool
    likes_count: Optional[int] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
