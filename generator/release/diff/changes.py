"""Compare two OpenAPI documents and classify every change for a *client user*.

This module holds the result (``Change``, ``DiffResult``) and the rules; normalise.py reads
schemas, schemas.py compares two schemas, operations.py walks the operations.

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

The comparison works on resolved specs: ``$ref`` is followed (generator/read/refs.py), ``allOf``
members are merged into one object (as generator/build/schemas.py's ``merged_object`` does), a one-
member ``oneOf``/``anyOf`` and a ``{type: null}`` variant are unwrapped. Component schema *names*
are not compared (a renamed schema with the same shape is no change). Operations are matched by
method and path with parameter names masked (``/files/{id}`` = ``/files/{fileId}``), parameters by
``(in, name)`` (path parameters by position), properties by name; a response field removed and
another added with the same schema in the same object is reported as one rename. Comparison of
schemas is memoised by the pair of JSON pointers compared and guarded against cycles and depth, so
shared schemas in multi-megabyte documents are compared once (see ``MAX_DEPTH``).
Not compared: security requirements, servers, headers of responses, callbacks, webhooks, examples,
descriptions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...escape import md, md_code

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
_Where = tuple[str, str, str]  # (section, part, media type) of Change


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
    # "wire" (what goes over HTTP, operations.py) or "surface" (the Python client, surface.py)
    layer: str = "wire"

    @property
    def is_package_name(self) -> bool:
        """A name of the package added or removed (a client, exception or object-layer class
        or method): its line names it, without an operation."""
        return self.layer == "surface" and self.section == "package"

    @property
    def classification(self) -> str:
        return "breaking" if self.breaking else "compatible"

    @property
    def location(self) -> str:
        """Where in the operation: ``request body (application/json): lora_rank``."""
        if self.layer == "surface":
            return " ".join(x for x in (self.section, self.part) if x)
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
            "layer": self.layer,
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
        """A Markdown list item (without the operation heading). A class or method of the
        package that came or went reads as what changed: "`FileObject.delete()` removed
        (object layer)"."""
        if self.is_package_name:
            return f"`{md_code(self.part)}` {md(self.message)}"
        where = f"`{md_code(self.location)}`: " if self.location else ""
        return f"{where}{md(self.message)}"


@dataclass
class DiffResult:
    old: Path
    new: Path
    old_version: str
    new_version: str
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. why the surface was not compared

    def layer(self, name: str) -> list[Change]:
        return [c for c in self.changes if c.layer == name]

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
            "summary": {
                "breaking": len(self.breaking),
                "compatible": len(self.compatible),
                **{
                    layer: {
                        "breaking": sum(c.breaking for c in self.layer(layer)),
                        "compatible": sum(not c.breaking for c in self.layer(layer)),
                    }
                    for layer in ("wire", "surface")
                },
            },
            "notes": self.notes,
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
            lines += [
                "No changes to operations, parameters, bodies or responses, nor to the "
                "Python client's methods, arguments, return types or classes.",
                "",
            ]
        lines += [f"Note: {md(n)}" for n in self.notes] + ([""] if self.notes else [])
        for label, group in (("Breaking changes", self.breaking), ("Compatible", self.compatible)):
            if not group:
                continue
            lines += [f"{h}# {label}", ""]
            lines += markdown_by_operation(group, heading_level + 2)
        return "\n".join(lines).rstrip("\n") + "\n"


def markdown_by_operation(changes: list[Change], heading_level: int) -> list[str]:
    """Changes grouped under one heading per operation, in the order they were found."""
    h = "#" * heading_level
    groups: dict[tuple[str, str], list[Change]] = {}
    for change in changes:
        groups.setdefault((change.layer, change.operation), []).append(change)
    lines: list[str] = []
    for (layer, operation), items in groups.items():
        if layer == "surface":
            lines += [f"{h} Python client: `{md_code(operation)}`", ""]
        else:
            lines += [f"{h} `{operation}`" if operation else f"{h} Document", ""]
        lines += [f"- {c.line()}" for c in items]
        lines.append("")
    return lines
