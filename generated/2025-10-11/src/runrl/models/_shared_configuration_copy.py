"""The ``SharedConfigurationCopy`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class SharedConfigurationCopy(BaseModel):
    """
    The copy made in the caller's account.
    """

    uuid: str
    """
    The new configuration's UUID.
    """
    prompt_file_id: str
    """
    The id of the copied prompt file.
    """
    reward_file_id: str
    """
    The id of the copied reward file.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
