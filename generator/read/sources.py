"""The files of a document and how a reference names a place in them (for bundle.py).

``Files.resolve`` turns a reference into a file and a JSON pointer, reading a file only when
it is a relative path under the reference root (the spec's directory, or ``--ref-root``):
URLs, absolute paths, ``../`` escapes and symlinks that leave the root are refused, each with
the reason; an absolute URI equal to an embedded schema's ``$id`` and a ``#name`` fragment
(``$anchor``, ``$dynamicAnchor``) are resolved inside the file that declares them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..errors import SpecError, escape_pointer_token
from .refs import MISSING, at_pointer

# What a $ref out of the reference root is told (the command line adds how to allow it).
LEAVES_ROOT = "leaves the reference root"
MAX_FILES = 1000  # files one document may reach
_URI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class Source:
    """One file of the document: its loaded form, and its ``$anchor``s and ``$id``s."""

    doc: Any  # SpecDocument (not imported: load.py imports this module)
    anchors: dict[str, str] = field(default_factory=dict)  # name -> pointer
    ids: dict[str, str] = field(default_factory=dict)  # $id -> pointer

    def lookup(self, pointer: str) -> Any:
        """The value at ``pointer`` in this file, or ``MISSING``."""
        return at_pointer(self.doc.data, pointer)


Target = tuple[Source, str]  # a file and a JSON pointer in it


class Files:
    """The files one document reaches, each read once, and how references name them."""

    def __init__(self, doc: Any, ref_root: Path | None, errors: list[SpecError]) -> None:
        given = ref_root or doc.path.parent or Path(".")
        self.ref_root = Path(os.path.realpath(given))
        self.plain_root = os.path.normpath(os.path.abspath(given))
        self.errors = errors  # a file that cannot be loaded adds its own error here
        self.root = source_of(doc)
        spec_real = os.path.realpath(doc.path)
        self.sources: dict[str, Source] = {spec_real: self.root}
        if ref_root is not None and not is_inside(spec_real, str(self.ref_root)):
            raise SpecError(
                f"the spec is not under its reference root {self.ref_root}", file=str(doc.path)
            )

    def resolve(self, ref: Any, src: Source, refuse: Callable[[str], None]) -> Target | None:
        """The file and pointer ``ref`` (met in ``src``) refers to; or None, after telling
        ``refuse`` why."""
        if not isinstance(ref, str):
            refuse(f"$ref must be a string, found {type(ref).__name__}")
            return None
        location, _, fragment = ref.partition("#")
        target = src
        if location:
            if _URI_SCHEME.match(location) or location.startswith("//"):
                if location not in src.ids:
                    refuse(
                        f"remote $ref {ref!r} is not supported: a URL is never read (only "
                        f"references inside the document or to files under {self.ref_root})"
                    )
                    return None
                base = src.ids[location]
                return self._fragment(ref, src, fragment, base, refuse)
            target_or_error = self.file(location, src)
            if isinstance(target_or_error, str):
                refuse(target_or_error.replace("{ref}", repr(ref)))
                return None
            target = target_or_error
        return self._fragment(ref, target, fragment, "", refuse)

    def _fragment(
        self, ref: str, target: Source, fragment: str, base: str, refuse: Callable[[str], None]
    ) -> Target | None:
        fragment = unquote(fragment)
        if fragment and not fragment.startswith("/"):
            if fragment not in target.anchors:
                refuse(f"$ref {ref!r}: no $anchor {fragment!r} in {target.doc.path}")
                return None
            return target, target.anchors[fragment]
        pointer = base + fragment
        if target.lookup(pointer) is MISSING:
            refuse(f"$ref {ref!r} points to nothing")
            return None
        return target, pointer

    def file(self, location: str, src: Source) -> Source | str:
        """The file a relative reference names, read once; or why it is refused."""
        path = unquote(location)
        if "\x00" in path:
            return "$ref {ref}: a file name cannot contain NUL"
        if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", path):
            return (
                "remote $ref {ref} is not supported: an absolute path is never read (only "
                "relative paths to files under the reference root)"
            )
        candidate = os.path.normpath(os.path.join(os.path.dirname(src.doc.path), path))
        if not is_inside(os.path.abspath(candidate), self.plain_root):
            return "$ref {ref} " + LEAVES_ROOT + f" {self.ref_root}: not read"
        real = os.path.realpath(candidate)
        if not is_inside(real, str(self.ref_root)):
            return "$ref {ref} is a symlink that " + LEAVES_ROOT + f" {self.ref_root}: not read"
        if real in self.sources:
            return self.sources[real]
        if not os.path.isfile(real):
            return "$ref {ref}: no such file"
        if len(self.sources) >= MAX_FILES:
            return "$ref {ref}: more than " + f"{MAX_FILES} files: not read"
        from .load import load_part

        try:
            doc = load_part(Path(real), shown=Path(candidate))
        except SpecError as exc:
            self.errors.append(exc)
            return "$ref {ref}: the file cannot be read (see the error above)"
        self.sources[real] = source_of(doc)
        return self.sources[real]


def source_of(doc: Any) -> Source:
    source = Source(doc)
    stack: list[tuple[Any, str]] = [(doc.data, "")]
    seen: set[int] = set()
    while stack:
        node, ptr = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            for key in ("$anchor", "$dynamicAnchor"):
                if isinstance(node.get(key), str):
                    source.anchors.setdefault(node[key], ptr)
            if isinstance(node.get("$id"), str):
                source.ids.setdefault(node["$id"].partition("#")[0], ptr)
            for key, value in node.items():
                if isinstance(value, (dict, list)) and not str(key).startswith("x-"):
                    stack.append((value, f"{ptr}/{escape_pointer_token(key)}"))
        elif isinstance(node, list):
            stack.extend(
                (v, f"{ptr}/{i}") for i, v in enumerate(node) if isinstance(v, (dict, list))
            )
    return source


def is_inside(path: str, directory: str) -> bool:
    try:
        return os.path.commonpath([path, directory]) == directory
    except ValueError:
        return False
