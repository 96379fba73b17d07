"""Random and adversarial specs (hypothesis): the generator writes code that compiles, passes
ruff and imports without side effects, or stops with one clear, located spec error. It never
executes spec text, never tracebacks, never leaves a half-written output directory.

Per example, in process: load -> validate -> models -> parse -> render (``pipeline.build``),
then ``compile()`` of every module, and a failing ``generate()`` must leave its target alone.
The expensive checks are batched over all examples at the end: one ``ruff check --fix-only`` +
``ruff format`` (what ``generate`` does), one ``ruff check``, one import process.

``HYPOTHESIS_SPEC_EXAMPLES`` sets the number of examples (default 200, as CI runs it).
"""

from __future__ import annotations

import functools
import json
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

from generator.errors import SpecError
from generator.output.write import write_tree
from generator.pipeline import build
from generator.render import package as render
from generator.render.environment import environment

BIN = Path(sys.executable).parent
EXAMPLES = int(os.environ.get("HYPOTHESIS_SPEC_EXAMPLES", "200"))
SENTINEL = "PWNED_BY_SPEC"
# One located line: "file:line: /json/pointer: message" (line optional when unknown).
ERROR_LINE = re.compile(r"^[^\n:]+(:\d+)?: /[^\n]*: \S.*$")

# -- strategies -----------------------------------------------------------------------------------

HOSTILE_NAMES = [
    "class",
    "def",
    "None",
    "True",
    "self",
    "json",
    "schema",
    "copy",
    "model_config",
    "model_fields",
    "dict",
    "list",
    "type",
    "id",
    "print",
    "body",
    "options",
    "timeout",
    "extra_headers",
    "with space",
    "with-dash",
    "with.dot",
    "1st",
    "42",
    "naïve",
    "日本",
    "fooBar",
    "foo_bar",
    "FooBar",
    "__init__",
    "_",
    "l",
    "O",
    "Field",
    "BaseModel",
    "Optional",
    "List",
    "request",
    "config",
    "with_raw_response",
]
HOSTILE_TEXTS = [
    '"""',
    "'''",
    "\\",
    'ends with a quote"',
    "ends with a backslash\\",
    "{{ 7*7 }}",
    "{% if true %}x{% endif %}",
    "\x00",
    "\x07\x1b[31m",
    "\u2028\u2029",
    "\u202eevil",
    "\t\ttabs",
    "\r\nwindows",
    f'__import__("os").system("touch {SENTINEL}")',
    f'"""; import os; os.system(\'touch {SENTINEL}\'); x = """',
    "\\N{BULLET} \\x41 \\u0041",
]

names = st.integers(0, 5).flatmap(
    lambda i: (
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=10)  # type: ignore[arg-type]
        if i == 0
        else st.sampled_from(HOSTILE_NAMES)
        if i < 3
        else st.from_regex(r"[A-Za-z][A-Za-z0-9_.-]{0,12}", fullmatch=True)
    )
)
component_names = st.from_regex(r"[A-Za-z0-9._-]{1,14}", fullmatch=True) | st.sampled_from(
    ["Field", "BaseModel", "List", "Optional", "class", "1st", "a.b", "A-B", "Model", "Pet"]
)
texts = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.text(max_size=40),
    st.lists(st.sampled_from(HOSTILE_TEXTS), min_size=2, max_size=4).map("".join),
)


