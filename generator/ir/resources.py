"""Resource objects (issue 18): what generator/build/resources.py makes from response ``links``
and ``x-sdk-resource``, and templates/resources/ renders into ``<package>/objects.py``.

An object holds the plain client, the model its response was parsed into (``.data``) and the
values of the request that produced it (``$request.path.<name>``); each ``Link`` is a method
calling its target ``Method`` with the linked arguments filled in.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..spectext import SpecText, SpecValue
from .methods import Method, Param


@dataclass(frozen=True)
class LinkArg:
    """Where a linked argument's value comes from."""

    param: str  # the target method's Python argument it fills
    source: str  # "body" ($response.body#/...) | "request" ($request...) | "const"
    pointer: tuple[SpecText, ...] = ()  # body: members from the object's JSON data
    key: str = ""  # request: "<path|query|header|body>:<wire name>" of the producing call
    value: SpecValue | None = None  # const
    # a ``str`` path parameter: a number is sent as its text (links like ``pid: $response.body#/id``
    # with an integer id; the path carries text anyway)
    text: bool = False


@dataclass(frozen=True)
class Accept:
    """An argument that also takes an object: a link fills that parameter (or body property)
    from the object's data at ``pointer``, or ``x-sdk-resource`` ``id-in`` names it
    (``client.repositories.get(repo_object, ...)``, ``runs.create(prompt_file_id=file)``)."""

    param: str
    resource: str  # the object class
    pointer: tuple[SpecText, ...]
    text: bool = False  # a str argument: a number is sent as its text
    each: str = ""  # a list argument: its items' annotation; each item may be an object
    optional: bool = False  # with ``each``: the list argument may be None


@dataclass(frozen=True)
class Link:
    name: str  # the object's method (the link's name in snake_case)
    link_name: SpecText  # as written in the spec
    description: SpecText
    method: Method  # the target operation's plain-client method
    args: tuple[LinkArg, ...]
    resource: str = ""  # the class of the object(s) it returns ("" = the plain result)
    many: bool = False  # the target returns a list (or pages) of such objects
    accepts: tuple[Accept, ...] = ()  # its other arguments that also take an object

    @property
    def paged(self) -> bool:
        """It returns pages of objects (the target is a paginated list)."""
        return self.many and self.method.returns.kind == "page"

    @property
    def free_params(self) -> tuple[Param, ...]:
        """The target's arguments the caller still gives (those the link does not fill)."""
        filled = {a.param for a in self.args}
        return tuple(p for p in self.method.params if p.name not in filled)

    @property
    def sync_only_stream(self) -> bool:
        return self.method.returns.kind == "stream"


@dataclass(frozen=True)
class Source:
    """A plain-client method whose response declares links: in the object layer it returns
    objects (``many``: a list of them, or pages of them when the method is paginated); or one
    that takes objects (``accepts``)."""

    method: Method
    resource: str  # "" = the plain result (a method listed for its ``accepts``)
    many: bool = False
    accepts: tuple[Accept, ...] = ()  # arguments that also take an object

    @property
    def paged(self) -> bool:
        """It returns pages of objects (``ObjectPage``: iterating walks every page)."""
        return self.many and self.method.returns.kind == "page"


@dataclass(frozen=True)
class Resource:
    class_name: str  # in objects.py (the async one is "Async" + class_name)
    model: str  # the models class of its data
    description: SpecText
    links: tuple[Link, ...]
    id_pointer: tuple[SpecText, ...] = ()  # x-sdk-resource id: the ``id`` property
    refresh: str = ""  # the link (method name) fetching it again: info()/refresh()
    cleanup: str = ""  # the link (method name) a ``with`` block calls on exit
    # wait(): the x-sdk-polling policy of an operation that makes it or polls its refresh
    # operation, as (module of the constant, constant name); ("", "") = no wait()
    wait_policy: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class ObjectNamespace:
    """``<Prefix>().<attribute>``: the sources of one plain-client namespace."""

    attribute: str
    class_name: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Objects:
    """The object layer of a package (empty when the document declares no links)."""

    class_name: str = ""  # the entry class (``Async`` + it for the async one)
    resources: tuple[Resource, ...] = ()
    namespaces: tuple[ObjectNamespace, ...] = ()
    client_sources: tuple[Source, ...] = ()  # sources on the plain client itself

    @property
    def paged(self) -> bool:
        """Some method returns pages of objects (objects.py then defines ``ObjectPage``)."""
        sources = [s for ns in self.namespaces for s in ns.sources] + list(self.client_sources)
        return any(s.paged for s in sources) or any(
            link.paged for r in self.resources for link in r.links
        )

    @property
    def methods(self) -> tuple[Method, ...]:
        """Every plain-client method the object layer calls (for its import block)."""
        found = [s.method for ns in self.namespaces for s in ns.sources]
        found += [s.method for s in self.client_sources]
        found += [link.method for r in self.resources for link in r.links]
        return tuple(found)
