"""The generator wires the spec's security schemes into the client: ``SECURITY`` on both
clients, one constructor argument (and environment variable) per credential, ``security=`` on
operations with their own requirements, the re-exported credential types, the README rows.

The generated package is imported and called against a real server on 127.0.0.1 (the runtime
tests' ``TestServer``): what goes over the wire is what the spec says.
"""

from __future__ import annotations

import base64
import importlib
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.build import build_api
from generator.pipeline import generate
from generator.read import load_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = textwrap.dedent(
    """\
    openapi: 3.1.0
    info: {title: Wired Auth, version: "1"}
    servers: [{url: "http://localhost:4010"}]
    security:
      - keyAuth: []
    components:
      securitySchemes:
        keyAuth: {type: apiKey, in: header, name: X-API-Key}
        basicAuth: {type: http, scheme: basic}
        partnerToken: {type: http, scheme: bearer}
        oauth:
          type: oauth2
          flows: {clientCredentials: {tokenUrl: /oauth/token, scopes: {read: r}}}
        queryKey: {type: apiKey, in: query, name: key}
        mtls: {type: mutualTLS}
    paths:
      /things:
        get:
          operationId: listThings
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
      /admin:
        get:
          operationId: adminThings
          security: [{basicAuth: []}, {oauth: [read]}]
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
      /partner:
        get:
          operationId: partnerThings
          security: [{partnerToken: [], queryKey: []}]
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
      /public:
        get:
          operationId: publicThings
          security: []
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
      /scoped:
        get:
          operationId: scopedThings
          security: [{keyAuth: [read]}]
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
    """
)
ENV = "WIRED_AUTH_"


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wired") / "wired.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pkg(spec: Path) -> Iterator[ModuleType]:
    with generated_package(spec, "wired_auth") as package:
        yield package


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    srv = TestServer()
    srv.start()

    def echo(seen: Any, _count: int) -> Reply:
        headers = seen.headers
        found = {"auth": headers.get("authorization"), "key": headers.get("x-api-key")}
        return Reply(json={**found, "query": dict(seen.query)})

    for path in ("/things", "/admin", "/partner", "/public", "/scoped"):
        srv.on("GET", path, echo)
    token = {"access_token": "tok-1", "token_type": "bearer", "expires_in": 3600}
    srv.on("POST", "/oauth/token", lambda _seen, _count: Reply(json=token))
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("API_KEY", "USERNAME", "PASSWORD", "PARTNER_TOKEN", "QUERY_KEY", "ACCESS_TOKEN",
                 "CLIENT_ID", "CLIENT_SECRET"):  # fmt: skip
        monkeypatch.delenv(ENV + name, raising=False)


def test_arguments_are_named_after_the_schemes(spec: Path) -> None:
    api = build_api(load_spec(spec), package_version="1.0.0")
    args = {c.argument: c.env for c in api.package.security.credentials}
    assert args == {
        "api_key": f"{ENV}API_KEY",
        "username": f"{ENV}USERNAME",
        "password": f"{ENV}PASSWORD",
        "partner_token": f"{ENV}PARTNER_TOKEN",
        "access_token": f"{ENV}ACCESS_TOKEN",
        "client_id": f"{ENV}CLIENT_ID",
        "client_secret": f"{ENV}CLIENT_SECRET",
        "query_key": f"{ENV}QUERY_KEY",
    }
    by_op = {m.operation_id.value: m.security for ns in api.namespaces for m in ns.methods}
    assert by_op["listThings"] is None and by_op["scopedThings"] is None  # same as the default
    assert by_op["publicThings"] == ()
    assert [[n.value for n in r] for r in by_op["adminThings"] or ()] == [["basicAuth"], ["oauth"]]


def test_security_and_exports(pkg: ModuleType) -> None:
    client_mod = importlib.import_module("wired_auth._client")
    assert pkg.WiredAuthClient._security is client_mod.SECURITY
    assert pkg.AsyncWiredAuthClient._security is client_mod.SECURITY
    assert [s.name for s in client_mod.SECURITY.schemes] == [
        "keyAuth", "basicAuth", "partnerToken", "oauth", "queryKey"]  # fmt: skip
    assert client_mod.SECURITY.default == (("keyAuth",),)
    for name in ("AccessToken", "BasicCredentials", "ClientCredentials", "TokenProvider"):
        assert name in pkg.__all__ and getattr(pkg, name) is not None
    readme = (Path(str(pkg.__file__)).parents[2] / "README.md").read_text(encoding="utf-8")
    for row in ("| `partner_token` | `WIRED_AUTH_PARTNER_TOKEN` |", "| `client_secret` |",
                "## Authentication", "| `token_refresh_margin` |"):  # fmt: skip
        assert row in readme


