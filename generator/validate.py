"""Structural validation of a spec with openapi-spec-validator, reported as file:line: pointer."""

from __future__ import annotations

from typing import Any

from .errors import SpecError, escape_pointer_token, pointer
from .load import SpecDocument
from .refs import Resolver

MAX_REPORTED = 20


def validate_document(doc: SpecDocument) -> None:
    """Raise SpecError (up to MAX_REPORTED problems) if the document is not valid OpenAPI."""
    version = str(doc.data.get("openapi", doc.data.get("swagger", "")))
    if not version:
        raise doc.error("not an OpenAPI document: no 'openapi' field", "")
    if not version.startswith(("3.0", "3.1")):
        raise doc.error(
            f"OpenAPI {version} is not supported "
            "(expected 3.0.x or 3.1.x; convert Swagger 2.0 first)",
            "/openapi" if "openapi" in doc.data else "/swagger",
        )
    # Imported lazily: it is the slowest import of the generator and only needed here.
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    check_refs(doc)
    validator_cls: Any = (
        OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    )
    problems: list[SpecError] = []
    errors = validator_cls(doc.data).iter_errors()
    try:
        for err in errors:
            path = list(getattr(err, "absolute_path", None) or getattr(err, "path", []) or [])
            problems.append(doc.error(_short(err.message), pointer(*path)))
            if len(problems) >= MAX_REPORTED:
                break
    except Exception as exc:  # the validator's later passes can crash on a malformed document
        if not problems:
            raise doc.error(
                f"the document could not be validated ({type(exc).__name__}: {exc})", ""
            ) from None
    if problems:
        first = problems[0]
        if len(problems) > 1:
            rest = "\n".join(str(p) for p in problems[1:])
            first = SpecError(
                f"{first.message}\n{rest}", file=first.file, pointer=first.pointer, line=first.line
            )
        raise first


def check_refs(doc: SpecDocument) -> None:
    """Every local ``$ref`` must resolve (checked first: the validator crashes on broken ones)."""
    resolver = Resolver(doc.data)
    stack: list[tuple[Any, str]] = [(doc.data, "")]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    resolver.lookup(ref, ptr)
                except SpecError as exc:
                    raise doc.error(exc.message, exc.pointer) from None
            for key, value in node.items():
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{ptr}/{escape_pointer_token(key)}"))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{ptr}/{index}"))


def _short(message: str, limit: int = 300) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
