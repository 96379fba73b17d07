"""The ``SharedConfiguration`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._visibility import Visibility


class SharedConfiguration(BaseModel):
    """
    A reusable training setup.
    """

    uuid: str
    name: str
    description: Optional[str]
    visibility: Visibility
    configuration: Dict[str, Any]
    """
    The run recipe (model, reward mode, completion length, epochs, ...).
    """
    shareable_url: Optional[str]
    stats: Optional[Dict[str, Any]]
    """
    Usage statistics (likes, copies, ...).
    """
    creator: Optional[Dict[str, Any]]
    """
    Who created the configuration.
    """
    is_owner: Optional[bool]
    liked: Optional[bool]
    """
    Whether the caller has liked it.
    """
    files: Optional[Dict[str, Any]]
    """
    The configuration's prompt and reward files.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("Visibility",)
