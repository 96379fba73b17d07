"""Structural validation of a spec with openapi-spec-validator, reported as file:line: pointer.

Two passes: the OpenAPI JSON schema (fast), then the validator's semantic checks (schemas against
their dialect, defaults, parameters, operationIds), each error located with a JSON pointer.
Problems that do not stop generation are warnings, printed and kept in ``doc.warnings``:

* unknown fixed fields (``title`` on an operation): ignored;
* a ``default`` that does not match its schema: the default is not used;
* duplicate enum values, ``required`` names without a property, duplicate operationIds.

The outcome depends only on the document text and this code, so it is cached (in memory, and
on disk under ``$GENERATOR_CACHE_DIR``, default ``~/.cache/openapi-sdk-generator``): the
semantic pass is the slowest stage of a run. ``GENERATOR_CACHE_DIR=off`` disables the disk
cache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import SpecError, combined, escape_pointer_token, pointer
from .cache import Finding, cache_key, read_cache, write_cache
from .composition import check_composition_cycles
from .load import SpecDocument
from .refs import Resolver, through_refs
from .tolerate import tolerate

MAX_REPORTED = 20
MAX_WARNINGS_PER_KIND = 5

_MEMO: dict[str, list[Finding]] = {}
_TOLERATE = Path(__file__).with_name("tolerate.py")


def validate_document(doc: SpecDocument, *, by_operation: bool = False) -> dict[str, SpecError]:
    """Raise SpecError (up to MAX_REPORTED problems) if the document is not valid OpenAPI.

    ``by_operation`` (``generate --skip-unsupported``): a problem inside one operation or one
    component schema does not stop the run; it is returned instead (operation or schema pointer
    -> its first problem), for the build to leave that operation (every operation using that
    schema: ``models/leave_out.py``) out."""
    version = doc.data.get("openapi", doc.data.get("swagger", ""))
    if not version:
        raise doc.error("not an OpenAPI document: no 'openapi' field", "")
    version = str(version)
    if "swagger" in doc.data and "openapi" not in doc.data:
        raise doc.error(
            f"Swagger {version} (OpenAPI 2.0) is not supported "
            "(expected OpenAPI 3.0.x or 3.1.x; convert Swagger 2.0 first)",
            "/swagger",
        )
    if not isinstance(doc.data.get("openapi"), str) or not version.startswith(("3.0", "3.1")):
        raise doc.error(f"OpenAPI {version} is not supported (expected 3.0.x or 3.1.x)", "/openapi")
    report(doc, tolerate(doc.data))  # 3.0/3.1 mix-ups: warnings, the evident meaning taken
    invalid, broken = check_refs(doc, by_operation=by_operation)
    _check_composition(doc)
    # a broken $ref was taken out of the data: what the validator says about the hole it left
    # is that same problem
    holes = [problem.pointer.removesuffix("/$ref") for problem in broken]
    findings = [
        (kind, message, where)
        for kind, message, where in _findings(doc)
        if kind != "error" or not any(where == h or where.startswith(h + "/") for h in holes)
    ]
    for where, problem in report(doc, findings, by_operation=by_operation, also=broken).items():
        invalid.setdefault(where, problem)
    return invalid


def _check_composition(doc: SpecDocument) -> None:
    schemas = doc.data.get("components")
    schemas = schemas.get("schemas") if isinstance(schemas, dict) else None
    if isinstance(schemas, dict):
        try:
            check_composition_cycles(schemas)
        except SpecError as exc:
            raise doc.error(exc.message, exc.pointer) from None


def report(
    doc: SpecDocument,
    findings: list[Finding],
    *,
    by_operation: bool = False,
    also: list[SpecError] | None = None,
) -> dict[str, SpecError]:
    """Print the warnings, raise the errors (after ``also``, found before); with
    ``by_operation``, return those inside an operation instead (pointer -> its first error)."""
    counts: dict[str, int] = {}
    findings = [(kind, message, _written_at(doc, where)) for kind, message, where in findings]
    findings = [
        ("unused part", f"{message}: ignored ({_UNUSED})", where)
        if kind == "error" and unused_part(where)
        else (kind, message, where)
        for kind, message, where in findings
    ]
    invalid: dict[str, SpecError] = {}
    if by_operation:
        for kind, message, where in findings:
            operation = part_of(where) if kind == "error" else ""
            if operation:
                invalid.setdefault(operation, doc.error(message, where))
        findings = [f for f in findings if f[0] != "error" or not part_of(f[2])]
    for kind, message, where in findings:
        if kind == "error":
            continue
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= MAX_WARNINGS_PER_KIND:
            doc.warn(message, where)
    for kind, count in counts.items():
        if count > MAX_WARNINGS_PER_KIND:
            doc.warn(
                f"... and {count - MAX_WARNINGS_PER_KIND} more warnings like these ({kind})", ""
            )
    problems = [*(also or []), *(doc.error(m, w) for kind, m, w in findings if kind == "error")]
    problems = problems[:MAX_REPORTED]
    if problems:
        raise combined(problems)
    return invalid


_VERBS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def operation_of(where: str) -> str:
    """``/paths/~1x/get/...`` -> ``/paths/~1x/get``: the operation a pointer lies in, or ""."""
    tokens = where.split("/")
    if len(tokens) >= 4 and tokens[1] == "paths" and tokens[3] in _VERBS:
        return "/".join(tokens[:4])
    return ""


def _written_at(doc: SpecDocument, where: str) -> str:
    """A finding in a component schema that the validator reached through an operation's
    ``$ref`` is located where the schema is written (so every operation using it is left out
    with ``--skip-unsupported``, and the line is the schema's)."""
    written = through_refs(doc.data, where)
    return written if written.startswith("/components/schemas/") else where


def part_of(where: str) -> str:
    """The operation (``operation_of``) or the component schema (``/components/schemas/X``,
    left out with every operation that uses it) a pointer lies in, or ""."""
    tokens = where.split("/")
    if len(tokens) >= 4 and tokens[1:3] == ["components", "schemas"]:
        return "/".join(tokens[:4])
    return operation_of(where)


def _findings(doc: SpecDocument) -> list[Finding]:
    # the validator sees the document as tolerate() left it: its rules are part of the key
    key = cache_key(doc.text + "\0" + _TOLERATE.read_text(encoding="utf-8"), Path(__file__))
    if key in _MEMO:
        return _MEMO[key]
    cached = read_cache(key)
    if cached is None:
        cached = run_validator(doc.data)
        write_cache(key, cached)
    _MEMO[key] = cached
    return cached


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


def check_refs(
    doc: SpecDocument, *, by_operation: bool = False
) -> tuple[dict[str, SpecError], list[SpecError]]:
    """Every local ``$ref`` must resolve (checked first: the validator crashes on broken ones).

    Each broken one is taken out of the data (so that the validator can still run) and is:
    a warning in a part the client does not use (webhooks, callbacks, links, examples); with
    ``by_operation``, a reason to leave its operation out (first result: operation pointer ->
    problem); else a problem (second result, every one, to be reported with the validator's)."""
    resolver = Resolver(doc.data)
    problems: list[SpecError] = []
    invalid: dict[str, SpecError] = {}
    stack: list[tuple[Any, str]] = [(doc.data, "")]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    resolver.lookup(ref, ptr)
                    resolver.deref(node, ptr)  # a chain of refs that never reaches a value
                except SpecError as exc:
                    if unused_part(ptr):
                        doc.warn(f"{exc.message}: ignored ({_UNUSED})", exc.pointer)
                        del node["$ref"]
                    elif by_operation and part_of(ptr):  # that operation (schema) is left out
                        invalid.setdefault(part_of(ptr), doc.error(exc.message, exc.pointer))
                        del node["$ref"]
                    else:
                        problems.append(doc.error(exc.message, exc.pointer))
                        del node["$ref"]
            elif "$ref" in node and not _is_property_map(ptr):
                problems.append(
                    doc.error(f"$ref must be a string, found {type(ref).__name__}", f"{ptr}/$ref")
                )
                del node["$ref"]
            names = _is_property_map(ptr)
            for key, value in node.items():
                if not names and _unused_by_client(str(key)):
                    continue  # an x- extension or an example: data, never followed
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{ptr}/{escape_pointer_token(key)}"))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{ptr}/{index}"))
    problems.sort(key=lambda e: (e.line or 0, e.pointer))
    return invalid, problems


