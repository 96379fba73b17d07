"""Methods -> namespaces (``client.<namespace>.<method>``) and the client's own methods, with
resource class names that clash with nothing and method names unique per namespace."""

from __future__ import annotations

import keyword
import re
from dataclasses import replace
from typing import Any

from .. import ir
from ..naming import identifier, method_name, namespace_name, pascal_case, unique
from ..reserved import CLIENT_ATTRIBUTES, RESERVED_CLASS_NAMES, builtin_class_names
from ..spectext import SpecText, prose
from .extensions import spec_operations

# A path segment that names no resource: ``api``, ``rest``, a version (``v1``, ``2010-04-01``).
VERSION_SEGMENT = re.compile(r"(?i)^(api|rest|v\d+([._]\d+)*([a-z]+\d*)?|\d[\d._-]*)$")


def group(
    spec: dict[str, Any],
    pkg: ir.Package,
    methods: list[ir.Method],
    schema_classes: dict[str, str],
    renamed: dict[str, str] | None = None,
) -> tuple[tuple[ir.Namespace, ...], tuple[ir.Method, ...]]:
    """(namespaces in order of first appearance, methods on the client itself).

    A method's ``namespace`` is its access path (``organizations.projects``): every level
    becomes a namespace (one with no methods of its own too), listed before the ones nested
    in it; a nested one's module is its path joined with ``_``, made unique. ``renamed``: the
    top-level namespaces ``shared_words`` shortened (their tags' descriptions follow them)."""
    tag_docs: dict[str, str] = {}
    tags = spec.get("tags")
    for tag in tags if isinstance(tags, list) else []:
        if isinstance(tag, dict) and tag.get("name"):
            name = namespace_name(str(tag["name"]))
            tag_docs.setdefault((renamed or {}).get(name, name), prose(tag.get("description")))
    members_of: dict[str, list[ir.Method]] = {}
    client_methods: list[ir.Method] = []
    for method in methods:
        if not method.namespace:
            client_methods.append(method)
            continue
        parts = method.namespace.split(".")
        for depth in range(1, len(parts) + 1):
            members_of.setdefault(".".join(parts[:depth]), [])
        members_of[method.namespace].append(method)
    modules = _modules(list(members_of))
    children: dict[str, list[str]] = {path: [] for path in members_of}
    for path in members_of:
        if "." in path:
            children[path.rsplit(".", 1)[0]].append(path)
    # Resource classes (and their Async twins) must not clash with model classes, the package's
    # own classes or each other; a resource module imports typing names, runtime classes and
    # models (generator/render/imports.py): `List` or `Timeout` would shadow one.
    avoid = set(schema_classes.values()) | pkg.runtime_class_names()
    avoid |= RESERVED_CLASS_NAMES | builtin_class_names()
    namespaces = []
    for path, members in members_of.items():
        class_name = _class_name(modules[path], avoid)
        avoid |= derived_classes(class_name)
        parent, _, attribute = path.rpartition(".")
        nested = {c.rpartition(".")[2] for c in children[path]}
        namespaces.append(
            ir.Namespace(
                name=modules[path],
                class_name=class_name,
                description=SpecText(tag_docs.get(attribute, "")),
                methods=tuple(dedupe_names(members, taken=nested)),
                path=path,
                parent=modules[parent] if parent else "",
                attribute=attribute if parent else "",
                children=tuple(modules[c] for c in children[path]),
            )
        )
    top = {path for path in members_of if "." not in path}
    client_level = dedupe_names(client_methods, taken=top | set(CLIENT_ATTRIBUTES))
    return tuple(namespaces), tuple(client_level)


def _modules(paths: list[str]) -> dict[str, str]:
    """The module (and namespace) name of each access path: a top-level namespace's is its
    attribute on the client; a nested one's is its path joined with ``_``, unique."""
    modules = {path: path for path in paths if "." not in path}
    used = set(modules.values())
    for path in paths:
        if "." in path:
            modules[path] = unique(path.replace(".", "_"), used)
            used.add(modules[path])
    return modules


