"""The ``Deployment`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Dict, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._deployment_status import DeploymentStatus


class Deployment(BaseModel):
    """
    A trained checkpoint served on managed infrastructure.
    """

    id: int
    run_id: int
    base_model: str
    api_url: str
    """
    The endpoint serving the deployed model.
    """
    status: DeploymentStatus
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None
    run: Optional[Dict[str, Any]] = None
    """
    The linked run (summary).
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("DeploymentStatus",)
