"""The reference server itself, exercised with plain httpx (not the SDK)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from httpx_sse import connect_sse

from tests.server import ReferenceServer, UploadedFile

pytestmark = pytest.mark.reference_server

PROMPTS = (
    b'{"prompt": [{"role": "user", "content": "What is 2+2?"}], "expected_result": "4"}\n'
    b'{"prompt": [{"role": "user", "content": "Name a fruit."}], "expected_result": "banana"}\n'
    b'{"prompt": [{"role": "user", "content": "Name a colour."}]}\n'
)
REWARD = "def reward_fn(completion, **kwargs):\n    return 1.0\n"


@pytest.fixture
def client(reference_server: ReferenceServer) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=reference_server.base_url, headers=reference_server.auth_headers(), timeout=10
    ) as c:
        yield c


def ok(response: httpx.Response, status: int = 200) -> Any:
    """Assert a success envelope and return its data."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is True
    assert isinstance(body["message"], str)
    assert set(body) == {"success", "message", "data"}
    return body["data"]


def err(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """Assert an error envelope and return it."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is False
    assert body["error"] == code
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["details"], dict)
    return body  # type: ignore[no-any-return]


def upload_prompt(client: httpx.Client, name: str = "Prompts") -> dict[str, Any]:
    data: dict[str, Any] = ok(
        client.post(
            "/files",
            files={"file": ("prompts.jsonl", PROMPTS, "application/jsonl")},
            data={"type": "prompt", "name": name},
        ),
        201,
    )
    return data


def create_reward(client: httpx.Client, name: str = "Reward") -> dict[str, Any]:
    data: dict[str, Any] = ok(
        client.post("/files", json={"name": name, "content": REWARD, "type": "reward_function"}),
        201,
    )
    return data


def create_run(
    client: httpx.Client, model: str = "Qwen/Qwen2.5-3B", **extra: Any
) -> dict[str, Any]:
    p = upload_prompt(client)
    r = create_reward(client)
    body = {"model": model, "prompt_file_id": p["id"], "reward_file_id": r["id"], **extra}
    data: dict[str, Any] = ok(client.post("/runs", json=body), 201)
    return data


def complete_run(client: httpx.Client, run_id: int) -> dict[str, Any]:
    run: dict[str, Any] = {}
    for _ in range(5):
        run = ok(client.get(f"/runs/{run_id}"))
        if run["status"] in ("COMPLETED", "FAILED", "CANCELLED"):
            break
    return run


# ==== envelope, headers, auth ==========


def test_health_envelope_and_rate_limit_headers(client: httpx.Client) -> None:
    r = client.get("/health")
    data = ok(r)
    assert data["status"] == "ok"
    assert r.headers["content-type"] == "application/json"
    assert r.headers["X-RateLimit-Limit"] == "10000"
    remaining = int(r.headers["X-RateLimit-Remaining"])
    assert 0 < remaining < 10000
    assert int(r.headers["X-RateLimit-Reset"]) > time.time()
    r2 = client.get("/health")
    assert int(r2.headers["X-RateLimit-Remaining"]) == remaining - 1


def test_rate_limit_headers_on_errors_too(client: httpx.Client) -> None:
    for r in (client.get("/files/nope"), client.get("/health", headers={"Authorization": "x"})):
        assert r.status_code >= 400
        for h in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"):
            assert h in r.headers


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer rl_unknown"}, {"Authorization": "Basic abc"}],
    ids=["missing", "unknown", "not-bearer"],
)
def test_unauthorized(reference_server: ReferenceServer, headers: dict[str, str]) -> None:
    r = httpx.get(reference_server.base_url + "/health", headers=headers)
    err(r, 401, "unauthorized")


def test_forbidden_without_scope(reference_server: ReferenceServer, client: httpx.Client) -> None:
    reference_server.add_token("rl_read_only", ["read"])
    ro = reference_server.auth_headers("rl_read_only")
    assert client.get("/files", headers=ro).status_code == 200
    body = err(client.post("/runs", json={}, headers=ro), 403, "forbidden")
    assert body["details"]["required_scope"] == "write"
    # every deployment endpoint needs write, even GET (rest-api.mdx)
    err(client.get("/deployments", headers=ro), 403, "forbidden")
    # validation and search are read
    assert client.get("/search", params={"q": "x"}, headers=ro).status_code == 200


def test_not_found(client: httpx.Client) -> None:
    err(client.get("/files/00000000-0000-0000-0000-000000000000"), 404, "not_found")
    err(client.get("/runs/999"), 404, "not_found")
    err(client.get("/runs/abc"), 404, "not_found")
    err(client.get("/deployments/5"), 404, "not_found")
    err(client.get("/tools/5"), 404, "not_found")
    err(client.get("/shared-configurations/nope"), 404, "not_found")
    err(client.get("/keys/77/usage"), 404, "not_found")
    err(client.get("/no/such/route"), 404, "not_found")


# ==== files ==========


def test_file_multipart_upload_and_reads(
    client: httpx.Client, reference_server: ReferenceServer
) -> None:
    f = upload_prompt(client, name="Support Prompts")
    assert f["name"] == "Support Prompts"
    assert f["type"] == "prompt"
    assert f["original_filename"] == "prompts.jsonl"
    assert f["file_size"] == len(PROMPTS)
    rec = reference_server.requests_to("POST", "/files")[-1]
    assert rec.form is not None
    assert rec.form["type"] == "prompt"
    assert isinstance(rec.form["file"], UploadedFile) and rec.form["file"].content == PROMPTS

    assert ok(client.get(f"/files/{f['id']}")) == f
    preview = ok(client.get(f"/files/{f['id']}/preview", params={"lines": 2}))
    assert preview["lines"] == PROMPTS.decode().splitlines()[:2]
    assert preview["total_lines"] == 3 and preview["truncated"] is True
    assert ok(client.get(f"/files/{f['id']}/content")) == {"content": PROMPTS.decode()}

    dl = client.get(f"/files/{f['id']}/download")
    assert dl.status_code == 200
    assert dl.headers["content-type"] == "application/octet-stream"
    assert dl.content == PROMPTS  # raw bytes, not enveloped
    assert "X-RateLimit-Limit" in dl.headers


def test_file_json_create_update_delete(client: httpx.Client) -> None:
    f = create_reward(client)
    assert f["type"] == "reward_function"
    upd = ok(
        client.put(
            f"/files/{f['id']}",
            json={"name": "Renamed", "content": "def reward_fn(c, **k):\n    return 0\n"},
        )
    )
    assert upd["name"] == "Renamed"
    assert ok(client.get(f"/files/{f['id']}/content"))["content"].startswith("def reward_fn(c")
    assert ok(client.delete(f"/files/{f['id']}")) is None
    err(client.get(f"/files/{f['id']}"), 404, "not_found")

    g = create_reward(client)
    assert ok(client.delete(f"/files/{g['id']}", params={"force": "true"})) is None
    err(client.get(f"/files/{g['id']}"), 404, "not_found")


def test_file_create_validation(client: httpx.Client) -> None:
    body = err(client.post("/files", json={"name": "x", "type": "banana"}), 422, "validation_error")
    assert set(body["details"]) == {"content", "type"}
    body = err(
        client.post("/files", files={"file": ("a.txt", b"x")}, data={}), 422, "validation_error"
    )
    assert "type" in body["details"]
    p = upload_prompt(client)
    err(client.put(f"/files/{p['id']}", json={"content": "x"}), 422, "validation_error")


def test_files_pagination_and_filters(client: httpx.Client) -> None:
    for i in range(5):
        upload_prompt(client, name=f"prompt-{i}")
    create_reward(client, name="reward-a")
    page1 = ok(client.get("/files", params={"per_page": 2}))
    assert set(page1) == {"items", "pagination"}
    assert page1["pagination"] == {
        "page": 1,
        "per_page": 2,
        "total": 6,
        "total_pages": 3,
        "has_more": True,
    }
    assert [f["name"] for f in page1["items"]] == ["reward-a", "prompt-4"]  # newest first
    page3 = ok(client.get("/files", params={"per_page": 2, "page": 3}))
    assert page3["pagination"]["has_more"] is False
    assert [f["name"] for f in page3["items"]] == ["prompt-1", "prompt-0"]
    prompts = ok(client.get("/files", params={"type": "prompt", "per_page": 100}))
    assert prompts["pagination"]["total"] == 5
    found = ok(client.get("/files", params={"search": "PROMPT-3"}))
    assert [f["name"] for f in found["items"]] == ["prompt-3"]
    asc = ok(client.get("/files", params={"sort": "name", "direction": "asc"}))
    assert asc["items"][0]["name"] == "prompt-0"
    err(client.get("/files", params={"per_page": 0}), 422, "validation_error")
    err(client.get("/files", params={"type": "nope"}), 422, "validation_error")


# ==== runs ==========


def test_run_create_and_progression(client: httpx.Client) -> None:
    run = create_run(client, epochs=2, tool_ids=[])
    assert run["status"] == "PENDING"
    assert run["progress"] == 0.0
    assert run["parameters"]["completion_length"] == 1024
    assert run["parameters"]["epochs"] == 2
    assert run["parameters"]["use_lora"] is False
    assert run["prompt_file"]["type"] == "prompt"
    second = ok(client.get(f"/runs/{run['id']}"))
    assert (second["status"], second["progress"]) == ("RUNNING", 0.5)
    assert second["started_at"] is not None
    third = ok(client.get(f"/runs/{run['id']}"))
    assert (third["status"], third["progress"]) == ("COMPLETED", 1.0)
    assert third["hf_name"] and third["completed_at"]
    assert ok(client.get(f"/runs/{run['id']}"))["status"] == "COMPLETED"

    history = ok(client.get(f"/runs/{run['id']}/history"))["history"]
    assert [h["status"] for h in history] == ["PENDING", "RUNNING", "COMPLETED"]
    assert all("timestamp" in h for h in history)
    assert ok(client.get(f"/runs/{run['id']}/metrics"))["metrics"]
    assert ok(client.get(f"/runs/{run['id']}/completions"))["completions"]


def test_failing_model_and_cancel(client: httpx.Client) -> None:
    failed = complete_run(client, create_run(client, model="will-fail-model")["id"])
    assert failed["status"] == "FAILED"
    assert failed["error_message"]

    run = create_run(client)
    assert ok(client.post(f"/runs/{run['id']}/cancel")) is None
    assert ok(client.get(f"/runs/{run['id']}"))["status"] == "CANCELLED"
    assert ok(client.post(f"/runs/{run['id']}/cancel")) is None  # terminal: a no-op
    assert ok(client.get(f"/runs/{run['id']}"))["status"] == "CANCELLED"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("completion_length", 127),
        ("completion_length", 8193),
        ("epochs", 0),
        ("epochs", 101),
        ("epochs", "3"),
        ("type", "sft"),
    ],
)
def test_run_validation(client: httpx.Client, field: str, value: Any) -> None:
    p, r = upload_prompt(client), create_reward(client)
    body = {"model": "m", "prompt_file_id": p["id"], "reward_file_id": r["id"], field: value}
    details = err(client.post("/runs", json=body), 422, "validation_error")["details"]
    assert list(details) == [field]
    assert ok(client.get("/runs"))["pagination"]["total"] == 0


def test_run_required_fields(client: httpx.Client) -> None:
    details = err(client.post("/runs", json={}), 422, "validation_error")["details"]
    assert set(details) == {"model", "prompt_file_id", "reward_file_id"}
    details = err(
        client.post(
            "/runs", json={"model": "m", "prompt_file_id": "nope", "reward_file_id": "nope"}
        ),
        422,
        "validation_error",
    )["details"]
    assert set(details) == {"prompt_file_id", "reward_file_id"}
    err(
        client.post("/runs", content=b"{not json", headers={"Content-Type": "application/json"}),
        400,
        "bad_request",
    )


def test_runs_list_filters(client: httpx.Client) -> None:
    a = create_run(client, model="model-a")
    time.sleep(0.01)
    cutoff = ok(client.get("/health"))["timestamp"]
    time.sleep(0.01)
    b = create_run(client, model="model-b")
    ok(client.get(f"/runs/{b['id']}"))  # -> RUNNING
    listing = ok(client.get("/runs"))
    assert [r["id"] for r in listing["items"]] == [b["id"], a["id"]]
    assert [r["id"] for r in ok(client.get("/runs", params={"status": "RUNNING"}))["items"]] == [
        b["id"]
    ]
    assert [
        r["id"] for r in ok(client.get("/runs", params={"created_after": cutoff}))["items"]
    ] == [b["id"]]
    page = ok(client.get("/runs", params={"per_page": 1, "page": 2}))
    assert [r["id"] for r in page["items"]] == [a["id"]]
    assert page["pagination"]["total_pages"] == 2
    err(client.get("/runs", params={"created_after": "yesterday"}), 422, "validation_error")


def test_run_logs_batches(client: httpx.Client) -> None:
    run = complete_run(client, create_run(client)["id"])
    logs = ok(client.get(f"/runs/{run['id']}/logs"))
    lines = logs["lines"]
    assert [ln["line"] for ln in lines] == list(range(1, len(lines) + 1))
    assert logs["has_more"] is False
    part = ok(client.get(f"/runs/{run['id']}/logs", params={"last_line": 2, "limit": 2}))
    assert [ln["line"] for ln in part["lines"]] == [3, 4]
    assert part["last_line"] == 4 and part["has_more"] is True


def test_log_stream_sse_and_last_event_id(client: httpx.Client) -> None:
    run = create_run(client)
    with connect_sse(client, "GET", f"/runs/{run['id']}/logs/stream") as source:
        assert source.response.headers["content-type"].startswith("text/event-stream")
        events = list(source.iter_sse())
    assert [int(e.id) for e in events] == list(range(1, len(events) + 1))
    payloads = [json.loads(e.data) for e in events]
    assert set(payloads[0]) == {"line", "message", "timestamp"}
    assert payloads[-1]["message"] == "Training completed"
    # the stream drove the run to its end
    assert ok(client.get(f"/runs/{run['id']}"))["status"] == "COMPLETED"

    with connect_sse(
        client, "GET", f"/runs/{run['id']}/logs/stream", headers={"Last-Event-ID": "3"}
    ) as source:
        resumed = [int(e.id) for e in source.iter_sse()]
    assert resumed == list(range(4, len(events) + 1))


# ==== deployments ==========


def test_deployments(client: httpx.Client) -> None:
    run = create_run(client)
    report = ok(client.post("/deployments/check", json={"run_id": run["id"]}))
    assert report["deployable"] is False and report["reasons"]
    err(client.post("/deployments", json={"run_id": run["id"]}), 422, "validation_error")
    err(client.post("/deployments/check", json={"run_id": 999}), 422, "validation_error")
    complete_run(client, run["id"])
    assert ok(client.post("/deployments/check", json={"run_id": run["id"]}))["deployable"] is True

    dep = ok(client.post("/deployments", json={"run_id": run["id"]}), 201)
    assert dep["status"] == "pending" and dep["run_id"] == run["id"] and dep["api_url"]
    assert ok(client.get(f"/deployments/{dep['id']}"))["status"] == "deploying"
    assert ok(client.get(f"/deployments/{dep['id']}"))["status"] == "active"
    listing = ok(client.get("/deployments"))
    assert [d["id"] for d in listing["items"]] == [dep["id"]]
    assert listing["pagination"]["total"] == 1
    assert ok(client.post("/deployments/check", json={"run_id": run["id"]}))["deployable"] is False
    assert ok(client.delete(f"/deployments/{dep['id']}")) is None
    assert ok(client.get("/deployments"))["items"] == []


# ==== tools ==========


def test_tools(client: httpx.Client, reference_server: ReferenceServer) -> None:
    t = ok(
        client.post("/tools", json={"name": "search", "mcp_url": "https://mcp.example.com/sse"}),
        201,
    )
    assert t["is_public"] is False and t["verified"] is False and t["usage_count"] == 0
    assert t["description"] is None
    err(
        client.post("/tools", json={"name": "search", "mcp_url": "https://x.example"}),
        422,
        "validation_error",
    )
    err(client.post("/tools", json={"name": "bad", "mcp_url": "ftp://x"}), 422, "validation_error")
    other = reference_server.app.store.add_tool(
        name="public-calc",
        mcp_url="https://calc.example",
        is_public=True,
        verified=True,
        owner_user_id=2,
    )
    reference_server.app.store.add_tool(
        name="private-other", mcp_url="https://p.example", owner_user_id=2
    )

    def names(params: dict[str, str]) -> list[str]:
        return [x["name"] for x in ok(client.get("/tools", params=params))["items"]]

    assert sorted(names({})) == ["public-calc", "search"]
    assert names({"owned_only": "true"}) == ["search"]
    assert names({"public_only": "true"}) == ["public-calc"]
    assert names({"verified": "true"}) == ["public-calc"]
    assert names({"search": "calc"}) == ["public-calc"]

    upd = ok(client.put(f"/tools/{t['id']}", json={"description": "Web search", "is_public": True}))
    assert upd["description"] == "Web search" and upd["is_public"] is True
    assert ok(client.get(f"/tools/{t['id']}")) == upd
    err(client.put(f"/tools/{other['id']}", json={"name": "mine"}), 403, "forbidden")
    diag = ok(client.post("/tools/test-mcp", json={"mcp_url": "https://mcp.example.com/sse"}))
    assert diag["reachable"] is True
    assert (
        ok(client.post("/tools/test-mcp", json={"mcp_url": "https://unreachable.example"}))[
            "reachable"
        ]
        is False
    )
    assert ok(client.delete(f"/tools/{t['id']}")) is None
    err(client.get(f"/tools/{t['id']}"), 404, "not_found")


# ==== shared configurations ==========


def test_shared_configurations(client: httpx.Client) -> None:
    p, r = upload_prompt(client), create_reward(client)
    body = {
        "name": "Support Tone",
        "visibility": "unlisted",
        "prompt_file_id": p["id"],
        "reward_file_id": r["id"],
        "configuration": {
            "model": "Qwen/Qwen2.5-3B-Instruct",
            "reward_mode": "reward_function",
            "epochs": 2,
        },
    }
    cfg = ok(client.post("/shared-configurations", json=body), 201)
    assert cfg["is_owner"] is True and cfg["liked"] is False
    assert cfg["shareable_url"].endswith(cfg["uuid"])
    assert cfg["description"] is None

    owned = ok(client.get("/shared-configurations"))
    assert isinstance(owned, list) and [c["uuid"] for c in owned] == [cfg["uuid"]]
    browse = ok(
        client.get("/shared-configurations/browse", params={"model": "Qwen/Qwen2.5-3B-Instruct"})
    )
    assert [c["uuid"] for c in browse["items"]] == [cfg["uuid"]]
    assert browse["pagination"]["total"] == 1
    assert (
        ok(client.get("/shared-configurations/browse", params={"visibility": "public"}))["items"]
        == []
    )

    got = ok(client.get(f"/shared-configurations/{cfg['uuid']}"))
    assert got["files"]["prompt_file"]["id"] == p["id"]
    data = ok(client.get(f"/shared-configurations/{cfg['uuid']}/data"))
    assert data["reward_code"] == REWARD.rstrip("\n")

    copy = ok(client.post(f"/shared-configurations/{cfg['uuid']}/copy"), 201)
    assert copy["prompt_file_id"] != p["id"]
    assert ok(client.get(f"/files/{copy['prompt_file_id']}/content"))["content"] == PROMPTS.decode()

    assert ok(client.post(f"/shared-configurations/{cfg['uuid']}/like")) == {
        "uuid": cfg["uuid"],
        "liked": True,
        "likes_count": 1,
    }
    assert ok(client.post(f"/shared-configurations/{cfg['uuid']}/like"))["liked"] is False

    upd = ok(
        client.put(
            f"/shared-configurations/{cfg['uuid']}", json={"name": "New", "visibility": "public"}
        )
    )
    assert (upd["name"], upd["visibility"]) == ("New", "public")
    assert ok(client.delete(f"/shared-configurations/{cfg['uuid']}")) is None
    err(client.get(f"/shared-configurations/{cfg['uuid']}"), 404, "not_found")
    err(client.post("/shared-configurations", json={"name": "x"}), 422, "validation_error")


# ==== validation, search ==========


def test_validation_endpoints(client: httpx.Client) -> None:
    good = ok(
        client.post(
            "/validation/reward-function", json={"functionCode": REWARD, "mode": "function"}
        )
    )
    assert good["valid"] is True and good["errors"] == []
    bad = ok(
        client.post(
            "/validation/reward-function",
            json={"functionCode": "def reward_fn(:\n", "mode": "function"},
        )
    )
    assert bad["valid"] is False and "SyntaxError" in bad["error"]
    err(
        client.post("/validation/reward-function", json={"mode": "function"}),
        422,
        "validation_error",
    )

    p = upload_prompt(client)
    assert ok(client.post("/validation/prompt", json={"prompt_file_id": p["id"]}))["valid"] is True
    bad_prompt = ok(
        client.post(
            "/files", files={"file": ("p.jsonl", b'{"x": 1}\nnot json\n')}, data={"type": "prompt"}
        ),
        201,
    )
    res = ok(client.post("/validation/prompt", json={"prompt_file_id": bad_prompt["id"]}))
    assert res["valid"] is False and len(res["errors"]) == 2
    assert res["counts"] == {"total_lines": 2, "valid_lines": 0}
    sft = ok(
        client.post(
            "/files",
            files={"file": ("s.jsonl", b'{"messages": [{"role": "user", "content": "hi"}]}\n')},
            data={"type": "sft"},
        ),
        201,
    )
    assert ok(client.post("/validation/sft", json={"sft_file_id": sft["id"]}))["valid"] is True
    err(client.post("/validation/sft", json={"sft_file_id": "missing"}), 422, "validation_error")


def test_search(client: httpx.Client) -> None:
    create_run(client, model="Qwen/Banana-7B")
    ok(client.post("/tools", json={"name": "banana-tool", "mcp_url": "https://b.example"}), 201)
    upload_prompt(client, name="banana prompts")
    res = ok(client.get("/search", params={"q": "banana"}))
    assert {k: len(v) for k, v in res.items() if k != "query"} == {
        "runs": 1,
        "tools": 1,
        "files": 1,
    }
    err(client.get("/search"), 422, "validation_error")


# ==== API keys ====================================================================================


def test_api_keys(client: httpx.Client, reference_server: ReferenceServer) -> None:
    keys = ok(client.get("/keys"))
    assert isinstance(keys, list) and len(keys) == 1
    assert keys[0]["scopes"] == ["read", "write", "admin"]
    assert "rl_test_key" not in json.dumps(keys)  # masked

    created = ok(
        client.post("/keys", json={"name": "CI", "scopes": ["read"], "requests_per_hour": 5000}),
        201,
    )
    assert set(created) == {"api_key", "token", "warning"}
    assert created["token"].startswith("rl_") and created["warning"]
    key = created["api_key"]
    assert (key["name"], key["scopes"], key["requests_per_hour"]) == ("CI", ["read"], 5000)
    new = reference_server.auth_headers(created["token"])
    assert client.get("/files", headers=new).status_code == 200
    err(client.post("/tools", json={}, headers=new), 403, "forbidden")
    assert client.get("/health", headers=new).headers["X-RateLimit-Limit"] == "5000"

    usage = ok(client.get(f"/keys/{key['id']}/usage"))
    assert usage["total_requests"] == 3
    upd = ok(client.put(f"/keys/{key['id']}", json={"active": False, "name": "CI old"}))
    assert upd["active"] is False
    err(client.get("/files", headers=new), 401, "unauthorized")
    assert ok(client.delete(f"/keys/{key['id']}")) is None
    assert len(ok(client.get("/keys"))) == 1
    err(client.post("/keys", json={"scopes": ["root"]}), 422, "validation_error")


def test_hourly_quota(reference_server: ReferenceServer, client: httpx.Client) -> None:
    reference_server.add_token("rl_tiny", ["read"], requests_per_hour=2)
    h = reference_server.auth_headers("rl_tiny")
    assert client.get("/health", headers=h).headers["X-RateLimit-Remaining"] == "1"
    assert client.get("/health", headers=h).headers["X-RateLimit-Remaining"] == "0"
    r = client.get("/health", headers=h)
    err(r, 429, "rate_limit_exceeded")
    assert int(r.headers["Retry-After"]) > 0


# ==== idempotency ==========


def test_idempotency_key_replay(client: httpx.Client) -> None:
    p, r = upload_prompt(client), create_reward(client)
    body = {"model": "m", "prompt_file_id": p["id"], "reward_file_id": r["id"]}
    first = client.post("/runs", json=body, headers={"Idempotency-Key": "key-1"})
    second = client.post("/runs", json=body, headers={"Idempotency-Key": "key-1"})
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert ok(client.get("/runs"))["pagination"]["total"] == 1
    # the same key with another payload is refused; a new key creates a new run
    err(
        client.post("/runs", json={**body, "epochs": 2}, headers={"Idempotency-Key": "key-1"}),
        400,
        "bad_request",
    )
    ok(client.post("/runs", json=body, headers={"Idempotency-Key": "key-2"}), 201)
    ok(client.post("/runs", json=body), 201)
    assert ok(client.get("/runs"))["pagination"]["total"] == 3


def test_idempotency_replay_of_multipart_with_new_boundary(client: httpx.Client) -> None:
    for _ in range(2):  # httpx picks a new multipart boundary per request
        ok(
            client.post(
                "/files",
                files={"file": ("p.jsonl", PROMPTS)},
                data={"type": "prompt"},
                headers={"Idempotency-Key": "upload-1"},
            ),
            201,
        )
    assert ok(client.get("/files"))["pagination"]["total"] == 1


# ==== faults ==========


def test_fault_status_503_with_retry_after(
    client: httpx.Client, reference_server: ReferenceServer
) -> None:
    fault = reference_server.inject(
        r"/runs", "POST", "status", status=503, headers={"Retry-After": "2"}
    )
    r = client.post("/runs", json={})
    err(r, 503, "internal_error")
    assert r.headers["Retry-After"] == "2"
    assert "X-RateLimit-Limit" in r.headers
    assert fault.hits == 1 and reference_server.app.faults == []
    err(client.post("/runs", json={}), 422, "validation_error")  # fired once only


def test_fault_429(client: httpx.Client, reference_server: ReferenceServer) -> None:
    reset = str(int(time.time()) + 30)
    reference_server.inject(
        r"/files",
        "GET",
        "status",
        status=429,
        headers={"Retry-After": "1", "X-RateLimit-Reset": reset},
        times=2,
    )
    for _ in range(2):
        r = client.get("/files")
        err(r, 429, "rate_limit_exceeded")
        assert r.headers["Retry-After"] == "1"
        assert r.headers["X-RateLimit-Reset"] == reset
        assert r.headers["X-RateLimit-Remaining"] == "0"
    ok(client.get("/files"))


def test_fault_method_and_path_matching(
    client: httpx.Client, reference_server: ReferenceServer
) -> None:
    reference_server.inject(r"/runs/\d+", "GET", "status", status=500, times=None)
    ok(client.get("/runs"))  # /runs does not fullmatch
    err(client.get("/runs/1"), 500, "internal_error")
    err(client.get("/runs/2"), 500, "internal_error")
    reference_server.clear_faults()
    err(client.get("/runs/1"), 404, "not_found")


def test_fault_custom_body(client: httpx.Client, reference_server: ReferenceServer) -> None:
    reference_server.inject(
        r"/health", kind="status", status=502, body=b"upstream broke", content_type="text/plain"
    )
    r = client.get("/health")
    assert (r.status_code, r.text, r.headers["content-type"]) == (
        502,
        "upstream broke",
        "text/plain",
    )


def test_fault_after_processing_status(
    client: httpx.Client, reference_server: ReferenceServer
) -> None:
    p, r = upload_prompt(client), create_reward(client)
    body = {"model": "m", "prompt_file_id": p["id"], "reward_file_id": r["id"]}
    reference_server.inject(r"/runs", "POST", "after_processing_status")
    err(
        client.post("/runs", json=body, headers={"Idempotency-Key": "retry-me"}),
        500,
        "internal_error",
    )
    assert ok(client.get("/runs"))["pagination"]["total"] == 1  # the run was really created
    # a retry with the same key gets the stored first response, and creates nothing
    replay = ok(client.post("/runs", json=body, headers={"Idempotency-Key": "retry-me"}), 201)
    assert replay["id"] == ok(client.get("/runs"))["items"][0]["id"]
    assert ok(client.get("/runs"))["pagination"]["total"] == 1


def test_fault_drop(client: httpx.Client, reference_server: ReferenceServer) -> None:
    reference_server.inject(r"/runs", "POST", "drop")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/runs", json={"model": "m"})
    assert reference_server.last_request.response_status is None
    assert reference_server.last_request.fault is not None
    err(client.post("/runs", json={}), 422, "validation_error")  # the next request is fine


def test_fault_after_processing_drop(
    client: httpx.Client, reference_server: ReferenceServer
) -> None:
    p, r = upload_prompt(client), create_reward(client)
    reference_server.inject(r"/runs", "POST", "after_processing_drop")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post(
            "/runs", json={"model": "m", "prompt_file_id": p["id"], "reward_file_id": r["id"]}
        )
    assert ok(client.get("/runs"))["pagination"]["total"] == 1


def test_fault_delay(client: httpx.Client, reference_server: ReferenceServer) -> None:
    reference_server.inject(r"/health", "GET", "delay", delay=0.5)
    with pytest.raises(httpx.ReadTimeout):
        client.get("/health", timeout=0.1)
    reference_server.inject(r"/health", "GET", "delay", delay=0.2)
    start = time.monotonic()
    ok(client.get("/health"))
    assert time.monotonic() - start >= 0.2


def test_fault_non_json(client: httpx.Client, reference_server: ReferenceServer) -> None:
    reference_server.inject(r"/files", "GET", "non_json")
    r = client.get("/files")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    with pytest.raises(json.JSONDecodeError):
        r.json()


def test_fault_cut_stream(client: httpx.Client, reference_server: ReferenceServer) -> None:
    run = create_run(client)
    reference_server.inject(r"/runs/\d+/logs/stream", "GET", "cut_stream", events=2)
    ids: list[str] = []
    with pytest.raises(httpx.RemoteProtocolError):
        with connect_sse(client, "GET", f"/runs/{run['id']}/logs/stream") as source:
            for event in source.iter_sse():
                ids.append(event.id)
    assert ids == ["1", "2"]
    # resume where the cut happened
    with connect_sse(
        client, "GET", f"/runs/{run['id']}/logs/stream", headers={"Last-Event-ID": "2"}
    ) as source:
        assert [e.id for e in source.iter_sse()][0] == "3"


def test_fault_kind_is_checked(reference_server: ReferenceServer) -> None:
    with pytest.raises(ValueError):
        reference_server.inject(r"/x", kind="explode")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        reference_server.inject(r"/x", kind="delay")


# ==== recording, reset ==========


def test_requests_are_recorded(client: httpx.Client, reference_server: ReferenceServer) -> None:
    reference_server.clear_requests()
    client.post(
        "/tools",
        params={"dry": "1"},
        json={"name": "t", "mcp_url": "https://t.example"},
        headers={"X-Trace": "abc"},
    )
    (rec,) = reference_server.requests
    assert (rec.method, rec.path, rec.url_path) == ("POST", "/tools", "/api/v1/tools")
    assert rec.query == {"dry": "1"}
    assert rec.headers["x-trace"] == "abc"
    assert rec.headers["authorization"] == "Bearer rl_test_key"
    assert rec.json == {"name": "t", "mcp_url": "https://t.example"}
    assert json.loads(rec.body) == rec.json
    assert rec.response_status == 201
    reference_server.clear_requests()
    assert reference_server.requests == []


def test_state_is_reset_between_tests_part_1(client: httpx.Client) -> None:
    create_run(client)
    assert ok(client.get("/runs"))["pagination"]["total"] == 1


def test_state_is_reset_between_tests_part_2(
    client: httpx.Client, reference_server: ReferenceServer
) -> None:
    assert ok(client.get("/runs"))["pagination"]["total"] == 0
    assert ok(client.get("/files"))["pagination"]["total"] == 0
    assert reference_server.app.faults == []
    assert create_run(client)["id"] == 1  # ids restart too


@pytest.mark.anyio
async def test_async_client_against_server(reference_server: ReferenceServer) -> None:
    async with httpx.AsyncClient(
        base_url=reference_server.base_url, headers=reference_server.auth_headers()
    ) as ac:
        r = await ac.get("/health")
        assert r.json()["success"] is True
