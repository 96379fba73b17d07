"""Our own fuzzer (issue 11, item 5): every ``x-sdk-*`` extension and every place where spec
text reaches the output, drawn by hypothesis, generated with an audit hook on, and imported with
an import-time tripwire.

What is drawn (``fuzz_specs``): ``info.x-sdk`` (every key), ``x-sdk-namespace``, ``-method``,
``-positional``, ``-idempotent``, ``-pagination``, ``-polling``, ``-follow``, ``-unwrap``,
``-name``, ``-secret``, ``-breaking-default`` (each either a plausible value or a hostile one),
and hostile text in the title, version, descriptions, summaries, tags, server URLs and their
variables, parameter and property names, enum values, defaults, examples, titles and
``x-enum-descriptions``. Texts carry payloads that call ``TRIP()`` if they ever run as code;
names are drawn among those the generated code uses itself (``type``, ``self``, ``json``,
``file``, ``ValidationError``, ``BaseModel``...).

Two phases, like tests/hostile/test_hypothesis_specs.py: the examples are drawn and written
first (deterministic: ``derandomize``), then

1. one child process generates them all (``pipeline.generate``: ruff, the compile and
   F811/F821 gate) under ``sys.addaudithook``: every file opened must be the spec, the
   generator's code and templates, Python's own files or the output; no socket is used; the
   only program started is ruff. Each spec generates, or fails with one located line
   (``file:line: /pointer: message``), never a traceback, never a "generated code" error;
2. one child process imports every generated package (every module) and builds a client,
   with ``TRIP`` defined as a builtin that records its calls, and an audit hook that records
   programs started, sockets, files written and modules imported from outside the allowed set.

``FUZZ_EXAMPLES`` sets the number of examples (default 12, a few seconds, in ``make test``);
``make fuzz`` runs 300.
"""

from __future__ import annotations

import json
import keyword
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build.extension_values import EXCEPTION_ATTRIBUTES, RUNTIME_EXCEPTIONS
from generator.reserved import FOLLOW_NAMES, RESERVED_ARGUMENTS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))

# -- strategies ----------------------------------------------------------------------------------

PAYLOADS = [
    '"""; TRIP(); """',
    "'''; TRIP(); '''",
    '"); TRIP(); ("',
    "'); TRIP(); ('",
    "\nTRIP()\n",
    "\\\nTRIP()",
    "# x\nTRIP()",
    "\u2028TRIP()\u2029",
    "\rTRIP()",
    "{TRIP()}",
    "{{ TRIP() }}",
    "{% if TRIP() %}{% endif %}",
    "${TRIP()}",
    "`TRIP()`",
    "<script>TRIP()</script>",
    '\\"""; TRIP(); """',
    '"',
    "'",
    "\\",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "%s %(x)s {0}",
    "a" * 120,
]
COLLIDING = sorted(
    RESERVED_ARGUMENTS
    | FOLLOW_NAMES
    | RUNTIME_EXCEPTIONS
    | EXCEPTION_ATTRIBUTES
    | {"type", "cast", "json", "os", "sys", "httpx", "typing", "builtins", "pydantic", "models"}
    | {"BaseModel", "Field", "List", "Optional", "Operation", "RequestOptions", "NotGiven"}
    | {"PollingFailedError", "Exception", "result", "id", "status", "items", "options"}
    | {"config", "request", "close", "with_raw_response", "copy", "model_config", "__init__"}
    | set(keyword.kwlist)
)

texts = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=16),
    st.lists(st.sampled_from(PAYLOADS), min_size=2, max_size=3).map("".join),
)
identifiers = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}", fullmatch=True)
# names in the spec: mostly the generated code's own, some anything (quotes, line breaks: refused)
names = st.integers(0, 9).flatmap(
    lambda i: texts if i == 9 else identifiers if i >= 6 else st.sampled_from(COLLIDING)
)


