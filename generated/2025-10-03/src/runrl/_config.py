# Generated from templates/runtime/_config.py.jinja. Do not edit by hand.
"""Client configuration: defaults, environment variables and explicit overrides."""

from __future__ import annotations

import dataclasses
import math
import os
import sys
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._redact import is_credential, redact_url
from ._types import Timeout
from ._validation import header_problem, header_value_problem

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_POLL_TIMEOUT",
    "DEFAULT_POLL_INTERVAL",
    "DEFAULT_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "DEFAULT_USER_AGENT",
    "SERVER_PATH",
    "ClientConfig",
]

DEFAULT_BASE_URL = "https://runrl.com/api/v1"
SERVER_PATH: str | None = None  # the API's server has a host: DEFAULT_BASE_URL
_NO_BASE_URL = "base_url must not be empty"
DEFAULT_TIMEOUT = 30.0
DEFAULT_POLL_INTERVAL = 5.0
DEFAULT_MAX_POLL_TIMEOUT = 3600.0
DEFAULT_MAX_RETRIES = 2
# Seconds one call may take in all (attempts, pauses, reading the answer); see total_timeout.
DEFAULT_TOTAL_TIMEOUT = 600.0
DEFAULT_POOL_MAXSIZE = 20

# The client version, the API version it was generated from, and the runtime, so that
# server-side logs tell which client sent a request.
DEFAULT_USER_AGENT = (
    "runrl-python/2.20251003.0 (API 2025-10-03; "
    f"python/{sys.version_info[0]}.{sys.version_info[1]}; httpx/{httpx.__version__})"
)

_ENV_PREFIX = "RUNRL_"
# Config field -> parser for the values read from "RUNRL_<FIELD>".
_ENV_FIELDS: dict[str, type] = {
    "api_key": str,
    "base_url": str,
    "timeout": float,
    "poll_interval": float,
    "max_poll_timeout": float,
    "user_agent": str,
    "total_timeout": float,
}


