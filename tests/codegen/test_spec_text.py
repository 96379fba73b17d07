"""Spec text reaches generated files only through an escaping function made for its context, and
every ``x-sdk-*`` extension is checked against one typed schema before use (issue 11, item 1).

Structural: ``SpecText`` cannot become a string by accident (``str``, ``format``, Jinja's ``~``,
``join`` and a bare ``{{ }}`` all raise), so a template that forgets the filter fails the build
instead of writing raw spec text."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml

from generator import escape
from generator.build import build_api
from generator.errors import SpecError
from generator.pipeline import generate
from generator.read import load_spec
from generator.render.environment import environment
from generator.spectext import SpecText, SpecValue, UnescapedSpecText

# -- the wrappers and the environment ------------------------------------------------------------


def test_spec_text_never_becomes_a_string_by_accident() -> None:
    text = SpecText('evil"""\nimport os')
    with pytest.raises(UnescapedSpecText):
        str(text)
    with pytest.raises(UnescapedSpecText):
        f"{text}"  # noqa: B018
    with pytest.raises(UnescapedSpecText):
        str(SpecValue({"a": 1}))
    assert bool(SpecText("")) is False and bool(text) is True


@pytest.mark.parametrize(
    "source",
    ["{{ t }}", '{{ "x" ~ t }}', "{{ [t, t] | join(', ') }}", "{{ t | string }}", "{{ v }}"],
)
def test_templates_cannot_write_spec_text_raw(source: str) -> None:
    template = environment().from_string(source)
    with pytest.raises(UnescapedSpecText):
        template.render(t=SpecText("Pets"), v=SpecValue([1]))


def test_every_context_has_its_filter() -> None:
    env = environment()
    hostile = SpecText('a"""b\\c\n`d` <e>')
    out = env.from_string(
        "{{ t | docstring }}|{{ t | comment }}|{{ t | pyrepr }}|{{ t | md }}|{{ t | md_code }}"
    ).render(t=hostile)
    doc, comment, literal, md, code = out.split("|")
    assert '"""' not in doc and "\\\\" in doc
    assert "\n" not in comment and '"""' not in comment
    assert eval(literal) == hostile.value  # noqa: S307 - a literal we just wrote
    assert "<" not in md and "\n" not in md
    assert "`" not in code
    assert escape.toml_inner(SpecText('a"b\x7f')) == 'a\\"b\\u007f'


def test_the_sandbox_refuses_the_raw_text_every_time() -> None:
    """The environment remembers its answer per (type, attribute): the second reading of
    ``.value`` (or of a private attribute) is refused like the first, and another type's
    ``.value`` is not mistaken for it."""
    env = environment()
    for _ in range(2):
        for source in ("{{ t.value }}", "{{ v.value }}", "{{ s.__class__ }}", "{{ o._hidden }}"):
            with pytest.raises(jinja2.exceptions.SecurityError, match="unsafe"):
                env.from_string(source).render(
                    t=SpecText("x"), v=SpecValue(1), s="x", o=SpecOwner("ok")
                )
        assert env.from_string("{{ o.value }}").render(o=SpecOwner("ok")) == "ok"


class SpecOwner:
    """Not spec text: its ``.value`` may be read."""

    def __init__(self, value: str) -> None:
        self.value = value
        self._hidden = value


def test_the_control_characters_dropped_are_exactly_these() -> None:
    """docstring drops C0 controls but tab and newline; cli_text also drops tab, DEL and C1
    (each with one regular expression: every character is checked against its rule)."""
    every = "".join(chr(c) for c in range(0x300)) + "\ud800\u2028\U0001f600"
    assert escape._CONTROLS.sub("", every) == "".join(
        ch for ch in every if ch in "\n\t" or ord(ch) >= 32
    )
    assert escape._TERMINAL_CONTROLS.sub("", every) == "".join(
        ch for ch in every if ch == "\n" or (ord(ch) >= 32 and not 0x7F <= ord(ch) <= 0x9F)
    )


def test_filters_are_the_only_way_even_for_strict_undefined() -> None:
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("{{ missing }}").render()


# -- hostile extension values in a whole package --------------------------------------------------

Q3, A3 = '"' * 3, "'" * 3  # triple quotes, kept out of this file's own strings


def _op(op_id: str, response: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "operationId": op_id,
        "tags": ["runs"],
        "responses": {"200": {"description": "ok", "content": response}},
        **extra,
    }


