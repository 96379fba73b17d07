"""`python -m generator diff`: every kind of change, classified for a client user.

Each test builds two small OpenAPI documents that differ in one thing and checks what the diff
reports (kind, location, classification) and the exit code. The rules are in the docstring of
generator/release/diff/changes.py and the README ("Versions and releases").
"""

from __future__ import annotations

import copy
import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import SpecError
from generator.read.load import SpecDocument
from generator.release.diff import Change, diff_documents, diff_files
from tests.generator_cli import run_generator
from tests.versions import Pair, pairs, released

PAIRS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "diff-pairs"


def base_spec() -> dict[str, Any]:
    """A small API: a run resource with a request body, a query parameter, an enum, a list."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Mini", "version": "2025-01-01"},
        "paths": {
            "/runs": {
                "get": {
                    "operationId": "listRuns",
                    "parameters": [
                        {
                            "name": "status",
                            "in": "query",
                            "schema": {"$ref": "#/components/schemas/Status"},
                        },
                        {
                            "name": "per_page",
                            "in": "query",
                            "schema": {"type": "integer", "maximum": 100, "default": 20},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Run"},
                                    }
                                }
                            },
                        }
                    },
                },
                "post": {
                    "operationId": "createRun",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/RunCreate"}
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "created",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Run"}}
                            },
                        },
                        "422": {"description": "invalid"},
                    },
                },
            },
            "/runs/{runId}": {
                "get": {
                    "operationId": "getRun",
                    "parameters": [
                        {
                            "name": "runId",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Run"}}
                            },
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Status": {"type": "string", "enum": ["QUEUED", "RUNNING", "DONE"]},
                "RunCreate": {
                    "type": "object",
                    "required": ["model"],
                    "properties": {
                        "model": {"type": "string"},
                        "epochs": {"type": "integer", "minimum": 1, "default": 1},
                        "mode": {"type": "string", "enum": ["fast", "slow"]},
                        "config": {
                            "type": "object",
                            "properties": {"seed": {"type": "integer"}},
                        },
                    },
                },
                "Run": {
                    "allOf": [
                        {"$ref": "#/components/schemas/RunBase"},
                        {
                            "type": "object",
                            "required": ["status"],
                            "properties": {
                                "status": {"$ref": "#/components/schemas/Status"},
                                "progress": {"type": "number"},
                            },
                        },
                    ]
                },
                "RunBase": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "parent": {"$ref": "#/components/schemas/Run"},  # a cycle
                    },
                },
            }
        },
    }


def doc(data: dict[str, Any], name: str = "spec.yaml") -> SpecDocument:
    return SpecDocument(path=Path(name), text="", data=data)


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """The wire layer's changes (the surface layer has its own tests: test_surface_diff.py)."""
    return diff_documents(doc(old, "old.yaml"), doc(new, "new.yaml")).layer("wire")


def only(old: dict[str, Any], new: dict[str, Any]) -> Change:
    found = changes(old, new)
    assert len(found) == 1, [(c.kind, c.location, c.message) for c in found]
    return found[0]


def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["components"]["schemas"]
    return result


def test_identical_documents_have_no_changes() -> None:
    assert changes(base_spec(), base_spec()) == []


# -- breaking ----------------------------------------------------------------------------------


def test_removed_operation_is_breaking() -> None:
    new = base_spec()
    del new["paths"]["/runs/{runId}"]
    change = only(base_spec(), new)
    assert (change.kind, change.operation, change.breaking) == (
        "operation-removed",
        "GET /runs/{runId}",
        True,
    )


def test_removed_response_field_is_breaking_everywhere_it_is_returned() -> None:
    new = base_spec()
    del schemas(new)["RunBase"]["properties"]["name"]
    found = changes(base_spec(), new)
    assert {(c.kind, c.operation, c.location) for c in found} == {
        ("response-field-removed", "GET /runs", "response 200 (application/json): [].name"),
        ("response-field-removed", "POST /runs", "response 201 (application/json): name"),
        ("response-field-removed", "GET /runs/{runId}", "response 200 (application/json): name"),
    }
    assert all(c.breaking for c in found)


def test_renamed_response_field_is_one_breaking_rename() -> None:
    new = base_spec()
    props = schemas(new)["RunBase"]["properties"]
    props["display_name"] = props.pop("name")
    found = [c for c in changes(base_spec(), new) if c.operation == "GET /runs/{runId}"]
    assert [(c.kind, c.before, c.after, c.breaking) for c in found] == [
        ("response-field-renamed", "name", "display_name", True)
    ]


