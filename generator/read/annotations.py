"""Client annotations: OpenAPI Overlay 1.0 documents applied to a spec as it is read.

What a client needs but the API's own document does not say (response ``links`` for the object
layer, ``x-sdk-*`` extensions) can be kept beside a document that may not be edited: a released
API version (frozen, spec/released.toml), or an upstream document someone else publishes. An
annotations document is an Overlay (OAI Overlay Specification 1.0.0, as Speakeasy uses them)::

    overlay: 1.0.0
    info: {title: RunRL client annotations, version: 1.0.0}
    extends: 2025-10-11.yaml                  # informational: nothing is fetched
    actions:
      - target: $.paths['/files'].post.responses['201']     # JSONPath (RFC 9535)
        update: {links: {...}}                # merged into every node the target selects
      - target: $.components.schemas.Legacy
        remove: true                          # every selected node is removed

Actions are applied in order, each to the result of the ones before, after the document is
loaded (and bundled) and before it is validated: every later stage sees one document.
``update`` merges mappings recursively (a member the node has is merged or replaced, a new one
added); on a list node the value is appended. Each action must select at least one node, else a
located error (the annotations file, line, and the pointer of the action's ``target``); so is a
malformed action, all at once. Errors in what an action added (a bad link, say) are located in
the annotations file too (``SpecDocument.origins``).

The document is untrusted like the spec: read with the same bounded loader (limits.py), nothing
fetched (``extends`` is not read), JSONPath evaluated by python-jsonpath in RFC 9535 strict
mode without the regular-expression functions ``match()``/``search()`` (Python's ``re``
backtracks without bound on a hostile pattern), at most ``MAX_ACTIONS`` actions and
``MAX_MATCHES`` selected nodes in all.

By convention, the annotations of ``<dir>/<stem>.yaml`` are ``<dir>/annotations/<stem>.yaml``
(``annotations_of``); ``generate --annotations FILE`` names them instead.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import SpecError, combined, escape_pointer_token
from .load import SpecDocument, load_part

ANNOTATIONS_DIR = "annotations"  # beside the specs: annotations/<spec stem>.yaml
MAX_ACTIONS = 10_000
MAX_MATCHES = 100_000  # nodes selected by all actions together
_ACTION_KEYS = frozenset({"target", "description", "update", "remove"})
_TOP_KEYS = frozenset({"overlay", "info", "extends", "actions"})


@functools.cache
def _environment() -> Any:
    """RFC 9535 JSONPath (python-jsonpath, strict), without the functions that run regular
    expressions. Imported here: a spec without annotations does not pay for it."""
    import jsonpath

    env = jsonpath.JSONPathEnvironment(strict=True)
    for name in ("match", "search"):
        env.function_extensions.pop(name, None)
    return env


def _errors() -> type[Exception]:
    from jsonpath.exceptions import JSONPathError

    return JSONPathError


def annotations_of(spec: Path) -> tuple[Path, ...]:
    """The annotations document of ``spec`` by convention (``annotations/<stem>.yaml`` in the
    spec's directory), if there is one."""
    candidate = spec.parent / ANNOTATIONS_DIR / f"{spec.stem}.yaml"
    return (candidate,) if candidate.is_file() else ()


def apply_annotations(doc: SpecDocument, paths: Sequence[Path]) -> None:
    """Apply each annotations document of ``paths`` (in order) to ``doc``, in place."""
    if not paths:
        return
    doc.data = _unshared(doc.data)  # an update must not reach a YAML alias's other uses
    for path in paths:
        annotations = load_part(path)
        actions = _actions(annotations)
        _apply(doc, annotations, actions)
        doc.annotations += (annotations,)


def _actions(ann: SpecDocument) -> list[tuple[int, Any, Any]]:
    """(index, compiled target, action) of every action; every problem of the document at once."""
    data, problems = ann.data, []
    if str(data.get("overlay", "")).split(".")[:1] != ["1"]:
        problems.append(ann.error("expected `overlay: 1.0.0` (an OpenAPI Overlay 1.x)", "/overlay"))
    info = data.get("info")
    if not (
        isinstance(info, dict) and all(isinstance(info.get(k), str) for k in ("title", "version"))
    ):
        problems.append(ann.error("info must have a title and a version (strings)", "/info"))
    if "extends" in data and not isinstance(data["extends"], str):
        problems.append(
            ann.error("extends must be a string (a URI; it is not fetched)", "/extends")
        )
    for key in sorted(
        str(k) for k in data if str(k) not in _TOP_KEYS and not str(k).startswith("x-")
    ):
        problems.append(
            ann.error(f"unknown member {key!r:.80} of an Overlay", "/" + escape_pointer_token(key))
        )
    raw = data.get("actions")
    if not isinstance(raw, list) or not raw:
        problems.append(ann.error("actions must be a non-empty list", "/actions"))
        raw = []
    elif len(raw) > MAX_ACTIONS:
        problems.append(ann.error(f"more than {MAX_ACTIONS} actions", "/actions"))
        raw = []
    found: list[tuple[int, Any, Any]] = []
    for index, action in enumerate(raw):
        where = f"/actions/{index}"
        if not isinstance(action, dict):
            problems.append(ann.error("an action must be a mapping", where))
            continue
        extra = sorted(
            str(k) for k in action if str(k) not in _ACTION_KEYS and not str(k).startswith("x-")
        )
        if extra:
            problems.append(
                ann.error(
                    f"unknown member {extra[0]!r:.80} of an action",
                    f"{where}/{escape_pointer_token(extra[0])}",
                )
            )
        if ("update" in action) == (action.get("remove") is True):
            problems.append(ann.error("an action needs either update or `remove: true`", where))
        elif "remove" in action and not isinstance(action["remove"], bool):
            problems.append(ann.error("remove must be true or false", f"{where}/remove"))
        target = action.get("target")
        if not isinstance(target, str) or not target.startswith("$"):
            problems.append(ann.error("target must be a JSONPath query ($...)", f"{where}/target"))
            continue
        try:
            compiled = _environment().compile(target)
        except _errors() as exc:
            message = " ".join(str(exc).split("\n", 1)[0].split())
            problems.append(
                ann.error(f"invalid JSONPath (RFC 9535): {message:.200}", f"{where}/target")
            )
            continue
        found.append((index, compiled, action))
    if problems:
        raise combined(problems)
    return found


def _apply(doc: SpecDocument, ann: SpecDocument, actions: list[tuple[int, Any, Any]]) -> None:
    problems: list[SpecError] = []
    matched = 0
    for index, compiled, action in actions:
        where = f"/actions/{index}"
        try:
            nodes = [tuple(m.parts) for m in compiled.finditer(doc.data)]
        except _errors() as exc:
            problems.append(
                ann.error(
                    f"cannot evaluate the target: {str(exc).splitlines()[0]:.200}",
                    f"{where}/target",
                )
            )
            continue
        matched += len(nodes)
        if matched > MAX_MATCHES:
            raise ann.error(
                f"the targets select more than {MAX_MATCHES} nodes in all", f"{where}/target"
            )
        if not nodes:
            problems.append(
                ann.error(
                    f"target {action['target']!r:.120} selects nothing in {doc.path.name}",
                    f"{where}/target",
                )
            )
            continue
        if action.get("remove") is True:
            for parts in sorted(nodes, key=_removal_order):
                _remove(doc.data, parts)
            continue
        update = action["update"]
        for parts in nodes:
            problem = _update(doc, parts, update, ann, f"{where}/update")
            if problem:
                problems.append(ann.error(problem, f"{where}/update"))
    if problems:
        raise combined(problems)


def _removal_order(parts: tuple[Any, ...]) -> tuple[int, tuple[Any, ...]]:
    # later list items first, so that earlier indexes stay valid
    last = parts[-1] if parts else 0
    return (
        -last if isinstance(last, int) else 0,
        tuple(-p if isinstance(p, int) else 0 for p in parts),
    )


def _parent(root: Any, parts: tuple[Any, ...]) -> Any:
    node = root
    for part in parts[:-1]:
        node = node[part]
    return node


def _remove(root: Any, parts: tuple[Any, ...]) -> None:
    if not parts:
        root.clear()  # `$` itself: the whole document
        return
    parent = _parent(root, parts)
    if isinstance(parent, list) or parts[-1] in parent:
        del parent[parts[-1]]


def _update(
    doc: SpecDocument, parts: tuple[Any, ...], update: Any, ann: SpecDocument, source: str
) -> str:
    """Merge ``update`` into the node at ``parts``; a problem, or ""."""
    node = _parent(doc.data, parts)[parts[-1]] if parts else doc.data
    here = "".join("/" + escape_pointer_token(p) for p in parts)
    if isinstance(node, list):
        node.append(_unshared(update))
        doc.origins[f"{here}/{len(node) - 1}"] = (ann, source)
        return ""
    if not isinstance(node, dict):
        kind = type(node).__name__
        return f"the target selects {here or '/'}, a {kind}: update needs a mapping or a list"
    if not isinstance(update, dict):
        return "update on a mapping must be a mapping"
    _merge(node, update, doc, ann, here, source)
    return ""


def _merge(
    node: dict[str, Any],
    update: dict[str, Any],
    doc: SpecDocument,
    ann: SpecDocument,
    here: str,
    source: str,
) -> None:
    for key, value in update.items():
        token = escape_pointer_token(key)
        if isinstance(value, dict) and isinstance(node.get(key), dict):
            _merge(node[key], value, doc, ann, f"{here}/{token}", f"{source}/{token}")
        else:
            node[key] = _unshared(value)
            doc.origins[f"{here}/{token}"] = (ann, f"{source}/{token}")


def _unshared(node: Any) -> Any:
    """A copy in which no container appears twice (YAML aliases expanded; bounded by limits.py)
    and mapping keys that YAML read as integers (``200:``) are strings, as in JSON."""
    if isinstance(node, dict):
        return {(str(k) if type(k) is int else k): _unshared(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_unshared(v) for v in node]
    return node
