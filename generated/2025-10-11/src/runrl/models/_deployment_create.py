"""The ``DeploymentCreate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class DeploymentCreate(BaseModel):
    """
    The run whose checkpoint to deploy.
    """

    run_id: int


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
