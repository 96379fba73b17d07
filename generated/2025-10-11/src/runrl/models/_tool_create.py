"""The ``ToolCreate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Optional

from runrl._models import BaseModel


class ToolCreate(BaseModel):
    """
    A new MCP tool; the name must be unique per owner.
    """

    name: str
    mcp_url: str
    """
    The URL of an unauthenticated remote MCP server.
    """
    description: Optional[str] = None
    is_public: bool = False


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
