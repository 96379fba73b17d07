"""Only the document is read: every reference keyword resolved inside it, or a located error.

A spec is untrusted, and a reference is an instruction to read something. This module follows
every reference keyword of a loaded document itself, before any other tool (the validator,
datamodel-code-generator) sees it, and hands on a document whose references are all local
JSON pointers (``#/...``):

* ``$ref`` and discriminator ``mapping`` values: ``#/json/pointer``, ``#anchor`` (an
  ``$anchor``/``$dynamicAnchor`` of the same file), an absolute URI equal to an embedded
  schema's ``$id``, or a relative path to a file under the *reference root* (the spec's own
  directory unless ``--ref-root`` says otherwise). Such files are read as part of one document,
  as bundlers do: a schema they define becomes a component schema (named after its fragment or
  file), a component entry that is only such a ``$ref`` receives the content in place, and
  anything else is copied where it is referenced (one shared copy: each file's content is
  walked once). ``sources.py`` reads the files and says what a reference names.
* ``$dynamicRef``: ``#anchor`` or ``#/pointer`` in the same file; ``$recursiveRef``: ``#``.
* ``$id`` is used to resolve references only, then dropped (it would give another tool a base
  URI to fetch from).

Refused, each with file, line and JSON pointer (all at once): URLs, absolute paths, paths that
leave the reference root (``../`` or a symlink), files that do not exist, pointers to nothing.
``x-`` extensions and literal values (``example``, ``default``, ``enum``, ``const``, an
Example's ``value``) are data, never followed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..errors import SpecError, combined, escape_pointer_token
from .refs import MISSING, unescape
from .sources import Files, Source

MAX_LEVELS = 200  # nested objects, across files, while copying (limits.MAX_DEPTH checks the result)
MAX_REPORTED = 20

# Where a value is a schema: under these keys of a schema ...
_SCHEMA_KEYS = frozenset(
    {
        "schema",
        "items",
        "additionalProperties",
        "additionalItems",
        "not",
        "contains",
        "propertyNames",
        "if",
        "then",
        "else",
        "unevaluatedItems",
        "unevaluatedProperties",
        "contentSchema",
    }
)
# ... each value of these maps, and each item of these lists.
_SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
)
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
# Maps whose keys are names (paths, status codes, media types...), not keywords.
_NAME_MAPS = frozenset(
    {
        "paths",
        "webhooks",
        "callbacks",
        "responses",
        "content",
        "encoding",
        "headers",
        "links",
        "examples",
        "variables",
        "securitySchemes",
        "requestBodies",
        "parameters",
        "pathItems",
        "scopes",
        "mapping",
    }
)
# Values that are data, never references.
_LITERAL_KEYS = frozenset({"example", "default", "enum", "const", "value", "externalValue"})

UNUSED = "the client does not use this part of the document"
_UNUSED_ROOTS = ("/webhooks", "/components/callbacks", "/components/links", "/components/examples")
_UNUSED_KEYS = frozenset({"callbacks", "links", "examples"})
_NAMED = frozenset({"properties", "patternProperties", "$defs", "definitions", "schemas"})


def unused_part(pointer: str) -> bool:
    """Webhooks, callbacks, links and examples: a reference there that cannot be followed is a
    warning (and is dropped), as any other problem there (parts.py)."""
    if pointer.startswith(_UNUSED_ROOTS):
        return True
    tokens = pointer.split("/")
    return any(
        token in _UNUSED_KEYS and tokens[index - 1] not in _NAMED
        for index, token in enumerate(tokens)
        if index > 0
    )


_SCALAR_KEYWORDS = frozenset({"$id", "$dynamicRef", "$recursiveRef"})

# What a value is: an object of keywords, a map of names to objects, a map of names to schemas.
OBJ, NAMES, SCHEMAS = "obj", "names", "schemas"


@dataclass
class Bundle:
    data: dict[str, Any]
    files: list[Path]  # every file read, the spec first
    origins: dict[str, tuple[Any, str]]  # output pointer -> (SpecDocument, its pointer)


def bundle(doc: Any, ref_root: Path | None = None, *, tolerant: bool = False) -> Bundle:
    """``doc``'s data with every reference checked and made local (multi-file: one document).
    ``tolerant``: a mapping value to nothing in a component schema is a warning (and dropped)."""
    return _Bundler(doc, ref_root, tolerant).run()


class _Bundler:
    def __init__(self, doc: Any, ref_root: Path | None, tolerant: bool = False) -> None:
        self.tolerant = tolerant
        self.errors: list[SpecError] = []
        # errors reported only with others (else validate.check_refs reports them): ids
        self.deferred: set[int] = set()
        self.files = Files(doc, ref_root, self.errors)
        self.root = self.files.root
        self.placed: dict[tuple[int, str], str] = {}  # (source, pointer) -> output pointer
        self.origins: dict[str, tuple[Any, str]] = {}
        self.memo: dict[int, Any] = {}
        self.hoisted: dict[str, Any] = {}  # new component schemas, in order
        self.active: set[tuple[int, str]] = set()  # targets being copied (cycle check)
        components = doc.data.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        self.schema_names: set[str] = set(schemas) if isinstance(schemas, dict) else set()

    # -- the walk -------------------------------------------------------------------------------

    def run(self) -> Bundle:
        self._reserve_components()
        data = self.visit(self.root.doc.data, self.root, "", "", OBJ, False, 0)
        if self.hoisted:
            data = dict(data)
            components = dict(data.get("components") or {})
            schemas = dict(components.get("schemas") or {})
            schemas.update(self.hoisted)
            components["schemas"] = schemas
            data["components"] = components
        if any(id(e) not in self.deferred for e in self.errors):
            unique = list({str(e): e for e in self.errors}.values())  # a file tried twice
            raise combined(unique[:MAX_REPORTED])
        files = [Path(s.doc.path) for s in self.files.sources.values()]
        return Bundle(data=data, files=files, origins=self.origins)

    def _reserve_components(self) -> None:
        """``components: {schemas: {Pet: {$ref: pet.yaml}}}`` in the spec places the file's
        content there (rather than under a name of its own)."""
        components = self.root.doc.data.get("components")
        if not isinstance(components, dict):
            return
        for kind, entries in components.items():
            if not isinstance(entries, dict) or str(kind).startswith("x-"):
                continue
            for name, entry in entries.items():
                if isinstance(entry, dict) and set(entry) == {"$ref"}:
                    ptr = f"/components/{escape_pointer_token(kind)}/{escape_pointer_token(name)}"
                    target = self.resolve(entry["$ref"], self.root, ptr + "/$ref", report=False)
                    if target is not None and target[0] is not self.root:
                        self.placed.setdefault((id(target[0]), target[1]), ptr)

    def visit(
        self, node: Any, src: Source, sptr: str, optr: str, kind: str, schema: bool, level: int
    ) -> Any:
        """``node`` (at ``sptr`` in ``src``) as it goes to ``optr`` of the output."""
        if not isinstance(node, (dict, list)):
            return node
        if level > MAX_LEVELS:
            self.fail(src, sptr, f"nested more than {MAX_LEVELS} levels deep across files")
            return node
        if id(node) in self.memo:
            return self.memo[id(node)]
        if isinstance(node, list):
            out_list = list(node)
            for i, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    out_list[i] = self.visit(
                        value, src, f"{sptr}/{i}", f"{optr}/{i}", OBJ, schema, level + 1
                    )
            changed = any(a is not b for a, b in zip(out_list, node, strict=True))
            result: Any = out_list if changed else node
        elif kind != SCHEMAS and isinstance(node.get("$ref"), str):
            # (a map of names given by reference, ``responses: {$ref: ...}``, is followed too)
            result = self.reference(node, src, sptr, optr, schema, level, kind=kind)
        else:
            result = self.mapping(node, src, sptr, optr, kind, level)
        self.memo[id(node)] = result
        return result

    def mapping(
        self, node: dict[str, Any], src: Source, sptr: str, optr: str, kind: str, level: int
    ) -> Any:
        changes: dict[str, Any] = {}  # key -> new value (MISSING: dropped); most nodes: none
        for key, value in node.items():
            if kind == OBJ and key in _SCALAR_KEYWORDS:
                if key == "$id":
                    changes[key] = MISSING  # used for resolution only (module docstring)
                else:
                    self.dynamic_ref(key, value, src, f"{sptr}/{key}")
                continue
            if not isinstance(value, (dict, list)):
                continue
            if str(key).startswith("x-") and kind != SCHEMAS:
                continue  # an extension: data
            token = escape_pointer_token(key)
            child_s, child_o = f"{sptr}/{token}", f"{optr}/{token}"
            if kind != OBJ:
                new = self.visit(value, src, child_s, child_o, OBJ, kind == SCHEMAS, level + 1)
            elif key in _LITERAL_KEYS or (key == "examples" and isinstance(value, list)):
                continue  # literal values, a schema's examples: data
            elif key == "discriminator" and isinstance(value, dict):
                new = self.discriminator(value, src, child_s, level)
            else:
                child_kind = (
                    SCHEMAS
                    if key in _SCHEMA_MAPS or (key == "schemas" and optr == "/components")
                    else NAMES
                    if key in _NAME_MAPS and isinstance(value, dict)
                    else OBJ
                )
                schema = key in _SCHEMA_KEYS or key in _SCHEMA_LISTS
                new = self.visit(value, src, child_s, child_o, child_kind, schema, level + 1)
            if new is not value:
                changes[key] = new
        if not changes:
            return node
        return {
            key: changes.get(key, value)
            for key, value in node.items()
            if changes.get(key, value) is not MISSING
        }

    def reference(
        self,
        node: dict[str, Any],
        src: Source,
        sptr: str,
        optr: str,
        schema: bool,
        level: int,
        ref_at: str | None = None,
        kind: str = OBJ,
    ) -> Any:
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if siblings:
            siblings = self.mapping(siblings, src, sptr, optr, OBJ, level)
        before = len(self.errors)
        target = self.resolve(node["$ref"], src, ref_at or f"{sptr}/$ref")
        if target is None and unused_part(optr):
            for problem in self.errors[before:]:  # a warning there, and the $ref dropped
                src.doc.warn(f"{problem.message}: ignored ({UNUSED})", problem.pointer)
            del self.errors[before:]
            return siblings
        if target is None and ref_at is None and self.left_to_validate(node["$ref"], src, optr):
            self.deferred.update(id(e) for e in self.errors[before:])
            return node
        if target is None:
            return node
        tsrc, tptr = target
        if tsrc is self.root:
            new_ref = "#" + tptr
        else:
            key = (id(tsrc), tptr)
            where = self.placed.get(key)
            reserved = where is not None and where.startswith("/components/")
            if where == optr or (not schema and not (reserved and not siblings)):
                # the content itself goes here (shared with its other uses): first use, a
                # reserved component, or a ref with siblings (merged into a copy, as bundlers do)
                if key in self.active:  # a cycle: refer to where it is being placed
                    return {"$ref": "#" + (where or optr), **siblings}
                self.placed.setdefault(key, optr)
                self.origins[optr] = (tsrc.doc, tptr)
                self.active.add(key)
                content = self.visit(tsrc.lookup(tptr), tsrc, tptr, optr, kind, schema, level + 1)
                self.active.discard(key)
                if isinstance(content, dict) and siblings:
                    return {**content, **siblings}
                return content
            if where is None:
                where = self.hoist(tsrc, tptr, level)
            new_ref = "#" + where
        if new_ref == node["$ref"] and all(siblings[k] is node[k] for k in siblings):
            return node
        return {"$ref": new_ref, **siblings}

    def hoist(self, tsrc: Source, tptr: str, level: int) -> str:
        """A schema from another file becomes a component schema of its own."""
        base = unescape(tptr.rsplit("/", 1)[-1]) if tptr else Path(tsrc.doc.path).stem
        name, n = base or "Schema", 1
        while name in self.schema_names:
            n += 1
            name = f"{base}_{n}"
        self.schema_names.add(name)
        where = "/components/schemas/" + escape_pointer_token(name)
        self.placed[(id(tsrc), tptr)] = where
        self.origins[where] = (tsrc.doc, tptr)
        self.hoisted[name] = None  # keeps the order of first use
        self.hoisted[name] = self.visit(tsrc.lookup(tptr), tsrc, tptr, where, OBJ, True, level + 1)
        return where

    def discriminator(self, value: dict[str, Any], src: Source, sptr: str, level: int) -> Any:
        mapping = value.get("mapping")
        if not isinstance(mapping, dict):
            return value
        out: dict[str, Any] = {}
        for name, target in mapping.items():
            where = f"{sptr}/mapping/{escape_pointer_token(name)}"
            if not isinstance(target, str):
                self.fail(src, where, "a discriminator mapping value must be a string")
                out[name] = target
            elif target in self.schema_names and not any(c in target for c in "/#:"):
                out[name] = target  # a component schema's name
            else:
                before = len(self.errors)
                ref = self.reference({"$ref": target}, src, where, where, True, level, where)
                out[name] = ref.get("$ref", target) if isinstance(ref, dict) else target
                if len(self.errors) > before and self.drops_mapping(target, src, where):
                    for problem in self.errors[before:]:
                        src.doc.warn(f"{problem.message}: mapping value dropped", problem.pointer)
                    del self.errors[before:]
                    del out[name]
        if set(out) == set(mapping) and all(out[k] is mapping[k] for k in mapping):
            return value
        return {**value, "mapping": out}

    def left_to_validate(self, ref: Any, src: Source, optr: str) -> bool:
        """A ``#/...`` reference of the spec file itself that points to nothing, in an
        operation or a component schema: left as it is, for validate.check_refs to report with
        the validator's findings (or, with ``--skip-unsupported``, to leave out what uses it),
        as when the document needs no bundling; reported here only with other errors."""
        tokens = optr.split("/")
        inside = (len(tokens) >= 4 and tokens[1] == "paths") or tokens[1:3] == [
            "components",
            "schemas",
        ]
        return src is self.root and isinstance(ref, str) and ref.startswith("#/") and inside

    def drops_mapping(self, target: str, src: Source, where: str) -> bool:
        """With ``--skip-unsupported``, a mapping value of a component schema that points to
        nothing in the spec file is dropped (datamodel-code-generator ignores it anyway)."""
        inside = where.split("/")[1:3] == ["components", "schemas"]
        return self.tolerant and inside and src is self.root and target.startswith("#/")

    def dynamic_ref(self, key: str, value: Any, src: Source, where: str) -> None:
        if not isinstance(value, str):
            self.fail(src, where, f"{key} must be a string")
        elif key == "$recursiveRef":
            if value != "#":
                self.fail(src, where, f"$recursiveRef {value!r} is not supported (only '#')")
        elif value.startswith("#/"):
            if src is not self.root:
                self.fail(src, where, "$dynamicRef to a pointer is only supported in the spec file")
            elif src.lookup(unquote(value[1:])) is MISSING:
                self.fail(src, where, f"$dynamicRef {value!r} points to nothing")
        elif value.startswith("#") and value[1:] in src.anchors:
            pass
        else:
            self.fail(
                src,
                where,
                f"$dynamicRef {value!r} does not resolve inside the document "
                "(expected '#name' of a $dynamicAnchor or '#/pointer' in the same file)",
            )

    def resolve(
        self, ref: Any, src: Source, where: str, *, report: bool = True
    ) -> tuple[Source, str] | None:
        """The file and pointer ``ref`` (met at ``where`` in ``src``) refers to, or None (and,
        with ``report``, a located error)."""

        def refuse(message: str) -> None:
            if report:
                self.fail(src, where, message)

        return self.files.resolve(ref, src, refuse)

    def fail(self, src: Source, pointer: str, message: str) -> None:
        self.errors.append(src.doc.error(message, pointer))
