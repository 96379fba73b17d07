"""Every exception the SDK raises (the names of the hand-written 0.2.2 SDK are kept)."""

from ._exceptions import *  # noqa: F403 - re-exported on purpose
from ._exceptions import __all__ as __all__
