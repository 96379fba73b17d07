"""Method names from the shape of the path, for operations whose ``operationId`` only spells
the HTTP method and the path (InfluxDB's ``GetBuckets``, ``GetBucketsID``, ``DeleteDBRPID``;
Stripe's ``GetAccountsAccount``; no ``operationId`` at all): such a name says nothing the
path does not, and read as a method it misleads (``buckets.get()`` listed the buckets,
``get_buckets_id`` fetched one). The name comes from what the path is instead:

=============================  ======  =====================================
path (``/buckets/{id}`` is an  method  name
item of the collection
``/buckets``)
=============================  ======  =====================================
a collection                   GET     ``list``
a collection                   POST    ``create``
an item                        GET     ``get``
an item                        PATCH   ``update``
an item                        PUT     ``update`` (``replace`` beside a PATCH)
an item                        POST    ``update`` (Stripe's), when the path has a GET and
                                       neither PUT nor PATCH (Box's ``POST /files/{id}``
                                       restores; InfluxDB's ``POST /restore/bucket/{id}``)
an item                        DELETE  ``delete``
=============================  ======  =====================================

A path is a collection when the document has an item path under it (``/buckets`` and
``/buckets/{bucketID}``), so ``GET /debug/pprof/allocs`` or ``GET /health`` keep their names.
When the collection is not the namespace's own (``/buckets/{id}/labels`` in ``buckets``), its
name follows the verb (``list_labels``, ``get_label``, ``create_label``). Anything else (an
action segment: ``POST /tasks/{id}/runs/{runID}/retry``) keeps the name
``grouping.short_names`` gives it.
``build.shorten`` applies these names where no other method of the namespace has or takes the
same one.

Before those, an operation without ``operationId`` gets a name spelt from verb and path
(``default_method_name``: ``get_pets_by_pet_id``), and one without tag the namespace of its first
meaningful path segment (``path_namespace``); generator/build/operations.py asks for both.
"""

from __future__ import annotations

import re

from ..naming import identifier, method_name, snake_case
from .grouping import VERSION_SEGMENT, namespace_forms

_PARAMETER = re.compile(r"\{([^{}]*)\}")
_EXTENSION = re.compile(r"\.(json|xml|yaml|csv)$")

# (collection, item) names of each HTTP method with one of its own.
_VERBS: dict[str, tuple[str | None, str | None]] = {
    "GET": ("list", "get"),
    "POST": ("create", "update"),
    "PATCH": (None, "update"),
    "PUT": (None, "update"),
    "DELETE": (None, "delete"),
}


def segments(path: str) -> list[str]:
    """The path's segments without the leading ``api``/version ones (``/api/v2``, ``/v1``)."""
    parts = [_EXTENSION.sub("", s) for s in path.split("/") if s]
    while parts and not _PARAMETER.fullmatch(parts[0]) and VERSION_SEGMENT.fullmatch(parts[0]):
        parts.pop(0)
    return parts


def _shape(parts: list[str]) -> tuple[str, ...]:
    return tuple("{}" if _PARAMETER.fullmatch(p) else p for p in parts)


def collections(paths: list[str]) -> frozenset[tuple[str, ...]]:
    """The collections of a document: the paths (as ``_shape``) an item path ends under."""
    found = set()
    for path in paths:
        shape = _shape(segments(path))
        if len(shape) >= 2 and shape[-1] == "{}" and shape[-2] != "{}":
            found.add(shape[:-1])
    return frozenset(found)


def spells_path(operation_id: str, verb: str, path: str) -> bool:
    """Whether ``operation_id`` is only the HTTP method and the path's words, in order: a
    parameter as ``ID``, its name or nothing (not ``ById``: ``getPetById`` is ``get_by_id``),
    a segment in its plural or singular (``GetBucketsID`` for ``GET /buckets/{bucketID}``,
    ``DeleteDBRPID`` for ``DELETE /dbrps/{dbrpID}``, ``GetAccountsAccount`` for
    ``GET /v1/accounts/{account}``)."""
    pattern = re.escape(verb.lower())
    leading = True
    for segment in (_EXTENSION.sub("", s) for s in path.split("/") if s):
        parameter = _PARAMETER.fullmatch(segment)
        if parameter:
            name = _compact(parameter.group(1))
            pattern += _any_of({"id", name}) + "?"
            leading = False
            continue
        words = _compact(segment)
        optional = leading and bool(VERSION_SEGMENT.fullmatch(segment))
        leading = optional
        pattern += _any_of({words, _singular(words)}) + ("?" if optional else "")
    return re.fullmatch(pattern, _compact(operation_id)) is not None


def path_name(
    verb: str, path: str, namespace: str, known: frozenset[tuple[str, ...]], beside: set[str]
) -> str | None:
    """The method's name from the path's shape (the table above), or ``None``. ``known`` is
    the document's ``collections``; ``beside``: the HTTP methods of the path (upper case)."""
    parts = segments(path)
    shape = _shape(parts)
    names = _VERBS.get(verb.upper())
    if names is None or not shape:
        return None
    word: str | None
    if shape[-1] == "{}":
        word, collection = names[1], shape[:-1]
        if verb.upper() == "PUT" and "PATCH" in beside:
            word = "replace"
        elif verb.upper() == "POST" and (beside & {"PUT", "PATCH"} or "GET" not in beside):
            word = None
    else:
        word, collection = names[0], shape
    if word is None or collection not in known:
        return None
    noun = snake_case(collection[-1])
    if noun.split("_") in namespace_forms(namespace):
        return word
    name = method_name(f"{word}_{noun}" if word == "list" else f"{word}_{_singular(noun)}")
    return name if name.isidentifier() else None


def _any_of(words: set[str]) -> str:
    return "(?:" + "|".join(sorted(re.escape(w) for w in words if w)) + ")"


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "shes", "ches")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word


def default_method_name(verb: str, path: str, *, keep_version: bool = False) -> str:
    """``GET /pets/{petId}`` -> ``get_pets_by_pet_id`` (no operationId). Prefix segments
    ``path_namespace`` also skips (``api``, ``rest``, a version: ``/v0.1/servers`` ->
    ``get_servers``) are left out while nothing else has been named: every operation of a
    versioned API would otherwise carry the version in its name (``servers.get_v0_1``)."""
    parts = [verb]
    for segment in path.split("/"):
        if not segment or (
            not keep_version and len(parts) == 1 and VERSION_SEGMENT.fullmatch(segment)
        ):
            continue
        match = _PARAMETER.fullmatch(segment)
        parts.append(f"by_{match.group(1)}" if match else segment)
    return snake_case("_".join(snake_case(p) for p in parts))


def path_namespace(path: str) -> str:
    """The namespace of an untagged operation: the first meaningful path segment
    (``/api/v1/namespaces/{ns}/pods`` -> ``namespaces``; ``/2010-04-01/Accounts.json``
    -> ``accounts``)."""
    for segment in path.split("/"):
        segment = _EXTENSION.sub("", segment)
        if not segment or "{" in segment or VERSION_SEGMENT.fullmatch(segment):
            continue
        if identifier(segment) not in ("value", "_"):
            return segment
    return "default"
