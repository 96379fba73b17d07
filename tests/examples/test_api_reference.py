"""api.md says what every method returns: for each API version in ``spec/versions.toml``, the
"returns" column of ``generated/<version>/api.md`` is the return annotation of the method in the
generated code (read with ``ast``, nothing imported), and every method of a namespace is listed
(the ``x-sdk-follow`` helpers too). On the async client the annotation is the same, except that
a stream is an ``AsyncEventStream`` and a future an ``Async...PollingFuture``.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from tests.examples.test_examples import GENERATED, VERSIONS, package

_SECTION = re.compile(r"^## (?:Client|`client\.(\w+)`)\s*$", re.M)
_ROW = re.compile(r"^\| `(?:client\.)?(\w+)\(.*?\)` \| .*? \| `(.+)` \|\s*$", re.M)

Annotations = dict[str, dict[str, str]]  # class -> method -> return annotation


def _classes(path: Path) -> Annotations:
    found: Annotations = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef):
            methods = found.setdefault(node.name, {})
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.returns:
                    if not item.name.startswith("_"):
                        methods[item.name] = ast.unparse(item.returns)
    return found


def documented(version: str) -> dict[str, dict[str, str]]:
    """api.md: namespace ("" for the client) -> method -> what the "returns" column says."""
    text = (GENERATED / version / "api.md").read_text(encoding="utf-8")
    found: dict[str, dict[str, str]] = {}
    sections = list(_SECTION.finditer(text))
    for i, section in enumerate(sections):
        end = sections[i + 1].start() if i + 1 < len(sections) else len(text)
        rows = _ROW.findall(text, section.end(), end)
        found[section.group(1) or ""] = dict(rows)
    return found


@pytest.mark.parametrize("version", VERSIONS)
def test_api_md_returns_what_the_methods_return(version: str) -> None:
    pkg = package(version)
    src = GENERATED / version / "src" / pkg.name
    classes: Annotations = {}
    for path in [src / "_client.py", *sorted((src / "resources").glob("*.py"))]:
        classes.update(_classes(path))
    client, async_client = classes[pkg.client], classes[pkg.async_client]
    docs = documented(version)
    for name, returns in docs.pop("", {}).items():
        assert client[name] == returns, f"api.md's client.{name} and the code disagree"
        assert async_client[name] == returns, name
    assert docs, "api.md lists no namespace"
    for ns, rows in docs.items():
        sync, asyn = classes[client[ns]], classes[async_client[ns]]
        assert rows == sync, f"api.md's client.{ns} and the code disagree"
        for name, annotation in sync.items():
            expected = re.sub(r"^(EventStream|\w+PollingFuture\b)", r"Async\1", annotation)
            assert asyn[name] == expected, (ns, name)


@pytest.mark.parametrize("version", VERSIONS)
def test_what_exists_is_documented(version: str) -> None:
    """The package README lists every method of every namespace (the follow helpers too), shows
    how to install each extra the package declares, and, where futures exist, documents
    ``result(progress=True)``; api.md too."""
    pkg = package(version)
    root = GENERATED / version
    readme = (root / "README.md").read_text(encoding="utf-8")
    api_md = (root / "api.md").read_text(encoding="utf-8")
    with (root / "pyproject.toml").open("rb") as fh:
        project = tomllib.load(fh)["project"]
    for extra in project.get("optional-dependencies", {}):
        assert f"pip install '{pkg.name}[{extra}]" in readme, extra
    listed = dict(re.findall(r"^- `client\.(\w+)`: (.+)$", readme, re.M))
    assert listed, "the README lists no namespace"
    classes: Annotations = {}
    src = root / "src" / pkg.name
    for path in [src / "_client.py", *sorted((src / "resources").glob("*.py"))]:
        classes.update(_classes(path))
    futures = False
    for ns, names in listed.items():
        methods = classes[classes[pkg.client][ns]]
        assert re.findall(r"`(\w+)`", names) == list(methods), ns
        futures |= any("PollingFuture" in returns for returns in methods.values())
    if futures:
        assert "result(progress=True)" in readme
        assert "progress=False" in api_md