def test_the_default_key_is_required_at_construction(pkg: ModuleType) -> None:
    with pytest.raises(pkg.AuthenticationError, match="WIRED_AUTH_API_KEY"):
        pkg.WiredAuthClient(base_url="http://127.0.0.1:9")


def test_each_operation_sends_what_its_requirement_says(
    pkg: ModuleType, server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"{ENV}PARTNER_TOKEN", "pt")
    with pkg.WiredAuthClient(
        api_key="k1", username="ann", password="pw", query_key="qk", base_url=server.url
    ) as client:
        assert client.things.list() == {"auth": None, "key": "k1", "query": {}}
        assert client.scoped.things()["key"] == "k1"
        basic = "Basic " + base64.b64encode(b"ann:pw").decode()
        assert client.admin.things()["auth"] == basic
        partner = client.partner.things()
        assert partner["auth"] == "Bearer pt" and partner["query"] == {"key": "qk"}
        assert client.public.things() == {"auth": None, "key": None, "query": {}}


@pytest.mark.anyio
async def test_async_client_runs_the_client_credentials_flow(
    pkg: ModuleType, server: TestServer
) -> None:
    async with pkg.AsyncWiredAuthClient(
        api_key="k1", client_id="cid", client_secret="cs", base_url=server.url
    ) as client:
        assert (await client.admin.things())["auth"] == "Bearer tok-1"
        with pytest.raises(pkg.AuthenticationError, match="partner_token"):
            await client.partner.things()
    token = server.seen("POST", "/oauth/token")[-1]
    assert b"grant_type=client_credentials" in token.body


def test_a_spec_without_security_needs_no_credential(tmp_path: Path) -> None:
    spec = tmp_path / "open.yaml"
    head = SPEC.split("security:\n  - keyAuth")[0]
    ops = "paths:\n  /x:\n    get:\n      responses: {'204': {description: ok}}\n"
    spec.write_text(head + ops, encoding="utf-8")
    api = build_api(load_spec(spec), package_version="1.0.0")
    assert api.package.security.default == () and not api.package.security.supported
    assert not api.docs.authentication


def test_a_default_the_client_cannot_meet_requires_nothing(tmp_path: Path) -> None:
    """Only an unsupported (mutualTLS) or undeclared scheme: left out with warnings, and the
    client does not refuse to start for a credential it could never send."""
    spec = tmp_path / "mtls.yaml"
    text = SPEC.replace("  - keyAuth: []", "  - mtls: []\n  - ghost: []")
    spec.write_text(text, encoding="utf-8")
    doc = load_spec(spec)
    api = build_api(doc, package_version="1.0.0")
    assert api.package.security.default == ((),)
    assert "mtls" not in [s.name.value for s in api.package.security.supported]
    warnings = " ".join(str(w) for w in doc.warnings)
    assert "mutualTLS" in warnings and "ghost" in warnings


OAUTH_ONLY = """\
openapi: 3.0.3
info: {title: Code Flow, version: "1"}
servers: [{url: "https://api.example.com/2"}]
security: [{OAuth2: []}]
paths:
  /files/{file_id}:
    get:
      operationId: getFile
      parameters: [{name: file_id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
components:
  securitySchemes:
    OAuth2:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://example.com/authorize
          tokenUrl: https://example.com/token
          scopes: {}
"""


def _python_blocks(readme: str) -> list[str]:
    return [b.split("```", 1)[0] for b in readme.split("```python\n")[1:]]


