"""The ``ErrorEnvelope`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Literal, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._error_code import ErrorCode


class ErrorEnvelope(BaseModel):
    """
    The body of every error response.
    """

    success: Literal[False]
    error: ErrorCode
    message: str
    """
    A human-readable description of the error.
    """
    details: Optional[Dict[str, Any]] = None
    """
    Optional structured details (for `validation_error`, what failed).
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("ErrorCode",)
