"""Objects of the RunRL API API, from the response ``links`` of its document.

``RunRL()`` (``AsyncRunRL()``) is the object layer: its methods return
objects that hold the plain client (``.api``), the model of the response (``.data``, no request)
and call every linked operation with the linked arguments filled in. Loaded on first use.

Generated from the spec; do not edit. Sync and async classes come from one template.
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property as _cached_property
from typing import (
    Any,
    AsyncIterator,
    Callable,
    Dict,
    Generic,
    Iterator,
    List,
    Literal,
    Optional,
    TypeVar,
    Union,
)

from . import models as _models
from ._client import AsyncRunRLClient, RunRLClient
from ._pagination import PagedResponse
from ._polling import (
    AsyncRunRLPollingFuture,
    RunRLPollingFuture,
)
from ._streaming import AsyncEventStream, EventStream
from ._types import NOT_GIVEN, FileInput, NotGiven
from .models import (
    ApiKeyUsage,
    FilePreview,
    FileType,
    LikeResult,
    LogEvent,
    RunCompletions,
    RunHistoryEntry,
    RunLogs,
    RunMetrics,
    RunType,
    Scope,
    SharedConfigurationData,
    Visibility,
)


def _json(data: Any) -> Any:
    dump = getattr(data, "model_dump", None)
    return dump(mode="json", by_alias=True) if dump is not None else data


def _at(data: Any, *pointer: str) -> Any:
    """The member of an object's data at a JSON pointer (the link's ``$response.body#/...``)."""
    value = _json(data)
    for token in pointer:
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            raise LookupError("the object's data has no member /" + "/".join(pointer))
    return value


def _id(value: Any, cls: type, *pointer: str) -> Any:
    """An object given where the link says its member goes: that member (else the value)."""
    if isinstance(value, cls):
        return _at(getattr(value, "data"), *pointer)  # noqa: B009 - any object class
    return value


def _ids(values: Any, cls: type, *pointer: str) -> Any:
    """A list where the spec expects ids: each object in it replaced by its id."""
    if isinstance(values, (list, tuple)):
        return [_id(value, cls, *pointer) for value in values]
    return values


def _text(value: Any) -> Any:
    """A number linked into a ``str`` path parameter, as the path would carry it."""
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return str(value) if is_number else value


_O = TypeVar("_O")


class ObjectPage(Generic[_O]):
    """One page of objects from a paginated list: ``.items`` are this page's objects, ``.page``
    the plain ``PagedResponse`` they were made from.

    ``for obj in page`` walks every object of this page and of the pages after it,
    fetching each next page only when the one before has been consumed.
    """

    def __init__(self, page: PagedResponse[Any], make: Callable[[Any], _O]) -> None:
        self._page = page
        self._make = make
        self.items: List[_O] = [make(item) for item in page.items]

    @property
    def page(self) -> PagedResponse[Any]:
        """The plain page (``pagination``, ``raw_response``, the items' models)."""
        return self._page

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.items!r})"

    def has_next_page(self) -> bool:
        """Whether another page follows."""
        return self._page.has_next_page()

    def get_next_page(self) -> ObjectPage[_O]:
        """Fetch the next page; ``LookupError`` if there is none."""
        page = self._page.get_next_page()
        return ObjectPage(page, self._make)

    def iter_pages(self) -> Iterator[ObjectPage[_O]]:
        """This page, then each following page, fetched one at a time."""
        page: ObjectPage[_O] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_O]:
        """Every object of this page and of the pages after it."""
        for page in self.iter_pages():
            yield from page.items


class AsyncObjectPage(Generic[_O]):
    """One page of objects from a paginated list: ``.items`` are this page's objects, ``.page``
    the plain ``PagedResponse`` they were made from.

    ``async for obj in page`` walks every object of this page and of the pages after it,
    fetching each next page only when the one before has been consumed.
    """

    def __init__(self, page: PagedResponse[Any], make: Callable[[Any], _O]) -> None:
        self._page = page
        self._make = make
        self.items: List[_O] = [make(item) for item in page.items]

    @property
    def page(self) -> PagedResponse[Any]:
        """The plain page (``pagination``, ``raw_response``, the items' models)."""
        return self._page

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.items!r})"

    def has_next_page(self) -> bool:
        """Whether another page follows."""
        return self._page.has_next_page()

    async def aget_next_page(self) -> AsyncObjectPage[_O]:
        """Fetch the next page; ``LookupError`` if there is none."""
        page = await self._page.aget_next_page()
        return AsyncObjectPage(page, self._make)

    async def aiter_pages(self) -> AsyncIterator[AsyncObjectPage[_O]]:
        """This page, then each following page, fetched one at a time."""
        page: AsyncObjectPage[_O] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.aget_next_page()

    async def __aiter__(self) -> AsyncIterator[_O]:
        """Every object of this page and of the pages after it."""
        async for page in self.aiter_pages():
            for obj in page.items:
                yield obj


class FileObject:
    """A stored file (prompt dataset, reward or environment code, SFT dataset).

    ``.data`` is the ``File`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: RunRLClient,
        data: _models.File,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.File:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> RunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    def info(self) -> _models.File:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
        }
        self._data = self._client.files.retrieve(**_args)
        return self._data

    def refresh(self) -> FileObject:
        """Fetch the object's data again; the object itself is returned."""
        self.info()
        return self

    def retrieve(
        self,
        **options: Any,
    ) -> FileObject:
        """Retrieve a file's metadata

        ``GET /files/{fileId}``, with file_id from this object; other options as
        ``self._client.files.retrieve`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
        }
        result = self._client.files.retrieve(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "fileId": _args["file_id"],
        }
        return FileObject(self._client, data, request)

    def update(
        self,
        *,
        name: Optional[str] = None,
        content: Optional[str] = None,
        **options: Any,
    ) -> FileObject:
        """Rename a file or update its code

        ``PUT /files/{fileId}``, with file_id from this object; other options as
        ``self._client.files.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
            "name": name,
            "content": content,
        }
        result = self._client.files.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "fileId": _args["file_id"],
            "body:" + "name": _args["name"],
            "body:" + "content": _args["content"],
        }
        return FileObject(self._client, data, request)

    def delete(
        self,
        *,
        force: bool = False,
        **options: Any,
    ) -> None:
        """Delete a file

        ``DELETE /files/{fileId}``, with file_id from this object; other options as
        ``self._client.files.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
            "force": force,
        }
        self._client.files.delete(**_args, **options)

    def preview(
        self,
        *,
        lines: int = 20,
        **options: Any,
    ) -> FilePreview:
        """Preview a file

        ``GET /files/{fileId}/preview``, with file_id from this object; other options as
        ``self._client.files.preview`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
            "lines": lines,
        }
        result = self._client.files.preview(**_args, **options)
        return result

    def content(
        self,
        **options: Any,
    ) -> str:
        """Read a file's text content

        ``GET /files/{fileId}/content``, with file_id from this object; other options as
        ``self._client.files.content`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
        }
        result = self._client.files.content(**_args, **options)
        return result

    def download(
        self,
        **options: Any,
    ) -> bytes:
        """Download the original file

        ``GET /files/{fileId}/download``, with file_id from this object; other options as
        ``self._client.files.download`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
        }
        result = self._client.files.download(**_args, **options)
        return result


class RunObject:
    """A training run.

    ``.data`` is the ``Run`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: RunRLClient,
        data: _models.Run,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.Run:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> RunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    def info(self) -> _models.Run:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        self._data = self._client.runs.get(**_args)
        return self._data

    def refresh(self) -> RunObject:
        """Fetch the object's data again; the object itself is returned."""
        self.info()
        return self

    def wait(
        self,
        timeout: Optional[float] = None,
        *,
        progress: bool = False,
        poll_interval: Optional[float] = None,
    ) -> RunObject:
        """Poll ``info()`` until the object is in a final state (``x-sdk-polling``); ``.data`` is
        the final object. Raises as the polling future's ``result()`` does (the failure error,
        ``TimeoutError`` after ``timeout`` seconds, default the client's ``max_poll_timeout``)."""
        from .resources.runs import _CREATE_OP_POLLING as _policy

        future = RunRLPollingFuture(
            self._data,
            poll=self.info,
            policy=_policy,
            poll_interval=(
                self._client.config.poll_interval if poll_interval is None else poll_interval
            ),
            max_timeout=self._client.config.max_poll_timeout,
        )
        self._data = future.result(timeout, progress=progress)
        return self

    def get(
        self,
        **options: Any,
    ) -> RunObject:
        """Retrieve a run

        ``GET /runs/{id}``, with run_id from this object; other options as
        ``self._client.runs.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = self._client.runs.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["run_id"],
        }
        return RunObject(self._client, data, request)

    def history(
        self,
        **options: Any,
    ) -> List[RunHistoryEntry]:
        """Get a run's status timeline

        ``GET /runs/{id}/history``, with run_id from this object; other options as
        ``self._client.runs.history`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = self._client.runs.history(**_args, **options)
        return result

    def logs(
        self,
        *,
        last_line: int = 0,
        limit: int = 100,
        **options: Any,
    ) -> RunLogs:
        """Get a batch of run logs

        ``GET /runs/{id}/logs``, with run_id from this object; other options as
        ``self._client.runs.logs`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
            "last_line": last_line,
            "limit": limit,
        }
        result = self._client.runs.logs(**_args, **options)
        return result

    def stream_logs(
        self,
        **options: Any,
    ) -> EventStream[LogEvent]:
        """Stream run logs (Server-Sent Events)

        ``GET /runs/{id}/logs/stream``, with run_id from this object; other options as
        ``self._client.runs.stream_logs`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = self._client.runs.stream_logs(**_args, **options)
        return result

    def metrics(
        self,
        **options: Any,
    ) -> RunMetrics:
        """Get a run's metrics

        ``GET /runs/{id}/metrics``, with run_id from this object; other options as
        ``self._client.runs.metrics`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = self._client.runs.metrics(**_args, **options)
        return result

    def completions(
        self,
        **options: Any,
    ) -> RunCompletions:
        """Get a run's completions

        ``GET /runs/{id}/completions``, with run_id from this object; other options as
        ``self._client.runs.completions`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = self._client.runs.completions(**_args, **options)
        return result

    def cancel(
        self,
        **options: Any,
    ) -> None:
        """Cancel a run

        ``POST /runs/{id}/cancel``, with run_id from this object; other options as
        ``self._client.runs.cancel`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        self._client.runs.cancel(**_args, **options)

    def deploy(
        self,
        **options: Any,
    ) -> DeploymentObject:
        """Deploy a run's checkpoint

        ``POST /deployments``, with run_id from this object; other options as
        ``self._client.deployments.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = self._client.deployments.create(**_args, **options)
        # the object is made from the first answer; wait() polls it
        data = result.initial
        request: Dict[str, Any] = {
            "body:" + "run_id": _args["run_id"],
        }
        return DeploymentObject(self._client, data, request)


class DeploymentObject:
    """A trained checkpoint served on managed infrastructure.

    ``.data`` is the ``Deployment`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: RunRLClient,
        data: _models.Deployment,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.Deployment:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> RunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    def info(self) -> _models.Deployment:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "deployment_id": _at(self._data, "id"),
        }
        self._data = self._client.deployments.get(**_args)
        return self._data

    def refresh(self) -> DeploymentObject:
        """Fetch the object's data again; the object itself is returned."""
        self.info()
        return self

    def wait(
        self,
        timeout: Optional[float] = None,
        *,
        progress: bool = False,
        poll_interval: Optional[float] = None,
    ) -> DeploymentObject:
        """Poll ``info()`` until the object is in a final state (``x-sdk-polling``); ``.data`` is
        the final object. Raises as the polling future's ``result()`` does (the failure error,
        ``TimeoutError`` after ``timeout`` seconds, default the client's ``max_poll_timeout``)."""
        from .resources.deployments import _CREATE_OP_POLLING as _policy

        future = RunRLPollingFuture(
            self._data,
            poll=self.info,
            policy=_policy,
            poll_interval=(
                self._client.config.poll_interval if poll_interval is None else poll_interval
            ),
            max_timeout=self._client.config.max_poll_timeout,
        )
        self._data = future.result(timeout, progress=progress)
        return self

    def __enter__(self) -> DeploymentObject:
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Leaving a ``with`` block calls ``delete()`` (``x-sdk-resource`` cleanup)."""
        self.delete()

    def get(
        self,
        **options: Any,
    ) -> DeploymentObject:
        """Retrieve a deployment

        ``GET /deployments/{id}``, with deployment_id from this object; other options as
        ``self._client.deployments.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "deployment_id": _at(self._data, "id"),
        }
        result = self._client.deployments.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["deployment_id"],
        }
        return DeploymentObject(self._client, data, request)

    def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete a deployment

        ``DELETE /deployments/{id}``, with deployment_id from this object; other options as
        ``self._client.deployments.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "deployment_id": _at(self._data, "id"),
        }
        self._client.deployments.delete(**_args, **options)


