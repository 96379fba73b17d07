"""``ir.Package.request_id_header``: the request-id header the spec's responses declare (or
``info.x-sdk.request-id-header``) is the one errors and raw responses read first."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator import ir
from generator.build import build_api
from generator.pipeline import generate
from generator.read import load_spec

SPEC = textwrap.dedent(
    """\
    openapi: 3.1.0
    info: {title: Rid, version: "1"{x_sdk}}
    paths:
      /a:
        get:
          responses:
            "200":
              description: ok
              headers:
                x-amzn-RequestId: {schema: {type: string}}
                X-RateLimit-Remaining: {schema: {type: integer}}
              content: {application/json: {schema: {type: object}}}
            default: {$ref: "#/components/responses/Error"}
    components:
      responses:
        Error:
          description: error
          headers:
            x-amzn-RequestId: {schema: {type: string}}
    """
)


def _api(tmp_path: Path, x_sdk: str = "") -> tuple[Path, ir.Api]:
    spec = tmp_path / "rid.yaml"
    spec.write_text(SPEC.replace("{x_sdk}", x_sdk), encoding="utf-8")
    return spec, build_api(load_spec(spec), package_version="1.0.0")


def test_the_declared_header_is_found(tmp_path: Path) -> None:
    spec, api = _api(tmp_path)
    header = api.package.request_id_header
    assert header is not None and header.value == "x-amzn-RequestId"
    generate(spec, tmp_path / "out")
    runtime = (tmp_path / "out" / "src" / "rid" / "_error_body.py").read_text(encoding="utf-8")
    assert '_REQUEST_ID_HEADER = "x-amzn-requestid"' in runtime


@pytest.mark.parametrize("x_sdk", [', x-sdk: {request-id-header: "X-Trace"}'])
def test_x_sdk_overrides(tmp_path: Path, x_sdk: str) -> None:
    _, api = _api(tmp_path, x_sdk)
    assert api.package.request_id_header is not None
    assert api.package.request_id_header.value == "X-Trace"


def test_none_declared_keeps_the_default(tmp_path: Path) -> None:
    spec = tmp_path / "plain.yaml"
    text = SPEC.replace("{x_sdk}", "").replace("x-amzn-RequestId", "X-Other")
    spec.write_text(text, encoding="utf-8")
    api = build_api(load_spec(spec), package_version="1.0.0")
    assert api.package.request_id_header is None
    assert api.package.request_id_header_name.value == "x-request-id"
