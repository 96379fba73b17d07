"""The rendered runtime passes ruff check, ruff format --check and mypy --strict."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from tests.runtime.rendered import PACKAGE_DIR

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE.parent.parent / "templates" / "runtime"


def run(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=PACKAGE_DIR.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff not installed")
def test_ruff_check_and_format() -> None:
    run("ruff", "check", "--no-cache", "--config", str(HERE / "ruff.toml"), PACKAGE_DIR.name)
    run(
        "ruff",
        "format",
        "--no-cache",
        "--check",
        "--config",
        str(HERE / "ruff.toml"),
        PACKAGE_DIR.name,
    )


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy not installed")
@pytest.mark.parametrize("plugin", [True, False], ids=["pydantic-plugin", "no-plugin"])
def test_mypy_strict(plugin: bool, tmp_path: Path) -> None:
    config = tmp_path / "mypy.ini"
    text = (HERE / "mypy.ini").read_text()
    if not plugin:
        text = text.replace("plugins = pydantic.mypy\n", "")
    config.write_text(text)
    run(
        "mypy",
        "--config-file",
        str(config),
        PACKAGE_DIR.name,  # the session's mypy cache (MYPY_CACHE_DIR, tests/conftest.py)
    )


def test_every_template_is_rendered_and_sync_async_share_one_source() -> None:
    names = sorted(p.name[: -len(".jinja")] for p in TEMPLATES.glob("*.py.jinja"))
    assert names == sorted(p.name for p in PACKAGE_DIR.glob("_*.py") if p.name != "__init__.py")
    for name in ("_base_client", "_polling", "_streaming"):
        source = (TEMPLATES / f"{name}.py.jinja").read_text()
        assert "{% for m in modes %}" in source