class ToolObject:
    """An MCP tool.

    ``.data`` is the ``Tool`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: RunRLClient,
        data: _models.Tool,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.Tool:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> RunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    def info(self) -> _models.Tool:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "tool_id": _at(self._data, "id"),
        }
        self._data = self._client.tools.get(**_args)
        return self._data

    def refresh(self) -> ToolObject:
        """Fetch the object's data again; the object itself is returned."""
        self.info()
        return self

    def get(
        self,
        **options: Any,
    ) -> ToolObject:
        """Retrieve a tool

        ``GET /tools/{id}``, with tool_id from this object; other options as
        ``self._client.tools.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _at(self._data, "id"),
        }
        result = self._client.tools.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["tool_id"],
        }
        return ToolObject(self._client, data, request)

    def update(
        self,
        *,
        name: Optional[str] = None,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Optional[bool] = None,
        **options: Any,
    ) -> ToolObject:
        """Update a tool

        ``PUT /tools/{id}``, with tool_id from this object; other options as
        ``self._client.tools.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _at(self._data, "id"),
            "name": name,
            "description": description,
            "is_public": is_public,
        }
        result = self._client.tools.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["tool_id"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "is_public": _args["is_public"],
        }
        return ToolObject(self._client, data, request)

    def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete a tool

        ``DELETE /tools/{id}``, with tool_id from this object; other options as
        ``self._client.tools.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _at(self._data, "id"),
        }
        self._client.tools.delete(**_args, **options)


class SharedConfigurationObject:
    """A reusable training setup.

    ``.data`` is the ``SharedConfiguration`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: RunRLClient,
        data: _models.SharedConfiguration,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.SharedConfiguration:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> RunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "uuid")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    def info(self) -> _models.SharedConfiguration:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        self._data = self._client.shared_configurations.get(**_args)
        return self._data

    def refresh(self) -> SharedConfigurationObject:
        """Fetch the object's data again; the object itself is returned."""
        self.info()
        return self

    def get(
        self,
        **options: Any,
    ) -> SharedConfigurationObject:
        """Retrieve a shared configuration

        ``GET /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = self._client.shared_configurations.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return SharedConfigurationObject(self._client, data, request)

    def update(
        self,
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        configuration: Optional[Dict[str, Any]] = None,
        **options: Any,
    ) -> SharedConfigurationObject:
        """Update a shared configuration

        ``PUT /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
            "name": name,
            "description": description,
            "visibility": visibility,
            "configuration": configuration,
        }
        result = self._client.shared_configurations.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "visibility": _args["visibility"],
            "body:" + "configuration": _args["configuration"],
        }
        return SharedConfigurationObject(self._client, data, request)

    def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete a shared configuration

        ``DELETE /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        self._client.shared_configurations.delete(**_args, **options)

    def data_(
        self,
        **options: Any,
    ) -> SharedConfigurationData:
        """Get a shared configuration's full payload

        ``GET /shared-configurations/{uuid}/data``, with uuid from this object; other options as
        ``self._client.shared_configurations.data`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = self._client.shared_configurations.data(**_args, **options)
        return result

    def copy(
        self,
        **options: Any,
    ) -> SharedConfigurationCopyObject:
        """Copy a shared configuration to your account

        ``POST /shared-configurations/{uuid}/copy``, with uuid from this object; other options as
        ``self._client.shared_configurations.copy`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = self._client.shared_configurations.copy(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return SharedConfigurationCopyObject(self._client, data, request)

    def like(
        self,
        **options: Any,
    ) -> LikeResult:
        """Toggle your like of a shared configuration

        ``POST /shared-configurations/{uuid}/like``, with uuid from this object; other options as
        ``self._client.shared_configurations.like`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = self._client.shared_configurations.like(**_args, **options)
        return result


class SharedConfigurationCopyObject:
    """The copy made in the caller's account.

    ``.data`` is the ``SharedConfigurationCopy`` it was made from (no request); each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: RunRLClient,
        data: _models.SharedConfigurationCopy,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.SharedConfigurationCopy:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> RunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "uuid")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    def get(
        self,
        **options: Any,
    ) -> SharedConfigurationObject:
        """Retrieve a shared configuration

        ``GET /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = self._client.shared_configurations.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return SharedConfigurationObject(self._client, data, request)

    def update(
        self,
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        configuration: Optional[Dict[str, Any]] = None,
        **options: Any,
    ) -> SharedConfigurationObject:
        """Update a shared configuration

        ``PUT /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
            "name": name,
            "description": description,
            "visibility": visibility,
            "configuration": configuration,
        }
        result = self._client.shared_configurations.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "visibility": _args["visibility"],
            "body:" + "configuration": _args["configuration"],
        }
        return SharedConfigurationObject(self._client, data, request)

    def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete a shared configuration

        ``DELETE /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        self._client.shared_configurations.delete(**_args, **options)

    def data_(
        self,
        **options: Any,
    ) -> SharedConfigurationData:
        """Get a shared configuration's full payload

        ``GET /shared-configurations/{uuid}/data``, with uuid from this object; other options as
        ``self._client.shared_configurations.data`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = self._client.shared_configurations.data(**_args, **options)
        return result

    def copy(
        self,
        **options: Any,
    ) -> SharedConfigurationCopyObject:
        """Copy a shared configuration to your account

        ``POST /shared-configurations/{uuid}/copy``, with uuid from this object; other options as
        ``self._client.shared_configurations.copy`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = self._client.shared_configurations.copy(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return SharedConfigurationCopyObject(self._client, data, request)

    def like(
        self,
        **options: Any,
    ) -> LikeResult:
        """Toggle your like of a shared configuration

        ``POST /shared-configurations/{uuid}/like``, with uuid from this object; other options as
        ``self._client.shared_configurations.like`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = self._client.shared_configurations.like(**_args, **options)
        return result


class ApiKeyObject:
    """An API key (the secret itself is only returned once, at creation).

    ``.data`` is the ``ApiKey`` it was made from (no request); each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: RunRLClient,
        data: _models.ApiKey,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.ApiKey:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> RunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    def update(
        self,
        *,
        name: Optional[str] = None,
        active: Optional[bool] = None,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> ApiKeyObject:
        """Update an API key

        ``PUT /keys/{id}``, with api_key_id from this object; other options as
        ``self._client.api_keys.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "id"),
            "name": name,
            "active": active,
            "scopes": scopes,
            "requests_per_hour": requests_per_hour,
            "expires_at": expires_at,
        }
        result = self._client.api_keys.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["api_key_id"],
            "body:" + "name": _args["name"],
            "body:" + "active": _args["active"],
            "body:" + "scopes": _args["scopes"],
            "body:" + "requests_per_hour": _args["requests_per_hour"],
            "body:" + "expires_at": _args["expires_at"],
        }
        return ApiKeyObject(self._client, data, request)

    def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete an API key

        ``DELETE /keys/{id}``, with api_key_id from this object; other options as
        ``self._client.api_keys.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "id"),
        }
        self._client.api_keys.delete(**_args, **options)

    def usage(
        self,
        **options: Any,
    ) -> ApiKeyUsage:
        """Get an API key's usage statistics

        ``GET /keys/{id}/usage``, with api_key_id from this object; other options as
        ``self._client.api_keys.usage`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "id"),
        }
        result = self._client.api_keys.usage(**_args, **options)
        return result


class ApiKeyTokenObject:
    """A newly created key with its secret token (shown only this once).

    ``.data`` is the ``ApiKeyToken`` it was made from (no request); each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: RunRLClient,
        data: _models.ApiKeyToken,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.ApiKeyToken:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> RunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "api_key", "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    def update(
        self,
        *,
        name: Optional[str] = None,
        active: Optional[bool] = None,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> ApiKeyObject:
        """Update an API key

        ``PUT /keys/{id}``, with api_key_id from this object; other options as
        ``self._client.api_keys.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "api_key", "id"),
            "name": name,
            "active": active,
            "scopes": scopes,
            "requests_per_hour": requests_per_hour,
            "expires_at": expires_at,
        }
        result = self._client.api_keys.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["api_key_id"],
            "body:" + "name": _args["name"],
            "body:" + "active": _args["active"],
            "body:" + "scopes": _args["scopes"],
            "body:" + "requests_per_hour": _args["requests_per_hour"],
            "body:" + "expires_at": _args["expires_at"],
        }
        return ApiKeyObject(self._client, data, request)

    def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete an API key

        ``DELETE /keys/{id}``, with api_key_id from this object; other options as
        ``self._client.api_keys.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "api_key", "id"),
        }
        self._client.api_keys.delete(**_args, **options)

    def usage(
        self,
        **options: Any,
    ) -> ApiKeyUsage:
        """Get an API key's usage statistics

        ``GET /keys/{id}/usage``, with api_key_id from this object; other options as
        ``self._client.api_keys.usage`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "api_key", "id"),
        }
        result = self._client.api_keys.usage(**_args, **options)
        return result


