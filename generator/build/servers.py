"""Path- and operation-level ``servers``: the base URL an operation's requests go to when the
client keeps its default ``base_url`` (a ``base_url`` the user sets, e.g. a mock, wins for every
operation)."""

from __future__ import annotations

from typing import Any

from .package import base_url, server_path


def operation_server(spec: dict[str, Any], item: dict[str, Any], op: dict[str, Any]) -> str:
    """The operation's own server URL ("" when it uses the document's): ``servers[0]`` of the
    operation, else of its path item, with variables at their defaults. A relative URL stays
    relative (``/v2``; ``""`` is the host's root, ``/``): the runtime puts it under the client's
    origin."""
    for node in (op, item):
        servers = node.get("servers")
        if isinstance(servers, list) and servers and servers != spec.get("servers"):
            path = server_path({"servers": servers})  # a path alone ('' too: the host's root)
            return (path or "/") if path is not None else base_url({"servers": servers})
    return ""
