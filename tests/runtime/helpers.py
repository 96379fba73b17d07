"""Models, operations and client factories shared by the runtime tests."""

from typing import Any, Optional

from pydantic import Field
from runrl_rt._base_client import AsyncAPIClient, Operation, SyncAPIClient
from runrl_rt._config import ClientConfig
from runrl_rt._models import BaseModel, OpenEnum

API_KEY = "rl_test_0123456789abcdef"


class RunStatus(OpenEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class Run(BaseModel):
    id: int
    status: RunStatus
    model: str = "m"
    progress: Optional[float] = None
    error_message: Optional[str] = None


class File(BaseModel):
    id: str
    name: str
    original_filename: Optional[str] = Field(default=None, alias="originalFilename")


GET_RUN = Operation("GET", "/runs/{id}", unwrap=("data",), operation_id="runs.get")
CREATE_RUN = Operation("POST", "/runs", unwrap=("data",), operation_id="runs.create")
CANCEL_RUN = Operation("POST", "/runs/{id}/cancel", unwrap=(), operation_id="runs.cancel")
LIST_FILES = Operation("GET", "/files", unwrap=("data",), operation_id="files.list")


class Sleeps:
    """A sleep function that records instead of waiting (sync and async flavours)."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_client(base_url: str, sleeps: Optional[Sleeps] = None, **config: Any) -> SyncAPIClient:
    cfg = ClientConfig(api_key=config.pop("api_key", API_KEY), base_url=base_url, **config)
    return SyncAPIClient(cfg, sleep=sleeps if sleeps is not None else Sleeps())


def make_async_client(
    base_url: str, sleeps: Optional[Sleeps] = None, **config: Any
) -> AsyncAPIClient:
    cfg = ClientConfig(api_key=config.pop("api_key", API_KEY), base_url=base_url, **config)
    return AsyncAPIClient(cfg, sleep=(sleeps or Sleeps()).asleep)
