"""One escaping function per output context: the only way spec text reaches generated files.

Templates get these as filters (generator/render/environment.py); the IR's type nodes and the
release tools call them directly. Each takes spec text (``SpecText``/``SpecValue``, see
generator/ir/text.py) or generator-made text, and returns a ``str`` that is safe where it goes:

=================  ===================================================================
``docstring``      inside a triple-quoted docstring (quotes and backslashes escaped)
``wrap``           the same, filled to a width (``Args:`` entries)
``comment``        one line of a ``#`` comment, or of a one-line docstring/TOML text
``pyrepr``         a Python literal of any JSON value (strings as JSON-style literals)
``py_literal``     a Python literal of a scalar (``repr``), for annotations and defaults
``pystr_inner``    text inside an existing ``"..."`` Python string
``toml_inner``     text inside a TOML basic string
``md``             Markdown running text (no HTML, no line breaks)
``md_code``        the inside of a Markdown code span
``cli_text``       help text the generated CLI prints on a terminal, as a Python literal
=================  ===================================================================
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

from .spectext import SpecText, SpecValue, raw

# What ``docstring`` drops: the control characters but tab and newline. (A regular expression:
# a character at a time in Python was a third of escaping, stripe.yaml: ~1,000,000 of them.)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f]")
# What ``cli_text`` drops: C0 controls but newline, DEL and the C1 controls.
_TERMINAL_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _text(value: object) -> str:
    if isinstance(value, (SpecText, SpecValue)):
        return str(raw(value))
    return str(value)


def docstring(value: object, indent: int = 0) -> str:
    """Make arbitrary text safe inside a triple-quoted docstring.

    Backslashes and quotes are escaped, control characters dropped, so a description can never
    end the string early or smuggle code into the generated module.
    """
    cleaned = _CONTROLS.sub("", _text(value))
    cleaned = cleaned.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = [line.rstrip() for line in cleaned.strip().splitlines()]
    pad = " " * indent
    text = ("\n" + pad).join(lines).replace("\n" + pad + "\n", "\n\n").replace(pad + "\n", "\n")
    return _quote_safe(text)


def _quote_safe(text: str) -> str:
    """A quote at the very end would run into the closing triple quotes (four quotes end the
    string one character early): an unescaped final quote is escaped (``\\"``, still a quote
    when read; no trailing space, which linters refuse inside a docstring)."""
    if not text.endswith('"'):
        return text
    backslashes = len(text[:-1]) - len(text[:-1].rstrip("\\"))
    return text if backslashes % 2 else text[:-1] + '\\"'


def comment(value: object) -> str:
    """One safe line of text for a ``#`` comment (or a one-line docstring)."""
    return _quote_safe(" ".join(docstring(value).split()))


def wrap(value: object, width: int = 88, indent: int = 0) -> str:
    """Docstring text filled to ``width``, continuation lines indented by ``indent``.

    Lines break only at spaces: a word longer than the line (a URL) stays whole, and a hyphen
    is not a break (``.../#retention-period``), so links in the spec's text still work."""
    pad = " " * indent
    paragraphs = [p for p in docstring(value).split("\n\n") if p.strip()]
    out = []
    for paragraph in paragraphs:
        text = " ".join(paragraph.split())
        out.append(
            textwrap.fill(
                text,
                width=width,
                subsequent_indent=pad,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return _quote_safe(("\n\n" + pad).join(out))


def pyrepr(value: object) -> str:
    """A deterministic Python literal of JSON data (dict keys in insertion order)."""
    value = raw(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(k)}: {pyrepr(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(pyrepr(v) for v in value)
        if isinstance(value, tuple):
            return f"({inner},)" if len(value) == 1 else f"({inner})"
        return f"[{inner}]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def py_literal(value: Any) -> str:
    """A scalar (str, int, float, bool, None) as Python source: ``repr``, escaped by Python."""
    value = raw(value)
    if value is not None and not isinstance(value, (str, int, float, bool)):
        raise TypeError(f"not a scalar literal: {type(value).__name__}")
    return repr(value)


def pystr_inner(value: object) -> str:
    """Text to put inside an existing double-quoted Python string."""
    return json.dumps(_text(value), ensure_ascii=False)[1:-1]


def toml_inner(value: object) -> str:
    """Text inside a TOML basic string: JSON escapes, plus DEL, which TOML refuses raw."""
    return json.dumps(_text(value), ensure_ascii=False)[1:-1].replace("\x7f", "\\u007f")


# [text](url) and [text](url "title"), a URL with balanced parentheses (a Wikipedia link's)
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"\n]*\")?\)")


# A Markdown ATX heading (``## Title``, ``## Title ##``) and the start of a list item.
_HEADING = re.compile(r"#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]")


def _prose_paragraphs(block: str) -> list[str]:
    """One paragraph of a description (``cli_text``) as paragraphs of plain text: a heading
    one of its own, each list item starting a line, other lines run together."""
    out: list[str] = []
    lines: list[str] = []
    for raw_line in block.split("\n"):
        line = " ".join(raw_line.split())
        heading = _HEADING.fullmatch(line)
        if heading and heading.group(1):
            out.append("\n".join(lines))
            lines = []
            title = heading.group(1).strip()
            out.append(title if title[-1] in ".:?!" else title + ":")
        elif line and (not lines or _LIST_ITEM.match(line)):
            lines.append(line)
        elif line:
            lines[-1] += " " + line
    out.append("\n".join(lines))
    return [p for p in out if p]


def md(value: object) -> str:
    """Spec text as Markdown running text: one line, no raw HTML."""
    text = " ".join(_text(value).split())
    return text.replace("<", "&lt;").replace(">", "&gt;")


def md_code(value: object) -> str:
    """Spec text inside a Markdown code span (a backtick would end it)."""
    return " ".join(_text(value).split()).replace("`", "'")


def cli_text(value: object, limit: int = 2000, prose: bool = True) -> str:
    """Spec text that the generated command line prints (``--help``), as a Python string literal.

    The text ends up on a terminal: control characters (escape sequences, bells, carriage
    returns, C1 controls) are dropped, paragraphs kept, each paragraph's whitespace collapsed,
    and the length bounded. (argparse's ``%`` formatting is the engine's business.) In
    ``prose`` (a description), Markdown is read as plain text: a link is its text (argparse
    wraps a URL across lines, ``[buckets](https://do`` / ``cs.influxdata.com/...``, which no
    terminal can open); a heading (``#### Required permissions``) is a paragraph of its own,
    its text without the ``#`` marks and, unless it ends in punctuation, with a colon (read
    as a title on its own line, and as an introduction where argparse runs an option's help
    together); a list item (``-``, ``*``, ``+``, ``1.``) starts a line of its own (the
    engine's formatter wraps each line of a paragraph by itself).
    """
    kept = _TERMINAL_CONTROLS.sub("", _text(value))
    if prose:
        kept = _MARKDOWN_LINK.sub(r"\1", kept)
        paragraphs = [p for block in kept.split("\n\n") for p in _prose_paragraphs(block)]
    else:
        paragraphs = [" ".join(p.split()) for p in kept.split("\n\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    if len(text) > limit:
        text = text[: limit - 3].rstrip() + "..."
    return json.dumps(text, ensure_ascii=False)