class FilesObjects:
    """``files`` of the object layer: its methods return objects."""

    def __init__(self, client: RunRLClient) -> None:
        self._client = client

    def list(
        self,
        *,
        type: Optional[
            Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]]
        ] = None,
        search: Optional[str] = None,
        page: int = 1,
        per_page: int = 20,
        sort: Optional[str] = None,
        direction: Optional[str] = None,
        **options: Any,
    ) -> ObjectPage[FileObject]:
        """List files

        ``GET /files``; other options as
        ``self._client.files.list`` takes them.
        """
        _args: Dict[str, Any] = {
            "type": type,
            "search": search,
            "page": page,
            "per_page": per_page,
            "sort": sort,
            "direction": direction,
        }
        result = self._client.files.list(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "query:" + "type": _args["type"],
            "query:" + "search": _args["search"],
            "query:" + "page": _args["page"],
            "query:" + "per_page": _args["per_page"],
            "query:" + "sort": _args["sort"],
            "query:" + "direction": _args["direction"],
        }
        return ObjectPage(data, lambda item: FileObject(self._client, item, request))

    def upload_path(
        self,
        path: FileInput,
        *,
        file_type: Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]],
        name: Optional[str] = None,
        **options: Any,
    ) -> FileObject:
        """Upload a file or create one from content

        ``POST /files``; other options as
        ``self._client.files.upload_path`` takes them.
        """
        _args: Dict[str, Any] = {
            "path": path,
            "file_type": file_type,
            "name": name,
        }
        result = self._client.files.upload_path(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "file": _args["path"],
            "body:" + "type": _args["file_type"],
            "body:" + "name": _args["name"],
        }
        return FileObject(self._client, data, request)

    def create_from_content(
        self,
        name: str,
        content: str,
        file_type: Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]],
        *,
        original_filename: Optional[str] = None,
        **options: Any,
    ) -> FileObject:
        """Upload a file or create one from content

        ``POST /files``; other options as
        ``self._client.files.create_from_content`` takes them.
        """
        _args: Dict[str, Any] = {
            "name": name,
            "content": content,
            "file_type": file_type,
            "original_filename": original_filename,
        }
        result = self._client.files.create_from_content(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "name": _args["name"],
            "body:" + "content": _args["content"],
            "body:" + "type": _args["file_type"],
            "body:" + "original_filename": _args["original_filename"],
        }
        return FileObject(self._client, data, request)

    def retrieve(
        self,
        file_id: Union[str, FileObject],
        **options: Any,
    ) -> FileObject:
        """Retrieve a file's metadata

        ``GET /files/{fileId}``; other options as
        ``self._client.files.retrieve`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, FileObject, "id")),
        }
        result = self._client.files.retrieve(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "fileId": _args["file_id"],
        }
        return FileObject(self._client, data, request)

    def update(
        self,
        file_id: Union[str, FileObject],
        *,
        name: Optional[str] = None,
        content: Optional[str] = None,
        **options: Any,
    ) -> FileObject:
        """Rename a file or update its code

        ``PUT /files/{fileId}``; other options as
        ``self._client.files.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, FileObject, "id")),
            "name": name,
            "content": content,
        }
        result = self._client.files.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "fileId": _args["file_id"],
            "body:" + "name": _args["name"],
            "body:" + "content": _args["content"],
        }
        return FileObject(self._client, data, request)

    def delete(
        self,
        file_id: Union[str, FileObject],
        *,
        force: bool = False,
        **options: Any,
    ) -> None:
        """Delete a file

        ``DELETE /files/{fileId}``; other options as
        ``self._client.files.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, FileObject, "id")),
            "force": force,
        }
        self._client.files.delete(**_args, **options)

    def preview(
        self,
        file_id: Union[str, FileObject],
        *,
        lines: int = 20,
        **options: Any,
    ) -> FilePreview:
        """Preview a file

        ``GET /files/{fileId}/preview``; other options as
        ``self._client.files.preview`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, FileObject, "id")),
            "lines": lines,
        }
        result = self._client.files.preview(**_args, **options)
        return result

    def content(
        self,
        file_id: Union[str, FileObject],
        **options: Any,
    ) -> str:
        """Read a file's text content

        ``GET /files/{fileId}/content``; other options as
        ``self._client.files.content`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, FileObject, "id")),
        }
        result = self._client.files.content(**_args, **options)
        return result

    def download(
        self,
        file_id: Union[str, FileObject],
        **options: Any,
    ) -> bytes:
        """Download the original file

        ``GET /files/{fileId}/download``; other options as
        ``self._client.files.download`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, FileObject, "id")),
        }
        result = self._client.files.download(**_args, **options)
        return result


class RunsObjects:
    """``runs`` of the object layer: its methods return objects."""

    def __init__(self, client: RunRLClient) -> None:
        self._client = client

    def create(
        self,
        *,
        model: str,
        prompt_file_id: Union[str, FileObject],
        reward_file_id: Union[str, FileObject],
        type: Optional[Union[RunType, Literal["reward_function", "environment"]]] = None,
        completion_length: Union[int, NotGiven] = NOT_GIVEN,
        epochs: Union[int, NotGiven] = NOT_GIVEN,
        learning_rate_multiplier: Union[float, NotGiven] = NOT_GIVEN,
        sft_file_id: Union[Optional[str], FileObject] = None,
        tool_ids: Optional[List[Union[int, ToolObject]]] = None,
        package_requirements: Optional[List[str]] = None,
        hf_token: Optional[str] = None,
        **options: Any,
    ) -> RunObject:
        """Create a run

        ``POST /runs``; other options as
        ``self._client.runs.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "model": model,
            "prompt_file_id": _text(_id(prompt_file_id, FileObject, "id")),
            "reward_file_id": _text(_id(reward_file_id, FileObject, "id")),
            "type": type,
            "completion_length": completion_length,
            "epochs": epochs,
            "learning_rate_multiplier": learning_rate_multiplier,
            "sft_file_id": _text(_id(sft_file_id, FileObject, "id")),
            "tool_ids": _ids(tool_ids, ToolObject, "id"),
            "package_requirements": package_requirements,
            "hf_token": hf_token,
        }
        result = self._client.runs.create(**_args, **options)
        # the object is made from the first answer; wait() polls it
        data = result.initial
        request: Dict[str, Any] = {
            "body:" + "model": _args["model"],
            "body:" + "prompt_file_id": _args["prompt_file_id"],
            "body:" + "reward_file_id": _args["reward_file_id"],
            "body:" + "type": _args["type"],
            "body:" + "completion_length": _args["completion_length"],
            "body:" + "epochs": _args["epochs"],
            "body:" + "learning_rate_multiplier": _args["learning_rate_multiplier"],
            "body:" + "sft_file_id": _args["sft_file_id"],
            "body:" + "tool_ids": _args["tool_ids"],
            "body:" + "package_requirements": _args["package_requirements"],
            "body:" + "hf_token": _args["hf_token"],
        }
        return RunObject(self._client, data, request)

    def get(
        self,
        run_id: Union[int, RunObject],
        **options: Any,
    ) -> RunObject:
        """Retrieve a run

        ``GET /runs/{id}``; other options as
        ``self._client.runs.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, RunObject, "id"),
        }
        result = self._client.runs.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["run_id"],
        }
        return RunObject(self._client, data, request)

    def history(
        self,
        run_id: Union[int, RunObject],
        **options: Any,
    ) -> List[RunHistoryEntry]:
        """Get a run's status timeline

        ``GET /runs/{id}/history``; other options as
        ``self._client.runs.history`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, RunObject, "id"),
        }
        result = self._client.runs.history(**_args, **options)
        return result

    def logs(
        self,
        run_id: Union[int, RunObject],
        *,
        last_line: int = 0,
        limit: int = 100,
        **options: Any,
    ) -> RunLogs:
        """Get a batch of run logs

        ``GET /runs/{id}/logs``; other options as
        ``self._client.runs.logs`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, RunObject, "id"),
            "last_line": last_line,
            "limit": limit,
        }
        result = self._client.runs.logs(**_args, **options)
        return result

    def stream_logs(
        self,
        run_id: Union[int, RunObject],
        **options: Any,
    ) -> EventStream[LogEvent]:
        """Stream run logs (Server-Sent Events)

        ``GET /runs/{id}/logs/stream``; other options as
        ``self._client.runs.stream_logs`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, RunObject, "id"),
        }
        result = self._client.runs.stream_logs(**_args, **options)
        return result

    def metrics(
        self,
        run_id: Union[int, RunObject],
        **options: Any,
    ) -> RunMetrics:
        """Get a run's metrics

        ``GET /runs/{id}/metrics``; other options as
        ``self._client.runs.metrics`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, RunObject, "id"),
        }
        result = self._client.runs.metrics(**_args, **options)
        return result

    def completions(
        self,
        run_id: Union[int, RunObject],
        **options: Any,
    ) -> RunCompletions:
        """Get a run's completions

        ``GET /runs/{id}/completions``; other options as
        ``self._client.runs.completions`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, RunObject, "id"),
        }
        result = self._client.runs.completions(**_args, **options)
        return result

    def cancel(
        self,
        run_id: Union[int, RunObject],
        **options: Any,
    ) -> None:
        """Cancel a run

        ``POST /runs/{id}/cancel``; other options as
        ``self._client.runs.cancel`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, RunObject, "id"),
        }
        self._client.runs.cancel(**_args, **options)


class DeploymentsObjects:
    """``deployments`` of the object layer: its methods return objects."""

    def __init__(self, client: RunRLClient) -> None:
        self._client = client

    def create(
        self,
        run_id: Union[int, RunObject],
        **options: Any,
    ) -> DeploymentObject:
        """Deploy a run's checkpoint

        ``POST /deployments``; other options as
        ``self._client.deployments.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, RunObject, "id"),
        }
        result = self._client.deployments.create(**_args, **options)
        # the object is made from the first answer; wait() polls it
        data = result.initial
        request: Dict[str, Any] = {
            "body:" + "run_id": _args["run_id"],
        }
        return DeploymentObject(self._client, data, request)

    def get(
        self,
        deployment_id: Union[int, DeploymentObject],
        **options: Any,
    ) -> DeploymentObject:
        """Retrieve a deployment

        ``GET /deployments/{id}``; other options as
        ``self._client.deployments.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "deployment_id": _id(deployment_id, DeploymentObject, "id"),
        }
        result = self._client.deployments.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["deployment_id"],
        }
        return DeploymentObject(self._client, data, request)

    def delete(
        self,
        deployment_id: Union[int, DeploymentObject],
        **options: Any,
    ) -> None:
        """Delete a deployment

        ``DELETE /deployments/{id}``; other options as
        ``self._client.deployments.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "deployment_id": _id(deployment_id, DeploymentObject, "id"),
        }
        self._client.deployments.delete(**_args, **options)


