"""The ``DeploymentCheck`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import List, Optional

from runrl._models import BaseModel


class DeploymentCheck(BaseModel):
    """
    Whether a run can be deployed (HF checkpoint exists, not already deployed, ...). The shape is not documented; the members below are inferred and optional.
    """

    deployable: Optional[bool] = None
    reasons: Optional[List[str]] = None
    """
    Why the run cannot be deployed, if it cannot.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
