# Generated from templates/runtime/_error_body.py.jinja. Do not edit by hand.
"""Reading an error response: what went wrong, in the server's own words.

Understands RFC 9457 problem details (``application/problem+json``), the error envelope the
API declares (``error``/``message``/``details``), and the shapes servers commonly use
(``{"message": ...}``, ``{"error": {"code", "message"}}``, ``{"detail": ...}``, FastAPI's
``{"detail": [{"loc", "msg"}]}``, ``{"errors": {field: [messages]}}``, JSON:API's
``{"errors": [{"detail", "source": {"pointer"}}]}``, OAuth's ``error_description``, Okta's
``errorCode``/``errorSummary``/``errorCauses``). Any body
is accepted (binary, huge, not JSON, nested a thousand levels deep): what is read is bounded,
control characters are dropped, and nothing here raises. A ``scrub`` function given by the
caller (``_exceptions``: credentials the server echoed back) sees the body before anything is
parsed or cut. This module imports nothing of its package.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

__all__ = ["ErrorBody", "FieldError", "ProblemDetails", "read_error_body", "request_id_of"]

# The members of the declared error envelope (x-sdk error-envelope).
_CODE_FIELD = "error"
_MESSAGE_FIELD = "message"
_DETAILS_FIELD = "details"
# The response header carrying the server's request id (the spec's, else the usual ones).
_REQUEST_ID_HEADER = "x-request-id"
REQUEST_ID_HEADERS = tuple(dict.fromkeys((_REQUEST_ID_HEADER, "x-request-id", "request-id")))

_MAX_PARSED_BYTES = 1_000_000  # a larger error body is not decoded as JSON, only excerpted
_MAX_MESSAGE = 500
_MAX_EXCERPT = 200
_MAX_FIELD_ERRORS = 20
_MAX_FIELD_NAME = 100
_MAX_FIELD_MESSAGE = 300
_MESSAGE_KEYS = (
    "message",
    "error_description",
    "detail",
    "error_message",
    "errorMessage",
    "errorSummary",
    "title",
    "description",
    "msg",
    "error",
)
_FIELD_KEYS = ("field", "loc", "path", "pointer", "name", "param", "parameter", "property", "key")
_FIELD_MESSAGE_KEYS = (
    "message",
    "msg",
    "detail",
    "reason",
    "description",
    "title",
    "errorSummary",
    "code",
)
# Where else a machine-readable code is, when the declared member has none (Okta: errorCode).
_CODE_KEYS = ("errorCode", "error_code", "code")
# Hides what must not be shown (echoed credentials) in a body, before it is parsed or cut.
Scrub = Callable[[bytes], bytes]


@dataclass(frozen=True)
class FieldError:
    """One thing the server rejected: ``field`` (a name, a dotted location or a JSON pointer;
    ``""`` when the server named none) and its ``message``."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


@dataclass(frozen=True)
class ProblemDetails:
    """The standard members of an RFC 9457 problem (``application/problem+json``); the whole
    body, extensions included, is the exception's ``payload``."""

    type: str | None = None
    title: str | None = None
    status: int | None = None
    detail: str | None = None
    instance: str | None = None


@dataclass(frozen=True)
class ErrorBody:
    """What an error body says."""

    message: str | None = None
    code: str | None = None
    details: Any = None
    payload: dict[str, Any] = field(default_factory=dict)
    field_errors: tuple[FieldError, ...] = ()
    problem: ProblemDetails | None = None


