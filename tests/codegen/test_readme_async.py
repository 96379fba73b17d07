"""The package README says how each kind of method is called on the async client: awaited, a
paged one awaited for its first page then walked with ``async for``, a streaming one NOT awaited
(it returns its ``AsyncEventStream`` at once). It said "every method is a coroutine", and a user
who wrote ``await client.runs.stream_logs(42)`` got a TypeError. The blocks themselves are
type-checked and run against the reference server by tests/examples/test_examples.py
(``-k quick-start``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READMES = sorted((ROOT / "generated").glob("*/README.md"))


def _quick_start(readme: Path) -> str:
    text = readme.read_text(encoding="utf-8")
    return text.split("## Quick start", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("readme", READMES, ids=[p.parent.name for p in READMES])
def test_the_quick_start_shows_each_kind_of_async_call(readme: Path) -> None:
    section = _quick_start(readme)
    assert "every method is a coroutine" not in section
    assert re.search(r"\nresult = await client\.\w+\.\w+\(", section)  # a plain call
    assert re.search(r"\nasync for item in await client\.\w+\.list\(", section)  # paged
    stream = re.search(r"\nasync for event in (await )?client\.runs\.stream_logs\(", section)
    assert stream is not None and stream.group(1) is None  # a stream is not awaited
    assert "not awaited" in section
