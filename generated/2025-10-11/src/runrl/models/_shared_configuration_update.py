"""The ``SharedConfigurationUpdate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._visibility import Visibility


class SharedConfigurationUpdate(BaseModel):
    """
    Rename, edit the description, change visibility or the recipe.
    """

    name: Optional[str] = None
    description: Optional[str] = None
    visibility: Optional[Visibility] = None
    configuration: Optional[Dict[str, Any]] = None


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("Visibility",)
