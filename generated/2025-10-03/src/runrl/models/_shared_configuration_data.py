"""The ``SharedConfigurationData`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class SharedConfigurationData(BaseModel):
    """
    The full payload of a shared configuration, including the prompt preview and reward code snippets (free-form).
    """
