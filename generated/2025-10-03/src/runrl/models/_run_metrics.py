"""The ``RunMetrics`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class RunMetrics(BaseModel):
    """
    A snapshot of the run's Weights & Biases metrics (free-form).
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
