"""Spec text that reaches models.py through datamodel-code-generator (issue 11, item 1).

Measured (datamodel-code-generator 0.89): descriptions and titles (docstrings,
``Field(description=...)``), enum values, defaults, examples, ``const`` and property names
(aliases) are escaped by it for their context, with quotes, backslashes, ``\\u2028``, newlines,
``#`` and NUL. What it does NOT make safe, and what the models stage does about it:

* ``x-enum-descriptions`` (and the descriptions of a ``oneOf`` of ``const``s) reach a custom
  enum template escaped but unquoted: templates/models/Enum.jinja2 quotes them (a bare
  ``TRIP()`` line used to run at import);
* ``x-python-type``, ``x-python-import``, ``x-is-classvar``, ``x-is-base-class``,
  ``x-datamodel-code-generator-*``...: it writes them as code; ``models/prepare.py`` passes only
  the enum-name/description extensions and ``x-sdk-*``;
* last line of defence, ``models/verify.verify_models``: the module may only hold imports
  of known modules, classes of fields and docstrings, ``Field``/``float``... calls and
  ``model_rebuild()``; anything else stops the run, located.

Every hostile text below is used in every place, the package is imported in a child process
with ``TRIP`` as a builtin that records a call (the tripwire), and the values must come back
exactly as the spec wrote them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import SpecError
from generator.models.verify import verify_models
from generator.output.write import write_tree
from generator.pipeline import build

PAYLOADS = [
    '"""',
    "'''",
    "\\",
    'ends with a quote"',
    "ends with a backslash\\",
    "a\u2028b\u2029c",
    "line1\nline2\r\nline3\rline4",
    "# not a comment",
    "x'y\"z",
    "\\N{BULLET} \\u0041 \\x41",
    '"""; TRIP(); """',
    "'''; TRIP(); '''",
    '\\"""; TRIP(); x = """',
    "\nTRIP()\n",
    "\\\nTRIP()",
    '"); TRIP(); ("',
    "{TRIP()} %s {{ 7*7 }}",
    "\x0b\x0c\x85\ufeff",
]


def _spec(text: str) -> dict[str, Any]:
    prop = {
        "type": "string",
        "description": text,
        "title": text,
        "default": text,
        "example": text,
        "examples": [text],
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Models", "version": "1", "x-sdk": {"package": "models_text"}},
        "paths": {"/x": {"get": {"responses": {"204": {"description": "nothing"}}}}},
        "components": {
            "schemas": {
                "Obj": {
                    "type": "object",
                    "title": text,
                    "description": text,
                    "properties": {
                        "s": prop,
                        "arr": {"type": "array", "items": {"type": "string"}, "default": [text]},
                        "ob": {"type": "object", "default": {text: text}},
                        "lit": {"type": "string", "const": text},
                        "e": {"$ref": "#/components/schemas/En"},
                        "c": {"$ref": "#/components/schemas/Const"},
                    },
                },
                "Named": {
                    "type": "object",
                    "properties": {text: {"type": "string", "default": text}},
                },
                "En": {
                    "type": "string",
                    "enum": [text, "ok"],
                    "description": text,
                    "x-enum-varnames": [text, "OK"],
                    "x-enum-descriptions": [text, "TRIP()"],
                },
                "Const": {
                    "oneOf": [
                        {"const": "a", "description": text},
                        {"const": "b", "description": "TRIP()"},
                    ]
                },
                "Code": {
                    "type": "object",
                    "properties": {
                        "t": {"type": "string", "x-python-type": "Annotated[str, TRIP()]"},
                        "i": {"type": "string", "x-python-import": {"module": "this", "name": "s"}},
                        "v": {"type": "string", "x-is-classvar": True, "default": "v"},
                        "n": {
                            "type": "string",
                            "x-datamodel-code-generator-field-name": "x=TRIP()",
                        },
                    },
                },
            }
        },
    }


