"""Polling futures (kept at ``runrl.futures`` as in the hand-written 0.2.2 SDK)."""

from ._polling import (
    AsyncRunRLPollingFuture,
    PollingPolicy,
    RunRLPollingFuture,
    as_completed,
    async_as_completed,
    async_wait_all,
    wait_all,
)

__all__ = [
    "RunRLPollingFuture",
    "AsyncRunRLPollingFuture",
    "PollingPolicy",
    "as_completed",
    "async_as_completed",
    "async_wait_all",
    "wait_all",
]
