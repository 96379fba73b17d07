"""The line map of a document: every JSON pointer -> the line its value starts on.

Built only when an error or warning has to be located (``SpecDocument.line_of``), by composing
the YAML node tree once (JSON is YAML); loading itself never computes lines.
"""

from __future__ import annotations

import yaml

from ..errors import escape_pointer_token
from .parse import Loader, no_collection


def line_map(text: str) -> dict[str, int]:
    """Map every JSON pointer of a YAML/JSON document to the line its value starts on."""
    # JSON is YAML 1.2 but not always YAML 1.1 (tabs, keys over 1024 characters): on failure,
    # a map without lines is returned rather than hiding the actual error.
    try:
        with no_collection():
            root = yaml.compose(text, Loader=Loader)
    except (yaml.YAMLError, RecursionError):
        return {}
    lines: dict[str, int] = {}
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    seen: set[int] = set()  # an alias is its anchor's node: walked once (alias bombs, cycles)
    while stack:
        node, ptr = stack.pop()
        lines.setdefault(ptr, node.start_mark.line + 1)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                child = ptr + "/" + escape_pointer_token(key_node.value)
                lines.setdefault(child, key_node.start_mark.line + 1)
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, f"{ptr}/{index}"))
    return lines
