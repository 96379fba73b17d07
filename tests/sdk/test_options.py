"""Client options and transport: TLS (``verify_ssl``, ``ssl_ca_cert``, ``cert_file``/``key_file``),
``proxy``, ``pool_maxsize``, ``default_headers``/``user_agent``, an injected ``http_client``,
per-call options, ``with_raw_response`` and ``rate_limit``, ``copy()``/``with_options()``,
runapy-style ``options()`` discovery (with a deprecated operation of the mini fixture) and
streaming uploads, for the generated sync and async clients.

TLS runs the reference server's app behind uvicorn with certificates made here (a test CA, a
server certificate for 127.0.0.1, a client certificate); the proxy is a small forwarding HTTP
proxy in a thread. The 50 MB upload goes to a reference server in a subprocess, so that what the
server buffers is not counted in this process's memory.
"""

from __future__ import annotations

import ast
import asyncio
import dataclasses
import datetime as dt
import importlib
import inspect
import ipaddress
import re
import ssl
import subprocess
import sys
import threading
import time
import tracemalloc
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.generator_cli import run_generator
from tests.sdk._support import PROMPT_JSONL, TOKEN, Api, seed_file, settle
from tests.server import ReferenceServer
from tests.server.serving import UvicornThread, serve_http, url_of

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def make_client(sdk: ModuleType, flavour: str, **options: Any) -> Api:
    cls = sdk.AsyncRunRLClient if flavour == "async" else sdk.RunRLClient
    options.setdefault("api_key", TOKEN)
    return Api(cls(**options), is_async=flavour == "async", flavour=flavour)


async def close(api: Api) -> None:
    if api.is_async:
        await api.client.aclose()
    else:
        api.client.close()


