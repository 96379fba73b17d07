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
name follows the verb (``list_labels``, ``get_label``, ``create_label``). A ``POST`` to a path
with no item under it, named like the namespace (a plural: ``POST /payments`` in
``payments``, no GET beside or one that answers a list), is ``create``.

A path just below an item with no item path under it (``/folders/{id}/items``,
``/files/{id}/copy``, ``/customers/{id}/cash_balance``; ``thumbnail.{extension}`` reads as
``thumbnail``) is a sub-collection when its last segment is a plural (``items``, ``captures``;
not ``status``) or its GET answers a page or an array, else one thing (a singleton) or an
action. ``sub`` below is the segment in snake case:

=========================  ======  ===================================================
the sub-resource           method  name
=========================  ======  ===================================================
a sub-collection           GET     ``list_<sub>`` (``folders.list_items``)
one thing                  GET     ``get_<sub>`` (``get_cash_balance``, ``get_thumbnail``)
a sub-collection           POST    ``create_<singular sub>``, beside a GET or alone
                                   (``create_capture`` for ``/payments/{id}/captures``)
one thing                  POST    ``update_<sub>`` beside a GET and no PUT or PATCH
                                   (``update_cash_balance``)
an action                  POST    the segment (``copy``, ``refund``, ``mark_uncollectible``),
                                   when POST is the path's only method and the segment is
                                   not a plural or begins with a verb
                                   (``verify_microdeposits``: ``_ACTION_VERBS``)
any                        PUT     ``update_<sub>`` (``replace_<sub>`` beside a PATCH)
any                        PATCH   ``update_<sub>``
any                        DELETE  ``delete_<sub>``
``things:verb`` (AIP-136)  POST    ``<verb>_<things>`` (``levels:append``: ``append_levels``)
=========================  ======  ===================================================

``<sub>`` is left out where it is the namespace's word (``comments.list`` for
``/files/{id}/comments``). A plural whose GET answers one object (neither a list nor one thing
for sure), a POST beside a PUT or DELETE but no GET, and anything deeper
(``/charges/{id}/dispute/close``) keep the name ``grouping.short_names`` gives it.

Each of these names has a second form with the item's word (``list_folder_collaborations``,
``get_subscription_discount``, ``expire_refund``), unless the item is the namespace's own
(``/charges/{id}/capture`` in ``charges``: ``capture``). It comes first where the short name
would say too little: an item of an item's (``/tasks/{id}/runs/{id}/retry``: ``retry_run``),
and a one-word action on another namespace's item (``issuing.approve_authorization``).
``build.shorten`` applies the first of them no other method of the namespace has or takes,
else the name above.

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
_SUFFIX = re.compile(r"\.\{[^{}]*\}$")  # a parameter after the word: thumbnail.{extension}

# (collection, item) names of each HTTP method with one of its own.
_VERBS: dict[str, tuple[str | None, str | None]] = {
    "GET": ("list", "get"),
    "POST": ("create", "update"),
    "PATCH": (None, "update"),
    "PUT": (None, "update"),
    "DELETE": (None, "delete"),
}


# Verbs that begin an action segment whose last word is a plural (``verify_microdeposits``,
# ``terminate_sessions``): plain English, no API's own words.
_ACTION_VERBS = frozenset(
    {"add", "apply", "approve", "archive", "assign", "attach", "cancel", "confirm", "decline",
     "detach", "disable", "enable", "finalize", "generate", "invite", "mark", "pause",
     "publish", "refresh", "reject", "remove", "rename", "reopen", "reorder", "resend", "reset",
     "restore", "resume", "retry", "revoke", "rotate", "send", "submit", "terminate", "unlink",
     "validate", "verify"}
)  # fmt: skip


def segments(path: str) -> list[str]:
    """The path's segments without the leading ``api``/version ones (``/api/v2``, ``/v1``)."""
    parts = [_SUFFIX.sub("", _EXTENSION.sub("", s)) for s in path.split("/") if s]
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
        inner = _PARAMETER.search(segment)  # thumbnail.{extension}: the word, then the parameter
        if inner and _compact(segment[: inner.start()]):
            words = _compact(segment[: inner.start()])
            pattern += _any_of({words, _singular(words)})
            pattern += _any_of({"id", _compact(inner.group(1))}) + "?"
            leading = False
            continue
        words = _compact(segment)
        optional = leading and bool(VERSION_SEGMENT.fullmatch(segment))
        leading = optional
        pattern += _any_of({words, _singular(words)}) + ("?" if optional else "")
    return re.fullmatch(pattern, _compact(operation_id)) is not None