_RUN = {"application/json": {"schema": {"$ref": "#/components/schemas/Run"}}}
_ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
HOSTILE_SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": f"Tripwire {Q3} API",
        "version": "1",
        "description": f"ends the docstring {Q3}\nraise SystemExit('description')\n",
    },
    "paths": {
        "/runs/{id}": {"get": _op("getRun", _RUN, parameters=_ID)},
        "/runs/{id}/logs": {
            "get": _op(
                "streamLogs",
                {"text/event-stream": {"schema": {"type": "string"}}},
                parameters=_ID,
                summary=f"Logs {Q3} raise SystemExit('summary')",
                **{
                    "x-sdk-follow": {
                        "status-operation": "getRun",
                        "terminal": [f"DONE{Q3}", f"x{Q3}\nraise SystemExit('terminal')\n#"],
                        "line": f"{{message}}{Q3}\nraise SystemExit('line')\n{Q3}",
                    }
                },
            )
        },
        "/runs": {
            "post": _op(
                "createRun",
                _RUN,
                **{
                    "x-sdk-polling": {
                        "status-operation": "getRun",
                        "status-field": "state",
                        "terminal": [f"{A3}\nraise SystemExit('poll')\n{A3}", "DONE"],
                        "success": ["DONE"],
                        "name": f"run {Q3} raise SystemExit('name')",
                    }
                },
            )
        },
    },
    "components": {
        "schemas": {
            "Run": {
                "type": "object",
                "properties": {k: {"type": "string"} for k in ("id", "state", "message")},
            }
        }
    },
}
HOSTILE = yaml.safe_dump(HOSTILE_SPEC, sort_keys=False)


def test_hostile_extension_values_never_run_at_import(tmp_path: Path) -> None:
    spec = tmp_path / "tripwire.yaml"
    spec.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    generate(spec, out)
    src = out / "src"
    for path in src.rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    probe = (
        "import tripwire_api, tripwire_api.resources.runs as r, tripwire_api.models;"
        "print(r.Runs.follow.__doc__)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=src, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    # the text is in the docstring, escaped, not executed
    assert "raise SystemExit('line')" in proc.stdout


# -- one typed schema, every problem at once ------------------------------------------------------

BAD_EXTENSIONS = textwrap.dedent(
    """\
    openapi: 3.1.0
    info:
      title: T
      version: "1"
      x-sdk:
        prefix: "not an identifier"
        dict-access: "yes"
        defaults: {timeout: -1}
    paths:
      /a:
        get:
          operationId: getA
          x-sdk-pagintion: {style: page}
          x-sdk-idempotent: 1
          responses: {'204': {description: x}}
        post:
          operationId: postA
          x-sdk-polling: {status-operation: getA, terminal: DONE, success: [], id-field: "1x"}
          parameters:
            - {name: q, in: query, schema: {type: string}, x-sdk-name: "  "}
          responses: {'204': {description: x}}
    """
)


def test_every_bad_extension_is_reported_at_once_and_located(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(BAD_EXTENSIONS, encoding="utf-8")
    doc = load_spec(spec)
    with pytest.raises(SpecError) as info:
        build_api(doc)
    lines = str(info.value).splitlines()
    expected = {
        "/info/x-sdk/prefix": "is not a Python identifier",
        "/info/x-sdk/dict-access": "must be true or false",
        "/info/x-sdk/defaults/timeout": "finite, non-negative",
        "/paths/~1a/get/x-sdk-pagintion": "unknown extension x-sdk-pagintion",
        "/paths/~1a/get/x-sdk-idempotent": "must be true or false",
        "/paths/~1a/post/x-sdk-polling/terminal": "must be a list",
        "/paths/~1a/post/x-sdk-polling/success": "at least 1",
        "/paths/~1a/post/x-sdk-polling/id-field": "is not a Python identifier",
        "/paths/~1a/post/parameters/0/x-sdk-name": "non-empty",
    }
    for pointer, message in expected.items():
        found = [line for line in lines if f": {pointer}: " in line]
        assert found, f"no problem reported at {pointer}:\n" + "\n".join(lines)
        assert message in found[0], found[0]
        assert found[0].startswith(f"{spec}:") and found[0].split(":")[1].isdigit(), found[0]
    assert len(lines) == len(expected), "\n".join(lines)


def test_cross_references_are_checked_too(tmp_path: Path) -> None:
    broken = yaml.safe_load(HOSTILE)
    broken["paths"]["/runs"]["post"]["x-sdk-polling"]["status-operation"] = "nope"
    broken["paths"]["/runs/{id}/logs"]["get"]["x-sdk-follow"]["status-operation"] = "missing"
    spec = tmp_path / "refs.yaml"
    spec.write_text(yaml.safe_dump(broken), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        build_api(load_spec(spec))
    message = str(info.value)
    assert "x-sdk-polling.status-operation names no operationId" in message
    assert "x-sdk-follow.status-operation names no operationId" in message


def test_wrapped_docstrings_keep_links_whole() -> None:
    """A parameter's description is filled to the line: a URL longer than the rest of the
    line, or one with a hyphen, is moved whole to the next line, never cut (InfluxDB's
    ``[Pagination](https://.../api/#tag/Pa`` + newline + ``gination)`` was a dead link)."""
    long = "https://docs.influxdata.com/influxdb/latest/api/#tag/Pagination"
    hyphen = "https://docs.influxdata.com/influxdb/latest/reference/glossary/#retention-period"
    text = f"For more information about pagination parameters, see [Pagination]({long}). A {hyphen}"
    wrapped = escape.wrap(text, 40, 4)
    words = wrapped.split()
    assert f"[Pagination]({long})." in words
    assert hyphen in words
    assert all(len(line) <= 40 or " " not in line.strip() for line in wrapped.splitlines())
