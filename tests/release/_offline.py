"""Clean virtual environments that install offline: a wheelhouse made from the repository's .venv.

The release tests install the built ``runrl`` wheels (and, in test_index.py, resolve them from a
local package index) in fresh venvs, as a downstream user would, but they must not need PyPI.
The dependencies (httpx, pydantic, ...; pytest and hatchling for some tests) are already
installed, at their pinned versions, in the .venv the tests run in. pip cannot download them
offline and cannot turn an installed distribution back into a wheel, so ``wheelhouse()`` does:
each distribution's files, as listed in its ``RECORD``, are zipped with its ``.dist-info`` into a
wheel named after the tags of its own ``WHEEL`` file (a new ``RECORD`` with fresh hashes). pip
then resolves and installs everything from ``--find-links`` (plus the local index), checking
every version against every requirement as it would from PyPI; nothing is installed
``--no-deps`` and no venv sees the .venv's site-packages.

Only the files inside site-packages are carried: console scripts are re-created by pip from
``entry_points.txt``; other ``.data`` files (none in the distributions used here) are dropped.

``pip_env()`` keeps pip away from every configured index (the machine's ``pip.conf``,
``PIP_*`` variables; each command names ``--no-index`` or the local index) and sends any request
beyond 127.0.0.1 to a closed local port, so a test that would need the network fails instead of
quietly using it.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata as md
import os
import re
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Build:
    """What `make build` made (tests/release/conftest.py, ``release_build``)."""

    dist: Path  # wheels and sdists
    output: str  # what `make build` printed
    versions: dict[str, str]  # API version -> package version, from spec/ and versions.toml

    def wheel(self, api_version: str) -> Path:
        return self.dist / f"runrl-{self.versions[api_version]}-py3-none-any.whl"

    def sdist(self, api_version: str) -> Path:
        return self.dist / f"runrl-{self.versions[api_version]}.tar.gz"


PIP = [sys.executable, "-m", "pip"]
# pip (the .venv's) installs into the clean venvs with --python: they need no pip of their own.
_PIP_FLAGS = ["--disable-pip-version-check", "--no-input", "--no-cache-dir"]
_SKIPPED_META = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
CLOSED = "http://127.0.0.1:9"  # the discard port: nothing listens, a connection is refused


def pip_env() -> dict[str, str]:
    """The environment for pip, twine and the venvs' Python: no config, no index, no network."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PIP_", "UV_", "TWINE_"))
        and k.upper() not in {"PYTHONPATH", "VIRTUAL_ENV", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"}
        and k.upper() != "NO_PROXY"
    }
    env.update(
        PIP_CONFIG_FILE=os.devnull,  # ignore /etc/pip.conf & co (indexes, find-links, constraints)
        HTTP_PROXY=CLOSED,
        HTTPS_PROXY=CLOSED,
        ALL_PROXY=CLOSED,
        NO_PROXY="127.0.0.1,localhost",
    )
    for key in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        env[key.lower()] = env[key]
    return env


def run(cmd: list[str], *, cwd: Path | None = None, timeout: float = 300) -> str:
    """Run ``cmd`` with ``pip_env()``; its stdout, or an AssertionError with its output."""
    proc = subprocess.run(
        cmd, cwd=cwd, env=pip_env(), capture_output=True, text=True, timeout=timeout, check=False
    )
    assert proc.returncode == 0, (
        f"{' '.join(cmd)} -> exit {proc.returncode}\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    )
    return proc.stdout


def pip(python: Path, *args: str, timeout: float = 300) -> str:
    """``pip --python <python> <args>`` (the .venv's pip, acting on another environment)."""
    command, *rest = args
    return run([*PIP, *_PIP_FLAGS, "--python", str(python), command, *rest], timeout=timeout)


def clean_venv(path: Path) -> Path:
    """A new venv without pip and without the system's or the .venv's packages; its python."""
    venv.create(path, with_pip=False, system_site_packages=False, symlinks=True)
    return path / "bin" / "python"


# ---------------------------------------------------------------------------------- wheelhouse


def closure(requirements: Iterable[str]) -> list[md.Distribution]:
    """The installed distributions ``requirements`` need (with markers and extras), each once.

    Fails when a requirement is missing from the .venv or its installed version does not
    satisfy it: the wheelhouse would not hold what pip needs.
    """
    seen: dict[str, md.Distribution] = {}
    todo = [(Requirement(r), "") for r in requirements]
    while todo:
        req, extra = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": extra}):
            continue
        try:
            dist = md.distribution(req.name)
        except md.PackageNotFoundError:
            raise AssertionError(f"{req} is needed offline but not installed in .venv") from None
        assert req.specifier.contains(dist.version, prereleases=True), (
            f"{req} is needed, .venv has {dist.version}"
        )
        key = f"{canonicalize_name(req.name)}[{','.join(sorted(req.extras))}]"
        if key in seen:
            continue
        seen[key] = dist
        for line in dist.requires or []:
            for wanted in ("", *sorted(req.extras)):
                todo.append((Requirement(line), wanted))
    unique: dict[str, md.Distribution] = {}
    for dist in seen.values():
        unique[canonicalize_name(dist.metadata["Name"])] = dist
    return [unique[name] for name in sorted(unique)]


def rewheel(dist: md.Distribution, out: Path) -> Path:
    """A wheel of the installed distribution ``dist`` in ``out`` (see the module docstring)."""
    files = dist.files
    assert files is not None, f"{dist.metadata['Name']}: no RECORD, cannot make a wheel of it"
    wheel_meta = HeaderParser().parsestr(dist.read_text("WHEEL") or "")
    tags = wheel_meta.get_all("Tag") or []
    assert tags, f"{dist.metadata['Name']}: its WHEEL file names no tag"
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"]).lower()
    target = out / f"{name}-{dist.version}-{tags[0]}.whl"
    record: list[str] = []
    info_dir = ""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as whl:
        for rel in sorted(files, key=str):
            parts = rel.parts
            if parts[0] == ".." or "__pycache__" in parts or rel.suffix == ".pyc":
                continue
            if parts[0].endswith(".dist-info"):
                info_dir = parts[0]
                if len(parts) == 2 and parts[1] in _SKIPPED_META:
                    continue
            data = Path(str(dist.locate_file(rel))).read_bytes()
            whl.writestr(rel.as_posix(), data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            record.append(f"{rel.as_posix()},sha256={digest.decode()},{len(data)}")
        assert info_dir, f"{dist.metadata['Name']}: no .dist-info in its RECORD"
        record.append(f"{info_dir}/RECORD,,")
        whl.writestr(f"{info_dir}/RECORD", "\n".join(record) + "\n")
    return target


def wheelhouse(requirements: Iterable[str], out: Path) -> Path:
    """``out`` holding a wheel of every installed distribution ``requirements`` need."""
    out.mkdir(parents=True, exist_ok=True)
    for dist in closure(requirements):
        rewheel(dist, out)
    return out


def wheel_requirements(wheel: Path) -> list[str]:
    """The ``Requires-Dist`` lines of a built wheel (its dependencies, extras included)."""
    with zipfile.ZipFile(wheel) as whl:
        metadata = next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))
        headers = HeaderParser().parsestr(whl.read(metadata).decode("utf-8"))
    return headers.get_all("Requires-Dist") or []
