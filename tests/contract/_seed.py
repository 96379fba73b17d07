"""Seed the reference server for fuzzing: resources with the ids of the spec's examples (so the
schemathesis "examples" phase reaches real objects) and a few more in every state that matters
(runs PENDING/RUNNING/COMPLETED/FAILED, deployable and deployed runs, own/public/other users'
tools and shared configurations, extra API keys).

``seed_reference_server`` returns what ``schemathesis_hooks.py`` reads from
``RUNRL_CONTRACT_SEED``: ids per path prefix, ids per request-body member, and the id of the key
the fuzzer authenticates with (which must never be changed or deleted).
"""

from __future__ import annotations

import itertools
from typing import Any

from tests.server import ReferenceServer, Store

MODEL = "Qwen/Qwen2.5-3B-Instruct"
OTHER_USER = 2

# The ids the spec's examples use (spec/*.yaml: components.parameters and request examples).
PROMPT_ID = "3f6c2a9e-8b1d-4c7e-9a2f-5d0e1b7c4a61"
REWARD_ID = "9a1b7c3d-2e4f-4a6b-8c0d-1e2f3a4b5c6d"
SFT_ID = "5c7e9a1b-3d5f-4b7d-9f1a-3c5e7a9b1d3f"
RUN_ID = 1287
DEPLOYMENT_ID = 214
TOOL_IDS = (12, 18)
CONFIG_UUID = "b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e"
API_KEY_ID = 7

PROMPT_JSONL = (
    b'{"prompt": [{"role": "user", "content": "What is your favorite fruit?"}], '
    b'"expected_result": "banana"}\n'
)
SFT_JSONL = (
    b'{"messages": [{"role": "user", "content": "hi"}, '
    b'{"role": "assistant", "content": "hello"}]}\n'
)
REWARD_CODE = (
    b"def reward_fn(completion, **kwargs):\n"
    b'    return 1.0 if "banana" in completion[0]["content"].lower() else 0.0\n'
)
ENV_CODE = (
    b"class Env:\n    def setup(self):\n        pass\n\n"
    b"    def step(self, action):\n        return 0.0\n"
)
CONTENT = {"prompt": PROMPT_JSONL, "sft": SFT_JSONL, "reward_function": REWARD_CODE}


def _next_ids_from(store: Store, kind: str, first: int) -> None:
    """The next ``kind`` id the store hands out is ``first`` (to match the spec's examples)."""
    store._ids[kind] = itertools.count(first)


def _file(store: Store, file_type: str, *, file_id: str | None = None, owner: int = 1) -> str:
    rec = store.add_file(
        name=f"{file_type} file",
        file_type=file_type,
        content=CONTENT.get(file_type, ENV_CODE),
        owner_user_id=owner,
        file_id=file_id,
    )
    return str(rec["id"])


def _run(store: Store, prompt: str, reward: str, status: str, **params: Any) -> int:
    run = store.add_run(Store.run_payload(MODEL, prompt, reward, **params))
    if status in ("RUNNING", "COMPLETED"):
        store.set_run_status(run["id"], "RUNNING")
    if status in ("COMPLETED", "FAILED", "CANCELLED"):
        store.set_run_status(run["id"], status)
    return int(run["id"])


def seed_reference_server(server: ReferenceServer) -> dict[str, Any]:
    store = server.app.store
    with store.lock:
        protected = store.key_for_token(server.api_key)
        assert protected is not None
        # -- files: the examples' ids, one more of each type, one of another user
        prompt = _file(store, "prompt", file_id=PROMPT_ID)
        reward = _file(store, "reward_function", file_id=REWARD_ID)
        sft = _file(store, "sft", file_id=SFT_ID)
        prompts = [prompt, _file(store, "prompt")]
        rewards = [reward, _file(store, "reward_function"), _file(store, "environment")]
        sfts = [sft, _file(store, "sft")]
        foreign = _file(store, "prompt", owner=OTHER_USER)
        # -- tools: ids 1..18 (the examples use 12 and 18); some public, some of another user
        tools = []
        for i in range(1, max(TOOL_IDS) + 1):
            tool = store.add_tool(
                name=f"tool {i}",
                mcp_url=f"https://mcp.example.com/tool-{i}",
                description=None if i % 3 else f"Tool number {i}",
                is_public=i % 2 == 0,
                verified=i % 4 == 0,
                owner_user_id=OTHER_USER if i % 5 == 0 else 1,
            )
            tools.append(int(tool["id"]))
        # -- runs: one per status, then the examples' run (COMPLETED, deployable)
        runs = [
            _run(store, prompt, reward, status)
            for status in ("PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED", "COMPLETED")
        ]
        runs.append(_run(store, prompt, reward, "RUNNING", tool_ids=list(TOOL_IDS)))
        _next_ids_from(store, "run", RUN_ID)
        runs.append(_run(store, prompt, reward, "COMPLETED", sft_file_id=sft))
        # -- deployments: of a completed run, the examples' id among them
        deployments = [int(store.add_deployment(runs[2])["id"])]
        _next_ids_from(store, "deployment", DEPLOYMENT_ID)
        deployments.append(int(store.add_deployment(runs[5])["id"]))
        store.advance_deployment(deployments[-1])
        # -- shared configurations: the examples' uuid (own), a public and a private foreign one
        recipe = {"model": MODEL, "reward_mode": "reward_function", "completion_length": 256}
        configs = []
        for visibility, owner in (("public", 1), ("public", OTHER_USER), ("private", OTHER_USER)):
            rec = store.add_shared(
                name=f"{visibility} recipe",
                visibility=visibility,
                prompt_file_id=prompt,
                reward_file_id=reward,
                configuration=recipe,
                owner_user_id=owner,
            )
            configs.append(str(rec["uuid"]))
        old = configs[0]
        rec = store.shared.pop(old)
        rec["uuid"] = CONFIG_UUID
        rec["shareable_url"] = rec["shareable_url"].replace(old, CONFIG_UUID)
        store.shared[CONFIG_UUID] = rec
        store.shared_owner[CONFIG_UUID] = store.shared_owner.pop(old)
        store.shared_likes[CONFIG_UUID] = store.shared_likes.pop(old)
        store._order[("shared", CONFIG_UUID)] = store._order.pop(("shared", old))
        configs[0] = CONFIG_UUID
        # -- API keys up to the examples' id 7 (read-only, write-only, limited, inactive, ...)
        keys = []
        for i, scopes in enumerate((["read"], ["write"], ["read", "write"], ["read"], ["admin"])):
            key = store.add_key(f"rl_seed_key_{i}", scopes, requests_per_hour=100 + i)
            keys.append(key.id)
        key = store.add_key("rl_seed_key_example", ["read", "write"], name="CI Pipeline")
        assert key.id == API_KEY_ID, key.id
        keys.append(key.id)
    return {
        "paths": {
            "/files/": [*prompts, *rewards, *sfts, foreign],
            "/runs/": runs,
            "/deployments/": deployments,
            "/tools/": tools,
            "/shared-configurations/": configs,
            "/keys/": keys,
        },
        "body": {
            "prompt_file_id": prompts,
            "reward_file_id": rewards,
            "sft_file_id": sfts,
            "run_id": runs,
            "tool_ids": list(TOOL_IDS),
        },
        "protected_key_id": protected.id,
    }
