"""Compare two OpenAPI documents and classify every change for a *client user*.

``python -m generator diff OLD NEW`` reports, as Markdown or JSON, every added, removed or changed
operation, parameter, request body/field, response/field, enum value, default, type, nullability,
constraint and ``oneOf``/``anyOf`` variant, each classified **breaking** or **compatible**; the
command exits 1 when anything is breaking.

"Breaking" means: it breaks a client user in at least one of two ways, (a) the user's code,
unchanged, fails after upgrading to the client generated from NEW (a removed method or argument, a
new required argument), or (b) a client generated from OLD, still deployed, fails against a server
that implements NEW (a removed response field its models require, a type it cannot parse).
The rules (README.md, "Versions and releases", repeats them as a table):

=====================================  =================================  =========================
change                                 request side (client sends)        response side (receives)
=====================================  =================================  =========================
operation removed / added              breaking / compatible
parameter or request field removed     breaking (the argument goes)
parameter or request field added       breaking if required w/o default
response field added                                                      compatible
response field removed (or renamed)                                       breaking
optional -> required                   breaking                           compatible
required -> optional                   compatible                         breaking (models need it)
type changed (incl. any <-> typed)     breaking                           breaking
format changed                         breaking if it changes the Python type (date-time, date,
                                       time, uuid, binary, ...), else compatible
nullable added / removed               compatible / breaking              breaking / compatible
enum value added                       compatible                         compatible (open enums)
enum value removed                     breaking                           compatible
enum introduced / dropped              breaking / compatible              compatible / compatible
constraint tightened / loosened        breaking / compatible (the         compatible / breaking (the
                                       client checks arguments)           models validate responses)
oneOf/anyOf variant added / removed    compatible / breaking              breaking / compatible
default added, removed or changed      compatible, unless the NEW document marks the parameter or
                                       property ``x-sdk-breaking-default: true``
media type added / removed             compatible / breaking              compatible / breaking
request body added                     breaking if required, else compat.
response status added / removed        compatible / compatible, except removing the last 2xx
deprecated (operation, field, param)   compatible (reported)
=====================================  =================================  =========================

Changed defaults are compatible by default because the generated client always sends a parameter
that has a spec default: a deployed client keeps sending its old default, and an upgraded one
changes behaviour only where the user relied on the default; a spec author who considers that a
break says so with ``x-sdk-breaking-default: true`` on the new parameter or property.

The comparison works on resolved specs: ``$ref`` is followed (generator/refs.py), ``allOf`` members
are merged into one object (as generator/parse.py's ``merged_object`` does), a one-member
``oneOf``/``anyOf`` and a ``{type: null}`` variant are unwrapped. Component schema *names* are not
compared (a renamed schema with the same shape is no change). Operations are matched by method and
path with parameter names masked (``/files/{id}`` = ``/files/{fileId}``), parameters by
``(in, name)`` (path parameters by position), properties by name; a response field removed and
another added with the same schema in the same object is reported as one rename. Comparison of
schemas is memoised by the pair of JSON pointers compared and guarded against cycles and depth,
so shared schemas in multi-megabyte documents are compared once (see ``MAX_DEPTH``).
Not compared: security requirements, servers, headers of responses, callbacks, webhooks, examples,
descriptions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import SpecError, escape_pointer_token
from ...read.load import SpecDocument, load_spec
from ...read.refs import Resolver

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
MAX_DEPTH = 64
# Formats the generated models map to a distinct Python type (a change of them changes the type).
TYPED_FORMATS = frozenset(
    {"date", "date-time", "time", "duration", "uuid", "binary", "byte", "uri", "email", "ipv4"}
    | {"ipv6", "decimal"}
)
# (keyword, kind): "upper" bounds get looser when they grow, "lower" when they shrink.
CONSTRAINTS = (
    ("maximum", "upper"),
    ("exclusiveMaximum", "upper"),
    ("maxLength", "upper"),
    ("maxItems", "upper"),
    ("maxProperties", "upper"),
    ("minimum", "lower"),
    ("exclusiveMinimum", "lower"),
    ("minLength", "lower"),
    ("minItems", "lower"),
    ("minProperties", "lower"),
    ("pattern", "other"),
    ("multipleOf", "other"),
)
BREAKING_DEFAULT = "x-sdk-breaking-default"
_PATH_PARAM = re.compile(r"\{([^}]*)\}")
_Where = tuple[str, str, str]  # (section, part, media type) of Change
_OP: _Where = ("", "", "")
_BODY: _Where = ("request body", "", "")


@dataclass(frozen=True)
class Change:
    """One difference between two documents, classified for a client user."""

    kind: str  # e.g. "operation-removed", "request-field-added", "enum-value-removed"
    operation: str  # "POST /runs"; "" for document-level changes
    section: str  # "" (the operation), "parameter", "request body", "response"
    part: str  # "query per_page" (parameter), "200" (response status), "" otherwise
    media_type: str  # "application/json" for body changes, else ""
    field: str  # "config.lora_rank", "items[].id"; "" for the parameter/body/response itself
    before: Any
    after: Any
    breaking: bool
    message: str  # one human-readable line, without the operation and location

    @property
    def classification(self) -> str:
        return "breaking" if self.breaking else "compatible"

    @property
    def location(self) -> str:
        """Where in the operation: ``request body (application/json): lora_rank``."""
        if self.section == "parameter":
            where_in, _, name = self.part.partition(" ")
            text = f"{where_in} parameter {name}"
        elif self.section == "response":
            text = f"response {self.part}"
        else:
            text = self.section
        if self.media_type:
            text += f" ({self.media_type})"
        if self.field:
            text += f": {self.field}"
        return text

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "operation": self.operation,
            "location": self.location,
            "section": self.section,
            "part": self.part,
            "media_type": self.media_type,
            "field": self.field,
            "before": self.before,
            "after": self.after,
            "classification": self.classification,
            "message": self.message,
        }

    def line(self) -> str:
        """A Markdown list item (without the operation heading)."""
        where = f"`{_code(self.location)}`: " if self.location else ""
        return f"{where}{_md(self.message)}"


@dataclass
class DiffResult:
    old: Path
    new: Path
    old_version: str
    new_version: str
    changes: list[Change] = field(default_factory=list)

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    @property
    def compatible(self) -> list[Change]:
        return [c for c in self.changes if not c.breaking]

    @property
    def is_breaking(self) -> bool:
        return any(c.breaking for c in self.changes)

    def as_json(self) -> dict[str, Any]:
        return {
            "old": {"file": str(self.old), "version": self.old_version},
            "new": {"file": str(self.new), "version": self.new_version},
            "summary": {"breaking": len(self.breaking), "compatible": len(self.compatible)},
            "changes": [c.as_json() for c in self.changes],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_json(), indent=2, ensure_ascii=False, default=str) + "\n"

    def to_markdown(self, *, heading_level: int = 1, title: str | None = None) -> str:
        h = "#" * heading_level
        lines = [
            f"{h} {title or f'API changes: {self.old_version} → {self.new_version}'}",
            "",
            f"**{len(self.breaking)} breaking, {len(self.compatible)} compatible** "
            f"(`{self.old.name}` → `{self.new.name}`)",
            "",
        ]
        if not self.changes:
            lines += ["No changes to operations, parameters, bodies or responses.", ""]
        for label, group in (("Breaking changes", self.breaking), ("Compatible", self.compatible)):
            if not group:
                continue
            lines += [f"{h}# {label}", ""]
            lines += markdown_by_operation(group, heading_level + 2)
        return "\n".join(lines).rstrip("\n") + "\n"


def markdown_by_operation(changes: list[Change], heading_level: int) -> list[str]:
    """Changes grouped under one heading per operation, in the order they were found."""
    h = "#" * heading_level
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.operation, []).append(change)
    lines: list[str] = []
    for operation, items in groups.items():
        lines += [f"{h} `{operation}`" if operation else f"{h} Document", ""]
        lines += [f"- {c.line()}" for c in items]
        lines.append("")
    return lines


def _md(text: str) -> str:
    """Keep spec text from starting Markdown constructs it was not meant to."""
    return " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")


def _code(text: str) -> str:
    """Text for inside a Markdown code span."""
    return " ".join(text.split()).replace("`", "'")


# -- loading -------------------------------------------------------------------------------------


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


def diff_documents(old: SpecDocument, new: SpecDocument) -> DiffResult:
    differ = _Differ(old, new)
    try:
        differ.run()
    except SpecError as exc:  # a broken $ref: say in which document and where
        doc = new if exc.file == "new" else old
        raise doc.error(exc.message, exc.pointer) from None
    return DiffResult(
        old=old.path,
        new=new.path,
        old_version=_api_version(old) or old.path.stem,
        new_version=_api_version(new) or new.path.stem,
        changes=differ.changes,
    )


def _api_version(doc: SpecDocument) -> str:
    return str((doc.data.get("info") or {}).get("version") or "")


# -- the comparison ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rel:
    """A change found inside a schema, located relative to that schema (memoisable)."""

    path: str  # "config.lora_rank", "[].id", "" for the schema itself
    kind: str
    before: Any
    after: Any
    breaking: bool
    message: str


@dataclass
class _Schema:
    """A schema with refs followed, allOf merged, trivial unions unwrapped."""

    node: dict[str, Any]
    ptr: str
    name: str | None  # component name of the first $ref followed, for messages
    nullable: bool
    types: frozenset[str]  # JSON types without "null"; empty = any
    props: dict[str, tuple[Any, str]]  # property name -> (schema node, pointer)
    required: frozenset[str]
    variants: list[tuple[Any, str]]  # oneOf/anyOf members (not unwrapped)
    variant_word: str  # "oneOf" / "anyOf" / ""


class _Side:
    """One document: resolution of refs with pointers, and normalised schemas (cached)."""

    def __init__(self, doc: SpecDocument, label: str):
        self.doc = doc
        self.label = label
        self.resolver = Resolver(doc.data)
        self._cache: dict[str, _Schema] = {}

    def deref(self, node: Any, ptr: str) -> tuple[Any, str, str | None]:
        name = Resolver.ref_name(node)
        try:
            target, where = self.resolver.deref(node, ptr)
        except SpecError as exc:
            raise SpecError(exc.message, file=self.label, pointer=exc.pointer) from None
        return target, where, name

    def schema(self, node: Any, ptr: str) -> _Schema:
        target, where, name = self.deref(node, ptr)
        cached = self._cache.get(where)
        if cached is not None:
            return cached
        result = self._normalise(target, where, name, frozenset())
        self._cache[where] = result
        return result

    def _normalise(self, node: Any, ptr: str, name: str | None, seen: frozenset[str]) -> _Schema:
        if not isinstance(node, dict):
            node = {}
        nullable = node.get("nullable") is True
        # A one-member (or member + null) oneOf/anyOf is that member, possibly nullable.
        for word in ("oneOf", "anyOf"):
            members = node.get(word)
            if isinstance(members, list) and members and ptr not in seen:
                real = [
                    (m, f"{ptr}/{word}/{i}")
                    for i, m in enumerate(members)
                    if not _is_null_schema(self.deref(m, f"{ptr}/{word}/{i}")[0])
                ]
                if len(real) < len(members):
                    nullable = True
                if len(real) == 1 and not _has_own_shape(node):
                    target, where, inner = self.deref(real[0][0], real[0][1])
                    base = self._normalise(target, where, inner or name, seen | {ptr})
                    base.nullable = base.nullable or nullable
                    return base
        merged = dict(node)
        props: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        all_of = node.get("allOf")
        if isinstance(all_of, list) and ptr not in seen:
            merged.pop("allOf")
            for i, member in enumerate(all_of):
                target, where, inner = self.deref(member, f"{ptr}/allOf/{i}")
                part = self._normalise(target, where, inner, seen | {ptr})
                props.update(part.props)
                required |= part.required
                nullable = nullable or part.nullable
                for key in ("type", "enum", "format", "items", "additionalProperties"):
                    if key in part.node and key not in merged:
                        merged[key] = part.node[key]
                if part.variants and "oneOf" not in merged and "anyOf" not in merged:
                    merged[part.variant_word] = [v for v, _ in part.variants]
                name = name or inner
        own = node.get("properties")
        if isinstance(own, dict):
            for key, value in own.items():
                props[str(key)] = (value, f"{ptr}/properties/{escape_pointer_token(key)}")
        req = node.get("required")
        if isinstance(req, list):
            required |= {str(r) for r in req}
        raw_type = merged.get("type")
        if isinstance(raw_type, list):
            types = {str(t) for t in raw_type}
        elif isinstance(raw_type, str):
            types = {raw_type}
        elif props or "additionalProperties" in merged:
            types = {"object"}
        elif "items" in merged:
            types = {"array"}
        else:
            types = set()
        if "null" in types:
            nullable = True
            types.discard("null")
        enum = merged.get("enum")
        if isinstance(enum, list) and None in enum:
            nullable = True
        variants: list[tuple[Any, str]] = []
        word = ""
        for candidate in ("oneOf", "anyOf"):
            members = merged.get(candidate)
            if isinstance(members, list) and members:
                word = candidate
                base_ptr = ptr if candidate in node else ptr  # merged from allOf: same owner
                variants = [
                    (m, f"{base_ptr}/{candidate}/{i}")
                    for i, m in enumerate(members)
                    if not _is_null_schema(self.deref(m, f"{base_ptr}/{candidate}/{i}")[0])
                ]
                break
        if types == {"integer", "number"}:
            types = {"number"}
        return _Schema(
            node=merged,
            ptr=ptr,
            name=name,
            nullable=nullable,
            types=frozenset(types),
            props=props,
            required=frozenset(required),
            variants=variants,
            variant_word=word,
        )


def _is_null_schema(node: Any) -> bool:
    return isinstance(node, dict) and (
        node.get("type") == "null" or (node.get("enum") == [None] and "type" not in node)
    )


def _has_own_shape(node: dict[str, Any]) -> bool:
    return any(k in node for k in ("properties", "allOf", "items", "enum"))


class _Differ:
    def __init__(self, old: SpecDocument, new: SpecDocument):
        self.old = _Side(old, "old")
        self.new = _Side(new, "new")
        self.changes: list[Change] = []
        self._memo: dict[tuple[str, str, str], tuple[_Rel, ...]] = {}
        self._active: set[tuple[str, str, str]] = set()

    # -- operations -----------------------------------------------------------------------------

    def run(self) -> None:
        old_ops = self.operations(self.old)
        new_ops = self.operations(self.new)
        for key, (label, op, _item, _ptr) in old_ops.items():
            if key not in new_ops:
                self.add(
                    "operation-removed",
                    label,
                    _OP,
                    label,
                    None,
                    True,
                    f"operation removed ({_op_id(op)})",
                )
        for key, (label, op, item, ptr) in new_ops.items():
            if key not in old_ops:
                self.add(
                    "operation-added",
                    label,
                    _OP,
                    None,
                    label,
                    False,
                    f"new operation ({_op_id(op)})",
                )
                continue
            old_label, old_op, old_item, old_ptr = old_ops[key]
            self.operation(label, old_label, (old_op, old_item, old_ptr), (op, item, ptr))

    def operations(self, side: _Side) -> dict[str, tuple[str, dict[str, Any], Any, str]]:
        found: dict[str, tuple[str, dict[str, Any], Any, str]] = {}
        paths = side.doc.data.get("paths") or {}
        if not isinstance(paths, dict):
            return found
        for path, raw_item in paths.items():
            item_ptr = f"/paths/{escape_pointer_token(path)}"
            item, item_ptr, _ = side.deref(raw_item, item_ptr)
            if not isinstance(item, dict):
                continue
            for verb in HTTP_METHODS:
                op = item.get(verb)
                if isinstance(op, dict):
                    key = f"{verb.upper()} {_PATH_PARAM.sub('{}', str(path))}"
                    found[key] = (f"{verb.upper()} {path}", op, item, f"{item_ptr}/{verb}")
        return found

    def operation(
        self,
        label: str,
        old_label: str,
        old: tuple[dict[str, Any], dict[str, Any], str],
        new: tuple[dict[str, Any], dict[str, Any], str],
    ) -> None:
        old_op, old_item, old_ptr = old
        new_op, new_item, new_ptr = new
        if bool(old_op.get("deprecated")) != bool(new_op.get("deprecated")):
            now = bool(new_op.get("deprecated"))
            self.add(
                "operation-deprecated" if now else "operation-undeprecated",
                label,
                _OP,
                not now,
                now,
                False,
                "operation deprecated" if now else "operation no longer deprecated",
            )
        self.parameters(
            label,
            self.params_of(self.old, old_item, old_op, old_ptr, old_label),
            self.params_of(self.new, new_item, new_op, new_ptr, label),
        )
        self.request_body(label, old_op, old_ptr, new_op, new_ptr)
        self.responses(label, old_op, old_ptr, new_op, new_ptr)

    # -- parameters -----------------------------------------------------------------------------

    def params_of(
        self, side: _Side, item: dict[str, Any], op: dict[str, Any], op_ptr: str, label: str
    ) -> dict[tuple[str, str], tuple[dict[str, Any], str, str]]:
        """(in, key) -> (parameter, pointer, display name); operation parameters win."""
        item_ptr = op_ptr.rsplit("/", 1)[0]
        path = label.split(" ", 1)[1]
        positions = {name: i for i, name in enumerate(_PATH_PARAM.findall(path))}
        result: dict[tuple[str, str], tuple[dict[str, Any], str, str]] = {}
        for params, base in ((item.get("parameters"), item_ptr), (op.get("parameters"), op_ptr)):
            if not isinstance(params, list):
                continue
            for i, raw in enumerate(params):
                param, ptr, _ = side.deref(raw, f"{base}/parameters/{i}")
                if not isinstance(param, dict):
                    continue
                where, name = str(param.get("in") or ""), str(param.get("name") or "")
                key = name.lower() if where == "header" else name
                if where == "path" and name in positions:
                    key = f"#{positions[name]}"
                result[(where, key)] = (param, ptr, name)
        return result

    def parameters(
        self,
        label: str,
        old_params: dict[tuple[str, str], tuple[dict[str, Any], str, str]],
        new_params: dict[tuple[str, str], tuple[dict[str, Any], str, str]],
    ) -> None:
        for key, (_param, _ptr, name) in old_params.items():
            if key not in new_params:
                where = ("parameter", f"{key[0]} {name}", "")
                self.add(
                    "parameter-removed",
                    label,
                    where,
                    name,
                    None,
                    True,
                    "parameter removed",
                )
        for key, (param, ptr, name) in new_params.items():
            where = ("parameter", f"{key[0]} {name}", "")
            if key not in old_params:
                required = bool(param.get("required"))
                schema = param.get("schema")
                defaulted = schema is not None and _has_default(self.new, schema, ptr + "/schema")
                self.add(
                    "parameter-added",
                    label,
                    where,
                    None,
                    name,
                    required and not defaulted,
                    f"new {'required' if required else 'optional'} parameter"
                    f" ({self.describe(self.new, param.get('schema'), ptr + '/schema')})",
                )
                continue
            old_param, old_ptr, old_name = old_params[key]
            if old_name != name:
                self.add(
                    "parameter-renamed",
                    label,
                    where,
                    old_name,
                    name,
                    False,
                    f"path parameter renamed from {old_name} (positional; the URL is the same)",
                )
            was, now = bool(old_param.get("required")), bool(param.get("required"))
            if was != now:
                self.add(
                    "parameter-required" if now else "parameter-optional",
                    label,
                    where,
                    was,
                    now,
                    now,
                    "parameter became required" if now else "parameter became optional",
                )
            if bool(old_param.get("deprecated")) != bool(param.get("deprecated")):
                self.add(
                    "deprecated",
                    label,
                    where,
                    bool(old_param.get("deprecated")),
                    bool(param.get("deprecated")),
                    False,
                    "parameter deprecated"
                    if param.get("deprecated")
                    else "parameter no longer deprecated",
                )
            old_schema = old_param.get("schema")
            new_schema = param.get("schema")
            if old_schema is None and new_schema is None:
                continue
            rels = self.compare(
                old_schema or {},
                f"{old_ptr}/schema",
                new_schema or {},
                f"{ptr}/schema",
                "request",
            )
            self.emit(label, where, rels)

    # -- bodies ---------------------------------------------------------------------------------

    def request_body(
        self, label: str, old_op: dict[str, Any], old_ptr: str, new_op: dict[str, Any], new_ptr: str
    ) -> None:
        old_body, old_body_ptr = self.body(self.old, old_op, old_ptr)
        new_body, new_body_ptr = self.body(self.new, new_op, new_ptr)
        if old_body is None and new_body is None:
            return
        if new_body is None:
            self.add("request-body-removed", label, _BODY, True, None, True, "removed")
            return
        if old_body is None:
            required = bool(new_body.get("required"))
            self.add(
                "request-body-added",
                label,
                _BODY,
                None,
                "required" if required else "optional",
                required,
                f"new {'required' if required else 'optional'} request body",
            )
            return
        was, now = bool(old_body.get("required")), bool(new_body.get("required"))
        if was != now:
            self.add(
                "request-body-required" if now else "request-body-optional",
                label,
                _BODY,
                was,
                now,
                now,
                "became required" if now else "became optional",
            )
        self.contents(
            label,
            _BODY,
            old_body.get("content"),
            f"{old_body_ptr}/content",
            new_body.get("content"),
            f"{new_body_ptr}/content",
            "request",
        )

    def body(self, side: _Side, op: dict[str, Any], op_ptr: str) -> tuple[Any, str]:
        raw = op.get("requestBody")
        if raw is None:
            return None, ""
        body, ptr, _ = side.deref(raw, f"{op_ptr}/requestBody")
        return (body if isinstance(body, dict) else None), ptr

    def contents(
        self,
        label: str,
        where: _Where,
        old: Any,
        old_ptr: str,
        new: Any,
        new_ptr: str,
        direction: str,
    ) -> None:
        old_types = _media_types(old)
        new_types = _media_types(new)
        for essence in old_types:
            if essence not in new_types:
                self.add(
                    "media-type-removed",
                    label,
                    (where[0], where[1], essence),
                    essence,
                    None,
                    True,
                    "media type removed",
                )
        for essence, raw in new_types.items():
            if essence not in old_types:
                self.add(
                    "media-type-added",
                    label,
                    (where[0], where[1], essence),
                    None,
                    essence,
                    False,
                    "new media type",
                )
                continue
            old_raw = old_types[essence]
            old_media, new_media = old[old_raw], new[raw]
            if not isinstance(old_media, dict) or not isinstance(new_media, dict):
                continue
            if old_media.get("schema") is None and new_media.get("schema") is None:
                continue
            rels = self.compare(
                old_media.get("schema") or {},
                f"{old_ptr}/{escape_pointer_token(old_raw)}/schema",
                new_media.get("schema") or {},
                f"{new_ptr}/{escape_pointer_token(raw)}/schema",
                direction,
            )
            self.emit(label, (where[0], where[1], essence), rels)

    def responses(
        self, label: str, old_op: dict[str, Any], old_ptr: str, new_op: dict[str, Any], new_ptr: str
    ) -> None:
        old_resp = old_op.get("responses") if isinstance(old_op.get("responses"), dict) else {}
        new_resp = new_op.get("responses") if isinstance(new_op.get("responses"), dict) else {}
        assert isinstance(old_resp, dict) and isinstance(new_resp, dict)
        old_codes = {str(k): k for k in old_resp}
        new_codes = {str(k): k for k in new_resp}
        new_success = sorted(c for c in new_codes if c.startswith("2"))
        old_success = sorted(c for c in old_codes if c.startswith("2"))
        for code in old_codes:
            if code not in new_codes:
                last_success = code.startswith("2") and not new_success
                self.add(
                    "response-removed",
                    label,
                    ("response", code, ""),
                    code,
                    None,
                    last_success,
                    "response removed"
                    + (" (the operation has no success response left)" if last_success else ""),
                )
        for code in new_codes:
            if code not in old_codes:
                self.add(
                    "response-added",
                    label,
                    ("response", code, ""),
                    None,
                    code,
                    False,
                    "new response",
                )
        pairs = [(c, c) for c in old_codes if c in new_codes]
        if (
            old_success
            and new_success
            and old_success[0] != new_success[0]
            and old_success[0] not in new_codes
            and new_success[0] not in old_codes
        ):
            pairs.append((old_success[0], new_success[0]))
        for old_code, new_code in pairs:
            old_r, o_ptr, _ = self.old.deref(
                old_resp[old_codes[old_code]],
                f"{old_ptr}/responses/{escape_pointer_token(old_code)}",
            )
            new_r, n_ptr, _ = self.new.deref(
                new_resp[new_codes[new_code]],
                f"{new_ptr}/responses/{escape_pointer_token(new_code)}",
            )
            if not isinstance(old_r, dict) or not isinstance(new_r, dict):
                continue
            code = new_code if old_code == new_code else f"{old_code}→{new_code}"
            where = ("response", code, "")
            self.contents(
                label,
                where,
                old_r.get("content"),
                f"{o_ptr}/content",
                new_r.get("content"),
                f"{n_ptr}/content",
                "response",
            )

    # -- schemas --------------------------------------------------------------------------------

    def compare(
        self, old_node: Any, old_ptr: str, new_node: Any, new_ptr: str, direction: str
    ) -> tuple[_Rel, ...]:
        old = self.old.schema(old_node, old_ptr)
        new = self.new.schema(new_node, new_ptr)
        key = (old.ptr, new.ptr, direction)
        memo = self._memo.get(key)
        if memo is not None:
            return memo
        if key in self._active or len(self._active) >= MAX_DEPTH:
            return ()  # a cycle (reported where it started) or too deep
        self._active.add(key)
        try:
            result = tuple(self._compare(old, new, direction))
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    def _compare(self, old: _Schema, new: _Schema, direction: str) -> list[_Rel]:
        req = direction == "request"
        out: list[_Rel] = []

        def rel(kind: str, before: Any, after: Any, breaking: bool, message: str) -> None:
            out.append(_Rel("", kind, before, after, breaking, message))

        if old.types != new.types:
            # Widening (string -> any, integer -> number) accepts everything the old type did:
            # harmless for what the client sends, breaking for what it receives; narrowing is the
            # reverse. Any other change breaks both ways.
            before, after = _type_text(old), _type_text(new)
            if _wider(new.types, old.types):
                kind, breaking, how = "type-widened", not req, "widened"
            elif _wider(old.types, new.types):
                kind, breaking, how = "type-narrowed", req, "narrowed"
            else:
                kind, breaking, how = "type-changed", True, "changed"
            rel(kind, before, after, breaking, f"type {how} from {before} to {after}")
            if kind == "type-changed":
                return out  # the rest of the comparison would only repeat this
        if old.nullable != new.nullable:
            rel(
                "nullable-added" if new.nullable else "nullable-removed",
                old.nullable,
                new.nullable,
                new.nullable != req,
                "may now be null" if new.nullable else "may no longer be null",
            )
        old_fmt, new_fmt = old.node.get("format"), new.node.get("format")
        if old_fmt != new_fmt:
            rel(
                "format-changed",
                old_fmt,
                new_fmt,
                old_fmt in TYPED_FORMATS or new_fmt in TYPED_FORMATS,
                f"format changed from {old_fmt or 'none'} to {new_fmt or 'none'}",
            )
        self._enum(old, new, req, rel)
        self._default(old, new, req, rel)
        self._constraints(old, new, req, rel)
        if "object" in new.types or old.props or new.props:
            out.extend(self._properties(old, new, direction))
        if "array" in new.types:
            old_items, new_items = old.node.get("items"), new.node.get("items")
            if isinstance(old_items, dict) and isinstance(new_items, dict):
                for r in self.compare(
                    old_items, f"{old.ptr}/items", new_items, f"{new.ptr}/items", direction
                ):
                    out.append(_prefix(r, "[]"))
        old_ap, new_ap = old.node.get("additionalProperties"), new.node.get("additionalProperties")
        if isinstance(old_ap, dict) and isinstance(new_ap, dict):
            for r in self.compare(
                old_ap,
                f"{old.ptr}/additionalProperties",
                new_ap,
                f"{new.ptr}/additionalProperties",
                direction,
            ):
                out.append(_prefix(r, "{*}"))
        if old.variants or new.variants:
            out.extend(self._variants(old, new, direction))
        return out

    def _enum(self, old: _Schema, new: _Schema, req: bool, rel: Any) -> None:
        old_enum, new_enum = old.node.get("enum"), new.node.get("enum")
        if not isinstance(old_enum, list) and not isinstance(new_enum, list):
            return
        if not isinstance(old_enum, list):
            rel(
                "enum-added",
                None,
                new_enum,
                req,
                f"now limited to {_values(new_enum)}",
            )
            return
        if not isinstance(new_enum, list):
            rel("enum-removed", old_enum, None, False, "no longer limited to a list of values")
            return
        old_values = [v for v in old_enum if v is not None]
        new_values = [v for v in new_enum if v is not None]
        removed = [v for v in old_values if v not in new_values]
        added = [v for v in new_values if v not in old_values]
        for value in removed:
            rel(
                "enum-value-removed",
                value,
                None,
                req,
                f"enum value {json.dumps(value)} removed"
                + ("" if req else " (the client no longer receives it)"),
            )
        for value in added:
            rel(
                "enum-value-added",
                None,
                value,
                False,
                f"new enum value {json.dumps(value)}"
                + ("" if req else " (enums in responses are open)"),
            )

    def _default(self, old: _Schema, new: _Schema, req: bool, rel: Any) -> None:
        missing = object()
        before = old.node.get("default", missing)
        after = new.node.get("default", missing)
        if before is missing and after is missing:
            return
        if (
            before is not missing
            and after is not missing
            and type(before) is type(after)
            and before == after
        ):
            return
        if before is not missing and after is not missing and before == after and not req:
            return
        marked = bool(new.node.get(BREAKING_DEFAULT)) and req
        if before is missing:
            rel("default-added", None, after, marked, f"default {json.dumps(after)} added")
        elif after is missing:
            rel("default-removed", before, None, marked, f"default {json.dumps(before)} removed")
        else:
            rel(
                "default-changed",
                before,
                after,
                marked,
                f"default changed from {json.dumps(before)} to {json.dumps(after)}",
            )

    def _constraints(self, old: _Schema, new: _Schema, req: bool, rel: Any) -> None:
        for keyword, sense in CONSTRAINTS:
            before, after = old.node.get(keyword), new.node.get(keyword)
            if before == after or isinstance(before, bool) or isinstance(after, bool):
                continue
            if sense == "other":
                tighter = True  # a new pattern or multipleOf: can't tell, assume tighter
                looser = True
            elif before is None:
                tighter, looser = True, False
            elif after is None:
                tighter, looser = False, True
            elif not isinstance(before, (int, float)) or not isinstance(after, (int, float)):
                tighter = looser = True
            else:
                grew = after > before
                tighter = grew if sense == "lower" else not grew
                looser = not tighter
            breaking = tighter if req else looser
            word = "tightened" if tighter and not looser else "loosened" if looser else "changed"
            if tighter and looser:
                word = "changed"
            rel(
                "constraint-changed",
                {keyword: before} if before is not None else None,
                {keyword: after} if after is not None else None,
                breaking,
                f"{keyword} {word}: {_fmt(before)} → {_fmt(after)}",
            )

    def _properties(self, old: _Schema, new: _Schema, direction: str) -> list[_Rel]:
        req = direction == "request"
        side_word = "request field" if req else "response field"
        kind_word = "request-field" if req else "response-field"
        skip = "readOnly" if req else "writeOnly"
        out: list[_Rel] = []

        def visible(side: _Side, schema: _Schema) -> dict[str, tuple[Any, str]]:
            result = {}
            for name, (node, ptr) in schema.props.items():
                target, _, _ = side.deref(node, ptr)
                if not (isinstance(target, dict) and target.get(skip) is True):
                    result[name] = (node, ptr)
            return result

        old_props = visible(self.old, old)
        new_props = visible(self.new, new)
        removed = [n for n in old_props if n not in new_props]
        added = [n for n in new_props if n not in old_props]
        renamed: dict[str, str] = {}
        if not req and len(removed) == 1 and len(added) == 1:
            o_node, o_ptr = old_props[removed[0]]
            n_node, n_ptr = new_props[added[0]]
            if not self.compare(o_node, o_ptr, n_node, n_ptr, direction):
                renamed[removed[0]] = added[0]
        for name in removed:
            if name in renamed:
                out.append(
                    _Rel(
                        renamed[name],
                        f"{kind_word}-renamed",
                        name,
                        renamed[name],
                        True,
                        f"{side_word} renamed from {name} to {renamed[name]}",
                    )
                )
                continue
            out.append(
                _Rel(
                    name,
                    f"{kind_word}-removed",
                    name,
                    None,
                    True,
                    f"{side_word} removed",
                )
            )
        for name in added:
            if name in renamed.values():
                continue
            node, ptr = new_props[name]
            required = name in new.required
            breaking = req and required and not _has_default(self.new, node, ptr)
            detail = self.describe(self.new, node, ptr)
            out.append(
                _Rel(
                    name,
                    f"{kind_word}-added",
                    None,
                    name,
                    breaking,
                    f"new {'required' if required else 'optional'} {side_word} ({detail})",
                )
            )
        for name, (node, ptr) in new_props.items():
            if name not in old_props:
                continue
            was, now = name in old.required, name in new.required
            if was != now:
                out.append(
                    _Rel(
                        name,
                        f"{kind_word}-required" if now else f"{kind_word}-optional",
                        was,
                        now,
                        now if req else not now,
                        f"{side_word} became {'required' if now else 'optional'}",
                    )
                )
            o_node, o_ptr = old_props[name]
            o_target, _, _ = self.old.deref(o_node, o_ptr)
            n_target, _, _ = self.new.deref(node, ptr)
            if isinstance(o_target, dict) and isinstance(n_target, dict):
                was_dep, now_dep = (
                    bool(o_target.get("deprecated")),
                    bool(n_target.get("deprecated")),
                )
                if was_dep != now_dep:
                    out.append(
                        _Rel(
                            name,
                            "deprecated",
                            was_dep,
                            now_dep,
                            False,
                            f"{side_word} deprecated"
                            if now_dep
                            else f"{side_word} no longer deprecated",
                        )
                    )
            for r in self.compare(o_node, o_ptr, node, ptr, direction):
                out.append(_prefix(r, name))
        return out

    def _variants(self, old: _Schema, new: _Schema, direction: str) -> list[_Rel]:
        req = direction == "request"
        out: list[_Rel] = []
        word = new.variant_word or old.variant_word

        def key_of(side: _Side, node: Any, ptr: str, index: int) -> str:
            name = Resolver.ref_name(node)
            if name is not None:
                return f"ref:{name}"
            target, _, _ = side.deref(node, ptr)
            if isinstance(target, dict) and isinstance(target.get("type"), str):
                return f"type:{target['type']}"
            return f"#{index}"

        def keyed(side: _Side, variants: list[tuple[Any, str]]) -> dict[str, tuple[Any, str]]:
            result: dict[str, tuple[Any, str]] = {}
            for i, (node, ptr) in enumerate(variants):
                key = key_of(side, node, ptr, i)
                result[key if key not in result else f"{key}#{i}"] = (node, ptr)
            return result

        old_keys = keyed(self.old, old.variants)
        new_keys = keyed(self.new, new.variants)
        # Unmatched variants at the same position are compared with each other (a renamed ref).
        only_old = [k for k in old_keys if k not in new_keys]
        only_new = [k for k in new_keys if k not in old_keys]
        pairs = [(k, k) for k in old_keys if k in new_keys]
        while only_old and only_new and len(only_old) == len(only_new):
            pairs.append((only_old.pop(0), only_new.pop(0)))
        for k in only_old:
            out.append(
                _Rel(
                    "",
                    "variant-removed",
                    self.describe(self.old, *old_keys[k]),
                    None,
                    req,
                    f"{word} variant {self.describe(self.old, *old_keys[k])} removed",
                )
            )
        for k in only_new:
            out.append(
                _Rel(
                    "",
                    "variant-added",
                    None,
                    self.describe(self.new, *new_keys[k]),
                    not req,
                    f"new {word} variant {self.describe(self.new, *new_keys[k])}",
                )
            )
        for ko, kn in pairs:
            (o_node, o_ptr), (n_node, n_ptr) = old_keys[ko], new_keys[kn]
            name = Resolver.ref_name(n_node)
            label = f"(as {name})" if name else f"({word}[{new.variants.index((n_node, n_ptr))}])"
            for r in self.compare(o_node, o_ptr, n_node, n_ptr, direction):
                out.append(_prefix(r, label))
        return out

    # -- helpers --------------------------------------------------------------------------------

    def describe(self, side: _Side, node: Any, ptr: str) -> str:
        """A short type text for messages: ``integer``, ``array of Run``, ``string (date-time)``."""
        if node is None:
            return "any"
        schema = side.schema(node, ptr)
        text = _type_text(schema)
        if schema.name and "object" in schema.types:
            text = schema.name
        if schema.types == {"array"}:
            items = schema.node.get("items")
            if isinstance(items, dict):
                text = f"array of {self.describe(side, items, schema.ptr + '/items')}"
        extras = []
        if "default" in schema.node:
            extras.append(f"default {json.dumps(schema.node['default'], default=str)}")
        if isinstance(schema.node.get("enum"), list):
            extras.append(f"one of {_values(schema.node['enum'])}")
        return text + (", " + ", ".join(extras) if extras else "")

    def emit(self, operation: str, where: _Where, rels: tuple[_Rel, ...]) -> None:
        for r in rels:
            self.add(r.kind, operation, where, r.before, r.after, r.breaking, r.message, r.path)

    def add(
        self,
        kind: str,
        operation: str,
        where: _Where,
        before: Any,
        after: Any,
        breaking: bool,
        message: str,
        field: str = "",
    ) -> None:
        section, part, media_type = where
        self.changes.append(
            Change(
                kind, operation, section, part, media_type, field, before, after, breaking, message
            )
        )


def _op_id(op: dict[str, Any]) -> str:
    return str(op.get("operationId") or "no operationId")


def _media_types(content: Any) -> dict[str, str]:
    """Media type essence (lower case, no parameters) -> the key as written."""
    if not isinstance(content, dict):
        return {}
    return {str(k).split(";", 1)[0].strip().lower(): k for k in content}


def _prefix(r: _Rel, segment: str) -> _Rel:
    """Locate a nested change under a property name, ``[]`` (items), ``{*}`` or ``<variant>``."""
    if not r.path:
        path = segment
    elif r.path.startswith(("[", "{", "(")):
        path = segment + r.path
    else:
        path = f"{segment}.{r.path}"
    return _Rel(path, r.kind, r.before, r.after, r.breaking, r.message)


def _type_text(schema: _Schema) -> str:
    if not schema.types:
        text = f"{schema.variant_word} union" if schema.variants else "any"
    else:
        text = " | ".join(sorted(schema.types))
    fmt = schema.node.get("format")
    if fmt and len(schema.types) == 1:
        text += f" ({fmt})"
    return text


def _values(values: Any) -> str:
    if not isinstance(values, list):
        return str(values)
    shown = ", ".join(json.dumps(v, default=str) for v in values[:8])
    return f"[{shown}{', ...' if len(values) > 8 else ''}]"


def _fmt(value: Any) -> str:
    return "none" if value is None else json.dumps(value, default=str)


def _wider(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Every value of the ``narrow`` types is a value of the ``wide`` ones (empty = any)."""
    if not wide:
        return True
    if not narrow:
        return False
    covered = set(wide) | ({"integer"} if "number" in wide else set())
    return set(narrow) <= covered


def _has_default(side: _Side, node: Any, ptr: str) -> bool:
    target, _, _ = side.deref(node, ptr)
    return isinstance(target, dict) and "default" in target
