"""The ``RewardFunctionValidationRequest`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from runrl._models import BaseModel


class RewardFunctionValidationRequest(BaseModel):
    """
    Reward code to validate, optionally against a prompt file.
    """

    function_code: Annotated[str, Field(alias="functionCode")]
    """
    The Python source defining `reward_fn(completion, **kwargs)`.
    """
    mode: str = "function"
    """
    What the code defines (`function` for a reward function).
    """
    prompt_file_id: Optional[str] = None
    """
    A prompt file to run the function against.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