def namespace_path(parts: list[str]) -> str:
    """A namespace's access path from its names (``["Organizations", "projects"]`` ->
    ``organizations.projects``): the first segment a client attribute, the others resource
    attributes (neither may replace what the client or a resource already has)."""
    segments = [p for p in (str(part).strip() for part in parts) if p]
    if not segments:
        return ""
    return ".".join(
        [namespace_name(segments[0])] + [method_name(identifier(s)) for s in segments[1:]]
    )


def tag_groups(spec: dict[str, Any]) -> dict[str, str]:
    """``x-tagGroups`` (Redoc's grouping of tags): tag -> the group it is in (the first one),
    for tags whose group has another name; their operations nest under the group."""
    groups = spec.get("x-tagGroups")
    found: dict[str, str] = {}
    for entry in groups if isinstance(groups, list) else ():
        name = entry.get("name") if isinstance(entry, dict) else None
        members = entry.get("tags") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip() or not isinstance(members, list):
            continue
        for tag in members:
            if isinstance(tag, str) and namespace_name(tag) != namespace_name(name):
                found.setdefault(tag, name)
    return found


def collection_tags(spec: dict[str, Any]) -> frozenset[str]:
    """Tags that head a section of the reference rather than name what an operation is
    about: ``x-traitTag: true`` (Redoc's section headings: InfluxDB's "Authentication"), and a
    tag mostly written beside another, two or more different ones in all, that either an
    ``x-tagGroups`` group lists (InfluxDB's "Security and access endpoints"
    beside Users, Secrets, Signin...) or 3 in 4 operations have (``API`` beside each
    resource's tag). An operation is grouped by another of its tags (``operation_tag``). A
    tag only some operations add before another (Slack's ``admin``) still groups them."""
    found = set()
    declared = spec.get("tags")
    for tag in declared if isinstance(declared, list) else ():
        if isinstance(tag, dict) and tag.get("x-traitTag") is True and tag.get("name"):
            found.add(str(tag["name"]))
    listed: set[str] = set()
    groups = spec.get("x-tagGroups")
    for entry in groups if isinstance(groups, list) else ():
        members = entry.get("tags") if isinstance(entry, dict) else None
        listed |= {str(t) for t in members} if isinstance(members, list) else set()
    alone: dict[str, int] = {}
    total: dict[str, int] = {}
    beside: dict[str, set[str]] = {}
    operations = spec_operations(spec)
    for op in operations:
        tags = _tags(op)
        for tag in tags:
            total[tag] = total.get(tag, 0) + 1
            others = [t for t in tags if t != tag]
            if others:
                beside.setdefault(tag, set()).add(others[0])
            else:
                alone[tag] = alone.get(tag, 0) + 1
    for tag, count in total.items():
        everywhere = count * 4 >= len(operations) * 3
        if (tag in listed or everywhere) and len(beside.get(tag, ())) >= 2:
            if alone.get(tag, 0) * 2 < count:
                found.add(tag)
    return frozenset(found)


def operation_tag(op: dict[str, Any], collection: frozenset[str] = frozenset()) -> str | None:
    """The tag an operation is grouped by: its first that is no ``collection`` tag, else its
    first; ``None`` without tags."""
    tags = _tags(op)
    return next((t for t in tags if t not in collection), tags[0] if tags else None)


def _tags(op: dict[str, Any]) -> list[str]:
    raw = op.get("tags")
    tags = [str(t) for t in raw if str(t).strip()] if isinstance(raw, list) else []
    return list(dict.fromkeys(tags))


