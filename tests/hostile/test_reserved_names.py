"""Names from a spec never collide with the names the generated code uses (issue 11, item 4).

* ``collide.yaml`` names arguments ``type``, ``cast``, ``str``, ``isinstance``, ``timeout``,
  ``total_timeout``, ``extra_headers``, ``body``, ``initial``, ``functools``, ``self``, and gives
  an ``x-sdk-follow`` stream the path parameters ``file`` and ``out``: every method of its
  package is called (sync and async, over a mock transport) and sends the spec's names.
* The reserved list (``generator.reserved.RESERVED_ARGUMENTS``, used by ``argument_name``, the
  one place a spec field becomes an argument) covers every lower-case name a generated method
  body reads from module or builtin scope, in every package the repository generates.
* Extension values that would collide are refused with a located error.
* The formatting stage fails, naming file, line and reason, on output that does not compile or
  that ruff reports as F811/F821.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build.extension_values import EXCEPTION_ATTRIBUTES, RUNTIME_EXCEPTIONS
from generator.errors import SpecError
from generator.output.format import GeneratedCodeError, compile_errors, format_tree
from generator.pipeline import build, generate
from generator.reserved import FOLLOW_NAMES, RESERVED_ARGUMENTS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC = HERE / "collide.yaml"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("collide") / "out"
    generate(SPEC, out)
    return out


CALLS = textwrap.dedent(
    """
    import asyncio, io, json
    import httpx
    from collide import AsyncCollideClient, CollideClient
    seen = []
    def handler(request):
        seen.append({"method": request.method, "path": request.url.path,
                     "query": sorted(request.url.params.multi_items()),
                     "body": json.loads(request.content) if request.content else None,
                     "x-extra": request.headers.get("extra_headers")})
        path = request.url.path
        if path == "/names":
            return httpx.Response(200, json="a name")
        if path == "/either":
            return httpx.Response(200, json=7)
        if path.endswith("/events"):
            return httpx.Response(200, text='data: {"message": "hi"}\\n\\n',
                                  headers={"content-type": "text/event-stream"})
        if request.method == "POST" and path == "/things":
            return httpx.Response(204)
        return httpx.Response(200 if request.method == "GET" else 201,
                              json={"id": "j1", "status": "done", "type": "t"})
    def results(things, jobs, out):
        return [
            things.create(type="a", cast="c", str_="s", isinstance_=None, body="b",
                          initial="i", functools_="f", self_="me", timeout_=1.5,
                          total_timeout_=2.5, extra_headers_="h"),
            things.names(type="t", str_="s", cast="c", datetime_="d"),
            things.either(cast="c", type="t"),
            things.retrieve("f", "o").id,
            things.follow("f", "o", file=out).status,
            jobs.create(type="t", initial="i", functools_="f", poll_interval_=1.0)
            .result(timeout=5).id,
        ]
    transport = httpx.MockTransport(handler)
    out = io.StringIO()
    client = CollideClient(http_client=httpx.Client(transport=transport))
    sync = results(client.things, client.jobs, out)
    async def main():
        aclient = AsyncCollideClient(http_client=httpx.AsyncClient(transport=transport))
        t, j = aclient.things, aclient.jobs
        return [
            await t.create(type="b", str_="s2", isinstance_=None),
            await t.names(type="t", str_="s"),
            await t.either(cast="c", type="t"),
            (await t.follow("f", "o", file=out)).status,
            (await (await j.create(type="t")).result(timeout=5)).id,
        ]
    asynced = asyncio.run(main())
    print(json.dumps({"sync": sync, "async": asynced, "seen": seen, "printed": out.getvalue()}))
    """
)


def test_every_method_works_with_colliding_names(package: Path, tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(package / "src"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-c", CALLS], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["sync"] == [None, "a name", 7, "j1", "done", "j1"]
    assert result["async"] == [None, "a name", 7, "done", "j1"]
    assert result["printed"] == "hi\nhi\n"
    create = result["seen"][0]
    assert create["body"] == {
        "type": "a",
        "cast": "c",
        "str": "s",
        "isinstance": None,
        "body": "b",
        "initial": "i",
        "functools": "f",
        "self": "me",
    }
    assert create["query"] == [["timeout", "1.5"], ["total_timeout", "2.5"]]
    assert create["x-extra"] == "h"
    names = result["seen"][1]
    assert names["query"] == [["cast", "c"], ["datetime", "d"], ["str", "s"], ["type", "t"]]
    follow_paths = [s["path"] for s in result["seen"] if s["path"].startswith("/things/")]
    assert set(follow_paths) == {"/things/f/o", "/things/f/o/events"}


@pytest.mark.slow
def test_mypy_strict_clean(package: Path) -> None:
    """``NoneType`` and ``_cast(Type[X], X)`` type-check as ``type(None)`` and ``cast`` did."""
    mypy = Path(sys.executable).with_name("mypy")
    proc = subprocess.run(
        [str(mypy), "--strict", "src/collide"],  # the session's cache (tests/conftest.py)
        cwd=package,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-5000:]


def _free_reads(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names a function reads that are neither its arguments nor its locals."""
    args = fn.args
    params = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
    params |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    nodes = [n for stmt in fn.body for n in ast.walk(stmt)]
    # a local variable's annotation is never evaluated
    annotations = {
        id(a) for n in nodes if isinstance(n, ast.AnnAssign) for a in ast.walk(n.annotation)
    }
    names = [n for n in nodes if isinstance(n, ast.Name) and id(n) not in annotations]
    stored = {n.id for n in names if isinstance(n.ctx, ast.Store)}
    return {n.id for n in names if isinstance(n.ctx, ast.Load)} - params - stored