def test_a_removed_field_beside_an_unrelated_new_one_is_no_rename() -> None:
    # The maintainer's trial: `mime_type` removed in the version that adds `sha256`; both are
    # strings, but the new one is described otherwise: a removal and an addition, not a rename.
    new = base_spec()
    props = schemas(new)["RunBase"]["properties"]
    props["sha256"] = {**props.pop("name"), "description": "The content's SHA-256."}
    found = [c for c in changes(base_spec(), new) if c.operation == "GET /runs/{runId}"]
    assert [(c.kind, c.before, c.after, c.breaking) for c in found] == [
        ("response-field-removed", "name", None, True),
        ("response-field-added", None, "sha256", False),
    ]
    assert found[0].location == "response 200 (application/json): name"


def test_new_required_parameter_is_breaking_optional_is_compatible() -> None:
    new = base_spec()
    params = new["paths"]["/runs"]["get"]["parameters"]
    params.append({"name": "team", "in": "query", "required": True, "schema": {"type": "string"}})
    params.append({"name": "q", "in": "query", "schema": {"type": "string"}})
    found = {c.location: c for c in changes(base_spec(), new)}
    assert found["query parameter team"].kind == "parameter-added"
    assert found["query parameter team"].breaking
    assert not found["query parameter q"].breaking


def test_new_required_request_field_is_breaking_optional_is_compatible() -> None:
    new = base_spec()
    schemas(new)["RunCreate"]["properties"]["dataset"] = {"type": "string"}
    schemas(new)["RunCreate"]["required"].append("dataset")
    schemas(new)["RunCreate"]["properties"]["notes"] = {"type": "string"}
    found = {c.location: c for c in changes(base_spec(), new)}
    required = found["request body (application/json): dataset"]
    optional = found["request body (application/json): notes"]
    assert (required.kind, required.breaking) == ("request-field-added", True)
    assert (optional.kind, optional.breaking) == ("request-field-added", False)


def test_optional_to_required_in_a_request_is_breaking() -> None:
    new = base_spec()
    schemas(new)["RunCreate"]["required"].append("epochs")
    change = only(base_spec(), new)
    assert (change.kind, change.breaking) == ("request-field-required", True)


def test_required_to_optional_in_a_response_is_breaking() -> None:
    new = base_spec()
    schemas(new)["Run"]["allOf"][1]["required"] = []
    found = changes(base_spec(), new)
    assert {c.kind for c in found} == {"response-field-optional"}
    assert all(c.breaking for c in found)


@pytest.mark.parametrize(
    ("where", "new_schema", "kind", "breaking"),
    [
        ("request", {"type": "number"}, "type-widened", False),
        ("request", {"type": "boolean"}, "type-changed", True),
        ("response", {"type": "integer"}, "type-changed", True),
        ("response", {}, "type-widened", True),
    ],
)
def test_type_changes(where: str, new_schema: dict[str, Any], kind: str, breaking: bool) -> None:
    new = base_spec()
    if where == "request":
        schemas(new)["RunCreate"]["properties"]["config"]["properties"]["seed"] = new_schema
        location = "request body (application/json): config.seed"
    else:
        schemas(new)["RunBase"]["properties"]["name"] = new_schema
        location = "response 200 (application/json): name"
    found = [
        c for c in changes(base_spec(), new) if c.operation in ("POST /runs", "GET /runs/{runId}")
    ]
    match = [c for c in found if c.location == location]
    assert [(c.kind, c.breaking) for c in match] == [(kind, breaking)]


def test_enum_value_removed_from_what_the_client_sends_is_breaking() -> None:
    new = base_spec()
    schemas(new)["RunCreate"]["properties"]["mode"]["enum"] = ["fast"]
    change = only(base_spec(), new)
    assert (change.kind, change.before, change.breaking) == ("enum-value-removed", "slow", True)


def test_shared_enum_removed_value_is_breaking_for_the_parameter_only() -> None:
    """Status is both a query parameter (sent) and a response field (received)."""
    new = base_spec()
    schemas(new)["Status"]["enum"] = ["QUEUED", "RUNNING"]
    found = changes(base_spec(), new)
    sent = [c for c in found if c.section == "parameter"]
    received = [c for c in found if c.section == "response"]
    assert [(c.kind, c.breaking) for c in sent] == [("enum-value-removed", True)]
    assert received and all(c.kind == "enum-value-removed" and not c.breaking for c in received)


def test_removed_request_field_and_parameter_are_breaking() -> None:
    new = base_spec()
    del schemas(new)["RunCreate"]["properties"]["mode"]
    new["paths"]["/runs"]["get"]["parameters"].pop(1)
    kinds = {(c.kind, c.breaking) for c in changes(base_spec(), new)}
    assert kinds == {("request-field-removed", True), ("parameter-removed", True)}


