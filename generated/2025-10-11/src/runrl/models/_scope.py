"""The ``Scope`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import OpenEnum


class Scope(OpenEnum):
    """An API key scope. `read` fetches runs, files, metrics, search and validation; `write` creates and updates runs, files, tools, shared configurations and deployments; `admin` is reserved for platform administration."""

    READ = "read"
    WRITE = "write"
    ADMIN = "admin"


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
