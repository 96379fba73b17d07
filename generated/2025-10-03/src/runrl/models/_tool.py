"""The ``Tool`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from runrl._models import BaseModel


class Tool(BaseModel):
    """
    An MCP tool.
    """

    id: int
    name: str
    description: Optional[str]
    mcp_url: str
    """
    The MCP server's URL.
    """
    owner_user_id: int
    is_public: bool
    verified: bool
    usage_count: int
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
