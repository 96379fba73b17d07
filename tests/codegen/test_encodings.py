"""Every parameter style and request media type OpenAPI lets a client send, on the wire: a
package generated from tests/fixtures/encodings.yaml calls a real server on 127.0.0.1, which
records what arrived. Also: inline schemas become named models, and the model repairs for
documents nobody here wrote (``required: true`` on a property, Literal overrides of enums)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.build import build_api
from generator.models.postprocess import allow_field_overrides
from generator.models.prepare import rewrite_refs
from generator.pipeline import generate
from generator.read import load_spec
from tests.models_source import models_source

SPEC = Path(__file__).resolve().parent.parent / "fixtures" / "encodings.yaml"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("encodings") / "out"
    generate(SPEC, out)
    return out


PROBE = textwrap.dedent(
    """\
    import json, threading
    from http.server import BaseHTTPRequestHandler, HTTPServer
    from wire_styles import WireStylesClient

    seen = []

    class Handler(BaseHTTPRequestHandler):
        def handle_one(self):
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            seen.append({
                "method": self.command, "path": self.path, "body": body.decode("latin-1"),
                "type": self.headers.get("content-type"), "cookie": self.headers.get("cookie"),
                "x-ids": self.headers.get("x-ids"),
            })
            if self.command in ("POST", "PUT"):
                self.send_response(204)
                self.end_headers()
                return
            out = b'{"items": [{"id": 1, "meta": {"k": "v"}}], "ok": true}'
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        do_GET = do_POST = do_PUT = do_PATCH = handle_one

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client = WireStylesClient(base_url=f"http://127.0.0.1:{server.server_port}")
    found = client.items.list(
        [1, 2], ["a", "b"], "m/x", tags=["t1", "t2"], pipes=["p", "q"], spaces=["s", "t"],
        filter={"a": "x", "b": 2}, point={"x": 1.5, "y": 2}, x_ids=["h1", "h2"],
        session="abc", q={"z": "w"},
    )
    assert type(found).__name__ == "ListItemsResponse", type(found)
    assert type(found.items[0].meta).__name__ == "ListItemsResponseItemsItemMeta"
    client.notes.create(body="hello")
    client.blobs.put(body=b"\\x00\\x01")
    client.upload.upload(files=[b"one", b"two"], meta={"tag": "x"})
    client.forms.send(ids=[1, 2], card={"number": "42", "exp": 1})
    client.patch.thing(name="n")
    client.maps.get()  # its own server, but the base_url the user set wins
    print(json.dumps(seen))
    """
)


@pytest.fixture(scope="module")
def wire(package: Path) -> list[dict[str, str]]:
    import json

    proc = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=package / "src",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen: list[dict[str, str]] = json.loads(proc.stdout.strip().splitlines()[-1])
    return seen


def test_path_styles_and_literal_query(wire: list[dict[str, str]]) -> None:
    path, _, query = wire[0]["path"].partition("?")
    assert path == "/items/1,2/.a.b/;mat=m%2Fx"  # simple array, label exploded, matrix
    assert query.startswith("kind=x&"), query  # the path key's literal query is kept


def test_query_styles(wire: list[dict[str, str]]) -> None:
    from urllib.parse import parse_qsl

    pairs = parse_qsl(wire[0]["path"].partition("?")[2])
    assert ("tags", "t1,t2") in pairs  # form, explode false: a required one is sent
    assert ("pipes", "p|q") in pairs and ("spaces", "s t") in pairs
    assert ("filter[a]", "x") in pairs and ("filter[b]", "2") in pairs  # deepObject
    assert ("x", "1.5") in pairs and ("y", "2") in pairs  # form object, exploded
    assert ("q", '{"z":"w"}') in pairs  # content: application/json


def test_header_and_cookie(wire: list[dict[str, str]]) -> None:
    assert wire[0]["x-ids"] == "h1,h2"
    assert wire[0]["cookie"] == "session=abc"


def test_raw_and_vendor_json_bodies(wire: list[dict[str, str]]) -> None:
    note, blob = wire[1], wire[2]
    assert (note["type"], note["body"]) == ("text/plain", "hello")
    assert (blob["type"], blob["body"]) == ("application/octet-stream", "\x00\x01")
    patch = wire[5]
    assert patch["type"] == "application/merge-patch+json"
    assert patch["body"] == '{"name":"n"}'


def test_multipart_file_arrays_and_json_fields(wire: list[dict[str, str]]) -> None:
    upload = wire[3]
    assert upload["type"].startswith("multipart/form-data")
    assert upload["body"].count('name="files"') == 2
    assert "one" in upload["body"] and "two" in upload["body"]
    assert '{"tag":"x"}' in upload["body"]


def test_urlencoded_styles(wire: list[dict[str, str]]) -> None:
    from urllib.parse import parse_qsl

    form = wire[4]
    assert form["type"] == "application/x-www-form-urlencoded"
    pairs = parse_qsl(form["body"])
    assert ("ids", "1,2") in pairs
    assert ("card[number]", "42") in pairs and ("card[exp]", "1") in pairs


def test_operation_servers(package: Path, wire: list[dict[str, str]]) -> None:
    assert wire[6]["path"] == "/maps"  # base_url given: every operation goes there
    probe = textwrap.dedent(
        """\
        import httpx
        from wire_styles import WireStylesClient
        urls = []
        def handler(request):
            urls.append(str(request.url))
            return httpx.Response(204)
        client = WireStylesClient(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
        client.maps.get()
        client.notes.create(body="x")
        print(urls)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=package / "src", capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "['https://maps.example.com/api/maps', 'https://api.example.com/notes']" in proc.stdout


def test_inline_schemas_are_named_models() -> None:
    api = build_api(load_spec(SPEC))
    by_name = {m.name: m for m in api.all_methods}
    assert by_name["list"].returns.type.render() == "ListItemsResponse"
    params = {p.name: p.annotation for p in by_name["list"].params}
    assert params["filter"] == "Optional[ListItemsFilter]"
    assert {p.name: p.annotation for p in by_name["send"].params}["card"] == (
        "Optional[SendFormRequestCard]"
    )
    for name in ("ListItemsResponseItemsItem", "ListItemsResponseItemsItemMeta"):
        assert name in api.schemas.values()


def test_required_true_on_a_property_means_required() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string", "required": True}, "b": {"type": "string"}},
    }
    out = rewrite_refs(schema, {}, {})
    assert out["required"] == ["a"] and "required" not in out["properties"]["a"]