class ToolsObjects:
    """``tools`` of the object layer: its methods return objects."""

    def __init__(self, client: RunRLClient) -> None:
        self._client = client

    def create(
        self,
        name: str,
        mcp_url: str,
        *,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Union[bool, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> ToolObject:
        """Register a tool

        ``POST /tools``; other options as
        ``self._client.tools.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "name": name,
            "mcp_url": mcp_url,
            "description": description,
            "is_public": is_public,
        }
        result = self._client.tools.create(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "name": _args["name"],
            "body:" + "mcp_url": _args["mcp_url"],
            "body:" + "description": _args["description"],
            "body:" + "is_public": _args["is_public"],
        }
        return ToolObject(self._client, data, request)

    def get(
        self,
        tool_id: Union[int, ToolObject],
        **options: Any,
    ) -> ToolObject:
        """Retrieve a tool

        ``GET /tools/{id}``; other options as
        ``self._client.tools.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _id(tool_id, ToolObject, "id"),
        }
        result = self._client.tools.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["tool_id"],
        }
        return ToolObject(self._client, data, request)

    def update(
        self,
        tool_id: Union[int, ToolObject],
        *,
        name: Optional[str] = None,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Optional[bool] = None,
        **options: Any,
    ) -> ToolObject:
        """Update a tool

        ``PUT /tools/{id}``; other options as
        ``self._client.tools.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _id(tool_id, ToolObject, "id"),
            "name": name,
            "description": description,
            "is_public": is_public,
        }
        result = self._client.tools.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["tool_id"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "is_public": _args["is_public"],
        }
        return ToolObject(self._client, data, request)

    def delete(
        self,
        tool_id: Union[int, ToolObject],
        **options: Any,
    ) -> None:
        """Delete a tool

        ``DELETE /tools/{id}``; other options as
        ``self._client.tools.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _id(tool_id, ToolObject, "id"),
        }
        self._client.tools.delete(**_args, **options)


class SharedConfigurationsObjects:
    """``shared_configurations`` of the object layer: its methods return objects."""

    def __init__(self, client: RunRLClient) -> None:
        self._client = client

    def list(
        self,
        **options: Any,
    ) -> ObjectPage[SharedConfigurationObject]:
        """List your shared configurations

        ``GET /shared-configurations``; other options as
        ``self._client.shared_configurations.list`` takes them.
        """
        _args: Dict[str, Any] = {}
        result = self._client.shared_configurations.list(**_args, **options)
        data = result
        request: Dict[str, Any] = {}
        return ObjectPage(data, lambda item: SharedConfigurationObject(self._client, item, request))

    def create(
        self,
        *,
        name: str,
        visibility: Union[Visibility, Literal["public", "unlisted", "private"]],
        prompt_file_id: Union[str, FileObject],
        reward_file_id: Union[str, FileObject],
        configuration: Dict[str, Any],
        description: Optional[str] = None,
        **options: Any,
    ) -> SharedConfigurationObject:
        """Create a shared configuration

        ``POST /shared-configurations``; other options as
        ``self._client.shared_configurations.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "name": name,
            "visibility": visibility,
            "prompt_file_id": _text(_id(prompt_file_id, FileObject, "id")),
            "reward_file_id": _text(_id(reward_file_id, FileObject, "id")),
            "configuration": configuration,
            "description": description,
        }
        result = self._client.shared_configurations.create(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "name": _args["name"],
            "body:" + "visibility": _args["visibility"],
            "body:" + "prompt_file_id": _args["prompt_file_id"],
            "body:" + "reward_file_id": _args["reward_file_id"],
            "body:" + "configuration": _args["configuration"],
            "body:" + "description": _args["description"],
        }
        return SharedConfigurationObject(self._client, data, request)

    def get(
        self,
        uuid: Union[str, SharedConfigurationObject],
        **options: Any,
    ) -> SharedConfigurationObject:
        """Retrieve a shared configuration

        ``GET /shared-configurations/{uuid}``; other options as
        ``self._client.shared_configurations.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, SharedConfigurationObject, "uuid")),
        }
        result = self._client.shared_configurations.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return SharedConfigurationObject(self._client, data, request)

    def update(
        self,
        uuid: Union[str, SharedConfigurationObject],
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        configuration: Optional[Dict[str, Any]] = None,
        **options: Any,
    ) -> SharedConfigurationObject:
        """Update a shared configuration

        ``PUT /shared-configurations/{uuid}``; other options as
        ``self._client.shared_configurations.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, SharedConfigurationObject, "uuid")),
            "name": name,
            "description": description,
            "visibility": visibility,
            "configuration": configuration,
        }
        result = self._client.shared_configurations.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "visibility": _args["visibility"],
            "body:" + "configuration": _args["configuration"],
        }
        return SharedConfigurationObject(self._client, data, request)

    def copy(
        self,
        uuid: Union[str, SharedConfigurationObject],
        **options: Any,
    ) -> SharedConfigurationCopyObject:
        """Copy a shared configuration to your account

        ``POST /shared-configurations/{uuid}/copy``; other options as
        ``self._client.shared_configurations.copy`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, SharedConfigurationObject, "uuid")),
        }
        result = self._client.shared_configurations.copy(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return SharedConfigurationCopyObject(self._client, data, request)

    def delete(
        self,
        uuid: Union[str, SharedConfigurationObject],
        **options: Any,
    ) -> None:
        """Delete a shared configuration

        ``DELETE /shared-configurations/{uuid}``; other options as
        ``self._client.shared_configurations.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, SharedConfigurationObject, "uuid")),
        }
        self._client.shared_configurations.delete(**_args, **options)

    def data(
        self,
        uuid: Union[str, SharedConfigurationObject],
        **options: Any,
    ) -> SharedConfigurationData:
        """Get a shared configuration's full payload

        ``GET /shared-configurations/{uuid}/data``; other options as
        ``self._client.shared_configurations.data`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, SharedConfigurationObject, "uuid")),
        }
        result = self._client.shared_configurations.data(**_args, **options)
        return result

    def like(
        self,
        uuid: Union[str, SharedConfigurationObject],
        **options: Any,
    ) -> LikeResult:
        """Toggle your like of a shared configuration

        ``POST /shared-configurations/{uuid}/like``; other options as
        ``self._client.shared_configurations.like`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, SharedConfigurationObject, "uuid")),
        }
        result = self._client.shared_configurations.like(**_args, **options)
        return result


class ApiKeysObjects:
    """``api_keys`` of the object layer: its methods return objects."""

    def __init__(self, client: RunRLClient) -> None:
        self._client = client

    def list(
        self,
        **options: Any,
    ) -> List[ApiKeyObject]:
        """List API keys

        ``GET /keys``; other options as
        ``self._client.api_keys.list`` takes them.
        """
        _args: Dict[str, Any] = {}
        result = self._client.api_keys.list(**_args, **options)
        data = result
        request: Dict[str, Any] = {}
        return [ApiKeyObject(self._client, item, request) for item in data]

    def create(
        self,
        name: str,
        *,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> ApiKeyTokenObject:
        """Create an API key

        ``POST /keys``; other options as
        ``self._client.api_keys.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "name": name,
            "scopes": scopes,
            "requests_per_hour": requests_per_hour,
            "expires_at": expires_at,
        }
        result = self._client.api_keys.create(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "name": _args["name"],
            "body:" + "scopes": _args["scopes"],
            "body:" + "requests_per_hour": _args["requests_per_hour"],
            "body:" + "expires_at": _args["expires_at"],
        }
        return ApiKeyTokenObject(self._client, data, request)

    def update(
        self,
        api_key_id: Union[int, ApiKeyObject],
        *,
        name: Optional[str] = None,
        active: Optional[bool] = None,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> ApiKeyObject:
        """Update an API key

        ``PUT /keys/{id}``; other options as
        ``self._client.api_keys.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _id(api_key_id, ApiKeyObject, "id"),
            "name": name,
            "active": active,
            "scopes": scopes,
            "requests_per_hour": requests_per_hour,
            "expires_at": expires_at,
        }
        result = self._client.api_keys.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["api_key_id"],
            "body:" + "name": _args["name"],
            "body:" + "active": _args["active"],
            "body:" + "scopes": _args["scopes"],
            "body:" + "requests_per_hour": _args["requests_per_hour"],
            "body:" + "expires_at": _args["expires_at"],
        }
        return ApiKeyObject(self._client, data, request)

    def delete(
        self,
        api_key_id: Union[int, ApiKeyObject],
        **options: Any,
    ) -> None:
        """Delete an API key

        ``DELETE /keys/{id}``; other options as
        ``self._client.api_keys.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _id(api_key_id, ApiKeyObject, "id"),
        }
        self._client.api_keys.delete(**_args, **options)

    def usage(
        self,
        api_key_id: Union[int, ApiKeyObject],
        **options: Any,
    ) -> ApiKeyUsage:
        """Get an API key's usage statistics

        ``GET /keys/{id}/usage``; other options as
        ``self._client.api_keys.usage`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _id(api_key_id, ApiKeyObject, "id"),
        }
        result = self._client.api_keys.usage(**_args, **options)
        return result


class RunRL:
    """The object layer of the RunRL API API: methods that return objects.

    ``.api`` is the plain ``RunRLClient`` (given, or made from ``client_options``).
    """

    def __init__(self, api: Optional[RunRLClient] = None, **client_options: Any) -> None:
        self._client = api if api is not None else RunRLClient(**client_options)

    @property
    def api(self) -> RunRLClient:
        """The plain client."""
        return self._client

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RunRL:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @_cached_property
    def files(self) -> FilesObjects:
        return FilesObjects(self._client)

    @_cached_property
    def runs(self) -> RunsObjects:
        return RunsObjects(self._client)

    @_cached_property
    def deployments(self) -> DeploymentsObjects:
        return DeploymentsObjects(self._client)

    @_cached_property
    def tools(self) -> ToolsObjects:
        return ToolsObjects(self._client)

    @_cached_property
    def shared_configurations(self) -> SharedConfigurationsObjects:
        return SharedConfigurationsObjects(self._client)

    @_cached_property
    def api_keys(self) -> ApiKeysObjects:
        return ApiKeysObjects(self._client)


class AsyncFileObject:
    """A stored file (prompt dataset, reward or environment code, SFT dataset).

    ``.data`` is the ``File`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: AsyncRunRLClient,
        data: _models.File,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.File:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> AsyncRunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    async def info(self) -> _models.File:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
        }
        self._data = await self._client.files.retrieve(**_args)
        return self._data

    async def refresh(self) -> AsyncFileObject:
        """Fetch the object's data again; the object itself is returned."""
        await self.info()
        return self

    async def retrieve(
        self,
        **options: Any,
    ) -> AsyncFileObject:
        """Retrieve a file's metadata

        ``GET /files/{fileId}``, with file_id from this object; other options as
        ``self._client.files.retrieve`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
        }
        result = await self._client.files.retrieve(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "fileId": _args["file_id"],
        }
        return AsyncFileObject(self._client, data, request)

    async def update(
        self,
        *,
        name: Optional[str] = None,
        content: Optional[str] = None,
        **options: Any,
    ) -> AsyncFileObject:
        """Rename a file or update its code

        ``PUT /files/{fileId}``, with file_id from this object; other options as
        ``self._client.files.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
            "name": name,
            "content": content,
        }
        result = await self._client.files.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "fileId": _args["file_id"],
            "body:" + "name": _args["name"],
            "body:" + "content": _args["content"],
        }
        return AsyncFileObject(self._client, data, request)

    async def delete(
        self,
        *,
        force: bool = False,
        **options: Any,
    ) -> None:
        """Delete a file

        ``DELETE /files/{fileId}``, with file_id from this object; other options as
        ``self._client.files.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
            "force": force,
        }
        await self._client.files.delete(**_args, **options)

    async def preview(
        self,
        *,
        lines: int = 20,
        **options: Any,
    ) -> FilePreview:
        """Preview a file

        ``GET /files/{fileId}/preview``, with file_id from this object; other options as
        ``self._client.files.preview`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
            "lines": lines,
        }
        result = await self._client.files.preview(**_args, **options)
        return result

    async def content(
        self,
        **options: Any,
    ) -> str:
        """Read a file's text content

        ``GET /files/{fileId}/content``, with file_id from this object; other options as
        ``self._client.files.content`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
        }
        result = await self._client.files.content(**_args, **options)
        return result

    async def download(
        self,
        **options: Any,
    ) -> bytes:
        """Download the original file

        ``GET /files/{fileId}/download``, with file_id from this object; other options as
        ``self._client.files.download`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_at(self._data, "id")),
        }
        result = await self._client.files.download(**_args, **options)
        return result


