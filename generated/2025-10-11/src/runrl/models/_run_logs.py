"""The ``RunLogs`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Any, List, Optional

from runrl._models import BaseModel


class RunLogs(BaseModel):
    """
    A batch of log lines (with redaction applied). The shape is not documented; the members below are inferred and optional.
    """

    lines: Optional[List[Any]] = None
    """
    The log lines of this batch.
    """
    last_line: Optional[int] = None
    """
    The number of the last line returned; pass it as `last_line` to continue.
    """
    has_more: Optional[bool] = None
    """
    Whether more lines are available.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
