"""Comparing two client surfaces (surface.py builds them): every change for a user's code.

Each Python element is matched with the other version's by its wire identity (see surface.py).
Classification, for a user's code (any change to a name, a kind or a shape that user code
names is **breaking**; additions are **compatible**):

==================================  ==========================================================
method / model / resource class    breaking (old name gone; a method moved to another
renamed                             namespace counts as renamed)
model class, exception, helper      removed: breaking; added: compatible
method (``follow``), object-layer
class or method (``links``)
argument renamed                    breaking
argument positional -> keyword-only breaking; keyword-only -> positional: compatible
positional arguments reordered      breaking
argument required -> optional       compatible; optional -> required: breaking
argument default changed            compatible (reported), as in the wire layer
argument type changed               breaking, unless the wire layer already reports that element;
                                    widened (every type it took is still one of the union it
                                    takes: ``int`` -> ``Union[int, NotGiven]``): compatible
return annotation or kind changed   breaking (value/page/stream/bytes/none, future or not)
method deprecated                   compatible (reported), unless the wire layer reports it
==================================  ==========================================================
"""

from __future__ import annotations

import re
from typing import Any

from .changes import Change
from .surface import Surface


def diff_surfaces(
    old: Surface, new: Surface, wire: list[Change], *, same_wire: bool = False
) -> list[Change]:
    """Every change of the Python surface from ``old`` to ``new``; ``wire`` (the wire layer's
    changes) says which elements that layer already reports. ``same_wire``: both surfaces are
    of one document (a released version's client regenerated, the release gate): a method or
    argument that comes or goes is then the client's doing, and reported here."""
    return _SurfaceDiffer(wire, same_wire=same_wire).run(old, new)


def _by_operation(methods: dict[str, Any]) -> dict[str, str]:
    """Operation key -> method name; two methods of one operation and body kind (one per media
    type) are told apart by their order."""
    found: dict[str, str] = {}
    for name, method in methods.items():
        key = method["operation"]
        if not key:
            continue
        n = 1
        while f"{key} #{n}" in found:
            n += 1
        found[f"{key} #{n}"] = name
    return found


