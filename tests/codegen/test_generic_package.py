"""A package generated from a spec that is not RunRL's knows nothing of RunRL: no 0.2.2 history,
no compatibility modules, a README that links only to the sections it has and documents only the
features the API uses, and no credential demanded when the spec declares no security."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.build import build_api
from generator.pipeline import generate
from generator.read import read_spec

PETS = textwrap.dedent(
    """\
    openapi: 3.1.0
    info: {title: Tiny Pets, version: "1.0.0"}
    servers: [{url: "https://pets.example.com/v1"}]
    paths:
      /pets:
        get:
          operationId: listPets
          tags: [pets]
          parameters:
            - {name: limit, in: query, schema: {type: integer, maximum: 100}}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
      /pets/{petId}:
        get:
          operationId: getPet
          tags: [pets]
          parameters:
            - {name: petId, in: path, required: true, schema: {type: string}}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Pet'}
    components:
      schemas:
        Pet:
          type: object
          required: [id, name]
          properties:
            id: {type: string}
            name: {type: string}
    """
)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pets")
    spec = root / "pets.yaml"
    spec.write_text(PETS, encoding="utf-8")
    generate(spec, root / "out")
    return root / "out"


def test_nothing_of_runrl_or_its_history(package: Path) -> None:
    for path in package.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".md", ".toml"):
            text = path.read_text(encoding="utf-8")
            for word in ("RunRL", "runrl", "0.2.2", "0.2 series", "hand-written SDK"):
                assert word not in text, f"{path.relative_to(package)} mentions {word!r}"
    src = package / "src" / "tiny_pets"
    for module in ("config.py", "futures.py", "exceptions.py"):
        assert not (src / module).exists()


def test_readme_links_only_to_sections_it_has(package: Path) -> None:
    readme = (package / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", readme, re.M)
    anchors = {"#" + re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
    contents = readme.split("Contents:", 1)[1].split("\n\n", 1)[0]
    linked = set(re.findall(r"\]\((#[^)]+)\)", contents))
    assert linked and linked <= anchors, linked - anchors
    assert len(linked) == len(headings)
    for absent in ("Pagination", "Streaming", "Uploads", "Polling futures", "Migrating"):
        assert absent not in headings and absent not in contents


def test_readme_documents_only_features_the_api_uses(package: Path) -> None:
    readme = (package / "README.md").read_text(encoding="utf-8")
    for feature in ("poll_interval", "max_poll_timeout", "future.", "idempotency_key", 'obj["'):
        assert feature not in readme, feature
    assert "| `api_key` | `TINY_PETS_API_KEY` | `None` | not needed: the API declares no" in readme


def test_no_credential_is_demanded_or_sent(package: Path) -> None:
    probe = textwrap.dedent(
        """\
        import httpx, json
        from tiny_pets import TinyPetsClient
        seen = []
        def handler(request):
            seen.append(dict(request.headers))
            return httpx.Response(200, json={"id": "1", "name": "Rex"})
        http = httpx.Client(transport=httpx.MockTransport(handler))
        client = TinyPetsClient(http_client=http)  # no api_key, no environment variable
        pet = client.pets.get("1")
        assert pet.name == "Rex", pet
        assert "authorization" not in seen[0], seen[0]
        import inspect
        assert "poll_interval" not in inspect.signature(TinyPetsClient).parameters
        print("ok")
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=package / "src",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-3000:]


def test_a_server_with_variables_is_named_in_the_configuration_table(tmp_path: Path) -> None:
    """Okta's ``https://{yourOktaDomain}``: the default ``base_url`` is one made-up domain; the
    README says so, naming the document's URL, so that a user sets their own."""
    spec = tmp_path / "pets.yaml"
    server = '[{url: "https://{tenant}.pets.example.com/v1", variables: {tenant: {default: demo}}}]'
    spec.write_text(PETS.replace('[{url: "https://pets.example.com/v1"}]', server), "utf-8")
    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `base_url` |"))
    assert "`https://demo.pets.example.com/v1`" in row
    assert "the document's `https://{tenant}.pets.example.com/v1`" in row


@pytest.mark.parametrize(
    ("title", "client", "exception"),
    [
        ("Numbers", "NumbersClient", "NumbersException"),  # package numbers_client
        ("Acme Client", "AcmeClient", "AcmeException"),
        ("Pet Store", "PetStoreClient", "PetStoreException"),
    ],
)
def test_no_client_client(tmp_path: Path, title: str, client: str, exception: str) -> None:
    """A package name ending in ``_client`` (the title ``Numbers``: ``numbers`` is a
    standard-library module) gave ``NumbersClientClient``."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        f"openapi: 3.0.3\ninfo: {{title: {title}, version: 1.0.0}}\n"
        "paths: {/a: {get: {responses: {'204': {description: x}}}}}\n",
        encoding="utf-8",
    )
    api = build_api(read_spec(spec), package_version="1.0.0")
    assert (api.package.client, api.package.async_client) == (client, f"Async{client}")
    assert f"{api.package.prefix}Exception" == exception
