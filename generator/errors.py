"""Errors reported to a person: always file, line, JSON pointer and what was expected."""

from __future__ import annotations


class SpecError(Exception):
    """A problem with an input spec, located precisely."""

    def __init__(self, message: str, *, file: str = "", pointer: str = "", line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.pointer = pointer
        self.line = line

    def located(self, file: str, line: int | None) -> SpecError:
        """Return a copy that knows which file and line it came from."""
        return SpecError(self.message, file=file, pointer=self.pointer, line=line)

    def __str__(self) -> str:
        where = self.file or "<spec>"
        if self.line is not None:
            where += f":{self.line}"
        pointer = self.pointer or "/"
        return f"{where}: {pointer}: {self.message}"


def escape_pointer_token(token: object) -> str:
    """Escape one JSON-pointer reference token (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: object) -> str:
    return "".join("/" + escape_pointer_token(t) for t in tokens)
