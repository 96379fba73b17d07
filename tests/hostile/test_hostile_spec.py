"""One adversarial spec (tests/hostile/hostile.yaml), generated and checked end to end.

It has Python keywords, builtins and pydantic-reserved names (``class``, ``json``,
``model_config``, ``copy``...), names with spaces, dashes, dots, leading digits and accents,
names that collide after snake_casing, descriptions with triple quotes, backslashes, Jinja
syntax, NUL/control/bidi characters and a would-be ``__import__`` call, recursive and mutually
recursive schemas, a 1,209-value enum, allOf, oneOf with a discriminator, 3.1 type arrays,
additionalProperties, path-level parameters, form and multipart bodies, a duplicated
operationId and schemas named like the names models.py imports (``Field``, ``BaseModel``...).

The package must pass ruff and ``mypy --strict``, import without side effects, keep spec text
out of code, and send every hostile name on the wire exactly as the spec spells it.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator import ir
from generator.build import build_api
from generator.pipeline import generate
from generator.read.load import load_spec
from tests.models_source import models_source

HERE = Path(__file__).resolve().parent
SPEC = HERE / "hostile.yaml"
BIN = Path(sys.executable).parent
PACKAGE = "hostile_api_7_7"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "out"
    generate(SPEC, out)
    return out


@pytest.fixture(scope="module")
def api() -> ir.Api:
    doc = load_spec(SPEC)
    doc.quiet = True
    return build_api(doc)


def _method(api: ir.Api, name: str) -> ir.Method:
    return next(m for m in api.all_methods if m.name == name)


def test_names_are_safe_unique_and_deterministic(api: ir.Api) -> None:
    # the untagged GET /items is in the namespace of PUT /items/{id} (tagged "model config")
    assert [ns.name for ns in api.namespaces] == [
        "class_",
        "model_config",
        "config_",
        "_1st_things",
        "list",
        "timeout_",
        "iterator",
    ]
    # a namespace class must not shadow what its module imports (typing.List, the Timeout type,
    # Iterator and AsyncIterator for the async twin)
    assert {ns.name: ns.class_name for ns in api.namespaces[4:]} == {
        "list": "ListResource",
        "timeout_": "TimeoutResource",
        "iterator": "IteratorResource",
    }
    get = _method(api, "get_item_by_id")
    names = [p.name for p in get.params]
    assert names[:2] == ["item_id", "class_"]  # path parameters first, in path order
    assert names[2:] == [
        "for_",
        "json",
        "model_config",
        "from_date",
        "from_date_2",
        "from_date_3",
        "_1limit",
        "naive",
        "timeout_",
        "self_",
        "body",
        "options_",
        "x_request_id",
        "list",
        "l_",
        "pattern",
        "big",
    ]  # the Accept header parameter is ignored, as OpenAPI requires
    wire = {p.name: p.wire_name.value for p in get.params}
    assert wire["from_date_2"] == "fromDate" and wire["item_id"] == "item-id"
    # one operationId used twice: both methods exist, numbered in spec order
    assert [m.name for m in api.all_methods if m.operation_id.value == "create item"] == [
        "create_item",
        "create_item_2",
    ]
    # no tag, no operationId (GET /items, a collection: list_items): beside the tagged
    # PUT /items/{id}
    assert _method(api, "list_items").namespace == "model_config"
    for method in api.all_methods:
        assert method.name.isidentifier()
        assert all(p.name.isidentifier() for p in method.params)
    for name in api.schemas.values():
        assert name.isidentifier() and name not in ("List", "BaseModel", "Field", "Optional")


def test_ruff_and_format_clean(package: Path) -> None:
    ruff = str(BIN / "ruff")
    check = subprocess.run(
        [ruff, "check", "--no-cache", "."], cwd=package, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout[-3000:]
    fmt = subprocess.run(
        [ruff, "format", "--check", "--no-cache", "."], cwd=package, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout[-3000:]


@pytest.mark.slow
def test_mypy_strict_clean(package: Path) -> None:
    proc = subprocess.run(
        [str(BIN / "mypy"), "--strict", f"src/{PACKAGE}"],  # the session's cache (conftest.py)
        cwd=package,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-5000:]


def test_spec_text_never_becomes_code(package: Path) -> None:
    """The would-be code in descriptions is only ever inside string literals, and Jinja syntax
    in them is printed, not evaluated."""
    sources = {p: p.read_text(encoding="utf-8") for p in (package / "src").rglob("*.py")}
    joined = "\n".join(sources.values())
    assert "{{ 7*7 }}" in joined and "{% if x %}jinja{% endif %}" in joined
    for path, source in sources.items():
        assert "\x00" not in source and "\u202e" not in source, path
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "__import__", path
            if isinstance(node, ast.Name):
                assert node.id != "PWNED", path


WIRE_PROBE = r"""
import json, os, sys
import httpx
before = set(os.listdir("."))
import hostile_api_7_7 as pkg
from hostile_api_7_7 import HostileApi77Client
seen = []
def handler(request):
    seen.append({"method": request.method, "url": str(request.url),
                 "headers": dict(request.headers), "body": request.content.decode()})
    if request.url.path.endswith("/sub.path/3"):
        return httpx.Response(200, json={"children": [], "value": None})
    if request.method == "POST":
        return httpx.Response(201, json={"class": "c", "model_config": "m", "1st": "x"})
    return httpx.Response(204)
