"""A bare word given to an option whose values no string is (an array of objects or of
arrays, an object, a number that may be an int or a float) is a usage error naming the option
and what it takes, not a string sent as one.

A user trial found ``--items abc`` (an array of objects) sent ``{"items": ["abc"]}``: the
JSON converter read a word that is not JSON as a string, which is right for GitHub's
``labels`` (a string or an object) but nowhere a string is not a value
(generator/render/commands.py ``_json_kind``). Checked on the wire: the refused call sends
nothing, the JSON ones arrive as given, a word still goes as a string where strings fit."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.pipeline import generate
from tests.runtime.server import Reply, TestServer

SPEC = """\
openapi: 3.0.0
info: {title: Orders, version: "1"}
paths:
  /orders:
    post:
      operationId: createOrder
      tags: [orders]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                items:
                  type: array
                  items:
                    type: object
                    properties: {sku: {type: string}, qty: {type: integer}}
                grid: {type: array, items: {type: array, items: {type: number}}}
                meta: {type: object, additionalProperties: {type: string}}
                ratio: {oneOf: [{type: integer}, {type: number}]}
                labels:
                  type: array
                  items:
                    oneOf:
                      - {type: string}
                      - {type: object, properties: {name: {type: string}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
"""


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = tmp_path_factory.mktemp("orders") / "orders.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, spec.parent / "out")
    return spec.parent / "out" / "src"


@pytest.fixture()
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.on("POST", "/orders", lambda r, n: Reply(json={}))
    server.start()
    yield server
    server.stop()


def _run(src: Path, server: TestServer, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orders", "--base-url", server.url, "orders", "create", *args],
        cwd=src,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--items", "abc"], "argument --items: takes a JSON object"),
        (["--items", '{"sku": "a"}', "--items", "abc"], "argument --items: takes a JSON object"),
        (["--grid", "abc"], "argument --grid: takes a JSON array"),
        (["--meta", "abc"], "argument --meta: takes a JSON object"),
        (["--ratio", "abc"], "argument --ratio: takes a number"),
    ],
)
def test_a_bare_word_where_no_string_fits_is_a_usage_error(
    src: Path, server: TestServer, args: list[str], said: str
) -> None:
    proc = _run(src, server, *args)
    assert proc.returncode == 2, proc.stdout
    assert said in proc.stderr and "'abc'" in proc.stderr, proc.stderr
    assert server.seen("POST") == []


def test_json_and_words_where_strings_fit_go_out_as_given(src: Path, server: TestServer) -> None:
    proc = _run(
        src,
        server,
        *("--items", '{"sku": "a", "qty": 2}', "--items", '{"sku": "b"}'),
        *("--grid", "[[1, 2.5]]", "--meta", '{"k": "v"}', "--ratio", "1.5"),
        *("--labels", "bug", "--labels", '{"name": "ui"}'),
    )
    assert proc.returncode == 0, proc.stderr
    [seen] = server.seen("POST")
    assert seen.json() == {
        "items": [{"sku": "a", "qty": 2}, {"sku": "b"}],
        "grid": [[1, 2.5]],
        "meta": {"k": "v"},
        "ratio": 1.5,
        "labels": ["bug", {"name": "ui"}],
    }
