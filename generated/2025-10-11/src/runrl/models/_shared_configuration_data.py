"""The ``SharedConfigurationData`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class SharedConfigurationData(BaseModel):
    """
    The full payload of a shared configuration, including the prompt preview and reward code snippets (free-form).
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