def _method_modules(package: Path) -> list[Path]:
    roots = [
        *ROOT.glob("generated/*/src/*"),
        *ROOT.glob("tests/fixtures/*/expected/src/*"),
        *(package / "src").iterdir(),
    ]
    return [p for r in roots for p in [r / "_client.py", *(r / "resources").glob("*.py")]]


def test_reserved_arguments_cover_what_generated_methods_read(package: Path) -> None:
    """A spec name can only shadow a lower-case name (``snake_case`` lowers it and strips
    leading underscores): every such name a generated method reads from outside is reserved
    (the follow helper's, for its path arguments)."""
    unreserved: dict[str, str] = {}
    for module in _method_modules(package):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for fn in cls.body:
                if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                if fn.name == "__init__":  # fixed arguments, no spec names
                    continue
                allowed = FOLLOW_NAMES if fn.name == "follow" else RESERVED_ARGUMENTS | {"self"}
                for name in _free_reads(fn):
                    if name[:1].islower() and name not in allowed:
                        unreserved[name] = f"{module}: {cls.name}.{fn.name}"
    assert unreserved == {}


def test_runtime_exception_names_match_the_template() -> None:
    template = (ROOT / "templates" / "runtime" / "_exceptions.py.jinja").read_text()
    defined = set(re.findall(r"^(?:class (\w+)\(|(\w+) = )", template, re.M))
    names = {a or b for a, b in defined if not (a or b).startswith("_")} - {"PollingFailedError"}
    names |= {"FieldError", "ProblemDetails"}  # imported there from _error_body
    assert names <= RUNTIME_EXCEPTIONS
    attributes = set(re.findall(r"self\.(\w+)(?::[^=]*)? = ", template))
    assert attributes - {"result", "retry_after", "reset_at"} <= EXCEPTION_ATTRIBUTES


def _with(tmp_path: Path, change: Any) -> Path:
    spec = yaml.safe_load(SPEC.read_text())
    change(spec)
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def _polling(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/jobs"]["post"]["x-sdk-polling"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("change", "pointer", "reason"),
    [
        (lambda s: _polling(s).update({"failure-attribute": "self"}), "failure-attribute", "uses"),
        (lambda s: _polling(s).update({"failure-attribute": "message"}), "failure-attribute", ""),
        (lambda s: _polling(s).update({"failure-attribute": "kwargs"}), "failure-attribute", ""),
        (lambda s: _polling(s).update({"failure-error": "ValidationError"}), "failure-error", ""),
        (lambda s: _polling(s).update({"failure-error": "BaseModel"}), "failure-error", ""),
        (lambda s: _polling(s).update({"failure-error": "Exception"}), "failure-error", ""),
        (lambda s: s["info"]["x-sdk"].update({"package": "json"}), "package", "shadow"),
        (lambda s: s["info"]["x-sdk"].update({"package": "httpx"}), "package", "shadow"),
        (lambda s: s["info"]["x-sdk"].update({"client": "Operation"}), "client", "imports"),
        (
            lambda s: s["paths"]["/things/{file}/{out}/events"]["get"]["x-sdk-follow"].update(
                {"method": "options"}
            ),
            "x-sdk-follow/method",
            "attribute",
        ),
    ],
)
def test_colliding_extension_values_are_refused(
    tmp_path: Path, change: Any, pointer: str, reason: str
) -> None:
    with pytest.raises(SpecError) as info:
        build(_with(tmp_path, change))
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'spec.yaml'}:"), message
    assert pointer in message.splitlines()[0] and reason in message, message


