"""What each ``x-sdk-*`` value may be: the checks behind extensions.py's typed models.

Spec text that becomes a Python name, a class, an environment-variable prefix, a command or an
HTTP token is checked here before anything renders it (each check raises pydantic's custom
error, which extensions.py reports located at the value); numbers must be finite and
non-negative where they are seconds; status values written as numbers are read as text.
"""

from __future__ import annotations

import math
import re
import sys
from typing import Annotated, Any

import pydantic
from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

from ..naming import is_identifier
from ..reserved import (
    DEPENDENCY_MODULES,
    RESERVED_CLASS_NAMES,
    RESOURCE_ATTRIBUTES,
    builtin_class_names,
)

UNQUOTABLE = re.compile(r'["\\\x00-\x1f\x7f\u2028\u2029\x85]')


def shown(value: object) -> str:
    """A value as an error message shows it: quoted, escaped (one line), not too long.
    (pydantic's message templates only substitute ``{value}``; ``{value!r}`` stays literal.)"""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def identifier(value: str) -> str:
    if not is_identifier(value):
        raise PydanticCustomError(
            "identifier", "{value} is not a Python identifier", {"value": shown(value)}
        )
    return value


def member(value: str) -> str:
    """A JSON member name the runtime looks up (written between quotes in the output)."""
    if UNQUOTABLE.search(value):
        raise PydanticCustomError(
            "member",
            "member name {value} contains a quote, backslash or control character",
            {"value": shown(value)},
        )
    return value


def package_name(value: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", value) or not is_identifier(value):
        raise PydanticCustomError(
            "package", "{value} is not a valid Python package name", {"value": shown(value)}
        )
    if value in sys.stdlib_module_names or value in DEPENDENCY_MODULES or value == "builtins":
        raise PydanticCustomError(
            "package",
            "package name {value} would shadow the module of that name, which the generated "
            "code or its users import",
            {"value": shown(value)},
        )
    return value


# What the generated exceptions module defines (templates/runtime/_exceptions.py.jinja; a
# test compares): an x-sdk-polling failure-error class must be a new name.
RUNTIME_EXCEPTIONS = frozenset(
    {"APIError", "APIConnectionError", "APITimeoutError", "APIStatusError", "BadRequestError",
     "AuthenticationError", "TokenRequestError", "AuthorizationError", "PermissionDeniedError",
     "NotFoundError", "NotModifiedError", "ConflictError", "ValidationError",
     "UnprocessableEntityError", "RateLimitError", "ServerError", "InternalServerError",
     "ResponseValidationError", "ClientClosedError", "TimeoutError", "PollingCancelledError",
     "FieldError", "ProblemDetails"}
)  # fmt: skip
# What a failure-error's attribute must not be: the names its ``__init__`` uses and the
# attributes the exception classes already have (a property there would break them).
EXCEPTION_ATTRIBUTES = frozenset(
    {"self", "kwargs", "super", "message", "status_code", "code", "details", "payload",
     "request", "response", "field_errors", "problem", "request_id", "args", "with_traceback",
     "add_note", "Any"}
)  # fmt: skip


def class_name(value: str) -> str:
    """A class the package defines (a client, an exception): not a name it imports or a
    builtin (it would shadow them in the modules that define or import it)."""
    identifier(value)
    if value in RESERVED_CLASS_NAMES or value in builtin_class_names():
        raise PydanticCustomError(
            "class",
            "{value} is a name the generated code imports or a builtin",
            {"value": shown(value)},
        )
    return value


def failure_error(value: str) -> str:
    class_name(value)
    if value in RUNTIME_EXCEPTIONS:
        raise PydanticCustomError(
            "class", "{value} is an exception the package already defines", {"value": shown(value)}
        )
    return value


def failure_attribute(value: str) -> str:
    identifier(value)
    if value in EXCEPTION_ATTRIBUTES or value.startswith("__"):
        raise PydanticCustomError(
            "attribute",
            "{value} is a name the exception class uses itself (choose another attribute)",
            {"value": shown(value)},
        )
    return value


def helper_method(value: str) -> str:
    identifier(value)
    if value in RESOURCE_ATTRIBUTES or value.startswith("_"):
        raise PydanticCustomError(
            "method", "{value} is an attribute of the namespace class", {"value": shown(value)}
        )
    return value


def env_prefix(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
        raise PydanticCustomError(
            "env", "{value} must be letters, digits and underscores", {"value": shown(value)}
        )
    return value


def command_name(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*", value):
        raise PydanticCustomError(
            "cli", "{value!r} is not a command name (lower case, digits, - and _)", {"value": value}
        )
    return value


def http_token(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+", value):
        raise PydanticCustomError(
            "token", "{value} must be an HTTP token (no spaces or quotes)", {"value": shown(value)}
        )
    return value


def seconds(value: float) -> float:
    if not math.isfinite(value) or value < 0:
        raise PydanticCustomError("seconds", "must be a finite, non-negative number", {})
    return float(value)


def non_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must be a non-empty string", {})
    return value


def scalar_text(value: Any) -> Any:
    """Status values may be written as numbers; they are compared as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Identifier = Annotated[str, AfterValidator(identifier)]
Member = Annotated[str, AfterValidator(member)]
Seconds = Annotated[float, AfterValidator(seconds)]
Status = Annotated[str, BeforeValidator(scalar_text)]
Statuses = Annotated[list[Status], pydantic.Field(min_length=1)]
# An empty string means "not set" (the default applies), as it always has.
Blankable = Annotated[str | None, BeforeValidator(lambda v: None if v == "" else v)]
