"""A file argument (``FileInput``) also takes ``(filename, content)`` and ``(filename, content,
content_type)`` tuples, ``content`` bytes or a binary file object, as httpx does.

Before, the runtime passed such a tuple through to httpx but the type refused it: under
``mypy --strict`` bytes were the only way to upload data held in memory, and they go out as
``filename="upload"`` (OpenAI's file upload wants the real extension). A multipart part now
carries the given filename and content type; a raw body (``application/octet-stream``, also
typed ``FileInput``) sends the tuple's content, with its content type as ``Content-Type``.
Checked on a real server on 127.0.0.1 and with ``mypy --strict`` on a user's script."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, Seen, TestServer

SPEC = """openapi: 3.1.0
info: {title: Uploads, version: '1'}
paths:
  /files:
    post:
      operationId: createFile
      tags: [files]
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file, purpose]
              properties:
                file: {type: string, format: binary}
                purpose: {type: string}
                extras: {type: array, items: {type: string, format: binary}}
      responses:
        '204': {description: created}
  /blobs/{name}:
    put:
      operationId: putBlob
      tags: [blobs]
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/octet-stream:
            schema: {type: string, format: binary}
      responses:
        '204': {description: stored}
"""

USER_CODE = """\
import io

from uploads import UploadsClient
from uploads._types import FileInput

client = UploadsClient(base_url="http://127.0.0.1:9")
client.files.create(file=("train.jsonl", b"{}"), purpose="fine-tune")
client.files.create(file=("train.jsonl", b"{}", "application/jsonl"), purpose="fine-tune")
client.files.create(file=("a.png", io.BytesIO(b"x"), "image/png"), purpose="p")
client.files.create(file=b"raw", purpose="p", extras=[("a.txt", b"a"), b"b"])
client.blobs.update("b", body=("x.png", b"png", "image/png"))
client.blobs.update("b", body=("x.bin", io.BytesIO(b"bin")))
given: FileInput = ("n.txt", b"t", "text/plain")
"""

BAD_CODE = """\
from uploads import UploadsClient

client = UploadsClient(base_url="http://127.0.0.1:9")
client.files.create(file=(b"name", b"x"), purpose="p")
client.files.create(file=("n.txt", b"x", b"text/plain"), purpose="p")
client.files.create(file=("n.txt", 1), purpose="p")
"""


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("uploads") / "uploads.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def package(spec: Path) -> Iterator[Any]:
    with generated_package(spec, "uploads") as package:
        yield package


@pytest.fixture()
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    server.on("POST", "/files", lambda r, n: Reply(status=204))
    server.on("PUT", "/blobs/b", lambda r, n: Reply(status=204))
    yield server
    server.stop()


def _parts(seen: Seen) -> list[tuple[str, str | None, str, bytes]]:
    """(name, filename, content type, content) of each part of a multipart request."""
    assert seen.headers["content-type"].startswith("multipart/form-data; boundary=")
    head = f"content-type: {seen.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + seen.body)
    return [
        (str(part.get_param("name", header="content-disposition")), part.get_filename(),
         part.get_content_type(), bytes(part.get_payload(decode=True)))
        for part in message.iter_parts()
    ]  # fmt: skip


def test_a_part_carries_the_given_filename_and_type(package: Any, server: TestServer) -> None:
    with package.UploadsClient(base_url=server.url) as client:
        client.files.create(file=("train.jsonl", b"{}\n", "application/jsonl"), purpose="ft")
        client.files.create(file=("a.png", io.BytesIO(b"png")), purpose="p")
        client.files.create(file=b"raw", purpose="p", extras=[("x.csv", b"1,2", "text/csv")])
    first, second, third = server.seen("POST")
    assert _parts(first) == [
        ("purpose", None, "text/plain", b"ft"),
        ("file", "train.jsonl", "application/jsonl", b"{}\n"),
    ]
    assert _parts(second)[1] == ("file", "a.png", "image/png", b"png")  # guessed from the name
    assert _parts(third)[1:] == [
        ("file", "upload", "application/octet-stream", b"raw"),
        ("extras", "x.csv", "text/csv", b"1,2"),
    ]


def test_a_raw_body_sends_the_content_with_its_type(package: Any, server: TestServer) -> None:
    with package.UploadsClient(base_url=server.url) as client:
        client.blobs.update("b", body=("x.png", b"png", "image/png"))
        client.blobs.update("b", body=("x.bin", io.BytesIO(b"bin")))
        client.blobs.update("b", body=b"plain")
    typed, named, plain = server.seen("PUT")
    assert (typed.body, typed.headers["content-type"]) == (b"png", "image/png")
    assert (named.body, named.headers["content-type"]) == (b"bin", "application/octet-stream")
    assert (plain.body, plain.headers["content-type"]) == (b"plain", "application/octet-stream")


@pytest.mark.anyio
async def test_the_async_client_sends_them_too(package: Any, server: TestServer) -> None:
    async with package.AsyncUploadsClient(base_url=server.url) as client:
        await client.files.create(file=("t.txt", b"t", "text/plain"), purpose="p")
        await client.blobs.update("b", body=("x.png", b"png", "image/png"))
    [post] = server.seen("POST")
    assert _parts(post)[1] == ("file", "t.txt", "text/plain", b"t")
    [put] = server.seen("PUT")
    assert (put.body, put.headers["content-type"]) == (b"png", "image/png")


@pytest.mark.slow
def test_mypy_strict_accepts_the_tuples(spec: Path, package: Any) -> None:
    out = spec.parent / "out"
    (out / "src" / "user_code.py").write_text(USER_CODE, encoding="utf-8")
    (out / "src" / "bad_code.py").write_text(BAD_CODE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert [line.split(": error:")[0] for line in errors] == [
        "src/bad_code.py:4",
        "src/bad_code.py:5",
        "src/bad_code.py:6",
    ], done.stdout
