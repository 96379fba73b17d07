"""Spectral (spectral:oas + the project ruleset spec/.spectral.yaml) on both specs.

* Each spec has zero findings of any severity (what `make lint-spec` requires).
* A spec broken on purpose, once per project rule, gets exactly the findings we expect: proof
  that every rule of the ruleset really fires (a rule with a typo in its JSONPath never would).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.contract._support import (
    ROOT,
    SPEC_VERSIONS,
    coverage,
    describe,
    load_spec,
    operations,
    spec_path,
    spectral,
    write_spec,
)

pytestmark = [pytest.mark.node, pytest.mark.slow]

# ------------------------------------------------------------------------- every rule fires once


def _op(spec: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return op
    raise KeyError(operation_id)


def _break(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """Break ``spec`` in place, once per rule; returns the (rule, path prefix) expected."""
    expected: list[tuple[str, str]] = []

    def want(rule: str, path: str) -> None:
        expected.append((rule, path))

    del _op(spec, "getFile")["operationId"]
    want("runrl-operation-operationId", "paths./files/{fileId}.get")
    _op(spec, "getFilePreview")["operationId"] = "get_file_preview"
    want("runrl-operation-operationId", "paths./files/{fileId}/preview.get.operationId")
    _op(spec, "getFileContent")["tags"] = ["Files", "Runs"]
    want("runrl-operation-single-tag", "paths./files/{fileId}/content.get.tags")
    del _op(spec, "downloadFile")["summary"]
    want("runrl-operation-summary", "paths./files/{fileId}/download.get")

    del _op(spec, "listRuns")["responses"]["200"]["content"]["application/json"]["example"]
    want("runrl-response-example", "paths./runs.get.responses.200.content.application/json")
    del spec["components"]["responses"]["NotFound"]["content"]["application/json"]["example"]
    want("runrl-response-example", "components.responses.NotFound.content.application/json")
    del _op(spec, "getRun")["responses"]["403"]
    want("runrl-responses-auth", "paths./runs/{id}.get.responses")
    del _op(spec, "getRunHistory")["responses"]["404"]
    want("runrl-responses-not-found", "paths./runs/{id}/history.get.responses")
    del _op(spec, "createTool")["responses"]["422"]
    want("runrl-responses-validation", "paths./tools.post.responses")
    del _op(spec, "listDeployments")["responses"]["422"]  # constrained query (status enum)
    want("runrl-responses-validation", "paths./deployments.get.responses")
    get_tool = _op(spec, "getTool")
    get_tool["responses"]["401"] = copy.deepcopy(spec["components"]["responses"]["Unauthorized"])
    want("runrl-error-response-shared", "paths./tools/{id}.get.responses.401")

    del spec["info"]["x-sdk"]["async-client"]
    want("runrl-info-x-sdk", "info")
    _op(spec, "search")["x-sdk-namespace"] = "Search Results"
    want("runrl-operation-namespace", "paths./search.get")
    _op(spec, "search")["x-sdk-positional"] = "q"
    want("runrl-x-sdk-operation-extensions", "paths./search.get")
    create_file = _op(spec, "createFile")
    create_file["requestBody"]["content"]["multipart/form-data"]["x-sdk-method"] = "Upload-Path"
    want(
        "runrl-x-sdk-media-extensions", "paths./files.post.requestBody.content.multipart/form-data"
    )
    spec["components"]["parameters"]["FileId"]["x-sdk-name"] = "fileId"
    want("runrl-x-sdk-name", "components.parameters.FileId.x-sdk-name")
    _op(spec, "listTools")["x-sdk-pagination"]["page-param"] = "pg"
    want("runrl-x-sdk-pagination", "paths./tools.get.x-sdk-pagination.page-param")
    polling = _op(spec, "createDeployment")["x-sdk-polling"]
    polling["status-operation"] = "getDeploymentStatus"
    polling["success"] = ["ready"]
    want("runrl-x-sdk-polling", "paths./deployments.post.x-sdk-polling.status-operation")
    want("runrl-x-sdk-polling", "paths./deployments.post.x-sdk-polling.success")
    follow = _op(spec, "streamRunLogs")["x-sdk-follow"]
    follow["status-operation"] = "getRunStatus"
    follow["terminal"] = []
    want("runrl-x-sdk-follow", "paths./runs/{id}/logs/stream.get.x-sdk-follow.status-operation")
    want("runrl-x-sdk-follow", "paths./runs/{id}/logs/stream.get.x-sdk-follow.terminal")
    _op(spec, "createTool")["x-sdk-method"] = "update"
    want("runrl-unique-methods", "paths./tools/{id}.put")
    _op(spec, "getHealth")["security"] = [{"apiKey": ["read"]}]
    want("security-requirement-scheme-defined", "paths./health.get.security.0.apiKey")
    return expected


@pytest.fixture(scope="module")
def lint(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """One Spectral run (it takes ~10 s to start) over both specs and a copy broken on purpose.

    Returns the findings and the (rule, path) pairs expected for the broken copy.
    """
    spec = load_spec(SPEC_VERSIONS[-1])
    expected = _break(spec)
    broken = write_spec(spec, tmp_path_factory.mktemp("spectral") / "broken.yaml")
    return spectral(*(spec_path(v) for v in SPEC_VERSIONS), broken), expected


def test_specs_have_no_findings(lint: tuple[list[dict[str, Any]], list[tuple[str, str]]]) -> None:
    findings = [f for f in lint[0] if Path(f["source"]).name != "broken.yaml"]
    assert findings == [], "Spectral findings:\n" + describe(findings)
    for version in SPEC_VERSIONS:
        ops = operations(load_spec(version))
        entry = coverage("spectral", version, len(ops))
        entry.covered.update(ops)


def test_every_project_rule_fires(lint: tuple[list[dict[str, Any]], list[tuple[str, str]]]) -> None:
    findings = [f for f in lint[0] if Path(f["source"]).name == "broken.yaml"]
    expected = lint[1]
    got = {(f["code"], ".".join(map(str, f["path"]))) for f in findings}
    for rule, path in expected:
        assert any(code == rule and where.startswith(path) for code, where in got), (
            f"{rule} did not report {path}; findings:\n{describe(findings)}"
        )
    # Every project rule of the ruleset is among those exercised here.
    ruleset = yaml.safe_load((ROOT / "spec" / ".spectral.yaml").read_text(encoding="utf-8"))
    project_rules = {name for name, rule in ruleset["rules"].items() if isinstance(rule, dict)}
    exercised = {rule for rule, _ in expected}
    assert project_rules <= exercised, f"rules never broken on purpose: {project_rules - exercised}"
    # And none of our rules reports anything that was not broken.
    ours = {code for code, _ in got if code.startswith("runrl-")}
    assert ours <= exercised, describe(findings)
