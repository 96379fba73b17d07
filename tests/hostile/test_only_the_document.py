"""Only the document is read (issue 11, item 2; issue 14, item 1: multi-file documents).

Hostile specs try every reference keyword (``$ref``, ``$dynamicRef``, ``$recursiveRef``,
``$id``/``$schema`` bases, discriminator mappings, ``x-`` extensions) on a file outside the
spec's directory, a ``../`` escape, a symlink that leaves the directory, an absolute path and
URLs. Each generation runs under an audit hook (tests/hostile/audit.py, in a child process):
it may open the spec, the files the spec reaches under its directory, and the generator's own
code, templates, cache and output; nothing else, and no socket. A refused reference is a
located error (file, line, JSON pointer), all of them at once, never a traceback.
"""

from __future__ import annotations

import os
import re
import socket
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.hostile.audit import forbidden, run_audited
from tests.models_source import models_source

HEAD = 'openapi: 3.1.0\ninfo: {title: Leak, version: "1"}\n'
LOCATED = re.compile(r"^error: (?P<file>[^:\n]+):(?P<line>\d+): (?P<pointer>/\S*): (?P<msg>.+)$")
LEAKED = "LEAKED-SECRET-TEXT"
# A schema that datamodel-code-generator would happily turn into a model, if it read it.
SECRET = (
    f"X:\n  type: object\n  description: {LEAKED}\n  properties:\n    secret: {{type: string}}\n"
)


def _doc(schemas: str, paths: str = "") -> str:
    """A document with one operation returning schema ``A``, and ``schemas`` as components."""
    return (
        HEAD
        + "paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n"
        + "        '200':\n          description: ok\n          content:\n"
        + "            application/json:\n              schema: {$ref: '#/components/schemas/A'}\n"
        + paths
        + "components:\n  schemas:\n"
        + textwrap.indent(textwrap.dedent(schemas), "    ")
    )


