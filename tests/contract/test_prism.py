"""Every generated method, sync and async, against Prism mocking that version's spec.

Prism (`prism mock --errors spec/<version>.yaml`, node_modules, pinned in package-lock.json)
validates each request against the spec: with ``--errors`` a violation is answered with an
error status and listed in the ``sl-violations`` header (verified on Prism 5.14.2: a bad query
value gives 422 + ``sl-violations: [{"location": ["request", "query", "per_page"], ...}]``, a
missing key 401). Prism also validates its own answer (the spec's example) against the response
schema and answers 500 when they disagree. Each test below makes one call with realistic
arguments and asserts:

* no exception, every HTTP answer below 400 and without ``sl-violations``;
* every request hit the operation the method is documented for (method + path template);
* the result is the documented type (``isinstance`` against ``runrl.models``; the client parsed
  it with ``model_validate``).

Prism serves the spec's paths without the server's base path, so the client's ``base_url`` is
``http://127.0.0.1:<port>``. One Prism per API version, started once for this module's tests of
that version and killed afterwards.

Not fully exercisable with Prism, and why (the rest of their behaviour is covered elsewhere):
see ``PARTIAL`` below.
"""

from __future__ import annotations

import inspect
import io
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.contract._support import (
    Prism,
    coverage,
    generated_versions,
    load_sdk,
    load_spec,
    operations,
    spec_path,
)

pytestmark = [pytest.mark.node]

VERSIONS = generated_versions()
TOKEN = "rl_contract_test_key"

# Identifiers of the spec's examples (any value works with Prism; these read like real calls).
PROMPT_ID = "3f6c2a9e-8b1d-4c7e-9a2f-5d0e1b7c4a61"
REWARD_ID = "9a1b7c3d-2e4f-4a6b-8c0d-1e2f3a4b5c6d"
SFT_ID = "5c7e9a1b-3d5f-4b7d-9f1a-3c5e7a9b1d3f"
RUN_ID = 1287
DEPLOYMENT_ID = 214
TOOL_ID = 12
CONFIG_UUID = "b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e"
API_KEY_ID = 7
MODEL = "Qwen/Qwen2.5-3B-Instruct"
REWARD_CODE = (
    "def reward_fn(completion, **kwargs):\n"
    '    return 1.0 if "banana" in completion[0]["content"].lower() else 0.0\n'
)
PROMPT_JSONL = (
    '{"prompt": [{"role": "user", "content": "What is your favorite fruit?"}], '
    '"expected_result": "banana"}\n'
)
RECIPE = {"model": MODEL, "reward_mode": "reward_function", "completion_length": 256, "epochs": 2}
PROMPT_FILE = object()  # replaced by the path of a real JSONL file at call time
OUTPUT = object()  # replaced by a fresh io.StringIO at call time (what runs.follow prints)

# Methods Prism can call, but not all the way; what is checked, and where the rest is covered.
# (Every operation and every method is called; there is no operation Prism cannot serve.)
PARTIAL = {
    "runs.create": "polling future: only `.initial` is checked (Prism always answers the "
    "example, which is never terminal); polling to the end: tests/sdk against the reference "
    "server",
    "deployments.create": "polling future: only `.initial` is checked (as runs.create)",
    "runs.follow": "calls streamRunLogs, then getRun; Prism's example run is COMPLETED, so follow "
    "prints one stream and returns; reopening after Last-Event-ID until terminal: "
    "tests/sdk/test_follow.py",
    "runs.stream_logs": "SSE: Prism drops the blank line that ends the example's last event, so "
    "the client (rightly) yields only the first of its 2 events; full streams, resume and "
    "cut connections: tests/sdk and tests/runtime against the reference server",
}


@dataclass(frozen=True)
class Returns:
    kind: str  # model | page | list | none | str | bytes | future | events
    model: str | None = None


