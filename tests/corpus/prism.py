"""Generated clients against a mock nobody here wrote: Prism serving each corpus document.

For every document of ../shared/corpus/specs and ../shared/corpus/more-specs that generates
(``--skip-unsupported``): start ``prism mock --errors`` on it (node_modules, as
tests/contract does), build the generated client with a dummy value for every credential the
spec's security schemes name, and call its operations with the README's example arguments:

* **called ok / typed**: the request passed Prism's validation (security included) and the
  answer parsed into the declared types (typed: into a model, a list or page of models);
* **paged**: a method that pages (declared or inferred) walks to a second page when the
  answer says there is one (Prism answers the same example each time, so the walk stops on the
  repeated cursor or URL, as the runtime promises);
* **auth**: for each distinct security requirement (the alternatives an operation accepts), the
  first call that succeeded under it is sent again without its credentials and must be refused
  by Prism (401): the credential the client sent is what made it pass;
* **async**: every operation called with the sync client is called again with the async one;
* **error**: a request Prism cannot route reads as ``NotFoundError`` with Prism's reason.

    python -m tests.corpus.prism                     # every document, the first few operations
    python -m tests.corpus.prism --every             # every operation (make corpus-prism)
    python -m tests.corpus.prism --only petstore.yaml --every
    python -m tests.corpus.prism --only algolia-search/search/spec.yml   # a multi-file document

Each document runs in its own worker process (its package is imported there); the table at the
end has, per document: operations generated / called / ok / typed, pages, auth, error, and the
failures with their reasons (Prism's or ours).
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import importlib
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tests.corpus.corpus import label, ref_root
from tests.corpus.corpus import spec_paths as corpus_spec_paths

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
DIRS = [Path(d) for d in os.environ.get("PRISM_CORPUS_DIRS", "").split(os.pathsep) if d] or [
    CORPUS / "specs",
    CORPUS / "more-specs",
]
# make test: small documents with security schemes, a Link-free REST shape, and links.
FAST = ("petstore.yaml", "tictactoe-3.1.yaml", "swagger-petstore-v3.yaml", "link-example.yaml")
FEW = 4  # operations called per document without --every
DUMMY = {"key": "prism-key", "token": "prism-token", "username": "prism-user",
         "password": "prism-pass", "client_id": "prism-client",
         "client_secret": "prism-secret"}  # fmt: skip
MISSING_PATH = "/__corpus_no_such_path__/a/b/c/d/e/f"  # deeper than a catch-all /{path}


@dataclass
class Result:
    spec: str
    outcome: str = "ok"  # ok | unsupported | prism | FAIL
    operations: int = 0
    called: int = 0
    ok: int = 0
    typed: int = 0
    paged: int = 0  # paging methods called ok
    second_pages: int = 0  # of those, how many walked to a second page
    off_origin: int = 0  # next-page links to another origin (Prism's examples), not followed
    async_ok: int = 0  # of the methods called, how many the async client also called ok
    async_failures: list[str] = field(default_factory=list)
    auth: str = ""  # "none declared" | "accepted; 401 without" | what went wrong
    requirements: int = 0  # distinct security requirements among the methods called
    auth_checked: int = 0  # of those, sent again without credentials: Prism's 401
    auth_failures: list[str] = field(default_factory=list)
    error: str = ""  # what the client said about Prism's 404
    failures: list[str] = field(default_factory=list)
    served: str = ""  # why Prism served a copy of the document (served_copy), if it did
    seconds: float = 0.0


def spec_paths(only: list[str] | None = None) -> list[Path]:
    """The corpus documents (a multi-file one by its root file), or those named in ``only``
    (file name or label, as ``algolia-search/search/spec.yml``)."""
    found = corpus_spec_paths(DIRS)
    return [p for p in found if not only or p.name in only or label(p) in only]


# ------------------------------------------------------------------------------ one document


def served_copy(spec: Path, work: Path) -> tuple[Path, str]:
    """The document Prism serves, and a note if it is not ``spec`` itself.

    Prism dereferences the whole document, then ``decycle``s it, which copies a shared schema at
    every place it is referenced: Stripe's expandable fields (``anyOf: [id string, object]``,
    marked ``x-expansionResources``) unfold to ~2e10 JSON nodes (GitHub's document: ~2e5), so
    Prism never starts on it. Such a document is served with each expandable field as the id
    string the API sends unless asked to expand it: a subset of the document's answers, which
    the client generated from the document as it is must still parse."""
    if b"x-expansionResources" not in spec.read_bytes():
        return spec, ""
    import yaml

    def collapse(node: Any) -> Any:
        if isinstance(node, dict):
            first = (node.get("anyOf") or [None])[0]
            if "x-expansionResources" in node and isinstance(first, dict):
                rest = {k: v for k, v in node.items() if k not in ("anyOf", "x-expansionResources")}
                if first.get("type") == "string":
                    return {**first, **rest}
            return {k: collapse(v) for k, v in node.items()}
        if isinstance(node, list):
            return [collapse(v) for v in node]
        return node

    with spec.open("rb") as f:
        doc = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    served = work / f"served-{spec.stem}.json"
    served.write_text(json.dumps(collapse(doc)), encoding="utf-8")
    return served, "Prism served the document with expandable fields as id strings"


def _credentials(api: Any) -> dict[str, str]:
    args = {}
    for scheme in api.package.security.supported:
        for cred in scheme.credentials:
            if scheme.runtime == "oauth2" and cred.role in ("client_id", "client_secret"):
                continue  # a static token: the token URL is the real provider's
            args[cred.argument] = DUMMY[cred.role]
    return args


def _value(kind: Any, constraints: dict[str, Any]) -> str | None:
    """Python source of a value of type ``kind`` within ``constraints`` (None: no idea)."""
    from generator.ir import types as t

    if isinstance(kind, t.OptionalOf):
        return _value(kind.inner, constraints)
    if isinstance(kind, t.LiteralOf) and kind.values:
        return repr(kind.values[0])
    if isinstance(kind, t.UnionOf):
        return next((v for m in kind.members if (v := _value(m, constraints))), None)
    if isinstance(kind, t.ListOf):
        inner = _value(kind.item, constraints.get("items") or {})
        return f"[{inner}]" if inner else None
    if isinstance(kind, t.Model):
        return f"_model({kind.name!r})"
    if isinstance(kind, t.Scalar):
        if kind.python in ("int", "float"):
            low, high = constraints.get("minimum"), constraints.get("maximum")
            number = low if low is not None else (min(1, high) if high is not None else 1)
            return repr(int(number) if kind.python == "int" else float(number))
        if kind.python == "bool":
            return "True"
        if kind.python == "str":
            size = max(int(constraints.get("minLength") or 1), 1)
            if "pattern" in constraints:
                return _matching(str(constraints["pattern"]))
            return repr("a" * min(size, 64))
    return None


def _matching(pattern: str) -> str | None:
    """Python source of a short string matching ``pattern`` (hypothesis draws it), if any."""
    import warnings

    from hypothesis import strategies as st
    from hypothesis.errors import NonInteractiveExampleWarning

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", NonInteractiveExampleWarning)
            text = st.from_regex(pattern, fullmatch=True).filter(str.isprintable).example()
    except Exception:  # noqa: BLE001 - a pattern Python cannot read: no value
        return None
    return repr(text)


_FORMATS = {"date-time": "2024-01-01T00:00:00Z", "date": "2024-01-01", "uuid":
            "00000000-0000-4000-8000-000000000000", "email": "a@example.com", "uri":
            "https://example.com/", "url": "https://example.com/"}  # fmt: skip


def minimal(schema: Any, defs: dict[str, Any], depth: int = 0) -> Any:
    """The smallest JSON value that fits a (pydantic) JSON schema: required members only."""
    if not isinstance(schema, dict) or depth > 12:
        return None
    if "$ref" in schema:
        return minimal(defs.get(schema["$ref"].rsplit("/", 1)[-1]), defs, depth + 1)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    for key in ("anyOf", "oneOf", "allOf"):
        options = [o for o in schema.get(key) or [] if o.get("type") != "null"]
        if options:
            return minimal(options[0], defs, depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties") or {}
        return {k: minimal(props.get(k), defs, depth + 1) for k in schema.get("required") or []}
    if kind == "array":
        count = int(schema.get("minItems") or 0)
        return [minimal(schema.get("items"), defs, depth + 1) for _ in range(min(count, 3))]
    if kind in ("integer", "number"):
        low: Any = schema.get("minimum", schema.get("exclusiveMinimum", 0)) or 0
        return int(low) + 1 if kind == "integer" else float(low) + 1.0
    if kind == "boolean":
        return True
    if kind == "string":
        if "pattern" in schema:
            drawn = _matching(str(schema["pattern"]))
            if drawn is not None:
                return ast.literal_eval(drawn)
        text = _FORMATS.get(str(schema.get("format")), "a")
        return text * max(int(schema.get("minLength") or 1), 1) if text == "a" else text
    return None


def _model_maker(models: Any) -> Any:
    import pydantic

    def make(name: str) -> Any:
        adapter = pydantic.TypeAdapter(getattr(models, name))  # a model, an enum, a root type
        schema = adapter.json_schema()
        return adapter.validate_python(minimal(schema, schema.get("$defs") or {}))

    return make


_CALLS: dict[str, str] = {}


def _call(meth: Any) -> str:
    """The same call each time for a method (the sync and the async client send the same
    values: a pattern is drawn at random once)."""
    if meth.qualified_name not in _CALLS:
        _CALLS[meth.qualified_name] = _fresh_call(meth)
    return _CALLS[meth.qualified_name]


def _fresh_call(meth: Any) -> str:
    """The README's example call, with values that fit each required argument's type and
    constraints where the README's placeholder would not."""
    from generator.render.examples import example_call
    from generator.spectext import raw

    override = {}
    for p in meth.params:
        constraints = raw(p.constraints) if p.constraints else {}
        constraints = constraints if isinstance(constraints, dict) else {}
        if p.required and (p.example == "..." or set(constraints) - {"type", "enum"}):
            value = _value(p.type, constraints)
            if value is not None and not constraints.get("enum"):
                override[p.name] = value
    return example_call(meth, override=override)


def _typed(value: Any) -> bool:
    import pydantic

    if isinstance(value, pydantic.BaseModel):
        return type(value).__name__ not in ("PagedResponse",) or all(
            isinstance(i, pydantic.BaseModel) for i in getattr(value, "items", [])
        )
    if isinstance(value, list):
        return bool(value) and all(isinstance(i, pydantic.BaseModel) for i in value)
    return False


def _walk(page: Any) -> int:
    """Pages seen (at most 2), iterating lazily as a user would."""
    pages = 1
    items = list(itertools.islice(iter(page), 200))
    del items
    current = page
    while pages < 2 and current.has_next_page():
        current = current.get_next_page()
        pages += 1
    return pages


def _strip_credentials(request: Any, api: Any) -> tuple[str, dict[str, str]]:
    """The URL and headers of ``request`` without any credential the schemes put on it."""
    import httpx

    headers = {
        k: v for k, v in request.headers.items() if k.lower() not in ("authorization", "cookie")
    }
    url = httpx.URL(str(request.url))
    for scheme in api.package.security.supported:
        if scheme.runtime == "apikey" and scheme.parameter is not None:
            name = scheme.parameter.value
            if scheme.location == "header":
                headers = {k: v for k, v in headers.items() if k.lower() != name.lower()}
            elif scheme.location == "query":
                url = url.copy_remove_param(name)
    return str(url), headers


def check_document(spec: Path, work: Path, every: bool) -> Result:
    from generator.build import build_api
    from generator.errors import SpecError
    from generator.pipeline import generate
    from generator.read import load_spec
    from tests.contract._support import Prism

    result = Result(label(spec))
    started = time.monotonic()
    root = ref_root(spec)  # a multi-file document: its folder, as a user passes --ref-root
    try:
        generate(spec, work / "out", skip_unsupported=True, ref_root=root)
        doc = load_spec(spec, ref_root=root)
        api = build_api(doc, package_version="0", skip_unsupported=True)
    except SpecError as exc:
        result.outcome, result.failures = "unsupported", [str(exc).splitlines()[0][:300]]
        return result
    methods = [m for m in api.all_methods if m.returns.kind != "stream" and m.polling is None]
    result.operations = len(api.all_methods)
    os.chdir(work)  # the README's upload examples name "data.jsonl"
    (work / "data.jsonl").write_text('{"prompt": "hi"}\n', encoding="utf-8")
    sys.path.insert(0, str(work / "out" / "src"))
    module = importlib.import_module(api.package.name)
    import httpx

    sent: list[httpx.Request] = []
    served, note = served_copy(spec, work)
    result.served = note
    prism = Prism(served, work / "prism.log")
    try:
        prism.start(timeout=float(os.environ.get("PRISM_START_TIMEOUT", "600")))
    except RuntimeError as exc:
        result.outcome, result.failures = "prism", [str(exc).splitlines()[0][:300]]
        return result
    try:
        http = httpx.Client(event_hooks={"request": [sent.append]}, timeout=120)
        creds = _credentials(api)
        client_cls = getattr(module, api.package.client)
        client = client_cls(base_url=prism.url, max_retries=0, http_client=http, **creds)
        ordered = sorted(methods, key=lambda m: (m.http_method != "GET", not m.returns.pagination))
        chosen = ordered if every else ordered[:FEW]
        make_model = _model_maker(importlib.import_module(f"{api.package.name}.models"))
        checked: dict[tuple[tuple[str, ...], ...], str] = {}
        crashed: set[str] = set()  # methods whose request made Prism exit
        secured = api.package.security.default_needs_credentials
        for meth in chosen:
            result.called += 1
            needs = meth.security if meth.security is not None else api.package.security.default
            key = tuple(sorted(tuple(s.value for s in alt) for alt in needs))
            if needs and () not in needs:
                checked.setdefault(key, "")  # a requirement; "" until a call under it succeeds
            call = _call(meth)
            try:
                scope = {"client": client, "_model": make_model}
                value = eval(call, scope)  # noqa: S307 - source made from the IR
                if meth.returns.kind == "page":
                    result.paged += 1
                    try:
                        result.second_pages += _walk(value) > 1
                    except module.ResponseValidationError as exc:
                        if "is not on the API's origin" not in str(exc):
                            raise
                        result.off_origin += 1  # refused by design: the example's real host
            except Exception as exc:  # noqa: BLE001 - every failure is reported with its reason
                reason = " ".join(str(exc).split())[:240]
                if prism.proc is not None and prism.proc.poll() is not None:
                    crash = _crash_reason(prism.log())
                    reason = f"Prism crashed on this request ({crash}); restarted"
                    crashed.add(meth.qualified_name)
                    prism.start(timeout=float(os.environ.get("PRISM_START_TIMEOUT", "600")))
                    client = client_cls(
                        base_url=prism.url, max_retries=0, http_client=http, **creds
                    )
                result.failures.append(f"{meth.qualified_name}: {type(exc).__name__}: {reason}")
                continue
            result.ok += 1
            result.typed += _typed(value)
            if key in checked and not checked[key] and sent:
                checked[key] = _without_credentials(sent[-1], api, meth.qualified_name)
        result.requirements = len(checked)
        result.auth_checked = sum(v == "401" for v in checked.values())
        result.auth_failures = [v for v in checked.values() if v not in ("", "401")]
        if not api.package.security.supported:
            result.auth = "none declared"
        elif not checked:
            result.auth = "none needed" if not secured else "no secured call made"
        elif result.auth_checked == len(checked):
            result.auth = f"{len(checked)}/{len(checked)} requirements: 401 without"
        else:
            result.auth = f"{result.auth_checked}/{len(checked)} requirements: 401 without"
            unproven = sum(not v for v in checked.values())
            if unproven:
                result.auth += f" ({unproven} with no call ok to send again)"
        result.error = _error_reason(module, client)
        again = [m for m in chosen if m.qualified_name not in crashed]  # not crashed twice
        result.async_ok, result.async_failures = _async_calls(module, api, prism.url, creds, again)
        client.close()
        http.close()
    finally:
        prism.stop()
        result.seconds = round(time.monotonic() - started, 1)
    if result.ok == 0 or "reason" not in result.error:
        result.outcome = "FAIL"
    return result


def _crash_reason(log: str) -> str:
    """The error Prism's log ends with (its uncaught exception's first line)."""
    found = [line.strip() for line in log.splitlines() if "Error:" in line]
    return found[-1][:120] if found else "exited"


def _without_credentials(request: Any, api: Any, name: str) -> str:
    """``"401"`` if Prism refuses ``request`` once its credentials are taken off, else why not."""
    import httpx

    url, headers = _strip_credentials(request, api)
    bare = httpx.request(request.method, url, headers=headers, content=request.content)
    return "401" if bare.status_code == 401 else f"{name}: Prism answered {bare.status_code}"


def _error_reason(module: Any, client: Any) -> str:
    op = module._base_client.Operation("GET", MISSING_PATH, qualified_name="missing")
    try:
        client.request(op, cast_to=object)
    except module.NotFoundError as exc:
        text = str(exc)
        read = "hasn't been found" in text or "Route not resolved" in text
        return f"NotFoundError, Prism's reason {'read' if read else 'MISSING'}: {text[:120]}"
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"[:160]
    return "no error for an unknown route"


def _async_calls(
    module: Any, api: Any, url: str, creds: dict[str, str], methods: list[Any]
) -> tuple[int, list[str]]:
    """Every method again with the async client: (how many ok, the failures)."""
    failures: list[str] = []

    async def one(client: Any, scope: dict[str, Any], meth: Any) -> None:
        value = await eval(_call(meth), scope)  # noqa: S307 - source made from the IR
        if meth.returns.kind == "page" and value.has_next_page():
            try:
                await value.aget_next_page()  # a second page, as the sync walk
            except module.ResponseValidationError as exc:
                if "is not on the API's origin" not in str(exc):
                    raise  # else: the example's next link, refused by design

    async def main() -> int:
        ok = 0
        cls = getattr(module, api.package.async_client)
        async with cls(base_url=url, max_retries=0, **creds) as client:
            scope = {"client": client, "_model": _model_maker(module.models)}
            for meth in methods:
                try:
                    await one(client, scope, meth)
                except Exception as exc:  # noqa: BLE001 - reported with its reason
                    reason = " ".join(str(exc).split())[:200]
                    failures.append(f"{meth.qualified_name}: {type(exc).__name__}: {reason}")
                    continue
                ok += 1
        return ok

    try:
        return asyncio.run(main()), failures
    except Exception as exc:  # noqa: BLE001 - the client did not even open
        return 0, [f"async client: {type(exc).__name__}: {exc}"[:200]]


# ------------------------------------------------------------------------------------ the run


def run(specs: list[Path], every: bool) -> list[Result]:
    results = []
    for spec in specs:
        with tempfile.TemporaryDirectory(prefix="prism-corpus-") as tmp:
            cmd = [sys.executable, "-m", "tests.corpus.prism", "--worker", str(spec), tmp]
            if every:
                cmd.append("--every")
            env = {**os.environ, "GENERATOR_CACHE_DIR": "off"}
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
            lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
            if proc.returncode == 0 and lines:
                results.append(Result(**json.loads(lines[-1])))
            else:
                tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
                results.append(Result(label(spec), outcome="FAIL", failures=tail))
        print(format_row(results[-1]), flush=True)
    return results


# Why a call failed, for the table: Prism's own limits named as such.
CAUSES = (
    ("Request/Response not valid", "Prism 500: its answer fails the document's schema"),
    ("Schema too complex", "Prism 500: schema too complex to generate"),
    ("ellipsis", "no value for a required argument"),
    ("got Ellipsis", "no value for a required argument"),
    ("ResponseValidationError", "answer did not parse"),
    ("Prism crashed", "Prism crashed (its uncaught exception)"),
    ("(HTTP 4", "Prism 4xx"),  # before ValidationError: a 422 is one too, but Prism's
    (": ValidationError:", "argument refused before sending"),
)


def cause(failure: str) -> str:
    return next((label for marker, label in CAUSES if marker in failure), "other")


HEADER = (
    "| document | result | operations | called | ok | typed | paged (2nd page) | auth | error "
    "| async | failures by cause |\n"
    "|---|---|---:|---:|---:|---:|---|---|---|---|---|"
)


def format_row(r: Result) -> str:
    error = "reason read" if "reason read" in r.error else (r.error[:60] or "-")
    pages = f"{r.paged} ({r.second_pages})" if r.paged else "-"
    if r.off_origin:
        pages += f", {r.off_origin} next links off-origin"
    later = f"{r.async_ok}/{r.called}" if r.called else "-"
    counts: dict[str, int] = {}
    for failure in r.failures if r.outcome == "ok" else ():
        counts[cause(failure)] = counts.get(cause(failure), 0) + 1
    causes = "; ".join(f"{n} {label}" for label, n in sorted(counts.items())) or "-"
    if r.outcome != "ok" and r.failures:
        causes = r.failures[0][:120]
    return (
        f"| {r.spec} | {r.outcome} | {r.operations} | {r.called} | {r.ok} | {r.typed} | {pages} "
        f"| {r.auth or '-'} | {error} | {later} | {causes} |"
    )


def async_only(r: Result) -> list[str]:
    """Async failures of methods the sync client called ok (a difference between the two)."""
    failed = {f.split(":", 1)[0] for f in r.failures}
    return [f for f in r.async_failures if f.split(":", 1)[0] not in failed]


def format_table(results: list[Result], details: bool = True) -> str:
    lines = [HEADER, *(format_row(r) for r in results)]
    if details:
        for r in results:
            if r.served:
                lines.append(f"- {r.spec}: {r.served}")
            for failure in r.failures[:8]:
                lines.append(f"- {r.spec}: {failure}")
            if len(r.failures) > 8:
                lines.append(f"- {r.spec}: ... {len(r.failures) - 8} more")
            for failure in async_only(r)[:8]:
                lines.append(f"- {r.spec}: async only: {failure}")
            for failure in r.auth_failures[:8]:
                lines.append(f"- {r.spec}: auth: {failure}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", action="store_true", help="call every operation")
    parser.add_argument("--fast", action="store_true", help=f"only {', '.join(FAST)}")
    parser.add_argument("--only", action="append", help="a document's file name")
    parser.add_argument("--worker", nargs=2, metavar=("SPEC", "WORKDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        spec, work = (Path(p) for p in args.worker)
        print(json.dumps(asdict(check_document(spec, work, args.every))))
        return 0
    specs = spec_paths(list(FAST) if args.fast else args.only)
    print(HEADER, flush=True)
    results = run(specs, args.every)
    print()
    print(format_table(results))
    return 1 if any(r.outcome == "FAIL" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
