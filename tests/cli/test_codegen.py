"""The command line as generated code: the command table made from the IR
(generator/render/commands.py), on RunRL's spec, on corpus documents and on the hostile spec;
its help on every command; what ``--help`` imports (start-up time: no client)."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from generator.build import build_api
from generator.cli import spec_files
from generator.pipeline import generate
from generator.read.load import load_spec
from generator.render.commands import Command, command_table
from generator.spectext import raw
from tests.cli.conftest import install

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "specs"
HOSTILE = ROOT / "tests" / "hostile" / "hostile.yaml"
VERSIONS = [p.stem for p in spec_files()]

# Runs every command's --help in one interpreter: exit code 0 each, and nothing heavy imported.
_ALL_HELP = r"""
import contextlib, importlib, io, json, sys
pkg = sys.argv[1]
cli = importlib.import_module(pkg + "._cli")
table = importlib.import_module(pkg + "._cli_table")
words = [["--help"]]
for g in table.GROUPS:
    words.append([g.name, "--help"])
    words += [[g.name, c.name, "--help"] for c in g.commands]
words += [[c.name, "--help"] for c in table.COMMANDS]
failed, text = [], []
for args in words:
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            cli.main(args)
    except SystemExit as exc:
        if exc.code != 0:
            failed.append(args)
    text.append(buf.getvalue())
