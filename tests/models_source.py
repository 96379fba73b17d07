"""The models of a generated package as one text, whether they are one module (``models.py``)
or split into one module per model (``models/``, generator/models/split.py)."""

from __future__ import annotations

from pathlib import Path


def models_source(where: Path | dict[str, str]) -> str:
    """``where``: the package folder (``out/src/<pkg>``), or the generated files by path."""
    if isinstance(where, dict):
        single = [text for name, text in where.items() if name.endswith("/models.py")]
        parts = sorted(
            (n, t) for n, t in where.items() if "/models/_" in n and not n.endswith("/__init__.py")
        )
        return single[0] if single else "\n".join(t for _, t in parts)
    if (where / "models.py").exists():
        return (where / "models.py").read_text(encoding="utf-8")
    files = sorted(p for p in (where / "models").glob("_*.py") if p.name != "__init__.py")
    return "\n".join(p.read_text(encoding="utf-8") for p in files)
