"""YAML or JSON text -> plain Python data (a JSON value), nothing else.

The C YAML loader is used when available (fast on multi-megabyte specs). YAML is read with JSON
semantics (an OpenAPI document is a JSON value written as YAML): keys are strings, dates and
times stay strings, and an anchor defined twice is allowed, each alias referring to the latest
definition before it (YAML 1.2; PyYAML refuses it, public specs do it). The loader notes every
key given twice in one mapping (``duplicates.py`` warns of them, located).
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..errors import SpecError
from .cache import PARSED_MIN_CHARS, parsed_key, read_parsed, write_parsed

# A key given twice in one mapping: (key, its first line, the line it is given again).
Duplicate = tuple[str, int, int]

try:  # pragma: no cover - depends on how PyYAML was built
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader without the YAML 1.1 timestamp type: ``2024-01-01`` stays a string."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[Duplicate] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Keys are strings, as in JSON: an unquoted ``200:`` of a ``responses`` map (YAML 1.1
        reads an int; Uber's and many other documents write them so) is ``"200"``, its text."""
        self._note_duplicates(node)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def _note_duplicates(self, node: yaml.Node) -> None:
        """Keys as text (``construct_mapping``), and every key given twice noted."""
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

    def construct_document(self, node: yaml.Node) -> Any:
        """The data of ``node``, as PyYAML's constructor makes it (``super()``), made faster
        for what a JSON-like document holds (stripe.yaml: 0.34 -> ~0.1 s): mappings,
        sequences, strings, numbers, booleans and nulls, aliases as the same object. Anything
        else (another tag, a ``<<`` merge, a key that is not a scalar) is left to PyYAML,
        from the start. Containers are filled in PyYAML's order (level by level, each in
        document order), so the repeated keys noted and the objects aliases share are the
        same."""
        try:
            return self._plain_document(node)
        except _Unusual:
            self.duplicates.clear()
            return super().construct_document(node)

    def _plain_document(self, root: yaml.Node) -> Any:
        made: dict[yaml.Node, Any] = {}  # node -> its object (an alias is the same node)
        todo: deque[tuple[yaml.Node, Any]] = deque()  # containers made, to fill in order
        scalars = {tag: self.yaml_constructors[tag] for tag in _PLAIN_SCALARS}

        def make(node: yaml.Node) -> Any:
            if node in made:
                return made[node]
            kind, tag = type(node), node.tag
            if kind is yaml.ScalarNode:
                if tag == _STR_TAG:
                    value: Any = node.value
                elif tag in scalars:
                    value = scalars[tag](self, node)
                else:
                    raise _Unusual
            elif kind is yaml.MappingNode and tag == _MAP_TAG:
                value = {}
                todo.append((node, value))
            elif kind is yaml.SequenceNode and tag == _SEQ_TAG:
                value = []
                todo.append((node, value))
            else:
                raise _Unusual
            made[node] = value
            return value

        data = make(root)
        while todo:
            node, value = todo.popleft()
            if isinstance(value, list):
                value.extend([make(item) for item in node.value])
                continue
            self._note_duplicates(node)
            pairs = {}
            for key_node, value_node in node.value:
                if type(key_node) is not yaml.ScalarNode or key_node.tag in _MERGING:
                    raise _Unusual
                key = make(key_node)
                pairs[key] = make(value_node)
            value.update(pairs)
        return data


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
# the scalars ``construct_document`` makes itself (with PyYAML's own constructors)
_PLAIN_SCALARS = tuple(f"tag:yaml.org,2002:{kind}" for kind in ("int", "float", "bool", "null"))
_MERGING = frozenset(("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"))  # flatten_mapping's


class _Unusual(Exception):
    """What ``Loader.construct_document`` leaves to PyYAML's constructor."""


_MAX_DUPLICATES = 20  # repeated keys reported per file
_KEY_AS_TEXT = frozenset(f"tag:yaml.org,2002:{kind}" for kind in ("int", "float", "bool", "null"))


# JSON "\ud800"-style escapes can produce lone surrogates, which no file can hold as UTF-8.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\U0000[dD][89a-fA-F]")


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


def parse_text(text: str, path: Path) -> tuple[str, dict[str, Any], list[Duplicate]]:
    """The text (re-defined YAML anchors renamed), its data (a mapping), and every key repeated
    in one of its mappings: (key, first line, line again). Errors name ``path``."""
    data: Any
    duplicates: list[Duplicate] = []
    with no_collection():
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise SpecError(
                    f"invalid JSON: {exc.msg}", file=str(path), line=exc.lineno
                ) from None
            except RecursionError:
                raise SpecError("invalid JSON: nested too deeply", file=str(path)) from None
        else:
            text, data, duplicates = _read_yaml(text, path)
        if not isinstance(data, dict):
            raise SpecError(
                f"expected a mapping at the top level, found {type(data).__name__}",
                file=str(path),
                line=1,
            )
        if _SURROGATE_ESCAPE.search(text):
            data = _replace_surrogates(data)
    return text, data, duplicates


def _read_yaml(text: str, path: Path) -> tuple[str, Any, list[Duplicate]]:
    """The YAML ``text`` read (the text, re-defined anchors renamed; the data; the keys given
    twice), from the cache of large documents when it holds it (cache.py)."""
    key = parsed_key(text) if len(text) >= PARSED_MIN_CHARS else None
    if key is not None:
        cached = read_parsed(key)
        if cached is not None:
            return cached[0] if cached[0] is not None else text, cached[1], cached[2]
    original = text
    try:
        data, duplicates = _load_yaml(text, path)
    except _DuplicateAnchor:
        text = _yaml_text(text)
        data, duplicates = _load_yaml(text, path)
    if key is not None and isinstance(data, dict):
        write_parsed(key, (None if text == original else text, data, duplicates))
    return text, data, duplicates


class _DuplicateAnchor(Exception):
    pass


def _load_yaml(text: str, path: Path) -> tuple[Any, list[Duplicate]]:
    """The data, and every key repeated in one mapping: (key, first line, line again)."""
    loader = Loader(text)  # what yaml.load(text, Loader=Loader) does, keeping the loader
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
            for tok in yaml.scan(text, Loader=Loader)
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
