"""A loaded spec (``SpecDocument``): its data and text, and how a JSON pointer in it becomes a
located error or warning (``file:line: /pointer: message``), through the line map
(``lines.py``) and, in a multi-file document, the file a value came from."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SpecError
from .lines import line_map


@dataclass
class SpecDocument:
    """A loaded spec: its data, where it came from, and a lazily built pointer -> line map.

    ``warnings`` collects located notes about parts of the document that were ignored on
    purpose (callbacks, webhooks, operations skipped with ``skip_unsupported``); each is also
    printed to stderr as one ``warning: file:line: /pointer: message`` line unless ``quiet``.
    """

    path: Path
    text: str
    data: dict[str, Any]
    _lines: dict[str, int] | None = field(default=None, repr=False)
    warnings: list[SpecError] = field(default_factory=list, repr=False)
    quiet: bool = field(default=False, repr=False)
    _warned: set[str] = field(default_factory=set, repr=False)
    # A multi-file document (``text`` is then the bundle, as shipped in the package): every file
    # read (the spec first), and where the content of the other files went (output pointer ->
    # the file's document and its pointer there).
    files: tuple[Path, ...] = field(default=(), repr=False)
    origins: dict[str, tuple[SpecDocument, str]] = field(default_factory=dict, repr=False)

    # The spec file's own text when ``text`` is a bundle of several files (line numbers).
    own_text: str | None = field(default=None, repr=False)
    # The client annotations applied to ``data`` (annotations.py; ``text`` stays the spec's).
    annotations: tuple[SpecDocument, ...] = field(default=(), repr=False)

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line where the value at ``pointer`` starts (or its nearest parent)."""
        if self._lines is None:
            self._lines = line_map(self.text if self.own_text is None else self.own_text)
        probe = pointer
        while True:
            if probe in self._lines:
                return self._lines[probe]
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]

    def error(self, message: str, pointer: str) -> SpecError:
        """A SpecError located in this document. In a multi-file document, the file and line
        are those of the file the value comes from (the pointer stays the document's)."""
        origin = self._origin(pointer)
        if origin is not None:
            part, inner = origin
            return SpecError(
                message, file=str(part.path), pointer=pointer, line=part.line_of(inner)
            )
        return SpecError(message, file=str(self.path), pointer=pointer, line=self.line_of(pointer))

    def _origin(self, pointer: str) -> tuple[SpecDocument, str] | None:
        probe = pointer
        while self.origins:
            if probe in self.origins:
                part, inner = self.origins[probe]
                return part, inner + pointer[len(probe) :]
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]
        return None

    def warn(self, message: str, pointer: str) -> SpecError:
        """Record (and print) a located warning; returns it."""
        warning = self.error(message, pointer)
        text = str(warning)
        if text not in self._warned:
            self._warned.add(text)
            self.warnings.append(warning)
            if not self.quiet:
                print(f"warning: {text}", file=sys.stderr)
        return warning