def test_literal_override_of_an_enum_field_is_marked() -> None:
    source = textwrap.dedent(
        """\
        class Kind(OpenEnum):
            SLACK = "slack"


        class Base(BaseModel):
            type: Kind


        class Slack(Base):
            type: Literal["slack"]
        """
    )
    fixed = allow_field_overrides(source)
    assert '    type: Literal["slack"]  # type: ignore[assignment, unused-ignore]' in fixed
    assert fixed.count("type: ignore") == 1


def test_enum_member_descriptions_are_docstrings() -> None:
    from generator.models import generate_models

    color = {
        "description": "A color.",
        "oneOf": [
            {"const": "red", "description": 'Fire """ and \\ "quoted"'},
            {"const": "blue", "description": "The sea.\nSecond line."},
        ],
    }
    size = {"type": "string", "enum": ["s"], "x-enum-descriptions": ["Small one."]}
    spec = {"openapi": "3.1.0", "components": {"schemas": {"Color": color, "Size": size}}}
    source = generate_models(spec, {"Color": "Color", "Size": "Size"}, "pkg")
    compile(source, "models.py", "exec")  # spec text cannot break out of a docstring
    assert '    RED = \'red\'\n    """Fire' in source
    assert '    BLUE = \'blue\'\n    """The sea.\n    Second line."""' in source
    assert '    S = \'s\'\n    """Small one."""' in source


def test_a_string_default_on_a_date_field_is_left_to_the_server() -> None:
    schema = {
        "type": "object",
        "properties": {
            "when": {"type": "string", "format": "date-time", "default": ""},
            "url": {"type": "string", "format": "uri", "default": "/home"},
            "name": {"type": "string", "default": "x"},
        },
    }
    out = rewrite_refs(schema, {}, {})
    assert "default" not in out["properties"]["when"]  # a datetime field cannot default to ""
    assert out["properties"]["url"]["default"] == "/home"  # a uri field is a str
    assert out["properties"]["name"]["default"] == "x"


def test_allof_overrides_type_check(tmp_path: Path) -> None:
    """``allOf: [Base, {properties: ...}]`` narrowing or replacing a base property."""
    spec = tmp_path / "override.yaml"
    spec.write_text(
        textwrap.dedent(
            """\
            openapi: 3.0.3
            info: {title: Overrides, version: "1"}
            paths:
              /x:
                get:
                  operationId: getX
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            allOf:
                              - $ref: '#/components/schemas/Envelope'
                              - properties: {data: {$ref: '#/components/schemas/Item'}}
            components:
              schemas:
                Envelope:
                  properties: {data: {type: object}, count: {type: string}}
                Item:
                  properties: {id: {type: string}}
                Narrow:
                  allOf:
                    - $ref: '#/components/schemas/Envelope'
                    - properties:
                        count: {type: integer}
                        data: {$ref: '#/components/schemas/Item'}
            """
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    generate(spec, out)
    models = models_source(out / "src" / "overrides")
    assert "class GetXResponse(Envelope):" in models
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "src"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
