"""The ``ApiKeyUpdate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, List, Optional

from pydantic import Field

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._scope import Scope


class ApiKeyUpdate(BaseModel):
    """
    Rename, toggle active, adjust scopes or limits.
    """

    name: Optional[str] = None
    active: Optional[bool] = None
    scopes: Optional[List[Scope]] = None
    requests_per_hour: Annotated[Optional[int], Field(ge=1)] = None
    expires_at: Optional[datetime] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("Scope",)
