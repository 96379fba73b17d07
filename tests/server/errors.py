"""Error type and small validation helpers shared by the reference server's handlers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# HTTP status -> the error code of RunRL's error envelope (rest-api.mdx, "Error Codes").
ERROR_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    422: "validation_error",
    429: "rate_limit_exceeded",
    500: "internal_error",
    502: "internal_error",
    503: "internal_error",
    504: "internal_error",
}


def code_for_status(status: int) -> str:
    if status in ERROR_CODES:
        return ERROR_CODES[status]
    return "internal_error" if status >= 500 else "bad_request"


class ApiError(Exception):
    """Raised by a handler; turned into the error envelope by the app."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or code_for_status(status)
        self.message = message
        self.details: dict[str, Any] = dict(details or {})
        self.headers: dict[str, str] = dict(headers or {})


def not_found(kind: str, ident: object) -> ApiError:
    return ApiError(404, f"{kind} {ident} not found", details={"resource": kind, "id": str(ident)})


def error_envelope(
    status: int, message: str, code: str | None = None, details: Any = None
) -> dict[str, Any]:
    return {
        "success": False,
        "error": code or code_for_status(status),
        "message": message,
        "details": details if details is not None else {},
    }


class Checker:
    """Collects field errors ({field: [messages]}) and raises one 422 validation_error."""

    def __init__(self, body: Any) -> None:
        if body is None:
            body = {}
        if not isinstance(body, dict):
            raise ApiError(400, "Request body must be a JSON object")
        self.body: dict[str, Any] = body
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def done(self) -> None:
        if self.errors:
            raise ApiError(422, "The given data was invalid.", details=self.errors)

    def has(self, field: str) -> bool:
        return field in self.body and self.body[field] is not None

    def _not_given(self, field: str, required: bool, nullable: bool, expected: str) -> bool:
        """True when ``field`` carries no value: absent, or null. A null is only a value where
        the spec declares the member nullable (``nullable=True``); anywhere else it is a 422,
        as the spec says (and an omitted member is what a client sends for "not given")."""
        if field in self.body and self.body[field] is not None:
            return False
        if required:
            self.add(field, f"The {field} field is required.")
        elif field in self.body and not nullable:
            self.add(field, f"The {field} field must be {expected}, not null.")
        return True

    def string(
        self,
        field: str,
        *,
        required: bool = False,
        default: str | None = None,
        choices: tuple[str, ...] | None = None,
        max_length: int | None = None,
        nullable: bool = False,
    ) -> str | None:
        if self._not_given(field, required, nullable, "a string"):
            return None if nullable and field in self.body else default
        value = self.body[field]
        if not isinstance(value, str):
            self.add(field, f"The {field} field must be a string.")
            return default
        if required and not value.strip():
            self.add(field, f"The {field} field is required.")
            return default
        if choices is not None and value not in choices:
            self.add(field, f"The {field} field must be one of: {', '.join(choices)}.")
            return default
        if max_length is not None and len(value) > max_length:
            self.add(field, f"The {field} field must not be longer than {max_length} characters.")
        return value

    def integer(
        self,
        field: str,
        *,
        required: bool = False,
        default: int | None = None,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        if self._not_given(field, required, False, "an integer"):
            return default
        value = self.body[field]
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(field, f"The {field} field must be an integer.")
            return default
        if minimum is not None and value < minimum:
            self.add(field, f"The {field} field must be at least {minimum}.")
        if maximum is not None and value > maximum:
            self.add(field, f"The {field} field must not be greater than {maximum}.")
        return value

    def number(
        self,
        field: str,
        *,
        default: float | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        exclusive_minimum: float | None = None,
    ) -> float | None:
        if self._not_given(field, False, False, "a number"):
            return default
        value = self.body[field]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(field, f"The {field} field must be a number.")
            return default
        if minimum is not None and value < minimum:
            self.add(field, f"The {field} field must be at least {minimum}.")
        if maximum is not None and value > maximum:
            self.add(field, f"The {field} field must not be greater than {maximum}.")
        if exclusive_minimum is not None and value <= exclusive_minimum:
            self.add(field, f"The {field} field must be greater than {exclusive_minimum}.")
        return float(value)

    def boolean(self, field: str, *, default: bool | None = None) -> bool | None:
        if self._not_given(field, False, False, "true or false"):
            return default
        value = self.body[field]
        if not isinstance(value, bool):
            self.add(field, f"The {field} field must be true or false.")
            return default
        return value

    def string_list(
        self, field: str, *, choices: tuple[str, ...] | None = None
    ) -> list[str] | None:
        if self._not_given(field, False, False, "a list of strings"):
            return None
        value = self.body[field]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(field, f"The {field} field must be a list of strings.")
            return None
        if choices is not None:
            bad = [v for v in value if v not in choices]
            if bad:
                self.add(field, f"The {field} field contains invalid values: {', '.join(bad)}.")
        return list(value)

    def int_list(self, field: str) -> list[int] | None:
        if self._not_given(field, False, False, "a list of integers"):
            return None
        value = self.body[field]
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            self.add(field, f"The {field} field must be a list of integers.")
            return None
        return list(value)

    def obj(self, field: str, *, required: bool = False) -> dict[str, Any] | None:
        if self._not_given(field, required, False, "an object"):
            return None
        value = self.body[field]
        if not isinstance(value, dict):
            self.add(field, f"The {field} field must be an object.")
            return None
        return value


# --- query-string helpers (raise 422 on malformed values) -------------------------------------

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def q_int(
    query: Mapping[str, str],
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"-?\d+", raw):  # "" included: an empty value is not an integer
        raise ApiError(
            422,
            "The given data was invalid.",
            details={name: [f"The {name} field must be an integer."]},
        )
    value = int(raw)
    if minimum is not None and value < minimum:
        raise ApiError(
            422,
            "The given data was invalid.",
            details={name: [f"The {name} field must be at least {minimum}."]},
        )
    if maximum is not None and value > maximum:
        raise ApiError(
            422,
            "The given data was invalid.",
            details={name: [f"The {name} field must not be greater than {maximum}."]},
        )
    return value


def q_bool(query: Mapping[str, str], name: str, *, status: int = 422) -> bool | None:
    """A boolean query parameter; a malformed value is a ``status`` (422, or 400 where the
    operation documents only 400 for bad parameters)."""
    raw = query.get(name)
    if raw is None:
        return None
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise ApiError(
        status,
        "The given data was invalid." if status == 422 else f"Invalid query parameter '{name}'",
        details={name: [f"The {name} field must be true or false."]},
    )


def q_choice(
    query: Mapping[str, str],
    name: str,
    choices: tuple[str, ...],
    default: str | None = None,
    *,
    empty_ok: bool = False,
) -> str | None:
    """A parameter with a set of values; "" is one of none of them (an enum in the spec)
    unless ``empty_ok`` (a free string in the spec that the server limits, e.g. ``sort``)."""
    raw = query.get(name)
    if raw is None or (raw == "" and empty_ok):
        return default
    if raw not in choices:
        raise ApiError(
            422,
            "The given data was invalid.",
            details={name: [f"The {name} field must be one of: {', '.join(choices)}."]},
        )
    return raw
