"""Bounded work (issue 11, item 3): no input makes the generator hang, exhaust memory, crash
with a traceback or write a file name the file system refuses.

* YAML alias bombs and recursive aliases are refused before anything walks the document, with
  a located error and without the memory of their expansion (``read/limits.py``);
* nesting deeper than ``limits.MAX_DEPTH`` is a located error, not a ``RecursionError``;
* a chain of ``$ref``s across files that never reaches a value is a located error;
* a 300-character tag or title gives names of at most ``naming.MAX_NAME`` characters;
* whatever fails, the command line prints one clean message and exits non-zero.
"""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest

from generator import cli
from generator.commands import generate as generate_command
from generator.errors import SpecError
from generator.naming import MAX_NAME
from generator.pipeline import generate
from generator.read.limits import MAX_DEPTH, MAX_NODES
from generator.read.load import load_spec
from tests.generator_cli import run_generator

HEAD = 'openapi: 3.1.0\ninfo: {title: Bounded, version: "1"}\npaths: {}\n'


def _laughs(levels: int) -> str:
    """The billion-laughs document: each level 9 aliases of the one before (9**levels)."""
    lines = [HEAD.rstrip("\n"), 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghijklm"[: levels - 1]:
        lines.append(f"x-{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [9, 12])
def test_an_alias_bomb_is_refused_located_without_its_memory(tmp_path: Path, levels: int) -> None:
    spec = tmp_path / "bomb.yaml"
    spec.write_text(_laughs(levels), encoding="utf-8")
    assert len(spec.read_bytes()) < 1500 and 9**levels > 100 * MAX_NODES
    tracemalloc.start()
    try:
        with pytest.raises(SpecError) as info:
            load_spec(spec)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000, peak  # bytes: the expansion would be gigabytes
    text = str(info.value)
    assert re.match(rf"^{re.escape(str(spec))}:\d+: /x-\w: more than 2,000,000 values", text)
    assert "alias" in text


def test_a_recursive_alias_is_refused_located(tmp_path: Path) -> None:
    spec = tmp_path / "cycle.yaml"
    spec.write_text(HEAD + "x-loop: &loop {again: *loop}\n", encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_spec(spec)
    assert str(info.value) == (
        f"{spec}:4: /x-loop/again: a YAML alias refers to a node that contains it "
        "(an infinite document)"
    )


def _nested(levels: int) -> str:
    inner = "{type: string}"
    for index in range(levels):
        inner = f"{{type: object, properties: {{p{index}: {inner}}}}}"
    return HEAD + "components:\n  schemas:\n    Deep: " + inner + "\n"


def test_nesting_deeper_than_the_limit_is_a_located_error(tmp_path: Path) -> None:
    spec = tmp_path / "deep.yaml"
    spec.write_text(_nested(900), encoding="utf-8")
    proc = run_generator("generate", "--spec", str(spec), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "RecursionError" not in proc.stderr
    assert re.match(
        rf"^error: {re.escape(str(spec))}:6: /components/schemas/Deep/properties/p899/"
        rf"(properties/p\d+/)+properties: nested more than {MAX_DEPTH} levels deep \(the limit\)$",
        proc.stderr.strip(),
    ), proc.stderr[:500]


def test_deep_json_is_a_located_error(tmp_path: Path) -> None:
    head = '{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "x-deep": '
    spec = tmp_path / "deep.json"
    spec.write_text(head + "[" * 300 + "]" * 300 + "}", encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_spec(spec)
    assert f"nested more than {MAX_DEPTH} levels deep" in str(info.value)
    assert str(info.value).startswith(f"{spec}:1: /x-deep/0/0/")
    # deeper than Python's own JSON parser goes: still one clean, located line
    spec.write_text(head + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_spec(spec)
    assert str(info.value) == f"{spec}: /: invalid JSON: nested too deeply"


def test_just_under_the_limit_generates(tmp_path: Path) -> None:
    """46 nested object schemas (95 levels with their ``properties`` maps and the document's
    own): every later stage (validator, models, templates) copes."""
    spec = tmp_path / "deep.yaml"
    text = _nested(46).replace(
        "paths: {}\n",
        "paths:\n  /d:\n    get:\n      operationId: getDeep\n      responses:\n"
        "        '200':\n          description: ok\n          content:\n"
        "            application/json: {schema: {$ref: '#/components/schemas/Deep'}}\n",
    )
    spec.write_text(text, encoding="utf-8")
    report = generate(spec, tmp_path / "out")
    assert report.operations == 1


def test_a_ref_chain_across_files_that_never_ends_is_located(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(
        HEAD + "components:\n  parameters:\n    P: {$ref: 'a.yaml#/P'}\n", encoding="utf-8"
    )
    (tmp_path / "a.yaml").write_text("P: {$ref: 'b.yaml#/P'}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("P: {$ref: 'a.yaml#/P'}\n", encoding="utf-8")
    proc = run_generator(
        "generate", "--spec", str(tmp_path / "spec.yaml"), "--out", str(tmp_path / "out")
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr == (
        f"error: {tmp_path / 'b.yaml'}:1: /components/parameters/P/$ref: "
        "$ref cycle through '#/components/parameters/P'\n"
    )


def test_a_ref_bomb_across_files_is_refused_without_its_memory(tmp_path: Path) -> None:
    """References copy what they point to (shared, as YAML aliases do): the bundle's size once
    expanded is bounded like an alias bomb's."""
    lines = ["l0: [{name: a, in: query}]"]
    for level in range(1, 10):
        lines.append(f"l{level}: [" + ", ".join([f"{{$ref: '#/l{level - 1}'}}"] * 9) + "]")
    (tmp_path / "p.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        HEAD.replace("paths: {}\n", "")
        + "paths:\n  /a:\n    get:\n      parameters: {$ref: 'p.yaml#/l9'}\n",
        encoding="utf-8",
    )
    tracemalloc.start()
    try:
        with pytest.raises(SpecError) as info:
            load_spec(spec)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000, peak
    assert "more than 2,000,000 values" in str(info.value), str(info.value)


def test_long_names_are_shortened_deterministically(tmp_path: Path) -> None:
    tag = "Very" + "Long" * 74  # 300 characters
    spec = tmp_path / "long.yaml"
    spec.write_text(
        f'openapi: 3.1.0\ninfo: {{title: "{tag}", version: "1"}}\npaths:\n  /x:\n    get:\n'
        f"      tags: [{tag}]\n      operationId: {tag}Get\n"
        "      responses: {'204': {description: none}}\n",
        encoding="utf-8",
    )
    first = generate(spec, tmp_path / "one")
    assert first.operations == 1
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*.py"))
    assert all(len(part) <= MAX_NAME + 3 for f in files for part in f.parts), files
    source = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "one").rglob("*.py"))
    names = re.findall(r"^\s*(?:async def|def|class) (\w+)", source, re.M)
    assert tag[:40] in " ".join(names) and max(map(len, names)) <= MAX_NAME + 20, names
    generate(spec, tmp_path / "two")
    again = sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*.py"))
    assert again == files


def test_every_failure_is_a_clean_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(generate_command, "generate_package", broken)
    assert cli.main(["generate", "--spec", "x.yaml", "--out", "o"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: internal error (KeyError: 'a bug')") and "Traceback" not in err

    def deep(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(generate_command, "generate_package", deep)
    assert cli.main(["generate", "--spec", "x.yaml", "--out", "o"]) == 1
    assert "nested too deeply" in capsys.readouterr().err