CHILD = textwrap.dedent(
    """
    import builtins, importlib, json, sys
    calls = []
    builtins.TRIP = lambda *a: calls.append(a)
    imported = []
    sys.addaudithook(lambda event, args: imported.append(args[0]) if event == "import" else None)
    results = []
    for root, text in json.loads(sys.argv[1]):
        sys.path.insert(0, root)
        m = importlib.import_module("models_text.models")
        o = m.Obj()
        named = m.Named().model_dump(by_alias=True)
        results.append({
            "s": o.s, "arr": o.arr, "ob": o.ob, "enum": [e.value for e in m.En],
            "named": named, "lit": m.Obj.model_validate({"lit": text}).lit,
            "code_v": "v" in m.Code.model_fields,
        })
        sys.path.remove(root)
        for name in [n for n in sys.modules if n.startswith("models_text")]:
            del sys.modules[name]
    print(json.dumps({"results": results, "calls": len(calls),
                      "this": "this" in imported}))
    """
)


def test_hostile_text_in_every_model_context_stays_data(tmp_path: Path) -> None:
    cases = []
    for index, text in enumerate(PAYLOADS):
        spec = tmp_path / f"spec{index}.yaml"
        spec.write_text(yaml.safe_dump(_spec(text), allow_unicode=True), encoding="utf-8")
        files, _, _ = build(spec)
        out = tmp_path / f"out{index}"
        write_tree(files, out)
        modules = [
            t
            for n, t in files.items()
            if ("/models/_" in n and "__init__" not in n) or n.endswith("/models.py")
        ]
        assert modules and all(verify_models(t, "models_text") == [] for t in modules)
        cases.append((str(out / "src"), text))
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(cases)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    found = json.loads(proc.stdout)
    assert found["calls"] == 0, "spec text ran as code at import"
    assert not found["this"], "x-python-import made models.py import a module"
    for (_, text), got in zip(cases, found["results"], strict=True):
        # YAML (like JSON) keeps every character but normalises nothing: values come back
        # exactly; a lone CR or a \x85 inside a YAML scalar is read as a line break.
        expected = yaml.safe_load(yaml.safe_dump(text, allow_unicode=True))
        assert got["s"] == expected and got["arr"] == [expected], text
        assert got["ob"] == {expected: expected} and got["lit"] == expected, text
        assert got["enum"] == [expected, "ok"], text
        assert list(got["named"].values()) == [expected], text
        assert got["code_v"]  # x-is-classvar dropped: an ordinary field


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("import os\n", "unexpected Import"),
        ("from this import s\n", "import from 'this'"),
        ("class A(B):\n    x = 1\n    TRIP()\n", "unexpected Expr in class A"),
        ("class A(B):\n    x: int = Field(default=__import__('os'))\n", "call of '__import__'"),
        ("@decorator\nclass A(B):\n    pass\n", "decorators"),
        ("def f():\n    pass\n", "FunctionDef"),
        ("class A(B):\n    x: int = (y := 1)\n", "NamedExpr"),
    ],
)
def test_models_module_holding_code_is_refused(source: str, reason: str) -> None:
    problems = verify_models(source, "pkg")
    assert any(reason in p for p in problems), problems


def test_refusal_is_a_located_spec_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.models as models

    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(_spec("x")))
    real = models._run
    monkeypatch.setattr(models, "_run", lambda *a: real(*a) + "\nTRIP()\n")
    with pytest.raises(SpecError) as info:
        build(spec)
    line = str(info.value)
    assert line.startswith(f"{spec}:") and "/components/schemas" in line
    assert "not a model definition" in line and "unexpected Expr statement" in line


@pytest.mark.parametrize("text", ['"); TRIP(); ("', 'x"\n', 'a\n\nb"  \n', '"'])
def test_docstring_text_ending_in_a_quote_cannot_close_the_docstring(text: str) -> None:
    """Found by the fuzzer: a tag description ending in a quote, written before the closing
    triple quotes, ended the docstring one character early (the guard space was stripped)."""
    from generator.escape import comment, docstring, wrap

    for escaped in (docstring(text, 4), comment(text), wrap(text, 80, 4)):
        source = f'def f():\n    """{escaped}"""\n'
        compile(source, "<test>", "exec")
        namespace: dict[str, Any] = {}
        exec(source, namespace)  # noqa: S102 - the point: the docstring is only a string
        assert "TRIP" not in namespace
