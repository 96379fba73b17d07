"""schemathesis hooks for fuzzing the reference server (loaded by `schemathesis run` through
``SCHEMATHESIS_HOOKS=<this file>``; see test_schemathesis.py).

The test seeds the server with files, runs, deployments, tools, shared configurations and API
keys (the ids of the spec's examples among them) and passes their ids in the environment
variable ``RUNRL_CONTRACT_SEED`` (JSON, see ``seed_reference_server``). These hooks:

* mix those ids into generated path parameters and request bodies, so that fuzzing reaches the
  handlers behind the "unknown id" answers (404 in paths, 422 in bodies) instead of stopping
  there: half of the generated values are kept as generated, half are replaced;
* never let a request change or delete the API key the fuzzer authenticates with (a
  ``DELETE /keys/1`` would turn every later answer into a 401 and end the useful part of the
  run): such a request is sent for a key id that does not exist instead;
* check server-sent events the way the spec documents them. OpenAPI 3.1 has no notion of an
  event: our spec gives the ``text/event-stream`` body as ``schema: {type: string}`` (the whole
  stream) and each event's JSON ``data`` as ``x-event-data`` (a $ref). schemathesis reads a
  pre-3.2 ``schema`` of an event stream as the schema of *each event* ({data, event, id}), so its
  "event violates schema" verdict (ST108) on such a response is about a convention, not about
  the server; it is dropped, and ``sse_event_data_conformance`` checks every event's ``data``
  against ``x-event-data`` instead.
"""

from __future__ import annotations

import json
import os
from typing import Any

import jsonschema
import schemathesis
from hypothesis import strategies as st

SEED: dict[str, Any] = json.loads(os.environ.get("RUNRL_CONTRACT_SEED") or "{}")
PATH_IDS: dict[str, list[Any]] = SEED.get("paths", {})  # path prefix -> ids
BODY_IDS: dict[str, list[Any]] = SEED.get("body", {})  # body member -> ids
PROTECTED_KEY_ID = SEED.get("protected_key_id")
MISSING_KEY_ID = 999_999


def _ids_for(path: str) -> list[Any]:
    for prefix, ids in PATH_IDS.items():
        if path.startswith(prefix):
            return ids
    return []


def _same_type(value: Any, ids: list[Any]) -> bool:
    """Only a value of the ids' own type is replaced: a value of another type is a negative
    test case (schema-violating on purpose), and must reach the server as generated."""
    if isinstance(value, bool) or not ids:
        return False
    if isinstance(value, list):
        return all(_same_type(v, ids) for v in value)
    return type(value) is type(ids[0])


@schemathesis.hook
def flatmap_path_parameters(
    context: schemathesis.HookContext, path_parameters: dict[str, Any] | None
) -> st.SearchStrategy[Any]:
    ids = _ids_for(context.operation.path) if context.operation else []
    if not ids or not path_parameters or len(path_parameters) != 1:
        return st.just(path_parameters)
    (name,) = path_parameters
    if not _same_type(path_parameters[name], ids):
        return st.just(path_parameters)
    return st.one_of(
        st.just(path_parameters),
        st.sampled_from(ids).map(lambda v: {**path_parameters, name: v}),
    )


@st.composite
def _with_ids(draw: st.DrawFn, body: dict[str, Any]) -> dict[str, Any]:
    out = dict(body)
    for member, ids in BODY_IDS.items():
        if member in out and _same_type(out[member], ids) and draw(st.booleans()):
            if isinstance(out[member], list):
                out[member] = draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
            else:
                out[member] = draw(st.sampled_from(ids))
    return out


@schemathesis.hook
def flatmap_body(context: schemathesis.HookContext, body: Any) -> st.SearchStrategy[Any]:
    if not isinstance(body, dict) or not any(m in body for m in BODY_IDS):
        return st.just(body)
    return _with_ids(body)


@schemathesis.hook
def before_call(
    context: schemathesis.HookContext, case: schemathesis.Case, kwargs: dict[str, Any]
) -> None:
    if PROTECTED_KEY_ID is None or not case.operation.path.startswith("/keys/{"):
        return
    params = case.path_parameters or {}
    if str(params.get("id")) == str(PROTECTED_KEY_ID):
        case.path_parameters = {**params, "id": MISSING_KEY_ID}


# ---------------------------------------------------------------------------- server-sent events


def _event_data_schema(case: schemathesis.Case, response: schemathesis.Response) -> Any:
    """The ``x-event-data`` schema of the answered status's text/event-stream, if any."""
    responses = case.operation.definition.raw.get("responses") or {}
    documented = responses.get(str(response.status_code)) or {}
    media = (documented.get("content") or {}).get("text/event-stream") or {}
    return media.get("x-event-data")


def _events(text: str) -> list[dict[str, str]]:
    """Complete events of an SSE body (an event ends with a blank line), fields by name."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n")[:-1]:
        event: dict[str, str] = {}
        for line in block.split("\n"):
            if not line or line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            event[name] = f"{event[name]}\n{value}" if name in event else value
        if event:
            events.append(event)
    return events


@schemathesis.check
def sse_event_data_conformance(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> bool | None:
    """Every event of a text/event-stream answer carries JSON ``data`` valid against the
    operation's ``x-event-data`` schema, and an ``id``."""
    if not response.headers.get("content-type", [""])[0].startswith("text/event-stream"):
        return None
    ref = _event_data_schema(case, response)
    if ref is None:
        return None
    root = case.operation.schema.raw_schema
    validator = jsonschema.Draft202012Validator({**ref, "components": root.get("components", {})})
    for number, event in enumerate(_events(response.text), 1):
        if "id" not in event:
            raise AssertionError(f"event #{number} has no id: {event}")
        try:
            data = json.loads(event.get("data", ""))
        except ValueError as exc:
            raise AssertionError(f"event #{number}: data is not JSON ({exc}): {event}") from None
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        if errors:
            raise AssertionError(
                f"event #{number}: data violates x-event-data: {errors[0].message} ({data})"
            )
    return True


@schemathesis.hook
def filter_failure(
    context: schemathesis.HookContext,
    failure: Any,
    case: schemathesis.Case,
    response: schemathesis.Response,
) -> bool:
    """Keep every failure but ST108 on an event stream documented with ``x-event-data``."""
    is_stream = response.headers.get("content-type", [""])[0].startswith("text/event-stream")
    if getattr(failure, "code", None) == "ST108" and is_stream:
        return _event_data_schema(case, response) is None
    return True