@pytest.mark.parametrize("per_operation", [False, True], ids=["document", "each-operation"])
def test_readme_examples_pass_the_credential_the_api_asks_for(
    tmp_path: Path, per_operation: bool
) -> None:
    """Box's README (OAuth2 authorization code, no API key): the quick start said nothing of
    the token, the configuration example passed ``api_key``, the copy example changed an
    ``api_key`` no scheme reads, the mock fixture built the client with ``api_key`` (it
    refused to start: no access token) and the command line's exported ``..._API_KEY``. They
    pass what the requirements ask for, also when only the operations declare them
    (Autodesk)."""
    text = OAUTH_ONLY
    if per_operation:
        text = text.replace("security: [{OAuth2: []}]\n", "").replace(
            "      operationId: getFile\n",
            "      operationId: getFile\n      security: [{OAuth2: []}]\n",
        )
    spec = tmp_path / "code.yaml"
    spec.write_text(text, encoding="utf-8")
    with generated_package(spec, "code_flow") as pkg:
        readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
        assert "client = CodeFlowClient()  # access_token from CODE_FLOW_ACCESS_TOKEN" in readme
        blocks = _python_blocks(readme)
        config = next(b for b in blocks if "retry_backoff_factor=1.0" in b)
        assert 'access_token="...",  # or CODE_FLOW_ACCESS_TOKEN' in config
        assert "api_key=" not in config
        assert 'client.copy(base_url="https://api.example.com/2")' in readme
        assert 'copy(api_key="...")' not in readme
        fixture = next(b for b in blocks if "def client(" in b)
        assert 'access_token="test-token"' in fixture and "api_key=" not in fixture
        assert "export CODE_FLOW_ACCESS_TOKEN=...       # or --access-token TOKEN" in readme
        assert "CODE_FLOW_API_KEY=" not in readme
        with pkg.CodeFlowClient(access_token="test-token", base_url="http://127.0.0.1:9") as c:
            assert c.copy(base_url="https://api.example.com/2").config.base_url.startswith("https")


def test_a_scheme_name_starting_with_a_digit_names_a_public_argument(tmp_path: Path) -> None:
    """Autodesk's schemes are ``2-legged`` and ``3-legged``: the arguments were
    ``_2_legged_token`` and ``_3_legged_token`` (read as private, and ``..._API__3_LEGGED_TOKEN``
    in the environment); the word goes first instead."""
    text = OAUTH_ONLY.replace("security: [{OAuth2: []}]", "security: [{3-legged: []}, {2-key: []}]")
    text = text.replace("    OAuth2:\n", "    2-legged:\n      type: oauth2\n      flows:\n"
                        "        clientCredentials:\n"
                        "          {tokenUrl: 'https://e.com/t', scopes: {'data:read': r}}\n"
                        "    2-key: {type: apiKey, in: header, name: X-Key}\n"
                        "    9-bearer: {type: http, scheme: bearer}\n"
                        "    3-legged:\n")  # fmt: skip
    spec = tmp_path / "legged.yaml"
    spec.write_text(text, encoding="utf-8")
    api = build_api(load_spec(spec), package_version="1.0.0")
    names = {s.name.value: [(c.argument, c.env) for c in s.credentials]
             for s in api.package.security.supported}  # fmt: skip
    assert names == {
        "2-legged": [
            ("access_token_2_legged", "CODE_FLOW_ACCESS_TOKEN_2_LEGGED"),
            ("client_id", "CODE_FLOW_CLIENT_ID"),
            ("client_secret", "CODE_FLOW_CLIENT_SECRET"),
        ],
        "2-key": [("api_key", "CODE_FLOW_API_KEY")],
        "9-bearer": [("token_9_bearer", "CODE_FLOW_TOKEN_9_BEARER")],
        "3-legged": [("access_token_3_legged", "CODE_FLOW_ACCESS_TOKEN_3_LEGGED")],
    }

    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    # The ClientCredentials example asks for a scope the flow declares (not a made-up "read").
    wanted = 'ClientCredentials("my-client-id", "my-secret", scopes=("data:read",))'
    assert f"access_token_2_legged={wanted}" in readme


def test_a_scheme_named_api_key_keeps_the_api_key_argument(tmp_path: Path) -> None:
    """Algolia ANDs ``appId`` (listed first) and ``apiKey``: ``api_key`` fed the application-id
    header and the scheme named ``apiKey`` got ``api_key_2``, so a user passing their key as
    ``api_key=`` sent the secret in the wrong header. The scheme named ``api_key`` keeps it."""
    text = OAUTH_ONLY.replace("security: [{OAuth2: []}]", "security: [{appId: [], apiKey: []}]")
    text = text.replace("    OAuth2:\n", "    appId: {type: apiKey, in: header, name: x-app-id}\n"
                        "    apiKey: {type: apiKey, in: header, name: x-api-key}\n"
                        "    OAuth2:\n")  # fmt: skip
    spec = tmp_path / "pair.yaml"
    spec.write_text(text, encoding="utf-8")
    api = build_api(load_spec(spec), package_version="1.0.0")
    names = {s.name.value: [c.argument for c in s.credentials]
             for s in api.package.security.supported if s.runtime == "apikey"}  # fmt: skip
    assert names == {"appId": ["app_id_key"], "apiKey": ["api_key"]}
