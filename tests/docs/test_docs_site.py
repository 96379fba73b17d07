"""``make docs``: a static reference site per API version (mkdocs + mkdocstrings, from the
docstrings the spec produced), checked as files and in headless Chromium (Debian's ``chromium``,
which ``.ci/run`` installs).

``UPDATE_SCREENSHOTS=1`` also writes the browser's screenshot of ``runs.create`` to
``docs/img/docs-runs-create.png`` (the one the README shows).
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.serving import serve_http, url_of

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
VERSIONS = sorted(p.name for p in GENERATED.glob("*") if (p / "pyproject.toml").is_file())
RUNS_CREATE_PARAMS = ("model", "prompt_file_id", "reward_file_id", "completion_length", "epochs")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every version's site, built by docs/build.py (what ``make docs`` runs) into a temp dir."""
    pytest.importorskip("mkdocstrings_handlers.python", reason="pinned in requirements/dev.txt")
    if not VERSIONS:
        pytest.fail("no generated packages: run `make generate` first")
    out = tmp_path_factory.mktemp("site")
    work = tmp_path_factory.mktemp("docs-work")
    proc = subprocess.run(
        [sys.executable, "docs/build.py", "--out", str(out), "--work", str(work)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines() == [f"{v}: {out / v}/index.html" for v in VERSIONS]
    return out


def text_of(page: Path) -> str:
    """The visible text of a page, roughly: tags dropped, entities decoded, spaces collapsed."""
    raw = page.read_text(encoding="utf-8")
    raw = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", raw)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def namespaces(version: str) -> list[str]:
    resources = GENERATED / version / "src" / "runrl" / "resources"
    return sorted(p.stem for p in resources.glob("*.py") if not p.name.startswith("_"))


@pytest.mark.parametrize("version", VERSIONS)
def test_quick_start_page(site: Path, version: str) -> None:
    text = text_of(site / version / "index.html")
    package_version = tomllib.loads((GENERATED / version / "pyproject.toml").read_text())[
        "project"
    ]["version"]
    assert f"API {version}" in text
    assert "Quick start" in text
    pin = package_version.rsplit(".", 1)[0] + ".0"  # ~=<major>.<api>.0: every patch release
    assert f"pip install 'runrl~={pin}'" in text
    assert "from runrl import RunRLClient" in text


@pytest.mark.parametrize("version", VERSIONS)
def test_a_page_per_namespace_with_sync_and_async_classes(site: Path, version: str) -> None:
    names = namespaces(version)
    assert {"files", "runs", "deployments"} <= set(names)
    for name in names:
        page = site / version / "namespaces" / name / "index.html"
        assert page.is_file(), f"no page for client.{name}"
        raw = page.read_text(encoding="utf-8")
        assert re.search(rf'id="runrl\.resources\.{name}\.\w+"', raw)
        assert re.search(rf'id="runrl\.resources\.{name}\.Async\w+"', raw)
    runs = text_of(site / version / "namespaces" / "runs" / "index.html")
    # docstrings from the spec: summaries, descriptions, parameter descriptions
    assert "Create a run" in runs and "POST /runs" in runs
    assert "The base model to train" in runs
    assert "follow" in runs and "stream_logs" in runs


@pytest.mark.parametrize("version", VERSIONS)
def test_models_clients_futures_errors_and_versions(site: Path, version: str) -> None:
    models = site / version / "models" / "index.html"
    raw = models.read_text(encoding="utf-8")
    for model in ("Run", "File", "Deployment", "RunStatus"):
        assert f'id="runrl.models.{model}"' in raw, model
    clients = site / version / "client" / "index.html"
    assert 'id="runrl.RunRLClient"' in clients.read_text(encoding="utf-8")
    assert 'id="runrl.AsyncRunRLClient"' in clients.read_text(encoding="utf-8")
    futures = text_of(site / version / "futures" / "index.html")
    assert "progress" in futures and "RunRLPollingFuture" in futures
    assert "RunFailedError" in text_of(site / version / "errors" / "index.html")
    versions = text_of(site / version / "versions" / "index.html")
    for other in VERSIONS:
        pkg = tomllib.loads((GENERATED / other / "pyproject.toml").read_text())["project"]
        assert f"{other}" in versions and pkg["version"] in versions
    assert "(this site)" in versions
    assert "latest" in versions
    index = (site / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{v}/"' in index for v in VERSIONS)


# ------------------------------------------------------------------------------ in a browser


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip(
            "chromium is not installed (Debian package `chromium`; .ci/run installs it with "
            "apt-get where apt is available)"
        )
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1 (as a person browsing it would get it)."""
    with serve_http(functools.partial(_QuietHandler, directory=str(site))) as server:
        yield url_of(server)


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    proc = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.mark.parametrize("version", VERSIONS)
def test_runs_create_renders_with_its_parameters_in_chromium(
    served: str, version: str, tmp_path: Path
) -> None:
    url = f"{served}/{version}/namespaces/runs/"
    dom = run_chromium(tmp_path, "--virtual-time-budget=5000", "--dump-dom", url).stdout
    anchor = 'id="runrl.resources.runs.Runs.create"'
    assert anchor in dom, dom[:2000]
    # the runs.create section: from its heading to the next method of Runs
    start = dom.index(anchor)
    following = re.compile(r'id="runrl\.resources\.runs\.(Async)?Runs\.(?!create")\w+"')
    end_match = following.search(dom, start + len(anchor))
    section = dom[start : end_match.start() if end_match else len(dom)]
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", section)))
    assert "Create a run" in text
    for name in RUNS_CREATE_PARAMS:
        assert re.search(rf"\b{name}\b", text), f"{name} not listed under runs.create"
    assert "RunRLPollingFuture" in text  # the return type
    # the page's JavaScript ran (the theme builds its navigation in the browser)
    assert "client.runs" in dom


def test_screenshot_of_runs_create(served: str, site: Path, tmp_path: Path) -> None:
    """A real rendering: a PNG of the runs.create section (the README shows one)."""
    version = VERSIONS[-1]
    frame = site / "runs-create-shot.html"
    frame.write_text(
        "<!doctype html><meta charset=utf-8><style>html,body{margin:0;height:100%;"
        "overflow:hidden}iframe{border:0;width:100%;height:100%}</style>"
        f'<iframe id=f src="{version}/namespaces/runs/"></iframe><script>'
        "const f=document.getElementById('f');f.onload=()=>{f.contentDocument"
        ".getElementById('runrl.resources.runs.Runs.create').scrollIntoView();"
        "f.contentWindow.scrollBy(0,-8);};</script>",
        encoding="utf-8",
    )
    shot = tmp_path / "runs-create.png"
    run_chromium(
        tmp_path,
        "--window-size=1280,1000",
        "--virtual-time-budget=5000",
        f"--screenshot={shot}",
        f"{served}/{frame.name}",
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 1000)
    assert len(data) > 50_000, "a blank page compresses to a few kB; a rendered one does not"
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        shutil.copy(shot, ROOT / "docs" / "img" / "docs-runs-create.png")


# ------------------------------------------------------------------------- the object layer


def test_a_page_per_resource_class(tmp_path: Path) -> None:
    """Generic: any package with an object layer (response ``links``) gets an Objects section,
    one page per resource class with its sync and async class (a RunRL-like document here;
    the released RunRL documents have no links yet)."""
    docs_build = _docs_build()
    from generator.pipeline import generate
    from tests.codegen.test_resources_body import SPEC

    spec = tmp_path / "trainer.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, tmp_path / "generated" / "v1")
    pkg = docs_build.read_package("v1", tmp_path / "generated")
    classes = ("DeploymentObject", "FileObject", "RunObject", "ToolObject")
    assert pkg.objects is not None and pkg.objects.entry == "Trainer"
    assert sorted(pkg.objects.resources) == sorted(classes) and pkg.objects.page == ""
    site = docs_build.build_version(
        "v1", tmp_path / "site", tmp_path / "work", [], generated=tmp_path / "generated"
    )
    overview = (site / "objects" / "index.html").read_text(encoding="utf-8")
    assert 'id="trainer.objects.Trainer"' in overview
    assert 'id="trainer.objects.AsyncTrainer"' in overview
    for cls in classes:
        raw = (site / "objects" / cls / "index.html").read_text(encoding="utf-8")
        assert f'id="trainer.objects.{cls}"' in raw and f'id="trainer.objects.Async{cls}"' in raw
    run = text_of(site / "objects" / "RunObject" / "index.html")
    assert "deploy" in run and "POST /deployments" in run and "with run_id, region" in run
    assert "RunObject" in text_of(site / "index.html")  # in the navigation
    assert not (site / "objects" / "ObjectPage").exists()  # nothing is paged here


def test_a_page_for_pages_of_objects(tmp_path: Path) -> None:
    """A method returning paged objects gives ``ObjectPage``/``AsyncObjectPage`` a page of
    their own, linked from the overview and the navigation."""
    docs_build = _docs_build()
    from generator.pipeline import generate
    from tests.codegen.test_resources import PAGED, _write

    generate(_write(tmp_path, PAGED), tmp_path / "generated" / "v1", skip_unsupported=True)
    pkg = docs_build.read_package("v1", tmp_path / "generated")
    assert pkg.objects is not None and pkg.objects.page == "ObjectPage"
    assert "ObjectPage" not in pkg.objects.resources
    site = docs_build.build_version(
        "v1", tmp_path / "site", tmp_path / "work", [], generated=tmp_path / "generated"
    )
    raw = (site / "objects" / "ObjectPage" / "index.html").read_text(encoding="utf-8")
    assert 'id="stock.objects.ObjectPage"' in raw and 'id="stock.objects.AsyncObjectPage"' in raw
    page = text_of(site / "objects" / "ObjectPage" / "index.html")
    assert "get_next_page" in page and "aget_next_page" in page and "iter_pages" in page
    assert "ObjectPage" in text_of(site / "objects" / "index.html")  # the overview links it
    assert "ObjectPage" in text_of(site / "index.html")  # in the navigation


def _docs_build() -> Any:
    """docs/build.py, imported (it is a script, not a package)."""
    pytest.importorskip("mkdocstrings_handlers.python", reason="pinned in requirements/dev.txt")
    import importlib.util

    loader = importlib.util.spec_from_file_location("docs_build", ROOT / "docs" / "build.py")
    assert loader is not None and loader.loader is not None
    docs_build = importlib.util.module_from_spec(loader)
    sys.modules["docs_build"] = docs_build  # dataclasses look their module up
    loader.loader.exec_module(docs_build)
    return docs_build
