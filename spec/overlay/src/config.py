"""Client configuration (kept at ``runrl.config`` as in the hand-written 0.2.2 SDK)."""

from ._config import DEFAULT_BASE_URL, ClientConfig

__all__ = ["DEFAULT_BASE_URL", "ClientConfig"]