def test_tightened_request_constraint_is_breaking_loosened_is_compatible() -> None:
    tight = base_spec()
    tight["paths"]["/runs"]["get"]["parameters"][1]["schema"]["maximum"] = 50
    loose = base_spec()
    loose["paths"]["/runs"]["get"]["parameters"][1]["schema"]["maximum"] = 500
    assert only(base_spec(), tight).breaking
    assert not only(base_spec(), loose).breaking


def test_nullable_response_field_is_breaking_nullable_request_field_is_compatible() -> None:
    new = base_spec()
    schemas(new)["RunBase"]["properties"]["name"] = {"type": ["string", "null"]}
    schemas(new)["RunCreate"]["properties"]["mode"]["type"] = ["string", "null"]
    found = changes(base_spec(), new)
    assert {(c.section, c.kind, c.breaking) for c in found} == {
        ("response", "nullable-added", True),
        ("request body", "nullable-added", False),
    }


def test_request_body_changes() -> None:
    removed = base_spec()
    del removed["paths"]["/runs"]["post"]["requestBody"]
    assert (only(base_spec(), removed).kind, only(base_spec(), removed).breaking) == (
        "request-body-removed",
        True,
    )
    media = base_spec()
    content = media["paths"]["/runs"]["post"]["requestBody"]["content"]
    content["multipart/form-data"] = content.pop("application/json")
    kinds = {(c.kind, c.breaking) for c in changes(base_spec(), media)}
    assert kinds == {("media-type-removed", True), ("media-type-added", False)}


# -- compatible --------------------------------------------------------------------------------


def test_new_operation_is_compatible() -> None:
    new = base_spec()
    new["paths"]["/health"] = {
        "get": {"operationId": "health", "responses": {"204": {"description": "ok"}}}
    }
    change = only(base_spec(), new)
    assert (change.kind, change.operation, change.breaking) == (
        "operation-added",
        "GET /health",
        False,
    )


def test_new_response_field_is_compatible() -> None:
    new = base_spec()
    schemas(new)["Run"]["allOf"][1]["properties"]["eta"] = {"type": "string"}
    found = changes(base_spec(), new)
    assert found and {(c.kind, c.breaking) for c in found} == {("response-field-added", False)}


def test_enum_value_added_to_a_response_is_compatible() -> None:
    new = base_spec()
    schemas(new)["Status"]["enum"].append("CANCELLED")
    found = changes(base_spec(), new)
    assert found and all(c.kind == "enum-value-added" and not c.breaking for c in found)
    assert {c.section for c in found} == {"parameter", "response"}


def test_changed_default_is_reported_compatible_unless_marked() -> None:
    new = base_spec()
    schemas(new)["RunCreate"]["properties"]["epochs"]["default"] = 3
    change = only(base_spec(), new)
    assert (change.kind, change.before, change.after, change.breaking) == (
        "default-changed",
        1,
        3,
        False,
    )
    marked = copy.deepcopy(new)
    schemas(marked)["RunCreate"]["properties"]["epochs"]["x-sdk-breaking-default"] = True
    assert only(base_spec(), marked).breaking


def test_removing_an_error_response_is_compatible_the_last_success_is_not() -> None:
    new = base_spec()
    del new["paths"]["/runs"]["post"]["responses"]["422"]
    assert not only(base_spec(), new).breaking
    renamed = base_spec()
    responses = renamed["paths"]["/runs"]["post"]["responses"]
    responses["200"] = responses.pop("201")
    found = changes(base_spec(), renamed)
    assert {(c.kind, c.breaking) for c in found} == {
        ("response-removed", False),
        ("response-added", False),
    }


def test_renamed_path_parameter_is_the_same_operation() -> None:
    new = base_spec()
    item = new["paths"].pop("/runs/{runId}")
    item["get"]["parameters"][0]["name"] = "id"
    new["paths"]["/runs/{id}"] = item
    change = only(base_spec(), new)
    assert (change.kind, change.before, change.after, change.breaking) == (
        "parameter-renamed",
        "runId",
        "id",
        False,
    )


