"""Reading a spec file: YAML or JSON into plain Python data, and locating JSON pointers in it.

Loading uses the C YAML loader when available (fast on multi-megabyte specs); line numbers are
only computed when an error has to be reported, by composing the YAML node tree once.

Then the document's shape is bounded (``limits.py``: no alias bomb, cycle or excessive nesting)
and its references resolved inside it (``bundle.py``: a multi-file document becomes one).

YAML is read with JSON semantics (an OpenAPI document is a JSON value written as YAML): dates
and times stay strings, and an anchor defined twice is allowed, each alias referring to the
latest definition before it (YAML 1.2; PyYAML refuses it, public specs do it).
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import SpecError, escape_pointer_token
from .bundle import bundle
from .limits import check_shape

try:  # pragma: no cover - depends on how PyYAML was built
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader without the YAML 1.1 timestamp type: ``2024-01-01`` stays a string."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Keys are strings, as in JSON: an unquoted ``200:`` of a ``responses`` map (YAML 1.1
        reads an int; Uber's and many other documents write them so) is ``"200"``, its text."""
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            if key_node.tag in _KEY_AS_TEXT:
                key_node.tag = _STR_TAG
            if key_node.tag == _STR_TAG:  # a repeated key: YAML keeps the last, silently
                line = key_node.start_mark.line + 1
                if key_node.value not in seen:
                    seen[key_node.value] = line
                elif len(self.duplicates) < _MAX_DUPLICATES:
                    self.duplicates.append((key_node.value, seen[key_node.value], line))
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


_STR_TAG = "tag:yaml.org,2002:str"
_MAX_DUPLICATES = 20  # repeated keys reported per file
_KEY_AS_TEXT = frozenset(f"tag:yaml.org,2002:{kind}" for kind in ("int", "float", "bool", "null"))


# JSON "\ud800"-style escapes can produce lone surrogates, which no file can hold as UTF-8.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\U0000[dD][89a-fA-F]")


@dataclass
class SpecDocument:
    """A loaded spec: its data, where it came from, and a lazily built pointer -> line map.

    ``warnings`` collects located notes about parts of the document that were ignored on
    purpose (callbacks, webhooks, operations skipped with ``skip_unsupported``); each is also
    printed to stderr as one ``warning: file:line: /pointer: message`` line unless ``quiet``.
    """

    path: Path
    text: str
    data: dict[str, Any]
    _lines: dict[str, int] | None = field(default=None, repr=False)
    warnings: list[SpecError] = field(default_factory=list, repr=False)
    quiet: bool = field(default=False, repr=False)
    _warned: set[str] = field(default_factory=set, repr=False)
    # A multi-file document (``text`` is then the bundle, as shipped in the package): every file
    # read (the spec first), and where the content of the other files went (output pointer ->
    # the file's document and its pointer there).
    files: tuple[Path, ...] = field(default=(), repr=False)
    origins: dict[str, tuple[SpecDocument, str]] = field(default_factory=dict, repr=False)

    # The spec file's own text when ``text`` is a bundle of several files (line numbers).
    own_text: str | None = field(default=None, repr=False)
    # The client annotations applied to ``data`` (annotations.py; ``text`` stays the spec's).
    annotations: tuple[SpecDocument, ...] = field(default=(), repr=False)

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line where the value at ``pointer`` starts (or its nearest parent)."""
        if self._lines is None:
            self._lines = _line_map(self.text if self.own_text is None else self.own_text)
        probe = pointer
        while True:
            if probe in self._lines:
                return self._lines[probe]
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]

    def error(self, message: str, pointer: str) -> SpecError:
        """A SpecError located in this document. In a multi-file document, the file and line
        are those of the file the value comes from (the pointer stays the document's)."""
        origin = self._origin(pointer)
        if origin is not None:
            part, inner = origin
            return SpecError(
                message, file=str(part.path), pointer=pointer, line=part.line_of(inner)
            )
        return SpecError(message, file=str(self.path), pointer=pointer, line=self.line_of(pointer))

    def _origin(self, pointer: str) -> tuple[SpecDocument, str] | None:
        probe = pointer
        while self.origins:
            if probe in self.origins:
                part, inner = self.origins[probe]
                return part, inner + pointer[len(probe) :]
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]
        return None

    def warn(self, message: str, pointer: str) -> SpecError:
        """Record (and print) a located warning; returns it."""
        warning = self.error(message, pointer)
        text = str(warning)
        if text not in self._warned:
            self._warned.add(text)
            self.warnings.append(warning)
            if not self.quiet:
                print(f"warning: {text}", file=sys.stderr)
        return warning


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
    with no_collection():
        return _parse(text, path)


