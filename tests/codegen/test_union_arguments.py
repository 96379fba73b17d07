"""An argument typed by a ``oneOf``/``anyOf`` component of component models (OpenAI's
``ChatCompletionRequestMessage``, a ``RootModel[Union[...]]``) also takes its members.

Before, ``messages=[UserMessage(role="user", content="hi")]`` was refused by ``mypy --strict``:
the argument was ``List[Message]`` and every message had to be wrapped
(``Message(UserMessage(...))``). Now it is ``List[Union[Message, SystemMessage, UserMessage]]``
(in a list, a map's values, an optional argument, a body of its own). A member goes out exactly
as the wrapped form does: checked on a real server on 127.0.0.1, sync and async, and with
``mypy --strict`` on a user's script (a model that is no member stays refused)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.1.0
info: {title: Chat, version: '1'}
paths:
  /chat:
    post:
      operationId: createCompletion
      tags: [chat]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [messages, model]
              properties:
                model: {type: string}
                messages:
                  type: array
                  items: {$ref: '#/components/schemas/Message'}
                system: {$ref: '#/components/schemas/Message'}
                named:
                  type: object
                  additionalProperties: {$ref: '#/components/schemas/Message'}
                anything: {$ref: '#/components/schemas/Anything'}
                content: {$ref: '#/components/schemas/Content'}
      responses:
        '204': {description: done}
  /messages:
    post:
      operationId: postMessage
      tags: [messages]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Message'}
      responses:
        '204': {description: stored}
components:
  schemas:
    Message:
      oneOf:
        - {$ref: '#/components/schemas/SystemMessage'}
        - {$ref: '#/components/schemas/UserMessage'}
        - {$ref: '#/components/schemas/ToolMessages'}
    ToolMessages:
      anyOf:
        - {$ref: '#/components/schemas/ToolMessage'}
    SystemMessage:
      type: object
      required: [role, content]
      properties:
        role: {type: string, enum: [system]}
        content: {type: string}
        name: {type: string}
    UserMessage:
      type: object
      required: [role, content]
      properties:
        role: {type: string, enum: [user]}
        content: {type: string}
        display_name: {type: string, x-python-name: displayName}
        user-id: {type: string}
    ToolMessage:
      type: object
      required: [role, content]
      properties:
        role: {type: string, enum: [tool]}
        content: {type: string}
    Other:
      type: object
      properties:
        note: {type: string}
    Anything:
      oneOf:
        - {$ref: '#/components/schemas/UserMessage'}
        - {type: string}
    Content:
      type: object
      oneOf:
        - {$ref: '#/components/schemas/SystemMessage'}
        - {$ref: '#/components/schemas/UserMessage'}
"""

USER_CODE = """\
from typing import Dict, List

from chat import ChatClient
from chat.models import Message, SystemMessage, ToolMessage, ToolMessages, UserMessage

tool = ToolMessage(role="tool", content="t")
client = ChatClient(base_url="http://127.0.0.1:9")
client.chat.create_completion(
    messages=[UserMessage(role="user", content="hi"), SystemMessage(role="system", content="s")],
    model="m",
)
client.chat.create_completion(messages=[Message(UserMessage(role="user", content="hi"))], model="m")
client.chat.create_completion(
    messages=[tool, ToolMessages(tool)],
    model="m",
    system=SystemMessage(role="system", content="s"),
    named={"a": UserMessage(role="user", content="hi")},
)
client.chat.create_completion(messages=[], model="m", system=None)
client.messages.create(body=UserMessage(role="user", content="hi"))
client.messages.create(body=Message(UserMessage(role="user", content="hi")))
"""

BAD_CODE = """\
from chat import ChatClient
from chat.models import Other

client = ChatClient(base_url="http://127.0.0.1:9")
client.chat.create_completion(messages=[Other(note="n")], model="m")
client.messages.create(body=Other(note="n"))
"""

# Known, and why the release diff calls the list's change breaking: List is invariant, so a
# caller's variable typed List[Message] (the old annotation) is refused now.
INVARIANT_CODE = """\
from typing import List

from chat import ChatClient
from chat.models import Message, UserMessage

client = ChatClient(base_url="http://127.0.0.1:9")
history: List[Message] = [Message(UserMessage(role="user", content="hi"))]
client.chat.create_completion(messages=history, model="m")
"""

USER = {"role": "user", "content": "hi", "user-id": "u1"}


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("chat") / "chat.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def package(spec: Path) -> Iterator[Any]:
    with generated_package(spec, "chat") as package:
        yield package