@dataclass(frozen=True)
class Call:
    operation_id: str
    namespace: str  # "" = a method of the client itself
    method: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    returns: Returns = Returns("none")
    # Keyword arguments sent only where the method has them (parameters added in a version).
    if_supported: dict[str, Any] = field(default_factory=dict)
    # Further operations the method may call (a helper built on several operations).
    also: tuple[str, ...] = ()
    # Text the method must print to its ``file`` argument (OUTPUT).
    prints: str | None = None

    @property
    def name(self) -> str:
        return f"{self.namespace}.{self.method}" if self.namespace else self.method


def model(name: str) -> Returns:
    return Returns("model", name)


def page(name: str) -> Returns:
    return Returns("page", name)


CALLS: list[Call] = [
    Call("getHealth", "", "health", returns=model("HealthStatus")),
    # -- files
    Call(
        "listFiles",
        "files",
        "list",
        kwargs={
            "type": "prompt",
            "search": "support",
            "page": 1,
            "per_page": 20,
            "sort": "created_at",
            "direction": "desc",
        },
        returns=page("File"),
    ),
    Call(
        "createFile",
        "files",
        "upload_path",
        (PROMPT_FILE,),
        {"file_type": "prompt", "name": "Support Prompts"},
        returns=model("File"),
    ),
    Call(
        "createFile",
        "files",
        "create_from_content",
        ("Latency Reward", REWARD_CODE, "reward_function"),
        {"original_filename": "reward.py"},
        returns=model("File"),
    ),
    Call("getFile", "files", "retrieve", (PROMPT_ID,), returns=model("File")),
    Call(
        "updateFile",
        "files",
        "update",
        (REWARD_ID,),
        {"name": "Latency Reward v2", "content": REWARD_CODE},
        returns=model("File"),
    ),
    Call("deleteFile", "files", "delete", (REWARD_ID,), {"force": True}),
    Call("getFilePreview", "files", "preview", (PROMPT_ID,), {"lines": 5}, model("FilePreview")),
    Call("getFileContent", "files", "content", (REWARD_ID,), returns=Returns("str")),
    Call("downloadFile", "files", "download", (PROMPT_ID,), returns=Returns("bytes")),
    # -- runs
    Call(
        "listRuns",
        "runs",
        "list",
        kwargs={
            "status": "RUNNING",
            "created_after": datetime(2025, 10, 1, tzinfo=UTC),
            "page": 1,
            "per_page": 20,
        },
        returns=page("Run"),
    ),
    Call(
        "createRun",
        "runs",
        "create",
        kwargs={
            "model": "Qwen/Qwen2.5-7B",
            "prompt_file_id": PROMPT_ID,
            "reward_file_id": REWARD_ID,
            "type": "reward_function",
            "completion_length": 2048,
            "epochs": 3,
            "learning_rate_multiplier": 1.2,
            "sft_file_id": SFT_ID,
            "tool_ids": [12, 18],
            "package_requirements": ["wandb==0.17.4"],
            "hf_token": "hf_contract_test_token",
        },
        if_supported={"use_lora": True, "lora_rank": 16, "lora_alpha": 32, "lora_dropout": 0.05},
        returns=Returns("future", "Run"),
    ),
    Call("getRun", "runs", "get", (RUN_ID,), returns=model("Run")),
    Call("getRunHistory", "runs", "history", (RUN_ID,), returns=Returns("list", "RunHistoryEntry")),
    Call("getRunLogs", "runs", "logs", (RUN_ID,), {"last_line": 0, "limit": 100}, model("RunLogs")),
    Call("streamRunLogs", "runs", "stream_logs", (RUN_ID,), returns=Returns("events", "LogEvent")),
    Call(
        "streamRunLogs",
        "runs",
        "follow",
        (RUN_ID,),
        {"file": OUTPUT, "poll_interval": 0},
        returns=model("Run"),
        also=("getRun",),
        prints="Loading model Qwen/Qwen2.5-3B-Instruct",
    ),
    Call("getRunMetrics", "runs", "metrics", (RUN_ID,), returns=model("RunMetrics")),
    Call("getRunCompletions", "runs", "completions", (RUN_ID,), returns=model("RunCompletions")),
    Call("cancelRun", "runs", "cancel", (RUN_ID,)),
    # -- deployments
    Call(
        "listDeployments",
        "deployments",
        "list",
        kwargs={"status": "active", "run_id": RUN_ID, "page": 1, "per_page": 20},
        returns=page("Deployment"),
    ),
    Call(
        "createDeployment",
        "deployments",
        "create",
        (RUN_ID,),
        returns=Returns("future", "Deployment"),
    ),
    Call("checkDeployment", "deployments", "check", (RUN_ID,), returns=model("DeploymentCheck")),
    Call("getDeployment", "deployments", "get", (DEPLOYMENT_ID,), returns=model("Deployment")),
    Call("deleteDeployment", "deployments", "delete", (DEPLOYMENT_ID,)),
    # -- tools
    Call(
        "listTools",
        "tools",
        "list",
        kwargs={
            "search": "weather",
            "verified": True,
            "owned_only": False,
            "public_only": False,
            "page": 1,
            "per_page": 20,
            "sort": "name",
            "direction": "asc",
        },
        returns=page("Tool"),
    ),
    Call(
        "createTool",
        "tools",
        "create",
        ("Weather Lookup", "https://mcp.example.com/weather"),
        {"description": "Current weather by city.", "is_public": True},
        returns=model("Tool"),
    ),
    Call(
        "testMcpConnection",
        "tools",
        "test_connection",
        ("https://mcp.example.com/weather",),
        returns=model("McpTestResult"),
    ),
    Call("getTool", "tools", "get", (TOOL_ID,), returns=model("Tool")),
    Call(
        "updateTool",
        "tools",
        "update",
        (TOOL_ID,),
        {"name": "Weather Lookup v2", "description": None, "is_public": False},
        returns=model("Tool"),
    ),
    Call("deleteTool", "tools", "delete", (TOOL_ID,)),
    # -- shared configurations
    Call(
        "listSharedConfigurations",
        "shared_configurations",
        "list",
        returns=page("SharedConfiguration"),
    ),
    Call(
        "createSharedConfiguration",
        "shared_configurations",
        "create",
        kwargs={
            "name": "Support Tone",
            "visibility": "public",
            "prompt_file_id": PROMPT_ID,
            "reward_file_id": REWARD_ID,
            "configuration": RECIPE,
            "description": "Polite, concise customer support answers.",
        },
        returns=model("SharedConfiguration"),
    ),
    Call(
        "browseSharedConfigurations",
        "shared_configurations",
        "browse",
        kwargs={
            "model": MODEL,
            "reward_mode": "reward_function",
            "visibility": "public",
            "search": "support",
            "page": 1,
            "per_page": 20,
        },
        returns=page("SharedConfiguration"),
    ),
    Call(
        "getSharedConfiguration",
        "shared_configurations",
        "get",
        (CONFIG_UUID,),
        returns=model("SharedConfiguration"),
    ),
    Call(
        "updateSharedConfiguration",
        "shared_configurations",
        "update",
        (CONFIG_UUID,),
        {
            "name": "Support Tone v2",
            "description": "Shorter answers.",
            "visibility": "unlisted",
            "configuration": {**RECIPE, "epochs": 3},
        },
        returns=model("SharedConfiguration"),
    ),
    Call("deleteSharedConfiguration", "shared_configurations", "delete", (CONFIG_UUID,)),
    Call(
        "getSharedConfigurationData",
        "shared_configurations",
        "data",
        (CONFIG_UUID,),
        returns=model("SharedConfigurationData"),
    ),
    Call(
        "copySharedConfiguration",
        "shared_configurations",
        "copy",
        (CONFIG_UUID,),
        returns=model("SharedConfigurationCopy"),
    ),
    Call(
        "likeSharedConfiguration",
        "shared_configurations",
        "like",
        (CONFIG_UUID,),
        returns=model("LikeResult"),
    ),
    # -- validation, search
    Call(
        "validateRewardFunction",
        "validation",
        "reward_function",
        (REWARD_CODE,),
        {"mode": "function", "prompt_file_id": PROMPT_ID},
        returns=model("ValidationResponse"),
    ),
    Call(
        "validatePromptFile",
        "validation",
        "prompt_file",
        (PROMPT_ID,),
        returns=model("ValidationResponse"),
    ),
    Call(
        "validateSftFile", "validation", "sft_file", (SFT_ID,), returns=model("ValidationResponse")
    ),
    Call("search", "search", "query", ("reward function",), returns=model("SearchResults")),
    # -- API keys
    Call("listApiKeys", "api_keys", "list", returns=Returns("list", "ApiKey")),
    Call(
        "createApiKey",
        "api_keys",
        "create",
        ("CI Pipeline",),
        {
            "scopes": ["read", "write"],
            "requests_per_hour": 5000,
            "expires_at": datetime(2026, 12, 31, tzinfo=UTC),
        },
        returns=model("ApiKeyToken"),
    ),
    Call(
        "updateApiKey",
        "api_keys",
        "update",
        (API_KEY_ID,),
        {
            "name": "CI Pipeline (read-only)",
            "active": True,
            "scopes": ["read"],
            "requests_per_hour": 1000,
            "expires_at": None,
        },
        returns=model("ApiKey"),
    ),
    Call("deleteApiKey", "api_keys", "delete", (API_KEY_ID,)),
    Call("getApiKeyUsage", "api_keys", "usage", (API_KEY_ID,), returns=model("ApiKeyUsage")),
]


