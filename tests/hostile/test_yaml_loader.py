"""The loader's own construction of a document (``read/parse.py``, ``Loader.construct_document``)
makes what PyYAML's constructor makes from the same nodes: the same values and types, the same
objects shared by aliases (cycles included), the same repeated keys noted in the same order, the
same errors; what it does not make itself (merges, other tags, keys that are not scalars) is
PyYAML's."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator.read import parse

CASES = [
    "a: 1\nb: [1, 2, {c: d}]\n",
    "a: &x {k: v}\nb: *x\nc: [*x, *x]\n",
    "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n",
    "a: 1\na: 2\nb: {c: 1, c: 2}\n",
    "200: ok\n1.5: f\ntrue: t\nnull: n\n~: tilde\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!set {x, y}\n",
    "? [a, b]\n: v\n",
    "a: &r\n  self: *r\n",
    "a: &r [*r]\n",
    "- 1\n- 2.5\n- .inf\n- 0x1F\n- 0o17\n- 1_000\n- yes\n- No\n- ''\n- 2024-01-01\n- ~\n",
    "a: !custom x\n",
    "",
    "just a string\n",
    "k: =\n? =\n: v\n",
    "a: {b: {c: {d: [1, {e: f}]}}}\nz: {b: 1, b: 2}\ny: [{q: 1, q: 2}]\n",
    "\n".join(f"k{i}: {{a: 1, a: 2}}" for i in range(30)) + "\n",  # past the 20 noted
    "a: &s hello\nb: *s\n? *s\n: v\n",
    "a: &n 200\nb: {*n : x}\nc: *n\n",
    "a: {x: {d: 1, d: 2}}\nb: {e: 1, e: 2}\n",  # noted level by level: e, then d
]


def _shape(value: Any, seen: dict[int, int]) -> Any:
    """The value with its types, containers shared or cyclic as references."""
    if isinstance(value, (dict, list)):
        if id(value) in seen:
            return ("same as", seen[id(value)])
        seen[id(value)] = len(seen)
        if isinstance(value, dict):
            return [(type(k).__name__, k, _shape(v, seen)) for k, v in value.items()]
        return [_shape(v, seen) for v in value]
    return (type(value).__name__, value)


def _load(text: str, construct: Any) -> Any:
    loader = parse.Loader(text)
    try:
        node = loader.get_single_node()
        data = construct(loader, node) if node is not None else None
        return _shape(data, {}), loader.duplicates
    except yaml.YAMLError as exc:
        return type(exc).__name__, str(exc)
    finally:
        loader.dispose()


@pytest.mark.parametrize("text", CASES)
def test_the_same_as_pyyaml_constructs(text: str) -> None:
    pyyaml = _load(text, yaml.constructor.SafeConstructor.construct_document)
    assert _load(text, parse.Loader.construct_document) == pyyaml