class AsyncRunObject:
    """A training run.

    ``.data`` is the ``Run`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: AsyncRunRLClient,
        data: _models.Run,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.Run:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> AsyncRunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    async def info(self) -> _models.Run:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        self._data = await self._client.runs.get(**_args)
        return self._data

    async def refresh(self) -> AsyncRunObject:
        """Fetch the object's data again; the object itself is returned."""
        await self.info()
        return self

    async def wait(
        self,
        timeout: Optional[float] = None,
        *,
        progress: bool = False,
        poll_interval: Optional[float] = None,
    ) -> AsyncRunObject:
        """Poll ``info()`` until the object is in a final state (``x-sdk-polling``); ``.data`` is
        the final object. Raises as the polling future's ``result()`` does (the failure error,
        ``TimeoutError`` after ``timeout`` seconds, default the client's ``max_poll_timeout``)."""
        from .resources.runs import _CREATE_OP_POLLING as _policy

        future = AsyncRunRLPollingFuture(
            self._data,
            poll=self.info,
            policy=_policy,
            poll_interval=(
                self._client.config.poll_interval if poll_interval is None else poll_interval
            ),
            max_timeout=self._client.config.max_poll_timeout,
        )
        self._data = await future.result(timeout, progress=progress)
        return self

    async def get(
        self,
        **options: Any,
    ) -> AsyncRunObject:
        """Retrieve a run

        ``GET /runs/{id}``, with run_id from this object; other options as
        ``self._client.runs.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = await self._client.runs.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["run_id"],
        }
        return AsyncRunObject(self._client, data, request)

    async def history(
        self,
        **options: Any,
    ) -> List[RunHistoryEntry]:
        """Get a run's status timeline

        ``GET /runs/{id}/history``, with run_id from this object; other options as
        ``self._client.runs.history`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = await self._client.runs.history(**_args, **options)
        return result

    async def logs(
        self,
        *,
        last_line: int = 0,
        limit: int = 100,
        **options: Any,
    ) -> RunLogs:
        """Get a batch of run logs

        ``GET /runs/{id}/logs``, with run_id from this object; other options as
        ``self._client.runs.logs`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
            "last_line": last_line,
            "limit": limit,
        }
        result = await self._client.runs.logs(**_args, **options)
        return result

    def stream_logs(
        self,
        **options: Any,
    ) -> AsyncEventStream[LogEvent]:
        """Stream run logs (Server-Sent Events)

        ``GET /runs/{id}/logs/stream``, with run_id from this object; other options as
        ``self._client.runs.stream_logs`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = self._client.runs.stream_logs(**_args, **options)
        return result

    async def metrics(
        self,
        **options: Any,
    ) -> RunMetrics:
        """Get a run's metrics

        ``GET /runs/{id}/metrics``, with run_id from this object; other options as
        ``self._client.runs.metrics`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = await self._client.runs.metrics(**_args, **options)
        return result

    async def completions(
        self,
        **options: Any,
    ) -> RunCompletions:
        """Get a run's completions

        ``GET /runs/{id}/completions``, with run_id from this object; other options as
        ``self._client.runs.completions`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = await self._client.runs.completions(**_args, **options)
        return result

    async def cancel(
        self,
        **options: Any,
    ) -> None:
        """Cancel a run

        ``POST /runs/{id}/cancel``, with run_id from this object; other options as
        ``self._client.runs.cancel`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        await self._client.runs.cancel(**_args, **options)

    async def deploy(
        self,
        **options: Any,
    ) -> AsyncDeploymentObject:
        """Deploy a run's checkpoint

        ``POST /deployments``, with run_id from this object; other options as
        ``self._client.deployments.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _at(self._data, "id"),
        }
        result = await self._client.deployments.create(**_args, **options)
        # the object is made from the first answer; wait() polls it
        data = result.initial
        request: Dict[str, Any] = {
            "body:" + "run_id": _args["run_id"],
        }
        return AsyncDeploymentObject(self._client, data, request)


