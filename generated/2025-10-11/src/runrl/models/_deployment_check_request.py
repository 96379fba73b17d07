"""The ``DeploymentCheckRequest`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class DeploymentCheckRequest(BaseModel):
    """
    The run to check for deployability.
    """

    run_id: int


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
