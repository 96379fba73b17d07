"""Where the toolchain's own files are: this repository's ``spec/`` and ``generated/``, and the
overlay a spec gets by convention.

The commands read these names through this module (``layout.SPEC_DIR``, ``layout.spec_files()``)
so that a test can point every command at a copy of the layout at once.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SPEC_DIR = ROOT / "spec"
OUT_DIR = ROOT / "generated"
OVERLAY = "overlay"


def overlay_of(spec: Path) -> Path | None:
    """The overlay a spec gets without ``--overlay``: ``spec/overlay/`` for a spec in this
    repository's ``spec/`` (the convention ``make generate`` relies on), else none.

    Outside ``spec/`` an overlay is used only when named (``generate --overlay DIR``): an
    ``overlay/`` directory that merely sits beside a user's spec may hold anything, and its
    code would be copied into their package unasked (``unnamed_overlay`` finds it, for a note)."""
    if spec.resolve().parent != SPEC_DIR.resolve():
        return None
    candidate = spec.parent / OVERLAY
    return candidate if candidate.is_dir() else None


def unnamed_overlay(spec: Path) -> Path | None:
    """An ``overlay/`` directory beside a spec outside ``spec/``: not used unless named."""
    candidate = spec.parent / OVERLAY
    if candidate.is_dir() and overlay_of(spec) is None:
        return candidate
    return None


def spec_files(spec_dir: Path | None = None) -> list[Path]:
    """Every API version's spec, oldest first (the file name is the API version)."""
    spec_dir = SPEC_DIR if spec_dir is None else spec_dir
    return sorted(p for p in spec_dir.glob("*.yaml") if not p.name.startswith("."))


def rel(path: Path) -> str:
    """``path`` relative to the working directory when it is under it (for messages)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
