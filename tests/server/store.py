"""In-memory state of the reference server: the account's resources and how they evolve.

Everything here is synchronous and is called with ``Store.lock`` held (the app takes it around
every handler), so tests may also call these methods directly from the test thread, e.g. to
seed data owned by another user or to push a run to a given status.
"""

from __future__ import annotations

import itertools
import math
import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .errors import ApiError, not_found

PUBLIC_BASE = "https://runrl.com/api/v1"
FILE_TYPES = ("prompt", "reward_function", "environment", "sft")
CODE_FILE_TYPES = ("reward_function", "environment")
RUN_TYPES = ("reward_function", "environment")
RUN_TERMINAL = ("COMPLETED", "FAILED", "CANCELLED")
DEPLOYMENT_TERMINAL = ("active", "failed", "deleted")
VISIBILITIES = ("public", "unlisted", "private")
SCOPES = ("read", "write", "admin")
DEFAULT_RATE_LIMIT = 10_000

#: The user every configured token belongs to. Data of "other users" uses other ids.
CURRENT_USER_ID = 1
USER_NAMES = {1: "Test User", 2: "Other User"}


def now() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime | None = None) -> str:
    return (dt or now()).isoformat().replace("+00:00", "Z")


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def paginate(items: Sequence[dict[str, Any]], page: int, per_page: int) -> dict[str, Any]:
    """The page envelope of GET /files, /runs, /deployments, /tools, /shared-configurations/browse
    (data = {"items": [...], "pagination": {...}})."""
    total = len(items)
    total_pages = max(1, math.ceil(total / per_page))
    start = (page - 1) * per_page
    return {
        "items": list(items[start : start + per_page]),
        "pagination": {
            "page": page,
            "per_page": per_page,
            "total": total,
            "total_pages": total_pages,
            "has_more": page < total_pages,
        },
    }


@dataclass
class ApiKeyRecord:
    id: int
    name: str
    token: str
    scopes: list[str]
    requests_per_hour: int = DEFAULT_RATE_LIMIT
    active: bool = True
    expires_at: str | None = None
    created_at: str = field(default_factory=iso)
    last_used_at: str | None = None
    total_requests: int = 0
    window_start: int = 0  # unix hour bucket start of the rate-limit window
    window_count: int = 0

    def masked(self) -> str:
        return f"{self.token[:8]}...{self.token[-4:]}" if len(self.token) > 12 else "rl_****"

    def rate_window(self, at: float) -> tuple[int, int]:
        """(requests used in the current window, unix second the window resets)."""
        bucket = int(at // 3600) * 3600
        if bucket != self.window_start:
            self.window_start, self.window_count = bucket, 0
        return self.window_count, bucket + 3600

    def remaining(self, at: float) -> int:
        used, _ = self.rate_window(at)
        return max(0, self.requests_per_hour - used)

    def to_json(self, at: float) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "scopes": list(self.scopes),
            "masked_key": self.masked(),
            "active": self.active,
            "requests_per_hour": self.requests_per_hour,
            "remaining_requests": self.remaining(at),
            "total_requests": self.total_requests,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
        }


