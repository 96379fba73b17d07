"""The package README's "Testing against a mock" example, run as a downstream team would run it.

For each API version: a clean venv gets the built wheel and pytest (offline, see _offline.py);
the section's code blocks, read from the README inside the wheel (the text the index shows), are
written to the files their first line names (`# conftest.py`, `# test_with_mock.py`) and run
with that venv's pytest. Their fixture starts Prism (node_modules/.bin on PATH) on the document
the wheel carries (`runrl.openapi_spec_path()`) and stops it. The section "Unit tests without a
server" (RunRL's overlay: an `httpx.MockTransport` fixture) runs beside it, when the README has it.
"""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

from generator.cli import spec_files
from tests.contract._support import node_tool
from tests.release._offline import Build, clean_venv, pip, pip_env

SECTION = "## Testing against a mock of this API version"
UNIT_SECTION = "## Unit tests without a server"
_FENCE = re.compile(r"^```python\n(.*?)^```[ \t]*$", re.M | re.S)
_FILE = re.compile(r"# ([A-Za-z0-9_]+\.py)\n")


def readme_of(wheel: Path) -> str:
    """The long description in the wheel's METADATA: the package README."""
    with zipfile.ZipFile(wheel) as whl:
        name = next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))
        message = HeaderParser().parsestr(whl.read(name).decode("utf-8"))
    body = message.get_payload()
    assert isinstance(body, str) and body.strip(), "the wheel's METADATA has no README"
    return body


def example_files(readme: str, heading: str = SECTION) -> dict[str, str]:
    """File name -> code, for the section's blocks whose first line names a file."""
    assert heading in readme, f"the README has no {heading!r} section"
    section = readme.split(heading, 1)[1].split("\n## ", 1)[0]
    files = {}
    for code in _FENCE.findall(section):
        named = _FILE.match(code)
        assert named, f"a block of {heading!r} does not start with '# <file>.py':\n{code[:200]}"
        files[named.group(1)] = code
    return files


@pytest.mark.slow
@pytest.mark.node
@pytest.mark.parametrize("api_version", [p.stem for p in spec_files()])
def test_package_readme_mock_example_runs_from_the_installed_wheel(
    api_version: str, release_build: Build, wheelhouse: Path, tmp_path: Path
) -> None:
    prism = node_tool("prism")
    wheel = release_build.wheel(api_version)
    readme = readme_of(wheel)
    files = example_files(readme)
    assert set(files) == {"conftest.py", "test_with_mock.py"}, sorted(files)
    unit = example_files(readme, UNIT_SECTION) if UNIT_SECTION in readme else {}
    assert not set(unit) & set(files), sorted(unit)
    files.update(unit)
    python = clean_venv(tmp_path / "venv")
    pip(
        python, "install", "-q", "--no-index", "--find-links", str(wheelhouse), str(wheel), "pytest"
    )
    project = tmp_path / "downstream"
    project.mkdir()
    for name, code in files.items():
        (project / name).write_text(code, encoding="utf-8")
    env = {**pip_env(), "PATH": f"{prism.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]
    tests = sum(len(re.findall(r"^def test_", code, re.M)) for code in files.values())
    assert re.search(rf"\b{tests} passed\b", proc.stdout), proc.stdout[-3000:]
