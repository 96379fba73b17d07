"""The RunRL REST API's endpoints (runrl-wire.md's table), as synchronous handlers.

A handler gets a ``Ctx`` (parsed request + the store + the caller's key) and returns a ``Reply``
(enveloped ``data``, or raw bytes, or an SSE stream), or raises ``ApiError``.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .errors import ApiError, Checker, q_bool, q_choice, q_int
from .store import (
    CODE_FILE_TYPES,
    CURRENT_USER_ID,
    FILE_TYPES,
    RUN_TERMINAL,
    RUN_TYPES,
    SCOPES,
    VISIBILITIES,
    ApiKeyRecord,
    Store,
    iso,
    paginate,
)

#: Status of a successful create (POST that makes a new resource). Other successes are 200.
CREATED = 201
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
#: The spec's RunStatus and DeploymentStatus enums (the values the list filters accept).
RUN_STATUSES = ("PENDING", "QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED")
DEPLOYMENT_STATUSES = ("pending", "deploying", "active", "failed", "deleted")


@dataclass
class UploadedFile:
    filename: str
    content_type: str
    content: bytes


@dataclass
class Ctx:
    store: Store
    method: str
    path: str  # relative to /api/v1
    params: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes
    json: Any  # parsed JSON body, or None
    json_error: bool  # the body claimed to be JSON but did not parse
    form: dict[str, Any] | None  # str fields and UploadedFile values
    key: ApiKeyRecord | None
    now: float

    def int_param(self, name: str, kind: str) -> int:
        raw = self.params[name]
        if not raw.isdigit():
            raise ApiError(404, f"{kind} {raw} not found", details={"resource": kind, "id": raw})
        return int(raw)

    def json_body(self) -> Checker:
        """The JSON object of the request body (required by every operation that takes one)."""
        if self.json_error:
            raise ApiError(400, "Malformed JSON body")
        if self.json is None:
            raise ApiError(400, "A JSON request body is required")
        return Checker(self.json)


@dataclass
class Reply:
    data: Any = None
    message: str = "OK"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None  # a body that is not enveloped (downloads)
    content_type: str = "application/json"
    #: for text/event-stream: an async generator of (event id, encoded event) pairs
    stream: Callable[[], AsyncIterator[bytes]] | None = None


Handler = Callable[[Ctx], Reply]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    scope: str | None  # None: any valid key
    template: str


ROUTES: list[Route] = []


def route(method: str, template: str, scope: str | None) -> Callable[[Handler], Handler]:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)

    def deco(fn: Handler) -> Handler:
        ROUTES.append(Route(method, re.compile(regex), fn, scope, template))
        return fn

    return deco


def _routes_for(path: str) -> list[tuple[Route, re.Match[str]]]:
    """The routes of ``path``. As in OpenAPI, a concrete path wins over templated ones:
    ``/deployments/check`` is not ``/deployments/{id}`` with id "check"."""
    found = [(r, m) for r in ROUTES if (m := r.pattern.fullmatch(path)) is not None]
    concrete = [(r, m) for r, m in found if "{" not in r.template]
    return concrete or found


def allowed_methods(path: str) -> list[str]:
    """The methods with a route for ``path`` (the ``Allow`` header of a 405)."""
    return sorted({r.method for r, _ in _routes_for(path)})


def match_route(method: str, path: str) -> tuple[Route | None, dict[str, str], bool]:
    """(route, path params, path exists with another method)."""
    found = _routes_for(path)
    for r, m in found:
        if r.method == method:
            return r, m.groupdict(), True
    return None, {}, bool(found)


def page_args(ctx: Ctx) -> tuple[int, int]:
    return (
        q_int(ctx.query, "page", 1, minimum=1),
        q_int(ctx.query, "per_page", DEFAULT_PER_PAGE, minimum=1, maximum=MAX_PER_PAGE),
    )


def sort_items(
    ctx: Ctx, items: list[dict[str, Any]], kind: str, id_field: str, sortable: tuple[str, ...]
) -> list[dict[str, Any]]:
    sort = q_choice(ctx.query, "sort", sortable, "created_at", empty_ok=True)
    direction = q_choice(ctx.query, "direction", ("asc", "desc"), "desc", empty_ok=True)
    assert sort is not None
    if sort == "created_at":
        items = sorted(items, key=lambda it: ctx.store.order((kind, it[id_field])))
    else:
        items = sorted(
            items,
            key=lambda it: (
                it.get(sort) is None,
                it.get(sort) or 0,
                ctx.store.order((kind, it[id_field])),
            ),
        )
    return list(reversed(items)) if direction == "desc" else items


def newest_first(
    ctx: Ctx, items: list[dict[str, Any]], kind: str, id_field: str = "id"
) -> list[dict[str, Any]]:
    return sorted(items, key=lambda it: -ctx.store.order((kind, it[id_field])))


def parse_datetime(value: str, name: str) -> datetime:
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ApiError(
            422,
            "The given data was invalid.",
            details={name: [f"The {name} field must be an ISO 8601 date-time."]},
        ) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt


# ==== health ====================================================================================


@route("GET", "/health", None)
def health(ctx: Ctx) -> Reply:
    return Reply({"status": "ok", "version": "v1", "timestamp": iso()}, "API is healthy")


# ==== files =====================================================================================


@route("GET", "/files", "read")
def list_files(ctx: Ctx) -> Reply:
    page, per_page = page_args(ctx)
    ftype = q_choice(ctx.query, "type", FILE_TYPES)
    search = (ctx.query.get("search") or "").lower()
    items = ctx.store.visible_files()
    if ftype:
        items = [f for f in items if f["type"] == ftype]
    if search:
        items = [
            f
            for f in items
            if search in f["name"].lower() or search in (f["original_filename"] or "").lower()
        ]
    items = sort_items(
        ctx, items, "file", "id", ("created_at", "updated_at", "name", "file_size", "type")
    )
    return Reply(paginate(items, page, per_page), "Files retrieved")


@route("POST", "/files", "write")
def create_file(ctx: Ctx) -> Reply:
    ctype = ctx.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        form = ctx.form or {}
        errors: dict[str, list[str]] = {}
        upload = form.get("file")
        if not isinstance(upload, UploadedFile):
            errors["file"] = ["The file field is required and must be a file."]
        ftype = form.get("type")
        if not isinstance(ftype, str) or not ftype:
            errors["type"] = ["The type field is required."]
        elif ftype not in FILE_TYPES:
            errors["type"] = [f"The type field must be one of: {', '.join(FILE_TYPES)}."]
        name = form.get("name")
        if name is not None and not isinstance(name, str):
            errors["name"] = ["The name field must be a string."]
        if errors:
            raise ApiError(422, "The given data was invalid.", details=errors)
        assert isinstance(upload, UploadedFile) and isinstance(ftype, str)
        rec = ctx.store.add_file(
            name=name or upload.filename or "upload",
            file_type=ftype,
            content=upload.content,
            original_filename=upload.filename or None,
            mime_type=upload.content_type or "application/octet-stream",
        )
        return Reply(rec, "File uploaded successfully", CREATED)
    if ctype.startswith("application/json") or (not ctype and ctx.body):
        c = ctx.json_body()
        name = c.string("name", required=True, max_length=255)
        content = c.string("content", required=True)
        ftype = c.string("type", required=True, choices=FILE_TYPES)
        original = c.string("original_filename", max_length=255)
        c.done()
        assert name is not None and content is not None and ftype is not None
        rec = ctx.store.add_file(
            name=name, file_type=ftype, content=content.encode("utf-8"), original_filename=original
        )
        return Reply(rec, "File created successfully", CREATED)
    raise ApiError(
        400,
        "POST /files takes multipart/form-data or application/json",
        details={"content_type": ctype},
    )


@route("GET", "/files/{fileId}", "read")
def retrieve_file(ctx: Ctx) -> Reply:
    return Reply(ctx.store.get_file(ctx.params["fileId"]), "File retrieved")


@route("GET", "/files/{fileId}/preview", "read")
def preview_file(ctx: Ctx) -> Reply:
    rec = ctx.store.get_file(ctx.params["fileId"])
    n = q_int(ctx.query, "lines", 20, minimum=1, maximum=1000)
    lines = ctx.store.file_text(rec["id"]).splitlines()
    shown = lines[:n]
    return Reply(
        {
            "id": rec["id"],
            "name": rec["name"],
            "type": rec["type"],
            "lines": shown,
            "preview": "\n".join(shown),
            "total_lines": len(lines),
            "truncated": len(lines) > n,
        },
        "File preview retrieved",
    )


@route("GET", "/files/{fileId}/content", "read")
def file_content(ctx: Ctx) -> Reply:
    rec = ctx.store.get_file(ctx.params["fileId"])
    raw = ctx.store.file_content[rec["id"]]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "File content is not text", details={"id": rec["id"]}) from None
    return Reply({"content": text}, "File content retrieved")


@route("GET", "/files/{fileId}/download", "read")
def download_file(ctx: Ctx) -> Reply:
    rec = ctx.store.get_file(ctx.params["fileId"])
    filename = (rec["original_filename"] or rec["name"]).replace('"', "")
    return Reply(
        raw=ctx.store.file_content[rec["id"]],
        content_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@route("PUT", "/files/{fileId}", "write")
def update_file(ctx: Ctx) -> Reply:
    rec = ctx.store.get_file(ctx.params["fileId"])
    c = ctx.json_body()
    name = c.string("name", max_length=255)
    content = c.string("content")
    if content is not None and rec["type"] not in CODE_FILE_TYPES:
        c.add(
            "content", "Only reward_function and environment files can have their content updated."
        )
    c.done()
    if name is not None:
        rec["name"] = name
        rec["updated_at"] = iso()
    if content is not None:
        ctx.store.set_file_content(rec["id"], content.encode("utf-8"))
    return Reply(rec, "File updated successfully")


@route("DELETE", "/files/{fileId}", "write")
def delete_file(ctx: Ctx) -> Reply:
    rec = ctx.store.get_file(ctx.params["fileId"])
    force = bool(q_bool(ctx.query, "force", status=400))  # the spec documents 400, not 422
    active = ctx.store.active_runs_using(rec["id"])
    if active:
        raise ApiError(
            400,
            "File is used by active runs and cannot be deleted",
            details={"active_run_ids": active},
        )
    if force:
        del ctx.store.files[rec["id"]]
        del ctx.store.file_content[rec["id"]]
        return Reply(None, "File permanently deleted")
    ctx.store.deleted_files.add(rec["id"])
    return Reply(None, "File deleted")


# ==== runs ======================================================================================


@route("GET", "/runs", "read")
def list_runs(ctx: Ctx) -> Reply:
    page, per_page = page_args(ctx)
    items = newest_first(ctx, list(ctx.store.runs.values()), "run")
    status = q_choice(ctx.query, "status", RUN_STATUSES)
    if status:
        items = [r for r in items if r["status"] == status]
    created_after = ctx.query.get("created_after")
    if created_after is not None:  # "" is not a date-time either
        after = parse_datetime(created_after, "created_after")
        items = [r for r in items if parse_datetime(r["created_at"], "created_at") > after]
    return Reply(paginate(items, page, per_page), "Runs retrieved")


@route("POST", "/runs", "write")
def create_run(ctx: Ctx) -> Reply:
    c = ctx.json_body()
    p: dict[str, Any] = {
        "model": c.string("model", required=True),
        "prompt_file_id": c.string("prompt_file_id", required=True),
        "reward_file_id": c.string("reward_file_id", required=True),
        "type": c.string("type", default="reward_function", choices=RUN_TYPES),
        "completion_length": c.integer(
            "completion_length", default=1024, minimum=128, maximum=8192
        ),
        "epochs": c.integer("epochs", default=1, minimum=1, maximum=100),
        "learning_rate_multiplier": c.number(
            "learning_rate_multiplier", default=1.0, exclusive_minimum=0
        ),
        "sft_file_id": c.string("sft_file_id"),
        "tool_ids": c.int_list("tool_ids") or [],
        "package_requirements": c.string_list("package_requirements") or [],
        "hf_token": c.string("hf_token"),
        "use_lora": c.boolean("use_lora", default=False),
        "lora_rank": c.integer("lora_rank", default=16, minimum=0),
        "lora_alpha": c.integer("lora_alpha", default=16, minimum=0),
        "lora_dropout": c.number("lora_dropout", default=0.0, minimum=0, maximum=1),
    }
    store = ctx.store
    for fld, expected in (
        ("prompt_file_id", ("prompt",)),
        ("reward_file_id", CODE_FILE_TYPES),
        ("sft_file_id", ("sft",)),
    ):
        fid = p[fld]
        if fid is None or fld in c.errors:
            continue
        f = store.files.get(fid)
        if f is None or fid in store.deleted_files:
            c.add(fld, f"The selected {fld} is invalid (no such file).")
        elif f["type"] not in expected:
            c.add(
                fld, f"The selected {fld} is a {f['type']} file; expected {' or '.join(expected)}."
            )
    for tid in p["tool_ids"]:
        if tid not in store.tools:
            c.add("tool_ids", f"Tool {tid} does not exist.")
    c.done()
    return Reply(store.add_run(p), "Run created successfully", CREATED)


@route("GET", "/runs/{id}", "read")
def get_run(ctx: Ctx) -> Reply:
    run_id = ctx.int_param("id", "Run")
    return Reply(ctx.store.advance_run(run_id), "Run retrieved")


@route("GET", "/runs/{id}/history", "read")
def run_history(ctx: Ctx) -> Reply:
    run_id = ctx.int_param("id", "Run")
    ctx.store.get_run(run_id)
    return Reply(
        {"run_id": run_id, "history": list(ctx.store.run_history[run_id])}, "Run history retrieved"
    )


@route("GET", "/runs/{id}/logs", "read")
def run_logs(ctx: Ctx) -> Reply:
    run_id = ctx.int_param("id", "Run")
    run = ctx.store.get_run(run_id)
    last_line = q_int(ctx.query, "last_line", 0, minimum=0)
    limit = q_int(ctx.query, "limit", 100, minimum=1, maximum=1000)
    logs = ctx.store.run_logs[run_id]
    after = [ln for ln in logs if ln["line"] > last_line]
    batch = after[:limit]
    return Reply(
        {
            "run_id": run_id,
            "status": run["status"],
            "lines": batch,
            "last_line": batch[-1]["line"] if batch else last_line,
            "total_lines": len(logs),
            "has_more": len(after) > limit,
        },
        "Run logs retrieved",
    )


#: Pause between steps of a log stream (the stream drives the run forward; see stream_logs).
STREAM_STEP_SECONDS = 0.01
#: A stream of a run that never ends (model contains "stall") is closed after this long.
STREAM_MAX_SECONDS = 30.0


@route("GET", "/runs/{id}/logs/stream", "read")
def stream_logs(ctx: Ctx) -> Reply:
    """SSE: one event per log line, ``id: <line>`` and ``data: {"line", "message", "timestamp"}``.

    Resumes after ``Last-Event-ID`` (or ``?last_line``). The stream follows the run to its end:
    after sending the lines it has, it advances the run one step, and it closes once the run is
    terminal and every line was sent.
    """
    run_id = ctx.int_param("id", "Run")
    store = ctx.store
    store.get_run(run_id)
    start = ctx.headers.get("last-event-id") or ctx.query.get("last_line") or "0"
    sent = int(start) if start.strip().isdigit() else 0

    async def events() -> AsyncIterator[bytes]:
        nonlocal sent
        waited = 0.0
        while True:
            with store.lock:
                pending = [ln for ln in store.run_logs[run_id] if ln["line"] > sent]
                terminal = store.runs[run_id]["status"] in RUN_TERMINAL
            for ln in pending:
                sent = ln["line"]
                yield f"id: {ln['line']}\ndata: {json.dumps(ln)}\n\n".encode()
            if terminal or waited >= STREAM_MAX_SECONDS:
                return
            with store.lock:
                store.advance_run(run_id)
            await asyncio.sleep(STREAM_STEP_SECONDS)
            waited += STREAM_STEP_SECONDS

    return Reply(
        stream=events,
        content_type="text/event-stream; charset=utf-8",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@route("GET", "/runs/{id}/metrics", "read")
def run_metrics(ctx: Ctx) -> Reply:
    run = ctx.store.get_run(ctx.int_param("id", "Run"))
    steps = {"PENDING": 0, "RUNNING": 5, "COMPLETED": 10}.get(
        run["status"], 5 if run["started_at"] else 0
    )
    series = {
        "train/reward_mean": [
            {"step": i * 10, "value": round(0.3 + 0.06 * i, 4)} for i in range(steps)
        ],
        "train/loss": [{"step": i * 10, "value": round(2.0 - 0.15 * i, 4)} for i in range(steps)],
    }
    summary = {k: (v[-1]["value"] if v else None) for k, v in series.items()}
    return Reply(
        {"run_id": run["id"], "wandb_url": run["wandb_url"], "metrics": series, "summary": summary},
        "Run metrics retrieved",
    )


@route("GET", "/runs/{id}/completions", "read")
def run_completions(ctx: Ctx) -> Reply:
    run = ctx.store.get_run(ctx.int_param("id", "Run"))
    n = 3 if run["started_at"] else 0
    completions = [
        {
            "step": 10 * (i + 1),
            "prompt": f"Prompt {i + 1}",
            "completion": f"Completion {i + 1}",
            "reward": 0.5 + 0.1 * i,
        }
        for i in range(n)
    ]
    return Reply(
        {"run_id": run["id"], "completions": completions, "total": n}, "Run completions retrieved"
    )


@route("POST", "/runs/{id}/cancel", "write")
def cancel_run(ctx: Ctx) -> Reply:
    run = ctx.store.get_run(ctx.int_param("id", "Run"))
    if run["status"] in RUN_TERMINAL:  # a no-op, so a cancel that races the end is harmless
        return Reply(None, f"Run {run['id']} is already {run['status']}")
    ctx.store.set_run_status(run["id"], "CANCELLED")
    return Reply(None, "Run cancelled")


# ==== deployments ===============================================================================


def _run_id_from_body(ctx: Ctx) -> int:
    c = ctx.json_body()
    run_id = c.integer("run_id", required=True, minimum=1)
    if run_id is not None and "run_id" not in c.errors and run_id not in ctx.store.runs:
        c.add("run_id", "The selected run_id is invalid (no such run).")
    c.done()
    assert run_id is not None
    return run_id


@route("GET", "/deployments", "write")
def list_deployments(ctx: Ctx) -> Reply:
    page, per_page = page_args(ctx)
    items = newest_first(ctx, list(ctx.store.deployments.values()), "deployment")
    status = q_choice(ctx.query, "status", DEPLOYMENT_STATUSES)
    items = (
        [d for d in items if d["status"] == status]
        if status
        else [d for d in items if d["status"] != "deleted"]
    )
    run_id = q_int(ctx.query, "run_id", 0)
    if run_id:
        items = [d for d in items if d["run_id"] == run_id]
    return Reply(paginate(items, page, per_page), "Deployments retrieved")


@route("GET", "/deployments/{id}", "write")
def get_deployment(ctx: Ctx) -> Reply:
    return Reply(
        ctx.store.advance_deployment(ctx.int_param("id", "Deployment")), "Deployment retrieved"
    )


@route("POST", "/deployments/check", "write")
def check_deployment(ctx: Ctx) -> Reply:
    return Reply(ctx.store.deploy_report(_run_id_from_body(ctx)), "Deployability checked")


@route("POST", "/deployments", "write")
def create_deployment(ctx: Ctx) -> Reply:
    run_id = _run_id_from_body(ctx)
    report = ctx.store.deploy_report(run_id)
    if not report["deployable"]:
        raise ApiError(422, "Run is not deployable", details={"run_id": report["reasons"]})
    return Reply(ctx.store.add_deployment(run_id), "Deployment started", CREATED)


@route("DELETE", "/deployments/{id}", "write")
def delete_deployment(ctx: Ctx) -> Reply:
    dep = ctx.store.get_deployment(ctx.int_param("id", "Deployment"))
    dep["status"] = "deleted"
    dep["updated_at"] = iso()
    return Reply(None, "Deployment deleted")


# ==== tools =====================================================================================


def _check_url(c: Checker, name: str, value: str | None) -> None:
    if value is not None and not re.match(r"https?://[^\s/]+", value):
        c.add(name, f"The {name} field must be a valid http(s) URL.")


@route("GET", "/tools", "read")
def list_tools(ctx: Ctx) -> Reply:
    page, per_page = page_args(ctx)
    items = [
        t
        for t in ctx.store.tools.values()
        if t["is_public"] or t["owner_user_id"] == CURRENT_USER_ID
    ]
    search = (ctx.query.get("search") or "").lower()
    if search:
        items = [
            t
            for t in items
            if search in t["name"].lower() or search in (t["description"] or "").lower()
        ]
    verified = q_bool(ctx.query, "verified")
    if verified is not None:
        items = [t for t in items if t["verified"] == verified]
    if q_bool(ctx.query, "owned_only"):
        items = [t for t in items if t["owner_user_id"] == CURRENT_USER_ID]
    if q_bool(ctx.query, "public_only"):
        items = [t for t in items if t["is_public"]]
    items = sort_items(
        ctx, items, "tool", "id", ("created_at", "updated_at", "name", "usage_count")
    )
    return Reply(paginate(items, page, per_page), "Tools retrieved")


@route("POST", "/tools", "write")
def create_tool(ctx: Ctx) -> Reply:
    c = ctx.json_body()
    name = c.string("name", required=True, max_length=255)
    mcp_url = c.string("mcp_url", required=True)
    description = c.string("description", nullable=True)
    is_public = c.boolean("is_public", default=False)
    _check_url(c, "mcp_url", mcp_url)
    if name and any(
        t["name"] == name and t["owner_user_id"] == CURRENT_USER_ID
        for t in ctx.store.tools.values()
    ):
        c.add("name", "You already have a tool with this name.")
    c.done()
    assert name is not None and mcp_url is not None
    tool = ctx.store.add_tool(
        name=name, mcp_url=mcp_url, description=description, is_public=bool(is_public)
    )
    return Reply(tool, "Tool created successfully", CREATED)


@route("POST", "/tools/test-mcp", "write")
def test_mcp(ctx: Ctx) -> Reply:
    c = ctx.json_body()
    url = c.string("mcp_url", required=True)
    _check_url(c, "mcp_url", url)
    c.done()
    assert url is not None
    ok = "fail" not in url and "unreachable" not in url
    return Reply(
        {
            "mcp_url": url,
            "reachable": ok,
            "latency_ms": 12 if ok else None,
            "protocol_version": "2025-06-18" if ok else None,
            "server_info": {"name": "reference-mcp", "version": "1.0.0"} if ok else None,
            "tools": [{"name": "echo", "description": "Echo the input"}] if ok else [],
            "error": None if ok else "Connection refused",
        },
        "MCP server reachable" if ok else "MCP server unreachable",
    )


@route("GET", "/tools/{id}", "read")
def get_tool(ctx: Ctx) -> Reply:
    return Reply(ctx.store.get_tool(ctx.int_param("id", "Tool")), "Tool retrieved")


@route("PUT", "/tools/{id}", "write")
def update_tool(ctx: Ctx) -> Reply:
    tool = ctx.store.own_tool(ctx.int_param("id", "Tool"))
    c = ctx.json_body()
    name = c.string("name", max_length=255)
    description = c.string("description", nullable=True)
    is_public = c.boolean("is_public")
    mcp_url = c.string("mcp_url")
    _check_url(c, "mcp_url", mcp_url)
    c.done()
    if name is not None:
        tool["name"] = name
    if "description" in c.body:
        tool["description"] = description
    if is_public is not None:
        tool["is_public"] = is_public
    if mcp_url is not None:
        tool["mcp_url"] = mcp_url
    tool["updated_at"] = iso()
    return Reply(tool, "Tool updated successfully")


@route("DELETE", "/tools/{id}", "write")
def delete_tool(ctx: Ctx) -> Reply:
    tool = ctx.store.own_tool(ctx.int_param("id", "Tool"))
    del ctx.store.tools[tool["id"]]
    return Reply(None, "Tool deleted")


# ==== shared configurations =====================================================================


@route("GET", "/shared-configurations", "read")
def list_shared(ctx: Ctx) -> Reply:
    uuids = [u for u, owner in ctx.store.shared_owner.items() if owner == CURRENT_USER_ID]
    uuids.sort(key=lambda u: -ctx.store.order(("shared", u)))
    return Reply([ctx.store.shared_json(u) for u in uuids], "Shared configurations retrieved")


@route("GET", "/shared-configurations/browse", "read")
def browse_shared(ctx: Ctx) -> Reply:
    page, per_page = page_args(ctx)
    visibility = q_choice(ctx.query, "visibility", ("public", "unlisted"))
    model = ctx.query.get("model")
    reward_mode = ctx.query.get("reward_mode")
    search = (ctx.query.get("search") or "").lower()
    uuids = [
        u for u, rec in ctx.store.shared.items() if rec["visibility"] in ("public", "unlisted")
    ]
    uuids.sort(key=lambda u: -ctx.store.order(("shared", u)))
    items = [ctx.store.shared_json(u) for u in uuids]
    if visibility:
        items = [i for i in items if i["visibility"] == visibility]
    if model:
        items = [i for i in items if i["configuration"].get("model") == model]
    if reward_mode:
        items = [i for i in items if i["configuration"].get("reward_mode") == reward_mode]
    if search:
        items = [
            i
            for i in items
            if search in i["name"].lower() or search in (i["description"] or "").lower()
        ]
    return Reply(paginate(items, page, per_page), "Shared configurations retrieved")


@route("GET", "/shared-configurations/{uuid}", "read")
def get_shared(ctx: Ctx) -> Reply:
    rec = ctx.store.get_shared(ctx.params["uuid"])
    rec["stats"]["views"] += 1
    return Reply(
        ctx.store.shared_json(rec["uuid"], with_files=True), "Shared configuration retrieved"
    )


@route("GET", "/shared-configurations/{uuid}/data", "read")
def shared_data(ctx: Ctx) -> Reply:
    store = ctx.store
    rec = store.get_shared(ctx.params["uuid"])

    def preview(fid: str, n: int) -> str | None:
        return (
            "\n".join(store.file_text(fid).splitlines()[:n]) if fid in store.file_content else None
        )

    data = store.shared_json(rec["uuid"], with_files=True)
    data["prompt_preview"] = preview(rec["prompt_file_id"], 5)
    data["reward_code"] = preview(rec["reward_file_id"], 200)
    return Reply(data, "Shared configuration data retrieved")


@route("POST", "/shared-configurations", "write")
def create_shared(ctx: Ctx) -> Reply:
    c = ctx.json_body()
    name = c.string("name", required=True, max_length=255)
    description = c.string("description")  # a string in the spec, not nullable
    visibility = c.string("visibility", required=True, choices=VISIBILITIES)
    prompt_id = c.string("prompt_file_id", required=True)
    reward_id = c.string("reward_file_id", required=True)
    configuration = c.obj("configuration", required=True)
    for fld, fid in (("prompt_file_id", prompt_id), ("reward_file_id", reward_id)):
        if (
            fid is not None
            and fld not in c.errors
            and (fid not in ctx.store.files or fid in ctx.store.deleted_files)
        ):
            c.add(fld, f"The selected {fld} is invalid (no such file).")
    c.done()
    assert name and visibility and prompt_id and reward_id and configuration is not None
    rec = ctx.store.add_shared(
        name=name,
        description=description,
        visibility=visibility,
        prompt_file_id=prompt_id,
        reward_file_id=reward_id,
        configuration=configuration,
    )
    return Reply(ctx.store.shared_json(rec["uuid"]), "Shared configuration created", CREATED)


@route("POST", "/shared-configurations/{uuid}/copy", "write")
def copy_shared(ctx: Ctx) -> Reply:
    store = ctx.store
    src = store.get_shared(ctx.params["uuid"])
    new_ids: dict[str, str | None] = {}
    for fld in ("prompt_file_id", "reward_file_id"):
        old = store.files.get(src[fld])
        if old is None:
            new_ids[fld] = None
            continue
        copy = store.add_file(
            name=old["name"],
            file_type=old["type"],
            content=store.file_content[old["id"]],
            original_filename=old["original_filename"],
            mime_type=old["mime_type"],
        )
        new_ids[fld] = copy["id"]
    rec = store.add_shared(
        name=f"{src['name']} (copy)",
        description=src["description"],
        visibility="private",
        prompt_file_id=new_ids["prompt_file_id"] or src["prompt_file_id"],
        reward_file_id=new_ids["reward_file_id"] or src["reward_file_id"],
        configuration=src["configuration"],
    )
    src["stats"]["copies"] += 1
    return Reply(
        {
            "uuid": rec["uuid"],
            "source_uuid": src["uuid"],
            "prompt_file_id": rec["prompt_file_id"],
            "reward_file_id": rec["reward_file_id"],
            "configuration": dict(rec["configuration"]),
        },
        "Configuration copied to your account",
        CREATED,
    )


@route("POST", "/shared-configurations/{uuid}/like", "write")
def like_shared(ctx: Ctx) -> Reply:
    rec = ctx.store.get_shared(ctx.params["uuid"])
    likes = ctx.store.shared_likes[rec["uuid"]]
    if CURRENT_USER_ID in likes:
        likes.discard(CURRENT_USER_ID)
        liked = False
    else:
        likes.add(CURRENT_USER_ID)
        liked = True
    return Reply(
        {"uuid": rec["uuid"], "liked": liked, "likes_count": len(likes)},
        "Liked" if liked else "Unliked",
    )


@route("PUT", "/shared-configurations/{uuid}", "write")
def update_shared(ctx: Ctx) -> Reply:
    rec = ctx.store.own_shared(ctx.params["uuid"])
    c = ctx.json_body()
    name = c.string("name", max_length=255)
    description = c.string("description")  # a string in the spec, not nullable
    visibility = c.string("visibility", choices=VISIBILITIES)
    configuration = c.obj("configuration")
    c.done()
    if name is not None:
        rec["name"] = name
    if description is not None:
        rec["description"] = description
    if visibility is not None:
        rec["visibility"] = visibility
    if configuration is not None:
        rec["configuration"] = configuration
    rec["updated_at"] = iso()
    return Reply(ctx.store.shared_json(rec["uuid"]), "Shared configuration updated")


@route("DELETE", "/shared-configurations/{uuid}", "write")
def delete_shared(ctx: Ctx) -> Reply:
    rec = ctx.store.own_shared(ctx.params["uuid"])
    del ctx.store.shared[rec["uuid"]]
    del ctx.store.shared_owner[rec["uuid"]]
    del ctx.store.shared_likes[rec["uuid"]]
    return Reply(None, "Shared configuration deleted")


# ==== validation ================================================================================


def _validation(
    errors: list[dict[str, Any]],
    *,
    details: dict[str, Any] | None = None,
    counts: dict[str, int] | None = None,
) -> Reply:
    """ValidationResponse: valid, error (the first problem), errors [{line, message}], details,
    counts."""
    valid = not errors
    data = {
        "valid": valid,
        "error": None if valid else errors[0]["message"],
        "errors": errors,
        "details": details,
        "counts": counts or {},
    }
    return Reply(data, "Validation passed" if valid else "Validation failed")


def _existing_file(ctx: Ctx, c: Checker, fld: str, fid: str | None) -> None:
    """A file id in a body that names no file is a 422 on that field (not a 404)."""
    if fid is not None and fld not in c.errors:
        if fid not in ctx.store.files or fid in ctx.store.deleted_files:
            c.add(fld, f"The selected {fld} is invalid (no such file).")


def _file_for_validation(ctx: Ctx, c: Checker, fld: str) -> dict[str, Any]:
    fid = c.string(fld, required=True)
    _existing_file(ctx, c, fld, fid)
    c.done()
    assert fid is not None
    return ctx.store.get_file(fid)


@route("POST", "/validation/reward-function", "read")
def validate_reward(ctx: Ctx) -> Reply:
    c = ctx.json_body()
    code = c.string("functionCode", required=True)
    mode = c.string(
        "mode", default="function", choices=("function", "reward_function", "environment")
    )
    prompt_id = c.string("prompt_file_id")
    _existing_file(ctx, c, "prompt_file_id", prompt_id)
    c.done()
    assert code is not None
    errors: list[dict[str, Any]] = []
    try:
        compile(code, "<reward>", "exec")
    except SyntaxError as exc:
        errors.append({"line": exc.lineno, "message": f"SyntaxError: {exc.msg}"})
    if not errors:
        if mode == "environment":
            if not re.search(r"^class \w+", code, re.M):
                errors.append({"line": None, "message": "No environment class found"})
            elif not re.search(r"def setup\(", code) or not re.search(r"def step\(", code):
                errors.append(
                    {"line": None, "message": "Environment class must define setup() and step()"}
                )
        elif not re.search(r"^def reward_fn\(", code, re.M):
            errors.append(
                {"line": None, "message": "No reward_fn(completion, **kwargs) function found"}
            )
    return _validation(errors, details={"mode": mode})


def _jsonl_errors(text: str, required_key: str) -> tuple[list[dict[str, Any]], int]:
    errors: list[dict[str, Any]] = []
    count = 0
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        count += 1
        try:
            obj = json.loads(line)
        except ValueError as exc:
            errors.append({"line": i, "message": f"Invalid JSON: {exc}"})
            continue
        if not isinstance(obj, dict) or required_key not in obj:
            errors.append({"line": i, "message": f"Missing required key {required_key!r}"})
        elif not isinstance(obj[required_key], list):
            errors.append({"line": i, "message": f"{required_key!r} must be a list of messages"})
    if count == 0:
        errors.append({"line": None, "message": "File is empty"})
    return errors, count


@route("POST", "/validation/prompt", "read")
def validate_prompt(ctx: Ctx) -> Reply:
    f = _file_for_validation(ctx, ctx.json_body(), "prompt_file_id")
    errors, count = _jsonl_errors(ctx.store.file_text(f["id"]), "prompt")
    bad_lines = len({e["line"] for e in errors if e["line"]})
    return _validation(errors, counts={"total_lines": count, "valid_lines": count - bad_lines})


@route("POST", "/validation/sft", "read")
def validate_sft(ctx: Ctx) -> Reply:
    f = _file_for_validation(ctx, ctx.json_body(), "sft_file_id")
    errors, count = _jsonl_errors(ctx.store.file_text(f["id"]), "messages")
    bad_lines = len({e["line"] for e in errors if e["line"]})
    return _validation(errors, counts={"total_lines": count, "valid_lines": count - bad_lines})


# ==== search ====================================================================================


@route("GET", "/search", "read")
def search(ctx: Ctx) -> Reply:
    q = (ctx.query.get("q") or "").strip().lower()
    if not q:
        raise ApiError(
            422, "The given data was invalid.", details={"q": ["The q field is required."]}
        )
    store = ctx.store
    runs = [
        r
        for r in newest_first(ctx, list(store.runs.values()), "run")
        if q in r["model"].lower() or q == str(r["id"])
    ]
    tools = [
        t
        for t in store.tools.values()
        if (t["is_public"] or t["owner_user_id"] == CURRENT_USER_ID)
        and (q in t["name"].lower() or q in (t["description"] or "").lower())
    ]
    files = [
        f
        for f in store.visible_files()
        if q in f["name"].lower() or q in (f["original_filename"] or "").lower()
    ]
    return Reply({"query": q, "runs": runs, "tools": tools, "files": files}, "Search results")


# ==== API keys ==================================================================================


@route("GET", "/keys", "read")
def list_keys(ctx: Ctx) -> Reply:
    return Reply([k.to_json(ctx.now) for k in ctx.store.keys.values()], "API keys retrieved")


@route("POST", "/keys", "write")
def create_key(ctx: Ctx) -> Reply:
    c = ctx.json_body()
    name = c.string("name", required=True, max_length=255)
    scopes = c.string_list("scopes", choices=SCOPES)
    rph = c.integer("requests_per_hour", default=10_000, minimum=1, maximum=1_000_000)
    expires_at = c.string("expires_at", nullable=True)
    if expires_at is not None and "expires_at" not in c.errors:
        try:
            parse_datetime(expires_at, "expires_at")
        except ApiError:
            c.add("expires_at", "The expires_at field must be an ISO 8601 date-time.")
    c.done()
    assert name is not None and rph is not None
    token = f"rl_{secrets.token_hex(4)}_{secrets.token_hex(16)}"
    rec = ctx.store.add_key(
        token,
        scopes if scopes is not None else ["read", "write"],
        requests_per_hour=rph,
        name=name,
        expires_at=expires_at,
    )
    return Reply(
        {
            "api_key": rec.to_json(ctx.now),
            "token": token,
            "warning": "Store this token securely. It will not be shown again.",
        },
        "API key created",
        CREATED,
    )


@route("PUT", "/keys/{id}", "write")
def update_key(ctx: Ctx) -> Reply:
    rec = ctx.store.get_key(ctx.int_param("id", "API key"))
    c = ctx.json_body()
    name = c.string("name", max_length=255)
    active = c.boolean("active")
    scopes = c.string_list("scopes", choices=SCOPES)
    rph = c.integer("requests_per_hour", minimum=1, maximum=1_000_000)
    # expires_at is nullable: null clears the expiry, a date-time sets it, absent leaves it.
    body = ctx.json if isinstance(ctx.json, dict) else {}
    clear_expiry = "expires_at" in body and body["expires_at"] is None
    expires_at = None if clear_expiry else c.string("expires_at")
    if expires_at is not None and "expires_at" not in c.errors:
        try:
            parse_datetime(expires_at, "expires_at")
        except ApiError:
            c.add("expires_at", "The expires_at field must be an ISO 8601 date-time.")
    c.done()
    if clear_expiry:
        rec.expires_at = None
    elif expires_at is not None:
        rec.expires_at = expires_at
    if name is not None:
        rec.name = name
    if active is not None:
        rec.active = active
    if scopes is not None:
        rec.scopes = scopes
    if rph is not None:
        rec.requests_per_hour = rph
    return Reply(rec.to_json(ctx.now), "API key updated")


@route("GET", "/keys/{id}/usage", "read")
def key_usage(ctx: Ctx) -> Reply:
    rec = ctx.store.get_key(ctx.int_param("id", "API key"))
    used, reset = rec.rate_window(ctx.now)
    return Reply(
        {
            "key_id": rec.id,
            "total_requests": rec.total_requests,
            "requests_this_hour": used,
            "requests_per_hour": rec.requests_per_hour,
            "remaining_requests": max(0, rec.requests_per_hour - used),
            "reset_at": reset,
            "last_used_at": rec.last_used_at,
        },
        "API key usage retrieved",
    )


@route("DELETE", "/keys/{id}", "write")
def delete_key(ctx: Ctx) -> Reply:
    rec = ctx.store.get_key(ctx.int_param("id", "API key"))
    del ctx.store.keys[rec.id]
    return Reply(None, "API key deleted")
