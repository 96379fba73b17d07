"""What every step of the build shares: the document, its references, its checked extensions,
the component class names, and what was left out (with ``skip_unsupported``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import ir
from ..errors import SpecError
from ..read.load import SpecDocument
from ..read.refs import Resolver
from .extensions import Extensions

# Characters a name must not contain to be written between quotes in generated code.
UNQUOTABLE = re.compile(r'["\\\x00-\x1f\x7f\u2028\u2029\x85]')


@dataclass
class Context:
    doc: SpecDocument
    ext: Extensions
    schema_classes: dict[str, str]  # component schema name -> Python class name
    skip_unsupported: bool = False
    inline: dict[str, str] = field(default_factory=dict)  # pointer of an inline schema -> name
    inline_used: set[str] = field(default_factory=set)  # the inline schemas a method's type names
    resolver: Resolver = field(init=False)
    skipped: list[ir.Skipped] = field(default_factory=list)
    omitted: list[ir.Omitted] = field(default_factory=list)
    blockers: list[SpecError] = field(default_factory=list)  # without skip_unsupported
    blocked: int = 0  # operations with blockers
    invalid: dict[str, SpecError] = field(default_factory=dict)  # operation pointer -> problem
    operation_label: str = ""  # "GET /path" of the operation being read
    # pointer of what is being read, for the internal-error safety net (a one-item list, so
    # that build_api can hold on to it)
    current_ref: list[str] = field(default_factory=lambda: [""])
    envelope: str | None = None  # x-sdk envelope data member
    tag_groups: dict[str, str] = field(default_factory=dict)  # x-tagGroups: tag -> group
    collection_tags: frozenset[str] = frozenset()  # tags no operation is grouped by
    # GET operation pointer -> whether its JSON answer is a list (build/path_names.py reads it)
    listing: dict[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.resolver = Resolver(self.doc.data)

    @property
    def current(self) -> str:
        return self.current_ref[0]

    @current.setter
    def current(self, value: str) -> None:
        self.current_ref[0] = value

    @property
    def spec(self) -> dict[str, Any]:
        return self.doc.data

    def fail(self, message: str, where: str) -> SpecError:
        return self.doc.error(message, where)

    def warn(self, message: str, where: str) -> None:
        """A located warning. One about something shared (a ``components`` parameter, a
        path-level one) names the operation being read, so that each operation it affects
        gets its own line instead of one line for all."""
        label = self.operation_label
        if label and self.current and not where.startswith(self.current) and label not in message:
            message = f"{message} (operation {label})"
        self.doc.warn(message, where)

    def deref(self, node: Any, where: str) -> tuple[Any, str]:
        try:
            return self.resolver.deref(node, where)
        except SpecError as exc:
            raise self.fail(exc.message, exc.pointer) from None

    def check_quotable(self, name: str, what: str, where: str) -> None:
        """A name the output writes between quotes must not be able to end them."""
        if UNQUOTABLE.search(name):
            raise self.fail(
                f"{what} {name!r} contains a quote, backslash or control character, "
                "which is not supported in names",
                where,
            )

    def inline_class(self, where: str) -> str | None:
        """The model class of the inline schema at ``where`` (generator/models/lift.py)."""
        name = self.inline.get(where)
        if name is None:
            return None
        self.inline_used.add(name)
        return self.schema_classes.get(name)

    def class_of(self, schema: Any) -> str | None:
        """The model class of a ``$ref`` to a component schema."""
        ref = Resolver.ref_name(schema)
        return self.schema_classes.get(ref) if ref else None
