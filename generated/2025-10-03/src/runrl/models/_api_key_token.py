"""The ``ApiKeyToken`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._api_key import ApiKey


class ApiKeyToken(BaseModel):
    """
    A newly created key with its secret token (shown only this once).
    """

    api_key: ApiKey
    token: str
    """
    The secret key; store it now, it cannot be retrieved again.
    """
    warning: Optional[str]


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("ApiKey",)
