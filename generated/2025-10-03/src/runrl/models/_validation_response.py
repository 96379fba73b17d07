"""The ``ValidationResponse`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from runrl._models import BaseModel


class ValidationResponse(BaseModel):
    """
    Structured validation feedback.
    """

    valid: bool
    error: Optional[str] = None
    """
    The main problem, when invalid.
    """
    errors: Optional[List[Any]] = None
    """
    All problems found (named by the REST reference; item shape undocumented).
    """
    details: Optional[Dict[str, Any]] = None
    counts: Optional[Dict[str, Any]] = None
    """
    Counts (lines, valid rows, ...) named by the REST reference; free-form.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
