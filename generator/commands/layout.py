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
    """The overlay of a spec: the ``overlay/`` directory beside it, if there is one."""
    candidate = spec.parent / OVERLAY
    return candidate if candidate.is_dir() else None


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
