"""The ``RunCreate`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, List, Optional

from pydantic import Field

from runrl._models import BaseModel

if TYPE_CHECKING:
    from ._run_type import RunType


class RunCreate(BaseModel):
    """
    The parameters of a new run; they mirror the run creation modal, including SFT datasets, package requirements, Hugging Face tokens and tool attachments.
    """

    model: str
    """
    The base model to train, e.g. `Qwen/Qwen2.5-7B-Instruct`.
    """
    prompt_file_id: str
    """
    Id of the prompt file (`File.id`).
    """
    reward_file_id: str
    """
    Id of the reward function or environment file (`File.id`).
    """
    type: Optional[RunType] = None
    completion_length: Annotated[int, Field(ge=128, le=8192)] = 1024
    """
    Maximum completion length in tokens.
    """
    epochs: Annotated[int, Field(ge=1, le=100)] = 1
    """
    Passes over the prompt dataset (1-100).
    """
    learning_rate_multiplier: Annotated[float, Field(gt=0.0)] = 1.0
    """
    Multiplier on the model's base learning rate (greater than 0).
    """
    sft_file_id: Optional[str] = None
    """
    Id of an SFT dataset to warm up on before RL.
    """
    tool_ids: Optional[List[int]] = None
    """
    Ids of MCP tools to attach.
    """
    package_requirements: Optional[List[str]] = None
    """
    Extra pip requirements, e.g. `wandb==0.17.4`.
    """
    hf_token: Optional[str] = None
    """
    A Hugging Face token (for gated models or pushing checkpoints).
    """
    use_lora: bool = False
    """
    Enable parameter-efficient fine-tuning with LoRA (Low-Rank Adaptation).
    """
    lora_rank: Annotated[int, Field(ge=0)] = 16
    """
    LoRA rank; controls adaptation capacity (0 = disabled).
    """
    lora_alpha: Annotated[int, Field(ge=1)] = 16
    """
    LoRA scaling factor, typically 2× the rank.
    """
    lora_dropout: Annotated[float, Field(ge=0.0, le=1.0)] = 0.0
    """
    LoRA dropout rate, for regularization.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ("RunType",)
