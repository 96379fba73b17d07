"""Python types as a small tree: what an argument or a return value is, and what it imports.

generator/build/types.py makes these from schemas; templates only ever ask a node for its
annotation (``render()``) and the import block of a module for the names it needs
(``imports()``). Nothing parses a type back out of a string. Nodes are frozen dataclasses, so two
types compare (and serialise, ``to_data()``) by structure.

The leaves: ``Scalar`` (``str``, ``int``, ``float``, ``bool``, ``bytes``, with the schema's
``format``), ``Named`` (a class from a module: ``datetime``, ``Any``, ``FileInput``...),
``Model`` (a class of the package's models module). The inner nodes: ``ListOf``, ``DictOf``,
``UnionOf``, ``OptionalOf``, ``LiteralOf``, ``Paged`` (``PagedResponse[...]``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from ..escape import py_literal
from ..spectext import SpecText, SpecValue, raw


@dataclass(frozen=True, order=True)
class Import:
    """``from <module> import <name>``. A module starting with ``.`` is one of the package's own
    (``._types``, ``.models``); the importing module decides how many dots it takes."""

    module: str
    name: str


class Type:
    """A Python type annotation."""

    def render(self) -> str:
        raise NotImplementedError

    def children(self) -> tuple[Type, ...]:
        return ()

    def own_imports(self) -> tuple[Import, ...]:
        return ()

    def imports(self) -> frozenset[Import]:
        """Every name the annotation needs imported."""
        found = set(self.own_imports())
        for child in self.children():
            found |= child.imports()
        return frozenset(found)

    def walk(self) -> Iterator[Type]:
        yield self
        for child in self.children():
            yield from child.walk()

    def models(self) -> frozenset[str]:
        """The model classes the annotation names."""
        return frozenset(t.name for t in self.walk() if isinstance(t, Model))

    @property
    def special_form(self) -> bool:
        """``Union``/``Optional``/``Literal``: not a ``type[T]`` for mypy (``cast_to`` needs
        ``cast(type[X], X)``)."""
        return False

    def to_data(self) -> Any:
        """A JSON-able description (for comparing two clients' surfaces)."""
        return to_data(self)


@dataclass(frozen=True)
class Scalar(Type):
    python: str  # "str" | "int" | "float" | "bool" | "bytes"
    format: str | None = None  # the schema's format, kept as data (examples, comparisons)

    def render(self) -> str:
        return self.python


@dataclass(frozen=True)
class Named(Type):
    """A class or special name imported from a module (``datetime``, ``Any``, ``FileInput``)."""

    name: str
    module: str  # "" for a builtin name that needs no import ("None")

    def render(self) -> str:
        return self.name

    def own_imports(self) -> tuple[Import, ...]:
        return (Import(self.module, self.name),) if self.module else ()


@dataclass(frozen=True)
class Model(Type):
    """A class of the package's models module."""

    name: str

    def render(self) -> str:
        return self.name

    def own_imports(self) -> tuple[Import, ...]:
        return (Import(".models", self.name),)


@dataclass(frozen=True)
class ListOf(Type):
    item: Type

    def render(self) -> str:
        return f"List[{self.item.render()}]"

    def children(self) -> tuple[Type, ...]:
        return (self.item,)

    def own_imports(self) -> tuple[Import, ...]:
        return (Import("typing", "List"),)


@dataclass(frozen=True)
class DictOf(Type):
    value: Type

    def render(self) -> str:
        return f"Dict[str, {self.value.render()}]"

    def children(self) -> tuple[Type, ...]:
        return (self.value,)

    def own_imports(self) -> tuple[Import, ...]:
        return (Import("typing", "Dict"),)


@dataclass(frozen=True)
class UnionOf(Type):
    members: tuple[Type, ...]

    def render(self) -> str:
        """``Union[a, b]``; a member that is itself a union is written flat
        (``Union[datetime, str, None]``, not ``Union[Union[datetime, str], None]``)."""
        return f"Union[{', '.join(m.render() for m in self.flat())}]"

    def flat(self) -> tuple[Type, ...]:
        out: list[Type] = []
        for member in self.members:
            for item in member.flat() if isinstance(member, UnionOf) else (member,):
                if item not in out:
                    out.append(item)
        return tuple(out)

    def children(self) -> tuple[Type, ...]:
        return self.members

    def own_imports(self) -> tuple[Import, ...]:
        return (Import("typing", "Union"),)

    @property
    def special_form(self) -> bool:
        return True


@dataclass(frozen=True)
class OptionalOf(Type):
    inner: Type

    def render(self) -> str:
        return f"Optional[{self.inner.render()}]"

    def children(self) -> tuple[Type, ...]:
        return (self.inner,)

    def own_imports(self) -> tuple[Import, ...]:
        return (Import("typing", "Optional"),)

    @property
    def special_form(self) -> bool:
        return True


@dataclass(frozen=True)
class LiteralOf(Type):
    """``Literal['a', 1]``: the values (str or int) are spec data, written as Python literals."""

    values: tuple[Any, ...]

    def render(self) -> str:
        return f"Literal[{', '.join(py_literal(raw(v)) for v in self.values)}]"

    def own_imports(self) -> tuple[Import, ...]:
        return (Import("typing", "Literal"),)

    @property
    def special_form(self) -> bool:
        return True


@dataclass(frozen=True)
class Paged(Type):
    """``PagedResponse[Item]``: a page that can walk across pages."""

    item: Type

    def render(self) -> str:
        return f"PagedResponse[{self.item.render()}]"

    def children(self) -> tuple[Type, ...]:
        return (self.item,)

    def own_imports(self) -> tuple[Import, ...]:
        return (Import("._pagination", "PagedResponse"),)


ANY = Named("Any", "typing")
NONE = Named("None", "")
STR = Scalar("str")
BYTES = Scalar("bytes")
DATETIME = Named("datetime", "datetime")
FILE_INPUT = Named("FileInput", "._types")
NOT_GIVEN = Named("NotGiven", "._types")
EVENT = Named("ServerSentEvent", "._streaming")
ANY_DICT = DictOf(ANY)
# Every name a type may import (what a module with methods can import for its annotations).
IMPORTED_NAMES = frozenset(
    {"List", "Dict", "Union", "Optional", "Literal", "PagedResponse"}
    | {n.name for n in (ANY, DATETIME, FILE_INPUT, NOT_GIVEN, EVENT)}
)


def optional(inner: Type) -> Type:
    """``Optional[inner]``, not ``Optional[Optional[...]]``."""
    return inner if isinstance(inner, OptionalOf) else OptionalOf(inner)


def without_optional(t: Type) -> Type:
    return t.inner if isinstance(t, OptionalOf) else t


def to_data(value: Any) -> Any:
    """Frozen dataclasses (types and the rest of the IR) as JSON-able data, tagged by class."""
    if isinstance(value, (SpecText, SpecValue)):
        return raw(value)
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {"kind": type(value).__name__}
        for f in fields(value):
            out[f.name] = to_data(getattr(value, f.name))
        return out
    if isinstance(value, (tuple, list)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return raw(value)