@functools.cache
def scalar_schemas() -> st.SearchStrategy[dict[str, Any]]:
    string = st.fixed_dictionaries(
        {"type": st.just("string")},
        optional={
            "format": st.sampled_from(["date-time", "date", "binary", "email", "uuid", "uri"]),
            "pattern": st.sampled_from(
                ["^[a-z]+$", "(?<=a)b", "^(?!x).*$"] * 15 + ["[", "\\p{L}+"]
            ),
            "minLength": st.integers(0, 5),
            "maxLength": st.integers(5, 50),
            "default": texts,
            "description": texts,
            "example": texts,
            "enum": st.lists(texts, min_size=1, max_size=6),
        },
    )
    number = st.fixed_dictionaries(
        {"type": st.sampled_from(["integer", "number"])},
        optional={
            "minimum": st.integers(-5, 0),
            "maximum": st.integers(1, 100),
            "default": st.one_of(st.integers(-3, 3), st.floats(allow_nan=False), texts),
            "enum": st.lists(st.integers(-10, 10), min_size=1, max_size=5),
        },
    )
    boolean = st.fixed_dictionaries(
        {"type": st.just("boolean")}, optional={"default": st.booleans()}
    )
    multi = st.lists(
        st.sampled_from(["string", "integer", "number", "boolean", "null"]),
        min_size=1,
        max_size=3,
        unique=True,
    ).map(lambda t: {"type": t})
    big_enum = st.integers(50, 700).map(
        lambda n: {"type": "string", "enum": [f"v{i}" for i in range(n)]}
    )
    # big enums are slow to generate models for: rarer than the rest
    common: st.SearchStrategy[dict[str, Any]] = st.one_of(
        string, number, boolean, multi, st.just({})
    )
    return st.integers(0, 14).flatmap(lambda i: big_enum if i == 0 else common)


REF = "<ref>"  # placeholder: {"$ref": "<ref>3"} becomes a ref to the 3rd component (mod count)


@functools.cache  # one strategy for every example: hypothesis validates each new strategy
def schemas() -> st.SearchStrategy[Any]:
    ref = st.integers(0, 4).map(lambda i: {"$ref": f"{REF}{i}"})
    base = st.one_of(scalar_schemas(), ref)

    def extend(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        obj = st.builds(
            lambda props, req, extra, desc: {
                "type": "object",
                "properties": props,
                **({"required": [k for k in props if k in req]} if set(req) & set(props) else {}),
                **({"additionalProperties": extra} if extra is not None else {}),
                **({"description": desc} if desc is not None else {}),
            },
            st.dictionaries(names, children, max_size=5),
            st.lists(names, max_size=3),
            st.one_of(st.none(), st.booleans(), children),
            st.one_of(st.none(), texts),
        )
        array = st.builds(lambda items: {"type": "array", "items": items}, children)
        nullable = st.builds(lambda s: {"anyOf": [s, {"type": "null"}]}, children)
        all_of = st.lists(children, min_size=1, max_size=3).map(lambda xs: {"allOf": xs})
        one_of = st.lists(children, min_size=2, max_size=3).map(lambda xs: {"oneOf": xs})
        return st.one_of(obj, array, nullable, all_of, one_of)

    return st.recursive(base, extend, max_leaves=8)


@functools.cache
def component_schemas() -> st.SearchStrategy[Any]:
    """Mostly objects (recursion then goes through properties, like real specs), sometimes
    anything (which may make an infinite type: a named, tested limitation)."""
    obj = st.builds(
        lambda props, desc: {"type": "object", "properties": props, "description": desc},
        st.dictionaries(names, schemas(), max_size=5),
        texts,
    )
    return st.integers(0, 4).flatmap(lambda i: schemas() if i == 0 else obj)


@st.composite
def discriminated(draw: st.DrawFn, refs: list[str]) -> dict[str, Any]:
    members = draw(st.lists(st.sampled_from(refs), min_size=1, max_size=3, unique=True))
    return {
        "oneOf": [{"$ref": f"#/components/schemas/{m}"} for m in members],
        "discriminator": {
            "propertyName": "kind",
            "mapping": {f"k{i}": f"#/components/schemas/{m}" for i, m in enumerate(members)},
        },
    }


@st.composite
def parameter(draw: st.DrawFn, location: str) -> dict[str, Any]:
    header_names = st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,10}", fullmatch=True)
    param: dict[str, Any] = {
        "name": draw(header_names if location in ("header", "cookie") else names),
        "in": location,
        # headers and path segments are scalars (objects there are a tested limitation, rarer)
        "schema": draw(
            scalar_schemas() if draw(st.integers(0, 5)) else st.one_of(scalar_schemas(), schemas())
        ),
    }
    if location == "path":
        param["required"] = True
    elif draw(st.booleans()):
        param["required"] = draw(st.booleans())
    if draw(st.booleans()):
        param["description"] = draw(texts)
    if draw(st.integers(0, 19)) == 0:
        param["style"] = draw(st.sampled_from(["form", "deepObject", "spaceDelimited", "simple"]))
    return param


