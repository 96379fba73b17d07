"""Namespaces nest where the API does (``client.organizations.projects.get()``), from a dotted
``x-sdk-namespace`` or from ``x-tagGroups``, with ``options()`` at every level, sync, async and
``with_raw_response`` alike."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.build import build_api
from generator.pipeline import generate
from generator.read import read_spec
from generator.render.commands import command_table
from tests.runtime.server import Reply, TestServer

SPEC = """\
openapi: 3.1.0
info: {title: Org API, version: "1"}
tags:
  - {name: Projects, description: Projects of an organization.}
x-tagGroups:
  - name: Organizations
    tags: [Organizations, Projects]
paths:
  /orgs:
    get:
      operationId: listOrganizations
      tags: [Organizations]
      responses: {'204': {description: x}}
  /orgs/{org}/projects:
    get:
      operationId: getProjects
      tags: [Projects]
      parameters: [{name: org, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: x}}
  /orgs/{org}/projects/{id}/nodes:
    get:
      operationId: listNodes
      x-sdk-namespace: organizations.projects.nodes
      parameters:
        - {name: org, in: path, required: true, schema: {type: string}}
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'204': {description: x}}
  /admin/users:
    get:
      operationId: listUsers
      x-sdk-namespace: admin.users
      responses: {'204': {description: x}}
  /admin/users/projects:
    get:
      operationId: adminProjects
      x-sdk-namespace: admin_users
      x-sdk-method: projects
      responses: {'204': {description: x}}
"""


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("nested") / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_every_level_is_a_namespace_listed_before_its_children(spec: Path) -> None:
    api = build_api(read_spec(spec))
    found = [(ns.access, ns.name, ns.parent, ns.attribute, ns.children) for ns in api.namespaces]
    assert found == [
        ("organizations", "organizations", "", "", ("organizations_projects",)),
        (
            "organizations.projects",
            "organizations_projects",
            "organizations",
            "projects",
            ("organizations_projects_nodes",),
        ),
        (
            "organizations.projects.nodes",
            "organizations_projects_nodes",
            "organizations_projects",
            "nodes",
            (),
        ),
        ("admin", "admin", "", "", ("admin_users_2",)),
        ("admin.users", "admin_users_2", "admin", "users", ()),  # the module name is taken
        ("admin_users", "admin_users", "", "", ()),
    ]
    qualified = [m.qualified_name for m in api.all_methods]
    assert qualified == [
        "organizations.list",
        "organizations.projects.get",
        "organizations.projects.nodes.list",
        "admin.users.list",
        "admin_users.projects",
    ]
    assert api.namespaces[1].description.value == "Projects of an organization."


def test_nested_namespaces_work_sync_async_and_raw(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "client"
    generate(spec, out)
    script = textwrap.dedent(
        """
        import asyncio, httpx
        from org_api import OrgApiClient, AsyncOrgApiClient
        seen = []
        def handler(request):
            seen.append(request.url.path)
            return httpx.Response(204)
        transport = httpx.MockTransport(handler)
        client = OrgApiClient(base_url="http://x", http_client=httpx.Client(transport=transport))
        assert client.organizations.options() == ["projects", "list"]
        assert client.organizations.projects.options() == ["nodes", "get"]
        assert client.admin.options() == ["users"]
        client.organizations.projects.nodes.list("o", "p")
        raw = client.with_raw_response.organizations.projects.get("o")
        assert raw.status_code == 204
        async def main():
            http = httpx.AsyncClient(transport=transport)
            aclient = AsyncOrgApiClient(base_url="http://x", http_client=http)
            await aclient.admin.users.list()
            assert aclient.organizations.projects.nodes.options() == ["list"]
        asyncio.run(main())
        assert seen == ["/orgs/o/projects/p/nodes", "/orgs/o/projects", "/admin/users"], seen
        print("ok")
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=out / "src",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-3000:]
    api_md = (out / "api.md").read_text(encoding="utf-8")
    assert "## `client.organizations.projects.nodes`" in api_md
    assert "## `client.admin`\n" not in api_md  # a level without methods has no table


@pytest.mark.slow
def test_nested_package_is_mypy_strict_clean(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "client"
    generate(spec, out)
    mypy = Path(sys.executable).parent / "mypy"
    proc = subprocess.run(
        [str(mypy), "--strict", "src"], cwd=out, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_the_command_line_reaches_nested_namespaces(spec: Path, tmp_path: Path) -> None:
    """A nested namespace's commands failed with ``AttributeError: 'OrgApiClient' object has
    no attribute 'organizations_projects_nodes'`` (its module name, not its path), and a level
    without methods (``admin``) was listed as a command with no subcommands."""
    out = tmp_path / "client"
    generate(spec, out)
    srv = TestServer()
    srv.start()
    try:
        srv.on("GET", "/orgs/o/projects/p/nodes", lambda _seen, _count: Reply(json={"ok": 1}))
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "org_api",
                "--base-url",
                srv.url,
                "--format",
                "json",
                "organizations-projects-nodes",
                "list",
                "o",
                "p",
            ],  # fmt: skip
            cwd=out / "src",
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert [s.path for s in srv.seen("GET")] == ["/orgs/o/projects/p/nodes"]
    finally:
        srv.stop()
    table = command_table(build_api(read_spec(spec)))
    groups = {g.name: g.attr for g in table.groups}
    assert "admin" not in groups
    assert groups["organizations-projects-nodes"] == "organizations.projects.nodes"
