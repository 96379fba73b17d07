"""The ``SearchResults`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._file_summary import FileSummary
    from ._run_summary import RunSummary
    from ._tool_summary import ToolSummary


class SearchResults(BaseModel):
    """
    Matching runs, tools and files.
    """

    runs: Optional[List[RunSummary]] = None
    tools: Optional[List[ToolSummary]] = None
    files: Optional[List[FileSummary]] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = (
    "FileSummary",
    "RunSummary",
    "ToolSummary",
)
