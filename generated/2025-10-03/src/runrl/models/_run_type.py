"""The ``RunType`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import OpenEnum


class RunType(OpenEnum):
    """How completions are scored: a reward function, or a (multi-turn) environment."""

    REWARD_FUNCTION = "reward_function"
    ENVIRONMENT = "environment"


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
