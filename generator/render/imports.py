"""The import block of a module that holds generated methods (a resource module, the client).

Names come from two places: the types of the methods (each type node names its imports,
generator/ir/types.py), and what the method template (templates/client/_method.jinja) itself
writes for a feature the methods use (``_TEMPLATE_NAMES`` below). The formatting stage sorts
the block (ruff's isort) and would drop an unused name.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import ir
from ..ir.types import IMPORTED_NAMES, Import

# What templates/client/_method.jinja writes into every method (signature and body).
_EVERY_METHOD = (
    Import("typing", "Any"),
    Import("typing", "Dict"),
    Import("typing", "Optional"),
    Import("typing", "Union"),
    Import("._base_client", "Operation"),
    Import("._base_client", "RequestOptions"),
    Import("._types", "NOT_GIVEN"),
    Import("._types", "Body"),
    Import("._types", "Headers"),
    Import("._types", "NotGiven"),
    Import("._types", "Query"),
    Import("._types", "Timeout"),
)
_CONSTRAINTS = (Import("._validation", "check_arguments"),)
_PAGES = (Import("._pagination", "PaginationSpec"),)
_STREAMS = (Import("._streaming", "EventStream"), Import("._streaming", "AsyncEventStream"))
_CAST = (Import("typing", "Type"), Import("typing", "cast as _cast"))
_LATER = (Import("typing", "Type"), Import("._base_client", "later as _later"))
_NO_CONTENT = (Import("._types", "NoneType"),)
_FOLLOW = (Import("enum", "Enum"), Import("typing", "TextIO"))
_FOLLOW_MODULES = ("asyncio", "json", "sys", "time")
# Imports written one name per line (the formatter keeps them so: a trailing comma).
_ONE_PER_LINE = ("models", "_polling")

# Every class name a module with methods may import at module level: no model or namespace
# class may take one of these (generator/naming.py RESERVED_CLASS_NAMES covers them; a test
# checks it).
TEMPLATE_CLASS_NAMES = frozenset(
    name
    for name in {
        *(i.name for i in (*_EVERY_METHOD, *_CONSTRAINTS, *_PAGES, *_STREAMS, *_CAST, *_FOLLOW)),
        *(i.name for i in _NO_CONTENT),
        *IMPORTED_NAMES,
        "PollingPolicy",
    }
    if name[0].isupper()
)


def method_imports(pkg: ir.Package, methods: Iterable[ir.Method], *, models: bool) -> set[Import]:
    """What a module holding ``methods`` imports (the models only if ``models``)."""
    methods = list(methods)
    found: set[Import] = set(_EVERY_METHOD)
    for meth in methods:
        for kind in meth.types:
            found |= {i for i in kind.imports() if models or i.module != ".models"}
        if meth.constrained_params:
            found.update(_CONSTRAINTS)
        if meth.returns.pagination is not None:
            found.update(_PAGES)
        if meth.returns.kind == "stream":
            found.update(_STREAMS)
        for p in meth.params:  # serialization helpers (templates/runtime/_encoding.py.jinja)
            if p.location == "cookie":
                found.add(Import("._encoding", "cookie_header"))
            elif p.style:
                helper = "header_text" if p.location == "header" else "Styled"
                found.add(Import("._encoding", helper))
        if meth.returns.needs_cast:
            found.update(_CAST)
        if not models and deferred_return(meth):
            found.update(_LATER)
        if meth.returns.kind == "none" and meth.polling is None:
            found.update(_NO_CONTENT)
        if meth.follow is not None:
            found.update(_FOLLOW)
        if meth.polling is not None:
            found.add(Import("._polling", "PollingPolicy"))
            found.add(Import("._polling", f"{pkg.prefix}PollingFuture"))
            found.add(Import("._polling", f"Async{pkg.prefix}PollingFuture"))
            found.add(Import("._exceptions", meth.polling.failure_error))
    return found


def deferred_return(meth: ir.Method) -> bool:
    """Whether a client-level method imports its models only once the answer is there: they
    are all in what it returns, a class or ``List[...]`` (``_method.jinja`` makes the same
    test). A command line's first call then reaches the network before Pydantic's model
    machinery is imported (issue 19: fast to start)."""
    returns = meth.returns
    return (
        bool(meth.models)
        and returns.kind == "value"
        and meth.polling is None
        and not returns.needs_cast
        and sorted(returns.cast_type.models()) == list(meth.models)
    )


def module_imports(methods: Iterable[ir.Method]) -> list[str]:
    """``import x`` lines for the modules the methods use as a whole."""
    methods = list(methods)
    names = set()
    if any(m.polling is not None for m in methods):
        names.add("functools")
    if any(m.follow is not None for m in methods):
        names.update(_FOLLOW_MODULES)
    return [f"import {name}" for name in sorted(names)]


def from_imports(found: set[Import], dots: str) -> list[str]:
    """``from m import a, b`` lines; a package module (``._types``) is reached with ``dots``."""
    by_module: dict[str, set[str]] = {}
    for imp in found:
        module = dots + imp.module[1:] if imp.module.startswith(".") else imp.module
        by_module.setdefault(module, set()).add(imp.name)
    lines = []
    for module in sorted(by_module, key=lambda m: (m.startswith("."), m)):
        names = sorted(by_module[module], key=lambda n: (n.lower(), n))
        if module.lstrip(".") in _ONE_PER_LINE:
            lines.append(f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")")
        else:
            lines.append(f"from {module} import {', '.join(names)}")
    return lines


def models_of(methods: Iterable[ir.Method]) -> list[str]:
    """The model classes the methods name, sorted."""
    return sorted({name for meth in methods for name in meth.models})
