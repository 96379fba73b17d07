"""Header parameters the client sets itself are no arguments: ``Accept``, ``Content-Type``
and ``Authorization`` (OpenAPI: "SHALL be ignored"), and the framing headers httpx computes
from the body it sends, ``Content-Length`` and ``Transfer-Encoding`` (InfluxDB's write declared
``content_length``: a value given by hand that differs from the body breaks the request)."""

from __future__ import annotations

from pathlib import Path

from generator.build import build_api
from generator.read import load_spec

SPEC = """\
openapi: 3.0.0
info: {title: Frames, version: "1"}
paths:
  /write:
    post:
      operationId: PostWrite
      tags: [Write]
      parameters:
        - {name: Content-Length, in: header, schema: {type: integer}}
        - {name: Transfer-Encoding, in: header, schema: {type: string}}
        - {name: Content-Type, in: header, schema: {type: string}}
        - {name: Content-Encoding, in: header, schema: {type: string, enum: [gzip, identity]}}
        - {name: Zap-Trace-Span, in: header, schema: {type: string}}
      requestBody:
        content:
          text/plain: {schema: {type: string}}
      responses: {'204': {description: ok}}
"""


def test_framing_headers_are_no_arguments(tmp_path: Path) -> None:
    spec = tmp_path / "frames.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    api = build_api(load_spec(spec), package_version="1")
    (method,) = api.namespaces[0].methods
    assert [p.name for p in method.params] == ["content_encoding", "zap_trace_span", "body"]
