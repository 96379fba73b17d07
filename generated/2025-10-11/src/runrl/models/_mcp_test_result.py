"""The ``McpTestResult`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class McpTestResult(BaseModel):
    """
    Handshake diagnostics of an MCP server (free-form).
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