# ------------------------------------------------------------------------------------------ TLS


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def _issue(
    ca_cert: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, common_name: str, usage: Any
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if usage == ExtendedKeyUsageOID.SERVER_AUTH:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
    return builder.sign(ca_key, hashes.SHA256()), key


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A test CA, a server certificate for 127.0.0.1 and a client certificate (PEM files)."""
    out = tmp_path_factory.mktemp("pki")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("RunRL test CA"))
        .issuer_name(_name("RunRL test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    files: dict[str, str] = {}
    (out / "ca.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    files["ca"] = str(out / "ca.pem")
    for role, usage in (
        ("server", ExtendedKeyUsageOID.SERVER_AUTH),
        ("client", ExtendedKeyUsageOID.CLIENT_AUTH),
    ):
        cert, key = _issue(ca_cert, ca_key, f"runrl test {role}", usage)
        pem = cert.public_bytes(serialization.Encoding.PEM)
        (out / f"{role}.pem").write_bytes(pem)
        _write_key(out / f"{role}.key", key)
        files[f"{role}_cert"] = str(out / f"{role}.pem")
        files[f"{role}_key"] = str(out / f"{role}.key")
        # One file holding both the certificate and the key (cert_file without key_file).
        (out / f"{role}-combined.pem").write_bytes(pem + (out / f"{role}.key").read_bytes())
        files[f"{role}_combined"] = str(out / f"{role}-combined.pem")
    return files


class _UvicornThread(UvicornThread):
    """The reference server's app behind uvicorn with TLS, in a background thread."""

    def __init__(self, app: Any, pki: dict[str, str], *, require_client_cert: bool) -> None:
        super().__init__(
            app,
            name="tls-server",
            log_level="critical",  # refused handshakes are the point of some tests
            http="h11",
            ws="none",
            ssl_certfile=pki["server_cert"],
            ssl_keyfile=pki["server_key"],
            ssl_ca_certs=pki["ca"],
            ssl_cert_reqs=ssl.CERT_REQUIRED if require_client_cert else ssl.CERT_NONE,
            timeout_graceful_shutdown=1,
        )
        self.base_url = f"https://127.0.0.1:{self.start()}/api/v1"


@pytest.fixture(scope="module")
def tls_servers(
    reference_server_session: ReferenceServer, pki: dict[str, str]
) -> Iterator[dict[str, str]]:
    plain = _UvicornThread(reference_server_session.app, pki, require_client_cert=False)
    mutual = _UvicornThread(reference_server_session.app, pki, require_client_cert=True)
    try:
        yield {"tls": plain.base_url, "mtls": mutual.base_url}
    finally:
        plain.stop()
        mutual.stop()


async def test_tls_verification_options(
    sdk: ModuleType,
    reference_server: ReferenceServer,
    tls_servers: dict[str, str],
    pki: dict[str, str],
    flavour: str,
) -> None:
    url = tls_servers["tls"]
    # Verified by default: a certificate from an unknown CA is refused.
    default = make_client(sdk, flavour, base_url=url, max_retries=0)
    try:
        with pytest.raises(sdk.exceptions.APIConnectionError) as err:
            await default.health()
        assert "CERTIFICATE_VERIFY_FAILED" in str(err.value)
    finally:
        await close(default)
    assert reference_server.requests == []

    for options in ({"ssl_ca_cert": pki["ca"]}, {"verify_ssl": False}):
        client = make_client(sdk, flavour, base_url=url, **options)
        try:
            assert (await client.health()).status == "ok", options
        finally:
            await close(client)
    assert len(reference_server.requests_to("GET", "/health")) == 2


async def test_client_certificates_for_mutual_tls(
    sdk: ModuleType,
    reference_server: ReferenceServer,
    tls_servers: dict[str, str],
    pki: dict[str, str],
    flavour: str,
) -> None:
    url = tls_servers["mtls"]
    without = make_client(sdk, flavour, base_url=url, ssl_ca_cert=pki["ca"], max_retries=0)
    try:
        with pytest.raises(sdk.exceptions.APIConnectionError):
            await without.health()
    finally:
        await close(without)
    assert reference_server.requests == []

    for options in (
        {"ssl_ca_cert": pki["ca"], "cert_file": pki["client_cert"], "key_file": pki["client_key"]},
        {"ssl_ca_cert": pki["ca"], "cert_file": pki["client_combined"]},
        {"verify_ssl": False, "cert_file": pki["client_cert"], "key_file": pki["client_key"]},
    ):
        client = make_client(sdk, flavour, base_url=url, max_retries=0, **options)
        try:
            assert (await client.health()).status == "ok", options
        finally:
            await close(client)
    assert len(reference_server.requests_to("GET", "/health")) == 3


# ---------------------------------------------------------------------------------------- proxy


class _ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Any
    _HOP = frozenset(
        {
            "connection",
            "proxy-connection",
            "keep-alive",
            "host",
            "content-length",
            "transfer-encoding",
            "proxy-authorization",
            "te",
            "upgrade",
        }
    )

    def _forward(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append((self.command, self.path))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in self._HOP}
        with httpx.Client(trust_env=False) as upstream:
            reply = upstream.request(self.command, self.path, headers=headers, content=body)
        self.send_response(reply.status_code)
        for key, value in reply.headers.items():
            if key.lower() not in self._HOP and key.lower() != "content-encoding":
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(reply.content)))
        self.send_header("Via", "1.1 runrl-test-proxy")
        self.end_headers()
        self.wfile.write(reply.content)

    do_GET = do_POST = do_PUT = do_DELETE = _forward

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def http_proxy() -> Iterator[Any]:
    with serve_http(_ProxyHandler) as server:
        server.seen = []  # type: ignore[attr-defined]
        server.url = url_of(server)  # type: ignore[attr-defined]
        yield server


async def test_requests_go_through_the_proxy(
    sdk: ModuleType, reference_server: ReferenceServer, http_proxy: Any, flavour: str
) -> None:
    client = make_client(sdk, flavour, base_url=reference_server.base_url, proxy=http_proxy.url)
    try:
        health = await client.health()
        created = await client.files.create_from_content("r", "code", "reward_function")
    finally:
        await close(client)

    assert health.status == "ok" and created.name == "r"
    base = reference_server.base_url
    assert http_proxy.seen == [("GET", f"{base}/health"), ("POST", f"{base}/files")]
    rec = reference_server.requests_to("POST", "/files")[0]
    assert rec.headers["authorization"] == f"Bearer {TOKEN}"  # forwarded by the proxy
    assert rec.headers["idempotency-key"]


