"""Namespaces from tags that name what an operation is about. A tag that heads a section of
the reference (``x-traitTag``) or collects operations of several other tags (InfluxDB's
"Data I/O endpoints" beside Write and Query, "System information endpoints" beside Health and
Ping) groups nothing: the operation goes to its specific tag's namespace, not to
``popular_endpoints.data_i_o_endpoints``. An operation without tags joins the namespace of the
tagged operations beside it in the path tree, not one named after its first path segment."""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator import ir
from generator.build import build_api
from generator.build.grouping import adopt_untagged, collection_tags
from generator.read import load_spec

SPEC = textwrap.dedent(
    """\
    openapi: 3.0.0
    info: {title: Collected, version: "1"}
    tags:
      - {name: Write}
      - {name: Query}
      - {name: Quick start, x-traitTag: true, description: Read me first.}
    x-tagGroups:
      - {name: Overview, tags: [Quick start]}
      - {name: Popular endpoints, tags: [Data I/O endpoints, System information endpoints]}
      - {name: All endpoints, tags: []}
    paths:
      /api/v2/write:
        post:
          operationId: PostWrite
          tags: [Data I/O endpoints, Write]
          responses: {'204': {description: ok}}
      /api/v2/query:
        post:
          operationId: PostQuery
          tags: [Data I/O endpoints, Query]
          responses: {'204': {description: ok}}
      /api/v2/query/ast:
        post:
          operationId: PostQueryAst
          tags: [Query]
          responses: {'204': {description: ok}}
      /api/v2/query/analyze:
        post:
          operationId: PostQueryAnalyze
          responses: {'204': {description: ok}}
      /health:
        get:
          operationId: GetHealth
          tags: [Health, System information endpoints]
          responses: {'204': {description: ok}}
      /ping:
        get:
          operationId: GetPing
          tags: [System information endpoints, Ping]
          responses: {'204': {description: ok}}
      /api/v2/buckets:
        get:
          operationId: GetBuckets
          tags: [Buckets]
          responses: {'204': {description: ok}}
      /api/v2/buckets/{bucketID}:
        get:
          operationId: GetBucketsID
          tags: [Buckets]
          parameters: [{name: bucketID, in: path, required: true, schema: {type: string}}]
          responses: {'204': {description: ok}}
      /api/v2/buckets/{bucketID}/labels:
        get:
          operationId: GetBucketsIDLabels
          parameters: [{name: bucketID, in: path, required: true, schema: {type: string}}]
          responses: {'204': {description: ok}}
      /api/v2/dashboards/{dashboardID}/cells:
        get:
          operationId: GetCells
          tags: [Cells, Dashboards]
          parameters: [{name: dashboardID, in: path, required: true, schema: {type: string}}]
          responses: {'204': {description: ok}}
      /api/v2/dashboards:
        get:
          operationId: GetDashboards
          tags: [Dashboards]
          responses: {'204': {description: ok}}
      /api/v2/setup:
        get:
          operationId: GetSetup
          tags: [Quick start, Setup]
          responses: {'204': {description: ok}}
      /api/v2/write/batches:
        post:
          operationId: PostWriteBatch
          tags: [Data I/O endpoints]
          responses: {'204': {description: ok}}
      /api/v2/me:
        get:
          operationId: GetMe
          responses: {'204': {description: ok}}
    """
)


def _namespaces(tmp_path: Path, text: str) -> dict[str, str]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    api = build_api(load_spec(spec), package_version="1")
    found: dict[str, str] = {m.operation_id.value: "" for m in api.client_methods}
    for ns in api.namespaces:
        found.update({m.operation_id.value: ns.access for m in ns.methods})
    return found


def test_collection_and_trait_tags_group_nothing(tmp_path: Path) -> None:
    found = _namespaces(tmp_path, SPEC)
    assert found["PostWrite"] == "write"
    assert found["PostQuery"] == found["PostQueryAst"] == "query"
    assert found["GetHealth"] == "health" and found["GetPing"] == "ping"
    assert found["GetSetup"] == "setup"  # the trait tag is a heading, not a namespace
    # Cells is written only beside Dashboards: a tag of its own, not a collection
    assert found["GetCells"] == "cells" and found["GetDashboards"] == "dashboards"


def test_an_untagged_operation_joins_its_neighbours_namespace(tmp_path: Path) -> None:
    found = _namespaces(tmp_path, SPEC)
    assert found["GetBucketsIDLabels"] == "buckets"  # below /api/v2/buckets
    assert found["PostQueryAnalyze"] == "query"  # /api/v2/query/analyze beside /api/v2/query
    assert found["GetMe"] == "me"  # nothing tagged under /api/v2/me: its path names it
    # only a collection tag: as good as none, it joins /api/v2/write's namespace
    assert found["PostWriteBatch"] == "write"


def test_which_tags_collect(tmp_path: Path) -> None:
    import yaml

    assert collection_tags(yaml.safe_load(SPEC)) == {
        "Data I/O endpoints",
        "System information endpoints",
        "Quick start",
    }


def test_the_nearest_tagged_path_above_wins_and_must_name_something() -> None:
    entries = [
        ("/v1/users", "users", False),
        ("/v1/users/{id}/keys/{key}", "keys", False),
        ("/v1", "root", False),
        ("/v1/users/{id}/keys", "v1_users", True),  # the collection of `keys`' items
        ("/v1/users/{id}", "v1_users", True),  # an item of `users`
        ("/v1/users/{id}/keys/{key}/rotate", "v1_users", True),  # below both: keys is nearer
        ("/v1/orders", "orders", True),  # only `/v1` above it: a version names nothing
    ]
    assert adopt_untagged(entries) == ["users", "keys", "root", "keys", "users", "keys", "orders"]


def test_a_document_without_tags_keeps_its_path_namespaces(tmp_path: Path) -> None:
    text = SPEC.replace("tags: [", "x-was: [")
    found = _namespaces(tmp_path, text)
    assert found["GetBucketsIDLabels"] == found["GetBuckets"] == "buckets"
    assert found["PostWrite"] == "write" and found["GetHealth"] == "health"


def test_namespaces_are_made_once(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    api: ir.Api = build_api(load_spec(spec), package_version="1")
    names = [ns.access for ns in api.namespaces]
    assert len(names) == len(set(names))
    assert not [n for n in names if "endpoints" in n or "quick" in n]


def _ops(*tag_lists: list[str]) -> dict[str, object]:
    paths = {f"/p{i}": {"get": {"tags": tags}} for i, tags in enumerate(tag_lists)}
    return {"paths": paths}


def test_a_tag_on_every_operation_collects_one_on_some_groups() -> None:
    every = _ops(["API", "Pets"], ["API", "Stores"], ["Pets", "API"], ["API", "Users"])
    assert collection_tags(every) == {"API"}
    # Slack's `admin` before apps and users on some operations: still their namespace
    some = _ops(["admin", "apps"], ["admin", "users"], ["apps"], ["users"], ["chat"], ["chat"])
    assert collection_tags(some) == set()