@st.composite
def operation(draw: st.DrawFn, path_params: list[str]) -> dict[str, Any]:
    op: dict[str, Any] = {
        "responses": draw(
            st.dictionaries(
                st.sampled_from(["200", "201", "204", "2XX", "default", "404"]),
                st.builds(
                    lambda desc, media, schema: {
                        "description": desc,
                        **({"content": {media: {"schema": schema}}} if media else {}),
                    },
                    texts,
                    st.sampled_from(
                        [
                            None,
                            "application/json",
                            "application/vnd.x+json",
                            "text/plain",
                            "text/event-stream",
                            "application/octet-stream",
                            "application/xml",
                        ]
                    ),
                    schemas(),
                ),
                min_size=1,
                max_size=3,
            )
        )
    }
    if draw(st.booleans()):
        op["operationId"] = draw(names)
    if draw(st.booleans()):
        op["tags"] = draw(st.lists(names, min_size=1, max_size=2))
    for key in ("summary", "description"):
        if draw(st.booleans()):
            op[key] = draw(texts)
    params = [
        {"name": p, "in": "path", "required": True, "schema": draw(scalar_schemas())}
        for p in path_params
    ]
    locations = st.sampled_from(["query"] * 5 + ["header"] * 2 + ["cookie"])
    params += draw(
        st.lists(
            locations.flatmap(lambda loc: parameter(loc)),
            max_size=4,
            unique_by=lambda p: (p["in"], str(p["name"]).lower()),
        )
    )
    if params:
        op["parameters"] = params
    if draw(st.booleans()):
        media = draw(
            st.sampled_from(
                ["application/json"] * 4
                + ["application/x-www-form-urlencoded", "multipart/form-data"] * 2
                + ["text/plain", "*/*", "application/merge-patch+json"]
            )
        )
        op["requestBody"] = {
            "required": draw(st.booleans()),
            "content": {media: {"schema": draw(schemas())}},
        }
    if draw(st.integers(0, 9)) == 0:
        op["deprecated"] = True
    if draw(st.integers(0, 14)) == 0:
        op["callbacks"] = {
            "cb": {"{$request.body#/url}": {"post": {"responses": {"200": {"description": "x"}}}}}
        }
    return op


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    refs = draw(st.lists(component_names, max_size=5, unique=True))
    components = {name: draw(component_schemas()) for name in refs}
    if refs and draw(st.booleans()):  # type: ignore[arg-type]
        components[draw(component_names.filter(lambda n: n not in refs))] = draw(
            discriminated(refs)
        )
    paths: dict[str, Any] = {}
    for _ in range(draw(st.integers(1, 4))):
        segments = draw(
            st.lists(st.from_regex(r"[A-Za-z0-9_.~-]{1,8}", fullmatch=True), min_size=1, max_size=3)
        )
        path_params = draw(
            st.lists(
                st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,6}", fullmatch=True),
                max_size=2,
                unique=True,
            )
        )
        path = "/" + "/".join(segments + ["{" + p + "}" for p in path_params])
        verbs = draw(
            st.lists(
                st.sampled_from(["get", "post", "put", "patch", "delete"]),
                min_size=1,
                max_size=3,
                unique=True,
            )
        )
        item: dict[str, Any] = {verb: draw(operation(path_params)) for verb in verbs}
        if draw(st.integers(0, 4)) == 0:
            item["parameters"] = [draw(parameter("query"))]
        paths[path] = item
    info: dict[str, Any] = {"title": draw(texts | names), "version": draw(texts | st.just("1.0"))}
    if draw(st.booleans()):
        info["description"] = draw(texts)
    spec: dict[str, Any] = {
        "openapi": draw(st.sampled_from(["3.1.0"] * 4 + ["3.0.3"])),
        "info": info,
        "paths": paths,
    }
    if components:
        spec["components"] = {"schemas": components}
    if draw(st.integers(0, 9)) == 0:
        spec["servers"] = [{"url": draw(texts)}]
    spec = _resolve_placeholders(spec, refs)
    return _as_30(spec) if spec["openapi"].startswith("3.0") else spec


