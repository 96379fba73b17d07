"""Models for every schema of the API, generated from the spec. Do not edit."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Dict, List, Literal, Optional

from pydantic import Field

from runrl._models import BaseModel, OpenEnum
from runrl._pagination import PagedResponse


class ApiKey(BaseModel):
    """
    An API key (the secret itself is only returned once, at creation).
    """

    id: int
    name: str
    scopes: List[Scope]
    masked_key: Optional[str] = None
    """
    The key with most characters hidden, e.g. `rl_ab12cd34_****`.
    """
    active: bool
    requests_per_hour: int
    remaining_requests: Optional[int] = None
    total_requests: Optional[int] = None
    created_at: Optional[datetime] = None
    expires_at: Optional[datetime] = None
    """
    When the key expires; null for never.
    """


class ApiKeyCreate(BaseModel):
    name: str
    scopes: Optional[List[Scope]] = None
    requests_per_hour: Annotated[Optional[int], Field(ge=1)] = None
    """
    Hourly quota (the server default is 10,000).
    """
    expires_at: Optional[datetime] = None
    """
    When the key expires; null or omitted for never.
    """


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


class ApiKeyUpdate(BaseModel):
    """
    Rename, toggle active, adjust scopes or limits.
    """

    name: Optional[str] = None
    active: Optional[bool] = None
    scopes: Optional[List[Scope]] = None
    requests_per_hour: Annotated[Optional[int], Field(ge=1)] = None
    expires_at: Optional[datetime] = None


class ApiKeyUsage(BaseModel):
    """
    Usage statistics of a key (free-form).
    """


class Deployment(BaseModel):
    """
    A trained checkpoint served on managed infrastructure.
    """

    id: int
    run_id: int
    base_model: str
    api_url: str
    """
    The endpoint serving the deployed model.
    """
    status: DeploymentStatus
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None
    run: Optional[Dict[str, Any]] = None
    """
    The linked run (summary).
    """


class DeploymentCheck(BaseModel):
    """
    Whether a run can be deployed (HF checkpoint exists, not already deployed, ...). The shape is not documented; the members below are inferred and optional.
    """

    deployable: Optional[bool] = None
    reasons: Optional[List[str]] = None
    """
    Why the run cannot be deployed, if it cannot.
    """


class DeploymentCheckRequest(BaseModel):
    """
    The run to check for deployability.
    """

    run_id: int


class DeploymentCreate(BaseModel):
    """
    The run whose checkpoint to deploy.
    """

    run_id: int


class DeploymentPage(BaseModel):
    """
    One page of deployments.
    """

    items: List[Deployment]
    pagination: Optional[Pagination] = None


class DeploymentStatus(OpenEnum):
    """Where a deployment is in its life cycle. `active`, `failed` and `deleted` are terminal; `active` is the only successful one."""

    PENDING = "pending"
    DEPLOYING = "deploying"
    ACTIVE = "active"
    FAILED = "failed"
    DELETED = "deleted"


class ErrorCode(OpenEnum):
    """Machine-readable error code: `bad_request` (400), `unauthorized` (401), `forbidden` (403), `not_found` (404), `validation_error` (422), `rate_limit_exceeded` (429), `internal_error` (500)."""

    BAD_REQUEST = "bad_request"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    VALIDATION_ERROR = "validation_error"
    RATE_LIMIT_EXCEEDED = "rate_limit_exceeded"
    INTERNAL_ERROR = "internal_error"


class ErrorEnvelope(BaseModel):
    """
    The body of every error response.
    """

    success: Literal[False]
    error: ErrorCode
    message: str
    """
    A human-readable description of the error.
    """
    details: Optional[Dict[str, Any]] = None
    """
    Optional structured details (for `validation_error`, what failed).
    """


class File(BaseModel):
    """
    A stored file (prompt dataset, reward or environment code, SFT dataset).
    """

    id: str
    """
    The file's id (a UUID).
    """
    name: str
    original_filename: Optional[str] = None
    """
    The name of the uploaded file, if it was uploaded.
    """
    type: FileType
    file_size: Optional[int] = None
    """
    Size in bytes.
    """
    file_size_human: Optional[str] = None
    """
    Size for humans, e.g. `12.4 KB`.
    """
    mime_type: Optional[str] = None
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None
    download_url: Optional[str] = None
    """
    Where to download the original file.
    """
    content_url: Optional[str] = None
    """
    Where to read the text content.
    """
    preview_url: Optional[str] = None
    """
    Where to read a preview.
    """


class FileContent(BaseModel):
    """
    The raw text content of a file.
    """

    content: str


class FileCreate(BaseModel):
    """
    A file created from text content (typically reward or environment code).
    """

    name: str
    content: str
    """
    The file's text content.
    """
    type: FileType
    original_filename: Optional[str] = None
    """
    A file name to record, e.g. `reward.py`.
    """


class FilePage(BaseModel):
    """
    One page of files.
    """

    items: List[File]
    pagination: Optional[Pagination] = None


class FilePreview(BaseModel):
    """
    The first lines of a dataset or a truncated code preview. The shape is not documented; the members below are inferred and optional.
    """

    lines: Optional[List[Any]] = None
    """
    The first lines of the file.
    """
    preview: Optional[str] = None
    """
    The preview as one text.
    """
    truncated: Optional[bool] = None
    """
    Whether the file has more than the preview shows.
    """


class FileSummary(BaseModel):
    """
    A file in search results (members other than `id` are inferred).
    """

    id: str
    name: Optional[str] = None
    type: Optional[FileType] = None


class FileType(OpenEnum):
    """What a file is used for."""

    PROMPT = "prompt"
    REWARD_FUNCTION = "reward_function"
    ENVIRONMENT = "environment"
    SFT = "sft"


class FileUpdate(BaseModel):
    """
    Rename a file or replace the code of a reward/environment file.
    """

    name: Optional[str] = None
    content: Optional[str] = None
    """
    New text content (reward or environment code).
    """


class FileUpload(BaseModel):
    """
    A multipart upload of a local file.
    """

    file: bytes
    """
    The file's bytes.
    """
    type: FileType
    name: Optional[str] = None
    """
    A display name; defaults to the uploaded file's name.
    """


class HealthStatus(BaseModel):
    """
    Service health (the shape is not documented; `status` is inferred).
    """

    status: Optional[str] = None


class LikeResult(BaseModel):
    """
    The like state after toggling it.
    """

    liked: bool
    likes_count: Optional[int] = None


class LogEvent(BaseModel):
    """
    The JSON `data` of one server-sent event of the log stream. The shape is not documented; the members below are inferred and optional.
    """

    line: Optional[int] = None
    """
    The line number.
    """
    message: Optional[str] = None
    """
    The log text.
    """
    timestamp: Optional[datetime] = None


class McpTestRequest(BaseModel):
    """
    The MCP server URL to test.
    """

    mcp_url: str


class McpTestResult(BaseModel):
    """
    Handshake diagnostics of an MCP server (free-form).
    """


class Pagination(BaseModel):
    """
    Where a page sits in the whole list. Its members are undocumented by RunRL (0.2.2 passes the object through as a dict); the ones below are inferred and all optional.
    """

    page: Optional[int] = None
    """
    The current page number (1-based).
    """
    per_page: Optional[int] = None
    """
    Items per page.
    """
    total: Optional[int] = None
    """
    Total number of items.
    """
    total_pages: Optional[int] = None
    """
    Total number of pages.
    """
    has_more: Optional[bool] = None
    """
    Whether a further page exists.
    """


class PromptValidationRequest(BaseModel):
    prompt_file_id: str


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


class RunCompletions(BaseModel):
    """
    Completions captured in Weights & Biases (free-form).
    """


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


class RunHistory(BaseModel):
    """
    A run's status timeline.
    """

    history: List[RunHistoryEntry]


class RunHistoryEntry(BaseModel):
    """
    One status change of a run.
    """

    status: RunStatus
    timestamp: datetime


class RunLogs(BaseModel):
    """
    A batch of log lines (with redaction applied). The shape is not documented; the members below are inferred and optional.
    """

    lines: Optional[List[Any]] = None
    """
    The log lines of this batch.
    """
    last_line: Optional[int] = None
    """
    The number of the last line returned; pass it as `last_line` to continue.
    """
    has_more: Optional[bool] = None
    """
    Whether more lines are available.
    """


class RunMetrics(BaseModel):
    """
    A snapshot of the run's Weights & Biases metrics (free-form).
    """


class RunPage(BaseModel):
    """
    One page of runs.
    """

    items: List[Run]
    pagination: Optional[Pagination] = None


class RunStatus(OpenEnum):
    """Where a run is in its life cycle. `COMPLETED`, `FAILED` and `CANCELLED` are terminal; `COMPLETED` is the only successful one."""

    PENDING = "PENDING"
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class RunSummary(BaseModel):
    """
    A run in search results (members other than `id` are inferred).
    """

    id: int
    model: Optional[str] = None
    status: Optional[RunStatus] = None


class RunType(OpenEnum):
    """How completions are scored: a reward function, or a (multi-turn) environment."""

    REWARD_FUNCTION = "reward_function"
    ENVIRONMENT = "environment"


class Scope(OpenEnum):
    """An API key scope. `read` fetches runs, files, metrics, search and validation; `write` creates and updates runs, files, tools, shared configurations and deployments; `admin` is reserved for platform administration."""

    READ = "read"
    WRITE = "write"
    ADMIN = "admin"


class SearchResults(BaseModel):
    """
    Matching runs, tools and files.
    """

    runs: Optional[List[RunSummary]] = None
    tools: Optional[List[ToolSummary]] = None
    files: Optional[List[FileSummary]] = None


class SftValidationRequest(BaseModel):
    sft_file_id: str


class SharedConfiguration(BaseModel):
    """
    A reusable training setup.
    """

    uuid: str
    name: str
    description: Optional[str]
    visibility: Visibility
    configuration: Dict[str, Any]
    """
    The run recipe (model, reward mode, completion length, epochs, ...).
    """
    shareable_url: Optional[str]
    stats: Optional[Dict[str, Any]]
    """
    Usage statistics (likes, copies, ...).
    """
    creator: Optional[Dict[str, Any]]
    """
    Who created the configuration.
    """
    is_owner: Optional[bool]
    liked: Optional[bool]
    """
    Whether the caller has liked it.
    """
    files: Optional[Dict[str, Any]]
    """
    The configuration's prompt and reward files.
    """


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


class SharedConfigurationCreate(BaseModel):
    """
    Save a run recipe. Files are copied if they belong to another user.
    """

    name: str
    visibility: Visibility
    prompt_file_id: str
    reward_file_id: str
    configuration: Dict[str, Any]
    """
    The run recipe (model, reward_mode, completion_length, epochs, ...).
    """
    description: Optional[str] = None


class SharedConfigurationData(BaseModel):
    """
    The full payload of a shared configuration, including the prompt preview and reward code snippets (free-form).
    """


class SharedConfigurationPage(BaseModel):
    """
    One page of shared configurations.
    """

    items: List[SharedConfiguration]
    pagination: Optional[Pagination] = None


class SharedConfigurationUpdate(BaseModel):
    """
    Rename, edit the description, change visibility or the recipe.
    """

    name: Optional[str] = None
    description: Optional[str] = None
    visibility: Optional[Visibility] = None
    configuration: Optional[Dict[str, Any]] = None


class SuccessEnvelope(BaseModel):
    """
    The wrapper of every successful JSON response. Operations narrow `data` to their payload.
    """

    success: Literal[True]
    message: Optional[str] = None
    """
    A human-readable summary of what happened.
    """
    data: Optional[Any] = None
    """
    The payload; its shape depends on the operation.
    """


class Tool(BaseModel):
    """
    An MCP tool.
    """

    id: int
    name: str
    description: Optional[str]
    mcp_url: str
    """
    The MCP server's URL.
    """
    owner_user_id: int
    is_public: bool
    verified: bool
    usage_count: int
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None


class ToolCreate(BaseModel):
    """
    A new MCP tool; the name must be unique per owner.
    """

    name: str
    mcp_url: str
    """
    The URL of an unauthenticated remote MCP server.
    """
    description: Optional[str] = None
    is_public: bool = False


class ToolPage(BaseModel):
    """
    One page of tools.
    """

    items: List[Tool]
    pagination: Optional[Pagination] = None


class ToolSummary(BaseModel):
    """
    A tool in search results (members other than `id` are inferred).
    """

    id: int
    name: Optional[str] = None
    description: Optional[str] = None


class ToolUpdate(BaseModel):
    """
    Changes to a tool's name, description or visibility.
    """

    name: Optional[str] = None
    description: Optional[str] = None
    is_public: Optional[bool] = None


class ValidationResponse(BaseModel):
    """
    Structured validation feedback.
    """

    valid: bool
    error: Optional[str] = None
    """
    The main problem, when invalid.
    """
    errors: Optional[List[Any]] = None
    """
    All problems found (named by the REST reference; item shape undocumented).
    """
    details: Optional[Dict[str, Any]] = None
    counts: Optional[Dict[str, Any]] = None
    """
    Counts (lines, valid rows, ...) named by the REST reference; free-form.
    """


class Visibility(OpenEnum):
    """Who can see a shared configuration: everyone (`public`), anyone with the link (`unlisted`), or only the owner (`private`)."""

    PUBLIC = "public"
    UNLISTED = "unlisted"
    PRIVATE = "private"


__all__ = [
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyToken",
    "ApiKeyUpdate",
    "ApiKeyUsage",
    "Deployment",
    "DeploymentCheck",
    "DeploymentCheckRequest",
    "DeploymentCreate",
    "DeploymentPage",
    "DeploymentStatus",
    "ErrorCode",
    "ErrorEnvelope",
    "File",
    "FileContent",
    "FileCreate",
    "FilePage",
    "FilePreview",
    "FileSummary",
    "FileType",
    "FileUpdate",
    "FileUpload",
    "HealthStatus",
    "LikeResult",
    "LogEvent",
    "McpTestRequest",
    "McpTestResult",
    "PagedResponse",
    "Pagination",
    "PromptValidationRequest",
    "RewardFunctionValidationRequest",
    "Run",
    "RunCompletions",
    "RunCreate",
    "RunHistory",
    "RunHistoryEntry",
    "RunLogs",
    "RunMetrics",
    "RunPage",
    "RunStatus",
    "RunSummary",
    "RunType",
    "Scope",
    "SearchResults",
    "SftValidationRequest",
    "SharedConfiguration",
    "SharedConfigurationCopy",
    "SharedConfigurationCreate",
    "SharedConfigurationData",
    "SharedConfigurationPage",
    "SharedConfigurationUpdate",
    "SuccessEnvelope",
    "Tool",
    "ToolCreate",
    "ToolPage",
    "ToolSummary",
    "ToolUpdate",
    "ValidationResponse",
    "Visibility",
]
