"""The ``DeploymentStatus`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import OpenEnum


class DeploymentStatus(OpenEnum):
    """Where a deployment is in its life cycle. `active`, `failed` and `deleted` are terminal; `active` is the only successful one."""

    PENDING = "pending"
    DEPLOYING = "deploying"
    ACTIVE = "active"
    FAILED = "failed"
    DELETED = "deleted"


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