def test_the_default_failure_error_named_explicitly_is_the_default(tmp_path: Path) -> None:
    files, _, _ = build(
        _with(tmp_path, lambda s: _polling(s).update({"failure-error": "PollingFailedError"}))
    )
    assert "class PollingFailedError(" in files["src/collide/_exceptions.py"]
    assert files["src/collide/_exceptions.py"].count("class PollingFailedError(") == 1


def test_package_named_like_a_stdlib_module_from_the_title_is_renamed(tmp_path: Path) -> None:
    def retitle(spec: dict[str, Any]) -> None:
        spec["info"]["title"] = "JSON"
        del spec["info"]["x-sdk"]

    files, _, _ = build(_with(tmp_path, retitle))
    assert "src/json_client/__init__.py" in files


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "tree"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    (root / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    return root


def test_output_that_does_not_compile_is_refused_with_file_line_and_reason(
    tmp_path: Path,
) -> None:
    bad = "x = 1\ndef f(a, a):\n    pass\n"
    root = _tree(tmp_path, {"src/p/ok.py": "x = 1\n", "src/p/bad.py": bad})
    with pytest.raises(GeneratedCodeError) as info:
        format_tree(root, label="OUT")
    lines = str(info.value).splitlines()
    assert lines[0].startswith("the generated code does not compile") and "OUT" in lines[0]
    assert lines[1].strip().startswith("src/p/bad.py:2:")
    assert "duplicate argument" in lines[1]
    assert len(lines) == 2


def test_only_trusted_modules_skip_the_compile_gate(tmp_path: Path) -> None:
    """The models' modules, checked as one module before the split, are ``trusted``: not
    compiled again; any other module still is."""
    bad = "def f(a, a):\n    pass\n"
    root = _tree(tmp_path, {"src/p/models/_a.py": bad, "src/p/bad.py": bad})
    assert compile_errors(root, trusted={"src/p/models/_a.py"}) == [
        "src/p/bad.py:1:10: duplicate argument 'a' in function definition"
    ]
    assert compile_errors(root, trusted={"src/p/models/_a.py", "src/p/bad.py"}) == []


def test_shadowed_or_undefined_names_are_refused_with_file_line_and_reason(
    tmp_path: Path,
) -> None:
    source = "import json\n\n\ndef f(json: int) -> int:\n    return undefined + json\n"
    root = _tree(tmp_path, {"src/p/m.py": source})
    with pytest.raises(GeneratedCodeError) as info:
        format_tree(root, label="OUT")
    text = str(info.value)
    assert "src/p/m.py:" in text and "F821 Undefined name `undefined`" in text, text


def test_a_redefinition_is_refused_by_the_same_check_that_applies_the_fixes(
    tmp_path: Path,
) -> None:
    # one `ruff check --fix` applies the fixes and answers the gate (output/format.py)
    source = "def f() -> int:\n    return 1\n\n\ndef f() -> int:\n    return 2\n"
    root = _tree(tmp_path, {"src/p/m.py": source, "src/p/ok.py": "import os\n"})
    with pytest.raises(GeneratedCodeError) as info:
        format_tree(root, label="OUT")
    text = str(info.value)
    assert "src/p/m.py:5:5: F811" in text and "ok.py" not in text, text


def test_failure_error_named_like_a_package_class_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as info:
        build(_with(tmp_path, lambda s: _polling(s).update({"failure-error": "CollideException"})))
    assert "x-sdk-polling/failure-error: 'CollideException' is a class the package defines" in (
        str(info.value)
    )


def test_one_failure_error_with_two_attributes_is_refused(tmp_path: Path) -> None:
    def twice(spec: dict[str, Any]) -> None:
        other = json.loads(json.dumps(spec["paths"]["/jobs"]["post"]))
        other["operationId"] = "createOtherJob"
        other["x-sdk-method"] = "create_other"
        other["x-sdk-polling"]["failure-attribute"] = "other"
        spec["paths"]["/other-jobs"] = {"post": other}

    with pytest.raises(SpecError) as info:
        build(_with(tmp_path, twice))
    message = str(info.value)
    assert "/paths/~1other-jobs/post/x-sdk-polling/failure-error" in message
    assert "'JobFailedError' is given the attribute 'other' here and 'job' elsewhere" in message
