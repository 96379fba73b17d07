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
        pointer = _printable(self.pointer or "/")
        return f"{where}: {pointer}: {self.message}"


def _printable(text: str) -> str:
    """A pointer as shown: a name from the spec may hold line breaks or control characters,
    which would split or garble the one-line message; they are shown escaped (``\\n``)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def escape_pointer_token(token: object) -> str:
    """Escape one JSON-pointer reference token (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: object) -> str:
    return "".join("/" + escape_pointer_token(t) for t in tokens)


def combined(problems: list[SpecError]) -> SpecError:
    """One error that reports every problem: the first located as usual, the others on the
    lines below it (each ``file:line: /pointer: message``)."""
    first = problems[0]
    if len(problems) == 1:
        return first
    rest = "\n".join(str(p) for p in problems[1:])
    error = Combined(
        f"{first.message}\n{rest}", file=first.file, pointer=first.pointer, line=first.line
    )
    error.problems = [q for p in problems for q in problems_of(p)]
    return error


class Combined(SpecError):
    """Several problems reported as one error (``combined``); ``problems`` keeps each."""

    problems: list[SpecError]


def problems_of(error: SpecError) -> list[SpecError]:
    """Each problem an error reports (one, or those of ``combined``/``Blockers``)."""
    return list(getattr(error, "problems", None) or [error])


class Blockers(SpecError):
    """Every problem of one operation: its parts (servers, parameters, responses, request
    bodies, each parameter) are read independently, so that one run reports them all."""

    problems: list[SpecError]

    def __init__(self, problems: list[SpecError]):
        flat = [q for p in problems for q in (p.problems if isinstance(p, Blockers) else [p])]
        first = flat[0]
        super().__init__(first.message, file=first.file, pointer=first.pointer, line=first.line)
        self.problems = flat
