"""Which part of an OpenAPI document a JSON pointer lies in, for the validation report: the
operation it belongs to (``operation_of``: ``generate --skip-unsupported`` leaves that operation
out), or a part the client never reads (``unused_part``: a problem there is only a warning).
"""

from __future__ import annotations

_VERBS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def operation_of(where: str) -> str:
    """``/paths/~1x/get/...`` -> ``/paths/~1x/get``: the operation a pointer lies in, or ""."""
    tokens = where.split("/")
    if len(tokens) >= 4 and tokens[1] == "paths" and tokens[3] in _VERBS:
        return "/".join(tokens[:4])
    return ""


UNUSED = "the client does not use this part of the document"
_UNUSED_ROOTS = ("/webhooks", "/components/callbacks", "/components/links", "/components/examples")
_UNUSED_KEYS = frozenset({"callbacks", "links", "example", "examples"})
_NAME_MAPS = frozenset({"properties", "patternProperties"})


def unused_part(where: str) -> bool:
    """Whether a pointer lies in a part the client never reads: webhooks, callbacks, links,
    examples (the build only notes that they exist)."""
    if any(where == root or where.startswith(root + "/") for root in _UNUSED_ROOTS):
        return True
    tokens = where.split("/")
    return any(
        token in _UNUSED_KEYS and tokens[i - 1] not in _NAME_MAPS and tokens[1:i] != ["components"]
        for i, token in enumerate(tokens)
        if i > 1
    )


def part_of(where: str) -> str:
    """The operation (``operation_of``) or the component schema (``/components/schemas/X``,
    left out with every operation that uses it) a pointer lies in, or ""."""
    tokens = where.split("/")
    if len(tokens) >= 4 and tokens[1:3] == ["components", "schemas"]:
        return "/".join(tokens[:4])
    return operation_of(where)
