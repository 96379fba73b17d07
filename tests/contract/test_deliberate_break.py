"""Break the spec on purpose and watch the three tools notice.

The break: in a copy of the newest spec, schema ``File`` requires ``file_name`` instead of
``name`` (renamed in ``required`` and ``properties``), as if someone renamed a field in the spec
but not in the API. Nothing else changes: not the examples, not the reference server, not the
generated client. Each tool must fail on it:

* Spectral: the examples of every File response no longer match their schema
  (``oas3-valid-media-example``: must have required property 'file_name');
* Prism: it validates its own answer against the response schema, finds the example lacking
  ``file_name``, answers 500 with the violation in ``sl-violations``, and the generated client's
  ``files.retrieve()`` raises;
* schemathesis: ``GET /files/{fileId}`` of the reference server answers a File with ``name``
  and no ``file_name``: a response schema violation (the same run on the intact spec passes).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.contract._seed import PROMPT_ID, seed_reference_server
from tests.contract._support import (
    BREAK_CAUGHT,
    SPEC_VERSIONS,
    Prism,
    describe,
    generated_versions,
    load_sdk,
    load_spec,
    run_schemathesis,
    spec_path,
    spectral,
    write_spec,
)
from tests.server import ReferenceServer

pytestmark = [pytest.mark.node, pytest.mark.slow]

VERSION = SPEC_VERSIONS[-1]
SEED = os.environ.get("RUNRL_SCHEMATHESIS_SEED", "20251011")


def break_file_name(spec: dict[str, Any]) -> None:
    """File.name -> File.file_name, in ``required`` and in ``properties``."""
    file_schema = spec["components"]["schemas"]["File"]
    assert "name" in file_schema["required"], file_schema["required"]
    file_schema["required"] = ["file_name" if r == "name" else r for r in file_schema["required"]]
    props = file_schema["properties"]
    file_schema["properties"] = {("file_name" if k == "name" else k): v for k, v in props.items()}


@pytest.fixture(scope="module")
def broken_spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = load_spec(VERSION)
    break_file_name(spec)
    return write_spec(spec, tmp_path_factory.mktemp("broken") / f"{VERSION}-file_name.yaml")


def test_spectral_notices(broken_spec: Path) -> None:
    findings = spectral(broken_spec)
    errors = [
        f
        for f in findings
        if f["code"] == "oas3-valid-media-example" and "file_name" in f["message"]
    ]
    assert errors, "Spectral did not notice the renamed field:\n" + describe(findings)
    # Every operation answering a File: get, update, create (and the list's items).
    where = {".".join(map(str, f["path"][:3])) for f in errors}
    assert "paths./files/{fileId}.get" in where, where
    BREAK_CAUGHT.append(
        f"spectral      {len(errors)} oas3-valid-media-example errors ({', '.join(sorted(where))})"
    )


def test_prism_notices(broken_spec: Path, tmp_path: Path) -> None:
    if VERSION not in generated_versions():
        pytest.fail(f"generated/{VERSION} is missing: run `make generate`")
    seen: list[httpx.Response] = []
    prism = Prism(broken_spec, tmp_path / "prism.log").start()
    try:
        with (
            load_sdk(VERSION) as sdk,
            httpx.Client(event_hooks={"response": [seen.append]}) as http,
            sdk.RunRLClient(
                api_key="rl_contract_test_key", base_url=prism.url, http_client=http, max_retries=0
            ) as client,
            pytest.raises(sdk.APIStatusError) as raised,
        ):
            client.files.retrieve(PROMPT_ID)
    finally:
        prism.stop()
    assert raised.value.status_code == 500, raised.value
    violations = seen[-1].headers.get("sl-violations", "")
    assert "file_name" in violations and '"response"' in violations, violations
    BREAK_CAUGHT.append(
        f"prism         files.retrieve() raised {type(raised.value).__name__} (HTTP 500), "
        f"sl-violations: {violations}"
    )


def test_schemathesis_notices(
    reference_server: ReferenceServer, broken_spec: Path, tmp_path: Path
) -> None:
    def fuzz(spec: Path, workdir: Path) -> Any:
        workdir.mkdir()
        reference_server.reset()
        seed = seed_reference_server(reference_server)
        return run_schemathesis(
            spec,
            reference_server.base_url,
            reference_server.api_key,
            seed,
            workdir,
            "--checks",
            "response_schema_conformance",
            "--include-operation-id",
            "getFile",
            "--phases",
            "examples,fuzzing",
            "--max-examples",
            "5",
            "--seed",
            SEED,
        )

    intact = fuzz(spec_path(VERSION), tmp_path / "intact")
    assert intact.returncode == 0 and not intact.report.get("failures"), intact.output[-4000:]

    broken = fuzz(broken_spec, tmp_path / "broken")
    assert broken.returncode == 1, broken.output[-4000:]
    failures = broken.report.get("failures") or []
    assert [(f["code"], f["operations"]) for f in failures] == [
        ("ST108", ["GET /files/{fileId}"])  # "Response violates schema"
    ], failures
    assert '"file_name" is a required property' in broken.output, broken.output[-4000:]
    BREAK_CAUGHT.append(
        "schemathesis  ST108 Response violates schema on GET /files/{fileId}: "
        '"file_name" is a required property (exit 1; the intact spec: exit 0)'
    )
