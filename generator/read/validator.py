"""Running openapi-spec-validator on a document and classifying what it finds.

Two passes: the OpenAPI JSON schema (fast), then the validator's semantic checks (schemas against
their dialect, defaults, parameters, operationIds). Each finding is ``(kind, message, pointer)``:
``"error"``, or the kind of a warning (unknown field, default that does not match, duplicate
values...). The validator is adapted here: every finding stamped with where it was found, no
``$ref`` fetched, no endless recursion on a schema that contains itself. The outcome depends only
on the document and this module, so validate.py caches it (cache.py) keyed by this file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..errors import pointer
from .cache import Finding

MAX_REPORTED = 20  # problems in one error report (validate.py); the validator stops at 5x as many


def run_validator(data: dict[str, Any]) -> list[Finding]:
    """Every finding of openapi-spec-validator on ``data``, classified and located."""
    validator = _validator_class(str(data.get("openapi")))(data)
    findings: list[Finding] = []
    structure_done = False
    try:
        for err in validator.schema_validator.iter_errors(data):
            findings.append(_structural(err))
            if len(findings) >= MAX_REPORTED * 5:
                break
        if any(kind == "error" for kind, _, _ in findings):
            return _explained(findings, data)  # the semantic checks assume a valid structure
        structure_done = True
        for err in validator.root_validator(validator.schema_path):
            finding = _semantic(err)
            if finding is not None:
                findings.append(finding)
            if len(findings) >= 2000:
                break
    except Exception as exc:  # the validator itself can fail on unusual documents
        message = " ".join(str(exc).split())[:200]
        if structure_done:
            # e.g. a RecursionError, or an ECMA-262 pattern Python's re cannot compile: the
            # document is structurally valid; its patterns the generator cannot use are dropped.
            findings.append(
                (
                    "validator",
                    f"the validator's semantic checks stopped ({type(exc).__name__}: {message}): "
                    "skipped (the structure was validated)",
                    "",
                )
            )
        elif not any(kind == "error" for kind, _, _ in findings):
            findings.append(
                (
                    "error",
                    f"the document could not be validated ({type(exc).__name__}: {message})",
                    "",
                )
            )
    return findings


def _explained(findings: list[Finding], data: dict[str, Any]) -> list[Finding]:
    """Replace "not valid under any of the given schemas" (the fast validator's message for a
    oneOf/anyOf) by the deepest specific problem, found with the pure-Python validator."""
    vague = [f for f in findings if f[0] == "error" and _VAGUE in f[1]]
    if not vague:
        return findings
    try:
        from openapi_spec_validator.schemas import schema_v30, schema_v31
        from openapi_spec_validator.schemas.backend.jsonschema import create_validator

        schema = schema_v31 if str(data.get("openapi")).startswith("3.1") else schema_v30
        python_validator = create_validator(schema)
        by_path: dict[str, Any] = {}
        for err in python_validator.iter_errors(data):
            by_path.setdefault(pointer(*_path_of(err)), err)
    except Exception:  # noqa: BLE001 - an explanation is best effort
        return findings
    out: list[Finding] = []
    for kind, message, where in findings:
        err = by_path.get(where) if kind == "error" and _VAGUE in message else None
        if err is not None:
            leaf = _deepest(err)
            message = _short(_first_paragraph(leaf.message))
            where = pointer(*_path_of(leaf))
        out.append((kind, message, where))
    return out


_VAGUE = "not valid under any of the"


def _deepest(err: Any) -> Any:
    """The most specific error in a oneOf/anyOf error tree: the deepest location, preferring
    a real mismatch over "'$ref' is a required property" (the Reference alternative)."""
    leaves = []
    stack = [err]
    while stack:
        node = stack.pop()
        if getattr(node, "context", None):
            stack.extend(node.context)
        else:
            leaves.append(node)

    def rank(e: Any) -> tuple[int, int]:
        not_ref = 0 if "'$ref' is a required property" in str(e.message) else 1
        return (len(_path_of(e)), not_ref)

    return max(leaves, key=rank) if leaves else err


def _structural(err: Any) -> Finding:
    from jsonschema.exceptions import best_match

    if getattr(err, "context", None):
        deeper = best_match(err.context)
        if deeper is not None:
            err = deeper
    where = pointer(*_path_of(err))
    message = _short(_first_paragraph(err.message))
    if _keyword_of(err) in ("additionalProperties", "unevaluatedProperties") and (
        "unexpected" in message
    ):
        if "'itemSchema'" in message and where.split("/")[-2:-1] == ["content"]:
            # OpenAPI 3.2's, read ahead of time as the schema of each event (read/events.py)
            return ("unknown field", f"{message}: read as OpenAPI 3.2's itemSchema", where)
        return ("unknown field", f"{message}: ignored", where)
    return ("error", message, where)


def _semantic(err: Any) -> Finding | None:
    from openapi_spec_validator.validation.exceptions import (
        DuplicateOperationIDError,
        ExtraParametersError,
        UnresolvableParameterError,
    )

    base = tuple(getattr(err, "_generator_at", ()) or ())
    where = pointer(*base, *_path_of(err))
    message = _short(_first_paragraph(err.message))
    if isinstance(err, UnresolvableParameterError):
        return None  # build/parameters.py reports undeclared and unused path parameters itself
    if getattr(err, "_generator_default", False):
        return ("default", f"default value does not match its schema ({message}): not used", where)
    if isinstance(err, DuplicateOperationIDError):
        return ("duplicate operationId", message, where)
    if isinstance(err, ExtraParametersError):
        return ("required without property", message, where)
    if _keyword_of(err) == "uniqueItems":
        return ("duplicate values", f"{message}: duplicates ignored", where)
    return ("error", message, where)


def _keyword_of(err: Any) -> str:
    """The JSON-schema keyword that failed (jsonschema and jsonschema-rs errors alike)."""
    keyword = getattr(err, "validator", None)
    if isinstance(keyword, str):
        return keyword
    schema_path = list(
        getattr(err, "schema_path", None) or getattr(err, "relative_schema_path", [])
    )
    return str(schema_path[-1]) if schema_path else ""


def _first_paragraph(message: str) -> str:
    """The message without jsonschema's "Failed validating ... On instance ..." appendix, and
    with a long dumped instance at its start replaced by "the value"."""
    text = str(message).split("\n\nFailed validating", 1)[0].split("\n\n", 1)[0]
    for verb in (" is not ", " is a required ", " has non-unique ", " should ", " does not "):
        head, sep, tail = text.partition(verb)
        if sep and len(head) > 80:
            return "the value" + sep + tail
    return text


def _path_of(err: Any) -> list[Any]:
    return list(getattr(err, "absolute_path", None) or getattr(err, "path", None) or [])


def _validator_class(version: str) -> Any:
    # Imported lazily: it is the slowest import of the generator and only needed here.
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    from openapi_spec_validator.validation import keywords

    base: Any = OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    registry = dict(base.keyword_validators)
    registry["schema"] = _tagged(registry["schema"], lambda schema, *_: schema.parts)
    registry["schema"] = type(
        "CycleSafeSchema", (registry["schema"],), {"_collect_properties": _collect_properties}
    )
    registry["default"] = _tagged(
        registry["default"], lambda schema, *_: (*schema.parts, "default"), default=True
    )
    registry["parameters"] = _tagged(registry["parameters"], lambda params, *_: params.parts)
    registry["operation"] = _tagged(registry["operation"], lambda _u, _n, op, *_: op.parts)
    registry["path"] = _tagged(registry["path"], lambda _u, item, *_: item.parts)
    if base is OpenAPIV30SpecValidator:
        # The OpenAPI 3.0 JSON schema (first pass) already checks every schema object; the
        # per-schema dialect check is the slowest part of the second pass and finds nothing new.
        registry["schema"] = type(
            "Schema30", (registry["schema"],), {"_validate_schema_meta": _no_meta_check}
        )
    assert issubclass(registry["schema"], keywords.SchemaValidator)
    attributes = {"keyword_validators": registry, "resolver_handlers": _NoRetrieval()}
    return type(f"Located{base.__name__}", (base,), attributes)


class _NoRetrieval(dict[str, Any]):
    """The validator's handlers for ``$ref``s it would fetch: every scheme refused. The read
    stage resolved every reference already (bundle.py); the validator also follows a ``$ref``
    inside data (a ``default``, an ``x-`` extension), and would fetch its URL or file."""

    def __contains__(self, scheme: object) -> bool:
        return True

    def __getitem__(self, scheme: str) -> Any:
        def refuse(uri: str) -> Any:
            raise ValueError(f"{uri!r} is not read (only the document is)")

        return refuse


def _collect_properties(self: Any, schema: Any, _seen: set[int] | None = None) -> set[str]:
    """openapi-spec-validator's property collection, with a cycle check: its own recurses
    forever on a schema that reaches itself through allOf/anyOf/oneOf/items."""
    seen: set[int] = set() if _seen is None else _seen
    try:
        ident = id(schema.read_value())
    except Exception:  # noqa: BLE001 - an unreadable node has no properties to collect
        return set()
    if ident in seen:
        return set()
    seen.add(ident)
    props: set[str] = set()
    if "properties" in schema:
        props.update(str(k) for k in (schema / "properties").keys())
    for keyword in ("allOf", "anyOf", "oneOf"):
        if keyword in schema:
            for sub in schema / keyword:
                props.update(_collect_properties(self, sub, seen))
    for keyword in ("items", "not"):
        if keyword in schema:
            props.update(_collect_properties(self, schema / keyword, seen))
    return props


def _no_meta_check(self: Any, schema: Any, schema_value: Any) -> None:
    return None


def _tagged(base: Any, locate: Callable[..., tuple[Any, ...]], default: bool = False) -> Any:
    """A keyword validator that stamps each error with where it was found."""

    def call(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for err in base.__call__(self, *args, **kwargs):
            if getattr(err, "_generator_at", None) is None:
                try:
                    err._generator_at = tuple(locate(*args))
                except Exception:  # noqa: BLE001 - a location is best effort
                    err._generator_at = ()
                err._generator_default = default
            yield err

    return type(f"Tagged{base.__name__}", (base,), {"__call__": call})


def _short(message: str, limit: int = 300) -> str:
    message = " ".join(str(message).split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
