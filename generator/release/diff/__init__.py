"""Compare two OpenAPI documents and classify every change for a client user.

``changes`` holds the rules (its docstring) and the result types, ``normalise`` reads a schema
with refs followed and allOf merged, ``schemas`` compares two schemas (their structure; each
level's own keywords: ``keywords``), ``operations`` walks the two documents' operations.
"""

from __future__ import annotations

from pathlib import Path

from ...build.extensions import read_extensions
from ...errors import SpecError
from ...read.load import SpecDocument, load_spec
from ...read.versions import api_version_of
from .changes import HTTP_METHODS, Change, DiffResult, markdown_by_operation
from .operations import Differ
from .surface import fingerprint, surface_of
from .surface_changes import diff_surfaces

__all__ = [
    "HTTP_METHODS",
    "Change",
    "DiffResult",
    "diff_documents",
    "diff_files",
    "fingerprint",
    "load_document",
    "markdown_by_operation",
    "surface_of",
]


def load_document(path: str | Path) -> SpecDocument:
    doc = load_spec(path)
    if "swagger" in doc.data and "openapi" not in doc.data:
        raise SpecError(
            f"Swagger {doc.data.get('swagger')} is not supported (OpenAPI 3.x only)",
            file=str(doc.path),
            line=1,
        )
    return doc


def diff_files(old: str | Path, new: str | Path) -> DiffResult:
    """Load two documents (YAML or JSON) and compare them."""
    return diff_documents(load_document(old), load_document(new))


def diff_documents(old: SpecDocument, new: SpecDocument, *, surface: bool = True) -> DiffResult:
    """Every change from ``old`` to ``new``, on the wire and (``surface``) in the generated
    client's Python surface. The new document's ``x-sdk`` extensions are checked first
    (``x-sdk-breaking-default`` is read from it)."""
    read_extensions(new)
    differ = Differ(old, new)
    try:
        differ.run()
    except SpecError as exc:  # a broken $ref: say in which document and where
        doc = new if exc.file == "new" else old
        raise doc.error(exc.message, exc.pointer) from None
    result = DiffResult(
        old=old.path,
        new=new.path,
        old_version=api_version_of(old) or old.path.stem,
        new_version=api_version_of(new) or new.path.stem,
        changes=differ.changes,
    )
    if surface:
        try:
            before, after = surface_of(old), surface_of(new)
        except SpecError as exc:  # the generator cannot build one of them: say so, wire only
            result.notes.append(f"the Python client surface was not compared: {exc}")
        else:
            result.changes += diff_surfaces(before, after, differ.changes)
    return result
