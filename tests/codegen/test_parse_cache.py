"""A large YAML document is read once, then from the cache (generator/read/cache.py): the same
text, data and repeated keys as parsing it, and a miss whenever anything it depends on changed
or the file is not one the cache wrote."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from generator.read import cache, parse


def _large(extra: str = "") -> str:
    """A YAML document over ``PARSED_MIN_CHARS``: an anchor defined twice (PyYAML refuses it:
    the text is rewritten), an alias, a key given twice."""
    lines = ["openapi: 3.1.0", "info: {title: t, version: '1'}", "paths: {}", "components:"]
    lines += ["  schemas:", "    A: &shared {type: string, description: first}"]
    lines += ["    B: &shared {type: integer}", "    C: *shared"]
    lines += ["    D: {type: string}", "    D: {type: number}"]
    filler = "x" * 60
    count = cache.PARSED_MIN_CHARS // 80 + 1
    lines += [f"    S{i}: {{type: string, description: {filler}}}" for i in range(count)]
    return "\n".join(lines) + "\n" + extra


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENERATOR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "parsed"


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, path: Path) -> Any:
        raise AssertionError("parsed again")

    monkeypatch.setattr(parse, "_load_yaml", refuse)


def test_a_large_document_is_read_from_the_cache_the_second_time(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _large()
    first = parse.parse_text(text, Path("spec.yaml"))
    assert first[0] != text  # the re-defined anchor was renamed
    assert first[2]  # and D was given twice
    assert len(list(cache_dir.iterdir())) == 1
    assert oct(cache_dir.stat().st_mode & 0o777) == "0o700"
    assert oct(next(cache_dir.iterdir()).stat().st_mode & 0o777) == "0o600"
    _no_yaml(monkeypatch)
    again = parse.parse_text(text, Path("spec.yaml"))
    assert again == first
    schemas = again[1]["components"]["schemas"]
    assert schemas["C"] == {"type": "integer"}  # the alias: the latest definition before it


def test_a_changed_text_or_reader_is_read_again(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse.parse_text(_large(), Path("spec.yaml"))
    changed = parse.parse_text(_large("x-extra: 1\n"), Path("spec.yaml"))
    assert changed[1]["x-extra"] == 1
    assert len(list(cache_dir.iterdir())) == 2
    reader = tmp_path / "parse.py"
    reader.write_bytes(cache._LOAD.read_bytes() + b"\n# changed\n")
    monkeypatch.setattr(cache, "_LOAD", reader)
    parse.parse_text(_large(), Path("spec.yaml"))
    assert len(list(cache_dir.iterdir())) == 3


@pytest.mark.parametrize("content", [b"not marshal", b"", "wrong key"])
def test_a_damaged_or_foreign_file_is_a_miss(cache_dir: Path, content: bytes | str) -> None:
    import marshal

    text = _large()
    first = parse.parse_text(text, Path("spec.yaml"))
    (entry,) = cache_dir.iterdir()
    if content == "wrong key":
        content = marshal.dumps(("other", None, {"openapi": "evil"}, []))
    assert isinstance(content, bytes)
    entry.write_bytes(content)
    assert parse.parse_text(text, Path("spec.yaml")) == first


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners")
def test_a_file_of_another_user_is_not_read(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _large()
    parse.parse_text(text, Path("spec.yaml"))
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache_dir).st_uid + 1)
    assert cache.read_parsed(cache.parsed_key(text)) is None


def test_small_documents_timestamps_and_an_off_cache_are_not_kept(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse.parse_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\n", Path("s.yaml"))
    assert not cache_dir.exists()
    # an explicit timestamp tag is a datetime, which marshal cannot write: no cache, same data
    data = parse.parse_text(_large("x-when: !!timestamp 2020-01-02\n"), Path("s.yaml"))[1]
    assert str(data["x-when"]) == "2020-01-02"
    assert not cache_dir.exists() or not list(cache_dir.glob("*.marshal"))
    monkeypatch.setenv("GENERATOR_CACHE_DIR", "off")
    parse.parse_text(_large(), Path("spec.yaml"))
    assert not cache_dir.exists() or not list(cache_dir.glob("*.marshal"))


def test_only_the_documents_used_last_are_kept(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "PARSED_KEEP", 2)
    for n in range(4):
        parse.parse_text(_large(f"x-n: {n}\n"), Path("spec.yaml"))
    assert len(list(cache_dir.glob("*.marshal"))) == 2
