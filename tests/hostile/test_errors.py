"""Invalid and unsupported input: one readable line each, with file, line, JSON pointer and what
was expected or which feature is not supported. Never a traceback."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.pipeline import build
from generator.read.load import load_spec
from tests.generator_cli import run_generator

LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+): (?P<pointer>/[^\n]*?): (?P<message>.+)$")

HEAD = """\
openapi: 3.1.0
info: {title: T, version: "1"}
"""


def _spec(tmp_path: Path, body: str, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def _error(path: Path) -> SpecError:
    with pytest.raises(SpecError) as info:
        build(path)
    return info.value


def _op(body: str) -> str:
    """A document with one operation, GET /things/{id}, whose extra YAML is ``body``."""
    return "paths:\n  /things/{id}:\n    post:\n      operationId: doIt\n" + textwrap.indent(
        textwrap.dedent(body), "      "
    )


PATH_PARAM = "- {name: id, in: path, required: true, schema: {type: string}}"
OK = "responses: {'204': {description: none}}"

UNSUPPORTED = [
    (
        "header name",
        _op(
            f"parameters:\n  {PATH_PARAM}\n"
            "  - {name: 'a b', in: header, schema: {type: string}}\n" + OK
        ),
        "header name 'a b' is not a valid HTTP header name",
        "/paths/~1things~1{id}/post/parameters/1",
    ),
    (
        "quote in a name",
        _op(
            f"parameters:\n  {PATH_PARAM}\n"
            f"  - {{name: 'a\"b', in: query, schema: {{type: string}}}}\n{OK}"
        ),
        "contains a quote, backslash or control character",
        "/paths/~1things~1{id}/post/parameters/1/name",
    ),
    (
        "remote ref",
        _op(f"parameters:\n  {PATH_PARAM}\n  - $ref: 'other.yaml#/components/parameters/P'\n{OK}"),
        "$ref 'other.yaml#/components/parameters/P': no such file",
        "/paths/~1things~1{id}/post/parameters/1/$ref",
    ),
    (
        "URL ref",
        _op(f"parameters:\n  {PATH_PARAM}\n  - $ref: 'http://127.0.0.1:9/p.yaml#/P'\n{OK}"),
        "remote $ref 'http://127.0.0.1:9/p.yaml#/P' is not supported: a URL is never read",
        "/paths/~1things~1{id}/post/parameters/1/$ref",
    ),
    (
        "infinite allOf type",
        "paths: {}\ncomponents:\n  schemas:\n    A: {allOf: [{$ref: '#/components/schemas/B'}]}\n"
        "    B: {oneOf: [{$ref: '#/components/schemas/A'}, {type: string}]}\n",
        "contains itself through allOf/oneOf/anyOf alone (A -> B -> A)",
        "/components/schemas/A",
    ),
    (
        "webhooks only",
        "webhooks:\n  ping:\n    post:\n      responses: {'200': {description: ok}}\n",
        "webhooks are not supported, and the document has no paths",
        "/webhooks",
    ),
]


@pytest.mark.parametrize(
    ("body", "message", "where"),
    [case[1:] for case in UNSUPPORTED],
    ids=[case[0] for case in UNSUPPORTED],
)
def test_unsupported_feature_is_named_and_located(
    tmp_path: Path, body: str, message: str, where: str
) -> None:
    path = _spec(tmp_path, body)
    err = _error(path)
    first = str(err).splitlines()[0]
    match = LOCATED.match(first)
    assert match, first
    assert match["file"] == str(path) and match["pointer"] == where, first
    assert message in match["message"], first
    text = path.read_text().splitlines()
    assert 1 <= int(match["line"]) <= len(text)


INVALID = [
    ("bad YAML", "paths:\n  /x: {get: [unclosed\n", "invalid YAML", "/"),
    (
        "wrong type",
        "paths:\n  /x:\n    get:\n      responses: 5\n",
        "5 is not of type",
        "/paths/~1x/get/responses",
    ),
    (
        "broken ref",
        "paths:\n  /x:\n    get:\n      responses:\n"
        "        '200': {$ref: '#/components/responses/Nope'}\n",
        "$ref '#/components/responses/Nope' points to nothing",
        "/paths/~1x/get/responses/200/$ref",
    ),
    (
        "ref cycle",
        "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n"
        "    B: {$ref: '#/components/schemas/A'}\n",
        "$ref cycle",
        "/components/schemas",
    ),
    (
        "type array in 3.0 explained",
        None,  # built below: a 3.0 document using a 3.1 type array of two types
        "is not one of",
        "/paths/~1x/get/parameters/0/schema/type",
    ),
    ("no operations", "paths: {}\n", "the document has no operations", "/paths"),
]


@pytest.mark.parametrize(
    ("body", "message", "where"),
    [case[1:] for case in INVALID],
    ids=[case[0] for case in INVALID],
)
def test_invalid_spec_gets_one_readable_located_line(
    tmp_path: Path, body: str | None, message: str, where: str
) -> None:
    if body is None:
        path = tmp_path / "spec.yaml"
        path.write_text(
            "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /x:\n    get:\n"
            "      parameters:\n        - {name: q, in: query, schema: {type: [string, integer]}}\n"
            "      responses: {'204': {description: none}}\n"
        )
    else:
        path = _spec(tmp_path, body)
    err = _error(path)
    lines = str(err).splitlines()  # with every other blocker (ref cycle: no operations, too)
    assert all(line.startswith(f"{path}:") for line in lines), lines
    assert any(f": {where}" in line and message in line for line in lines), lines
    assert err.line is not None


def test_unsupported_operations_are_skipped_and_reported_on_request(tmp_path: Path) -> None:
    path = _spec(
        tmp_path,
        """\
        paths:
          /ok:
            get:
              operationId: ok
              parameters:
                - {name: 'a session', in: cookie, schema: {type: string}}
              responses: {'204': {description: none}}
          /raw:
            post:
              operationId: raw
              parameters:
                - {name: 'x y', in: header, required: true, schema: {type: string}}
              responses: {'204': {description: none}}
        """,
    )
    with pytest.raises(SpecError):
        build(path)  # strict by default
    files, report, doc = build(path, skip_unsupported=True)
    assert [s.operation for s in report.skipped] == ["POST /raw"]
    assert "header name 'x y' is not a valid HTTP header name" in report.skipped[0].reason
    assert report.operations == 1
    warnings = [str(w) for w in doc.warnings]
    assert any("operation POST /raw skipped" in w for w in warnings)
    assert any("optional parameter 'a session' left out" in w for w in warnings)


def test_cli_never_prints_a_traceback(tmp_path: Path) -> None:
    garbage = tmp_path / "spec.json"
    garbage.write_bytes(b'{"openapi": "3.1.0", "info": \xff\xfe}')
    proc = run_generator("generate", "--spec", str(garbage), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert LOCATED.match(proc.stderr.removeprefix("error: ").splitlines()[0]), proc.stderr
    assert not (tmp_path / "out").exists()


def test_yaml_reads_as_json_would(tmp_path: Path) -> None:
    """Re-defined anchors (OpenAI's spec) load, each alias taking the latest definition before
    it; dates stay strings; lone surrogates from JSON escapes do not break writing."""
    path = tmp_path / "spec.yaml"
    path.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: 2024-01-01}\n"
        "x-a: &ex {v: 1}\nx-b: *ex\nx-c: &ex {v: 2}\nx-d: *ex\npaths: {}\n"
    )
    doc = load_spec(path)
    assert doc.data["info"]["version"] == "2024-01-01"
    assert (doc.data["x-b"], doc.data["x-d"]) == ({"v": 1}, {"v": 2})
    assert doc.line_of("/x-d") == 6
    surrogate = tmp_path / "s.json"
    surrogate.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "\ud800"}}))
    title = load_spec(surrogate).data["info"]["title"]
    assert title.encode("utf-8") == b"?"  # replaced: the output can always be written