def _cases(secret: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (the document, what its error must say: one entry per refused reference)."""
    s = str(secret)
    return {
        "dynamicRef to a file": (
            _doc(f"A: {{type: object, properties: {{d: {{$dynamicRef: '{s}#/X'}}}}}}\n"),
            ["$dynamicRef '" + s + "#/X' does not resolve inside the document"],
        ),
        "recursiveRef to a file": (
            _doc(f"A: {{type: object, properties: {{r: {{$recursiveRef: '{s}'}}}}}}\n"),
            ["$recursiveRef '" + s + "' is not supported (only '#')"],
        ),
        "ref to an absolute path": (
            _doc(f"A: {{$ref: '{s}#/X'}}\n"),
            ["an absolute path is never read"],
        ),
        "ref escaping the directory": (
            _doc("A: {$ref: '../secret/secret.yaml#/X'}\n"),
            ["'../secret/secret.yaml#/X' leaves the reference root"],
        ),
        "ref through a symlink": (
            _doc("A: {$ref: 'link.yaml#/X'}\n"),
            ["'link.yaml#/X' is a symlink that leaves the reference root"],
        ),
        "ref to URLs": (
            _doc(
                "A: {type: object, properties: {u: {$ref: 'http://127.0.0.1:9/x.yaml#/X'},"
                f" f: {{$ref: 'file://{s}#/X'}}}}}}\n"
            ),
            ["remote $ref 'http://127.0.0.1:9/x.yaml#/X'", f"remote $ref 'file://{s}#/X'"],
        ),
        "discriminator mapping": (
            _doc(
                "A:\n  oneOf: [{$ref: '#/components/schemas/B'}]\n  discriminator:\n"
                "    propertyName: kind\n"
                f"    mapping: {{b: '#/components/schemas/B', f: '{s}', u: 'https://127.0.0.1:9/x'}}\n"
                "B: {type: object, properties: {kind: {type: string}}}\n"
            ),
            ["an absolute path is never read", "remote $ref 'https://127.0.0.1:9/x'"],
        ),
        "every problem at once": (
            _doc(
                f"A: {{type: object, properties: {{a: {{$ref: '{s}'}}, "
                "b: {$ref: '../secret/secret.yaml'}, c: {$ref: '#/components/schemas/Nope'}, "
                f"d: {{$dynamicRef: '{s}'}}}}}}\n"
            ),
            ["absolute path", "leaves the reference root", "points to nothing", "$dynamicRef"],
        ),
    }


# Generated without reading anything else: bases that look like places to fetch from.
ACCEPTED = {
    "$id and $schema bases": _doc(
        "A:\n  $id: 'http://127.0.0.1:9/base/'\n  type: object\n  properties:\n"
        "    b: {$ref: '#/components/schemas/B'}\n"
        "    s: {$schema: 'http://127.0.0.1:9/meta', type: string}\n"
        "B: {type: object, properties: {n: {type: integer}}}\n"
    ),
}
# Data that looks like references (x- extensions, examples, defaults): never followed, whether
# the document is then accepted or refused.
NEVER_READ = {
    "references in x- extensions, examples and defaults": _doc(
        "A:\n  type: object\n  x-docs: {$ref: '../secret/secret.yaml'}\n"
        "  example: {$ref: '../secret/secret.yaml'}\n"
        "  properties: {n: {type: integer, default: {$ref: 'http://127.0.0.1:9/'}}}\n",
        paths="  x-topics: [{$ref: '../secret/secret.yaml'}]\n",
    ),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("leak")
    (base / "secret").mkdir()
    (base / "secret" / "secret.yaml").write_text(SECRET, encoding="utf-8")
    return base


def _case_dir(world: Path, name: str, text: str) -> Path:
    case = world / re.sub(r"\W+", "-", name)
    case.mkdir(exist_ok=True)
    (case / "spec.yaml").write_text(text, encoding="utf-8")
    link = case / "link.yaml"
    if not link.exists():
        os.symlink(world / "secret" / "secret.yaml", link)
    return case


def test_hostile_references_are_refused_located_and_nothing_else_is_opened(world: Path) -> None:
    secret = world / "secret" / "secret.yaml"
    cases = _cases(secret)
    dirs = {name: _case_dir(world, name, text) for name, (text, _) in cases.items()}
    dirs.update({name: _case_dir(world, name, text) for name, text in ACCEPTED.items()})
    dirs.update({name: _case_dir(world, name, text) for name, text in NEVER_READ.items()})
    argv = [
        ["generate", "--quiet", "--spec", str(d / "spec.yaml"), "--out", str(d / "out")]
        for d in dirs.values()
    ]
    cache = world / "cache"
    results = dict(zip(dirs, run_audited(argv, cache), strict=True))
    for name, result in results.items():
        spec, out = dirs[name] / "spec.yaml", dirs[name] / "out"
        bad = forbidden(result, allowed_files={spec}, out=out, cache=cache)
        assert not bad, f"{name}: {bad}"
        assert Path(os.path.realpath(secret)) not in result.opened(), name
        assert "Traceback" not in result.stderr and result.code in (0, 1), result.stderr
        if name in NEVER_READ:
            continue
        if name in ACCEPTED:
            assert result.code == 0, f"{name}: {result.stderr}"
            models = models_source(out / "src" / "leak")
            assert LEAKED not in models
            continue
        assert result.code == 1, f"{name}: {result.code} {result.stderr}"
        assert "Traceback" not in result.stderr
        lines = [
            line for line in result.stderr.splitlines() if not line.startswith(("warning", "hint:"))
        ]
        lines[0] = lines[0] if lines[0].startswith("error: ") else "error: " + lines[0]
        lines = [line if line.startswith("error: ") else "error: " + line for line in lines]
        for line in lines:
            match = LOCATED.match(line)
            assert match, f"{name}: not located: {line}"
            assert match["file"] == str(spec), line
        for expected in cases[name][1]:
            assert any(expected in line for line in lines), f"{name}: {expected!r} in {lines}"
        assert len(lines) >= len(cases[name][1]), lines


MULTI = {
    "spec.yaml": HEAD
    + "paths:\n  /pets:\n    $ref: 'paths/pets.yaml'\ncomponents:\n  schemas:\n"
    + "    Pet: {$ref: 'schemas/pet.yaml'}\n",
    "paths/pets.yaml": "get:\n  operationId: listPets\n  parameters:\n"
    "    - $ref: '../common.yaml#/Limit'\n  responses:\n    '200':\n      description: ok\n"
    "      content:\n        application/json:\n          schema:\n"
    "            type: array\n            items: {$ref: '../schemas/pet.yaml'}\n"
    "    default: {$ref: '../common.yaml#/Error'}\n",
    "common.yaml": "Limit: {name: limit, in: query, schema: {type: integer}}\n"
    "Error:\n  description: an error\n  content:\n    application/json:\n"
    "      schema: {$ref: '#/Problem'}\n"
    "Problem: {type: object, properties: {detail: {type: string}}}\n",
    "schemas/pet.yaml": "type: object\nrequired: [name]\nproperties:\n  name: {type: string}\n"
    "  tag: {$ref: 'tag.yaml'}\n  parent: {$ref: 'pet.yaml'}\n",
    "schemas/tag.yaml": "type: string\n",
    "unrelated.yaml": SECRET,  # in the directory, but nothing refers to it
}


def test_a_multi_file_spec_reads_exactly_the_files_it_reaches(world: Path) -> None:
    base = world / "multi"
    for rel, text in MULTI.items():
        (base / rel).parent.mkdir(parents=True, exist_ok=True)
        (base / rel).write_text(text, encoding="utf-8")
    out, cache = base / "out", world / "cache"
    spec = base / "spec.yaml"
    (result,) = run_audited([["generate", "--spec", str(spec), "--out", str(out)]], cache)
    assert result.code == 0, result.stderr
    reached = {base / rel for rel in MULTI if rel != "unrelated.yaml"}
    assert not forbidden(result, allowed_files=reached, out=out, cache=cache)
    opened_here = {
        p
        for p in result.opened()
        if base in p.parents and not p.relative_to(base).parts[0].startswith(("out", ".out"))
    }
    assert opened_here == {Path(os.path.realpath(p)) for p in reached}
    models = models_source(out / "src" / "leak")
    assert "class Pet(" in models and "class Problem(" in models
    assert "parent: Optional[Pet]" in models or "parent: Pet | None" in models
    assert LEAKED not in models
    shipped = (out / "src" / "leak" / "openapi.yaml").read_text(encoding="utf-8")
    assert ".yaml" not in re.sub(r"openapi: .*", "", shipped)  # one document, no file refs


def test_an_error_in_a_referenced_file_is_located_there(world: Path) -> None:
    base = world / "broken"
    (base / "parts").mkdir(parents=True, exist_ok=True)
    (base / "spec.yaml").write_text(_doc("A: {$ref: 'parts/a.yaml#/A'}\n"), encoding="utf-8")
    (base / "parts" / "a.yaml").write_text(
        "# a comment\nA:\n  type: object\n  properties:\n    b: {$ref: '#/Missing'}\n"
        "    c: {$ref: '../../secret/secret.yaml#/X'}\n",
        encoding="utf-8",
    )
    out, cache = base / "out", world / "cache"
    (result,) = run_audited(
        [["generate", "--spec", str(base / "spec.yaml"), "--out", str(out)]], cache
    )
    assert result.code == 1
    lines = result.stderr.strip().splitlines()
    part = base / "parts" / "a.yaml"
    assert lines[0] == f"error: {part}:5: /A/properties/b/$ref: $ref '#/Missing' points to nothing"
    assert lines[1].startswith(
        f"{part}:6: /A/properties/c/$ref: $ref '../../secret/secret.yaml#/X'"
    )
    assert "leaves the reference root" in lines[1]
    assert not forbidden(result, allowed_files={base / "spec.yaml", part}, out=out, cache=cache)


def test_the_validator_never_fetches(tmp_path: Path) -> None:
    """openapi-spec-validator follows a ``$ref`` even inside data (a ``default``) and would
    fetch it: its resolver refuses every scheme (read/validator.py), so nothing connects."""
    from generator.read.validator import run_validator

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        url = f"http://127.0.0.1:{server.getsockname()[1]}/x.yaml"
        schema = f"A: {{type: object, properties: {{n: {{default: {{$ref: '{url}'}}}}}}}}\n"
        data = yaml.safe_load(_doc(schema))
        findings = run_validator(data)
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody connected
    assert all(kind != "error" for kind, _, _ in findings), findings


def test_anchors_and_embedded_ids_resolve_inside_the_document(tmp_path: Path) -> None:
    from generator.read.load import load_spec

    spec = tmp_path / "spec.yaml"
    spec.write_text(
        _doc(
            "A:\n  type: object\n  properties:\n    pet: {$ref: '#pet'}\n"
            "    tag: {$ref: 'https://example.com/schemas/tag'}\n"
            "    name: {$ref: 'https://example.com/schemas/tag#/properties/name'}\n"
            "Pet: {$anchor: pet, type: object}\n"
            "Tag:\n  $id: 'https://example.com/schemas/tag'\n  type: object\n"
            "  properties: {name: {type: string}}\n"
        ),
        encoding="utf-8",
    )
    doc = load_spec(spec)
    props = doc.data["components"]["schemas"]["A"]["properties"]
    assert props == {
        "pet": {"$ref": "#/components/schemas/Pet"},
        "tag": {"$ref": "#/components/schemas/Tag"},
        "name": {"$ref": "#/components/schemas/Tag/properties/name"},
    }
    assert "$id" not in doc.data["components"]["schemas"]["Tag"]  # no base URI handed on


def test_client_annotations_read_only_themselves(tmp_path: Path) -> None:
    """Client annotations (generator/read/annotations.py) are untrusted like the spec: their
    ``extends`` is never fetched, a reference they add to another file or a URL is not
    followed (a located error), and only the spec and the annotations file are opened."""
    world = tmp_path / "world"
    base = world / "api"
    (base / "annotations").mkdir(parents=True)
    secret = world / "secret.yaml"
    secret.write_text(SECRET)
    spec = base / "spec.yaml"
    spec.write_text(_doc("A: {type: object, properties: {id: {type: string}}}\n"))
    annotations = base / "annotations" / "spec.yaml"
    annotations.write_text(
        "overlay: 1.0.0\n"
        "info: {title: hostile, version: '1'}\n"
        "extends: http://127.0.0.1:9/spec.yaml\n"
        "actions:\n"
        "  - target: $.components.schemas.A.properties\n"
        f"    update: {{f: {{$ref: '{secret}#/X'}}, u: {{$ref: 'http://127.0.0.1:9/x.yaml#/X'}}}}\n"
    )
    out, cache = base / "out", world / "cache"
    (result,) = run_audited([["generate", "--spec", str(spec), "--out", str(out)]], cache)
    assert not forbidden(result, allowed_files={spec, annotations}, out=out, cache=cache)
    assert Path(os.path.realpath(secret)) not in result.opened()
    assert "Traceback" not in result.stderr and result.code == 1, result.stderr
    assert LEAKED not in result.stderr
    first = result.stderr.splitlines()[0]
    assert LOCATED.match(first) and str(annotations) in result.stderr, result.stderr
