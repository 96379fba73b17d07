"""The intermediate model of one API: what the templates render. Plain frozen data.

generator/build makes it from a spec; generator/render hands it to the templates. ``Api`` (here)
holds the ``Package`` facts (package.py, with its ``Security``: security.py), the ``Namespace``s
with their ``Method``s (methods.py), what was left out and what the README shows. Field types
say where a value came from: ``str`` is the generator's own (identifiers made by
generator/naming.py, fixed words), ``SpecText``/``SpecValue`` is spec text that only an escaping
function can write (generator/spectext.py), ``Type`` is a type tree (generator/ir/types.py).

Where a spec field becomes a Python argument: generator/build/arguments.py, ``argument()``;
the result is an ``ir.Param`` (methods.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..spectext import SpecText
from .methods import Method
from .package import Package
from .types import to_data

if TYPE_CHECKING:
    from .resources import Objects


@dataclass(frozen=True)
class Namespace:
    name: str  # its module (resources/<name>.py); for a top-level one, its attribute on the client
    class_name: str  # resource class (the async one is "Async" + class_name)
    description: SpecText
    methods: tuple[Method, ...]
    path: str = ""  # how it is reached: "organizations.projects" (client.organizations.projects)
    parent: str = ""  # the name of the namespace it is nested in ("" = on the client)
    attribute: str = ""  # its attribute on that parent namespace (nested ones only)
    children: tuple[str, ...] = ()  # the names of the namespaces nested in it

    @property
    def access(self) -> str:
        """``organizations.projects``: the attributes from the client to it."""
        return self.path or self.name


@dataclass(frozen=True)
class Skipped:
    """An operation left out of the package (only with ``skip_unsupported``), and why."""

    operation: str  # "POST /markdown/raw"
    operation_id: str
    reason: str  # the error message that stops a strict run
    pointer: str
    line: int | None


@dataclass(frozen=True)
class Omitted:
    """An optional parameter or body field left out of a method (``skip_unsupported`` only)."""

    operation: str  # "GET /v1/customers"
    location: str  # "query" | "header" | "cookie" | "path" | "body"
    name: str  # the wire name
    reason: str


@dataclass(frozen=True)
class Docs:
    """What the package README shows, chosen in Python (generator/build/docs.py): one method
    of each kind for the examples (first in spec order), and the sections that apply."""

    one: Method | None = None  # a plain call for the generic examples
    get: Method | None = None  # GET of one object by one path parameter
    page: Method | None = None  # paginated (style page first, else any style but single)
    page_size: str = ""  # page's argument that sizes a page ("": it has none)
    poll: Method | None = None  # returns a polling future
    stream: Method | None = None  # streams server-sent events
    upload: Method | None = None  # uploads a file
    create: Method | None = None  # a plain POST that creates something
    idempotent: tuple[Method, ...] = ()  # POSTs declared x-sdk-idempotent
    deprecated: tuple[Method, ...] = ()
    polling: tuple[Method, ...] = ()  # every method returning a future
    keyed: bool = False  # some method sends an Idempotency-Key (a POST or a PATCH)
    nullable: Method | None = None  # takes an argument that sends null (``= NOT_GIVEN``)
    authentication: bool = False  # the README explains the API's schemes (Security.explained)
    # The README's sections in order, as (contents label, heading); "Methods" is the last.
    sections: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Api:
    package: Package
    namespaces: tuple[Namespace, ...]
    client_methods: tuple[Method, ...]  # methods on the client itself (x-sdk-namespace: "")
    # component schema name -> Python class name in the models module
    schemas: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    skipped: tuple[Skipped, ...] = ()  # operations not generated (reported as warnings)
    omitted: tuple[Omitted, ...] = ()  # optional parameters not generated (warnings too)
    docs: Docs = Docs()  # what the README shows (examples, sections)
    # the object layer from response links (ir/resources.py); None: the document has none
    objects: Objects | None = field(default=None, compare=False)

    @property
    def has_futures(self) -> bool:
        """Some method returns a polling future (``x-sdk-polling``)."""
        return any(m.polling is not None for m in self.all_methods)

    @property
    def polls(self) -> bool:
        """Some method waits on the API (a polling future or a follow helper): the client has
        the ``poll_interval`` and ``max_poll_timeout`` options."""
        return any(m.polling is not None or m.follow is not None for m in self.all_methods)

    @property
    def all_methods(self) -> tuple[Method, ...]:
        methods = list(self.client_methods)
        for ns in self.namespaces:
            methods.extend(ns.methods)
        return tuple(methods)

    def to_data(self) -> Any:
        """The whole model as JSON-able data (tagged by class), e.g. to compare two versions."""
        return to_data(self)
