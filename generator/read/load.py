"""Reading a spec file: the file's text parsed (``parse.py``: YAML or JSON -> data), bounded
(``limits.py``: no alias bomb, cycle or excessive nesting), its references resolved inside it
(``bundle.py``: a multi-file document becomes one) and its client annotations applied
(``annotations.py``). The result is a ``SpecDocument`` (``document.py``), whose errors are
located through the line map (``lines.py``); a key given twice is a warning (``duplicates.py``).

``SpecDocument`` and ``no_collection`` are imported from here too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..errors import SpecError
from .bundle import bundle
from .document import SpecDocument
from .duplicates import warn_duplicates
from .limits import check_shape
from .parse import no_collection, parse_text

__all__ = [
    "SpecDocument",
    "load_part",
    "load_spec",
    "load_spec_text",
    "no_collection",
    "path_is_json",
]


def load_spec(
    path: str | Path,
    *,
    ref_root: str | Path | None = None,
    annotations: Sequence[Path] | None = None,
    tolerant: bool = False,
) -> SpecDocument:
    """Load a YAML or JSON OpenAPI document, bounded, with every reference resolved inside it
    (files it refers to must be under ``ref_root``, default: the spec's own directory), and its
    client annotations applied (``annotations``, default: ``annotations/<stem>.yaml`` beside it;
    annotations.py). Raises SpecError with file, line and pointer on bad syntax, a refused
    reference or an annotation that selects nothing. ``tolerant`` (``--skip-unsupported``): a
    discriminator ``mapping`` value of a component schema that points to nothing is a warning,
    and that value is dropped."""
    from .annotations import annotations_of, apply_annotations

    doc = _load_bundled(Path(path), ref_root, tolerant=tolerant)
    apply_annotations(doc, annotations_of(doc.path) if annotations is None else annotations)
    return doc


def _load_bundled(path: Path, ref_root: str | Path | None, *, tolerant: bool) -> SpecDocument:
    doc, references = _load_part(path)
    if not references:
        return doc  # only '#/...' $refs: nothing to resolve here (check_refs.py checks them)
    result = bundle(doc, Path(ref_root) if ref_root is not None else None, tolerant=tolerant)
    if result.data is not doc.data:
        doc.data = result.data
        doc.files = tuple(result.files)
        doc.origins = result.origins
        _check_shape(doc)  # content from other files nests and repeats too
        if len(doc.files) > 1:
            doc.own_text, doc.text = doc.text, _dump(doc.data, json_text=path_is_json(doc.path))
    return doc


def path_is_json(path: Path) -> bool:
    return path.suffix.lower() == ".json"


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared values out in full (a bundle reads like one hand-written document)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: dict[str, Any], *, json_text: bool) -> str:
    """The bundled document as text: what the validation cache is keyed by, and what the
    package ships (``render/bundle.py``)."""
    if json_text:
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    text: str = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


def load_part(path: Path, shown: Path | None = None) -> SpecDocument:
    """One file, parsed and bounded (its references not yet followed); errors name ``shown``."""
    return _load_part(path, shown)[0]


def _load_part(path: Path, shown: Path | None = None) -> tuple[SpecDocument, bool]:
    doc = _read(path)
    if shown is not None:
        doc.path = shown
    return doc, _check_shape(doc)


def _check_shape(doc: SpecDocument) -> bool:
    try:
        return check_shape(doc.data)
    except SpecError as exc:
        raise doc.error(exc.message, exc.pointer) from None


def _read(path: Path) -> SpecDocument:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SpecError(f"cannot read spec: {exc.strerror}", file=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SpecError(
            f"spec is not UTF-8 text ({exc.reason} at byte {exc.start})", file=str(path), line=line
        ) from None
    return load_spec_text(text, path)


def load_spec_text(text: str, path: Path) -> SpecDocument:
    """One document's text, parsed; a key given twice is warned of, located."""
    text, data, duplicates = parse_text(text, path)
    doc = SpecDocument(path=path, text=text, data=data)
    if duplicates:
        warn_duplicates(doc, duplicates)
    return doc