def clean(value: object, limit: int = _MAX_MESSAGE) -> str:
    """Server text made safe for a one-line message: control characters dropped, whitespace
    collapsed, cut to ``limit`` characters."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit * 4:
        text = text[: limit * 4]
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return clean(value) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def request_id_of(response: httpx.Response | None) -> str | None:
    """The request id the server sent with ``response`` (``X-Request-Id`` or the spec's header)."""
    if response is None:
        return None
    headers = response.headers
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return clean(value, 200) or None
    return None


def excerpt(response: httpx.Response, scrub: Scrub | None = None) -> str:
    """A short, printable excerpt of a body that is not a JSON error object."""
    content = _content(response, scrub)
    if not content:
        return ""
    head = content[: _MAX_EXCERPT * 4]
    text = head.decode(response.encoding or "utf-8", errors="replace")
    # Undecodable bytes become U+FFFD: binary data, not text worth showing.
    printable = sum(1 for ch in text if (ch.isprintable() and ch != "\ufffd") or ch in "\n\r\t")
    if printable < 0.75 * len(text):
        kind = response.headers.get("content-type") or "unknown type"
        return f"({len(content)} bytes of {clean(kind, 80)})"
    return clean(text, _MAX_EXCERPT)


def _content(response: httpx.Response, scrub: Scrub | None = None) -> bytes:
    try:
        content = response.content
    except httpx.ResponseNotRead:
        # A streamed error response whose body could not be read: the status line must do.
        return b""
    return scrub(content) if scrub is not None and content else content


def _decode(response: httpx.Response, scrub: Scrub | None = None) -> Any:
    content = _content(response, scrub)
    if not content or len(content) > _MAX_PARSED_BYTES:
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python recurses
        return None


def _location(value: object) -> str:
    if isinstance(value, dict):  # JSON:API "source": {"pointer": ...} or {"parameter": ...}
        for key in ("pointer", "parameter", "header"):
            if isinstance(value.get(key), str):
                return clean(value[key], _MAX_FIELD_NAME)
        return ""
    if isinstance(value, (list, tuple)):  # FastAPI/pydantic "loc": ["body", "name", 0]
        return clean(".".join(str(part) for part in value[:10]), _MAX_FIELD_NAME)
    text = _text(value)
    return clean(text, _MAX_FIELD_NAME) if text else ""


def _messages(value: object) -> str | None:
    if isinstance(value, list):
        parts = [t for t in (_text(v) for v in value[:5]) if t]
        return clean("; ".join(parts), _MAX_FIELD_MESSAGE) if parts else None
    text = _text(value) if isinstance(value, str) else None
    return clean(text, _MAX_FIELD_MESSAGE) if text else None


def _from_object(entry: dict[str, Any]) -> FieldError | None:
    message = None
    for key in _FIELD_MESSAGE_KEYS:
        message = _text(entry.get(key))
        if message:
            break
    if not message:
        return None
    where = ""
    if "source" in entry:
        where = _location(entry["source"])
    for key in _FIELD_KEYS:
        if where:
            break
        if key in entry:
            where = _location(entry[key])
    return FieldError(where, clean(message, _MAX_FIELD_MESSAGE))


def _named_field_errors(body: dict[str, Any]) -> tuple[FieldError, ...]:
    """Field errors under a member of another name (Adyen's ``invalidFields``): the first list
    of objects that each name a field and a message (a list of anything else is not taken)."""
    for value in list(body.values())[:_MAX_FIELD_ERRORS]:
        if not isinstance(value, list) or not value:
            continue
        entries = value[: _MAX_FIELD_ERRORS * 2]
        if not all(isinstance(entry, dict) for entry in entries):
            continue
        found = [_from_object(entry) for entry in entries]
        if all(error is not None and error.field for error in found):
            return tuple(error for error in found if error is not None)[:_MAX_FIELD_ERRORS]
    return ()


def field_errors(value: object) -> tuple[FieldError, ...]:
    """Field errors from the usual shapes: ``{field: message | [messages]}``, a list of
    objects naming a field and a message, or a list of strings."""
    found: list[FieldError] = []
    items: Iterable[Any]
    if isinstance(value, dict):
        listed = _named_field_errors(value)
        if listed:  # Kubernetes' details: {name, kind, causes: [{field, message}]}
            return listed
        for key, entry in list(value.items())[: _MAX_FIELD_ERRORS * 2]:
            message = _messages(entry)
            if message:
                found.append(FieldError(clean(key, _MAX_FIELD_NAME), message))
            elif isinstance(entry, dict):
                nested = _from_object(entry)
                if nested is not None:
                    where = nested.field or clean(key, _MAX_FIELD_NAME)
                    found.append(FieldError(where, nested.message))
    elif isinstance(value, list):
        items = value[: _MAX_FIELD_ERRORS * 2]
        for entry in items:
            if isinstance(entry, dict):
                error = _from_object(entry)
                if error is not None:
                    found.append(error)
            elif isinstance(entry, str):
                text = _text(entry)
                if text:
                    found.append(FieldError("", clean(text, _MAX_FIELD_MESSAGE)))
    return tuple(found[:_MAX_FIELD_ERRORS])


def _problem(body: dict[str, Any], response: httpx.Response) -> ProblemDetails | None:
    media = (response.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    members = sum(1 for key in ("type", "title", "status", "detail", "instance") if key in body)
    looks_like = ("title" in body or "type" in body) and members >= 2
    if media != "application/problem+json" and not looks_like:
        return None
    status = body.get("status")
    return ProblemDetails(
        type=_text(body.get("type")) if isinstance(body.get("type"), str) else None,
        title=_text(body.get("title")) if isinstance(body.get("title"), str) else None,
        status=status if isinstance(status, int) and not isinstance(status, bool) else None,
        detail=_text(body.get("detail")) if isinstance(body.get("detail"), str) else None,
        instance=_text(body.get("instance")) if isinstance(body.get("instance"), str) else None,
    )


def _is_code(value: Any, response: httpx.Response) -> bool:
    """A machine-readable code: a string, or a whole number other than the status (Twilio's
    ``{"code": 20404, "status": 404}``; ``{"code": 404}`` only repeats the status)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, str) or isinstance(value, int) and value != response.status_code


def read_error_body(response: httpx.Response, scrub: Scrub | None = None) -> ErrorBody:
    """Everything the error body of ``response`` says (after ``scrub``); never raises."""
    body = _decode(response, scrub)
    if isinstance(body, list):
        return ErrorBody(field_errors=field_errors(body))
    if isinstance(body, str):
        return ErrorBody(message=_text(body))
    if not isinstance(body, dict):
        return ErrorBody()

    code: str | None = None
    message: str | None = None
    details: Any = body.get(_DETAILS_FIELD)
    raw_code = body.get(_CODE_FIELD)
    nested: dict[str, Any] = {}
    if isinstance(raw_code, dict):
        # Some APIs nest the error object: {"error": {"code": ..., "message": ...}}.
        nested = raw_code
        message = _text(nested.get("message"))
        raw_code = nested.get("code") or nested.get("type")
    code = _text(raw_code) if isinstance(raw_code, (str, int)) else None
    if code is None and not nested:  # a string, or a number that is not the HTTP status again
        code = next((_text(body[k]) for k in _CODE_KEYS if _is_code(body.get(k), response)), None)
    message = _text(body.get(_MESSAGE_FIELD)) or message

    problem = _problem(body, response)
    if problem is not None and not message:
        title, detail = problem.title, problem.detail
        if title and detail and title not in detail:
            message = clean(f"{title.rstrip('.')}: {detail}")
        else:
            message = detail or title
    if not message:
        for key in _MESSAGE_KEYS:
            if key != _CODE_FIELD or code is None:
                message = _text(body.get(key)) if isinstance(body.get(key), str) else None
                if message:
                    break

    errors: tuple[FieldError, ...] = ()
    for candidate in (
        details,
        body.get("errors"),
        body.get("detail") if isinstance(body.get("detail"), list) else None,
        body.get("invalid_params", body.get("invalid-params")),
        body.get("errorCauses"),
        nested.get("details"),
        nested.get("errors"),
    ):
        if candidate is not None:
            errors = field_errors(candidate)
            if errors:
                break
    if not errors:
        errors = _named_field_errors(body)
    if not message and len(errors) == 1:
        message, errors = str(errors[0]), ()
    return ErrorBody(
        message=message,
        code=code,
        details=details,
        payload=body,
        field_errors=errors,
        problem=problem,
    )