def adopt_untagged(entries: list[tuple[str, str, bool]]) -> list[str]:
    """The namespaces of operations, an untagged one's (named from its path, or from the only
    tags it has, collection tags) replaced by the one tagged operations on the same path or the
    nearest path above it use: (path, namespace, untagged) -> namespace. Paths are compared
    without their trailing ``{parameters}`` (an item is its collection: ``/users/{id}/keys``
    joins ``/users/{id}/keys/{key}``'s ``keys``, ``/buckets/{id}/labels`` joins
    ``/buckets``'), and the path above must name something (not only ``api`` or a version).
    Of several namespaces there, the one most of its operations use, then the first. With no
    such path the operation keeps its own (a document without tags is unchanged)."""
    tagged = [(_resource(path), ns) for path, ns, untagged in entries if not untagged and ns]
    out = []
    for path, namespace, untagged in entries:
        mine = _resource(path)
        best, votes = 0, dict[str, int]()
        for theirs, ns in tagged if untagged else ():
            size = len(theirs)
            if size < best or mine[:size] != theirs or not any(_named(s) for s in theirs):
                continue
            if size > best:
                best, votes = size, {}
            votes[ns] = votes.get(ns, 0) + 1
        out.append(max(votes, key=lambda ns: votes[ns]) if votes else namespace)
    return out


def _resource(path: str) -> list[str]:
    """A path's segments without the trailing ``{parameters}``."""
    segments = [s for s in path.split("/") if s]
    while segments and "{" in segments[-1]:
        segments.pop()
    return segments


def _named(segment: str) -> bool:
    return "{" not in segment and not VERSION_SEGMENT.fullmatch(segment)


def _class_name(name: str, avoid: set[str]) -> str:
    class_name = pascal_case(name).lstrip("_") or "Default"
    if class_name[0].isdigit():
        class_name = "Ns" + class_name
    candidate = class_name
    counter = 1
    while (
        derived_classes(candidate) & avoid
        or keyword.iskeyword(candidate)
        or candidate in ("I", "O", "l")  # E742: ambiguous class names
    ):
        counter += 1
        candidate = (
            f"{class_name}Resource" if counter == 2 else f"{class_name}Resource{counter - 1}"
        )
    return candidate


def derived_classes(name: str) -> set[str]:
    """The classes a namespace's resource module defines (templates/client/resource.py.jinja)."""
    return {name, f"Async{name}", f"{name}WithRawResponse", f"Async{name}WithRawResponse"}


def dedupe_names(methods: list[ir.Method], taken: set[str] | None = None) -> list[ir.Method]:
    """Two operations with the same method name in one namespace get numbered, deterministically."""
    used: set[str] = set(taken or ())
    out = []
    for m in methods:
        name = unique(m.name, used)
        used.add(name)
        out.append(replace(m, name=name) if name != m.name else m)
    return out


def shared_words(entries: list[tuple[str, bool]]) -> dict[str, str]:
    """Top-level namespaces without the first or last word all of them share (Google's tags
    ``Geolocation API``, ``Places API`` -> ``geolocation``, ``places``; Twilio's
    ``Api20100401Account``, ``Api20100401Call`` -> ``account``, ``call``): old -> new name.

    ``entries`` are (namespace, given) per method; a ``given`` one (``x-sdk-namespace``) is kept
    and not compared. Nothing changes unless there are at least two namespaces, each of at least
    two words, none also given, and the shorter names are still unique and none of the given
    ones."""
    given = {ns.split(".")[0] for ns, is_given in entries if ns and is_given}
    tops = sorted({ns.split(".")[0] for ns, is_given in entries if ns and not is_given})
    words = {top: top.rstrip("_").split("_") for top in tops}
    if len(tops) < 2 or set(tops) & given or any(len(w) < 2 or not all(w) for w in words.values()):
        return {}
    start = 1 if len({w[0] for w in words.values()}) == 1 else 0
    end = -1 if len({w[-1] for w in words.values()}) == 1 else None
    rests = {top: w[start:end] for top, w in words.items()}
    if (start, end) == (0, None) or not all(rests.values()):
        return {}
    renamed = {top: namespace_name("_".join(rest)) for top, rest in rests.items()}
    if len(set(renamed.values())) < len(renamed) or set(renamed.values()) & given:
        return {}
    return renamed


