"""The ```python blocks of a generated package's Markdown (README.md, api.md), as runnable modules.

A block is written for a reader who has just read the quick start, so it may use ``client``
without creating it, and an example for the async client may ``await`` at its top level. The
module made of a block adds only that: ``client = <Client>()`` before a block that uses a
``client`` it does not bind, and, for a block that awaits at its top level, an ``async def``
around it (with ``async with <AsyncClient>() as client:`` when it uses ``client``) run by
``asyncio.run``. What mypy checks is exactly what runs.

A block preceded by ``<!-- example: no-run REASON -->`` (the line before its fence) is
type-checked but not run; the reason is required.
"""

from __future__ import annotations

import ast
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

_FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
_ANY_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.M | re.S)
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)
_MARKER = re.compile(r"<!--\s*example:\s*(?P<kind>[a-z-]+)\s*(?P<reason>.*?)\s*-->")


@dataclass(frozen=True)
class Block:
    """One ```python block: where it is (page, index, the heading above it) and its code."""

    page: str  # "README.md", "api.md"
    index: int  # 0-based among the page's python blocks
    line: int  # 1-based line of the block's first code line
    heading: str
    code: str
    no_run: str | None  # the marker's reason, or None: the block runs

    @property
    def id(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.heading.lower()).strip("-")[:40]
        return f"{Path(self.page).stem.lower()}-{self.index:02d}-{slug}"

    @property
    def module(self) -> str:
        """The module's name (a file ``<module>.py`` in the work directory)."""
        return "ex_" + re.sub(r"[^a-z0-9]+", "_", self.id)


class MarkerError(ValueError):
    """A marker without a reason, or of an unknown kind."""


def read_blocks(path: Path) -> list[Block]:
    """Every ```python block of a Markdown file, in order."""
    text = path.read_text(encoding="utf-8")
    blocks = []
    for index, match in enumerate(_FENCE.finditer(text)):
        before = text[: match.start()]
        headings = _HEADING.findall(_ANY_FENCE.sub("", before))
        last = before.rstrip().rsplit("\n", 1)[-1]
        marker = _MARKER.fullmatch(last.strip())
        no_run = None
        if marker is not None:
            if marker["kind"] != "no-run" or not marker["reason"]:
                raise MarkerError(f"{path.name}: block {index}: bad marker {marker.group(0)!r}")
            no_run = marker["reason"]
        line = before.count("\n") + 2
        blocks.append(
            Block(path.name, index, line, headings[-1] if headings else "", match.group(1), no_run)
        )
    return blocks


def _top_level_awaits(tree: ast.Module) -> bool:
    """Whether the module awaits outside any function (``await``, ``async for``/``with``)."""
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, (ast.Await, ast.AsyncFor, ast.AsyncWith)):
            return True
        todo.extend(ast.iter_child_nodes(node))
    return False


def _uses_unbound_client(tree: ast.Module) -> bool:
    """Whether the code reads a name ``client`` that it never binds."""
    reads = binds = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "client":
            if isinstance(node.ctx, ast.Load):
                reads = True
            else:
                binds = True
        elif isinstance(node, ast.arg) and node.arg == "client":
            binds = True
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "client":
            binds = True
    return reads and not binds


def module_source(block: Block, package: str, client: str, async_client: str) -> str:
    """The module made of ``block`` (see the module docstring)."""
    flags = ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    tree = compile(block.code, block.id, "exec", flags=flags, dont_inherit=True)
    assert isinstance(tree, ast.Module)
    needs_client = _uses_unbound_client(tree)
    head = f'"""{block.page}, block {block.index} (line {block.line}): {block.heading}"""\n'
    if _top_level_awaits(tree):
        body = block.code
        imports = "import asyncio\n"
        if needs_client:
            body = f"async with {async_client}() as client:\n" + textwrap.indent(body, "    ")
            imports += f"\nfrom {package} import {async_client}\n"
        return (
            f"{head}{imports}\n\n"
            f"async def _example() -> None:\n{textwrap.indent(body, '    ')}\n\n"
            "asyncio.run(_example())\n"
        )
    if needs_client:
        return f"{head}from {package} import {client}\n\nclient = {client}()\n\n{block.code}"
    return head + block.code
