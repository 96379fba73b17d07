"""The ``files`` namespace: Files drive training runs: prompt datasets, reward and environment code, and SFT datasets.

Generated from the spec; do not edit. Sync and async classes come from one template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Literal, Optional, Type, Union

from .._base_client import (
    Operation,
    RequestOptions,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._base_client import later as _later
from .._pagespec import PaginationSpec
from .._resource import AsyncAPIResource, SyncAPIResource
from .._types import NOT_GIVEN, Body, FileInput, Headers, NoneType, NotGiven, Query, Timeout
from .._validation import check_arguments

if TYPE_CHECKING:
    from .._pagination import PagedResponse
    from ..models import (
        File,
        FilePreview,
        FileType,
    )


def _list_op_returns() -> Type[File]:
    from ..models import File

    return File


_LIST_OP_RETURNS = _later(_list_op_returns)
_LIST_OP = Operation(
    method="GET",
    path="/files",
    unwrap=("data",),
    operation_id="listFiles",
    qualified_name="files.list",
)
_LIST_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "type": {"enum": ["prompt", "reward_function", "environment", "sft"], "type": "string"},
    "search": {"type": "string"},
    "page": {"minimum": 1, "type": "integer"},
    "per_page": {"minimum": 1, "maximum": 100, "type": "integer"},
    "sort": {"type": "string"},
    "direction": {"type": "string"},
}
_LIST_OP_PAGINATION = PaginationSpec(
    style="page",
    items="items",
    meta="pagination",
    page_param="page",
    size_param="per_page",
)


def _upload_path_op_returns() -> Type[File]:
    from ..models import File

    return File


_UPLOAD_PATH_OP_RETURNS = _later(_upload_path_op_returns)
_UPLOAD_PATH_OP = Operation(
    method="POST",
    path="/files",
    unwrap=("data",),
    operation_id="createFile",
    qualified_name="files.upload_path",
    required_form="multipart",
)
_UPLOAD_PATH_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "file_type": {
        "enum": ["prompt", "reward_function", "environment", "sft"],
        "type": "string",
        "nullable": False,
    },
    "name": {"type": "string"},
}


def _create_from_content_op_returns() -> Type[File]:
    from ..models import File

    return File


_CREATE_FROM_CONTENT_OP_RETURNS = _later(_create_from_content_op_returns)
_CREATE_FROM_CONTENT_OP = Operation(
    method="POST",
    path="/files",
    unwrap=("data",),
    operation_id="createFile",
    qualified_name="files.create_from_content",
)
_CREATE_FROM_CONTENT_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "name": {"type": "string", "nullable": False},
    "content": {"type": "string", "nullable": False},
    "file_type": {
        "enum": ["prompt", "reward_function", "environment", "sft"],
        "type": "string",
        "nullable": False,
    },
    "original_filename": {"type": "string"},
}


def _retrieve_op_returns() -> Type[File]:
    from ..models import File

    return File


_RETRIEVE_OP_RETURNS = _later(_retrieve_op_returns)
_RETRIEVE_OP = Operation(
    method="GET",
    path="/files/{fileId}",
    unwrap=("data",),
    operation_id="getFile",
    qualified_name="files.retrieve",
)
_RETRIEVE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "file_id": {"type": "string"},
}


def _update_op_returns() -> Type[File]:
    from ..models import File

    return File


_UPDATE_OP_RETURNS = _later(_update_op_returns)
_UPDATE_OP = Operation(
    method="PUT",
    path="/files/{fileId}",
    unwrap=("data",),
    operation_id="updateFile",
    qualified_name="files.update",
)
_UPDATE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "file_id": {"type": "string"},
    "name": {"type": "string"},
    "content": {"type": "string"},
}
_DELETE_OP = Operation(
    method="DELETE",
    path="/files/{fileId}",
    unwrap=("data",),
    operation_id="deleteFile",
    qualified_name="files.delete",
)
_DELETE_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "file_id": {"type": "string"},
    "force": {"type": "boolean"},
}


def _preview_op_returns() -> Type[FilePreview]:
    from ..models import FilePreview

    return FilePreview


_PREVIEW_OP_RETURNS = _later(_preview_op_returns)
_PREVIEW_OP = Operation(
    method="GET",
    path="/files/{fileId}/preview",
    unwrap=("data",),
    operation_id="getFilePreview",
    qualified_name="files.preview",
)
_PREVIEW_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "file_id": {"type": "string"},
    "lines": {"minimum": 1, "type": "integer"},
}
_CONTENT_OP = Operation(
    method="GET",
    path="/files/{fileId}/content",
    unwrap=("data", "content"),
    operation_id="getFileContent",
    qualified_name="files.content",
)
_CONTENT_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "file_id": {"type": "string"},
}
_DOWNLOAD_OP = Operation(
    method="GET",
    path="/files/{fileId}/download",
    unwrap=(),
    operation_id="downloadFile",
    qualified_name="files.download",
    binary=True,
)
_DOWNLOAD_OP_CONSTRAINTS: Dict[str, Dict[str, Any]] = {
    "file_id": {"type": "string"},
}

# (method, deprecated) in spec order, for options()
_NAMESPACE_METHODS = (
    ("list", False),
    ("upload_path", False),
    ("create_from_content", False),
    ("retrieve", False),
    ("update", False),
    ("delete", False),
    ("preview", False),
    ("content", False),
    ("download", False),
)


class Files(SyncAPIResource):
    """Files drive training runs: prompt datasets, reward and environment code, and SFT datasets."""

    _METHODS = _NAMESPACE_METHODS

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
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[File]:
        """List files

        Lists your files, filtered by `type` (`prompt`, `reward_function`, `environment`, `sft`) and `search`, with `page`, `per_page`, `sort` and `direction`. Requires the `read` scope.

        ``GET /files`` (scope: read).

        Args:
          type: Only files of this type.
          search: Text to look for in file names.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
          sort: Field to sort by (for example `created_at` or `name`).
          direction: Sort direction, `asc` or `desc`.
        """
        check_arguments(
            "files.list",
            {
                "type": type,
                "search": search,
                "page": page,
                "per_page": per_page,
                "sort": sort,
                "direction": direction,
            },
            _LIST_OP_CONSTRAINTS,
        )
        return self._client.request_page(
            _LIST_OP,
            query={
                "type": type,
                "search": search,
                "page": page,
                "per_page": per_page,
                "sort": sort,
                "direction": direction,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            item_type=_LIST_OP_RETURNS,
            pagination=_LIST_OP_PAGINATION,
        )

    def upload_path(
        self,
        path: FileInput,
        *,
        file_type: Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]],
        name: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> File:
        """Upload a file or create one from content

        Creates a file. Send `multipart/form-data` with the `file`, its `type` and an optional `name` to upload a local file, or JSON `{name, content, type, original_filename?}` to create one from text (typically reward or environment code). Requires the `write` scope.

        ``POST /files`` (scope: write).

        Args:
          path: The file's bytes.
          file_type: What a file is used for.
          name: A display name; defaults to the uploaded file's name.
        """
        check_arguments(
            "files.upload_path",
            {
                "file_type": file_type,
                "name": name,
            },
            _UPLOAD_PATH_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "type": file_type,
        }
        if name is not None:
            _body["name"] = name
        _files: Dict[str, Any] = {
            "file": path,
        }
        return self._client.request(
            _UPLOAD_PATH_OP,
            data=_body,
            files=_files,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=_UPLOAD_PATH_OP_RETURNS,
        )

    def create_from_content(
        self,
        name: str,
        content: str,
        file_type: Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]],
        *,
        original_filename: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> File:
        """Upload a file or create one from content

        Creates a file. Send `multipart/form-data` with the `file`, its `type` and an optional `name` to upload a local file, or JSON `{name, content, type, original_filename?}` to create one from text (typically reward or environment code). Requires the `write` scope.

        ``POST /files`` (scope: write).

        Args:
          name: (no description in the spec)
          content: The file's text content.
          file_type: What a file is used for.
          original_filename: A file name to record, e.g. `reward.py`.
        """
        check_arguments(
            "files.create_from_content",
            {
                "name": name,
                "content": content,
                "file_type": file_type,
                "original_filename": original_filename,
            },
            _CREATE_FROM_CONTENT_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "name": name,
            "content": content,
            "type": file_type,
        }
        if original_filename is not None:
            _body["original_filename"] = original_filename
        return self._client.request(
            _CREATE_FROM_CONTENT_OP,
            json=_body,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=_CREATE_FROM_CONTENT_OP_RETURNS,
        )

    def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> File:
        """Retrieve a file's metadata

        Returns the metadata of one file. Requires the `read` scope.

        ``GET /files/{fileId}`` (scope: read).

        Args:
          file_id: The file's id (a UUID).
        """
        check_arguments(
            "files.retrieve",
            {
                "file_id": file_id,
            },
            _RETRIEVE_OP_CONSTRAINTS,
        )
        return self._client.request(
            _RETRIEVE_OP,
            path_params={"fileId": file_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_RETRIEVE_OP_RETURNS,
        )

    def update(
        self,
        file_id: str,
        *,
        name: Optional[str] = None,
        content: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> File:
        """Rename a file or update its code

        Renames a file or replaces the code of a reward/environment file. Requires the `write` scope.

        ``PUT /files/{fileId}`` (scope: write).

        Args:
          file_id: The file's id (a UUID).
          name: (no description in the spec)
          content: New text content (reward or environment code).
        """
        check_arguments(
            "files.update",
            {
                "file_id": file_id,
                "name": name,
                "content": content,
            },
            _UPDATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {}
        if name is not None:
            _body["name"] = name
        if content is not None:
            _body["content"] = content
        return self._client.request(
            _UPDATE_OP,
            path_params={"fileId": file_id},
            json=_body,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_UPDATE_OP_RETURNS,
        )

    def delete(
        self,
        file_id: str,
        *,
        force: bool = False,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete a file

        Removes an unused file; fails if active runs still reference it. Soft-deletes by default (the file is hidden from the API); `force=true` purges it permanently. Requires the `write` scope.

        ``DELETE /files/{fileId}`` (scope: write).

        Args:
          file_id: The file's id (a UUID).
          force: Purge the file permanently instead of soft-deleting it.
        """
        check_arguments(
            "files.delete",
            {
                "file_id": file_id,
                "force": force,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return self._client.request(
            _DELETE_OP,
            path_params={"fileId": file_id},
            query={
                "force": force,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=NoneType,
        )

    def preview(
        self,
        file_id: str,
        *,
        lines: int = 20,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> FilePreview:
        """Preview a file

        Returns the first lines of a dataset or a truncated code preview. Requires the `read` scope.

        ``GET /files/{fileId}/preview`` (scope: read).

        Args:
          file_id: The file's id (a UUID).
          lines: How many lines to return.
        """
        check_arguments(
            "files.preview",
            {
                "file_id": file_id,
                "lines": lines,
            },
            _PREVIEW_OP_CONSTRAINTS,
        )
        return self._client.request(
            _PREVIEW_OP,
            path_params={"fileId": file_id},
            query={
                "lines": lines,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_PREVIEW_OP_RETURNS,
        )

    def content(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> str:
        """Read a file's text content

        Returns the raw text content (prompt/SFT JSONL, Python code); the SDK returns the text itself. Requires the `read` scope.

        ``GET /files/{fileId}/content`` (scope: read).

        Args:
          file_id: The file's id (a UUID).
        """
        check_arguments(
            "files.content",
            {
                "file_id": file_id,
            },
            _CONTENT_OP_CONSTRAINTS,
        )
        return self._client.request(
            _CONTENT_OP,
            path_params={"fileId": file_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=str,
        )

    def download(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> bytes:
        """Download the original file

        Downloads the original file's bytes. The body is not enveloped. Requires the `read` scope.

        ``GET /files/{fileId}/download`` (scope: read).

        Args:
          file_id: The file's id (a UUID).
        """
        check_arguments(
            "files.download",
            {
                "file_id": file_id,
            },
            _DOWNLOAD_OP_CONSTRAINTS,
        )
        return self._client.request(
            _DOWNLOAD_OP,
            path_params={"fileId": file_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=bytes,
        )


class AsyncFiles(AsyncAPIResource):
    """Files drive training runs: prompt datasets, reward and environment code, and SFT datasets. (async)"""

    _METHODS = _NAMESPACE_METHODS

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
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> PagedResponse[File]:
        """List files

        Lists your files, filtered by `type` (`prompt`, `reward_function`, `environment`, `sft`) and `search`, with `page`, `per_page`, `sort` and `direction`. Requires the `read` scope.

        ``GET /files`` (scope: read).

        Args:
          type: Only files of this type.
          search: Text to look for in file names.
          page: Page number, starting at 1.
          per_page: Items per page (1 to 100).
          sort: Field to sort by (for example `created_at` or `name`).
          direction: Sort direction, `asc` or `desc`.
        """
        check_arguments(
            "files.list",
            {
                "type": type,
                "search": search,
                "page": page,
                "per_page": per_page,
                "sort": sort,
                "direction": direction,
            },
            _LIST_OP_CONSTRAINTS,
        )
        return await self._client.request_page(
            _LIST_OP,
            query={
                "type": type,
                "search": search,
                "page": page,
                "per_page": per_page,
                "sort": sort,
                "direction": direction,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            item_type=_LIST_OP_RETURNS,
            pagination=_LIST_OP_PAGINATION,
        )

    async def upload_path(
        self,
        path: FileInput,
        *,
        file_type: Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]],
        name: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> File:
        """Upload a file or create one from content

        Creates a file. Send `multipart/form-data` with the `file`, its `type` and an optional `name` to upload a local file, or JSON `{name, content, type, original_filename?}` to create one from text (typically reward or environment code). Requires the `write` scope.

        ``POST /files`` (scope: write).

        Args:
          path: The file's bytes.
          file_type: What a file is used for.
          name: A display name; defaults to the uploaded file's name.
        """
        check_arguments(
            "files.upload_path",
            {
                "file_type": file_type,
                "name": name,
            },
            _UPLOAD_PATH_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "type": file_type,
        }
        if name is not None:
            _body["name"] = name
        _files: Dict[str, Any] = {
            "file": path,
        }
        return await self._client.request(
            _UPLOAD_PATH_OP,
            data=_body,
            files=_files,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=_UPLOAD_PATH_OP_RETURNS,
        )

    async def create_from_content(
        self,
        name: str,
        content: str,
        file_type: Union[FileType, Literal["prompt", "reward_function", "environment", "sft"]],
        *,
        original_filename: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
        idempotency_key: Optional[str] = None,
    ) -> File:
        """Upload a file or create one from content

        Creates a file. Send `multipart/form-data` with the `file`, its `type` and an optional `name` to upload a local file, or JSON `{name, content, type, original_filename?}` to create one from text (typically reward or environment code). Requires the `write` scope.

        ``POST /files`` (scope: write).

        Args:
          name: (no description in the spec)
          content: The file's text content.
          file_type: What a file is used for.
          original_filename: A file name to record, e.g. `reward.py`.
        """
        check_arguments(
            "files.create_from_content",
            {
                "name": name,
                "content": content,
                "file_type": file_type,
                "original_filename": original_filename,
            },
            _CREATE_FROM_CONTENT_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {
            "name": name,
            "content": content,
            "type": file_type,
        }
        if original_filename is not None:
            _body["original_filename"] = original_filename
        return await self._client.request(
            _CREATE_FROM_CONTENT_OP,
            json=_body,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ).keyed(idempotency_key),
            cast_to=_CREATE_FROM_CONTENT_OP_RETURNS,
        )

    async def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> File:
        """Retrieve a file's metadata

        Returns the metadata of one file. Requires the `read` scope.

        ``GET /files/{fileId}`` (scope: read).

        Args:
          file_id: The file's id (a UUID).
        """
        check_arguments(
            "files.retrieve",
            {
                "file_id": file_id,
            },
            _RETRIEVE_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _RETRIEVE_OP,
            path_params={"fileId": file_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_RETRIEVE_OP_RETURNS,
        )

    async def update(
        self,
        file_id: str,
        *,
        name: Optional[str] = None,
        content: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> File:
        """Rename a file or update its code

        Renames a file or replaces the code of a reward/environment file. Requires the `write` scope.

        ``PUT /files/{fileId}`` (scope: write).

        Args:
          file_id: The file's id (a UUID).
          name: (no description in the spec)
          content: New text content (reward or environment code).
        """
        check_arguments(
            "files.update",
            {
                "file_id": file_id,
                "name": name,
                "content": content,
            },
            _UPDATE_OP_CONSTRAINTS,
        )
        _body: Dict[str, Any] = {}
        if name is not None:
            _body["name"] = name
        if content is not None:
            _body["content"] = content
        return await self._client.request(
            _UPDATE_OP,
            path_params={"fileId": file_id},
            json=_body,
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_UPDATE_OP_RETURNS,
        )

    async def delete(
        self,
        file_id: str,
        *,
        force: bool = False,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> None:
        """Delete a file

        Removes an unused file; fails if active runs still reference it. Soft-deletes by default (the file is hidden from the API); `force=true` purges it permanently. Requires the `write` scope.

        ``DELETE /files/{fileId}`` (scope: write).

        Args:
          file_id: The file's id (a UUID).
          force: Purge the file permanently instead of soft-deleting it.
        """
        check_arguments(
            "files.delete",
            {
                "file_id": file_id,
                "force": force,
            },
            _DELETE_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _DELETE_OP,
            path_params={"fileId": file_id},
            query={
                "force": force,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=NoneType,
        )

    async def preview(
        self,
        file_id: str,
        *,
        lines: int = 20,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> FilePreview:
        """Preview a file

        Returns the first lines of a dataset or a truncated code preview. Requires the `read` scope.

        ``GET /files/{fileId}/preview`` (scope: read).

        Args:
          file_id: The file's id (a UUID).
          lines: How many lines to return.
        """
        check_arguments(
            "files.preview",
            {
                "file_id": file_id,
                "lines": lines,
            },
            _PREVIEW_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _PREVIEW_OP,
            path_params={"fileId": file_id},
            query={
                "lines": lines,
            },
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=_PREVIEW_OP_RETURNS,
        )

    async def content(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> str:
        """Read a file's text content

        Returns the raw text content (prompt/SFT JSONL, Python code); the SDK returns the text itself. Requires the `read` scope.

        ``GET /files/{fileId}/content`` (scope: read).

        Args:
          file_id: The file's id (a UUID).
        """
        check_arguments(
            "files.content",
            {
                "file_id": file_id,
            },
            _CONTENT_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _CONTENT_OP,
            path_params={"fileId": file_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=str,
        )

    async def download(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        total_timeout: Union[float, None, NotGiven] = NOT_GIVEN,
        max_retries: Optional[int] = None,
        retry_backoff_factor: Optional[float] = None,
    ) -> bytes:
        """Download the original file

        Downloads the original file's bytes. The body is not enveloped. Requires the `read` scope.

        ``GET /files/{fileId}/download`` (scope: read).

        Args:
          file_id: The file's id (a UUID).
        """
        check_arguments(
            "files.download",
            {
                "file_id": file_id,
            },
            _DOWNLOAD_OP_CONSTRAINTS,
        )
        return await self._client.request(
            _DOWNLOAD_OP,
            path_params={"fileId": file_id},
            options=RequestOptions(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                retry_backoff_factor=retry_backoff_factor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
            cast_to=bytes,
        )


class FilesWithRawResponse:
    """``client.with_raw_response.files``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: Files) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.upload_path = to_raw_response_wrapper(resource.upload_path)
        self.create_from_content = to_raw_response_wrapper(resource.create_from_content)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.update = to_raw_response_wrapper(resource.update)
        self.delete = to_raw_response_wrapper(resource.delete)
        self.preview = to_raw_response_wrapper(resource.preview)
        self.content = to_raw_response_wrapper(resource.content)
        self.download = to_raw_response_wrapper(resource.download)


class AsyncFilesWithRawResponse:
    """``client.with_raw_response.files``: the same methods, returning an ``APIResponse``
    (``.status_code``, ``.headers`` with the rate-limit state, ``.parsed()``).

    Streams and polling futures are not offered here: they are not one response.
    """

    def __init__(self, resource: AsyncFiles) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.upload_path = async_to_raw_response_wrapper(resource.upload_path)
        self.create_from_content = async_to_raw_response_wrapper(resource.create_from_content)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.delete = async_to_raw_response_wrapper(resource.delete)
        self.preview = async_to_raw_response_wrapper(resource.preview)
        self.content = async_to_raw_response_wrapper(resource.content)
        self.download = async_to_raw_response_wrapper(resource.download)