class AsyncDeploymentObject:
    """A trained checkpoint served on managed infrastructure.

    ``.data`` is the ``Deployment`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: AsyncRunRLClient,
        data: _models.Deployment,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.Deployment:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> AsyncRunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    async def info(self) -> _models.Deployment:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "deployment_id": _at(self._data, "id"),
        }
        self._data = await self._client.deployments.get(**_args)
        return self._data

    async def refresh(self) -> AsyncDeploymentObject:
        """Fetch the object's data again; the object itself is returned."""
        await self.info()
        return self

    async def wait(
        self,
        timeout: Optional[float] = None,
        *,
        progress: bool = False,
        poll_interval: Optional[float] = None,
    ) -> AsyncDeploymentObject:
        """Poll ``info()`` until the object is in a final state (``x-sdk-polling``); ``.data`` is
        the final object. Raises as the polling future's ``result()`` does (the failure error,
        ``TimeoutError`` after ``timeout`` seconds, default the client's ``max_poll_timeout``)."""
        from .resources.deployments import _CREATE_OP_POLLING as _policy

        future = AsyncRunRLPollingFuture(
            self._data,
            poll=self.info,
            policy=_policy,
            poll_interval=(
                self._client.config.poll_interval if poll_interval is None else poll_interval
            ),
            max_timeout=self._client.config.max_poll_timeout,
        )
        self._data = await future.result(timeout, progress=progress)
        return self

    async def __aenter__(self) -> AsyncDeploymentObject:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        """Leaving a ``async with`` block calls ``delete()`` (``x-sdk-resource`` cleanup)."""
        await self.delete()

    async def get(
        self,
        **options: Any,
    ) -> AsyncDeploymentObject:
        """Retrieve a deployment

        ``GET /deployments/{id}``, with deployment_id from this object; other options as
        ``self._client.deployments.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "deployment_id": _at(self._data, "id"),
        }
        result = await self._client.deployments.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["deployment_id"],
        }
        return AsyncDeploymentObject(self._client, data, request)

    async def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete a deployment

        ``DELETE /deployments/{id}``, with deployment_id from this object; other options as
        ``self._client.deployments.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "deployment_id": _at(self._data, "id"),
        }
        await self._client.deployments.delete(**_args, **options)


class AsyncToolObject:
    """An MCP tool.

    ``.data`` is the ``Tool`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: AsyncRunRLClient,
        data: _models.Tool,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.Tool:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> AsyncRunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    async def info(self) -> _models.Tool:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "tool_id": _at(self._data, "id"),
        }
        self._data = await self._client.tools.get(**_args)
        return self._data

    async def refresh(self) -> AsyncToolObject:
        """Fetch the object's data again; the object itself is returned."""
        await self.info()
        return self

    async def get(
        self,
        **options: Any,
    ) -> AsyncToolObject:
        """Retrieve a tool

        ``GET /tools/{id}``, with tool_id from this object; other options as
        ``self._client.tools.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _at(self._data, "id"),
        }
        result = await self._client.tools.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["tool_id"],
        }
        return AsyncToolObject(self._client, data, request)

    async def update(
        self,
        *,
        name: Optional[str] = None,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Optional[bool] = None,
        **options: Any,
    ) -> AsyncToolObject:
        """Update a tool

        ``PUT /tools/{id}``, with tool_id from this object; other options as
        ``self._client.tools.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _at(self._data, "id"),
            "name": name,
            "description": description,
            "is_public": is_public,
        }
        result = await self._client.tools.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["tool_id"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "is_public": _args["is_public"],
        }
        return AsyncToolObject(self._client, data, request)

    async def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete a tool

        ``DELETE /tools/{id}``, with tool_id from this object; other options as
        ``self._client.tools.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _at(self._data, "id"),
        }
        await self._client.tools.delete(**_args, **options)


class AsyncSharedConfigurationObject:
    """A reusable training setup.

    ``.data`` is the ``SharedConfiguration`` it was made from (no request); ``info()`` fetches it
    again, ``refresh()`` too and returns the object; each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: AsyncRunRLClient,
        data: _models.SharedConfiguration,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.SharedConfiguration:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> AsyncRunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "uuid")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    async def info(self) -> _models.SharedConfiguration:
        """Fetch the object's data again (``.data`` is updated) and return it."""
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        self._data = await self._client.shared_configurations.get(**_args)
        return self._data

    async def refresh(self) -> AsyncSharedConfigurationObject:
        """Fetch the object's data again; the object itself is returned."""
        await self.info()
        return self

    async def get(
        self,
        **options: Any,
    ) -> AsyncSharedConfigurationObject:
        """Retrieve a shared configuration

        ``GET /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = await self._client.shared_configurations.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return AsyncSharedConfigurationObject(self._client, data, request)

    async def update(
        self,
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        configuration: Optional[Dict[str, Any]] = None,
        **options: Any,
    ) -> AsyncSharedConfigurationObject:
        """Update a shared configuration

        ``PUT /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
            "name": name,
            "description": description,
            "visibility": visibility,
            "configuration": configuration,
        }
        result = await self._client.shared_configurations.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "visibility": _args["visibility"],
            "body:" + "configuration": _args["configuration"],
        }
        return AsyncSharedConfigurationObject(self._client, data, request)

    async def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete a shared configuration

        ``DELETE /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        await self._client.shared_configurations.delete(**_args, **options)

    async def data_(
        self,
        **options: Any,
    ) -> SharedConfigurationData:
        """Get a shared configuration's full payload

        ``GET /shared-configurations/{uuid}/data``, with uuid from this object; other options as
        ``self._client.shared_configurations.data`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = await self._client.shared_configurations.data(**_args, **options)
        return result

    async def copy(
        self,
        **options: Any,
    ) -> AsyncSharedConfigurationCopyObject:
        """Copy a shared configuration to your account

        ``POST /shared-configurations/{uuid}/copy``, with uuid from this object; other options as
        ``self._client.shared_configurations.copy`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = await self._client.shared_configurations.copy(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return AsyncSharedConfigurationCopyObject(self._client, data, request)

    async def like(
        self,
        **options: Any,
    ) -> LikeResult:
        """Toggle your like of a shared configuration

        ``POST /shared-configurations/{uuid}/like``, with uuid from this object; other options as
        ``self._client.shared_configurations.like`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = await self._client.shared_configurations.like(**_args, **options)
        return result


class AsyncSharedConfigurationCopyObject:
    """The copy made in the caller's account.

    ``.data`` is the ``SharedConfigurationCopy`` it was made from (no request); each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: AsyncRunRLClient,
        data: _models.SharedConfigurationCopy,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.SharedConfigurationCopy:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> AsyncRunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "uuid")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    async def get(
        self,
        **options: Any,
    ) -> AsyncSharedConfigurationObject:
        """Retrieve a shared configuration

        ``GET /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = await self._client.shared_configurations.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return AsyncSharedConfigurationObject(self._client, data, request)

    async def update(
        self,
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        configuration: Optional[Dict[str, Any]] = None,
        **options: Any,
    ) -> AsyncSharedConfigurationObject:
        """Update a shared configuration

        ``PUT /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
            "name": name,
            "description": description,
            "visibility": visibility,
            "configuration": configuration,
        }
        result = await self._client.shared_configurations.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "visibility": _args["visibility"],
            "body:" + "configuration": _args["configuration"],
        }
        return AsyncSharedConfigurationObject(self._client, data, request)

    async def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete a shared configuration

        ``DELETE /shared-configurations/{uuid}``, with uuid from this object; other options as
        ``self._client.shared_configurations.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        await self._client.shared_configurations.delete(**_args, **options)

    async def data_(
        self,
        **options: Any,
    ) -> SharedConfigurationData:
        """Get a shared configuration's full payload

        ``GET /shared-configurations/{uuid}/data``, with uuid from this object; other options as
        ``self._client.shared_configurations.data`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = await self._client.shared_configurations.data(**_args, **options)
        return result

    async def copy(
        self,
        **options: Any,
    ) -> AsyncSharedConfigurationCopyObject:
        """Copy a shared configuration to your account

        ``POST /shared-configurations/{uuid}/copy``, with uuid from this object; other options as
        ``self._client.shared_configurations.copy`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = await self._client.shared_configurations.copy(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return AsyncSharedConfigurationCopyObject(self._client, data, request)

    async def like(
        self,
        **options: Any,
    ) -> LikeResult:
        """Toggle your like of a shared configuration

        ``POST /shared-configurations/{uuid}/like``, with uuid from this object; other options as
        ``self._client.shared_configurations.like`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_at(self._data, "uuid")),
        }
        result = await self._client.shared_configurations.like(**_args, **options)
        return result


class AsyncApiKeyObject:
    """An API key (the secret itself is only returned once, at creation).

    ``.data`` is the ``ApiKey`` it was made from (no request); each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: AsyncRunRLClient,
        data: _models.ApiKey,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.ApiKey:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> AsyncRunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    async def update(
        self,
        *,
        name: Optional[str] = None,
        active: Optional[bool] = None,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> AsyncApiKeyObject:
        """Update an API key

        ``PUT /keys/{id}``, with api_key_id from this object; other options as
        ``self._client.api_keys.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "id"),
            "name": name,
            "active": active,
            "scopes": scopes,
            "requests_per_hour": requests_per_hour,
            "expires_at": expires_at,
        }
        result = await self._client.api_keys.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["api_key_id"],
            "body:" + "name": _args["name"],
            "body:" + "active": _args["active"],
            "body:" + "scopes": _args["scopes"],
            "body:" + "requests_per_hour": _args["requests_per_hour"],
            "body:" + "expires_at": _args["expires_at"],
        }
        return AsyncApiKeyObject(self._client, data, request)

    async def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete an API key

        ``DELETE /keys/{id}``, with api_key_id from this object; other options as
        ``self._client.api_keys.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "id"),
        }
        await self._client.api_keys.delete(**_args, **options)

    async def usage(
        self,
        **options: Any,
    ) -> ApiKeyUsage:
        """Get an API key's usage statistics

        ``GET /keys/{id}/usage``, with api_key_id from this object; other options as
        ``self._client.api_keys.usage`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "id"),
        }
        result = await self._client.api_keys.usage(**_args, **options)
        return result