_UNUSED = "the client does not use this part of the document"
_UNUSED_ROOTS = ("/webhooks", "/components/callbacks", "/components/links", "/components/examples")
_UNUSED_KEYS = frozenset({"callbacks", "links", "example", "examples"})
_NAME_MAPS = frozenset({"properties", "patternProperties"})


def unused_part(where: str) -> bool:
    """Whether a pointer lies in a part the client never reads: webhooks, callbacks, links,
    examples (the build only notes that they exist)."""
    if any(where == root or where.startswith(root + "/") for root in _UNUSED_ROOTS):
        return True
    tokens = where.split("/")
    return any(
        token in _UNUSED_KEYS and tokens[i - 1] not in _NAME_MAPS and tokens[1:i] != ["components"]
        for i, token in enumerate(tokens)
        if i > 1
    )


def _unused_by_client(key: str) -> bool:
    """Keys whose values the client never reads as OpenAPI: extensions other than the
    generator's own (``x-sdk*``) and examples. A ``$ref`` there (documentation topics pointing
    at a Markdown file, an example's source) is not followed, so it cannot block generation."""
    return (key.startswith("x-") and not key.startswith("x-sdk")) or key in ("example", "examples")


def _is_property_map(ptr: str) -> bool:
    """A mapping whose keys are names (a property called ``$ref`` is legal there)."""
    last = ptr.rsplit("/", 1)[-1]
    return last in ("properties", "patternProperties", "schemas", "examples", "example")


def _short(message: str, limit: int = 300) -> str:
    message = " ".join(str(message).split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