def _as_30(node: Any) -> Any:
    """OpenAPI 3.0 spelling of 3.1 schema features: ``type: [x, "null"]`` -> ``type: x,
    nullable: true``; no ``examples`` in schemas."""
    if isinstance(node, list):
        return [_as_30(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _as_30(v) for k, v in node.items() if k != "examples"}
    kind = node.get("type")
    if isinstance(kind, list) or kind == "null":
        kinds = kind if isinstance(kind, list) else [kind]
        concrete = [k for k in kinds if k != "null"]
        out.pop("type")
        if concrete:
            out["type"] = concrete[0]
        if "null" in kinds:
            out["nullable"] = True
    return out


def _resolve_placeholders(node: Any, refs: list[str]) -> Any:
    """``{"$ref": "<ref>3"}`` -> a ref to component ``refs[3 % len(refs)]`` (or ``{}``)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF):
            if not refs:
                return {}
            target = refs[int(ref[len(REF) :]) % len(refs)]
            return {"$ref": "#/components/schemas/" + target.replace("~", "~0").replace("/", "~1")}
        return {k: _resolve_placeholders(v, refs) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve_placeholders(v, refs) for v in node]
    return node


MUTATIONS = [
    lambda s: {**s, "paths": 5},
    lambda s: {**s, "openapi": "2.0"},
    lambda s: {k: v for k, v in s.items() if k != "info"},
    lambda s: {**s, "paths": {"/x": {"get": {"responses": {"200": {"$ref": "#/nowhere"}}}}}},
    lambda s: {**s, "paths": {"/x": {"get": {"responses": "oops"}}}},
    lambda s: {**s, "components": {"schemas": {"A": {"$ref": "#/components/schemas/A"}}}},
    lambda s: {
        **s,
        "webhooks": {"w": {"post": {"responses": {"200": {"description": "x"}}}}},
        "paths": {},
    },
]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    """(file suffix, text): mostly specs, some mutated into invalid ones, some garbage."""
    kind = draw(st.integers(0, 19))
    if kind == 0:
        return ".yaml", draw(st.text(max_size=200))  # anything at all, incl. bad YAML
    spec = draw(specs())
    if kind <= 3:
        spec = draw(st.sampled_from(MUTATIONS))(spec)
    if draw(st.booleans()):
        return ".json", json.dumps(spec, ensure_ascii=draw(st.booleans()))
    return ".yaml", yaml.safe_dump(spec, allow_unicode=draw(st.booleans()), sort_keys=False)


# -- the test -------------------------------------------------------------------------------------


class Outcomes:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.generated: list[Path] = []
        self.errors: list[str] = []
        self.count = 0


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Outcomes]:
    result = Outcomes(tmp_path_factory.mktemp("hypothesis-specs"))
    yield result


@pytest.fixture(autouse=True, scope="module")
def _same_examples_in_any_test_order() -> Iterator[None]:
    """``derandomize`` fixes the seed, but Hypothesis also mixes literals of the project modules
    loaded so far (``sys.modules``) into what it draws, so the examples used to depend on which
    tests ran first: CI (whole suite) and a local run of this file saw different specs. An
    empty pool of those "local constants" makes the 200 examples the same in every run."""
    from hypothesis.internal.conjecture import providers

    original = providers._get_local_constants
    providers._get_local_constants = providers.Constants  # type: ignore[assignment, attr-defined]
    providers.CONSTANTS_CACHE.cache.clear()
    try:
        yield
    finally:
        providers._get_local_constants = original  # type: ignore[assignment]
        providers.CONSTANTS_CACHE.cache.clear()


@pytest.fixture(autouse=True, scope="module")
def _fast_rendering() -> Iterator[None]:
    """Render with one Jinja environment for the whole module (templates compiled once);
    no validation cache files for throwaway specs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "environment", functools.lru_cache(maxsize=1)(environment))
        patch.setenv("GENERATOR_CACHE_DIR", "off")
        yield