class AsyncApiKeyTokenObject:
    """A newly created key with its secret token (shown only this once).

    ``.data`` is the ``ApiKeyToken`` it was made from (no request); each method is an operation the
    document links from it.
    """

    def __init__(
        self,
        client: AsyncRunRLClient,
        data: _models.ApiKeyToken,
        request: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._client = client
        self._data = data
        self._request: Dict[str, Any] = dict(request or {})

    @property
    def data(self) -> _models.ApiKeyToken:
        """The object's data as last received (no request)."""
        return self._data

    @property
    def api(self) -> AsyncRunRLClient:
        """The plain client this object calls."""
        return self._client

    @property
    def id(self) -> Any:
        """The object's id (``x-sdk-resource`` ``id``)."""
        return _at(self._data, "api_key", "id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def _value(self, key: str) -> Any:
        if key not in self._request:
            raise LookupError(f"this object was not made by a request that had {key}")
        return self._request[key]

    async def update(
        self,
        *,
        name: Optional[str] = None,
        active: Optional[bool] = None,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> AsyncApiKeyObject:
        """Update an API key

        ``PUT /keys/{id}``, with api_key_id from this object; other options as
        ``self._client.api_keys.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "api_key", "id"),
            "name": name,
            "active": active,
            "scopes": scopes,
            "requests_per_hour": requests_per_hour,
            "expires_at": expires_at,
        }
        result = await self._client.api_keys.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["api_key_id"],
            "body:" + "name": _args["name"],
            "body:" + "active": _args["active"],
            "body:" + "scopes": _args["scopes"],
            "body:" + "requests_per_hour": _args["requests_per_hour"],
            "body:" + "expires_at": _args["expires_at"],
        }
        return AsyncApiKeyObject(self._client, data, request)

    async def delete(
        self,
        **options: Any,
    ) -> None:
        """Delete an API key

        ``DELETE /keys/{id}``, with api_key_id from this object; other options as
        ``self._client.api_keys.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "api_key", "id"),
        }
        await self._client.api_keys.delete(**_args, **options)

    async def usage(
        self,
        **options: Any,
    ) -> ApiKeyUsage:
        """Get an API key's usage statistics

        ``GET /keys/{id}/usage``, with api_key_id from this object; other options as
        ``self._client.api_keys.usage`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _at(self._data, "api_key", "id"),
        }
        result = await self._client.api_keys.usage(**_args, **options)
        return result


class AsyncFilesObjects:
    """``files`` of the object layer: its methods return objects."""

    def __init__(self, client: AsyncRunRLClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        type: Optional[
            Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]]
        ] = None,
        search: Optional[str] = None,
        page: int = 1,
        per_page: int = 20,
        sort: Optional[str] = None,
        direction: Optional[str] = None,
        **options: Any,
    ) -> AsyncObjectPage[AsyncFileObject]:
        """List files

        ``GET /files``; other options as
        ``self._client.files.list`` takes them.
        """
        _args: Dict[str, Any] = {
            "type": type,
            "search": search,
            "page": page,
            "per_page": per_page,
            "sort": sort,
            "direction": direction,
        }
        result = await self._client.files.list(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "query:" + "type": _args["type"],
            "query:" + "search": _args["search"],
            "query:" + "page": _args["page"],
            "query:" + "per_page": _args["per_page"],
            "query:" + "sort": _args["sort"],
            "query:" + "direction": _args["direction"],
        }
        return AsyncObjectPage(data, lambda item: AsyncFileObject(self._client, item, request))

    async def upload_path(
        self,
        path: FileInput,
        *,
        file_type: Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]],
        name: Optional[str] = None,
        **options: Any,
    ) -> AsyncFileObject:
        """Upload a file or create one from content

        ``POST /files``; other options as
        ``self._client.files.upload_path`` takes them.
        """
        _args: Dict[str, Any] = {
            "path": path,
            "file_type": file_type,
            "name": name,
        }
        result = await self._client.files.upload_path(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "file": _args["path"],
            "body:" + "type": _args["file_type"],
            "body:" + "name": _args["name"],
        }
        return AsyncFileObject(self._client, data, request)

    async def create_from_content(
        self,
        name: str,
        content: str,
        file_type: Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]],
        *,
        original_filename: Optional[str] = None,
        **options: Any,
    ) -> AsyncFileObject:
        """Upload a file or create one from content

        ``POST /files``; other options as
        ``self._client.files.create_from_content`` takes them.
        """
        _args: Dict[str, Any] = {
            "name": name,
            "content": content,
            "file_type": file_type,
            "original_filename": original_filename,
        }
        result = await self._client.files.create_from_content(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "name": _args["name"],
            "body:" + "content": _args["content"],
            "body:" + "type": _args["file_type"],
            "body:" + "original_filename": _args["original_filename"],
        }
        return AsyncFileObject(self._client, data, request)

    async def retrieve(
        self,
        file_id: Union[str, AsyncFileObject],
        **options: Any,
    ) -> AsyncFileObject:
        """Retrieve a file's metadata

        ``GET /files/{fileId}``; other options as
        ``self._client.files.retrieve`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, AsyncFileObject, "id")),
        }
        result = await self._client.files.retrieve(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "fileId": _args["file_id"],
        }
        return AsyncFileObject(self._client, data, request)

    async def update(
        self,
        file_id: Union[str, AsyncFileObject],
        *,
        name: Optional[str] = None,
        content: Optional[str] = None,
        **options: Any,
    ) -> AsyncFileObject:
        """Rename a file or update its code

        ``PUT /files/{fileId}``; other options as
        ``self._client.files.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, AsyncFileObject, "id")),
            "name": name,
            "content": content,
        }
        result = await self._client.files.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "fileId": _args["file_id"],
            "body:" + "name": _args["name"],
            "body:" + "content": _args["content"],
        }
        return AsyncFileObject(self._client, data, request)

    async def delete(
        self,
        file_id: Union[str, AsyncFileObject],
        *,
        force: bool = False,
        **options: Any,
    ) -> None:
        """Delete a file

        ``DELETE /files/{fileId}``; other options as
        ``self._client.files.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, AsyncFileObject, "id")),
            "force": force,
        }
        await self._client.files.delete(**_args, **options)

    async def preview(
        self,
        file_id: Union[str, AsyncFileObject],
        *,
        lines: int = 20,
        **options: Any,
    ) -> FilePreview:
        """Preview a file

        ``GET /files/{fileId}/preview``; other options as
        ``self._client.files.preview`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, AsyncFileObject, "id")),
            "lines": lines,
        }
        result = await self._client.files.preview(**_args, **options)
        return result

    async def content(
        self,
        file_id: Union[str, AsyncFileObject],
        **options: Any,
    ) -> str:
        """Read a file's text content

        ``GET /files/{fileId}/content``; other options as
        ``self._client.files.content`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, AsyncFileObject, "id")),
        }
        result = await self._client.files.content(**_args, **options)
        return result

    async def download(
        self,
        file_id: Union[str, AsyncFileObject],
        **options: Any,
    ) -> bytes:
        """Download the original file

        ``GET /files/{fileId}/download``; other options as
        ``self._client.files.download`` takes them.
        """
        _args: Dict[str, Any] = {
            "file_id": _text(_id(file_id, AsyncFileObject, "id")),
        }
        result = await self._client.files.download(**_args, **options)
        return result


class AsyncRunsObjects:
    """``runs`` of the object layer: its methods return objects."""

    def __init__(self, client: AsyncRunRLClient) -> None:
        self._client = client

    async def create(
        self,
        *,
        model: str,
        prompt_file_id: Union[str, AsyncFileObject],
        reward_file_id: Union[str, AsyncFileObject],
        type: Optional[Union[RunType, Literal["reward_function", "environment"]]] = None,
        completion_length: Union[int, NotGiven] = NOT_GIVEN,
        epochs: Union[int, NotGiven] = NOT_GIVEN,
        learning_rate_multiplier: Union[float, NotGiven] = NOT_GIVEN,
        sft_file_id: Union[Optional[str], AsyncFileObject] = None,
        tool_ids: Optional[List[Union[int, AsyncToolObject]]] = None,
        package_requirements: Optional[List[str]] = None,
        hf_token: Optional[str] = None,
        **options: Any,
    ) -> AsyncRunObject:
        """Create a run

        ``POST /runs``; other options as
        ``self._client.runs.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "model": model,
            "prompt_file_id": _text(_id(prompt_file_id, AsyncFileObject, "id")),
            "reward_file_id": _text(_id(reward_file_id, AsyncFileObject, "id")),
            "type": type,
            "completion_length": completion_length,
            "epochs": epochs,
            "learning_rate_multiplier": learning_rate_multiplier,
            "sft_file_id": _text(_id(sft_file_id, AsyncFileObject, "id")),
            "tool_ids": _ids(tool_ids, AsyncToolObject, "id"),
            "package_requirements": package_requirements,
            "hf_token": hf_token,
        }
        result = await self._client.runs.create(**_args, **options)
        # the object is made from the first answer; wait() polls it
        data = result.initial
        request: Dict[str, Any] = {
            "body:" + "model": _args["model"],
            "body:" + "prompt_file_id": _args["prompt_file_id"],
            "body:" + "reward_file_id": _args["reward_file_id"],
            "body:" + "type": _args["type"],
            "body:" + "completion_length": _args["completion_length"],
            "body:" + "epochs": _args["epochs"],
            "body:" + "learning_rate_multiplier": _args["learning_rate_multiplier"],
            "body:" + "sft_file_id": _args["sft_file_id"],
            "body:" + "tool_ids": _args["tool_ids"],
            "body:" + "package_requirements": _args["package_requirements"],
            "body:" + "hf_token": _args["hf_token"],
        }
        return AsyncRunObject(self._client, data, request)

    async def get(
        self,
        run_id: Union[int, AsyncRunObject],
        **options: Any,
    ) -> AsyncRunObject:
        """Retrieve a run

        ``GET /runs/{id}``; other options as
        ``self._client.runs.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, AsyncRunObject, "id"),
        }
        result = await self._client.runs.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["run_id"],
        }
        return AsyncRunObject(self._client, data, request)

    async def history(
        self,
        run_id: Union[int, AsyncRunObject],
        **options: Any,
    ) -> List[RunHistoryEntry]:
        """Get a run's status timeline

        ``GET /runs/{id}/history``; other options as
        ``self._client.runs.history`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, AsyncRunObject, "id"),
        }
        result = await self._client.runs.history(**_args, **options)
        return result

    async def logs(
        self,
        run_id: Union[int, AsyncRunObject],
        *,
        last_line: int = 0,
        limit: int = 100,
        **options: Any,
    ) -> RunLogs:
        """Get a batch of run logs

        ``GET /runs/{id}/logs``; other options as
        ``self._client.runs.logs`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, AsyncRunObject, "id"),
            "last_line": last_line,
            "limit": limit,
        }
        result = await self._client.runs.logs(**_args, **options)
        return result

    def stream_logs(
        self,
        run_id: Union[int, AsyncRunObject],
        **options: Any,
    ) -> AsyncEventStream[LogEvent]:
        """Stream run logs (Server-Sent Events)

        ``GET /runs/{id}/logs/stream``; other options as
        ``self._client.runs.stream_logs`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, AsyncRunObject, "id"),
        }
        result = self._client.runs.stream_logs(**_args, **options)
        return result

    async def metrics(
        self,
        run_id: Union[int, AsyncRunObject],
        **options: Any,
    ) -> RunMetrics:
        """Get a run's metrics

        ``GET /runs/{id}/metrics``; other options as
        ``self._client.runs.metrics`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, AsyncRunObject, "id"),
        }
        result = await self._client.runs.metrics(**_args, **options)
        return result

    async def completions(
        self,
        run_id: Union[int, AsyncRunObject],
        **options: Any,
    ) -> RunCompletions:
        """Get a run's completions

        ``GET /runs/{id}/completions``; other options as
        ``self._client.runs.completions`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, AsyncRunObject, "id"),
        }
        result = await self._client.runs.completions(**_args, **options)
        return result

    async def cancel(
        self,
        run_id: Union[int, AsyncRunObject],
        **options: Any,
    ) -> None:
        """Cancel a run

        ``POST /runs/{id}/cancel``; other options as
        ``self._client.runs.cancel`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, AsyncRunObject, "id"),
        }
        await self._client.runs.cancel(**_args, **options)


class AsyncDeploymentsObjects:
    """``deployments`` of the object layer: its methods return objects."""

    def __init__(self, client: AsyncRunRLClient) -> None:
        self._client = client

    async def create(
        self,
        run_id: Union[int, AsyncRunObject],
        **options: Any,
    ) -> AsyncDeploymentObject:
        """Deploy a run's checkpoint

        ``POST /deployments``; other options as
        ``self._client.deployments.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "run_id": _id(run_id, AsyncRunObject, "id"),
        }
        result = await self._client.deployments.create(**_args, **options)
        # the object is made from the first answer; wait() polls it
        data = result.initial
        request: Dict[str, Any] = {
            "body:" + "run_id": _args["run_id"],
        }
        return AsyncDeploymentObject(self._client, data, request)

    async def get(
        self,
        deployment_id: Union[int, AsyncDeploymentObject],
        **options: Any,
    ) -> AsyncDeploymentObject:
        """Retrieve a deployment

        ``GET /deployments/{id}``; other options as
        ``self._client.deployments.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "deployment_id": _id(deployment_id, AsyncDeploymentObject, "id"),
        }
        result = await self._client.deployments.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["deployment_id"],
        }
        return AsyncDeploymentObject(self._client, data, request)

    async def delete(
        self,
        deployment_id: Union[int, AsyncDeploymentObject],
        **options: Any,
    ) -> None:
        """Delete a deployment

        ``DELETE /deployments/{id}``; other options as
        ``self._client.deployments.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "deployment_id": _id(deployment_id, AsyncDeploymentObject, "id"),
        }
        await self._client.deployments.delete(**_args, **options)


class AsyncToolsObjects:
    """``tools`` of the object layer: its methods return objects."""

    def __init__(self, client: AsyncRunRLClient) -> None:
        self._client = client

    async def create(
        self,
        name: str,
        mcp_url: str,
        *,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Union[bool, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> AsyncToolObject:
        """Register a tool

        ``POST /tools``; other options as
        ``self._client.tools.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "name": name,
            "mcp_url": mcp_url,
            "description": description,
            "is_public": is_public,
        }
        result = await self._client.tools.create(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "name": _args["name"],
            "body:" + "mcp_url": _args["mcp_url"],
            "body:" + "description": _args["description"],
            "body:" + "is_public": _args["is_public"],
        }
        return AsyncToolObject(self._client, data, request)

    async def get(
        self,
        tool_id: Union[int, AsyncToolObject],
        **options: Any,
    ) -> AsyncToolObject:
        """Retrieve a tool

        ``GET /tools/{id}``; other options as
        ``self._client.tools.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _id(tool_id, AsyncToolObject, "id"),
        }
        result = await self._client.tools.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["tool_id"],
        }
        return AsyncToolObject(self._client, data, request)

    async def update(
        self,
        tool_id: Union[int, AsyncToolObject],
        *,
        name: Optional[str] = None,
        description: Union[str, None, NotGiven] = NOT_GIVEN,
        is_public: Optional[bool] = None,
        **options: Any,
    ) -> AsyncToolObject:
        """Update a tool

        ``PUT /tools/{id}``; other options as
        ``self._client.tools.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _id(tool_id, AsyncToolObject, "id"),
            "name": name,
            "description": description,
            "is_public": is_public,
        }
        result = await self._client.tools.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["tool_id"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "is_public": _args["is_public"],
        }
        return AsyncToolObject(self._client, data, request)

    async def delete(
        self,
        tool_id: Union[int, AsyncToolObject],
        **options: Any,
    ) -> None:
        """Delete a tool

        ``DELETE /tools/{id}``; other options as
        ``self._client.tools.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "tool_id": _id(tool_id, AsyncToolObject, "id"),
        }
        await self._client.tools.delete(**_args, **options)


