"""Publishing to a real package index, and installing from it as a downstream team does.

A pypiserver on 127.0.0.1 (started and stopped here) receives every API version's wheel and
sdist from `make build`, with the maintainer's command from the README (`twine upload`).
Then, for each API version in spec/ + spec/versions.toml, a clean venv runs the downstream
team's command, `pip install 'runrl~=<major>.<api digits>.0'`, and must get that
API version's distribution (from the index; its dependencies from the offline wheelhouse, see
_offline.py), never another API version's, even a newer one on the same major. A patch release
and the next major of that API version, built from temporary copies of spec/ with a bumped
versions.toml (spec/ and generated/ are never touched), are uploaded afterwards: `pip install -U`
with the same pin takes the patch and refuses the major, which the index does serve to a pin
on it. The index also holds, from the start, a newer API version on the latest major (a copy of
the newest spec dated one day later), so even the newest real API version shows that `~=` does
not cross to the next API version.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import shutil
import subprocess
import sys
import time
import tomllib
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from generator.cli import generate_package, spec_files
from generator.read.load import load_spec
from tests.release._offline import ROOT, Build, clean_venv, pip, pip_env, run
from tests.versions import copy_spec_extras

SPECS = {p.stem: p for p in spec_files()}  # API version -> spec/<api-version>.yaml
TABLE: dict[str, dict[str, int]] = tomllib.loads((ROOT / "spec" / "versions.toml").read_text())

pytestmark = pytest.mark.slow


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Index:
    """A pypiserver serving ``packages`` on 127.0.0.1; anyone may upload (no passwords)."""

    packages: Path
    log: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def simple(self) -> str:
        return f"{self.url}simple/"

    def start(self) -> Index:
        for _attempt in range(3):  # a port taken between _free_port() and the server's bind
            self.port = _free_port()
            cmd = [sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1"]
            cmd += ["-p", str(self.port), "-a", ".", "-P", ".", "--disable-fallback"]
            cmd += ["--backend", "simple-dir", "--server", "wsgiref", str(self.packages)]
            with self.log.open("ab") as log:
                self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + 30
            while self.proc.poll() is None and time.monotonic() < deadline:
                with contextlib.suppress(OSError):
                    with urllib.request.urlopen(f"{self.url}health", timeout=2) as answer:
                        if answer.status == 200:
                            return self
                time.sleep(0.1)
            self.stop()
        raise RuntimeError(f"pypiserver did not start:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)

    def upload(self, *files: Path) -> subprocess.CompletedProcess[str]:
        """The README's `twine upload` (any user name and password: uploads are open here).

        twine's ``--skip-existing`` works with PyPI only, so each upload names new files.
        """
        cmd = [sys.executable, "-m", "twine", "upload", "--non-interactive"]
        cmd += ["--disable-progress-bar", "--config-file", str(self.packages.parent / "pypirc")]
        cmd += ["--repository-url", self.url, "-u", "maintainer", "-p", "unused"]
        return subprocess.run(
            cmd + [str(f) for f in files],
            env=pip_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def files(self) -> str:
        with urllib.request.urlopen(f"{self.simple}runrl/", timeout=10) as answer:
            return str(answer.read().decode("utf-8"))


# ----------------------------------------------------------------------------- later releases


@dataclass(frozen=True)
class Release:
    version: str
    files: tuple[Path, Path]  # wheel, sdist


def build_copy(work: Path, table: dict[str, dict[str, int]], only: list[str]) -> dict[str, Release]:
    """Generate and build, from ``work/spec`` with ``table`` as its versions.toml, the API
    versions in ``only``, with the Makefile's build command."""
    spec_dir = work / "spec"
    (spec_dir / "versions.toml").write_text(
        "".join(
            f'["{v}"]\nmajor = {e["major"]}\npatch = {e["patch"]}\n\n' for v, e in table.items()
        )
    )
    out: dict[str, Release] = {}
    for api_version in only:
        package = work / "generated" / api_version
        report = generate_package(spec_dir / f"{api_version}.yaml", package)
        dist = work / "dist"
        run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(package)])
        version = report.package_version
        out[api_version] = Release(
            version, (dist / f"runrl-{version}-py3-none-any.whl", dist / f"runrl-{version}.tar.gz")
        )
    return out


def spec_copy(work: Path) -> Path:
    (work / "spec").mkdir(parents=True)
    for path in SPECS.values():
        shutil.copy(path, work / "spec" / path.name)
    copy_spec_extras(work / "spec")
    return work


@dataclass(frozen=True)
class Later:
    patch: dict[str, Release]  # each API version with patch + 1
    major: dict[str, Release]  # each API version with major + 1 (patch 0)
    next_api: Release  # a newer API version on the newest entry's major


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Later:
    tmp = tmp_path_factory.mktemp("later")
    versions = list(SPECS)
    patched = {v: {"major": e["major"], "patch": e["patch"] + 1} for v, e in TABLE.items()}
    majors = {v: {"major": e["major"] + 1, "patch": 0} for v, e in TABLE.items()}
    newest = versions[-1]
    try:
        next_day = datetime.date.fromisoformat(newest) + datetime.timedelta(days=1)
    except ValueError:
        pytest.fail(f"API version {newest!r} is not a date: this test makes the next one by date")
    next_version = next_day.isoformat()
    work = spec_copy(tmp / "next-api")
    data = load_spec(SPECS[newest]).data
    data["info"]["version"] = next_version
    (work / "spec" / f"{next_version}.yaml").write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    next_table = {**TABLE, next_version: {"major": TABLE[newest]["major"], "patch": 0}}
    return Later(
        patch=build_copy(spec_copy(tmp / "patch"), patched, versions),
        major=build_copy(spec_copy(tmp / "major"), majors, versions),
        next_api=build_copy(work, next_table, [next_version])[next_version],
    )


