"""Formatting the rendered tree with the pinned ruff: fixes (unused imports, import order),
then format.

Ruff reads the generated project's own ``pyproject.toml``, so the rules that apply are the ones
shipped with the package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..errors import SpecError


def _ruff() -> list[str]:
    local = Path(sys.executable).with_name("ruff")
    if local.exists():
        return [str(local)]
    found = shutil.which("ruff")
    if found:
        return [found]
    return [sys.executable, "-m", "ruff"]


def format_tree(root: Path) -> None:
    """Run ``ruff check --fix`` and ``ruff format`` on a rendered project directory."""
    env = {**os.environ, "RUFF_NO_CACHE": "true"}
    base = _ruff()
    # --fix-only: apply fixes, never fail on what remains (``make lint`` reports that).
    for args in (
        ["check", "--fix-only", "--quiet", "--no-cache", "--exit-zero", "."],
        ["format", "--quiet", "--no-cache", "."],
    ):
        proc = subprocess.run(
            base + args, cwd=root, env=env, capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()[-20:]
            raise SpecError(
                "the rendered code does not parse (a generator or template bug):\n"
                + "\n".join(detail)
            )