def maybe(valid: Any, hostile: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a working value (so that generation goes on to the later stages), else hostile."""
    # hypothesis tends to small integers (and derandomized runs shrink towards them): the
    # hostile branch is the largest
    return st.integers(0, 5).flatmap(lambda i: hostile if i == 5 else st.just(valid))


def optional_keys(**keys: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=keys)


numbers = st.one_of(st.integers(-5, 10**6), st.floats(-1e9, 1e12, allow_nan=False))
statuses = st.lists(
    st.one_of(st.sampled_from(["done", "failed", "running"]), texts), min_size=1, max_size=3
)


def prop_schema() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"type": st.just("string")},
        optional={
            "description": texts,
            "title": texts,
            "default": texts,
            "example": texts,
            "examples": st.lists(texts, max_size=2),
            "enum": st.lists(texts, min_size=1, max_size=3, unique=True),
            "x-enum-descriptions": st.lists(texts, max_size=3),
            "x-sdk-name": names,
            "x-sdk-secret": st.booleans(),
            "x-sdk-breaking-default": st.booleans(),
        },
    )


props = st.dictionaries(names, prop_schema(), max_size=3)


@st.composite
def fuzz_specs(draw: st.DrawFn) -> dict[str, Any]:
    info_sdk = draw(
        optional_keys(
            package=maybe("fuzzed", names),
            client=maybe("FuzzClient", names),
            **{"async-client": maybe("AsyncFuzzClient", names)},
            prefix=maybe("Fuzz", names),
            **{"env-prefix": maybe("FUZZ_", names), "user-agent": maybe("fuzz-agent", texts)},
            envelope=optional_keys(data=maybe("data", texts)),
            **{
                "error-envelope": optional_keys(code=texts, message=texts, details=texts),
                "dict-access": st.booleans(),
                "exception-aliases": st.booleans(),
            },
            defaults=optional_keys(
                timeout=maybe(5, numbers),
                **{"poll-interval": maybe(1, numbers), "max-poll-timeout": maybe(60, numbers)},
            ),
        )
    )
    terminal = draw(statuses)
    namespace = draw(maybe("things", names))
    thing = {
        "type": "object",
        "description": draw(texts),
        "title": draw(texts),
        "required": ["id", "status"],
        "properties": {
            "id": {"type": "string", "description": draw(texts)},
            "status": {"type": "string", "enum": terminal + ["running"]},
            "progress": {"type": "number"},
            "message": {"type": "string", "example": draw(texts)},
            **draw(props),
        },
    }
    body: dict[str, Any] = {"type": "object", "properties": draw(props)}
    body_names = list(body["properties"])
    with_required: bool = draw(st.booleans())
    if body_names and with_required:
        body["required"] = draw(
            st.lists(st.sampled_from(body_names), min_size=1, max_size=2, unique=True)
        )
    path_param = {
        "name": "thingId",
        "in": "path",
        "required": True,
        "description": draw(texts),
        "schema": {"type": "string"},
        **draw(optional_keys(**{"x-sdk-name": maybe("thing_id", names)})),
    }
    query = [
        {"name": draw(names), "in": "query", "description": draw(texts), "schema": schema}
        for schema in draw(st.lists(prop_schema(), max_size=2))
    ]

    def op(op_id: str, **extra: Any) -> dict[str, Any]:
        found = {
            "operationId": op_id,
            "summary": draw(texts),
            "description": draw(texts),
            "tags": [tag],
            "x-sdk-namespace": namespace,
            **extra,
        }
        return {k: v for k, v in found.items() if v is not None}

    def returns(schema: dict[str, Any], media: str = "application/json") -> dict[str, Any]:
        return {"200": {"description": draw(texts), "content": {media: {"schema": schema}}}}

    tag = draw(maybe("things", texts))
    thing_ref = {"$ref": "#/components/schemas/Thing"}
    page = {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": thing_ref},
            "pagination": {"type": "object", "properties": {"page": {"type": "integer"}}},
        },
    }
    polling = {
        "status-operation": draw(maybe("getThing", texts)),
        "terminal": terminal,
        "success": terminal[:1],
        **draw(
            optional_keys(
                **{
                    "id-field": maybe("id", names),
                    "status-field": maybe("status", texts),
                    "progress-field": maybe("progress", texts),
                    "cancel-operation": maybe("cancelThing", texts),
                    "failure-error": maybe("ThingFailedError", names),
                    "failure-attribute": maybe("thing", names),
                    "error-field": maybe("message", texts),
                },
                name=texts,
            )
        ),
    }
    follow = {
        "status-operation": draw(maybe("getThing", texts)),
        "terminal": terminal,
        **draw(
            optional_keys(
                method=maybe("follow", names),
                **{"status-field": maybe("status", names)},
                line=maybe("{message}", texts),
            )
        ),
    }
    pagination = draw(
        optional_keys(
            style=maybe("page", st.sampled_from(["single", "cursor"]) | texts),
            items=maybe("items", texts),
            meta=maybe("pagination", texts),
            **{"page-param": maybe("page", texts), "size-param": maybe("per_page", texts)},
        )
    )
    media_ext = draw(
        optional_keys(
            **{
                "x-sdk-method": maybe("create", names),
                "x-sdk-positional": st.lists(st.sampled_from(body_names or ["x"]), max_size=1),
            }
        )
    )
    spec: dict[str, Any] = {
        "openapi": draw(st.sampled_from(["3.1.0", "3.0.3"])),
        "info": {
            "title": draw(maybe("Fuzz", names)),
            "version": draw(maybe("1.0", texts)),
            "description": draw(texts),
            **({"x-sdk": info_sdk} if info_sdk else {}),
        },
        "servers": [
            {
                "url": draw(maybe("https://api.example.com/{v}", texts)),
                "description": draw(texts),
                "variables": {"v": {"default": draw(maybe("v1", texts))}},
            }
        ],
        "tags": [{"name": tag, "description": draw(texts)}],
        "paths": {
            "/things": {
                "get": op(
                    "listThings",
                    parameters=query,
                    responses=returns(page),
                    **{
                        "x-sdk-method": draw(maybe("list", names)),
                        "x-sdk-pagination": pagination,
                    },
                ),
                "post": op(
                    "createThing",
                    requestBody={
                        "required": True,
                        "content": {"application/json": {"schema": body, **media_ext}},
                    },
                    responses=returns(thing_ref),
                    **{
                        "x-sdk-polling": polling if draw(st.integers(0, 3)) else None,
                        "x-sdk-idempotent": draw(st.booleans()),
                        "x-sdk-positional": draw(
                            st.lists(st.sampled_from(body_names or ["x"]), max_size=1)
                            if draw(st.integers(0, 3)) == 3
                            else st.none()
                        ),
                    },
                ),
            },
            "/things/{thingId}": {
                "parameters": [path_param],
                "get": op("getThing", responses=returns(thing_ref), **{"x-sdk-method": "retrieve"}),
                "delete": op(
                    "cancelThing",
                    responses={"204": {"description": draw(texts)}},
                    **{"x-sdk-method": draw(maybe("cancel", names))},
                ),
            },
            "/things/{thingId}/events": {
                "parameters": [path_param],
                "get": op(
                    "streamThing",
                    responses=returns({"type": "string"}, "text/event-stream"),
                    **{"x-sdk-follow": follow, "x-sdk-method": draw(maybe("events", names))},
                ),
            },
            "/things/{thingId}/history": {
                "parameters": [path_param],
                "get": op(
                    "thingHistory",
                    responses=returns(
                        {"type": "object", "properties": {"history": {"type": "array"}}}
                    ),
                    **{"x-sdk-unwrap": draw(maybe("history", texts))},
                ),
            },
        },
        "components": {"schemas": {"Thing": thing, "Page": page}},
    }
    if draw(st.booleans()):
        spec["components"]["securitySchemes"] = {
            "bearer": {"type": "http", "scheme": "bearer", "description": draw(texts)}
        }
        spec["security"] = [{"bearer": []}]
    return _as_30(spec) if spec["openapi"].startswith("3.0") else spec


def _as_30(node: Any) -> Any:
    """OpenAPI 3.0 has no ``examples`` in schemas (an error, not what is being fuzzed)."""
    if isinstance(node, list):
        return [_as_30(v) for v in node]
    if isinstance(node, dict):
        return {k: _as_30(v) for k, v in node.items() if k != "examples"}
    return node


# -- phase 0: draw and write ---------------------------------------------------------------------

SPECS: list[Path] = []


@pytest.fixture(scope="module")
def cases_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(autouse=True, scope="module")
def _same_examples_in_any_test_order() -> Iterator[None]:
    """As in test_hypothesis_specs.py: no "local constants" from whatever modules are loaded,
    so the fixed-seed examples are the same in every run."""
    from hypothesis.internal.conjecture import providers

    original = providers._get_local_constants
    providers._get_local_constants = providers.Constants  # type: ignore[assignment, attr-defined]
    providers.CONSTANTS_CACHE.cache.clear()
    try:
        yield
    finally:
        providers._get_local_constants = original  # type: ignore[assignment]
        providers.CONSTANTS_CACHE.cache.clear()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(spec=fuzz_specs(), as_json=st.booleans())
def test_draw_specs(cases_dir: Path, spec: dict[str, Any], as_json: bool) -> None:
    case = cases_dir / f"case{len(SPECS):04d}"
    case.mkdir()
    if as_json:
        path = case / "spec.json"
        path.write_text(
            json.dumps(spec, ensure_ascii=False), encoding="utf-8", errors="surrogatepass"
        )
    else:
        path = case / "spec.yaml"
        text = yaml.safe_dump(spec, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    SPECS.append(path)


# -- phase 1: generate under the audit hook ------------------------------------------------------

GENERATE = textwrap.dedent(
    r"""
    import json, os, sys, tempfile
    root = os.path.realpath(sys.argv[2])
    tmp = os.path.realpath(tempfile.gettempdir())
    allowed = [os.path.realpath(p) for p in
               (sys.prefix, sys.base_prefix, os.path.join(root, "generator"),
                os.path.join(root, "templates"), "/dev/null", "/etc/mime.types",
                os.path.join(tmp, f"_jinja2-cache-{os.getuid()}"))]
    allowed += [os.path.realpath(p) for p in sys.path if p and "site-packages" in p]
    events = []
    def hook(event, args):
        if event in ("tempfile.mkdtemp", "tempfile.mkstemp"):
            allowed.append(os.path.realpath(os.fsdecode(args[0])))  # its own scratch space
        elif event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            if not os.path.isabs(os.fsdecode(args[0])):
                return  # opened against a directory descriptor: rmtree of the staging dir
            path = os.path.realpath(os.fsdecode(args[0]))
            if not any(path == a or path.startswith(a + os.sep) for a in allowed):
                events.append(f"open {path}")
        elif event == "subprocess.Popen":
            if not os.path.basename(os.fsdecode(args[0])).startswith("ruff"):
                events.append(f"Popen {args[0]!r}")
        elif event in ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork"):
            events.append(event)
        elif event.startswith("socket.") and event not in ("socket.__new__", "socket.bind"):
            events.append(f"{event} {args!r:.100}")
    sys.addaudithook(hook)
    from generator.errors import SpecError
    from generator.output.format import GeneratedCodeError
    from generator.pipeline import generate
    import jinja2, yaml  # noqa  (what the generator imports lazily, loaded once)
    base = len(allowed)
    results = []
    for spec in json.loads(sys.argv[1]):
        events.clear()
        case = os.path.dirname(spec)
        del allowed[base:]
        allowed.append(os.path.realpath(case))  # the spec, its output and the staging beside it
        out = os.path.join(case, "out")
        try:
            generate(__import__("pathlib").Path(spec), __import__("pathlib").Path(out))
            outcome = "ok"
        except GeneratedCodeError as exc:
            outcome = "generated code refused: " + str(exc)
        except SpecError as exc:
            outcome = "spec error: " + str(exc).splitlines()[0]
        except BaseException as exc:
            outcome = f"traceback: {type(exc).__name__}: {exc}"
        results.append({"spec": spec, "outcome": outcome, "events": list(events)})
    sys.__stdout__.write(json.dumps(results))
    """
)
LOCATED = re.compile(r"^spec error: [^\n:]+(:\d+)?: /[^\n]*: \S")


def _generate_all(specs: list[Path]) -> list[dict[str, Any]]:
    env = {**os.environ, "GENERATOR_CACHE_DIR": "off", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", GENERATE, json.dumps([str(s) for s in specs]), str(ROOT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


# -- phase 2: import with the tripwire -----------------------------------------------------------

IMPORT = textwrap.dedent(
    r"""
    import builtins, importlib, io, contextlib, json, os, pkgutil, sys
    calls = []
    builtins.TRIP = lambda *a: calls.append(a)
    ALLOWED = set(sys.stdlib_module_names) - {"this", "antigravity", "webbrowser", "turtle"}
    ALLOWED |= {"httpx", "httpcore", "h11", "h2", "hpack", "hyperframe", "anyio", "sniffio",
                "idna", "certifi", "pydantic", "pydantic_core", "annotated_types",
                "typing_extensions", "typing_inspection", "httpx_sse", "rich", "brotli",
                "brotlicffi", "zstandard", "socksio", "exceptiongroup", "_cffi_backend"}
    # the generated packages' dependencies, loaded before the hook: what they import is theirs
    import httpx, httpcore, httpx_sse, pydantic, anyio, sniffio, typing_extensions  # noqa
    events = []
    def hook(event, args):
        if event == "import":
            top = args[0].split(".")[0]
            if top and top not in ALLOWED and not top.startswith("_sysconfigdata"):
                events.append(f"import {args[0]}")
        elif event == "open" and len(args) > 1 and isinstance(args[1], str) and any(
            c in args[1] for c in "wax+"
        ):
            events.append(f"open for writing {args[0]!r}")
        elif event in ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                       "subprocess.Popen", "os.remove", "os.rename", "shutil.rmtree"):
            events.append(event)
        elif event in ("socket.connect", "socket.getaddrinfo", "socket.sendto"):
            events.append(event)
    sys.addaudithook(hook)
    failures = []
    for root in sys.argv[1:]:
        src = os.path.join(root, "src")
        name = next(n for n in sorted(os.listdir(src)) if os.path.isdir(os.path.join(src, n)))
        ALLOWED.add(name)
        sys.path.insert(0, src)
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                pkg = importlib.import_module(name)
                for info in pkgutil.walk_packages(pkg.__path__, name + "."):
                    importlib.import_module(info.name)
                client_class = getattr(pkg, pkg.__all__[0])
                try:
                    client_class(api_key="k", base_url="http://127.0.0.1:9")
                except TypeError:
                    client_class(base_url="http://127.0.0.1:9")
            if out.getvalue():
                failures.append(f"{root}: import printed {out.getvalue()[:200]!r}")
        except Exception as exc:
            failures.append(f"{root}: {type(exc).__name__}: {str(exc)[:300]}")
        finally:
            sys.path.remove(src)
            for mod in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
                del sys.modules[mod]
        if calls:
            failures.append(f"{root}: spec text ran as code (TRIP called {len(calls)} times)")
            calls.clear()
        if events:
            failures.append(f"{root}: {sorted(set(events))[:10]}")
            events.clear()
    print("\n".join(failures))
    sys.exit(1 if failures else 0)
    """
)


@pytest.mark.timeout(1800)
def test_generate_under_audit_and_import_with_tripwire(cases_dir: Path) -> None:
    if not SPECS:
        pytest.skip("run together with test_draw_specs")
    results = _generate_all(SPECS)
    bad = [r for r in results if r["events"]]
    assert not bad, f"generation touched what it must not: {bad[:3]}"
    broken = [r for r in results if r["outcome"] != "ok" and not LOCATED.match(r["outcome"])]
    assert not broken, "\n".join(f"{r['spec']}: {r['outcome'][:1500]}" for r in broken)
    generated = [str(Path(r["spec"]).parent / "out") for r in results if r["outcome"] == "ok"]
    print(f"\n{len(results)} fuzzed specs: {len(generated)} generated, the rest refused, located")
    if os.environ.get("FUZZ_VERBOSE"):
        print("\n".join(r["outcome"][:300] for r in results if r["outcome"] != "ok"))
    assert generated, "no example generated: the strategies are too hostile to be useful"
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT, *generated],
        cwd=cases_dir,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=1800,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("TRIP()", "spec text ran as code"),
        ("import this", "import this"),
        ("import os\nos.system('true')", "os.system"),
        ("open('written.txt', 'w').close()", "open for writing"),
    ],
)
def test_the_tripwires_fire(tmp_path: Path, code: str, found: str) -> None:
    """The import phase fails when a package runs spec text, imports a module outside the
    allowed set, starts a program or writes a file (so a silent pass means something)."""
    package = tmp_path / "case" / "src" / "canary"
    package.mkdir(parents=True)
    client = "class Client:\n    def __init__(self, **kw: object) -> None:\n        pass\n"
    (package / "__init__.py").write_text(f"{code}\n__all__ = ['Client']\n\n\n{client}")
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT, str(tmp_path / "case")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1 and found in proc.stdout, proc.stdout + proc.stderr