# ------------------------------------------------------------------------------------ pool size


async def test_pool_maxsize_bounds_concurrent_connections(
    sdk: ModuleType, reference_server: ReferenceServer, flavour: str
) -> None:
    """With a delay on every call, arrivals at the server show how many ran at once."""
    delay = 0.5
    reference_server.inject("/health", kind="delay", delay=delay, times=None)

    async def arrivals(pool_maxsize: int) -> list[float]:
        reference_server.clear_requests()
        client = make_client(
            sdk, flavour, base_url=reference_server.base_url, pool_maxsize=pool_maxsize
        )
        try:
            if client.is_async:
                await asyncio.gather(*(client.client.health() for _ in range(4)))
            else:
                start = threading.Barrier(4)

                def call() -> None:
                    start.wait()
                    client.client.health()

                threads = [threading.Thread(target=call) for _ in range(4)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
        finally:
            await close(client)
        times = sorted(r.time for r in reference_server.requests)
        assert len(times) == 4
        return times

    one = await arrivals(1)
    gaps = [b - a for a, b in zip(one, one[1:], strict=False)]
    assert min(gaps) >= 0.9 * delay, gaps  # one connection: each call waits for the previous
    four = await arrivals(4)
    assert four[-1] - four[0] < delay, four  # four connections: all in flight together


# ------------------------------------------------------------------- headers and the http client


async def test_user_agent_and_default_headers_from_the_constructor(
    sdk: ModuleType, reference_server: ReferenceServer, flavour: str
) -> None:
    client = make_client(
        sdk,
        flavour,
        base_url=reference_server.base_url,
        user_agent="acme-trainer/2.0",
        default_headers={"X-Team": "rl", "X-Env": "ci"},
    )
    try:
        await client.health()
        await client.health(extra_headers={"x-env": "override", "X-Trace-Id": "t-1"})
    finally:
        await close(client)
    first, second = reference_server.requests
    assert first.headers["user-agent"] == "acme-trainer/2.0"
    assert (first.headers["x-team"], first.headers["x-env"]) == ("rl", "ci")
    assert (second.headers["x-env"], second.headers["x-trace-id"]) == ("override", "t-1")
    assert second.headers["x-team"] == "rl"
    assert client.client.config.default_headers == {"X-Team": "rl", "X-Env": "ci"}


async def test_an_injected_http_client(
    sdk: ModuleType, reference_server: ReferenceServer, flavour: str
) -> None:
    seen: list[str] = []
    http: Any
    if flavour == "async":

        async def hook(request: httpx.Request) -> None:
            seen.append(f"{request.method} {request.url.path}")

        http = httpx.AsyncClient(headers={"X-Injected": "yes"}, event_hooks={"request": [hook]})
    else:
        http = httpx.Client(
            headers={"X-Injected": "yes"},
            event_hooks={"request": [lambda r: seen.append(f"{r.method} {r.url.path}")]},
        )
    client = make_client(
        sdk,
        flavour,
        base_url=reference_server.base_url,
        http_client=http,
        timeout=0.2,
        max_retries=0,
    )
    try:
        assert (await client.health()).status == "ok"
        # The config's timeout applies, not the http client's (5 s by default).
        reference_server.inject("/health", kind="delay", delay=0.6)
        with pytest.raises(sdk.exceptions.APITimeoutError):
            await client.health()
        await close(client)
        assert not http.is_closed  # the caller's client stays open...
        assert (
            await make_client(
                sdk, flavour, base_url=reference_server.base_url, http_client=http
            ).health()
        ).status == "ok"
    finally:
        settle(reference_server)
        if flavour == "async":
            await http.aclose()
        else:
            http.close()
    assert reference_server.requests[0].headers["x-injected"] == "yes"
    assert reference_server.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert seen[0] == "GET /api/v1/health" and len(seen) == 3


async def test_per_call_options_on_lists_and_uploads(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    await api.files.list(page=2, extra_query={"trace": "1"}, extra_headers={"X-Trace-Id": "t"})
    rec = reference_server.last_request
    assert rec.query == {"page": "2", "per_page": "20", "trace": "1"}
    assert rec.headers["x-trace-id"] == "t"

    # extra_body on a multipart upload becomes a form field; the idempotency key is ours.
    first = await api.files.upload_path(
        PROMPT_JSONL,
        file_type="prompt",
        extra_body={"name": "named-by-extra-body"},
        idempotency_key="upload-1",
    )
    again = await api.files.upload_path(
        PROMPT_JSONL,
        file_type="prompt",
        extra_body={"name": "named-by-extra-body"},
        idempotency_key="upload-1",
    )
    assert first.name == "named-by-extra-body" and again.id == first.id
    posts = reference_server.requests_to("POST", "/files")
    assert [p.headers["idempotency-key"] for p in posts] == ["upload-1", "upload-1"]
    assert posts[0].form is not None and posts[0].form["name"] == "named-by-extra-body"
    assert len(reference_server.app.store.files) == 1


# ---------------------------------------------------------------- raw responses and rate limits


async def test_with_raw_response_gives_status_headers_and_the_parsed_result(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    file = seed_file(reference_server.app.store)

    raw = await api.with_raw_response.files.retrieve(file["id"])

    assert raw.status_code == 200
    assert raw.headers["x-ratelimit-limit"] == "10000"
    remaining = int(raw.headers["x-ratelimit-remaining"])
    assert 0 < remaining < 10_000
    assert api.client.rate_limit.remaining == remaining
    assert raw.retries_taken == 0
    parsed = raw.parsed()
    assert isinstance(parsed, sdk.models.File) and parsed.id == file["id"]
    assert raw.parsed() is parsed  # parsed once

    created = await api.with_raw_response.files.create_from_content("r", "c", "reward_function")
    assert created.status_code == 201 and created.parsed().name == "r"
    page = await api.with_raw_response.files.list(per_page=1)
    assert page.status_code == 200 and isinstance(page.parsed(), sdk.models.PagedResponse)
    health = await api.with_raw_response.health()
    assert health.parsed().status == "ok"

    # A retried call reports its retries.
    reference_server.inject(rf"/files/{file['id']}", method="GET", status=503)
    retried = await api.copy(retry_backoff_factor=0.0).with_raw_response.files.retrieve(file["id"])
    assert retried.status_code == 200 and retried.retries_taken == 1

    # Futures and streams are not one response: not offered there.
    assert not hasattr(api.client.with_raw_response.runs, "create")
    assert not hasattr(api.client.with_raw_response.runs, "stream_logs")
    # Plain calls are unaffected.
    assert isinstance(await api.files.retrieve(file["id"]), sdk.models.File)


async def test_rate_limit_holds_the_last_seen_state(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    first = api.client.rate_limit
    assert first is None
    await api.health()
    before = api.client.rate_limit.remaining
    await api.health()
    state = api.client.rate_limit
    assert (state.limit, state.remaining) == (10_000, before - 1)
    assert state.reset is not None and state.reset > time.time()
    assert state.reset_at == dt.datetime.fromtimestamp(state.reset, tz=dt.UTC)

    reference_server.inject("/health", status=429, headers={"Retry-After": "9"})
    limited = api.copy(retry_enabled=False)
    with pytest.raises(sdk.exceptions.RateLimitError):
        await limited.health()
    assert limited.client.rate_limit.remaining == 0  # an error response counts too
    assert api.client.rate_limit.remaining == before - 1  # each client keeps its own state


# ------------------------------------------------------------------------ copy / with_options


async def test_copy_and_with_options(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    client = api.client
    assert type(client).with_options is type(client).copy

    quick = client.with_options(timeout=5.0, default_headers={"X-Copy": "1"})
    assert quick.config.timeout == 5.0 and client.config.timeout == 30.0
    assert quick.config.api_key == client.config.api_key
    assert quick.config.base_url == client.config.base_url
    assert quick._client is client._client  # same pool: cheap
    await Api(quick, is_async=api.is_async, flavour=api.flavour).health()
    assert reference_server.last_request.headers["x-copy"] == "1"
    await api.aw(quick.aclose() if api.is_async else quick.close())
    assert (await api.health()).status == "ok"  # closing the copy left the pool open

    own = client.copy(pool_maxsize=3)
    assert own._client is not client._client  # a transport option: its own pool
    await Api(own, is_async=api.is_async, flavour=api.flavour).health()
    await api.aw(own.aclose() if api.is_async else own.close())
    assert own._client.is_closed and not client._client.is_closed

    nested = quick.copy(max_retries=0)
    assert (nested.config.timeout, nested.max_retries) == (5.0, 0)
    with pytest.raises(TypeError):
        client.copy(timeout_seconds=3)


# ------------------------------------------------------------------------------- discovery


async def test_namespaces_list_their_methods(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    names = api.client.runs.options()
    core = [
        "list",
        "create",
        "get",
        "history",
        "logs",
        "stream_logs",
        "metrics",
        "completions",
        "cancel",
    ]
    assert [n for n in names if n in core] == core  # in spec order
    assert len(set(names)) == len(names)
    # The RunRL specs deprecate nothing: include_deprecated changes nothing here.
    assert api.client.runs.options(include_deprecated=True) == names
    for name in (
        "files",
        "runs",
        "deployments",
        "tools",
        "shared_configurations",
        "validation",
        "api_keys",
        "search",
    ):
        namespace = getattr(api.client, name)
        names = namespace.options()
        assert names, name
        assert all(callable(getattr(namespace, n)) for n in names), name


@pytest.fixture(scope="module")
def minijobs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package generated from tests/fixtures/mini/spec.yaml (it has a deprecated operation)."""
    out = tmp_path_factory.mktemp("mini")
    spec = ROOT / "tests" / "fixtures" / "mini" / "spec.yaml"
    generated = run_generator("generate", "--spec", str(spec), "--out", str(out))
    assert generated.returncode == 0, generated.stderr
    src = str(out / "src")
    sys.path.insert(0, src)
    try:
        yield importlib.import_module("minijobs")
    finally:
        sys.path.remove(src)
        for name in [n for n in sys.modules if n == "minijobs" or n.startswith("minijobs.")]:
            del sys.modules[name]


def _mini_handler(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"data": ["line 1", "line 2"]})


async def test_deprecated_operations_are_hidden_and_warn(
    minijobs: ModuleType, flavour: str
) -> None:
    http: Any
    if flavour == "async":
        http = httpx.AsyncClient(transport=httpx.MockTransport(_mini_handler))
        client: Any = minijobs.AsyncMiniClient(api_key="k", http_client=http)
    else:
        http = httpx.Client(transport=httpx.MockTransport(_mini_handler))
        client = minijobs.MiniClient(api_key="k", http_client=http)
    api = Api(client, is_async=flavour == "async", flavour=flavour)

    visible = client.jobs.options()
    everything = client.jobs.options(include_deprecated=True)
    assert "logs" not in visible and "logs" in everything
    assert [n for n in everything if n != "logs"] == visible

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if api.is_async:
            lines = await client.jobs.logs(1)
        else:
            lines = client.jobs.logs(1)
    assert lines == ["line 1", "line 2"]
    (warning,) = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert "jobs.logs is deprecated" in str(warning.message)
    assert warning.filename == __file__  # points at the caller's line, not the SDK
    if api.is_async:
        await http.aclose()
    else:
        http.close()


# ------------------------------------------------------------------------------------ uploads

_UPLOAD_MB = 50
_SERVER_SCRIPT = (
    "import sys\n"
    "from tests.server import start_server\n"
    "server = start_server()\n"
    "print(server.base_url, flush=True)\n"
    "sys.stdin.read()\n"
    "server.stop()\n"
)


@pytest.fixture(scope="module")
def remote_server() -> Iterator[str]:
    """A reference server in another process: its buffering does not count here."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVER_SCRIPT],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:"), base_url
        yield base_url
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("upload") / "big.jsonl"
    line = PROMPT_JSONL.splitlines(keepends=True)[0]
    chunk = line * (1024 * 1024 // len(line) + 1)
    with path.open("wb") as f:
        for _ in range(_UPLOAD_MB):
            f.write(chunk[: 1024 * 1024])
    return path


async def test_a_large_upload_from_a_path_or_a_file_object_is_streamed(
    sdk: ModuleType, remote_server: str, big_file: Path, flavour: str
) -> None:
    size = big_file.stat().st_size
    assert size == _UPLOAD_MB * 1024 * 1024
    client = make_client(sdk, flavour, base_url=remote_server, timeout=60)
    try:
        await client.health()  # connection and imports ready before measuring
        tracemalloc.start()
        try:
            by_path = await client.files.upload_path(big_file, file_type="prompt")
            _, peak_path = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            with big_file.open("rb") as fh:
                by_object = await client.files.upload_path(fh, file_type="prompt", name="obj")
            _, peak_object = tracemalloc.get_traced_memory()
            # Calibration: the same measurement sees a file read into memory.
            tracemalloc.reset_peak()
            assert len(big_file.read_bytes()) == size
            _, peak_read = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        await close(client)

    assert by_path.file_size == size and by_path.original_filename == "big.jsonl"
    assert by_object.file_size == size and by_object.name == "obj"
    assert peak_read >= size  # the method would notice a buffered upload
    assert peak_path < 8 * 1024 * 1024, f"path upload peaked at {peak_path / 2**20:.1f} MiB"
    assert peak_object < 8 * 1024 * 1024, f"file upload peaked at {peak_object / 2**20:.1f} MiB"


# ------------------------------------------------------------------------ the package README

_CALL = re.compile(r"\bclient\.((?:[a-z_]+\.)*[a-z_]+)\(")
_IMPORT = re.compile(r"^from (runrl(?:\.\w+)?) import (.+)$", re.M)
_PY_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.M | re.S)


def readme_of(sdk: ModuleType) -> str:
    return (Path(str(sdk.__file__)).parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_readme_documents_every_option(sdk: ModuleType) -> None:
    readme = readme_of(sdk)
    options = [f.name for f in dataclasses.fields(sdk.ClientConfig)] + ["http_client"]
    for name in options:
        assert f"| `{name}` |" in readme, f"option {name} is not in the configuration table"
        assert f"{name}=" in readme, f"option {name} has no example"
    with sdk.RunRLClient(api_key=TOKEN) as client:
        method = inspect.signature(client.files.retrieve)
        keyed = inspect.signature(client.files.create_from_content)  # a POST: idempotency_key
    for name in ("timeout", "extra_headers", "extra_query", "extra_body", "idempotency_key"):
        assert name in (keyed if name == "idempotency_key" else method).parameters
        assert f"| `{name}` |" in readme, f"per-call option {name} is not documented"
    for heading in (
        "Configuration", "Per-call options", "Retries and idempotency", "Timeouts", "Errors",
        "Raw responses and rate limits", "Pagination", "Streaming", "Uploads", "Polling futures",
        "Logging and secrets", "Thread and task safety", "Forward compatibility",
        "Migrating from 0.2.2",
    ):  # fmt: skip
        assert f"\n## {heading}" in readme, heading
    for name in sdk.exceptions.__all__:
        if name.endswith("Error") or name.endswith("Exception"):
            assert f"`{name}`" in readme, f"exception {name} is not in the errors table"


def test_the_readme_examples_name_what_the_package_has(sdk: ModuleType) -> None:
    readme = readme_of(sdk)
    blocks = _PY_BLOCK.findall(readme)
    assert len(blocks) > 15
    for code in blocks:  # every example is valid Python (top-level await in async examples)
        compile(code, "README.md", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    clients = (sdk.RunRLClient(api_key=TOKEN), sdk.AsyncRunRLClient(api_key=TOKEN))
    clients[0].close()
    asyncio.run(clients[1].aclose())
    calls = set(_CALL.findall(readme))
    assert {"files.retrieve", "runs.create", "runs.stream_logs", "files.upload_path"} <= calls
    for dotted in calls:
        for client in clients:
            target: Any = client
            for part in dotted.split("."):
                target = getattr(target, part, None)
            if callable(target):
                break
        else:
            pytest.fail(f"the README calls client.{dotted}, which does not exist")
    for module_name, names in _IMPORT.findall(readme):
        module = importlib.import_module(module_name)
        for name in names.split(","):
            assert hasattr(module, name.strip()), f"from {module_name} import {name.strip()}"
