"""Unit tests of the intermediate model built from the mini fixture spec (generator/build)."""

from __future__ import annotations

import json

from generator import ir
from generator.build import build_api
from generator.ir import types as t
from generator.read import SpecDocument
from generator.spectext import SpecText


def _method(api: ir.Api, name: str) -> ir.Method:
    return next(m for m in api.all_methods if m.name == name)


def test_package_facts_come_from_x_sdk(mini_api: ir.Api) -> None:
    pkg = mini_api.package
    assert (pkg.name, pkg.client, pkg.async_client, pkg.prefix) == (
        "minijobs",
        "MiniClient",
        "AsyncMiniClient",
        "Mini",
    )
    assert pkg.base_url == SpecText("https://jobs.example.com/v1")
    assert pkg.envelope_data == SpecText("data")
    assert pkg.default_timeout == 10.0
    assert pkg.failure_errors == (ir.FailureError("JobFailedError", "job"),)


def test_namespaces_and_client_methods(mini_api: ir.Api) -> None:
    assert [ns.name for ns in mini_api.namespaces] == ["jobs"]
    assert [m.name for m in mini_api.client_methods] == ["health"]
    names = [m.name for m in mini_api.namespaces[0].methods]
    assert names == [
        "list",
        "create",
        "search",
        "chat",
        "get",
        "update",
        "cancel",
        "stream_events",
        "logs",
        "download",
        "upload",
        "create_inline",
    ]


def test_a_paginated_post_and_a_streamed_post_keep_their_bodies(mini_api: ir.Api) -> None:
    search, chat = _method(mini_api, "search"), _method(mini_api, "chat")
    assert search.returns.kind == "page" and search.idempotent
    assert sorted((p.name, p.location) for p in search.params) == [
        ("page", "query"),
        ("per_page", "query"),
        ("query", "body"),
    ]
    assert chat.returns.kind == "stream"
    assert [(p.name, p.location) for p in chat.params] == [("job_id", "path"), ("message", "body")]


def test_query_params_defaults_and_constraints(mini_api: ir.Api) -> None:
    m = _method(mini_api, "list")
    params = {p.name: p for p in m.params}
    assert params["page"].default_source == "1" and params["page"].send == "always"
    # Query (and path, header) parameters carry their schema type, like body fields.
    assert params["per_page"].constraints.value == {"minimum": 1, "maximum": 100, "type": "integer"}
    assert params["status"].constraints.value["type"] == "string"
    assert params["status"].annotation.startswith("Optional[Union[JobStatus, Literal[")
    assert params["status"].send == "if_not_none"
    assert all(p.location == "query" and not p.positional for p in m.params)


def test_body_fields_become_typed_keyword_arguments(mini_api: ir.Api) -> None:
    m = _method(mini_api, "create")
    params = {p.name: p for p in m.params}
    assert list(params) == ["name", "steps", "tags", "note"]
    assert params["name"].required and params["name"].default is None
    # a body field with a spec default: sent only when given, the default left to the server
    # (and in the docs); not nullable: None fails before sending
    assert params["steps"].default_source == "NOT_GIVEN" and params["steps"].send == "if_given"
    assert params["steps"].server_default is not None
    assert params["steps"].server_default.value == 10
    assert params["steps"].constraints.value == {
        "minimum": 1,
        "maximum": 100,
        "type": "integer",
        "nullable": False,
    }
    assert params["name"].constraints.value == {"minLength": 1, "type": "string", "nullable": False}
    assert "nullable" not in params["note"].constraints.value  # None is a value it accepts
    # nullable optional field: None can be sent, so "not given" needs a sentinel
    assert params["note"].send == "if_given" and params["note"].default_source == "NOT_GIVEN"
    assert params["tags"].type == t.OptionalOf(t.ListOf(t.Scalar("str")))
    assert params["tags"].annotation == "Optional[List[str]]"
    assert params["tags"].constraints.value == {"type": "array", "items": {"type": "string"}}
    assert m.body_type == "json"


def test_path_params_are_positional_and_renamed(mini_api: ir.Api) -> None:
    m = _method(mini_api, "get")
    (p,) = m.params
    assert p.constraints.value == {"type": "integer"}  # checked before sending, like a body field
    assert (p.name, p.wire_name.value, p.location, p.positional) == (
        "job_id",
        "jobId",
        "path",
        True,
    )
    assert m.returns.kind == "value" and m.returns.cast == "Job"
    assert m.returns.unwrap == (SpecText("data"),)


def test_one_operation_two_media_types_two_methods(mini_api: ir.Api) -> None:
    upload = _method(mini_api, "upload")
    inline = _method(mini_api, "create_inline")
    assert upload.operation_id == inline.operation_id == SpecText("uploadInput")
    assert upload.body_type == "multipart" and inline.body_type == "json"
    first = upload.params[0]
    assert (first.name, first.location, first.positional, first.annotation) == (
        "path",
        "file",
        True,
        "FileInput",
    )
    kind = upload.params[1]
    assert (kind.name, kind.wire_name.value, kind.location) == ("input_kind", "kind", "form")


def test_return_kinds(mini_api: ir.Api) -> None:
    assert _method(mini_api, "list").returns.kind == "page"
    assert _method(mini_api, "list").returns.type == t.Paged(t.Model("Job"))
    assert _method(mini_api, "list").returns.annotation == "PagedResponse[Job]"
    assert _method(mini_api, "cancel").returns.kind == "none"
    assert _method(mini_api, "stream_events").returns.kind == "stream"
    assert _method(mini_api, "download").returns.kind == "bytes"
    assert _method(mini_api, "health").returns.cast == "Health"


def test_polling_resolves_operation_ids_to_methods(mini_api: ir.Api) -> None:
    polling = _method(mini_api, "create").polling
    assert polling is not None
    assert polling.status_method == "get" and polling.cancel_method == "cancel"
    assert [v.value for v in polling.terminal] == ["DONE", "FAILED"]
    assert [v.value for v in polling.success] == ["DONE"]
    assert (polling.failure_error, polling.failure_attribute) == ("JobFailedError", "job")


def test_the_model_compares_and_serialises(mini_doc: SpecDocument) -> None:
    """Two builds of one spec are equal, and the whole model is JSON data (what a comparison of
    two versions' client surfaces starts from)."""
    one = build_api(mini_doc, package_version="1.0.0")
    two = build_api(mini_doc, package_version="1.0.0")
    assert one == two
    data = json.loads(json.dumps(one.to_data()))
    method = data["namespaces"][0]["methods"][0]
    assert method["name"] == "list" and method["path"] == "/jobs"
    assert data["namespaces"][0]["methods"][1]["params"][0]["type"] == {
        "kind": "Scalar",
        "python": "str",
        "format": None,
    }
