"""``client.validation``: reward code, prompt files and SFT files (sync and async)."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.sdk._support import REWARD_CODE, Api, assert_request, seed_file
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio


async def test_reward_function_sends_function_code(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    result = await api.validation.reward_function(REWARD_CODE)

    assert_request(
        sdk,
        reference_server.last_request,
        "POST",
        "/validation/reward-function",
        json={"functionCode": REWARD_CODE},  # mode: the server's default (function)
    )
    assert isinstance(result, sdk.models.ValidationResponse)
    assert result.valid is True
    assert result.error is None
    assert result.errors == []


async def test_reward_function_with_mode_and_prompt_file(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt = seed_file(reference_server.app.store)
    code = (
        "class Env:\n"
        "    def setup(self):\n"
        "        pass\n\n"
        "    def step(self, action):\n"
        "        pass\n"
    )

    result = await api.validation.reward_function(
        code, mode="environment", prompt_file_id=prompt["id"]
    )

    assert reference_server.last_request.json == {
        "functionCode": code,
        "mode": "environment",
        "prompt_file_id": prompt["id"],
    }
    assert result.valid is True


async def test_reward_function_reports_problems(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    result = await api.validation.reward_function("def reward_fn(completion, **kwargs)\n    pass\n")
    assert result.valid is False
    assert result.error is not None and result.error.startswith("SyntaxError")
    assert result.errors is not None and result.errors[0]["line"] == 1

    missing = await api.validation.reward_function("def score(completion):\n    return 1\n")
    assert missing.valid is False
    assert missing.error is not None and "reward_fn" in missing.error


async def test_prompt_file(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    prompt = seed_file(reference_server.app.store)

    result = await api.validation.prompt_file(prompt["id"])

    assert_request(
        sdk,
        reference_server.last_request,
        "POST",
        "/validation/prompt",
        json={"prompt_file_id": prompt["id"]},
    )
    assert isinstance(result, sdk.models.ValidationResponse)
    assert result.valid is True
    assert result.counts is not None and result.counts["total_lines"] == 2


async def test_prompt_file_with_bad_lines(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt = seed_file(
        reference_server.app.store,
        content=b'{"prompt": [{"role": "user", "content": "ok"}]}\nnot json\n{"question": 1}\n',
    )
    result = await api.validation.prompt_file(prompt["id"])
    assert result.valid is False
    assert result.errors is not None
    assert [e["line"] for e in result.errors] == [2, 3]


async def test_sft_file(api: Api, sdk: ModuleType, reference_server: ReferenceServer) -> None:
    sft = seed_file(reference_server.app.store, name="sft", file_type="sft")

    result = await api.validation.sft_file(sft["id"])

    assert_request(
        sdk,
        reference_server.last_request,
        "POST",
        "/validation/sft",
        json={"sft_file_id": sft["id"]},
    )
    assert isinstance(result, sdk.models.ValidationResponse)
    assert result.valid is True


async def test_sft_validation_of_a_prompt_file_fails(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt = seed_file(reference_server.app.store)
    result = await api.validation.sft_file(prompt["id"])
    assert result.valid is False
    assert result.error is not None and "messages" in result.error


async def test_unknown_file_is_a_validation_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    with pytest.raises(sdk.exceptions.ValidationError) as err:
        await api.validation.prompt_file("no-such-file")
    assert err.value.status_code == 422
    assert err.value.code == "validation_error"
    assert set(err.value.details) == {"prompt_file_id"}


async def test_read_only_key_may_validate(
    sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    reference_server.add_token("rl_read_only", ["read"])
    with sdk.RunRLClient(api_key="rl_read_only", base_url=reference_server.base_url) as reader:
        assert reader.validation.reward_function(REWARD_CODE).valid is True
