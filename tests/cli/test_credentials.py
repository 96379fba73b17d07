"""The command line's credential options follow the API's security schemes, as the client's
constructor arguments do: Box (OAuth2, no API key) gets ``--access-token`` and
``BOX_..._ACCESS_TOKEN``, not ``--api-key``; an API with no scheme gets no credential option.

A small document is generated into a temporary directory and its command line run in a
subprocess (``python -m <package>``) against a real server on 127.0.0.1 (RunRL's ``--api-key``
is tested in test_commands.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.pipeline import generate
from tests.codegen.test_security_wiring import OAUTH_ONLY
from tests.runtime.server import Reply, TestServer

# A Box-like document: an OAuth2 authorization-code scheme, so the client takes a token.
OAUTH = OAUTH_ONLY
TOKEN = "tok-5ecret-value"


def _generate(tmp: Path, text: str) -> Path:
    spec = tmp / "api.yaml"
    spec.write_text(text, encoding="utf-8")
    generate(spec, tmp / "out")
    return tmp / "out" / "src"


@pytest.fixture(scope="module")
def oauth_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("cli-oauth"), OAUTH)


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    srv = TestServer()
    srv.start()

    yield srv
    srv.stop()


def run(
    src: Path, package: str, *args: str, input: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(package.upper() + "_")}
    clean.update(PYTHONPATH=str(src), **env)
    return subprocess.run(
        [sys.executable, "-m", package, *args],
        env=clean,
        input=input,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_help_offers_the_access_token_not_an_api_key(oauth_src: Path) -> None:
    proc = run(oauth_src, "code_flow", "--help")
    assert proc.returncode == 0, proc.stderr
    text = " ".join(proc.stdout.split())
    assert "--access-token TOKEN" in text and "--access-token-file PATH" in text
    assert "$CODE_FLOW_ACCESS_TOKEN" in text and "`OAuth2` scheme" in text
    assert "api-key" not in text and "API_KEY" not in text


@pytest.mark.parametrize("how", ["env", "option", "stdin", "file"])
def test_the_token_is_sent_as_a_bearer_token(
    oauth_src: Path, server: TestServer, tmp_path: Path, how: str
) -> None:
    server.reset()
    server.on("GET", "/files/f1", lambda _s, _c: Reply(json={}))
    args = ["--base-url", server.url, "files", "get", "f1"]
    env: dict[str, str] = {}
    stdin = None
    if how == "env":
        env["CODE_FLOW_ACCESS_TOKEN"] = TOKEN
    elif how == "option":
        args = ["--access-token", TOKEN, *args]
    elif how == "stdin":
        args, stdin = ["--access-token", "-", *args], TOKEN + "\n"
    else:
        path = tmp_path / "token"
        path.write_text(TOKEN + "\n", encoding="utf-8")
        args += ["--access-token-file", str(path)]
    proc = run(oauth_src, "code_flow", *args, input=stdin, **env)
    assert proc.returncode == 0, proc.stderr
    assert [s.headers.get("authorization") for s in server.seen("GET")] == [f"Bearer {TOKEN}"]


def test_a_missing_token_names_the_option_and_the_variable(oauth_src: Path) -> None:
    proc = run(oauth_src, "code_flow", "--base-url", "http://127.0.0.1:9", "files", "get", "f1")
    assert proc.returncode == 2
    assert "--access-token TOKEN" in proc.stderr and "CODE_FLOW_ACCESS_TOKEN" in proc.stderr
    assert "access_token=" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("form", ["apart", "joined"])
def test_api_key_is_not_an_option(oauth_src: Path, form: str) -> None:
    """``--api-key`` (what the package used to offer) is refused, and argparse's refusal (it
    quotes the word it could not place: here the key) does not show the value."""
    words = ["--api-key", TOKEN] if form == "apart" else ["--api-key=" + TOKEN]
    proc = run(oauth_src, "code_flow", *words, "files", "get", "f1")
    assert proc.returncode == 2 and "error:" in proc.stderr
    assert TOKEN not in proc.stderr + proc.stdout


def test_the_token_is_never_echoed(oauth_src: Path, server: TestServer) -> None:
    server.reset()
    server.on("GET", "/files/f1", lambda _s, _c: Reply(status=401, json={"error": TOKEN}))
    proc = run(
        oauth_src, "code_flow", "--base-url", server.url, "--access-token", TOKEN,
        "files", "get", "f1", "--max-retries", "0",
    )  # fmt: skip
    assert proc.returncode == 1
    assert TOKEN not in proc.stderr + proc.stdout and "***" in proc.stderr


def test_no_scheme_no_credential_option(tmp_path: Path) -> None:
    text = OAUTH.replace("security: [{OAuth2: []}]\n", "").split("components:")[0]
    src = _generate(tmp_path, text)
    proc = run(src, "code_flow", "--help")
    assert proc.returncode == 0, proc.stderr
    assert "--api-key" not in proc.stdout and "--access-token" not in proc.stdout
    assert "Credentials:" not in proc.stdout
