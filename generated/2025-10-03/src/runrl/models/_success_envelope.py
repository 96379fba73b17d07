"""The ``SuccessEnvelope`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Any, Literal, Optional

from runrl._models import BaseModel


class SuccessEnvelope(BaseModel):
    """
    The wrapper of every successful JSON response. Operations narrow `data` to their payload.
    """

    success: Literal[True]
    message: Optional[str] = None
    """
    A human-readable summary of what happened.
    """
    data: Optional[Any] = None
    """
    The payload; its shape depends on the operation.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