def short_names(entries: list[tuple[str, str, bool]]) -> list[str]:
    """Method names that do not repeat their namespace: ``bookings.list_bookings`` ->
    ``bookings.list``, ``bookings.get_booking_by_id`` -> ``bookings.get_by_id``.

    ``entries`` are (namespace, name, given) in document order; a ``given`` name (``x-sdk-method``)
    is kept as written, as is every name on the client itself. A name is shortened only when
    the rest is unambiguous: a shortened name that another method of the namespace would also
    take, or already has, leaves both as they were (repeated until nothing clashes), so the
    result is deterministic and collision-free before ``dedupe_names``."""
    nested: set[tuple[str, str]] = set()  # (namespace, attribute of a namespace nested in it)
    for namespace, _, _ in entries:
        parts = namespace.split(".")
        nested.update((".".join(parts[:i]), parts[i]) for i in range(1, len(parts)))
    names = [
        _without_namespace(name, namespace) if namespace and not given else name
        for namespace, name, given in entries
    ]
    names = [
        entry[1] if (entry[0], short) in nested else short
        for entry, short in zip(entries, names, strict=True)
    ]
    while True:
        owners: dict[tuple[str, str], list[int]] = {}
        for index, (namespace, _, _) in enumerate(entries):
            owners.setdefault((namespace, names[index]), []).append(index)
        clashing = [
            index
            for same in owners.values()
            if len(same) > 1
            for index in same
            if names[index] != entries[index][1]
        ]
        if not clashing:
            return names
        for index in clashing:
            names[index] = entries[index][1]


def _versions(words: list[str]) -> bool:
    """Whether ``words`` are all version segments (``v1``, ``v2beta``)."""
    return all(re.fullmatch(r"v\d+[a-z0-9]*", w) for w in words)


def _without_namespace(name: str, namespace: str) -> str:
    """``name`` without the first occurrence of the namespace's words (plural or singular);
    ``name`` itself when nothing would be left or the rest is not a usable method name."""
    words = name.split("_")
    for form in namespace_forms(namespace):
        size = len(form)
        for start in range(len(words) - size + 1):
            if words[start : start + size] == form:
                if words[start + size : start + size + 1] in (["id"], ["ids"]):
                    continue  # get_buckets_id: the words name one of them, get_id would not
                rest = [w for w in words[:start] + words[start + size :] if w]
                if not rest or rest[0] == "by":  # nothing, or no verb left (pets_by_id)
                    continue
                if rest[-1] in _DANGLING:  # snap_to_roads in `roads`: not `snap_to`
                    continue
                if start >= 2 and start + size == len(words) and not _versions(words[1:start]):
                    # the last words, after more than a verb: the words before them say which
                    # (list_call_event in `event` lists a call's events, not calls; but
                    # get_v1_pets in `pets` is get_v1)
                    continue
                shorter = method_name("_".join(rest))
                return shorter if shorter.isidentifier() and not shorter[0].isdigit() else name
    return name


# Words a method name does not end with: the namespace's words were their object.
_DANGLING = frozenset({"to", "from", "for", "of", "by", "with", "in", "into", "on", "at", "and"})


def namespace_forms(namespace: str) -> list[list[str]]:
    """The namespace's words as they appear in method names, longest first:
    ``shared_configs`` -> [shared, configs], [shared, config]; ``pet`` -> [pet], [pets];
    ``batch`` -> [batch], [batches]."""
    words = [w for w in namespace.rsplit(".", 1)[-1].rstrip("_").split("_") if w]
    if not words:
        return []
    last = words[-1]
    forms = [last]
    if last.endswith("ies") and len(last) > 4:
        forms.append(last[:-3] + "y")
    elif last.endswith(("sses", "xes", "shes", "ches", "uses")):
        forms.append(last[:-2])
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 2:
        forms.append(last[:-1])
    elif last.endswith(("s", "x", "z", "ch", "sh")):  # batch -> batches, address -> addresses
        forms.append(last + "es")
    else:
        forms.append(last[:-1] + "ies" if last.endswith("y") else last + "s")
    return [words[:-1] + [form] for form in forms]
