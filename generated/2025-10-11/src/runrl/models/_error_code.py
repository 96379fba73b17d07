"""The ``ErrorCode`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import OpenEnum


class ErrorCode(OpenEnum):
    """Machine-readable error code: `bad_request` (400), `unauthorized` (401), `forbidden` (403), `not_found` (404), `validation_error` (422), `rate_limit_exceeded` (429), `internal_error` (500)."""

    BAD_REQUEST = "bad_request"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    VALIDATION_ERROR = "validation_error"
    RATE_LIMIT_EXCEEDED = "rate_limit_exceeded"
    INTERNAL_ERROR = "internal_error"


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
