# Generated from templates/runtime/_exceptions.py.jinja. Do not edit by hand.
"""Every exception the runrl package raises, and the one place that maps HTTP errors.

All of them derive from ``RunRLException``. The names other generated SDKs use are
aliases (``x-sdk`` ``exception-aliases``): ``APIError``, ``PermissionDeniedError``,
``UnprocessableEntityError``, ``InternalServerError``.
"""

from __future__ import annotations

import builtins
import email.utils
import math
import time
from datetime import datetime, timezone
from typing import Any

import httpx

from ._error_body import FieldError, ProblemDetails, excerpt, read_error_body, request_id_of
from ._redact import redact_bytes, redact_text, request_secrets

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "AuthorizationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "FieldError",
    "InternalServerError",
    "NotFoundError",
    "NotModifiedError",
    "PermissionDeniedError",
    "PollingCancelledError",
    "PollingFailedError",
    "ProblemDetails",
    "RateLimitError",
    "ResponseValidationError",
    "RunRLException",
    "RunFailedError",
    "ServerError",
    "TimeoutError",
    "TokenRequestError",
    "UnprocessableEntityError",
    "ValidationError",
    "make_status_error",
]

_MAX_SHOWN_FIELD_ERRORS = 10


class RunRLException(RuntimeError):
    """Base class of every error raised by this package.

    Attributes: ``message`` (the server's reason, human readable), ``status_code`` (HTTP
    status, or ``None`` when no response was involved), ``code`` (the API's machine readable
    error code), ``details``, ``field_errors`` (what the server rejected, field by field),
    ``problem`` (the RFC 9457 members of an ``application/problem+json`` body), ``payload``
    (the decoded error body, ``{}`` if there was none), ``request_id`` (the id the server gave
    the request, for its support), ``request`` and ``response`` (the ``httpx`` objects, when
    there were any). ``str(err)`` says all of it in one line.
    """

    def __init__(
        self,
        message: str = "",
        *,
        status_code: int | None = None,
        code: str | None = None,
        details: Any = None,
        payload: dict[str, Any] | None = None,
        request: httpx.Request | None = None,
        response: httpx.Response | None = None,
        field_errors: tuple[FieldError, ...] = (),
        problem: ProblemDetails | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code
        self.details = details
        self.payload: dict[str, Any] = payload if payload is not None else {}
        self.request = request
        self.response = response
        self.field_errors = field_errors
        self.problem = problem
        self.request_id = request_id if request_id is not None else request_id_of(response)

    def __str__(self) -> str:
        text = self.message
        if self.field_errors:
            shown = "; ".join(str(e) for e in self.field_errors[:_MAX_SHOWN_FIELD_ERRORS])
            more = len(self.field_errors) - _MAX_SHOWN_FIELD_ERRORS
            text = f"{text} [{shown}{f'; and {more} more' if more > 0 else ''}]"
        facts = [f"HTTP {self.status_code}"] if self.status_code is not None else []
        if self.code and self.status_code is not None and self.code != self.message:
            facts.append(self.code)  # not when the code was all the body said (the message)
        if self.request_id:
            facts.append(f"request_id={self.request_id}")
        return f"{text} ({', '.join(facts)})" if facts else text


APIError = RunRLException


class APIConnectionError(RunRLException):
    """The request could not be completed: DNS, connect, TLS, or the connection dropped."""


class APITimeoutError(APIConnectionError):
    """The HTTP request timed out (after any retries)."""


class APIStatusError(RunRLException):
    """The API answered with an HTTP error status (4xx/5xx), or 304 Not Modified."""


class NotModifiedError(APIStatusError):
    """HTTP 304: the resource has not changed since the version a conditional request named
    (``If-None-Match: <etag>``, ``If-Modified-Since``), so the answer carries no value: the copy
    you hold is current. Not an error of the API, but the call has nothing to return."""


class BadRequestError(APIStatusError):
    """HTTP 400: the payload or the parameters are invalid."""


class AuthenticationError(APIStatusError):
    """HTTP 401, or no API key configured when the client is created."""


class TokenRequestError(AuthenticationError):
    """The OAuth2 token endpoint refused the client's credentials (a 4xx), or answered without a
    usable access token. ``code`` is the OAuth error (``invalid_client``, ``invalid_scope``...);
    a 429 or 5xx of the token endpoint raises ``RateLimitError``/``ServerError`` instead."""


class AuthorizationError(APIStatusError):
    """HTTP 403: the key lacks the required scope or does not own the resource."""


PermissionDeniedError = AuthorizationError


class NotFoundError(APIStatusError):
    """HTTP 404: the resource does not exist or is not visible to this key."""


class ConflictError(APIStatusError):
    """HTTP 409: the request conflicts with the current state of the resource."""


class ValidationError(APIStatusError):
    """HTTP 422, or an argument rejected by the client before anything was sent.

    In the second case ``status_code`` is ``None`` and ``details`` lists the problems.
    """


UnprocessableEntityError = ValidationError


class RateLimitError(APIStatusError):
    """HTTP 429: the key's request quota is used up.

    ``retry_after`` is the server's advice in seconds (``Retry-After``), ``reset_at`` the time the
    quota resets (``X-RateLimit-Reset``), each ``None`` when the server did not say.
    """

    def __init__(
        self,
        message: str = "",
        *,
        retry_after: float | None = None,
        reset_at: datetime | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after
        self.reset_at = reset_at


class ServerError(APIStatusError):
    """HTTP 5xx: the API failed."""


InternalServerError = ServerError


class ClientClosedError(RunRLException):
    """A call was made on a client whose connection pool is closed; nothing was sent.

    The pool closes with ``close()`` or at the end of the client's ``with`` block (a copy made
    with ``with_options()`` shares its parent's pool, an injected ``http_client`` is closed by its
    owner). Make a new client, or make the calls inside the ``with`` block.
    """


class ResponseValidationError(RunRLException):
    """The API answered, but not with what its specification promises.

    Raised for a body that is not JSON, an envelope without its payload member, or a payload
    of the wrong shape; ``response`` holds the raw answer.
    """


class TimeoutError(RunRLException, builtins.TimeoutError):
    """Waiting for a long-running operation took longer than allowed.

    Also a ``builtins.TimeoutError``, so ``except TimeoutError`` works with either name.
    """


class PollingCancelledError(RunRLException):
    """The polling future was cancelled with ``future.cancel()``."""


class PollingFailedError(RunRLException):
    """A long-running operation ended in a terminal state that is not a success.

    ``result`` is the final state of the object, as returned by the API.
    """

    def __init__(self, message: str = "", result: Any = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.result = result


class RunFailedError(PollingFailedError):
    """A long-running operation failed; the final object is ``err.run``."""

    def __init__(self, message: str = "", run: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("payload", {"run": run})
        super().__init__(message, run, **kwargs)

    @property
    def run(self) -> Any:
        """The object in its final, failed state."""
        return self.result


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    304: NotModifiedError,
    400: BadRequestError,
    401: AuthenticationError,
    403: AuthorizationError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitError,
}


def make_status_error(response: httpx.Response) -> APIStatusError:
    """Build the typed exception for an HTTP error response.

    The reason comes from the body (``_error_body.read_error_body``: problem details, the
    declared error envelope, or a common shape), else from the status line and a short excerpt
    of the body; credentials the server echoed back are redacted. The response body must have
    been read.
    """
    status = response.status_code
    request = _request_of(response)
    secrets = request_secrets(request)

    def scrub(content: bytes) -> bytes:
        # The body is redacted before it is read or cut: no prefix of an echoed credential
        # survives a cut.
        return redact_bytes(content, secrets)

    body = read_error_body(response, scrub)
    message = body.message
    if not message and not body.code and status == 304:
        # no body by HTTP's rules; "HTTP 304 Not Modified (HTTP 304)" said the status twice
        message = "Not modified: the copy the request named (its ETag or date) is current"
    if not message:
        # The status is stated once, in the facts after the message ("(HTTP 409)"): here the
        # status's name ("Conflict: {...} (HTTP 409)", not "HTTP 409 Conflict: ... (HTTP 409)")
        reason = response.reason_phrase or httpx.codes.get_reason_phrase(status)
        message = body.code or reason or "Unexpected status"
        if not body.field_errors and not body.code:
            shown = excerpt(response, scrub)
            if shown:
                message = f"{message}: {shown}"
    # Once more on what was read: a credential the server wrote with JSON escapes (``\/``).
    message = redact_text(message, secrets)
    field_errors = tuple(
        FieldError(redact_text(e.field, secrets), redact_text(e.message, secrets))
        for e in body.field_errors
    )

    cls = _STATUS_ERRORS.get(status)
    if cls is None:
        cls = ServerError if status >= 500 else APIStatusError
    kwargs: dict[str, Any] = {
        "status_code": status,
        "code": body.code,
        "details": body.details,
        "payload": body.payload,
        "request": request,
        "response": response,
        "field_errors": field_errors,
        "problem": body.problem,
    }
    if cls is RateLimitError:
        return RateLimitError(
            message,
            retry_after=parse_retry_after(response.headers),
            reset_at=_parse_reset(response.headers.get("x-ratelimit-reset")),
            **kwargs,
        )
    return cls(message, **kwargs)


def parse_retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asks us to wait (``Retry-After-Ms``, ``Retry-After``), or ``None``.

    Always a finite number >= 0: ``inf``, ``nan``, garbage and impossible dates give ``None``
    (the header is untrusted; the caller caps what it is willing to wait).
    """
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        value = _finite(raw_ms)
        if value is not None:
            return max(value / 1000.0, 0.0)
    raw = headers.get("retry-after")
    if raw is None:
        return None
    value = _finite(raw)
    if value is not None:
        return max(value, 0.0)
    # Retry-After may also be an HTTP date.
    try:
        when = email.utils.parsedate_to_datetime(raw)
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return max(when.timestamp() - time.time(), 0.0)
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None


def parse_reset(raw: str | None) -> float | None:
    """``X-RateLimit-Reset`` as a unix time, or ``None`` if absent or not a plausible time.

    A small number is a delay in seconds, not a unix time. A value no ``datetime`` can hold
    (``1e20``, ``inf``) is treated as absent.
    """
    value = _finite(raw) if raw is not None else None
    if value is None:
        return None
    if value < 1_000_000_000:
        value = max(value, 0.0) + time.time()
    try:
        datetime.fromtimestamp(value, tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None
    return value


def _parse_reset(raw: str | None) -> datetime | None:
    value = parse_reset(raw)
    return None if value is None else datetime.fromtimestamp(value, tz=timezone.utc)


def _finite(raw: str) -> float | None:
    """A header value as a finite float, or ``None``."""
    try:
        value = float(raw)
    except (ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:
        # A Response built by hand has no request attached.
        return None


def _redact(text: str, request: httpx.Request | None) -> str:
    """Remove the caller's credentials if the server echoed them back in an error message."""
    return redact_text(text, request_secrets(request))
