"""A PATCH body declared under several JSON patch types with one object schema (Kubernetes:
``json-patch+json``, ``merge-patch+json``, ``strategic-merge-patch+json``, all ``Patch``, an
object): the client sends it as ``merge-patch+json`` (RFC 7396, an object), not as
``json-patch+json`` (RFC 6902, always an array of operations: a server refuses an object), and
the call's own ``Content-Type`` in ``extra_headers`` wins (the strategic merge patch). An array
schema keeps ``json-patch+json``. Before, every patch went as ``json-patch+json`` and the
``Content-Type`` of ``extra_headers`` was silently replaced."""

from __future__ import annotations

from pathlib import Path

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.0
info: {title: Patchy, version: '1'}
paths:
  /maps/{name}:
    patch:
      operationId: patchMap
      tags: [maps]
      parameters: [{name: name, in: path, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content:
          application/json-patch+json: {schema: {$ref: '#/components/schemas/Patch'}}
          application/merge-patch+json: {schema: {$ref: '#/components/schemas/Patch'}}
          application/strategic-merge-patch+json: {schema: {$ref: '#/components/schemas/Patch'}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
  /ops/{name}:
    patch:
      operationId: patchOps
      tags: [ops]
      parameters: [{name: name, in: path, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content:
          application/json-patch+json:
            schema: {type: array, items: {type: object, additionalProperties: true}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
components:
  schemas:
    Patch: {type: object, description: A patch of any of the patch types.}
"""


def test_an_object_patch_goes_as_a_merge_patch_and_the_callers_type_wins(tmp_path: Path) -> None:
    spec = tmp_path / "patchy.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    srv = TestServer()
    srv.start()
    srv.on("PATCH", "/maps/cfg", lambda _s, _n: Reply(json={}))
    srv.on("PATCH", "/ops/cfg", lambda _s, _n: Reply(json={}))
    strategic = "application/strategic-merge-patch+json"
    try:
        with generated_package(spec, "patchy") as pkg, pkg.PatchyClient(base_url=srv.url) as c:
            patch = pkg.models.Patch.model_validate({"data": {"k": "v"}})
            c.maps.update("cfg", body=patch)
            c.maps.update("cfg", body=patch, extra_headers={"Content-Type": strategic})
            c.ops.update("cfg", body=[{"op": "remove", "path": "/data/k"}])
        sent = [(s.headers.get("content-type"), s.json()) for s in srv.seen("PATCH")]
    finally:
        srv.stop()
    assert sent == [
        ("application/merge-patch+json", {"data": {"k": "v"}}),
        (strategic, {"data": {"k": "v"}}),
        ("application/json-patch+json", [{"op": "remove", "path": "/data/k"}]),
    ]
