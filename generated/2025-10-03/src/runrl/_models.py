# Generated from templates/runtime/_models.py.jinja. Do not edit by hand.
"""The base classes of the generated response models and enums.

No ``from __future__ import annotations`` here: Pydantic evaluates class annotations at
runtime, and the package supports Python 3.9, where ``X | Y`` cannot be evaluated.
"""

import functools
import re
import sys
import threading
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal, Optional, Union

import pydantic
from pydantic_core import PydanticUndefined

__all__ = ["BaseModel", "OpenEnum", "mark_constants"]

_ALIASES: dict[type, dict[str, str]] = {}


class _DictMethod:
    """A method that only exists on instances, not on the class.

    The dict-style helpers (``get``, ``keys``, ``items``, ``to_dict``) must not get in the way of
    a model field with the same name (a page's ``items``, say). Pydantic looks fields' defaults
    up with ``getattr(cls, name)``; a plain method would become the default of such a field and
    trigger a "shadows an attribute" warning. Raising ``AttributeError`` on class access hides
    the helper from Pydantic, and, being a non-data descriptor, an instance's field value wins
    over it.
    """

    def __init__(self, func: Callable[..., Any]) -> None:
        self._func = func
        self._name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, instance: object, owner: Optional[type] = None) -> Any:
        if instance is None:
            raise AttributeError(self._name)
        return types.MethodType(self._func, instance)


def _field_names(cls: type[pydantic.BaseModel]) -> dict[str, str]:
    """Map every accepted key (field name and alias) of a model class to its field name."""
    names = _ALIASES.get(cls)
    if names is None:
        names = {}
        for name, info in cls.model_fields.items():
            names[name] = name
            if info.alias:
                names[info.alias] = name
            if isinstance(info.validation_alias, str):
                names[info.validation_alias] = name
        # Benign race: two threads may compute the same dict; the last write wins.
        _ALIASES[cls] = names
    return names


def _get(self: "BaseModel", key: str, default: Any = None) -> Any:
    """Return the value for ``key`` (field name, wire name or unknown key), else ``default``."""
    try:
        return self[key]
    except KeyError:
        return default


def _keys(self: "BaseModel") -> list[str]:
    """Field names followed by the keys the server sent that the model does not declare."""
    keys = list(type(self).model_fields)
    if self.__pydantic_extra__:
        keys.extend(self.__pydantic_extra__)
    return keys


def _items(self: "BaseModel") -> list[tuple[str, Any]]:
    """``(key, value)`` pairs, as ``dict.items()`` would give them."""
    return [(key, self[key]) for key in _keys(self)]


def _to_dict(
    self: "BaseModel",
    *,
    by_alias: bool = True,
    exclude_none: bool = False,
    mode: str = "python",
) -> dict[str, Any]:
    """A plain ``dict`` of the model, keyed by wire names unless ``by_alias=False``."""
    return self.model_dump(by_alias=by_alias, exclude_none=exclude_none, mode=mode)


_SECRET_NAME = re.compile(r"(^|_)(token|secret|password|api_key|apikey)($|_)", re.IGNORECASE)


def _mask(value: str) -> str:
    return value[:3] + "***" if len(value) > 8 else "***"


@functools.cache
def _secret_fields(cls: type[pydantic.BaseModel]) -> frozenset[str]:
    names: set[str] = set()
    for name, info in cls.model_fields.items():
        extra = info.json_schema_extra
        flagged = isinstance(extra, dict) and bool(extra.get("x-sdk-secret"))
        if flagged or _SECRET_NAME.search(name):
            names.add(name)
    return frozenset(names)


@functools.cache
def _constant_fields(cls: type[pydantic.BaseModel]) -> frozenset[str]:
    """The fields that are always sent, with their default when not set:

    * the fields that can hold one value only, and default to it: a one-member enum or a
      one-value ``Literal`` (Adyen's ``IdealDetails.type = "ideal"``). For a member of a
      ``oneOf`` the constant is what tells the server which member it is, and a value the
      schema allows nothing else for cannot say more than the user asked;
    * the fields the schema requires that have a default (Adyen's ``KlarnaDetails.type``,
      default ``klarna``, marked ``x-required-default`` by the generator): the server refuses
      a body without them."""
    names: set[str] = set()
    for name, info in cls.model_fields.items():
        default = info.default
        if default is PydanticUndefined:
            continue
        extra = info.json_schema_extra
        if isinstance(extra, dict) and extra.get("x-required-default"):
            names.add(name)
            continue
        if default is None:
            continue
        kinds = [k for k in typing.get_args(info.annotation) if k is not type(None)]
        kind = kinds[0] if typing.get_origin(info.annotation) is Union and len(kinds) == 1 else None
        kind = info.annotation if kind is None else kind
        if isinstance(kind, type) and issubclass(kind, Enum):
            if len(kind.__members__) == 1 and default in list(kind):
                names.add(name)
        elif typing.get_origin(kind) is Literal and typing.get_args(kind) == (default,):
            names.add(name)
    return frozenset(names)


