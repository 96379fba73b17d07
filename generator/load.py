"""Reading a spec file: YAML or JSON into plain Python data, and locating JSON pointers in it.

Loading uses the C YAML loader when available (fast on multi-megabyte specs); line numbers are
only computed when an error has to be reported, by composing the YAML node tree once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import SpecError, escape_pointer_token

try:  # pragma: no cover - depends on how PyYAML was built
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass
class SpecDocument:
    """A loaded spec: its data, where it came from, and a lazily built pointer -> line map."""

    path: Path
    text: str
    data: dict[str, Any]
    _lines: dict[str, int] | None = field(default=None, repr=False)

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line where the value at ``pointer`` starts (or its nearest parent)."""
        if self._lines is None:
            self._lines = _line_map(self.text)
        probe = pointer
        while True:
            if probe in self._lines:
                return self._lines[probe]
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]

    def error(self, message: str, pointer: str) -> SpecError:
        """A SpecError located in this document."""
        return SpecError(message, file=str(self.path), pointer=pointer, line=self.line_of(pointer))


def load_spec(path: str | Path) -> SpecDocument:
    """Load a YAML or JSON OpenAPI document. Raises SpecError with file and line on bad syntax."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(f"cannot read spec: {exc.strerror}", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise SpecError(f"spec is not UTF-8 text ({exc.reason})", file=str(path)) from None
    return load_spec_text(text, path)


def load_spec_text(text: str, path: Path) -> SpecDocument:
    data: Any
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError(f"invalid JSON: {exc.msg}", file=str(path), line=exc.lineno) from None
    else:
        try:
            data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
        except yaml.MarkedYAMLError as exc:
            line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
            problem = exc.problem or "syntax error"
            raise SpecError(f"invalid YAML: {problem}", file=str(path), line=line) from None
        except yaml.YAMLError as exc:
            raise SpecError(f"invalid YAML: {exc}", file=str(path)) from None
    if not isinstance(data, dict):
        raise SpecError(
            f"expected a mapping at the top level, found {type(data).__name__}",
            file=str(path),
            line=1,
        )
    return SpecDocument(path=path, text=text, data=data)


def _line_map(text: str) -> dict[str, int]:
    """Map every JSON pointer of a YAML/JSON document to the line its value starts on."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, ptr = stack.pop()
        lines.setdefault(ptr, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                child = ptr + "/" + escape_pointer_token(key_node.value)
                lines.setdefault(child, key_node.start_mark.line + 1)
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, f"{ptr}/{index}"))
    return lines
