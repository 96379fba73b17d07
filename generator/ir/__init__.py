"""The intermediate model: plain frozen data that the templates render. ``Api`` and its
namespaces (api.py), one method with its arguments and returns (methods.py), the package facts
(package.py) and its authentication (security.py), the object layer from response links
(resources.py) and the type tree of annotations (types.py). The wrappers that keep spec text from
being written unescaped are generator/spectext.py's, re-exported here."""

from ..spectext import SpecText, SpecValue, UnescapedSpecText
from .api import Api, Docs, Namespace, Omitted, Skipped
from .methods import (
    NO_DEFAULT_NONE,
    NOT_GIVEN_DEFAULT,
    Default,
    Follow,
    Method,
    Pagination,
    Param,
    Polling,
    Returns,
)
from .package import FailureError, Package
from .resources import Accept, Link, LinkArg, ObjectNamespace, Objects, Resource, Source
from .security import Credential, Requirements, Security, SecurityScheme
from .types import Type

__all__ = [
    "Accept",
    "Link",
    "LinkArg",
    "ObjectNamespace",
    "Objects",
    "Resource",
    "Source",
    "NO_DEFAULT_NONE",
    "NOT_GIVEN_DEFAULT",
    "Api",
    "Credential",
    "Default",
    "Docs",
    "FailureError",
    "Follow",
    "Method",
    "Namespace",
    "Omitted",
    "Package",
    "Pagination",
    "Param",
    "Polling",
    "Requirements",
    "Returns",
    "Security",
    "SecurityScheme",
    "Skipped",
    "SpecText",
    "SpecValue",
    "Type",
    "UnescapedSpecText",
]