@dataclass
class ClientConfig:
    """Everything a client needs to know; build it with :meth:`from_env`.

    ``api_key`` is stripped of surrounding whitespace (a key read from a file keeps no
    newline); one that still holds a character an HTTP header cannot carry is refused here, with
    a ``ValueError`` that does not show it. ``timeout`` bounds each step of a request
    (connecting, each read, each write) in seconds; ``total_timeout`` bounds a whole call (every
    attempt, retry pause and byte of the answer; ``float("inf")`` or ``None`` for no limit).
    ``poll_interval`` and ``max_poll_timeout`` drive polling futures. ``max_retries`` retries
    (``retry_enabled=False`` turns them off) back off exponentially from
    ``retry_backoff_factor`` seconds. TLS: ``verify_ssl``, ``ssl_ca_cert`` (a CA bundle file),
    ``cert_file``/``key_file`` (client certificate). ``proxy`` is a proxy URL, ``pool_maxsize``
    the connection pool size, ``default_headers`` are sent on every request, and ``debug`` logs
    each request with its (redacted) headers.
    """

    api_key: str | None = None
    base_url: str = DEFAULT_BASE_URL
    timeout: Timeout = DEFAULT_TIMEOUT
    poll_interval: float = DEFAULT_POLL_INTERVAL
    max_poll_timeout: float = DEFAULT_MAX_POLL_TIMEOUT
    user_agent: str = DEFAULT_USER_AGENT
    max_retries: int = DEFAULT_MAX_RETRIES
    retry_enabled: bool = True
    retry_backoff_factor: float = 0.5
    verify_ssl: bool = True
    ssl_ca_cert: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    proxy: str | None = None
    pool_maxsize: int = DEFAULT_POOL_MAXSIZE
    debug: bool = False
    default_headers: dict[str, str] = field(default_factory=dict)
    total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        if not self.base_url:
            raise ValueError(_NO_BASE_URL)
        _check_url("base_url", self.base_url)
        if self.proxy:
            _check_url("proxy", self.proxy, schemes=("http", "https", "socks5", "socks5h"))
        self.api_key = _clean_api_key(self.api_key)
        self.default_headers = _clean_headers(self.default_headers)
        problem = header_value_problem(self.user_agent)
        if problem is not None:
            raise ValueError(f"user_agent {problem}")
        self.user_agent = self.user_agent.strip()
        for name in ("poll_interval", "max_poll_timeout", "retry_backoff_factor", "total_timeout"):
            value = getattr(self, name)
            if value is None and name == "total_timeout":
                continue
            if math.isnan(value) or value < 0:
                raise ValueError(f"{name} must be a number >= 0 (got {value!r})")
        if isinstance(self.timeout, (int, float)) and not (0 <= self.timeout < math.inf):
            raise ValueError(f"timeout must be a finite number >= 0 or None (got {self.timeout!r})")
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0 (got {self.max_retries!r})")
        if self.pool_maxsize < 1:
            raise ValueError(f"pool_maxsize must be >= 1 (got {self.pool_maxsize!r})")

    @classmethod
    def from_env(cls, **overrides: Any) -> ClientConfig:
        """Defaults, then ``RUNRL_*`` environment variables, then ``overrides``.

        Reads ``RUNRL_API_KEY``, ``BASE_URL``, ``TIMEOUT``, ``POLL_INTERVAL``,
        ``MAX_POLL_TIMEOUT``, ``USER_AGENT`` and ``TOTAL_TIMEOUT`` (with the prefix). An
        override of ``None`` means "not given"; any other value, ``0`` included, is used as is.
        An unknown override name raises ``TypeError``, so a typo does not go unnoticed.
        """
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(
                f"unknown configuration option(s): {', '.join(unknown)}; "
                f"expected some of: {', '.join(sorted(known))}"
            )
        values: dict[str, Any] = {}
        for name, parse in _ENV_FIELDS.items():
            env_name = _ENV_PREFIX + name.upper()
            raw = os.environ.get(env_name)
            if raw is None or not raw.strip():
                continue
            try:
                values[name] = parse(raw.strip())
            except ValueError:
                raise ValueError(f"{env_name} must be a number (got {raw!r})") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **overrides: Any) -> ClientConfig:
        """A copy with some fields changed; unknown names raise ``TypeError``."""
        return dataclasses.replace(self, **overrides)

    def __repr__(self) -> str:
        # The API key must never reach logs or tracebacks: show only its first characters.
        parts = []
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "api_key":
                shown = _mask(value)
            elif f.name in ("base_url", "proxy") and value is not None:
                shown = repr(redact_url(value))
            elif f.name == "default_headers":
                shown = repr({k: "***" if is_credential(k) else v for k, v in value.items()})
            else:
                shown = repr(value)
            parts.append(f"{f.name}={shown}")
        return f"ClientConfig({', '.join(parts)})"


def _check_url(name: str, url: str, schemes: tuple[str, ...] = ("http", "https")) -> None:
    """Refuse a URL httpx could not send to, without showing it (it may hold a password)."""
    try:
        parsed = httpx.URL(url)
    except Exception as exc:
        # The reason names the faulty part, not the URL; the URL itself may hold a password.
        raise ValueError(f"{name} is not a valid URL ({type(exc).__name__})") from None
    if parsed.scheme not in schemes or not parsed.host:
        raise ValueError(
            f"{name} must be an absolute {'/'.join(schemes)} URL with a host "
            f"(got {redact_url(parsed)!r})"
        )


def _clean_api_key(key: str | None) -> str | None:
    """``key`` without surrounding whitespace; refused if a header cannot carry the rest."""
    if key is None:
        return None
    if not isinstance(key, str):
        raise ValueError(f"api_key must be a string (got a {type(key).__name__})")
    key = key.strip()
    if not key:
        return None
    problem = header_value_problem(key)
    if problem is not None:
        raise ValueError(f"api_key {problem}; it cannot be sent (the key is not shown)")
    return key


def _clean_headers(headers: dict[str, str]) -> dict[str, str]:
    """Header values without surrounding whitespace; a header that cannot be sent is refused."""
    cleaned: dict[str, str] = {}
    for name, value in headers.items():
        problem = header_problem(name, value)
        if problem is not None:
            raise ValueError(f"default_headers: {problem}")
        cleaned[name] = value.strip()
    return cleaned


def _mask(secret: str | None) -> str:
    if secret is None:
        return "None"
    if len(secret) <= 8:
        return "'***'"
    return f"'{secret[:3]}***'"