@pytest.mark.timeout(1200)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@given(document=documents(), skip_unsupported=st.booleans())
def test_random_specs_generate_or_fail_clearly(
    outcomes: Outcomes, document: tuple[str, str], skip_unsupported: bool
) -> None:
    suffix, text = document
    outcomes.count += 1
    case = outcomes.root / f"case{outcomes.count:04d}"
    case.mkdir()
    spec = case / f"spec{suffix}"
    spec.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        files, _, _ = build(spec, skip_unsupported=skip_unsupported)
    except SpecError as exc:
        message = str(exc)
        first = message.splitlines()[0]
        assert ERROR_LINE.match(first), f"not a located one-line error: {first!r}"
        assert str(spec) in first
        assert "internal error" not in message and "Traceback" not in message, message
        assert "rendered code does not parse" not in message, message
        outcomes.errors.append(first)
        return
    out = case / "out"
    write_tree(files, out)
    for rel, source in files.items():
        if rel.endswith(".py"):
            compile(source, str(out / rel), "exec")  # a SyntaxError fails the example
    outcomes.generated.append(out)


def test_no_half_written_output_on_failure(tmp_path: Path) -> None:
    """A run that fails after rendering (here: in the formatting stage) leaves the previous
    output exactly as it was and no staging directory behind."""
    from generator import pipeline
    from generator.output import staged

    good = Path(__file__).resolve().parent / "hostile.yaml"
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("previous output")

    def broken_format(root: Path, label: str = "", **_: object) -> None:
        (root / "half-written.py").write_text("x = (")
        raise SpecError("the rendered code does not parse (simulated)")

    with pytest.MonkeyPatch.context() as patch, pytest.raises(SpecError):
        patch.setattr(staged, "format_tree", broken_format)
        pipeline.generate(good, out)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


IMPORT_ALL = textwrap.dedent(
    f"""
    import importlib, io, os, pkgutil, sys, contextlib
    before = set(os.listdir("."))
    failures = []
    for root in sys.argv[1:]:
        src = os.path.join(root, "src")
        name = next(n for n in sorted(os.listdir(src)) if os.path.isdir(os.path.join(src, n)))
        sys.path.insert(0, src)
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                pkg = importlib.import_module(name)
                importlib.import_module(name + ".models")
                res = importlib.import_module(name + ".resources")
                for info in pkgutil.iter_modules(res.__path__):
                    importlib.import_module(name + ".resources." + info.name)
                client = getattr(pkg, pkg.__all__[0])(api_key="k", base_url="http://127.0.0.1:9")
            if out.getvalue():
                failures.append(root + ": import printed " + repr(out.getvalue()[:200]))
        except Exception as exc:
            failures.append(root + ": " + type(exc).__name__ + ": " + str(exc)[:300])
        finally:
            sys.path.remove(src)
            for mod in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
                del sys.modules[mod]
    if set(os.listdir(".")) != before or os.path.exists("{SENTINEL}"):
        failures.append("importing created files: " + repr(set(os.listdir(".")) - before))
    print("\\n".join(failures))
    sys.exit(1 if failures else 0)
    """
)


@pytest.mark.timeout(600)
def test_generated_packages_pass_ruff_and_import(outcomes: Outcomes, tmp_path: Path) -> None:
    """The batched half of the property: everything generated above, formatted as generate()
    does, is ruff-clean and imports without side effects. Runs after the examples."""
    if outcomes.count == 0:
        pytest.skip("run together with test_random_specs_generate_or_fail_clearly")
    assert outcomes.count >= min(EXAMPLES, 200) or EXAMPLES < 200
    dirs = [str(d) for d in outcomes.generated]
    print(f"\n{outcomes.count} examples: {len(dirs)} generated, {len(outcomes.errors)} spec errors")
    assert dirs, "no example produced a package: the strategies are too hostile to be useful"
    ruff = str(BIN / "ruff")
    env = {**os.environ, "RUFF_NO_CACHE": "true"}
    for args in (
        ["check", "--fix-only", "--quiet", "--no-cache", "--exit-zero"],
        ["format", "--quiet", "--no-cache"],
        ["check", "--no-cache", "--quiet"],
    ):
        proc = subprocess.run([ruff, *args, *dirs], capture_output=True, text=True, env=env)
        assert proc.returncode == 0, f"ruff {args[0]}: {(proc.stdout + proc.stderr)[-4000:]}"
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, *dirs],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert not (tmp_path / SENTINEL).exists()
