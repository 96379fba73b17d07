# Generated from templates/runtime/_config.py.jinja. Do not edit by hand.
"""Client configuration: defaults, environment variables and explicit overrides."""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._types import Timeout

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_POLL_TIMEOUT",
    "DEFAULT_POLL_INTERVAL",
    "DEFAULT_TIMEOUT",
    "DEFAULT_USER_AGENT",
    "ClientConfig",
]

DEFAULT_BASE_URL = "https://runrl.com/api/v1"
DEFAULT_TIMEOUT = 30.0
DEFAULT_POLL_INTERVAL = 5.0
DEFAULT_MAX_POLL_TIMEOUT = 3600.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_POOL_MAXSIZE = 20

# The client version, the API version it was generated from, and the runtime, so that
# server-side logs tell which client sent a request.
DEFAULT_USER_AGENT = (
    "runrl-python/1.20251003.0 (API 2025-10-03; "
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
}


@dataclass
class ClientConfig:
    """Everything a client needs to know; build it with :meth:`from_env`.

    ``timeout`` is the HTTP timeout in seconds; ``poll_interval`` and ``max_poll_timeout`` drive
    polling futures. ``max_retries`` retries (``retry_enabled=False`` turns them off) back off
    exponentially from ``retry_backoff_factor`` seconds. TLS: ``verify_ssl``, ``ssl_ca_cert``
    (a CA bundle file), ``cert_file``/``key_file`` (client certificate). ``proxy`` is a proxy
    URL, ``pool_maxsize`` the connection pool size, ``default_headers`` are sent on every
    request, and ``debug`` logs each request with its (redacted) headers.
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

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        if not self.base_url:
            raise ValueError("base_url must not be empty")
        for name in ("poll_interval", "max_poll_timeout", "retry_backoff_factor"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0 (got {getattr(self, name)!r})")
        if isinstance(self.timeout, (int, float)) and self.timeout < 0:
            raise ValueError(f"timeout must be >= 0 (got {self.timeout!r})")
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0 (got {self.max_retries!r})")
        if self.pool_maxsize < 1:
            raise ValueError(f"pool_maxsize must be >= 1 (got {self.pool_maxsize!r})")

    @classmethod
    def from_env(cls, **overrides: Any) -> ClientConfig:
        """Defaults, then ``RUNRL_*`` environment variables, then ``overrides``.

        Reads ``RUNRL_API_KEY``, ``BASE_URL``, ``TIMEOUT``, ``POLL_INTERVAL``,
        ``MAX_POLL_TIMEOUT`` and ``USER_AGENT`` (with the prefix). An override of ``None`` means
        "not given"; any other value, ``0`` included, is used as is. An unknown override name
        raises ``TypeError``, so a typo does not go unnoticed.
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
            elif f.name == "default_headers":
                shown = repr({k: "***" if _is_sensitive(k) else v for k, v in value.items()})
            else:
                shown = repr(value)
            parts.append(f"{f.name}={shown}")
        return f"ClientConfig({', '.join(parts)})"


def _is_sensitive(header: str) -> bool:
    lowered = header.lower()
    return any(word in lowered for word in ("auth", "key", "token", "secret", "cookie"))


def _mask(secret: str | None) -> str:
    if secret is None:
        return "None"
    if len(secret) <= 8:
        return "'***'"
    return f"'{secret[:3]}***'"
