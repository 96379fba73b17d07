"""Base classes of the generated resource namespaces (``client.files``, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, List, Tuple

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient


class _Discoverable:
    """runapy-style discovery: ``client.<namespace>.options()`` lists what the namespace can do."""

    # (method name, deprecated) for each method, in spec order; set by each generated class.
    _METHODS: ClassVar[Tuple[Tuple[str, bool], ...]] = ()

    def options(self, include_deprecated: bool = False) -> List[str]:
        """Names of this namespace's methods, in spec order.

        Methods of operations the API marks ``deprecated`` are left out unless
        ``include_deprecated=True`` (calling one emits a ``DeprecationWarning``).
        """
        return [name for name, deprecated in self._METHODS if include_deprecated or not deprecated]


class SyncAPIResource(_Discoverable):
    """Holds the client a namespace sends its requests through."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource(_Discoverable):
    """Holds the client a namespace sends its requests through."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
