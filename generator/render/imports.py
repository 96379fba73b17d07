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
_PAGES = (Import("._pagespec", "PaginationSpec"),)
_STREAMS = (Import("._streaming", "EventStream"), Import("._streaming", "AsyncEventStream"))
_CAST = (Import("typing", "Type"), Import("typing", "cast as _cast"))
_LATER = (Import("typing", "Type"), Import("._base_client", "later as _later"))
_NO_CONTENT = (Import("._types", "NoneType"),)
_FOLLOW = (
    Import("enum", "Enum"),
    Import("typing", "TextIO"),
    Import("._deadline", "scope as _deadline_scope"),
    Import("._exceptions", "APITimeoutError as _APITimeoutError"),
    Import("._polling", "follow_deadline"),
    Import("._polling", "follow_timeout"),
)
_FOLLOW_MODULES = ("json", "sys", "time")  # asyncio: in the async helper (_method.jinja)
# Modules whose names a lazy module (models=False) imports only for type checkers: the models,
# the page model and the event stream (they import Pydantic); the method bodies import what
# they need when called (templates/client/_method.jinja).
_TYPE_ONLY_MODULES = (".models", "._pagination", "._streaming")
# Imports written one name per line (the formatter keeps them so: a trailing comma).
_ONE_PER_LINE = ("models", "_polling")

# Every class name a module with methods may import at module level: no model or namespace
# class may take one of these (generator/reserved.py RESERVED_CLASS_NAMES covers them; a test
# checks it).
TEMPLATE_CLASS_NAMES = frozenset(
    name.split(" as ")[-1]  # ``X as _X`` binds ``_X``
    for name in {
        *(i.name for i in (*_EVERY_METHOD, *_CONSTRAINTS, *_PAGES, *_STREAMS, *_CAST, *_FOLLOW)),
        *(i.name for i in _NO_CONTENT),
        *IMPORTED_NAMES,
        "PollingPolicy",
    }
    if name.split(" as ")[-1][0].isupper()
)


def method_imports(pkg: ir.Package, methods: Iterable[ir.Method], *, models: bool) -> set[Import]:
    """What a module holding ``methods`` imports at run time. With ``models`` everything at
    module level; without (a lazy module: the client, a resource module) the names of
    ``_TYPE_ONLY_MODULES`` are left to :func:`type_only_imports`."""
    found = _all_imports(pkg, methods, lazy=not models)
    return found if models else {i for i in found if i.module not in _TYPE_ONLY_MODULES}


def type_only_imports(pkg: ir.Package, methods: Iterable[ir.Method]) -> set[Import]:
    """What a lazy module imports under ``if TYPE_CHECKING:`` (the annotations' models, page
    and stream classes: never loaded by importing the module)."""
    found = _all_imports(pkg, methods, lazy=True)
    return {i for i in found if i.module in _TYPE_ONLY_MODULES}


def _all_imports(pkg: ir.Package, methods: Iterable[ir.Method], *, lazy: bool) -> set[Import]:
    found: set[Import] = set(_EVERY_METHOD)
    for meth in methods:
        for kind in meth.types:
            found.update(kind.imports())
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
        if lazy and deferred_return(meth):
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


def runtime_models(meth: ir.Method) -> list[str]:
    """The model classes a lazy module's method body names when called: those of what it
    passes as ``cast_to``/``item_type``/``event_type`` (the arguments' models are only in its
    signature, which ``from __future__ import annotations`` leaves unevaluated; a default is
    always a literal)."""
    return [] if meth.returns.kind == "none" else sorted(meth.returns.cast_type.models())


def deferred_return(meth: ir.Method) -> bool:
    """Whether a lazy module's method imports its models only once the answer is there: it
    returns a value or a page of a class or ``List[...]`` that names models (``_method.jinja``
    makes the same test). A command line's first call then reaches the network before
    Pydantic's model machinery is imported (issue 19: fast to start)."""
    returns = meth.returns
    return (
        bool(runtime_models(meth))
        and returns.kind in ("value", "page")
        and meth.polling is None
        and not returns.needs_cast
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
