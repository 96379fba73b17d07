"""The ``HealthStatus`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Optional

from runrl._models import BaseModel


class HealthStatus(BaseModel):
    """
    Service health (the shape is not documented; `status` is inferred).
    """

    status: Optional[str] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