class AsyncSharedConfigurationsObjects:
    """``shared_configurations`` of the object layer: its methods return objects."""

    def __init__(self, client: AsyncRunRLClient) -> None:
        self._client = client

    async def list(
        self,
        **options: Any,
    ) -> AsyncObjectPage[AsyncSharedConfigurationObject]:
        """List your shared configurations

        ``GET /shared-configurations``; other options as
        ``self._client.shared_configurations.list`` takes them.
        """
        _args: Dict[str, Any] = {}
        result = await self._client.shared_configurations.list(**_args, **options)
        data = result
        request: Dict[str, Any] = {}
        return AsyncObjectPage(
            data, lambda item: AsyncSharedConfigurationObject(self._client, item, request)
        )

    async def create(
        self,
        *,
        name: str,
        visibility: Union[Visibility, Literal["public", "unlisted", "private"]],
        prompt_file_id: Union[str, AsyncFileObject],
        reward_file_id: Union[str, AsyncFileObject],
        configuration: Dict[str, Any],
        description: Optional[str] = None,
        **options: Any,
    ) -> AsyncSharedConfigurationObject:
        """Create a shared configuration

        ``POST /shared-configurations``; other options as
        ``self._client.shared_configurations.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "name": name,
            "visibility": visibility,
            "prompt_file_id": _text(_id(prompt_file_id, AsyncFileObject, "id")),
            "reward_file_id": _text(_id(reward_file_id, AsyncFileObject, "id")),
            "configuration": configuration,
            "description": description,
        }
        result = await self._client.shared_configurations.create(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "name": _args["name"],
            "body:" + "visibility": _args["visibility"],
            "body:" + "prompt_file_id": _args["prompt_file_id"],
            "body:" + "reward_file_id": _args["reward_file_id"],
            "body:" + "configuration": _args["configuration"],
            "body:" + "description": _args["description"],
        }
        return AsyncSharedConfigurationObject(self._client, data, request)

    async def get(
        self,
        uuid: Union[str, AsyncSharedConfigurationObject],
        **options: Any,
    ) -> AsyncSharedConfigurationObject:
        """Retrieve a shared configuration

        ``GET /shared-configurations/{uuid}``; other options as
        ``self._client.shared_configurations.get`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, AsyncSharedConfigurationObject, "uuid")),
        }
        result = await self._client.shared_configurations.get(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return AsyncSharedConfigurationObject(self._client, data, request)

    async def update(
        self,
        uuid: Union[str, AsyncSharedConfigurationObject],
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        visibility: Optional[Union[Visibility, Literal["public", "unlisted", "private"]]] = None,
        configuration: Optional[Dict[str, Any]] = None,
        **options: Any,
    ) -> AsyncSharedConfigurationObject:
        """Update a shared configuration

        ``PUT /shared-configurations/{uuid}``; other options as
        ``self._client.shared_configurations.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, AsyncSharedConfigurationObject, "uuid")),
            "name": name,
            "description": description,
            "visibility": visibility,
            "configuration": configuration,
        }
        result = await self._client.shared_configurations.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
            "body:" + "name": _args["name"],
            "body:" + "description": _args["description"],
            "body:" + "visibility": _args["visibility"],
            "body:" + "configuration": _args["configuration"],
        }
        return AsyncSharedConfigurationObject(self._client, data, request)

    async def copy(
        self,
        uuid: Union[str, AsyncSharedConfigurationObject],
        **options: Any,
    ) -> AsyncSharedConfigurationCopyObject:
        """Copy a shared configuration to your account

        ``POST /shared-configurations/{uuid}/copy``; other options as
        ``self._client.shared_configurations.copy`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, AsyncSharedConfigurationObject, "uuid")),
        }
        result = await self._client.shared_configurations.copy(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "uuid": _args["uuid"],
        }
        return AsyncSharedConfigurationCopyObject(self._client, data, request)

    async def delete(
        self,
        uuid: Union[str, AsyncSharedConfigurationObject],
        **options: Any,
    ) -> None:
        """Delete a shared configuration

        ``DELETE /shared-configurations/{uuid}``; other options as
        ``self._client.shared_configurations.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, AsyncSharedConfigurationObject, "uuid")),
        }
        await self._client.shared_configurations.delete(**_args, **options)

    async def data(
        self,
        uuid: Union[str, AsyncSharedConfigurationObject],
        **options: Any,
    ) -> SharedConfigurationData:
        """Get a shared configuration's full payload

        ``GET /shared-configurations/{uuid}/data``; other options as
        ``self._client.shared_configurations.data`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, AsyncSharedConfigurationObject, "uuid")),
        }
        result = await self._client.shared_configurations.data(**_args, **options)
        return result

    async def like(
        self,
        uuid: Union[str, AsyncSharedConfigurationObject],
        **options: Any,
    ) -> LikeResult:
        """Toggle your like of a shared configuration

        ``POST /shared-configurations/{uuid}/like``; other options as
        ``self._client.shared_configurations.like`` takes them.
        """
        _args: Dict[str, Any] = {
            "uuid": _text(_id(uuid, AsyncSharedConfigurationObject, "uuid")),
        }
        result = await self._client.shared_configurations.like(**_args, **options)
        return result


class AsyncApiKeysObjects:
    """``api_keys`` of the object layer: its methods return objects."""

    def __init__(self, client: AsyncRunRLClient) -> None:
        self._client = client

    async def list(
        self,
        **options: Any,
    ) -> List[AsyncApiKeyObject]:
        """List API keys

        ``GET /keys``; other options as
        ``self._client.api_keys.list`` takes them.
        """
        _args: Dict[str, Any] = {}
        result = await self._client.api_keys.list(**_args, **options)
        data = result
        request: Dict[str, Any] = {}
        return [AsyncApiKeyObject(self._client, item, request) for item in data]

    async def create(
        self,
        name: str,
        *,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> AsyncApiKeyTokenObject:
        """Create an API key

        ``POST /keys``; other options as
        ``self._client.api_keys.create`` takes them.
        """
        _args: Dict[str, Any] = {
            "name": name,
            "scopes": scopes,
            "requests_per_hour": requests_per_hour,
            "expires_at": expires_at,
        }
        result = await self._client.api_keys.create(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "body:" + "name": _args["name"],
            "body:" + "scopes": _args["scopes"],
            "body:" + "requests_per_hour": _args["requests_per_hour"],
            "body:" + "expires_at": _args["expires_at"],
        }
        return AsyncApiKeyTokenObject(self._client, data, request)

    async def update(
        self,
        api_key_id: Union[int, AsyncApiKeyObject],
        *,
        name: Optional[str] = None,
        active: Optional[bool] = None,
        scopes: Optional[List[Union[Scope, Literal["read", "write", "admin"]]]] = None,
        requests_per_hour: Optional[int] = None,
        expires_at: Union[datetime, str, None, NotGiven] = NOT_GIVEN,
        **options: Any,
    ) -> AsyncApiKeyObject:
        """Update an API key

        ``PUT /keys/{id}``; other options as
        ``self._client.api_keys.update`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _id(api_key_id, AsyncApiKeyObject, "id"),
            "name": name,
            "active": active,
            "scopes": scopes,
            "requests_per_hour": requests_per_hour,
            "expires_at": expires_at,
        }
        result = await self._client.api_keys.update(**_args, **options)
        data = result
        request: Dict[str, Any] = {
            "path:" + "id": _args["api_key_id"],
            "body:" + "name": _args["name"],
            "body:" + "active": _args["active"],
            "body:" + "scopes": _args["scopes"],
            "body:" + "requests_per_hour": _args["requests_per_hour"],
            "body:" + "expires_at": _args["expires_at"],
        }
        return AsyncApiKeyObject(self._client, data, request)

    async def delete(
        self,
        api_key_id: Union[int, AsyncApiKeyObject],
        **options: Any,
    ) -> None:
        """Delete an API key

        ``DELETE /keys/{id}``; other options as
        ``self._client.api_keys.delete`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _id(api_key_id, AsyncApiKeyObject, "id"),
        }
        await self._client.api_keys.delete(**_args, **options)

    async def usage(
        self,
        api_key_id: Union[int, AsyncApiKeyObject],
        **options: Any,
    ) -> ApiKeyUsage:
        """Get an API key's usage statistics

        ``GET /keys/{id}/usage``; other options as
        ``self._client.api_keys.usage`` takes them.
        """
        _args: Dict[str, Any] = {
            "api_key_id": _id(api_key_id, AsyncApiKeyObject, "id"),
        }
        result = await self._client.api_keys.usage(**_args, **options)
        return result


class AsyncRunRL:
    """The object layer of the RunRL API API: methods that return objects.

    ``.api`` is the plain ``AsyncRunRLClient`` (given, or made from ``client_options``).
    """

    def __init__(self, api: Optional[AsyncRunRLClient] = None, **client_options: Any) -> None:
        self._client = api if api is not None else AsyncRunRLClient(**client_options)

    @property
    def api(self) -> AsyncRunRLClient:
        """The plain client."""
        return self._client

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> AsyncRunRL:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    @_cached_property
    def files(self) -> AsyncFilesObjects:
        return AsyncFilesObjects(self._client)

    @_cached_property
    def runs(self) -> AsyncRunsObjects:
        return AsyncRunsObjects(self._client)

    @_cached_property
    def deployments(self) -> AsyncDeploymentsObjects:
        return AsyncDeploymentsObjects(self._client)

    @_cached_property
    def tools(self) -> AsyncToolsObjects:
        return AsyncToolsObjects(self._client)

    @_cached_property
    def shared_configurations(self) -> AsyncSharedConfigurationsObjects:
        return AsyncSharedConfigurationsObjects(self._client)

    @_cached_property
    def api_keys(self) -> AsyncApiKeysObjects:
        return AsyncApiKeysObjects(self._client)
