"""The ``FileType`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import OpenEnum


class FileType(OpenEnum):
    """What a file is used for."""

    PROMPT = "prompt"
    REWARD_FUNCTION = "reward_function"
    ENVIRONMENT = "environment"
    SFT = "sft"


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