class Store:
    """The account's resources. ``reset()`` returns to the initial state (only the API keys)."""

    def __init__(
        self, tokens: Mapping[str, Sequence[str]], rate_limit: int = DEFAULT_RATE_LIMIT
    ) -> None:
        self.lock = threading.RLock()
        self._initial_tokens = {t: list(s) for t, s in tokens.items()}
        self._rate_limit = rate_limit
        self.reset()

    # -- lifecycle --------------------------------------------------------------------------------

    def reset(self) -> None:
        with self.lock:
            self._seq = itertools.count(1)
            self._ids: dict[str, itertools.count[int]] = {}
            self.files: dict[str, dict[str, Any]] = {}
            self.file_content: dict[str, bytes] = {}
            self.file_owner: dict[str, int] = {}
            self.deleted_files: set[str] = set()
            self.runs: dict[int, dict[str, Any]] = {}
            self.run_history: dict[int, list[dict[str, Any]]] = {}
            self.run_logs: dict[int, list[dict[str, Any]]] = {}
            self.deployments: dict[int, dict[str, Any]] = {}
            self.tools: dict[int, dict[str, Any]] = {}
            self.shared: dict[str, dict[str, Any]] = {}
            self.shared_owner: dict[str, int] = {}
            self.shared_likes: dict[str, set[int]] = {}
            self.keys: dict[int, ApiKeyRecord] = {}
            self._order: dict[object, int] = {}
            for token, scopes in self._initial_tokens.items():
                self.add_key(
                    token, scopes, requests_per_hour=self._rate_limit, name=f"key {token[:10]}"
                )

    def next_id(self, kind: str) -> int:
        return next(self._ids.setdefault(kind, itertools.count(1)))

    def _stamp(self, key: object) -> None:
        """Creation order, used to sort lists stably (timestamps can tie)."""
        self._order[key] = next(self._seq)

    def order(self, key: object) -> int:
        return self._order.get(key, 0)

    # -- API keys / auth --------------------------------------------------------------------------

    def add_key(
        self,
        token: str,
        scopes: Iterable[str],
        *,
        requests_per_hour: int = DEFAULT_RATE_LIMIT,
        name: str | None = None,
        expires_at: str | None = None,
    ) -> ApiKeyRecord:
        with self.lock:
            key_id = self.next_id("key")
            rec = ApiKeyRecord(
                id=key_id,
                name=name or f"key {key_id}",
                token=token,
                scopes=list(scopes),
                requests_per_hour=requests_per_hour,
                expires_at=expires_at,
            )
            self.keys[key_id] = rec
            return rec

    def key_for_token(self, token: str) -> ApiKeyRecord | None:
        for rec in self.keys.values():
            if rec.token == token:
                return rec
        return None

    def get_key(self, key_id: int) -> ApiKeyRecord:
        if key_id not in self.keys:
            raise not_found("API key", key_id)
        return self.keys[key_id]

    # -- files ------------------------------------------------------------------------------------

    def add_file(
        self,
        *,
        name: str,
        file_type: str,
        content: bytes,
        original_filename: str | None = None,
        mime_type: str | None = None,
        owner_user_id: int = CURRENT_USER_ID,
        file_id: str | None = None,
    ) -> dict[str, Any]:
        """Store a file; tests may choose its id (e.g. the spec's example UUID)."""
        with self.lock:
            file_id = file_id or str(uuid.uuid4())
            stamp = iso()
            if original_filename is None:
                ext = ".py" if file_type in CODE_FILE_TYPES else ".jsonl"
                original_filename = name if "." in name else name + ext
            if mime_type is None:
                mime_type = "text/x-python" if file_type in CODE_FILE_TYPES else "application/jsonl"
            rec = {
                "id": file_id,
                "name": name,
                "original_filename": original_filename,
                "type": file_type,
                "file_size": len(content),
                "file_size_human": human_size(len(content)),
                "mime_type": mime_type,
                "created_at": stamp,
                "updated_at": stamp,
                "download_url": f"{PUBLIC_BASE}/files/{file_id}/download",
                "content_url": f"{PUBLIC_BASE}/files/{file_id}/content",
                "preview_url": f"{PUBLIC_BASE}/files/{file_id}/preview",
            }
            self.files[file_id] = rec
            self.file_content[file_id] = content
            self.file_owner[file_id] = owner_user_id
            self._stamp(("file", file_id))
            return rec

    def get_file(self, file_id: str) -> dict[str, Any]:
        rec = self.files.get(file_id)
        if rec is None or file_id in self.deleted_files:
            raise not_found("File", file_id)
        return rec

    def visible_files(self) -> list[dict[str, Any]]:
        return [
            f
            for fid, f in self.files.items()
            if fid not in self.deleted_files and self.file_owner.get(fid) == CURRENT_USER_ID
        ]

    def set_file_content(self, file_id: str, content: bytes) -> None:
        rec = self.get_file(file_id)
        self.file_content[file_id] = content
        rec["file_size"] = len(content)
        rec["file_size_human"] = human_size(len(content))
        rec["updated_at"] = iso()

    def file_text(self, file_id: str) -> str:
        return self.file_content[file_id].decode("utf-8", errors="replace")

    def file_ref(self, file_id: str | None) -> dict[str, Any] | None:
        if file_id is None or file_id not in self.files:
            return None
        f = self.files[file_id]
        return {"id": f["id"], "name": f["name"], "type": f["type"]}

    def active_runs_using(self, file_id: str) -> list[int]:
        out = []
        for run in self.runs.values():
            if run["status"] in RUN_TERMINAL:
                continue
            refs = (run.get("prompt_file"), run.get("reward_file"), run.get("sft_file"))
            if any(r is not None and r["id"] == file_id for r in refs):
                out.append(run["id"])
        return out

    # -- runs -------------------------------------------------------------------------------------

    @staticmethod
    def run_payload(
        model: str, prompt_file_id: str, reward_file_id: str, **params: Any
    ) -> dict[str, Any]:
        """A POST /runs body with the server's defaults applied (what ``add_run`` takes):
        a reward-function run of ``model`` on two files; ``params`` override or add fields."""
        return {
            "model": model,
            "prompt_file_id": prompt_file_id,
            "reward_file_id": reward_file_id,
            "type": "reward_function",
            "completion_length": 1024,
            "epochs": 1,
            "learning_rate_multiplier": 1.0,
            "tool_ids": [],
            "package_requirements": [],
            **params,
        }

    def add_run(self, payload: dict[str, Any]) -> dict[str, Any]:
        """``payload`` is the validated POST /runs body with defaults applied."""
        with self.lock:
            run_id = self.next_id("run")
            stamp = iso()
            tools = [
                {"id": t["id"], "name": t["name"], "mcp_url": t["mcp_url"]}
                for tid in payload.get("tool_ids") or []
                if (t := self.tools.get(tid)) is not None
            ]
            params_keys = (
                "completion_length",
                "epochs",
                "learning_rate_multiplier",
                "use_lora",
                "lora_rank",
                "lora_alpha",
                "lora_dropout",
                "package_requirements",
                "tool_ids",
            )
            run = {
                "id": run_id,
                "status": "PENDING",
                "type": payload["type"],
                "model": payload["model"],
                "parameters": {k: payload.get(k) for k in params_keys},
                "uses_tools": bool(tools),
                "progress": 0.0,
                "created_at": stamp,
                "updated_at": stamp,
                "started_at": None,
                "completed_at": None,
                "error_message": None,
                "wandb_url": None,
                "hf_name": None,
                "prompt_file": self.file_ref(payload["prompt_file_id"]),
                "reward_file": self.file_ref(payload["reward_file_id"]),
                "sft_file": self.file_ref(payload.get("sft_file_id")),
                "tools": tools,
            }
            self.runs[run_id] = run
            self.run_history[run_id] = []
            self.run_logs[run_id] = []
            self._stamp(("run", run_id))
            self._history(run_id, "PENDING", "Run created and queued")
            self._log(run_id, f"Run {run_id} queued: model {run['model']}, type {run['type']}")
            for t in tools:
                self.tools[t["id"]]["usage_count"] += 1
            return run

    def get_run(self, run_id: int) -> dict[str, Any]:
        if run_id not in self.runs:
            raise not_found("Run", run_id)
        return self.runs[run_id]

    def _history(self, run_id: int, status: str, message: str) -> None:
        self.run_history[run_id].append({"status": status, "timestamp": iso(), "message": message})

    def _log(self, run_id: int, message: str) -> None:
        logs = self.run_logs[run_id]
        logs.append({"line": len(logs) + 1, "message": message, "timestamp": iso()})

    def advance_run(self, run_id: int) -> dict[str, Any]:
        """One step of the simulated lifecycle: PENDING -> RUNNING -> COMPLETED (or FAILED when
        the model name contains "fail"; a model containing "stall" stays RUNNING)."""
        with self.lock:
            run = self.get_run(run_id)
            status = run["status"]
            model = str(run["model"]).lower()
            if status == "PENDING":
                self.set_run_status(run_id, "RUNNING")
            elif status == "RUNNING" and "stall" not in model:
                self.set_run_status(run_id, "FAILED" if "fail" in model else "COMPLETED")
            return run

    def set_run_status(
        self, run_id: int, status: str, *, error_message: str | None = None
    ) -> dict[str, Any]:
        """Put a run in ``status`` with the side effects of that transition (logs, history, ...)."""
        with self.lock:
            run = self.get_run(run_id)
            stamp = iso()
            run["status"] = status
            run["updated_at"] = stamp
            epochs = run["parameters"].get("epochs") or 1
            if status == "RUNNING":
                run["progress"] = 0.5
                run["started_at"] = run["started_at"] or stamp
                self._history(run_id, status, "Training started")
                self._log(run_id, f"Starting training of {run['model']}")
                self._log(run_id, f"Epoch 1/{epochs}: step 10, reward_mean=0.412, loss=1.873")
                self._log(run_id, f"Epoch 1/{epochs}: step 20, reward_mean=0.538, loss=1.402")
            elif status == "COMPLETED":
                run["progress"] = 1.0
                run["completed_at"] = stamp
                run["hf_name"] = f"runrl/run-{run_id}"
                run["wandb_url"] = f"https://wandb.ai/runrl/runs/run-{run_id}"
                self._history(run_id, status, "Training completed")
                self._log(
                    run_id, f"Epoch {epochs}/{epochs}: step 40, reward_mean=0.861, loss=0.512"
                )
                self._log(run_id, f"Checkpoint pushed to {run['hf_name']}")
                self._log(run_id, "Training completed")
            elif status == "FAILED":
                run["completed_at"] = stamp
                run["error_message"] = error_message or (
                    f"Training failed: model {run['model']!r} could not be loaded"
                )
                self._history(run_id, status, run["error_message"])
                self._log(run_id, f"ERROR: {run['error_message']}")
            elif status == "CANCELLED":
                run["completed_at"] = stamp
                self._history(run_id, status, "Run cancelled by user")
                self._log(run_id, "Run cancelled by user")
            else:
                self._history(run_id, status, f"Status changed to {status}")
            return run

    # -- deployments ------------------------------------------------------------------------------

    def deploy_report(self, run_id: int) -> dict[str, Any]:
        run = self.get_run(run_id)
        already = [
            d["id"]
            for d in self.deployments.values()
            if d["run_id"] == run_id and d["status"] != "deleted"
        ]
        checks = {
            "run_completed": run["status"] == "COMPLETED",
            "checkpoint_exists": run["hf_name"] is not None,
            "not_already_deployed": not already,
        }
        reasons = []
        if not checks["run_completed"]:
            reasons.append(f"Run {run_id} is {run['status']}, not COMPLETED")
        if not checks["checkpoint_exists"]:
            reasons.append("No Hugging Face checkpoint exists for this run")
        if not checks["not_already_deployed"]:
            reasons.append(f"Run {run_id} is already deployed (deployment {already[0]})")
        return {
            "run_id": run_id,
            "deployable": not reasons,
            "reasons": reasons,
            "checks": checks,
            "hf_name": run["hf_name"],
            "base_model": run["model"],
        }

    def add_deployment(self, run_id: int) -> dict[str, Any]:
        with self.lock:
            run = self.get_run(run_id)
            dep_id = self.next_id("deployment")
            stamp = iso()
            dep = {
                "id": dep_id,
                "run_id": run_id,
                "base_model": run["model"],
                "api_url": f"https://inference.runrl.com/v1/deployments/{dep_id}",
                "status": "pending",
                "created_at": stamp,
                "updated_at": stamp,
                "run": {
                    "id": run_id,
                    "model": run["model"],
                    "status": run["status"],
                    "hf_name": run["hf_name"],
                },
            }
            self.deployments[dep_id] = dep
            self._stamp(("deployment", dep_id))
            return dep

    def get_deployment(self, dep_id: int) -> dict[str, Any]:
        if dep_id not in self.deployments:
            raise not_found("Deployment", dep_id)
        return self.deployments[dep_id]

    def advance_deployment(self, dep_id: int) -> dict[str, Any]:
        """pending -> deploying -> active (failed when the run's model contains "deploy-fail")."""
        with self.lock:
            dep = self.get_deployment(dep_id)
            if dep["status"] == "pending":
                dep["status"] = "deploying"
            elif dep["status"] == "deploying":
                dep["status"] = "failed" if "deploy-fail" in dep["base_model"].lower() else "active"
            dep["updated_at"] = iso()
            return dep

    # -- tools ------------------------------------------------------------------------------------

    def add_tool(
        self,
        *,
        name: str,
        mcp_url: str,
        description: str | None = None,
        is_public: bool = False,
        verified: bool = False,
        owner_user_id: int = CURRENT_USER_ID,
    ) -> dict[str, Any]:
        with self.lock:
            tool_id = self.next_id("tool")
            stamp = iso()
            tool = {
                "id": tool_id,
                "name": name,
                "description": description,
                "mcp_url": mcp_url,
                "owner_user_id": owner_user_id,
                "is_public": is_public,
                "verified": verified,
                "usage_count": 0,
                "created_at": stamp,
                "updated_at": stamp,
            }
            self.tools[tool_id] = tool
            self._stamp(("tool", tool_id))
            return tool

    def get_tool(self, tool_id: int) -> dict[str, Any]:
        tool = self.tools.get(tool_id)
        if tool is None or (not tool["is_public"] and tool["owner_user_id"] != CURRENT_USER_ID):
            raise not_found("Tool", tool_id)
        return tool

    def own_tool(self, tool_id: int) -> dict[str, Any]:
        tool = self.get_tool(tool_id)
        if tool["owner_user_id"] != CURRENT_USER_ID:
            raise ApiError(
                403, "Only the owner of a tool can change it", details={"tool_id": tool_id}
            )
        return tool

    # -- shared configurations --------------------------------------------------------------------

    def add_shared(
        self,
        *,
        name: str,
        visibility: str,
        prompt_file_id: str,
        reward_file_id: str,
        configuration: dict[str, Any],
        description: str | None = None,
        owner_user_id: int = CURRENT_USER_ID,
    ) -> dict[str, Any]:
        with self.lock:
            cfg_uuid = str(uuid.uuid4())
            stamp = iso()
            rec = {
                "uuid": cfg_uuid,
                "name": name,
                "description": description,
                "visibility": visibility,
                "configuration": dict(configuration),
                "shareable_url": f"https://runrl.com/shared/{cfg_uuid}",
                "stats": {"views": 0, "copies": 0, "likes": 0},
                "creator": {
                    "id": owner_user_id,
                    "name": USER_NAMES.get(owner_user_id, f"User {owner_user_id}"),
                },
                "prompt_file_id": prompt_file_id,
                "reward_file_id": reward_file_id,
                "created_at": stamp,
                "updated_at": stamp,
            }
            self.shared[cfg_uuid] = rec
            self.shared_owner[cfg_uuid] = owner_user_id
            self.shared_likes[cfg_uuid] = set()
            self._stamp(("shared", cfg_uuid))
            return rec

    def shared_json(self, cfg_uuid: str, *, with_files: bool = False) -> dict[str, Any]:
        rec = dict(self.shared[cfg_uuid])
        rec["is_owner"] = self.shared_owner[cfg_uuid] == CURRENT_USER_ID
        rec["liked"] = CURRENT_USER_ID in self.shared_likes[cfg_uuid]
        rec["stats"] = dict(rec["stats"], likes=len(self.shared_likes[cfg_uuid]))
        rec["files"] = (
            {
                "prompt_file": self.file_ref(rec["prompt_file_id"]),
                "reward_file": self.file_ref(rec["reward_file_id"]),
            }
            if with_files
            else None
        )
        return rec

    def get_shared(self, cfg_uuid: str) -> dict[str, Any]:
        rec = self.shared.get(cfg_uuid)
        if rec is None:
            raise not_found("Shared configuration", cfg_uuid)
        if rec["visibility"] == "private" and self.shared_owner[cfg_uuid] != CURRENT_USER_ID:
            raise ApiError(403, "This configuration is private", details={"uuid": cfg_uuid})
        return rec

    def own_shared(self, cfg_uuid: str) -> dict[str, Any]:
        rec = self.get_shared(cfg_uuid)
        if self.shared_owner[cfg_uuid] != CURRENT_USER_ID:
            raise ApiError(
                403, "Only the owner can change this configuration", details={"uuid": cfg_uuid}
            )
        return rec