heavy = sorted(m for m in ("httpx", "pydantic", "httpcore", pkg + "._client") if m in sys.modules)
print(json.dumps({"count": len(words), "failed": failed, "heavy": heavy, "text": "".join(text)}))
"""


def all_help(src: Path, package: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", _ALL_HELP, package],
        cwd=src,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def commands_of(spec: Path) -> dict[str, Command]:
    doc = load_spec(spec)
    doc.quiet = True
    table = command_table(build_api(doc))
    found = {c.name: c for c in table.commands}
    for group in table.groups:
        found.update({f"{group.name} {c.name}": c for c in group.commands})
    return found


# ---- RunRL ----------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_every_runrl_method_is_a_command_and_every_help_works(version: str) -> None:
    spec = ROOT / "spec" / f"{version}.yaml"
    doc = load_spec(spec)
    doc.quiet = True
    api = build_api(doc)
    commands = commands_of(spec)
    for method in api.all_methods:
        name = method.name.strip("_").replace("_", "-")
        group = method.namespace.strip("_").replace("_", "-")
        assert (f"{group} {name}" if group else name) in commands, method.qualified_name
    result = all_help(ROOT / "generated" / version / "src", "runrl")
    assert result["failed"] == []
    assert result["heavy"] == [], "--help imported the client"
    assert result["count"] == len(commands) + len(api.namespaces) + 1  # + the root


@pytest.mark.parametrize("version", VERSIONS)
def test_console_script_and_extra_in_pyproject(version: str) -> None:
    project = tomllib.loads((ROOT / "generated" / version / "pyproject.toml").read_text())
    assert project["project"]["scripts"] == {"runrl": "runrl._cli:main"}
    assert project["project"]["optional-dependencies"]["cli"] == []
    main = ROOT / "generated" / version / "src" / "runrl" / "__main__.py"
    assert 'if __name__ == "__main__":' in main.read_text()


def test_options_are_typed_from_the_parameters() -> None:
    commands = commands_of(ROOT / "spec" / f"{VERSIONS[-1]}.yaml")
    files_list = {o.name: o for o in commands["files list"].options}
    assert files_list["type"].kind == "choice"
    assert [raw(v) for v in files_list["type"].choices] == [
        "prompt",
        "reward_function",
        "environment",
        "sft",
    ]
    assert files_list["page"].kind == "int" and files_list["page"].flag == "--page"
    create = {o.name: o for o in commands["runs create"].options}
    assert create["use_lora"].kind == "bool"
    assert create["learning_rate_multiplier"].kind == "float"
    assert create["tool_ids"].kind == "int" and create["tool_ids"].multiple
    assert create["model"].required and create["model"].body
    assert commands["runs create"].body == "fields" and commands["runs create"].kind == "future"
    upload = {o.name: o for o in commands["files upload-path"].options}
    assert upload["path"].kind == "file" and upload["path"].flag == ""  # positional, as the SDK
    assert commands["runs stream-logs"].kind == "stream"
    assert commands["runs follow"].kind == "follow"
    assert commands["files list"].kind == "page"
    assert commands["files download"].kind == "bytes"


# ---- other APIs -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["petstore.yaml", "tictactoe-3.1.yaml"])
def test_corpus_packages_get_a_command_line(name: str, tmp_path: Path) -> None:
    spec = CORPUS / name
    if not spec.exists():
        pytest.skip(f"corpus document {spec} not present")
    out = tmp_path / "out"
    generate(spec, out, skip_unsupported=True)
    project = tomllib.loads((out / "pyproject.toml").read_text())
    ((script, target),) = project["project"]["scripts"].items()
    package = target.split(".")[0]
    assert script == package.replace("_", "-")
    result = all_help(out / "src", package)
    assert result["failed"] == [] and result["heavy"] == []
    version = subprocess.run(
        [sys.executable, "-m", package, "--version"],
        cwd=out / "src",
        capture_output=True,
        text=True,
        check=False,
    )
    assert version.returncode == 0 and version.stdout.startswith(script), version.stderr


def test_hostile_spec_text_cannot_reach_the_terminal_or_the_code(tmp_path: Path) -> None:
    """The hostile spec's descriptions hold control characters (escape sequences), triple
    quotes, Jinja and Python syntax: the CLI help prints none of the controls, and the
    generated table is only data (checked by ruff/mypy in tests/hostile)."""
    out = tmp_path / "out"
    generate(HOSTILE, out)
    src = out / "src"
    (package,) = [p.name for p in src.iterdir() if p.is_dir()]
    table = (src / package / "_cli_table.py").read_text()
    compile(table, "_cli_table.py", "exec")
    result = all_help(src, package)
    assert result["failed"] == []
    text = str(result["text"])
    assert not [ch for ch in text if ord(ch) < 32 and ch != "\n"], "a control character in help"
    assert not [ch for ch in text if 0x7F <= ord(ch) <= 0x9F]


def test_cli_text_is_a_python_literal_of_terminal_safe_text() -> None:
    from generator.escape import cli_text
    from generator.spectext import SpecText

    hostile = 'Lists "runs".\x1b]0;title\x07\x1b[2J\r\u009b31m done'
    hostile += '\n\n  next   para \\ %(prog)s """'
    literal = cli_text(SpecText(hostile))
    value = eval(literal)  # noqa: S307 - the point: it is a plain string literal
    assert isinstance(value, str)
    assert not [ch for ch in value if ord(ch) < 32 and ch != "\n" or 0x7F <= ord(ch) <= 0x9F]
    assert value.split("\n\n") == ['Lists "runs".]0;title[2J31m done', 'next para \\ %(prog)s """']
    assert len(eval(cli_text(SpecText("x" * 5000)))) == 2000
    # a Markdown link is its text in help (argparse broke its URL across lines); not in a value
    linked = 'Writes to [buckets](https://docs.example.com/b_(x) "B") of an [org](/orgs).'
    assert eval(cli_text(SpecText(linked))) == "Writes to buckets of an org."
    assert eval(cli_text(SpecText("[a](b)"), 2000, False)) == "[a](b)"


def test_a_corpus_package_installed_by_pip_works_against_prism(tmp_path: Path) -> None:
    """Generic end to end: the petstore package, installed by pip, its console script against a
    Prism mock of the same document (a mock we did not write)."""
    from tests.contract._support import Prism

    spec = CORPUS / "petstore.yaml"
    if not spec.exists():
        pytest.skip(f"corpus document {spec} not present")
    out = tmp_path / "out"
    generate(spec, out, skip_unsupported=True)
    target = tmp_path / "site"
    install(out, target)
    script = target / "bin" / "swagger-petstore"
    prism = Prism(spec, tmp_path / "prism.log").start()
    try:

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [str(script), "--base-url", prism.url, *args],
                env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
                capture_output=True,
                text=True,
                check=False,
                timeout=60,
            )

        listed = run("pets", "list", "--limit", "5")
        assert listed.returncode == 0, listed.stderr + prism.log()[-2000:]
        assert isinstance(json.loads(listed.stdout), list)
        one = run("pets", "show-by-id", "1")
        assert one.returncode == 0, one.stderr
        assert isinstance(json.loads(one.stdout), dict)
        bad = run("pets", "list", "--limit", "x")
        assert bad.returncode == 2 and "invalid" in bad.stderr
    finally:
        prism.stop()