# ------------------------------------------------------------------------------------- fixtures


@dataclass
class Env:
    version: str
    sdk: ModuleType
    prism: Prism
    operations: dict[str, tuple[str, str]]  # operationId -> (METHOD, path template)
    prompt_file: Path
    # operationIds and method names exercised without a problem, per flavour
    passed: dict[str, set[str]] = field(default_factory=lambda: {"sync": set(), "async": set()})
    methods: dict[str, set[str]] = field(default_factory=lambda: {"sync": set(), "async": set()})


@pytest.fixture(scope="module", params=VERSIONS or ["<none generated>"])
def env(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    version = request.param
    if not VERSIONS:
        pytest.fail("no generated packages: run `make generate` first")
    tmp = tmp_path_factory.mktemp(f"prism-{version}")
    prompt_file = tmp / "prompt.jsonl"
    prompt_file.write_text(PROMPT_JSONL, encoding="utf-8")
    ops = operations(load_spec(version))
    prism = Prism(spec_path(version), tmp / "prism.log").start()
    try:
        with load_sdk(version) as sdk:
            e = Env(version, sdk, prism, ops, prompt_file)
            yield e
            tally = coverage("prism", version, len(ops))
            tally.covered.update(e.passed["sync"] & e.passed["async"])
            both = e.methods["sync"] & e.methods["async"]
            tally.notes[:] = [f"{len(both)} methods, each called sync and async"] + [
                f"{name}: {why}" for name, why in PARTIAL.items() if name in both
            ]
    finally:
        prism.stop()


@dataclass
class Seen:
    method: str
    path: str
    status: int
    violations: str | None
    content_type: str


class Recorder:
    """Every HTTP answer the client got (httpx response hooks; bodies are not touched)."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []

    def _record(self, response: httpx.Response) -> None:
        self.seen.append(
            Seen(
                response.request.method,
                response.request.url.path,
                response.status_code,
                response.headers.get("sl-violations"),
                response.headers.get("content-type", ""),
            )
        )

    def hook(self, response: httpx.Response) -> None:
        self._record(response)

    async def ahook(self, response: httpx.Response) -> None:
        self._record(response)


def _client_options(env: Env) -> dict[str, Any]:
    return {
        "api_key": TOKEN,
        "base_url": env.prism.url,
        # A lost connection (a loaded CI machine) may be retried; an HTTP answer cannot be
        # retried away unseen: the recorder sees every answer, and each must be < 400.
        "max_retries": 2,
        "poll_interval": 0.01,
        "max_poll_timeout": 5,
    }


# ---------------------------------------------------------------------------------------- checks


def _path_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile(
        "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts if p) + "$"
    )


def _arguments(
    env: Env, call: Call, method: Any, output: io.StringIO
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    def value(v: Any) -> Any:
        return str(env.prompt_file) if v is PROMPT_FILE else output if v is OUTPUT else v

    args = tuple(value(a) for a in call.args)
    params = inspect.signature(method).parameters
    extra = {k: v for k, v in call.if_supported.items() if k in params}
    return args, {k: value(v) for k, v in {**call.kwargs, **extra}.items()}


def _models(env: Env, name: str | None) -> Any:
    assert name is not None
    cls = getattr(env.sdk.models, name, None)
    assert isinstance(cls, type), f"runrl.models has no {name}"
    return cls


async def _check_result(env: Env, call: Call, result: Any, is_async: bool) -> None:
    kind = call.returns.kind
    if kind == "none":
        assert result is None, result
    elif kind == "str":
        assert isinstance(result, str) and result, result
    elif kind == "bytes":
        assert isinstance(result, bytes) and result, result
    elif kind == "model":
        assert isinstance(result, _models(env, call.returns.model)), type(result)
    elif kind == "list":
        assert isinstance(result, list) and result, result
        cls = _models(env, call.returns.model)
        assert all(isinstance(item, cls) for item in result), result
    elif kind == "page":
        from runrl._pagination import PagedResponse  # the version loaded by load_sdk

        assert isinstance(result, PagedResponse), type(result)
        cls = _models(env, call.returns.model)
        assert result.items and all(isinstance(item, cls) for item in result.items), result
    elif kind == "future":
        # Polling futures: the create call's answer only (see PARTIAL).
        futures = (env.sdk.AsyncRunRLPollingFuture, env.sdk.RunRLPollingFuture)
        assert isinstance(result, futures[0] if is_async else futures[1]), type(result)
        assert isinstance(result.initial, _models(env, call.returns.model)), result.initial
    elif kind == "events":
        events = await _drain(result, is_async)
        assert events, "the log stream yielded no event"
        cls = _models(env, call.returns.model)  # each event's data, validated by the client
        assert all(isinstance(event, cls) for event in events), events
    else:  # pragma: no cover - a typo in CALLS
        raise AssertionError(kind)


async def _drain(stream: Any, is_async: bool, limit: int = 20) -> list[Any]:
    events: list[Any] = []
    if is_async:
        assert isinstance(stream, AsyncIterator) or hasattr(stream, "__aiter__"), stream
        async for event in stream:
            events.append(event)
            if len(events) >= limit:
                break
        if hasattr(stream, "aclose"):
            await stream.aclose()
    else:
        for event in stream:
            events.append(event)
            if len(events) >= limit:
                break
        if hasattr(stream, "close"):
            stream.close()
    return events


def _has_method(env: Env, call: Call) -> bool:
    with env.sdk.RunRLClient(api_key=TOKEN, base_url=env.prism.url) as client:
        target = getattr(client, call.namespace, None) if call.namespace else client
        return target is not None and callable(getattr(target, call.method, None))


async def _call(env: Env, call: Call, recorder: Recorder, is_async: bool) -> None:
    """Make ``call`` with a fresh client of the flavour and check what it returns."""
    output = io.StringIO()
    if is_async:
        ahttp = httpx.AsyncClient(event_hooks={"response": [recorder.ahook]})
        async with env.sdk.AsyncRunRLClient(**_client_options(env), http_client=ahttp) as client:
            target = getattr(client, call.namespace) if call.namespace else client
            method = getattr(target, call.method)
            args, kwargs = _arguments(env, call, method, output)
            result = method(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            await _check_result(env, call, result, is_async)
        await ahttp.aclose()
    else:
        with (
            httpx.Client(event_hooks={"response": [recorder.hook]}) as http,
            env.sdk.RunRLClient(**_client_options(env), http_client=http) as client,
        ):
            target = getattr(client, call.namespace) if call.namespace else client
            method = getattr(target, call.method)
            args, kwargs = _arguments(env, call, method, output)
            await _check_result(env, call, method(*args, **kwargs), is_async)
    if call.prints is not None:
        assert call.prints in output.getvalue(), f"{call.name} printed {output.getvalue()!r}"


# ----------------------------------------------------------------------------------------- tests


@pytest.mark.anyio
@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("call", CALLS, ids=lambda c: c.name)
async def test_method_against_prism(env: Env, call: Call, flavour: str) -> None:
    if call.operation_id not in env.operations:
        pytest.skip(f"{call.operation_id} is not an operation of API {env.version}")
    if not _has_method(env, call):
        pytest.skip(f"{call.name} is not a method of the generated {env.version} client")
    verb, template = env.operations[call.operation_id]
    recorder = Recorder()
    is_async = flavour == "async"
    try:
        await _call(env, call, recorder, is_async)
    except Exception as exc:
        # Name what Prism objected to (a violation becomes an error answer with --errors).
        flagged = [f"{s.method} {s.path} -> {s.status}: {s.violations}" for s in recorder.seen]
        raise AssertionError(
            f"{call.name} ({flavour}) failed: {exc!r}; answers: {flagged}"
        ) from exc

    assert recorder.seen, f"{call.name} sent no request"
    allowed = [env.operations[op_id] for op_id in (call.operation_id, *call.also)]
    for seen in recorder.seen:
        where = f"{seen.method} {seen.path} -> {seen.status}"
        assert seen.violations is None, f"Prism flagged {where}: {seen.violations}"
        assert seen.status < 400, f"{where}\n{env.prism.log()[-2000:]}"
        assert any(
            seen.method == method and _path_regex(path).match(seen.path) for method, path in allowed
        ), f"{call.name} should call {verb} {template} ({call.operation_id}), sent {where}"
    first = recorder.seen[0]
    assert first.method == verb and _path_regex(template).match(first.path), (
        f"{call.name} should start with {verb} {template}, sent {first.method} {first.path}"
    )
    env.passed[flavour].update((call.operation_id, *call.also))
    env.methods[flavour].add(call.name)


def test_every_operation_is_called(env: Env) -> None:
    """Every operation of the version's spec is called by some method in CALLS (CALLS may also
    name operations of other versions; their tests skip here)."""
    called = {c.operation_id for c in CALLS}
    assert set(env.operations) - called == set(), "operations no method here calls"


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_every_method_is_called(env: Env, flavour: str) -> None:
    """Every public method of every namespace of the client (sync or async) is in CALLS (which
    may also name methods other versions have; their tests skip here)."""
    from runrl._resource import AsyncAPIResource, SyncAPIResource

    client_cls = env.sdk.AsyncRunRLClient if flavour == "async" else env.sdk.RunRLClient
    resource_base = AsyncAPIResource if flavour == "async" else SyncAPIResource
    client = client_cls(api_key=TOKEN, base_url=env.prism.url)
    methods: set[str] = set()
    for name, attr in vars(client_cls).items():
        if name.startswith("_"):
            continue
        if isinstance(attr, cached_property):
            resource = getattr(client, name)
            if not isinstance(resource, resource_base):
                continue  # e.g. with_raw_response: a view of the namespaces, not one of them
            for meth, fn in vars(type(resource)).items():
                if not meth.startswith("_") and callable(fn):
                    methods.add(f"{name}.{meth}")
        elif callable(attr):
            methods.add(name)
    assert methods - {c.name for c in CALLS} == set(), "methods no test here calls"