@pytest.fixture()
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    server.on("POST", "/chat", lambda r, n: Reply(status=204))
    server.on("POST", "/messages", lambda r, n: Reply(status=204))
    yield server
    server.stop()


def _user(models: Any) -> Any:
    """A member with an aliased field set, a defaulted one left unset."""
    return models.UserMessage.model_validate(USER)


def _calls(models: Any) -> list[dict[str, Any]]:
    """The same arguments twice: members, then each wrapped in its union's class."""
    user, system = _user(models), models.SystemMessage(role="system", content="s")
    tool = models.ToolMessage(role="tool", content="t")
    wrap, wrap_tool = models.Message, models.ToolMessages
    direct = {"messages": [user, system, tool], "system": system, "named": {"a": user}}
    wrapped = {
        "messages": [wrap(user), wrap(system), wrap(wrap_tool(tool))],
        "system": wrap(system),
        "named": {"a": wrap(user)},
    }
    return [direct, wrapped]


def _check(server: TestServer) -> None:
    direct, wrapped = server.seen("POST", "/chat")
    assert direct.body == wrapped.body
    assert direct.json()["messages"][0] == USER
    assert direct.json()["system"] == {"role": "system", "content": "s"}
    single, wrapped_single = server.seen("POST", "/messages")
    assert single.body == wrapped_single.body
    assert single.json() == USER


def test_a_member_goes_out_as_the_wrapped_form(package: Any, server: TestServer) -> None:
    models = package.models
    with package.ChatClient(base_url=server.url) as client:
        for arguments in _calls(models):
            client.chat.create_completion(model="m", **arguments)
        client.messages.create(body=_user(models))
        client.messages.create(body=models.Message(_user(models)))
    _check(server)


@pytest.mark.anyio
async def test_the_async_client_sends_a_member_the_same(package: Any, server: TestServer) -> None:
    models = package.models
    async with package.AsyncChatClient(base_url=server.url) as client:
        for arguments in _calls(models):
            await client.chat.create_completion(model="m", **arguments)
        await client.messages.create(body=_user(models))
        await client.messages.create(body=models.Message(_user(models)))
    _check(server)


def test_the_annotations(package: Any) -> None:
    """Members listed after the class, a nested union's members too (one level); a union
    with a member that is no component model, or with fields of its own, is left alone."""
    import inspect

    resource = importlib.import_module("chat.resources.chat")
    source = " ".join(inspect.getsource(resource).split()).replace("[ ", "[").replace(" ]", "]")
    source = source.replace(", ]", "]")
    members = "Message, SystemMessage, UserMessage, ToolMessages, ToolMessage"
    assert f"messages: List[Union[{members}]]" in source, source
    assert f"Dict[str, Union[{members}]]" in source, source
    assert f"system: Optional[Union[{members}]]" in source, source
    assert "anything: Optional[Anything]" in source, source
    assert "content: Optional[Union[Content, SystemMessage, UserMessage]]" in source, source


@pytest.mark.slow
def test_mypy_strict_accepts_members(spec: Path, package: Any) -> None:
    out = spec.parent / "out"
    (out / "src" / "user_code.py").write_text(USER_CODE, encoding="utf-8")
    (out / "src" / "bad_code.py").write_text(BAD_CODE, encoding="utf-8")
    (out / "src" / "invariant_code.py").write_text(INVARIANT_CODE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert sorted(line.split(": error:")[0] for line in errors) == [
        "src/bad_code.py:5",
        "src/bad_code.py:6",
        "src/invariant_code.py:8",
    ], done.stdout
    assert "invariant" in done.stdout, done.stdout


def test_the_command_line_options(package: Any) -> None:
    """As before: a list of members is a repeated option of JSON objects (one item each time,
    or one JSON array for the whole list); a single one, or a map of them, a JSON object."""
    table = importlib.import_module("chat._cli_table")
    kinds = {
        (command.name, option.name): (option.kind, option.multiple)
        for group in table.GROUPS
        for command in group.commands
        for option in command.options
    }
    assert kinds[("create-completion", "messages")] == ("json-object", True), kinds
    assert kinds[("create-completion", "system")] == ("json-object", False), kinds
    assert kinds[("create-completion", "named")] == ("json-object", False), kinds
    assert kinds[("create", "body")] == ("json", False), kinds  # a whole body: --json, as any
