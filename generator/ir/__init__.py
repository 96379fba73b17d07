"""The intermediate model: plain frozen data that the templates render (see api.py), the type
tree of annotations (types.py) and the wrappers that keep spec text from being written unescaped
(text.py)."""

from ..spectext import SpecText, SpecValue, UnescapedSpecText
from .api import (
    NO_DEFAULT_NONE,
    NOT_GIVEN_DEFAULT,
    Api,
    Credential,
    Default,
    Docs,
    FailureError,
    Follow,
    Method,
    Namespace,
    Omitted,
    Package,
    Pagination,
    Param,
    Polling,
    Requirements,
    Returns,
    Security,
    SecurityScheme,
    Skipped,
)
from .resources import Accept, Link, LinkArg, ObjectNamespace, Objects, Resource, Source
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