@pytest.fixture(scope="module")
def index(
    release_build: Build, later: Later, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Index]:
    """The index, holding every API version's wheel and sdist, and a newer API version."""
    tmp = tmp_path_factory.mktemp("index")
    (tmp / "packages").mkdir()
    (tmp / "pypirc").write_text("")
    server = Index(tmp / "packages", tmp / "pypiserver.log").start()
    try:
        dists = sorted(release_build.dist.glob("runrl-*"))
        published = server.upload(*dists, *later.next_api.files)
        assert published.returncode == 0, published.stdout + published.stderr
        yield server
    finally:
        server.stop()


# ------------------------------------------------------------------------------ downstream side


def install(python: Path, index: Index, wheelhouse: Path, *args: str) -> dict[str, str]:
    """`pip install --index-url <index> <args>` in ``python``'s venv; what pip says it took for
    runrl ({"version", "url"}; empty if runrl was already satisfied)."""
    report = python.parent.parent / "pip-report.json"
    pip(python, "install", "--quiet", "--report", str(report), "--index-url", index.simple,
        "--find-links", str(wheelhouse), *args)  # fmt: skip
    for item in json.loads(report.read_text())["install"]:
        if item["metadata"]["name"] == "runrl":
            return {"version": item["metadata"]["version"], "url": item["download_info"]["url"]}
    return {}


PROBE = """
import hashlib, importlib.metadata, runrl
print(runrl.__version__, importlib.metadata.version("runrl"), runrl.API_VERSION,
      hashlib.sha256(runrl.openapi_spec().encode()).hexdigest())
"""


def installed(python: Path) -> tuple[str, str, str, str]:
    """(runrl.__version__, the distribution's version, API_VERSION, sha256 of the document)."""
    out = run([str(python), "-c", PROBE], cwd=python.parent.parent).split()
    assert len(out) == 4, out
    return out[0], out[1], out[2], out[3]


def sha256_of(spec: Path) -> str:
    import hashlib

    return hashlib.sha256(spec.read_text(encoding="utf-8-sig").encode()).hexdigest()


def test_index_serves_a_wheel_and_an_sdist_of_every_api_version(
    index: Index, release_build: Build
) -> None:
    listing = index.files()
    assert sorted(release_build.versions) == sorted(SPECS)
    for api_version in SPECS:
        assert release_build.wheel(api_version).name in listing
        assert release_build.sdist(api_version).name in listing


def test_the_index_refuses_to_replace_a_published_version(
    index: Index, release_build: Build, tmp_path: Path
) -> None:
    """Like PyPI: a published file never changes, a fix needs a new (patch) version."""
    published = release_build.wheel(next(iter(SPECS)))
    altered = tmp_path / published.name
    shutil.copy(published, altered)
    with zipfile.ZipFile(altered, "a") as wheel:
        wheel.writestr("runrl/_changed.py", "")
    again = index.upload(altered)
    assert again.returncode != 0
    assert "400 Bad Request" in " ".join((again.stdout + again.stderr).split())
    url = f"{index.url}packages/{published.name}"
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.read() == published.read_bytes()


@pytest.mark.parametrize("api_version", list(SPECS))
def test_the_pin_takes_its_api_version_then_its_patch_never_another_api_or_major(
    api_version: str,
    index: Index,
    later: Later,
    release_build: Build,
    wheelhouse: Path,
    tmp_path: Path,
) -> None:
    version = release_build.versions[api_version]
    major, digits, _patch = version.split(".")
    pin = f"runrl~={major}.{digits}.0"
    document = sha256_of(SPECS[api_version])
    python = clean_venv(tmp_path / "venv")

    # 1. The index holds every API version (and a newer one on the same major): the pin takes
    #    this one, from the index.
    took = install(python, index, wheelhouse, pin)
    assert took["version"] == version, took
    assert took["url"].startswith(index.url), took
    assert installed(python) == (version, version, api_version, document)

    # 2. A patch release and the next major of this API version are published.
    patch, next_major = later.patch[api_version], later.major[api_version]
    published = index.upload(*patch.files, *next_major.files)
    assert published.returncode == 0, published.stdout + published.stderr

    # 3. Upgrading with the same pin takes the patch, not the next major.
    took = install(python, index, wheelhouse, "--upgrade", pin)
    assert took["version"] == patch.version, took
    assert installed(python) == (patch.version, patch.version, api_version, document)

    # 4. The next major is on the index: a pin on it gets it, an unpinned install would too.
    nothing_installed = ["--dry-run", "--ignore-installed"]
    took = install(python, index, wheelhouse, *nothing_installed, f"runrl~={next_major.version}")
    assert took["version"] == next_major.version, took
    unpinned = install(python, index, wheelhouse, *nothing_installed, "runrl")
    assert int(unpinned["version"].split(".")[0]) > int(major), unpinned


def test_an_sdist_from_the_index_builds_and_installs_offline(
    index: Index, release_build: Build, wheelhouse: Path, tmp_path: Path
) -> None:
    """pip builds the sdist in its isolated build env; hatchling comes from the wheelhouse."""
    newest = list(SPECS)[-1]
    version = release_build.versions[newest]
    python = clean_venv(tmp_path / "venv")
    took = install(python, index, wheelhouse, "--no-binary", "runrl", f"runrl=={version}")
    assert took["url"].endswith(f"/runrl-{version}.tar.gz"), took
    assert installed(python)[:3] == (version, version, newest)
