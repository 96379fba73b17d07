"""Names for specs without x-sdk extensions: namespaces from tags or path segments, methods
from operationId in snake_case (or verb + path), collisions resolved deterministically."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from generator import ir
from generator.build import build_api
from generator.build.path_names import default_method_name, path_namespace
from generator.naming import argument_name, identifier, namespace_name, plan_class_names, unique
from generator.read.load import load_spec
from generator.render.imports import TEMPLATE_CLASS_NAMES
from generator.reserved import RESERVED_CLASS_NAMES


@pytest.mark.parametrize(
    ("path", "namespace"),
    [
        ("/pets/{petId}", "pets"),
        ("/api/v1/namespaces/{namespace}/pods", "namespaces"),
        ("/2010-04-01/Accounts/{AccountSid}/Calls.json", "Accounts"),
        ("/v2.1/users", "users"),
        ("/{id}", "default"),
        ("/", "default"),
    ],
)
def test_namespace_from_the_first_meaningful_path_segment(path: str, namespace: str) -> None:
    assert path_namespace(path) == namespace


def test_method_name_without_operation_id() -> None:
    assert default_method_name("get", "/pets/{petId}") == "get_pets_by_pet_id"
    assert default_method_name("post", "/a-b/c.d") == "post_a_b_c_d"


@pytest.mark.parametrize(
    ("verb", "path", "name"),
    [
        # the MCP registry's document has no operationIds: it was servers.get_v0_1
        ("get", "/v0.1/servers", "get_servers"),
        ("get", "/v0.1/servers/{serverName}/versions", "get_servers_by_server_name_versions"),
        ("post", "/api/v2/publish", "post_publish"),
        ("get", "/2010-04-01/Accounts", "get_accounts"),
        ("get", "/v1", "get"),
        # only a prefix: a version further down is part of the path's meaning
        ("get", "/servers/{id}/v2", "get_servers_by_id_v2"),
        ("get", "/apis", "get_apis"),
    ],
)
def test_method_name_leaves_out_the_version_prefix(verb: str, path: str, name: str) -> None:
    assert default_method_name(verb, path) == name


def test_identifiers_are_safe() -> None:
    assert identifier("class") == "class_" and identifier("1st") == "_1st"
    assert identifier("naïve") == "naive" and identifier("日本") == "value"
    assert identifier("l") == "l_"
    assert argument_name("body") == "body" and argument_name("options") == "options_"
    assert namespace_name("config") == "config_" and namespace_name("with_raw_response") == (
        "with_raw_response_"
    )
    assert unique("a", {"a", "a_2"}) == "a_3"


def test_schema_class_names_are_unique_and_stable() -> None:
    schemas: dict[str, object] = {
        n: {} for n in ["pet.store", "PetStore", "pet_store", "List", "1st", "class", "Pet"]
    }
    names = plan_class_names(schemas)
    assert names == {
        "pet.store": "PetStore",
        "PetStore": "PetStore2",
        "pet_store": "PetStore3",
        "List": "ListModel",
        "1st": "Model1st",
        "class": "ClassModel",
        "Pet": "Pet",
    }
    assert plan_class_names(schemas) == names  # deterministic


def test_collisions_resolved_in_spec_order(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        textwrap.dedent(
            """\
            openapi: 3.1.0
            info: {title: Generic, version: "1"}
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
                  responses: {'204': {description: x}}
                post:
                  operationId: list-pets
                  tags: [pets]
                  responses: {'204': {description: x}}
              /pets/{id}:
                get:
                  operationId: list_pets
                  tags: [PETS]
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: x}}
              /stores:
                get:
                  responses: {'204': {description: x}}
            """
        )
    )
    doc = load_spec(spec)
    api: ir.Api = build_api(doc)
    assert [ns.name for ns in api.namespaces] == ["pets", "stores"]
    pets = api.namespaces[0]
    # all three would shorten to `list`: the shortening is ambiguous, so none is shortened
    assert [m.name for m in pets.methods] == ["list_pets", "list_pets_2", "list_pets_3"]
    assert [m.http_method for m in pets.methods] == ["GET", "POST", "GET"]
    assert api.namespaces[1].methods[0].name == "get"  # get_stores, without its namespace


def test_versioned_paths_without_operation_ids(tmp_path: Path) -> None:
    """A versioned API without operationIds (the MCP registry's document) gets names without
    the version; two operations that differ only in it keep it, so neither is numbered."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        textwrap.dedent(
            """\
            openapi: 3.1.0
            info: {title: Generic, version: "1"}
            paths:
              /v0.1/servers:
                get:
                  tags: [servers]
                  responses: {'204': {description: x}}
              /v0.1/servers/{serverName}/versions:
                get:
                  tags: [servers]
                  parameters: [{name: serverName, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: x}}
              /v0.1/publish:
                post:
                  tags: [publish]
                  responses: {'204': {description: x}}
              /v1/pets:
                get:
                  tags: [pets]
                  responses: {'204': {description: x}}
              /v2/pets:
                get:
                  tags: [pets]
                  responses: {'204': {description: x}}
            """
        )
    )
    api: ir.Api = build_api(load_spec(spec))
    names = {ns.name: [m.name for m in ns.methods] for ns in api.namespaces}
    assert names == {
        # a plural below an item, its answer unknown: a list (build/path_names.py)
        "servers": ["get", "list_versions"],
        "publish": ["post"],
        "pets": ["get_v1", "get_v2"],
    }


def test_reserved_class_names_cover_what_generated_modules_import() -> None:
    """Every name the client modules import at module level (written in the templates, or
    computed from the methods by generator/render/imports.py) is in RESERVED_CLASS_NAMES, so no
    model or namespace class can shadow it (``class List(SyncAPIResource)`` once did)."""
    templates = Path(__file__).resolve().parents[2] / "templates" / "client"
    imported: set[str] = set(TEMPLATE_CLASS_NAMES)
    for name in ("_method.jinja", "_client.py.jinja", "resource.py.jinja"):
        text = (templates / name).read_text()
        # `from x import (a, b)` / `from x import a, b`; Jinja expressions are spec-derived names
        for match in re.finditer(r"^from [\w.{} ]+ import \(?([^)]*?)\)?$", text, re.M | re.S):
            names = re.sub(r"\b\w+ as (\w+)", r"\1", match.group(1))  # `X as Y` binds Y
            for part in re.split(r"[,\s]+", names):
                if part.isidentifier():
                    imported.add(part)
    # generated class names start with a capital letter: only such imports can clash
    capitalised = {n for n in imported if n[0].isupper()}
    assert {"List", "Timeout", "AsyncEventStream", "Operation", "TYPE_CHECKING"} <= capitalised
    assert capitalised - RESERVED_CLASS_NAMES == set()
