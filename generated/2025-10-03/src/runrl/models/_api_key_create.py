"""The ``ApiKeyCreate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, List, Optional

from pydantic import Field

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._scope import Scope


class ApiKeyCreate(BaseModel):
    name: str
    scopes: Optional[List[Scope]] = None
    requests_per_hour: Annotated[Optional[int], Field(ge=1)] = None
    """
    Hourly quota (the server default is 10,000).
    """
    expires_at: Optional[datetime] = None
    """
    When the key expires; null or omitted for never.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("Scope",)
