"""The ``Run`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._run_status import RunStatus
    from ._run_type import RunType


class Run(BaseModel):
    """
    A training run.
    """

    id: int
    status: RunStatus
    type: RunType
    model: str
    """
    The base model, e.g. `Qwen/Qwen2.5-7B-Instruct`.
    """
    parameters: Dict[str, Any]
    """
    The training parameters the run was created with.
    """
    uses_tools: bool
    progress: Optional[float] = None
    """
    Progress reported while running.
    """
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None
    started_at: Optional[datetime] = None
    completed_at: Optional[datetime] = None
    error_message: Optional[str] = None
    """
    Why the run failed, when it did.
    """
    wandb_url: Optional[str] = None
    """
    The run's Weights & Biases page.
    """
    hf_name: Optional[str] = None
    """
    The Hugging Face repository of the trained checkpoint.
    """
    prompt_file: Optional[Dict[str, Any]] = None
    """
    The prompt file (summary).
    """
    reward_file: Optional[Dict[str, Any]] = None
    """
    The reward or environment file (summary).
    """
    sft_file: Optional[Dict[str, Any]] = None
    """
    The SFT dataset (summary), if any.
    """
    tools: Optional[List[Dict[str, Any]]] = None
    """
    The MCP tools attached to the run.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = (
    "RunStatus",
    "RunType",
)
