"""A spec field keeps its plain name when the generated method's own locals would have taken it.

Twilio's ``Body`` (the text of a message) came out as ``body_=``, because the method body built
its request dicts in locals called ``body``, ``files``, ``headers`` and ``cookies``. Those locals
now start with ``_`` (which no argument can), so the arguments are ``body``, ``files``,
``headers``, ``cookies``. And an argument named like a helper the body calls (``cookie_header``)
no longer replaces the helper: it is renamed (``cookie_header_``). Checked on the wire, against a
real server on 127.0.0.1, with a cookie parameter beside a query parameter named ``cookies``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import generate

SPEC = textwrap.dedent(
    """\
    openapi: 3.0.3
    info: {title: Names, version: 1.0.0}
    paths:
      /messages:
        post:
          operationId: createMessage
          parameters:
            - {name: cookies, in: query, schema: {type: string}}
            - {name: cookie_header, in: query, schema: {type: string}}
            - {name: headers, in: query, schema: {type: string}}
            - {name: sid, in: cookie, schema: {type: string}}
            - {name: X-Trace, in: header, schema: {type: string}}
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema:
                  type: object
                  required: [Body]
                  properties:
                    Body: {type: string}
                    Files: {type: string}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
        get:
          operationId: listMessages
          parameters:
            - {name: DateSent, in: query, schema: {type: string, format: date}}
            - {name: DateSent<, in: query, schema: {type: string, format: date}}
            - {name: DateSent>, in: query, schema: {type: string, format: date-time}}
            - {name: Price>=, in: query, schema: {type: number}}
            - {name: Price<=, in: query, schema: {type: number}}
            - {name: "<", in: query, schema: {type: number}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
    """
)

PROBE = textwrap.dedent(
    """\
    import asyncio, inspect, json, threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from names import AsyncNamesClient, NamesClient

    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            seen.append({"path": self.path, "body": body.decode(),
                         "cookie": self.headers.get("cookie"),
                         "trace": self.headers.get("x-trace")})
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        do_GET = do_POST

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    args = dict(body="hi", files="f", headers="h", cookies="c", cookie_header_="ch",
                sid="s1", x_trace="t")
    with NamesClient(base_url=url) as client:
        client.messages.create(**args)
        names = list(inspect.signature(client.messages.create).parameters)
        client.messages.list(date_sent="2024-01-01", date_sent_before="2024-02-01",
                             date_sent_after="2024-03-01", price_gte=1.5, price_lte=2.5, value=3)
        listed = list(inspect.signature(client.messages.list).parameters)

    async def main():
        async with AsyncNamesClient(base_url=url) as client:
            await client.messages.create(**args)

    asyncio.run(main())
    server.shutdown()
    print(json.dumps({"seen": seen, "names": names, "listed": listed}))
    """
)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("argnames")
    spec = root / "openapi.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, root / "out")
    return root / "out"


def _run(package: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=package / "src",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_fields_named_like_the_body_locals_keep_their_names(package: Path) -> None:
    result = _run(package)
    assert result["names"][:7] == [
        "cookies",
        "cookie_header_",
        "headers",
        "sid",
        "x_trace",
        "body",
        "files",
    ]
    assert len(result["seen"]) == 3
    for seen in result["seen"][::2]:  # sync, then async: the same request
        assert seen["path"] == "/messages?cookies=c&cookie_header=ch&headers=h"
        assert seen["body"] == "Body=hi&Files=f"
        assert seen["cookie"] == "sid=s1"
        assert seen["trace"] == "t"


def test_comparison_operators_in_words(package: Path) -> None:
    """Twilio's ``DateSent<``, ``DateSent>`` beside ``DateSent`` were ``date_sent_2``,
    ``date_sent_3``: the operator is said in words (``before``/``after`` for a date)."""
    result = _run(package)
    assert result["listed"][:6] == [
        "date_sent",
        "date_sent_before",
        "date_sent_after",
        "price_gte",
        "price_lte",
        "value",  # a bare operator: no word to compare
    ]
    query = "DateSent=2024-01-01&DateSent%3C=2024-02-01&DateSent%3E=2024-03-01"
    assert result["seen"][1]["path"] == f"/messages?{query}&Price%3E%3D=1.5&Price%3C%3D=2.5&%3C=3"


def test_the_signature_in_the_source(package: Path) -> None:
    source = (package / "src" / "names" / "resources" / "messages.py").read_text(encoding="utf-8")
    assert "        body: str,\n" in source and "body_" not in source
    assert "_body: Dict[str, Any] = {" in source  # the local, out of the arguments' way
