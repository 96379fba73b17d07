"""Compare two OpenAPI documents and classify every change for a client user (see compare.py)."""

from .compare import HTTP_METHODS, Change, DiffResult, diff_documents, diff_files, load_document

__all__ = ["HTTP_METHODS", "Change", "DiffResult", "diff_documents", "diff_files", "load_document"]