_LIMITED = """\
openapi: 3.1.0
info: {title: Registry, version: "1"}
paths:
  /servers:
    get:
      operationId: listServers
      tags: [servers]
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: a page
          content:
            application/json:
              schema:
                type: object
                properties:
                  servers: {type: array, items: {type: object, properties: {name: {type: string}}}}
                  metadata: {type: object, properties: {nextCursor: {type: string}}}
"""

_PARSE = r"""
import json, sys
from registry import _cli_parser, _cli_table
parser, _ = _cli_parser.build_parser(_cli_table.GROUPS, _cli_table.COMMANDS, sys.argv[1:])
ns = vars(parser.parse_args(sys.argv[1:]))
print(json.dumps({k: v for k, v in ns.items() if k in ("p:limit", "cli_limit", "cli_all")}))
"""


def test_a_list_with_its_own_limit_parameter_still_has_an_item_cap(tmp_path: Path) -> None:
    """``--limit`` is the operation's page size here (the MCP registry's ``GET /servers``), so
    the engine's "at most N items" is ``--max-items``: without it ``--all`` against an API that
    always returns a cursor could not be stopped."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(_LIMITED)
    out = tmp_path / "out"
    generate(spec, out)
    args = ["servers", "list", "--all", "--limit", "2", "--max-items", "3"]
    proc = subprocess.run(
        [sys.executable, "-c", _PARSE, *args],
        cwd=out / "src",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"p:limit": 2, "cli_limit": 3, "cli_all": True}
    shown = all_help(out / "src", "registry")
    assert shown["failed"] == [] and "--max-items N" in str(shown["text"])


_BINARY_BODY = """\
openapi: 3.0.3
info: {title: Blobs, version: "1"}
paths:
  /pets/{petId}/image:
    post:
      operationId: uploadImage
      tags: [pets]
      parameters:
        - {name: petId, in: path, required: true, schema: {type: integer}}
        - {name: note, in: query, schema: {type: string}}
      requestBody:
        content:
          application/octet-stream: {schema: {type: string, format: binary}}
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {type: object}}}
  /blobs/{name}:
    put:
      operationId: putBlob
      tags: [blobs]
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/octet-stream: {schema: {type: string, format: binary}}
      responses:
        '204': {description: stored}
