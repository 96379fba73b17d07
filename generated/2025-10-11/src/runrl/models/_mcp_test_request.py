"""The ``McpTestRequest`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class McpTestRequest(BaseModel):
    """
    The MCP server URL to test.
    """

    mcp_url: str


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
