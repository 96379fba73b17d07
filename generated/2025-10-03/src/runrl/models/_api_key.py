"""The ``ApiKey`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, List, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._scope import Scope


class ApiKey(BaseModel):
    """
    An API key (the secret itself is only returned once, at creation).
    """

    id: int
    name: str
    scopes: List[Scope]
    masked_key: Optional[str] = None
    """
    The key with most characters hidden, e.g. `rl_ab12cd34_****`.
    """
    active: bool
    requests_per_hour: int
    remaining_requests: Optional[int] = None
    total_requests: Optional[int] = None
    created_at: Optional[datetime] = None
    expires_at: Optional[datetime] = None
    """
    When the key expires; null for never.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("Scope",)