class _SurfaceDiffer:
    def __init__(self, wire: list[Change], *, same_wire: bool = False) -> None:
        self.changes: list[Change] = []
        self.same_wire = same_wire
        self.wire_ops = {c.operation for c in wire}
        # (operation label, wire name) of every parameter or body field the wire layer reports.
        self.wire_elements: set[tuple[str, str]] = set()
        self.wire_fields: set[str] = set()
        for c in wire:
            if c.section == "parameter":
                self.wire_elements.add((c.operation, c.part.split(" ", 1)[-1]))
            elif c.section == "request body" and c.field:
                self.wire_elements.add((c.operation, re.split(r"[.\[]", c.field, maxsplit=1)[0]))
            if c.field:
                self.wire_fields.add(re.split(r"[.\[]", c.field)[-1] or c.field)

    def add(
        self, kind: str, where: str, part: str, before: Any, after: Any, breaking: bool, msg: str
    ) -> None:
        section, _, name = where.partition(" ")
        self.changes.append(
            Change(
                kind=f"surface-{kind}",
                operation=name,
                section=section,
                part=part,
                media_type="",
                field="",
                before=before,
                after=after,
                breaking=breaking,
                message=msg,
                layer="surface",
            )
        )

    def run(self, old: Surface, new: Surface) -> list[Change]:
        self.named_set("client", "client class", old["client"], new["client"])
        self.named_set("exceptions", "exception class", old["exceptions"], new["exceptions"])
        self.namespaces(old["namespaces"], new["namespaces"])
        self.methods(old["methods"], new["methods"])
        self.models(old["models"], new["models"])
        # response links: removed breaks, added not
        self.named_set("objects", "object layer", old.get("objects", []), new.get("objects", []))
        return self.changes

    def named_set(self, where: str, what: str, old: list[str], new: list[str]) -> None:
        """Names that come or go (``Change.line``: "`FileObject.delete()` removed (object
        layer)")."""
        for name in sorted(set(old) - set(new)):
            self.add("removed", f"package {where}", name, name, None, True, f"removed ({what})")
        for name in sorted(set(new) - set(old)):
            self.add("added", f"package {where}", name, None, name, False, f"added ({what})")

    def namespaces(self, old: dict[str, str], new: dict[str, str]) -> None:
        """Namespaces come and go with their methods (reported as renamed, or by the wire
        layer); what is left is the resource class name."""
        for name in sorted(set(old) & set(new)):
            if old[name] != new[name]:
                self.add(
                    "namespace-class-renamed",
                    f"namespace client.{name}",
                    "class",
                    old[name],
                    new[name],
                    True,
                    f"resource class renamed {old[name]} → {new[name]}",
                )

    def methods(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_by_op, new_by_op = _by_operation(old), _by_operation(new)
        for op, old_name in old_by_op.items():
            new_name = new_by_op.get(op)
            if new_name is None:
                if self.same_wire:  # the same document, so the client dropped the method
                    self.add(
                        "method-removed",
                        f"method {old_name}",
                        "",
                        old_name,
                        None,
                        True,
                        f"method removed ({old[old_name]['label']} is still in the API)",
                    )
                continue  # else the operation (or its body kind) went: the wire layer says so
            label = old[old_name]["label"]
            if new_name != old_name:
                self.add(
                    "method-renamed",
                    f"method {new_name}",
                    "",
                    old_name,
                    new_name,
                    True,
                    f"method renamed: client.{old_name}() is now client.{new_name}() "
                    f"({label}, same operation on the wire)",
                )
            self.method(new_name, label, old[old_name], new[new_name])
        for op in sorted(set(new_by_op) - set(old_by_op)) if self.same_wire else ():
            name = new_by_op[op]
            self.add("method-added", f"method {name}", "", None, name, False, "new method")
        for name in sorted(set(old) - set(new)):
            if not old[name]["operation"]:
                self.add(
                    "method-removed",
                    f"method {name}",
                    "",
                    name,
                    None,
                    True,
                    "helper method removed",
                )
        for name in sorted(set(new) - set(old)):
            if not new[name]["operation"]:
                self.add(
                    "method-added", f"method {name}", "", None, name, False, "new helper method"
                )

    def method(self, name: str, label: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        where = f"method {name}"
        before, after = old["returns"], new["returns"]
        if before["kind"] != after["kind"]:
            self.add(
                "return-kind-changed",
                where,
                "returns",
                before["kind"],
                after["kind"],
                True,
                f"returns a {after['kind']} instead of a {before['kind']}",
            )
        elif before["annotation"] != after["annotation"] and label not in self.wire_ops:
            self.add(
                "return-type-changed",
                where,
                "returns",
                before["annotation"],
                after["annotation"],
                True,
                f"return type {before['annotation']} → {after['annotation']}",
            )
        if old["deprecated"] != new["deprecated"] and label not in self.wire_ops:
            now = new["deprecated"]
            self.add(
                "method-deprecated" if now else "method-undeprecated",
                where,
                "",
                not now,
                now,
                False,
                "method deprecated" if now else "no longer deprecated",
            )
        self.params(where, label, old["params"], new["params"])

    def params(self, where: str, label: str, old: list[Any], new: list[Any]) -> None:
        old_by_wire = {p["wire"]: p for p in old}
        new_by_wire = {p["wire"]: p for p in new}
        for wire, before in old_by_wire.items():
            after = new_by_wire.get(wire)
            if after is None:
                if self.same_wire:  # else the parameter or field went: the wire layer's change
                    name = before["name"]
                    self.add(
                        "argument-removed",
                        where,
                        f"argument {name}",
                        name,
                        None,
                        True,
                        "argument removed",
                    )
                continue
            self.param(where, label, wire, before, after)
        for wire in sorted(new_by_wire.keys() - old_by_wire.keys()) if self.same_wire else ():
            p = new_by_wire[wire]
            needed = p["required"] and p["default"] is None
            self.add(
                "argument-added",
                where,
                f"argument {p['name']}",
                None,
                p["name"],
                needed,
                "new required argument" if needed else "new optional argument",
            )
        old_pos = [p["wire"] for p in old if p["positional"] and p["wire"] in new_by_wire]
        new_pos = [p["wire"] for p in new if p["positional"]]
        kept = [w for w in new_pos if w in old_pos]
        if kept != old_pos[: len(kept)] or (kept and new_pos.index(kept[-1]) >= len(kept)):
            names = [new_by_wire[w]["name"] for w in new_pos]
            self.add(
                "positional-order-changed",
                where,
                "",
                [old_by_wire[w]["name"] for w in old_pos],
                names,
                True,
                f"positional arguments reordered or one inserted: {', '.join(names)}",
            )

    def param(self, where: str, label: str, wire: str, old: dict[str, Any], new: Any) -> None:
        name = new["name"]
        part = f"argument {name}"
        seen = (label, wire.split(" ", 1)[-1]) in self.wire_elements
        if old["name"] != name:
            self.add(
                "argument-renamed",
                where,
                part,
                old["name"],
                name,
                True,
                f"argument renamed {old['name']} → {name} (same {wire} on the wire)",
            )
        if old["positional"] and not new["positional"]:
            self.add(
                "argument-keyword-only",
                where,
                part,
                True,
                False,
                True,
                "argument is keyword-only now (was positional)",
            )
        elif new["positional"] and not old["positional"]:
            self.add(
                "argument-positional",
                where,
                part,
                False,
                True,
                False,
                "argument may also be passed positionally",
            )
        if seen:
            return  # required-ness, default and type: the wire layer reports that element
        if old["required"] != new["required"]:
            self.add(
                "argument-required" if new["required"] else "argument-optional",
                where,
                part,
                old["required"],
                new["required"],
                new["required"],
                "argument is required now" if new["required"] else "argument is optional now",
            )
        elif old["default"] != new["default"]:
            self.add(
                "argument-default-changed",
                where,
                part,
                old["default"],
                new["default"],
                False,
                f"default {old['default']} → {new['default']}",
            )
        if old["type"] != new["type"]:
            widened = _members(old["type"]) <= _members(new["type"])
            self.add(
                "argument-type-widened" if widened else "argument-type-changed",
                where,
                part,
                old["type"],
                new["type"],
                not widened,
                f"argument type {old['type']} → {new['type']}",
            )

    def models(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_classes = {m["class"]: n for n, m in old.items()}
        new_classes = {m["class"]: n for n, m in new.items()}
        for cls, schema in sorted(old_classes.items()):
            where = f"model models.{cls}"
            if cls in new_classes:
                self.fields(f"model models.{cls}", old[schema], new[new_classes[cls]])
            elif schema in new:
                renamed = new[schema]["class"]
                self.add(
                    "model-renamed",
                    where,
                    "",
                    cls,
                    renamed,
                    True,
                    f"model class renamed to {renamed}",
                )
            else:
                self.add("model-removed", where, "", cls, None, True, "model class removed")
        for cls, schema in sorted(new_classes.items()):
            if cls not in old_classes and schema not in old:
                self.add(
                    "model-added", f"model models.{cls}", "", None, cls, False, "new model class"
                )

    def fields(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Fields of a model the wire layer never saw (not reachable from any operation)."""
        before, after = old.get("fields", {}), new.get("fields", {})
        for name in sorted(set(before) - set(after)):
            if name not in self.wire_fields:
                self.add(
                    "field-removed", where, f"field {name}", name, None, True, "model field removed"
                )
        for name in sorted(set(after) - set(before)):
            if name not in self.wire_fields:
                self.add(
                    "field-added", where, f"field {name}", None, name, False, "new model field"
                )


def _members(annotation: str) -> frozenset[str]:
    """The types an argument annotation accepts, as written: the members of a top-level
    ``Union[...]`` or ``Optional[...]`` (then ``None`` too), and of those nested in it
    (``Optional[Union[A, B]]``: ``A``, ``B``, ``None``), else the annotation itself."""
    text = annotation.replace(" ", "")
    for wrapper, extra in (("Union[", ()), ("Optional[", ("None",))):
        if text.startswith(wrapper) and text.endswith("]"):
            parts, depth, start = [], 0, len(wrapper)
            for i, char in enumerate(text[start:-1], start):
                depth += char == "["
                depth -= char == "]"
                if char == "," and depth == 0:
                    parts.append(text[start:i])
                    start = i + 1
            parts.append(text[start:-1])
            return frozenset(extra).union(*(_members(part) for part in parts))
    return frozenset({text})
