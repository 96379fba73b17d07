"""The parts of the package README that are computed rather than written: the contents line
(from ``ir.Docs.sections`` and the overlay's sections) and the overlay's sections themselves."""

from __future__ import annotations

from .. import ir
from ..read.overlay import Overlay, anchor

_WIDTH = 100


def contents(docs: ir.Docs, overlay: Overlay | None) -> str:
    """``Contents: [Quick start](#quick-start) · ...``, wrapped, ending with ``Methods``; the
    overlay's sections come before ``Methods``."""
    sections = list(docs.sections)
    extra = [(s.title, s.title) for s in overlay.sections] if overlay else []
    sections[-1:-1] = extra
    items = [f"[{label}]({anchor(heading)})" for label, heading in sections]
    lines: list[str] = []
    line = "Contents:"
    for item in items:
        if len(line) + len(item) + 3 > _WIDTH and line != "Contents:":
            lines.append(line + " ·")
            line = item
        else:
            line = f"{line} · {item}" if line != "Contents:" else f"{line} {item}"
    lines.append(line)
    return "\n".join(lines)


def overlay_sections(pkg: ir.Package, overlay: Overlay | None) -> list[str]:
    """The overlay's README sections with ``$package``, ``$version``, ``$api_version`` and
    ``$pin`` filled in."""
    if overlay is None:
        return []
    values = {
        "package": pkg.name,
        "version": pkg.version,
        "api_version": pkg.api_version.value,
        "pin": f"{pkg.name}~={pkg.version.rsplit('.', 1)[0]}.0",
    }
    return [section.render(values) for section in overlay.sections]
