"""An API key sent in the ``Authorization`` header after the scheme word its description shows
(InfluxDB: "send ... the word `Token` followed by a space and an API token", ``Authorization:
Token INFLUX_API_TOKEN``): the client sends ``Authorization: Token <key>``, not the bare key,
which the API refuses. Without such a description (Kubernetes' ``BearerToken``) the key is the
whole value, as before."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.build import build_api
from generator.build.security import authorization_word
from generator.read import load_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = textwrap.dedent(
    """\
    openapi: 3.0.0
    info: {title: Token Auth, version: "1"}
    servers: [{url: "http://localhost:8086"}]
    security:
      - TokenAuthentication: []
    components:
      securitySchemes:
        TokenAuthentication:
          type: apiKey
          name: Authorization
          in: header
          description: |
            For the header value, provide the word `Token` followed by a space and a token.

            `Authorization: Token INFLUX_API_TOKEN`

            ```sh
            curl --header "Authorization: Token INFLUX_API_TOKEN" INFLUX_URL/api/v2/buckets
            ```
        RawKey:
          type: apiKey
          name: authorization
          in: header
          description: Bearer Token authentication
    paths:
      /buckets:
        get:
          operationId: listBuckets
          tags: [Buckets]
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
      /raw:
        get:
          operationId: rawThings
          tags: [Raw]
          security: [{RawKey: []}]
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
    """
)


@pytest.mark.parametrize(
    "description, word",
    [
        ("`Authorization: Token INFLUX_API_TOKEN`", "Token"),
        ("Send `Authorization: Token YOUR_API_TOKEN` with every request.", "Token"),
        ('-H "Authorization: SSWS ${api_token}"', "SSWS"),
        ("Authorization: Bearer <token>", "Bearer"),
        ("Authorization: Key {key}", "Key"),
        ("Bearer Token authentication", None),  # Kubernetes: no example of the value
        ("Authorization: YOUR_API_TOKEN", None),  # the key is the whole value
        ("Authorization: Token T_1 or Authorization: Bearer T_2", None),  # two words: unsure
        ("The Authorization: header carries the key", None),
        (None, None),
    ],
)
def test_the_word_is_read_from_an_example_of_the_header(
    description: str | None, word: str | None
) -> None:
    assert authorization_word(description) == word


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("token") / "token.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pkg(spec: Path) -> Iterator[ModuleType]:
    with generated_package(spec, "token_auth") as package:
        yield package


def test_the_scheme_keeps_the_word(spec: Path) -> None:
    api = build_api(load_spec(spec), package_version="1.0.0")
    prefixes = {s.name.value: s.prefix for s in api.package.security.schemes}
    token, raw = prefixes["TokenAuthentication"], prefixes["RawKey"]
    assert token is not None and token.value == "Token" and raw is None


def test_the_key_is_sent_after_the_word(
    pkg: ModuleType, spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("TOKEN_AUTH_API_KEY", "TOKEN_AUTH_RAW_KEY"):
        monkeypatch.delenv(name, raising=False)
    srv = TestServer()

    def echo(seen: Any, _count: int) -> Reply:
        return Reply(json={"auth": seen.headers.get("authorization")})

    srv.on("GET", "/buckets", echo)
    srv.on("GET", "/raw", echo)
    srv.start()
    try:
        with pkg.TokenAuthClient(api_key="k1", raw_key="Bearer r1", base_url=srv.url) as c:
            assert c.buckets.list() == {"auth": "Token k1"}
            assert c.raw.things() == {"auth": "Bearer r1"}  # as given
        with pkg.TokenAuthClient(api_key="Token k2", base_url=srv.url) as c:
            assert c.buckets.list() == {"auth": "Token k2"}  # the word once
    finally:
        srv.stop()
    readme = (spec.parent / "out" / "README.md").read_text(encoding="utf-8")
    assert "header `Authorization` (sent as `Token <key>`)" in readme
