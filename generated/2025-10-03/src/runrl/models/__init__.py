"""Models for every schema of the API, generated from the spec. Do not edit.

Each model lives in its own module, imported when the name is first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from runrl._pagination import PagedResponse as PagedResponse

    from ._api_key import ApiKey as ApiKey
    from ._api_key_create import ApiKeyCreate as ApiKeyCreate
    from ._api_key_token import ApiKeyToken as ApiKeyToken
    from ._api_key_update import ApiKeyUpdate as ApiKeyUpdate
    from ._api_key_usage import ApiKeyUsage as ApiKeyUsage
    from ._deployment import Deployment as Deployment
    from ._deployment_check import DeploymentCheck as DeploymentCheck
    from ._deployment_check_request import DeploymentCheckRequest as DeploymentCheckRequest
    from ._deployment_create import DeploymentCreate as DeploymentCreate
    from ._deployment_page import DeploymentPage as DeploymentPage
    from ._deployment_status import DeploymentStatus as DeploymentStatus
    from ._error_code import ErrorCode as ErrorCode
    from ._error_envelope import ErrorEnvelope as ErrorEnvelope
    from ._file import File as File
    from ._file_content import FileContent as FileContent
    from ._file_create import FileCreate as FileCreate
    from ._file_page import FilePage as FilePage
    from ._file_preview import FilePreview as FilePreview
    from ._file_summary import FileSummary as FileSummary
    from ._file_type import FileType as FileType
    from ._file_update import FileUpdate as FileUpdate
    from ._file_upload import FileUpload as FileUpload
    from ._health_status import HealthStatus as HealthStatus
    from ._like_result import LikeResult as LikeResult
    from ._log_event import LogEvent as LogEvent
    from ._mcp_test_request import McpTestRequest as McpTestRequest
    from ._mcp_test_result import McpTestResult as McpTestResult
    from ._pagination import Pagination as Pagination
    from ._prompt_validation_request import PromptValidationRequest as PromptValidationRequest
    from ._reward_function_validation_request import (
        RewardFunctionValidationRequest as RewardFunctionValidationRequest,
    )
    from ._run import Run as Run
    from ._run_completions import RunCompletions as RunCompletions
    from ._run_create import RunCreate as RunCreate
    from ._run_history import RunHistory as RunHistory
    from ._run_history_entry import RunHistoryEntry as RunHistoryEntry
    from ._run_logs import RunLogs as RunLogs
    from ._run_metrics import RunMetrics as RunMetrics
    from ._run_page import RunPage as RunPage
    from ._run_status import RunStatus as RunStatus
    from ._run_summary import RunSummary as RunSummary
    from ._run_type import RunType as RunType
    from ._scope import Scope as Scope
    from ._search_results import SearchResults as SearchResults
    from ._sft_validation_request import SftValidationRequest as SftValidationRequest
    from ._shared_configuration import SharedConfiguration as SharedConfiguration
    from ._shared_configuration_copy import SharedConfigurationCopy as SharedConfigurationCopy
    from ._shared_configuration_create import SharedConfigurationCreate as SharedConfigurationCreate
    from ._shared_configuration_data import SharedConfigurationData as SharedConfigurationData
    from ._shared_configuration_page import SharedConfigurationPage as SharedConfigurationPage
    from ._shared_configuration_update import SharedConfigurationUpdate as SharedConfigurationUpdate
    from ._success_envelope import SuccessEnvelope as SuccessEnvelope
    from ._tool import Tool as Tool
    from ._tool_create import ToolCreate as ToolCreate
    from ._tool_page import ToolPage as ToolPage
    from ._tool_summary import ToolSummary as ToolSummary
    from ._tool_update import ToolUpdate as ToolUpdate
    from ._validation_response import ValidationResponse as ValidationResponse
    from ._visibility import Visibility as Visibility

# model name -> the module that defines it
_MODULES = {
    "ApiKey": "_api_key",
    "ApiKeyCreate": "_api_key_create",
    "ApiKeyToken": "_api_key_token",
    "ApiKeyUpdate": "_api_key_update",
    "ApiKeyUsage": "_api_key_usage",
    "Deployment": "_deployment",
    "DeploymentCheck": "_deployment_check",
    "DeploymentCheckRequest": "_deployment_check_request",
    "DeploymentCreate": "_deployment_create",
    "DeploymentPage": "_deployment_page",
    "DeploymentStatus": "_deployment_status",
    "ErrorCode": "_error_code",
    "ErrorEnvelope": "_error_envelope",
    "File": "_file",
    "FileContent": "_file_content",
    "FileCreate": "_file_create",
    "FilePage": "_file_page",
    "FilePreview": "_file_preview",
    "FileSummary": "_file_summary",
    "FileType": "_file_type",
    "FileUpdate": "_file_update",
    "FileUpload": "_file_upload",
    "HealthStatus": "_health_status",
    "LikeResult": "_like_result",
    "LogEvent": "_log_event",
    "McpTestRequest": "_mcp_test_request",
    "McpTestResult": "_mcp_test_result",
    "Pagination": "_pagination",
    "PromptValidationRequest": "_prompt_validation_request",
    "RewardFunctionValidationRequest": "_reward_function_validation_request",
    "Run": "_run",
    "RunCompletions": "_run_completions",
    "RunCreate": "_run_create",
    "RunHistory": "_run_history",
    "RunHistoryEntry": "_run_history_entry",
    "RunLogs": "_run_logs",
    "RunMetrics": "_run_metrics",
    "RunPage": "_run_page",
    "RunStatus": "_run_status",
    "RunSummary": "_run_summary",
    "RunType": "_run_type",
    "Scope": "_scope",
    "SearchResults": "_search_results",
    "SftValidationRequest": "_sft_validation_request",
    "SharedConfiguration": "_shared_configuration",
    "SharedConfigurationCopy": "_shared_configuration_copy",
    "SharedConfigurationCreate": "_shared_configuration_create",
    "SharedConfigurationData": "_shared_configuration_data",
    "SharedConfigurationPage": "_shared_configuration_page",
    "SharedConfigurationUpdate": "_shared_configuration_update",
    "SuccessEnvelope": "_success_envelope",
    "Tool": "_tool",
    "ToolCreate": "_tool_create",
    "ToolPage": "_tool_page",
    "ToolSummary": "_tool_summary",
    "ToolUpdate": "_tool_update",
    "ValidationResponse": "_validation_response",
    "Visibility": "_visibility",
}


def __getattr__(name: str) -> Any:
    """Import a model's module the first time the model is used (PEP 562)."""
    if name == "PagedResponse":
        from runrl._pagination import PagedResponse

        return PagedResponse
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
