"""The ``PromptValidationRequest`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import BaseModel


class PromptValidationRequest(BaseModel):
    prompt_file_id: str


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
