"""The ``DeploymentPage`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._deployment import Deployment
    from ._pagination import Pagination


class DeploymentPage(BaseModel):
    """
    One page of deployments.
    """

    items: List[Deployment]
    pagination: Optional[Pagination] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = (
    "Deployment",
    "Pagination",
)