def test_renamed_component_schema_with_the_same_shape_is_no_change() -> None:
    new = base_spec()
    schemas(new)["RunInput"] = schemas(new).pop("RunCreate")
    body = new["paths"]["/runs"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"] = {"$ref": "#/components/schemas/RunInput"}
    assert changes(base_spec(), new) == []


def test_cycles_terminate_and_nested_changes_are_found_once_per_location() -> None:
    """RunBase.parent is a Run: the change inside is reported at the top level, not forever."""
    new = base_spec()
    schemas(new)["RunBase"]["properties"]["id"] = {"type": "integer"}
    found = [c for c in changes(base_spec(), new) if c.operation == "GET /runs/{runId}"]
    assert [c.location for c in found] == ["response 200 (application/json): id"]


def test_broken_ref_is_a_located_error(tmp_path: Path) -> None:
    new = base_spec()
    new["paths"]["/runs"]["post"]["requestBody"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/Nope"
    }
    (tmp_path / "old.json").write_text(json.dumps(base_spec()))
    (tmp_path / "new.json").write_text(json.dumps(new))
    with pytest.raises(SpecError) as err:
        diff_files(tmp_path / "old.json", tmp_path / "new.json")
    assert "new.json" in str(err.value) and "Nope" in str(err.value)


# -- the command line --------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_generator("diff", *args)


def test_cli_exit_codes_markdown_and_json(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(yaml.safe_dump(base_spec()))
    breaking = base_spec()
    del breaking["paths"]["/runs/{runId}"]
    schemas(breaking)["RunCreate"]["properties"]["notes"] = {"type": "string"}
    new.write_text(yaml.safe_dump(breaking))

    same = run_cli(str(old), str(old))
    assert same.returncode == 0, same.stderr
    assert "0 breaking, 0 compatible" in same.stdout

    md = run_cli(str(old), str(new), "--json-out", str(tmp_path / "out.json"))
    assert md.returncode == 1, md.stderr
    assert "## Breaking changes" in md.stdout and "### `GET /runs/{runId}`" in md.stdout
    assert "## Compatible" in md.stdout and "notes`: new optional request field" in md.stdout

    js = run_cli(str(old), str(new), "--json")
    assert js.returncode == 1
    report = json.loads(js.stdout)
    assert report == json.loads((tmp_path / "out.json").read_text())
    assert report["summary"] == {
        "breaking": 1,
        "compatible": 1,
        "wire": {"breaking": 1, "compatible": 1},
        "surface": {"breaking": 0, "compatible": 0},
    }
    assert {
        "layer",
        "kind",
        "operation",
        "location",
        "before",
        "after",
        "classification",
        "message",
    } <= set(report["changes"][0])
    assert {c["classification"] for c in report["changes"]} == {"breaking", "compatible"}

    missing = run_cli(str(old), str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and "nope.yaml" in missing.stderr


@pytest.mark.parametrize("pair", pairs(), ids=lambda p: p.id)
def test_consecutive_versions_agree_with_their_majors(pair: Pair) -> None:
    """Each consecutive pair in spec/: on the same major nothing may break (exit 0); a bumped
    major may (exit 0 or 1). Derived from spec/ and versions.toml, whatever versions they hold."""
    proc = run_cli(str(pair.old.spec), str(pair.new.spec), "--json")
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    if pair.same_major:
        assert proc.returncode == 0, proc.stdout
        assert report["summary"]["breaking"] == 0
    assert (proc.returncode == 1) == (report["summary"]["breaking"] > 0)


@pytest.mark.skipif(
    not {"2025-10-03", "2025-10-11"} <= set(released()), reason="the LoRA pair is not released"
)
def test_the_released_lora_pair_is_compatible() -> None:
    """History, frozen by released.toml: 2025-10-03 -> 2025-10-11 added four optional LoRA
    fields to POST /runs, on the wire only (the Python surface gains arguments, the wire layer
    reports them)."""
    proc = run_cli("spec/2025-10-03.yaml", "spec/2025-10-11.yaml", "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["wire"] == {"breaking": 0, "compatible": 4}
    assert report["summary"]["surface"] == {"breaking": 0, "compatible": 0}
    assert [(c["kind"], c["operation"], c["location"]) for c in report["changes"]] == [
        ("request-field-added", "POST /runs", f"request body (application/json): {name}")
        for name in ("use_lora", "lora_rank", "lora_alpha", "lora_dropout")
    ]


@pytest.mark.skipif(not PAIRS.is_dir(), reason="shared/corpus/diff-pairs not beside the checkout")
def test_fast_on_the_github_pair() -> None:
    """3.6 MB + 3.8 MB of JSON, 600+ operations: a few seconds at most."""
    pair = PAIRS / "github-2020-06-to-07"
    start = time.perf_counter()
    result = diff_files(pair / "old.json", pair / "new.json")
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"{elapsed:.1f}s"
    kinds = {c.kind for c in result.changes}
    # The corpus README: 3 operations removed, 11 added, 2 new required parameters, ...
    assert sum(c.kind == "operation-removed" for c in result.changes) == 3
    assert sum(c.kind == "operation-added" for c in result.changes) == 11
    assert sum(c.kind == "parameter-required" for c in result.changes) == 2
    assert {"type-changed", "response-field-removed"} <= kinds
