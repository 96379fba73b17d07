"""How a Markdown block becomes the module that is type-checked and run (blocks.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.examples.blocks import Block, MarkerError, module_source, read_blocks

PAGE = """# Title

```bash
# not a heading: inside a fence
```

## Quick start

```python
client = Client()
```

## Streams

<!-- example: no-run (needs a certificate file) -->
```python
client.get(1)
```

```python
async for x in client.items():
    print(x)
```
"""


def _blocks(tmp_path: Path, text: str = PAGE) -> list[Block]:
    page = tmp_path / "README.md"
    page.write_text(text, encoding="utf-8")
    return read_blocks(page)


def test_blocks_headings_lines_and_markers(tmp_path: Path) -> None:
    first, marked, last = _blocks(tmp_path)
    assert (first.heading, first.line, first.no_run) == ("Quick start", 10, None)
    assert first.id == "readme-00-quick-start"
    assert marked.no_run == "(needs a certificate file)"
    assert last.no_run is None and last.heading == "Streams"


@pytest.mark.parametrize("marker", ["<!-- example: no-run -->", "<!-- example: skip (x) -->"])
def test_a_marker_needs_a_known_kind_and_a_reason(tmp_path: Path, marker: str) -> None:
    with pytest.raises(MarkerError):
        _blocks(tmp_path, f"{marker}\n```python\npass\n```\n")


def test_the_quick_start_client_is_supplied_only_when_unbound(tmp_path: Path) -> None:
    first, marked, _ = _blocks(tmp_path)
    assert "client = Client()\n\nclient = Client()" not in module_source(first, "pkg", "C", "A")
    source = module_source(marked, "pkg", "Client", "AsyncClient")
    assert "from pkg import Client\n\nclient = Client()\n\nclient.get(1)" in source


def test_top_level_await_runs_in_an_async_function_with_the_async_client(tmp_path: Path) -> None:
    last = _blocks(tmp_path)[-1]
    source = module_source(last, "pkg", "Client", "AsyncClient")
    tree = ast.parse(source)  # valid Python without top-level await
    assert [type(n).__name__ for n in tree.body[1:]] == [
        "Import",
        "ImportFrom",
        "AsyncFunctionDef",
        "Expr",
    ]
    assert "    async with AsyncClient() as client:\n        async for x in" in source
    assert source.endswith("asyncio.run(_example())\n")
