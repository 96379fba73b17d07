"""Build the browsable reference of every generated package: ``site/<api-version>/``.

    .venv/bin/python docs/build.py                 # every generated/<version>/ -> site/<version>/
    .venv/bin/python docs/build.py 2025-10-11      # one version
    .venv/bin/python docs/build.py --out DIR       # elsewhere (the tests build into a temp dir)

For each version it writes Markdown pages and a ``mkdocs.yml`` (INHERITing docs/mkdocs.yml) into
``build/docs/<version>/`` and runs ``mkdocs build``. The pages are generic, read off the
generated package (no RunRL name is written here):

* ``index.md``: the quick start, i.e. the generated package's README.md;
* ``client.md``: the sync and the async client classes;
* ``namespaces/<name>.md``: one page per namespace (``client.<name>``), sync and async class;
* ``objects/index.md`` and ``objects/<Class>.md``: a package with an object layer (resource
  objects from response ``links``, ``<package>/objects.py``) gets its entry class and one page
  per resource class, sync and async, and one for ``ObjectPage`` (a page of objects) when a
  method returns paged objects;
* ``models.md``, ``futures.md``, ``errors.md``: the models, polling futures and exceptions;
* ``versions.md``: the version table (API version -> package version, from spec/versions.toml),
  linking each version's site.

mkdocstrings-python renders the docstrings, which come from the spec (summaries, descriptions,
parameter descriptions), reading the source statically with griffe: nothing is imported. A
``site/index.html`` lists the versions.
"""

from __future__ import annotations

import argparse
import ast
import html
import os
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
BASE_CONFIG = ROOT / "docs" / "mkdocs.yml"
EXTRA_CSS = ROOT / "docs" / "extra.css"
VERSIONS_TOML = ROOT / "spec" / "versions.toml"


@dataclass(frozen=True)
class Package:
    """What the pages need to know about one generated package."""

    api_version: str  # the directory name under generated/
    name: str  # import name
    version: str  # package version
    src: Path
    readme: str
    api_md: str  # the generated api.md (every method in one table), "" if none
    clients: tuple[str, ...]  # client class names, sync first
    namespaces: tuple[tuple[str, str, str], ...]  # (attribute, sync class, module docstring)
    # objects.py (resource objects from links): the sync entry class and resource classes
    objects: Objects | None = None


class Objects(NamedTuple):
    """The classes of a generated object layer (sync names)."""

    entry: str  # takes the client (``api``)
    resources: tuple[str, ...]  # each takes an object's ``data``
    page: str = ""  # the page of objects (takes a plain ``page``), "" when nothing is paged


def versions() -> list[str]:
    """Every generated API version, oldest first."""
    return sorted(
        p.name
        for p in GENERATED.iterdir()
        if (p / "pyproject.toml").is_file() and (p / "src").is_dir()
    )


def read_package(api_version: str, generated: Path = GENERATED) -> Package:
    project_dir = generated / api_version
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = str(project["name"])
    src = project_dir / "src"
    pkg_dir = src / name
    clients = tuple(
        node.name
        for node in ast.parse((pkg_dir / "_client.py").read_text(encoding="utf-8")).body
        if isinstance(node, ast.ClassDef)
        and any(getattr(b, "id", "") in ("SyncAPIClient", "AsyncAPIClient") for b in node.bases)
    )
    namespaces = []
    for module in sorted((pkg_dir / "resources").glob("*.py")):
        if module.name.startswith("_"):
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        sync_classes = [
            node.name
            for node in tree.body
            if isinstance(node, ast.ClassDef)
            and any(getattr(b, "id", "") == "SyncAPIResource" for b in node.bases)
        ]
        for cls in sync_classes:
            namespaces.append((module.stem, cls, ast.get_docstring(tree) or ""))
    return Package(
        api_version=api_version,
        name=name,
        version=str(project["version"]),
        src=src,
        readme=(project_dir / "README.md").read_text(encoding="utf-8"),
        api_md=(project_dir / "api.md").read_text(encoding="utf-8")
        if (project_dir / "api.md").is_file()
        else "",
        clients=clients,
        namespaces=tuple(namespaces),
        objects=read_objects(pkg_dir / "objects.py"),
    )


