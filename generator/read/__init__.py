"""Stage 1: read a spec file: load it (YAML/JSON with a line map), check every ``$ref`` resolves
inside it, apply its client annotations (annotations.py: OpenAPI Overlays), validate it against
OpenAPI 3.0/3.1 and reject infinite types. Everything after this
stage may assume a structurally valid document; every problem found here is located
(``file:line: /json/pointer: message``), all at once where possible."""

from __future__ import annotations

from pathlib import Path

from .load import SpecDocument, load_spec
from .validate import validate_document

__all__ = ["SpecDocument", "load_spec", "read_spec"]


def read_spec(path: str | Path) -> SpecDocument:
    """Load and validate one spec file."""
    doc = load_spec(path)
    validate_document(doc)
    return doc