def path_names(
    verb: str,
    path: str,
    namespace: str,
    known: frozenset[tuple[str, ...]],
    beside: set[str],
    listed: str | None = None,
) -> tuple[str, ...]:
    """The method's names from the path's shape (the tables above), best first, or none.
    ``known`` is the document's ``collections``; ``beside``: the HTTP methods of the path
    (upper case); ``listed``: whether the path's GET answers a list or a page (``None``: no
    GET, or an answer without a schema)."""
    parts = segments(path)
    shape = _shape(parts)
    verb = verb.upper()
    if verb not in _VERBS or not shape:
        return ()
    if shape[-1] == "{}" or shape in known:
        name = _collection_name(verb, shape, namespace, known, beside)
        return (name,) if name else ()
    noun = snake_case(shape[-1])
    if ":" in shape[-1]:  # a custom method (``levels:append``): its verb, then its noun
        things, _, action = shape[-1].partition(":")
        name = method_name(f"{snake_case(action)}_{snake_case(things)}")
        return (name,) if verb == "POST" and action and name.isidentifier() else ()
    if len(shape) >= 2 and shape[-2] == "{}":
        parent = snake_case(shape[-3]) if len(shape) >= 3 and shape[-3] != "{}" else None
        deep = len(shape) >= 4 and shape[-4] == "{}"
        return _below_item(verb, noun, parent, namespace, beside, listed, deep)
    own = noun.split("_") in namespace_forms(namespace)
    if verb == "POST" and own and _plural(noun) and ("GET" not in beside or listed == "page"):
        return ("create",)  # POST /payments in payments: no item path, its own collection
    return ()


def _collection_name(
    verb: str,
    shape: tuple[str, ...],
    namespace: str,
    known: frozenset[tuple[str, ...]],
    beside: set[str],
) -> str | None:
    """The name on a collection or an item (the first table)."""
    names = _VERBS[verb]
    word: str | None
    if shape[-1] == "{}":
        word, collection = names[1], shape[:-1]
        if verb == "PUT" and "PATCH" in beside:
            word = "replace"
        elif verb == "POST" and (beside & {"PUT", "PATCH"} or "GET" not in beside):
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


def _below_item(
    verb: str,
    noun: str,
    parent: str | None,
    namespace: str,
    beside: set[str],
    listed: str | None,
    deep: bool,
) -> tuple[str, ...]:
    """The names of a path just below an item that no item path is under (the second table):
    ``noun`` its last segment, ``parent`` the item's collection (``None``: an item of an
    item); ``deep``: that collection is itself below an item (``/tasks/{id}/runs/{id}/logs``).
    ``listed``: what the path's GET answers (``_shaped``'s ``_listed``)."""
    plural = _plural(noun)
    if plural and listed == "one":
        return ()  # a plural whose answer is one object: neither a list nor one thing for sure
    many = plural or listed == "page"
    thing: str | None = noun
    if verb == "GET":
        word = "list" if many else "get"
    elif verb == "DELETE":
        word = "delete"
    elif verb in ("PUT", "PATCH"):
        word = "replace" if verb == "PUT" and "PATCH" in beside else "update"
    elif "GET" in beside:  # POST beside a GET: to its collection, or to the one thing
        if not many and beside & {"PUT", "PATCH"}:
            return ()  # a POST beside the update: neither
        word, thing = ("create", _singular(noun)) if many else ("update", noun)
    elif beside != {"POST"}:
        return ()  # POST beside a PUT or DELETE without a GET: what it does is unclear
    elif _action(noun):
        word, thing = noun, None  # POST /files/{id}/copy: copy
    else:
        word, thing = "create", _singular(noun)  # POST /payments/{id}/captures
    forms = namespace_forms(namespace)
    whose = _singular(parent) if parent else ""
    if thing is None:
        names = [word, f"{word}_{whose}"]
    elif thing.split("_") in forms:
        names = [word, f"{word}_{whose}_{thing}"]
    else:
        names = [f"{word}_{thing}", f"{word}_{whose}_{thing}"]
    own = parent is not None and any(
        form[-len(words) :] == words
        for form in forms
        for words in (parent.split("_"), whose.split("_"))
    )
    if not parent or own:
        names = names[:1]  # the namespace's own item: its word says nothing more
    elif deep or (thing is None and "_" not in word):
        names.reverse()  # an item of an item's (retry_run), a one-word action on another's
    found: list[str] = []
    for name in names:
        name = method_name(name)
        if name.isidentifier() and name not in found:
            found.append(name)
    return tuple(found)


def _plural(word: str) -> bool:
    """Whether ``word``'s last word reads as a plural (``captures``, ``line_items``; not
    ``status``, ``access``, ``analysis``)."""
    return _singular(word) != word and not word.endswith(("us", "is"))


def _action(noun: str) -> bool:
    """Whether a segment names an action rather than things: one word that is not a plural
    (``copy``, ``capture``, ``refund``, ``mark_uncollectible``), or words that begin with a
    verb (``verify_microdeposits``); ``login_links`` or ``captures`` are things to create."""
    return not _plural(noun) or noun.split("_")[0] in _ACTION_VERBS


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