transport = httpx.MockTransport(handler)
client = HostileApi77Client(api_key="k", http_client=httpx.Client(transport=transport))
node = client.class_.get_item_by_id(
    "a/b", 3, for_="f", json=False, from_date_2="d2", _1limit=7, naive="n", self_="s",
    body="b", options_="o", x_request_id="rid", list=["a", "b"], l_="L")
created = client.model_config.create_item(class_="k", _1st=1, tags=["x", "y"], kind="a b")
client.config_.delete("id-1")
assert set(os.listdir(".")) == before, "calls created files"
print(json.dumps({"seen": seen, "created": created.model_dump(by_alias=True, exclude_none=True),
                  "node": node.model_dump(exclude_none=True), "base_url": client.config.base_url}))
"""


def test_imports_cleanly_and_sends_names_as_the_spec_spells_them(
    package: Path, tmp_path: Path
) -> None:
    env = {"PYTHONPATH": str(package / "src"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-c", WIRE_PROBE], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert not (tmp_path / "PWNED").exists()
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["base_url"] == "https://hostile.example.com/api/v1"  # server variables
    get, post, delete = result["seen"]
    url = httpx_url(get["url"])
    assert url.path == "/api/v1/items/a%2Fb/sub.path/3"
    assert url.query_pairs == [
        ("for", "f"),
        ("json", "false"),
        ("fromDate", "d2"),
        ("1limit", "7"),
        ("naïve", "n"),
        ("self", "s"),
        ("body", "b"),
        ("options", "o"),
        ("list", "a"),
        ("list", "b"),
        ("l", "L"),
    ]
    assert get["headers"]["x-request-id"] == "rid"
    assert post["headers"]["content-type"] == "application/x-www-form-urlencoded"
    assert sorted(post["body"].split("&")) == sorted(
        ["class=k", "1st=1", "tags=x", "tags=y", "kind=a+b"]
    )
    assert result["created"] == {"class": "c", "model_config": "m", "1st": "x"}
    assert delete["method"] == "DELETE" and delete["url"].endswith("/items/id-1")


class httpx_url:  # noqa: N801 - a tiny parsed-URL helper (no httpx import in the test process)
    def __init__(self, url: str) -> None:
        from urllib.parse import parse_qsl, urlsplit

        parts = urlsplit(url)
        self.path = parts.path
        self.query_pairs = parse_qsl(parts.query, keep_blank_values=True)


def test_no_model_class_shadows_an_import_or_a_builtin(package: Path) -> None:
    """Classes named after properties (``dict``, ``any``, ``open_enum``, ``paged_response`` in
    hostile.yaml) do not shadow what models.py imports: nested objects are named
    ``<Parent><Property>`` (generator/models/lift.py), and what datamodel-code-generator still
    names itself gets a suffix; allOf naming one schema twice yields one base, not a TypeError."""
    from generator.reserved import RESERVED_CLASS_NAMES, builtin_class_names

    tree = ast.parse(models_source(package / "src" / PACKAGE))
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    assert not set(classes) & (RESERVED_CLASS_NAMES | builtin_class_names())
    assert all(name.isascii() for name in classes), sorted(classes)  # NFKC: `Nªive` is `Naive`
    nested = {"TwiceDict", "TwiceAny", "TwiceAnyOpenEnum", "TwiceAnyOpenEnumPagedResponse"}
    assert nested <= set(classes)
    for node in classes.values():
        bases = [ast.unparse(b) for b in node.bases]
        assert len(bases) == len(set(bases)), f"class {node.name}({', '.join(bases)})"