"""


def test_a_binary_request_body_is_a_path_on_the_command_line(tmp_path: Path) -> None:
    """An ``application/octet-stream`` body (the Swagger petstore's uploadImage) is a file:
    a path (or ``-``) in the option of its argument, sent as the bytes of that
    file; not ``--json``, which cannot carry bytes."""
    from tests.runtime.server import Reply, Seen, TestServer

    spec = tmp_path / "blobs.yaml"
    spec.write_text(_BINARY_BODY)
    out = tmp_path / "out"
    generate(spec, out)
    found = commands_of(spec)
    image = {o.name: (o.flag, o.kind) for o in found["pets upload-image"].options}
    assert image["body"] == ("--body", "file")
    # putBlob only spells PUT /blobs/{name}: named from the path's shape (build/path_names.py)
    put = {o.name: (o.flag, o.kind, o.required) for o in found["blobs update"].options}
    assert put["body"] == ("--body", "file", True)
    blob = tmp_path / "photo.png"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    seen: list[Seen] = []

    def record(request: Seen, _count: int) -> Reply:
        seen.append(request)
        return Reply(json={}) if request.method == "POST" else Reply(status=204)

    srv = TestServer()
    srv.on("POST", "/pets/7/image", record)
    srv.on("PUT", "/blobs/b1", record)
    srv.start()
    try:
        for args in (["pets", "upload-image", "7", "--note", "n", "--body", str(blob)],
                     ["blobs", "update", "b1", "--body", str(blob)]):  # fmt: skip
            proc = subprocess.run(
                [sys.executable, "-m", "blobs", "--base-url", srv.url, *args],
                cwd=out / "src",
                capture_output=True,
                text=True,
                check=False,
                timeout=60,
            )
            assert proc.returncode == 0, proc.stderr
    finally:
        srv.stop()
    assert [(s.method, s.body, s.headers.get("content-type")) for s in seen] == [
        ("POST", blob.read_bytes(), "application/octet-stream"),
        ("PUT", blob.read_bytes(), "application/octet-stream"),
    ]


_TEXT_BODY = """\
openapi: 3.0.0
info: {title: Lines, version: "1"}
paths:
  /api/v2/write:
    post:
      operationId: PostWrite
      tags: [Write]
      parameters:
        - {name: bucket, in: query, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          text/plain: {schema: {type: string, format: byte}}
      responses:
        '204': {description: written}
"""


def test_a_text_request_body_is_text_a_file_or_stdin_on_the_command_line(tmp_path: Path) -> None:
    """InfluxDB's write endpoint takes line protocol as ``text/plain``: ``--body`` is the text
    itself, ``@FILE`` a file's and ``-`` stdin's, sent as it is; not ``--json``, which took a
    JSON string (``--json '"m v=1"'``) or parsed the text as JSON."""
    from tests.runtime.server import Reply, Seen, TestServer

    spec = tmp_path / "lines.yaml"
    spec.write_text(_TEXT_BODY)
    out = tmp_path / "out"
    generate(spec, out)
    found = commands_of(spec)["write post"]
    options = {o.name: (o.flag, o.metavar, o.kind, o.required) for o in found.options}
    assert options["body"] == ("--body", "TEXT", "text", True)
    data = tmp_path / "points.lp"
    data.write_text("cpu,host=a usage=1 1\ncpu,host=b usage=2 2\n", encoding="utf-8")
    seen: list[Seen] = []

    def record(request: Seen, _count: int) -> Reply:
        seen.append(request)
        return Reply(status=204)

    srv = TestServer()
    srv.on("POST", "/api/v2/write", record)
    srv.start()
    runs = [
        (["--body", "mem v=3 3"], None),
        (["--body", f"@{data}"], None),
        (["--body", "-"], "disk v=4 4\n"),
    ]
    try:
        for args, stdin in runs:
            proc = subprocess.run(
                [sys.executable, "-m", "lines", "--base-url", srv.url, "write", "post"]
                + ["--bucket", "b1", *args],
                cwd=out / "src",
                input=stdin,
                capture_output=True,
                text=True,
                check=False,
                timeout=60,
            )
            assert proc.returncode == 0, proc.stderr
        missing = subprocess.run(
            [sys.executable, "-m", "lines", "--base-url", srv.url, "write", "post"]
            + ["--bucket", "b1", "--body", f"@{tmp_path / 'none.lp'}"],
            cwd=out / "src",
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        srv.stop()
    assert [(s.body, s.headers.get("content-type", "").split(";")[0]) for s in seen] == [
        (b"mem v=3 3", "text/plain"),
        (data.read_bytes(), "text/plain"),
        (b"disk v=4 4\n", "text/plain"),
    ]
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    shown = all_help(out / "src", "lines")
    assert "(required; the text, @FILE or - for stdin)" in " ".join(str(shown["text"]).split())


_KEYWORD_PARAMS = """openapi: 3.0.0
info: {title: Kube Like, version: '1'}
paths:
  /api/v1/pods/{class}:
    get:
      operationId: listPods
      tags: [pods]
      parameters:
        - {name: class, in: path, required: true, schema: {type: string}}
        - {name: continue, in: query, schema: {type: string}}
      responses: {'204': {description: ok}}
"""


def test_an_argument_renamed_from_a_keyword_reads_as_its_wire_name(tmp_path: Path) -> None:
    """Kubernetes' ``continue``: the Python argument is ``continue_`` (a keyword), the option
    ``--continue``, and its help shows ``CONTINUE`` (it showed ``--continue CONTINUE_``);
    a positional ``class_`` reads ``CLASS`` in the usage line too."""
    spec = tmp_path / "kube.yaml"
    spec.write_text(_KEYWORD_PARAMS)
    options = {o.name: o for o in commands_of(spec)["pods list"].options}
    assert (options["continue_"].flag, options["continue_"].metavar) == ("--continue", "CONTINUE")
    assert (options["class_"].flag, options["class_"].metavar) == ("", "CLASS")


_NO_SUMMARIES = """openapi: 3.0.0
info: {title: Kube Like, version: '1'}
paths:
  /api/v1/pods:
    get:
      operationId: listPods
      tags: [pods]
      description: list or watch objects of kind Pod
      responses: {'204': {description: ok}}
    post:
      operationId: createPod
      tags: [pods]
      description: |-
        create a Pod.

        A longer description in two paragraphs is no summary.
      responses: {'204': {description: ok}}
"""


def test_a_short_description_is_the_summary_an_operation_lacks(tmp_path: Path) -> None:
    """Kubernetes' operations have a one-line description and no summary: the command list
    and the docstring's first line showed nothing, or the method's own name."""
    spec = tmp_path / "kube.yaml"
    spec.write_text(_NO_SUMMARIES)
    commands = commands_of(spec)
    assert raw(commands["pods list"].summary) == "list or watch objects of kind Pod"
    assert raw(commands["pods create"].summary) == ""
    out = tmp_path / "out"
    generate(spec, out)
    source = (out / "src" / "kube_like" / "resources" / "pods.py").read_text()
    assert '"""list or watch objects of kind Pod\n\n        ``GET /api/v1/pods``' in source
    assert '"""create\n\n        create a Pod.' in source
    shown = all_help(out / "src", "kube_like")
    assert shown["failed"] == []
    assert str(shown["text"]).count("list or watch objects of kind Pod") == 2  # list, own help


_HEADINGS = """\
openapi: 3.0.0
info: {title: Headed, version: "1"}
paths:
  /write:
    post:
      operationId: write
      tags: [write]
      summary: Write data
      description: |
        Writes data to a bucket.

        #### InfluxDB Cloud

        - Does the following when you send a write request:

          1. Validates the request and queues the write.
          2. If queued, responds with _success_; _error_ otherwise.

        ## Related guides ##
        - [Write data with the API](https://docs.example.com/write-data/developer-tools/api)
        - [Optimize writes](https://docs.example.com/write-data/best-practices/optimize-writes/)
        # Is this done?
        Yes.
      parameters:
        - name: org
          in: query
          description: |
            An organization name or ID.

            #### InfluxDB OSS

            - Requires either the `org` parameter or the `orgID` parameter.
          schema: {type: string}
      responses: {'204': {description: ok}}
"""


def test_markdown_headings_and_lists_in_help_are_plain_text_lines() -> None:
    """InfluxDB's descriptions are Markdown: ``#### InfluxDB Cloud`` showed as is in ``--help``
    and a list ran together (``- a - b - c``). A heading is now a line of its own, its text
    (a colon unless it ends in punctuation); each list item starts a line."""
    from generator.escape import cli_text
    from generator.spectext import SpecText

    text = "Intro.\n\n## Required permissions\n- `write-buckets`\n- or one\n  bucket.\n### Done?"
    assert eval(cli_text(SpecText(text))).split("\n\n") == [  # noqa: S307
        "Intro.",
        "Required permissions:",
        "- `write-buckets`\n- or one bucket.",
        "Done?",
    ]
    assert eval(cli_text(SpecText("#hashtag, not a heading"))) == "#hashtag, not a heading"
    assert eval(cli_text(SpecText("## x"), 2000, False)) == "## x"  # a value: as it is


def test_markdown_headings_in_a_generated_help(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(_HEADINGS)
    out = tmp_path / "out"
    generate(spec, out)
    proc = subprocess.run(
        [sys.executable, "-m", "headed", "write", "write", "--help"],
        cwd=out / "src",
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "80", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    shown = proc.stdout
    assert "#" not in shown, shown
    assert "\nInfluxDB Cloud:\n" in shown and "\nRelated guides:\n" in shown
    assert "\n1. Validates the request and queues the write.\n2. If queued," in shown
    assert "\n- Write data with the API\n- Optimize writes\n" in shown
    assert "\nIs this done?\n\nYes.\n" in shown