def read_objects(module: Path) -> Objects | None:
    """The classes of a generated object layer, sync names; None without one. A resource
    class takes the object's ``data``, the entry class ``api``, the page of objects ``page``."""
    if not module.is_file():
        return None
    entry, resources, page = "", [], ""
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ClassDef) or node.name.startswith("Async"):
            continue
        init = next(
            (f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"),
            None,
        )
        args = {a.arg for a in init.args.args} if init is not None else set()
        if "data" in args:
            resources.append(node.name)
        elif "api" in args:
            entry = node.name
        elif "page" in args:
            page = node.name
    return Objects(entry, tuple(resources), page) if entry else None


def version_table(all_versions: list[str], current: str | None) -> str:
    """The version table: API version, package version, how to pin it, its reference."""
    table = (
        tomllib.loads(VERSIONS_TOML.read_text(encoding="utf-8")) if VERSIONS_TOML.exists() else {}
    )
    rows = [
        "| API version | package version | install | reference |",
        "|---|---|---|---|",
    ]
    for version in reversed(all_versions):
        pkg = read_package(version)
        entry = table.get(version, {})
        note = " (this site)" if version == current else ""
        latest = " — latest" if version == all_versions[-1] else ""
        link = f"../../{version}/" if current else f"{version}/"
        rows.append(
            f"| **{version}**{latest} | `{pkg.version}` "
            f"| `pip install '{pkg.name}~={pkg.version}'` | [{version}]({link}){note} |"
        )
        if entry and int(entry.get("patch", 0)) != int(pkg.version.rsplit(".", 1)[-1]):
            raise SystemExit(f"spec/versions.toml and generated/{version} disagree: rebuild")
    return "\n".join(rows) + "\n"


def pages(pkg: Package, all_versions: list[str]) -> dict[str, str]:
    """Markdown pages (relative path -> text) of one version's site."""
    n = pkg.name
    out: dict[str, str] = {}
    readme = pkg.readme
    out["index.md"] = (
        f'!!! note "API version {pkg.api_version} — package `{n}` {pkg.version}"\n'
        f"    Other API versions: see [Versions](versions.md).\n\n" + readme
    )
    sync, *rest = pkg.clients
    client_page = [f"# Clients\n\n`{sync}` (blocking) and `{rest[0] if rest else ''}` (asyncio).\n"]
    for cls in pkg.clients:
        client_page.append(f"::: {n}.{cls}\n    options:\n      members: true\n")
    out["client.md"] = "\n".join(client_page)
    for attr, cls, doc in pkg.namespaces:
        first = doc.strip().splitlines()[0] if doc.strip() else ""
        out[f"namespaces/{attr}.md"] = (
            f"# client.{attr}\n\n{first}\n\n"
            f"Sync: `client.{attr}` is a `{cls}`; async: `Async{cls}` "
            "(the same methods, awaited).\n\n"
            f"::: {n}.resources.{attr}.{cls}\n\n"
            f"::: {n}.resources.{attr}.Async{cls}\n"
        )
    if pkg.objects is not None:
        out.update(object_pages(n, pkg.objects))
    out["models.md"] = (
        "# Models\n\nPydantic v2 models of the API's schemas "
        "(responses parse unknown enum values).\n\n"
        f"::: {n}.models\n    options:\n      show_root_heading: false\n      heading_level: 2\n"
    )
    out["futures.md"] = (
        "# Futures\n\nWhat a long-running create returns: `result(timeout=None, progress=False)`, "
        "`status()`, `cancel()`, `add_done_callback()`.\n\n"
        f"::: {n}._polling.{pkg.clients[0].removesuffix('Client')}PollingFuture\n\n"
        f"::: {n}._polling.Async{pkg.clients[0].removesuffix('Client')}PollingFuture\n\n"
        f"::: {n}._polling.wait_all\n\n::: {n}._polling.as_completed\n"
    )
    out["errors.md"] = (
        f"# Errors\n\n::: {n}._exceptions\n    options:\n      show_root_heading: false\n"
    )
    if pkg.api_md:
        out["api.md"] = pkg.api_md
    out["versions.md"] = (
        "# Versions\n\nOne package per API version; pin the client to your server's API "
        "version.\n\n" + version_table(all_versions, pkg.api_version)
    )
    return out


def object_pages(n: str, objects: Objects) -> dict[str, str]:
    """The object layer's pages: its entry class, one page per resource class, and the page
    of objects a paged list returns."""
    entry, resources = objects.entry, objects.resources
    listing = "".join(f"* [`{cls}`]({cls}.md)\n" for cls in resources)
    if objects.page:
        listing += f"\nA paged list returns a [`{objects.page}`]({objects.page}.md) of them.\n"
    out = {
        "objects/index.md": (
            f"# Objects\n\n`{n}.{entry}()` (blocking) and `{n}.Async{entry}()` (asyncio) "
            "return resource objects, made from the response `links` of the API's document: "
            "each holds its data (`.data`) and the plain client (`.api`), and each linked "
            f"operation is a method.\n\nResource classes:\n\n{listing}\n"
            f"::: {n}.objects.{entry}\n\n::: {n}.objects.Async{entry}\n"
        )
    }
    for cls in resources:
        out[f"objects/{cls}.md"] = (
            f"# {cls}\n\nSync: `{cls}`; async: `Async{cls}` (the same methods, awaited).\n\n"
            f"::: {n}.objects.{cls}\n\n::: {n}.objects.Async{cls}\n"
        )
    if objects.page:
        cls = objects.page
        out[f"objects/{cls}.md"] = (
            f"# {cls}\n\nWhat a method returning a paged list of objects returns: `.items` "
            "are this page's objects, `.page` the plain page they were made from; iterating "
            "walks every object of this page and of the pages after it, fetching each next "
            "page only when the one before has been consumed (again on each iteration).\n\n"
            f"Sync: `{cls}` (`for`, `get_next_page()`, `iter_pages()`); async: `Async{cls}` "
            "(`async for`, `await aget_next_page()`, `aiter_pages()`).\n\n"
            f"::: {n}.objects.{cls}\n\n::: {n}.objects.Async{cls}\n"
        )
    return out


def config(pkg: Package, site_dir: Path, docs_dir: Path) -> str:
    nav = [
        "  - Quick start: index.md",
        "  - Clients: client.md",
        "  - Namespaces:",
        *[f"      - client.{attr}: namespaces/{attr}.md" for attr, _, _ in pkg.namespaces],
        *(
            [
                "  - Objects:",
                "      - Overview: objects/index.md",
                *[f"      - {cls}: objects/{cls}.md" for cls in pkg.objects.resources],
                *(
                    [f"      - {pkg.objects.page}: objects/{pkg.objects.page}.md"]
                    if pkg.objects.page
                    else []
                ),
            ]
            if pkg.objects is not None
            else []
        ),
        "  - Models: models.md",
        "  - Futures: futures.md",
        "  - Errors: errors.md",
        *(["  - All methods: api.md"] if pkg.api_md else []),
        "  - Versions: versions.md",
    ]
    return (
        f"INHERIT: {BASE_CONFIG}\n"
        f"site_name: {pkg.name} {pkg.version} (API {pkg.api_version})\n"
        f"docs_dir: {docs_dir}\n"
        f"site_dir: {site_dir}\n"
        "nav:\n" + "\n".join(nav) + "\n"
    )


def build_version(
    api_version: str,
    out: Path,
    work: Path,
    all_versions: list[str],
    generated: Path = GENERATED,
) -> Path:
    """Render one version's site into ``out/<api_version>/``; returns that directory."""
    pkg = read_package(api_version, generated)
    docs_dir = work / api_version / "docs"
    shutil.rmtree(work / api_version, ignore_errors=True)
    for rel, text in pages(pkg, all_versions).items():
        path = docs_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copy(EXTRA_CSS, docs_dir / "extra.css")
    site_dir = out / api_version
    cfg = work / api_version / "mkdocs.yml"
    cfg.write_text(config(pkg, site_dir, docs_dir), encoding="utf-8")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet", "-f", str(cfg)]
    env = {**os.environ, "DOCS_PACKAGE_SRC": str(pkg.src)}
    proc = subprocess.run(mkdocs, cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build failed for {api_version}:\n{proc.stdout}{proc.stderr}")
    return site_dir


def write_index(out: Path, all_versions: list[str]) -> None:
    items = "\n".join(
        f'<li><a href="{v}/">API {html.escape(v)}</a>'
        f" — {html.escape(read_package(v).name)} {html.escape(read_package(v).version)}</li>"
        for v in reversed(all_versions)
    )
    out.joinpath("index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>API reference</title>\n"
        "<h1>API reference</h1>\n<p>One site per API version (newest first):</p>\n"
        f"<ul>\n{items}\n</ul>\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("versions", nargs="*", help="API versions (default: every generated one)")
    parser.add_argument("--out", default=str(ROOT / "site"), help="default: site/")
    parser.add_argument("--work", default=str(ROOT / "build" / "docs"), help="default: build/docs/")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    all_versions = versions()
    wanted = args.versions or all_versions
    unknown = [v for v in wanted if v not in all_versions]
    if unknown:
        print(f"error: not generated: {', '.join(unknown)} (run make generate)", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for version in wanted:
        site = build_version(version, out, Path(args.work).resolve(), all_versions)
        if not args.quiet:
            print(f"{version}: {_rel(site)}/index.html")
    write_index(out, all_versions)
    return 0


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