@contextlib.contextmanager
def no_collection() -> Iterator[None]:
    """Parsing builds one large tree without cycles: the cyclic garbage collector, which would
    scan it again and again while it grows, finds nothing there (half of the load time of a
    multi-megabyte spec). It runs again afterwards, as it was (and then collects whatever
    cycles the block left)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(text: str, path: Path) -> SpecDocument:
    data: Any
    duplicates: list[tuple[str, int, int]] = []
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError(f"invalid JSON: {exc.msg}", file=str(path), line=exc.lineno) from None
        except RecursionError:
            raise SpecError("invalid JSON: nested too deeply", file=str(path)) from None
    else:
        try:
            data, duplicates = _load_yaml(text, path)
        except _DuplicateAnchor:
            text = _yaml_text(text)
            data, duplicates = _load_yaml(text, path)
    if not isinstance(data, dict):
        raise SpecError(
            f"expected a mapping at the top level, found {type(data).__name__}",
            file=str(path),
            line=1,
        )
    if _SURROGATE_ESCAPE.search(text):
        data = _replace_surrogates(data)
    doc = SpecDocument(path=path, text=text, data=data)
    if duplicates:
        _warn_duplicates(doc, duplicates)
    return doc


def _warn_duplicates(doc: SpecDocument, duplicates: list[tuple[str, int, int]]) -> None:
    """A key given twice in one mapping: the first value is lost (an ``x-sdk-method`` added
    above the one already there does nothing), so say where, at the first one."""
    lines = _line_map(doc.text)
    for key, first, again in duplicates:
        tail = "/" + escape_pointer_token(key)
        where = next((p for p, n in lines.items() if n == first and p.endswith(tail)), "")
        doc.warn(
            f"{key!r} is given twice in one mapping (lines {first} and {again}): "
            "only the last is read",
            where,
        )


class _DuplicateAnchor(Exception):
    pass


def _load_yaml(text: str, path: Path) -> tuple[Any, list[tuple[str, int, int]]]:
    """The data, and every key repeated in one mapping: (key, first line, line again)."""
    loader = _Loader(text)  # what yaml.load(text, Loader=_Loader) does, keeping the loader
    try:
        return loader.get_single_data(), loader.duplicates
    except yaml.composer.ComposerError as exc:
        if "duplicate anchor" in str(exc.context) or "duplicate anchor" in str(exc.problem):
            raise _DuplicateAnchor from None
        raise _yaml_error(exc, path) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise SpecError(
            f"invalid YAML: control character {exc.character!r} is not allowed",
            file=str(path),
            line=line,
        ) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"invalid YAML: {' '.join(str(exc).split())}", file=str(path)) from None
    except RecursionError:
        raise SpecError("invalid YAML: nested too deeply", file=str(path)) from None
    finally:
        loader.dispose()


def _yaml_error(exc: yaml.MarkedYAMLError, path: Path) -> SpecError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = exc.problem or "syntax error"
    if exc.context and exc.context not in problem:
        problem = f"{exc.context}: {problem}"
    return SpecError(f"invalid YAML: {' '.join(problem.split())}", file=str(path), line=line)


def _yaml_text(text: str) -> str:
    """``text`` with re-defined anchors renamed so that PyYAML accepts it (same meaning, lines)."""
    try:
        tokens = [
            tok
            for tok in yaml.scan(text, Loader=_Loader)
            if isinstance(tok, (yaml.AnchorToken, yaml.AliasToken))
        ]
    except yaml.YAMLError:
        return text  # the loader reports it, located
    defined: dict[str, int] = {}
    edits: list[tuple[int, int, str]] = []
    for tok in tokens:
        name = str(tok.value)
        if isinstance(tok, yaml.AnchorToken):
            count = defined.get(name, 0) + 1
            defined[name] = count
            if count > 1:
                edits.append((tok.start_mark.index, tok.end_mark.index, f"&{name}__{count}"))
        elif defined.get(name, 0) > 1:
            edits.append((tok.start_mark.index, tok.end_mark.index, f"*{name}__{defined[name]}"))
    if not edits:
        return text
    out: list[str] = []
    last = 0
    for start, end, replacement in edits:
        out.append(text[last:start])
        out.append(replacement)
        last = end
    out.append(text[last:])
    return "".join(out)


def _replace_surrogates(node: Any) -> Any:
    if isinstance(node, str):
        return node.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(node) else node
    if isinstance(node, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace_surrogates(v) for v in node]
    return node


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _line_map(text: str) -> dict[str, int]:
    """Map every JSON pointer of a YAML/JSON document to the line its value starts on."""
    # JSON is YAML 1.2 but not always YAML 1.1 (tabs, keys over 1024 characters): on failure,
    # a map without lines is returned rather than hiding the actual error.
    try:
        with no_collection():
            root = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError):
        return {}
    lines: dict[str, int] = {}
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    seen: set[int] = set()  # an alias is its anchor's node: walked once (alias bombs, cycles)
    while stack:
        node, ptr = stack.pop()
        lines.setdefault(ptr, node.start_mark.line + 1)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                child = ptr + "/" + escape_pointer_token(key_node.value)
                lines.setdefault(child, key_node.start_mark.line + 1)
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, f"{ptr}/{index}"))
    return lines
