"""The ``RunCompletions`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class RunCompletions(BaseModel):
    """
    Completions captured in Weights & Biases (free-form).
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