def mark_constants(value: object, depth: int = 0) -> None:
    """Count the always-sent fields (``_constant_fields``: one-value fields, required fields
    with a default) of every model in ``value`` (a request body about to be dumped with
    ``exclude_unset``) as set, so that they are sent. Done when sending, not when
    a model is made: parsing an answer pays nothing for it."""
    if depth > 100:
        return
    if isinstance(value, pydantic.BaseModel):
        constants = _constant_fields(type(value))
        if constants:
            value.__pydantic_fields_set__.update(constants)
        for name in type(value).model_fields:
            mark_constants(getattr(value, name, None), depth + 1)
        for item in (value.__pydantic_extra__ or {}).values():
            mark_constants(item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            mark_constants(item, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            mark_constants(item, depth + 1)


_LOADED: set[str] = set()
_LOADING = threading.RLock()


def _load_references(cls: type) -> None:
    """Put the models that ``cls``'s annotations name (and theirs, transitively) into their
    modules, just before Pydantic evaluates the annotations.

    A split models package (one module per model, loaded on first use) lists them in each
    module's ``_REFERENCES``; they are imported here, when a model is first validated, so that
    importing a model costs only the classes it is made of. Pydantic evaluates inherited fields
    again in the subclass's module: the names of its bases' modules are copied there too.
    """
    with _LOADING:
        todo = [cls]
        while todo:
            item = todo.pop()
            module = sys.modules.get(item.__module__)
            if module is None or module.__name__ in _LOADED:
                continue
            names = getattr(module, "_REFERENCES", None)
            if names is None:
                continue  # not a split models package, or a module still being imported
            _LOADED.add(module.__name__)
            package = sys.modules[module.__name__.rpartition(".")[0]]
            namespace = vars(module)
            for name in names:
                value = namespace.get(name)
                if value is None:
                    value = namespace[name] = getattr(package, name)
                if isinstance(value, type):
                    todo.append(value)
            for base in item.__mro__[1:]:
                home = sys.modules.get(base.__module__)
                if home is None or getattr(home, "_REFERENCES", None) is None:
                    continue
                _load_references(base)
                for key, value in vars(home).items():
                    if not key.startswith("_"):
                        namespace.setdefault(key, value)


class BaseModel(pydantic.BaseModel):
    """Base of every response model.

    Unknown fields are kept (``model.model_extra``, also readable as attributes), so a newer
    server does not break an older client. Models also answer the dict protocol (``x-sdk``
    ``dict-access``): ``model[key]``, ``key in model``, ``model.get(key, default)``, ``keys()``,
    ``items()`` and ``to_dict()``; ``key`` may be the Python field name, the wire name, or an
    unknown key.
    """

    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        # Validators are built on first use, not at import (models/ loads each model lazily).
        defer_build=True,
        ignored_types=(_DictMethod,),
    )

    if TYPE_CHECKING:
        # What type checkers see; at runtime these are _DictMethod descriptors (see there).
        # `keys()` and `items()` work at runtime too, but are not declared here: a model with a
        # field called `items` (every page) would conflict with them for the type checker.
        def get(self, key: str, default: Any = None) -> Any: ...
        def to_dict(
            self, *, by_alias: bool = True, exclude_none: bool = False, mode: str = "python"
        ) -> dict[str, Any]: ...
    else:
        get = _DictMethod(_get)
        keys = _DictMethod(_keys)
        items = _DictMethod(_items)
        to_dict = _DictMethod(_to_dict)

    def __getitem__(self, key: str) -> Any:
        """``model["field"]``: by field name, wire name or unknown key; ``KeyError`` otherwise."""
        name = _field_names(type(self)).get(key)
        if name is not None:
            return getattr(self, name)
        extra = self.__pydantic_extra__
        if extra is not None and key in extra:
            return extra[key]
        raise KeyError(key)

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> Optional[bool]:
        _load_references(cls)
        return super().model_rebuild(
            force=force,
            raise_errors=raise_errors,
            _parent_namespace_depth=_parent_namespace_depth + 1,
            _types_namespace=_types_namespace,
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: pydantic.GetCoreSchemaHandler
    ) -> Any:
        _load_references(cls)
        return handler(source)

    def __repr_args__(self) -> Any:
        # Secrets never appear in a repr (or a log line built from one): fields the spec marks
        # `x-sdk-secret: true`, and string fields whose name says they hold a credential.
        secret = _secret_fields(type(self))
        for name, value in super().__repr_args__():
            if name in secret and isinstance(value, str):
                yield name, _mask(value)
            else:
                yield name, value

    def __contains__(self, key: object) -> bool:
        """``"field" in model``: a declared field (name or wire name) or a key the server sent."""
        if not isinstance(key, str):
            return False
        if key in _field_names(type(self)):
            return True
        extra = self.__pydantic_extra__
        return extra is not None and key in extra


class OpenEnum(str, Enum):
    """A string enum that also accepts values it does not know.

    A server that starts sending a new status must not break parsing: ``Status("NEW")`` returns
    a pseudo-member whose value is ``"NEW"`` (compared, hashed, printed and serialized like the
    string). ``str()`` and ``format()`` give the value on every Python version, so
    ``print(run.status)`` prints ``COMPLETED`` and not ``Status.COMPLETED``.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        # Registering the pseudo-member makes Status("NEW") is Status("NEW"), like real members.
        # setdefault is atomic, so concurrent parses agree on one object.
        return cls._value2member_map_.setdefault(value, member)

    def __str__(self) -> str:
        return str(self._value_)

    def __format__(self, format_spec: str) -> str:
        return format(str(self._value_), format_spec)
