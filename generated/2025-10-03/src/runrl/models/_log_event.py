"""The ``LogEvent`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from runrl._models import BaseModel


class LogEvent(BaseModel):
    """
    The JSON `data` of one server-sent event of the log stream. The shape is not documented; the members below are inferred and optional.
    """

    line: Optional[int] = None
    """
    The line number.
    """
    message: Optional[str] = None
    """
    The log text.
    """
    timestamp: Optional[datetime] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
