"""README examples pass the client's own checks when an argument has a ``pattern``.

Twilio's ids have patterns (``^AC[0-9a-fA-F]{32}$``): the quick start was
``client.account.fetch("<sid>")``, which the client refused (``ValidationError``) before sending
anything. The example is now a string the pattern accepts. Checked by running the generated
README's quick start against a real server on 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.patterns import matching
from generator.pipeline import generate
from tests.runtime.server import Reply, TestServer

SPEC = textwrap.dedent(
    """\
    openapi: 3.0.3
    info: {title: Ids, version: 1.0.0}
    paths:
      /Accounts/{Sid}.json:
        get:
          operationId: FetchAccount
          parameters:
            - name: Sid
              in: path
              required: true
              schema: {type: string, minLength: 34, maxLength: 34, pattern: "^AC[0-9a-fA-F]{32}$"}
            - name: Name
              in: query
              required: true
              schema: {type: string, pattern: "^.+$"}
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {type: object}}}
    """
)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("patterns")
    spec = root / "openapi.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, root / "out")
    return root / "out"


def test_the_quick_start_runs_as_written(package: Path) -> None:
    readme = (package / "README.md").read_text(encoding="utf-8")
    quick = re.search(r"## Quick start\n\n```python\n(.*?)```", readme, re.S)
    assert quick is not None
    code = quick.group(1)
    # the pattern's string; a placeholder the pattern accepts stays (`^.+$`: "<name>")
    sid = "AC" + "0" * 32
    assert f'client.accounts.fetch("{sid}", name="<name>")' in code, code
    server = TestServer()
    server.start()
    try:
        server.on("GET", f"/Accounts/{sid}.json", lambda request, n: Reply(json={"ok": True}))
        env = {**os.environ, "PYTHONPATH": str(package / "src"), "IDS_BASE_URL": server.url}
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert proc.stdout.strip() == "{'ok': True}"
        assert [(s.path, s.query) for s in server.seen()] == [
            (f"/Accounts/{sid}.json", [("Name", "<name>")])
        ]
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("pattern", "found"),
    [
        ("^AC[0-9a-fA-F]{32}$", "AC" + "0" * 32),
        ("^(SM|MM)[0-9a-fA-F]{32}$", "SM" + "0" * 32),
        (r"^\d{3}-\d+$", "000-0"),
        (r"\w+@\w+\.com", "a@a.com"),
        ("^[^x]+$", None),  # a negated class: not read
        ("^(?=a)a$", None),  # a look-ahead: not read
        ("^a{1000}$", None),  # longer than MAX_LENGTH
        ("^x?$", None),  # the empty string is no example
        ("[", None),  # not a regular expression
        ("^a\\u202eb$", None),  # a bidi override: not shown in a README
        ("^a\\x00$", None),  # a control character
    ],
)
def test_matching(pattern: str, found: str | None) -> None:
    assert matching(pattern) == found


def test_matching_keeps_the_length_limits() -> None:
    assert matching("^A[0-9]*$", min_length=3) is None
    assert matching("^A[0-9]{5}$", max_length=3) is None
