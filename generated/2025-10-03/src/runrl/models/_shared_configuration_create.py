"""The ``SharedConfigurationCreate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._visibility import Visibility


class SharedConfigurationCreate(BaseModel):
    """
    Save a run recipe. Files are copied if they belong to another user.
    """

    name: str
    visibility: Visibility
    prompt_file_id: str
    reward_file_id: str
    configuration: Dict[str, Any]
    """
    The run recipe (model, reward_mode, completion_length, epochs, ...).
    """
    description: Optional[str] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("Visibility",)
