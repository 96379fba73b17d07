"""The models package: one module per model, loaded on first use (generator/models/split.py).

Importing a model loads only what creating its class needs; validating it loads the models its
annotations name (recursive, inherited, forward references included), in a fresh process.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.models.split import import_block
from generator.pipeline import generate

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Split", "version": "1.0.0"},
    "paths": {
        "/nodes/{id}": {
            "get": {
                "operationId": "getNode",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Node"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Colour": {"type": "string", "enum": ["red", "blue"]},
            "Base": {
                "type": "object",
                "properties": {
                    "tags": {"type": "array", "items": {"type": "string", "maxLength": 5}},
                    "owner": {"$ref": "#/components/schemas/Owner"},
                },
            },
            "Owner": {"type": "object", "properties": {"name": {"type": "string"}}},
            "Node": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {
                        "type": "object",
                        "required": ["id"],
                        "properties": {
                            "id": {"type": "string"},
                            "colour": {"$ref": "#/components/schemas/Colour", "default": "red"},
                            "children": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Node"},
                            },
                        },
                    },
                ]
            },
            "Unrelated": {"type": "object", "properties": {"x": {"type": "integer"}}},
        }
    },
}

CHILD = r"""
import json, sys
from split.models import Node
loaded = sorted(m.rpartition(".")[2] for m in sys.modules if m.startswith("split.models."))
node = Node.model_validate(
    {"id": "a", "tags": ["t"], "owner": {"name": "o"}, "children": [{"id": "b"}]}
)
import split.models as models
print(json.dumps({
    "at_import": loaded,
    "child": node.children[0].id,
    "owner": node.owner.name,
    "colour": node.colour.value,
    "same": models.Node is Node,
    "unrelated": "split.models._unrelated" in sys.modules,
    "dir": "Unrelated" in dir(models),
}))
"""


def test_a_model_loads_what_it_needs_when_it_needs_it(tmp_path: Path) -> None:
    spec = tmp_path / "split.yaml"
    spec.write_text(yaml.safe_dump(SPEC), encoding="utf-8")
    out = tmp_path / "out"
    generate(spec, out)
    package = out / "src" / "split"
    assert not (package / "models.py").exists()
    assert {"_node.py", "_owner.py", "_unrelated.py", "__init__.py"} <= {
        p.name for p in (package / "models").iterdir()
    }
    proc = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=tmp_path,
        env={"PYTHONPATH": str(out / "src")},
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = json.loads(proc.stdout)
    # creating Node needs its base and the enum of its default, not Owner (an annotation)
    assert "_owner" not in found["at_import"] and "_node" in found["at_import"]
    assert found["child"] == "b" and found["owner"] == "o" and found["colour"] == "red"
    assert found["same"] and not found["unrelated"] and found["dir"]


MODULE = '''"""Models."""

from __future__ import annotations

from pydantic import BaseModel


class A(BaseModel):
    x: int


class B(A):
    y: str
'''


def test_the_split_copies_each_definition_alone_and_reads_the_verified_tree() -> None:
    from generator.models import source
    from generator.models.split import split_models
    from generator.models.verify import verify_models

    assert verify_models(MODULE, "pkg") == []
    tree = source.parse(MODULE)
    files = split_models(MODULE, "pkg")
    assert source.parse(MODULE) is tree  # parsed once: the repairs, verify and split share it
    assert files is not None and "class A(BaseModel):\n    x: int\n" in files["_a.py"]
    assert "from ._a import A" in files["_b.py"]
    # two statements on one line: copying a definition's lines would copy the other with it
    shared = MODULE.replace("    y: str\n", "    y: str\nC = A; D = A\n")
    assert split_models(shared, "pkg") is None
    source.forget()


def test_a_repair_that_only_appends_comments_keeps_the_tree() -> None:
    from generator.models import source

    tree = source.parse(MODULE)
    commented = source.carry(MODULE, MODULE.replace("    x: int", "    x: int  # note"))
    assert source.parse(commented) is tree
    assert source.parse(MODULE) is not tree  # one entry: the newest text
    source.forget()


def test_the_models_module_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """generate_models writes the module (docstring and ``__all__`` included) before the
    repairs, so the repairs, verify_models, enum_subclasses and split.py read one tree (after
    the one ``inline_roots`` read, when it wrote a class out)."""
    import ast

    from generator.build import build_api
    from generator.models import generate_models, source
    from generator.models.split import split_models
    from generator.read.load import load_spec

    path = tmp_path / "spec.yaml"
    spec: dict[str, Any] = json.loads(json.dumps(SPEC))
    spec["components"]["schemas"].update(ENUMS)
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    doc = load_spec(path)
    api = build_api(doc)
    parsed: list[str] = []
    real = ast.parse

    def counted(text: str, *args: Any, **kwargs: Any) -> Any:
        if "class " in text:
            parsed.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(ast, "parse", counted)
    source.forget()
    module = generate_models(doc.data, api.schemas, api.package.name)
    assert split_models(module, api.package.name) is not None
    # inline_roots read the module as datamodel-code-generator wrote it and wrote out ``Tag``
    # (the wrapper it invents for the items of ``tags``); the rest read one tree, of the text
    # written (no repair changed it)
    assert len(parsed) == 2 and "class Tag(" in parsed[0] and parsed[1] == module
    source.forget()


# a forward enum default (hoist_forward_enums) and a model using it
ENUMS = {
    "Holder": {
        "type": "object",
        "properties": {"colour": {"$ref": "#/components/schemas/Colour", "default": "red"}},
    },
    "Colour": {"type": "string", "enum": ["red", "blue"]},
}


def test_nodes_are_the_walk_without_contexts_and_operators() -> None:
    import ast

    from generator.models import source

    tree = ast.parse(MODULE + "x = [a + b for a in c if not a < d]\ny = f(*g, **h)[1:2]\n")
    walked = [n for n in ast.walk(tree) if n._fields]
    found = source.nodes(tree)
    assert len(found) == len(walked) and all(a is b for a, b in zip(found, walked, strict=True))
    assert source.nodes(tree) is found  # walked once
    source.forget()


def test_split_imports_come_in_ruffs_order() -> None:
    """The split modules' imports are written as ruff's import sorting writes them (sections,
    natural order, constants first, long lines wrapped), so that ruff rewrites no file: it
    still runs and decides the bytes; this only saves it the work."""
    found = {
        "typing": [ast.alias("Optional"), ast.alias("TYPE_CHECKING"), ast.alias("Annotated")],
        "pydantic": [ast.alias("Field")],
        "datetime": [ast.alias("date", "date_aliased")],
        "._model10": [ast.alias("Model10")],
        "._model2": [ast.alias("Model2")],
        "._" + "x" * 80: [ast.alias("X" * 20)],
    }
    assert "\n".join(import_block(found)).splitlines() == [
        "from datetime import date as date_aliased",
        "from typing import TYPE_CHECKING, Annotated, Optional",
        "",
        "from pydantic import Field",
        "",
        "from ._model2 import Model2",
        "from ._model10 import Model10",
        "from ._" + "x" * 80 + " import (",
        "    " + "X" * 20 + ",",
        ")",
    ]


def test_ruffs_import_sorting_rewrites_no_split_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The split modules come as ``ruff check --fix`` leaves them (import sections, the
    package first-party, blank lines after the imports): the check runs and decides the bytes,
    but, finding nothing to fix, writes no file (stripe.yaml: 1 of 3,561 rewritten; ~900 when
    the package's imports were not a section of their own)."""
    from generator.output.format import GATE_RULES, ruff_command
    from generator.render.package import model_files as original

    made: dict[str, str] = {}

    def recorded(source: str, package: str) -> dict[str, str]:
        made.update(original(source, package))
        return made

    monkeypatch.setenv("GENERATOR_PARALLEL", "0")
    monkeypatch.setattr("generator.pipeline.model_files", recorded)
    spec = tmp_path / "split.yaml"
    spec.write_text(yaml.safe_dump(SPEC), encoding="utf-8")
    out = tmp_path / "out"
    generate(spec, out)
    assert len(made) > 3 and all("/models/" in k for k in made)
    for rel, text in made.items():  # as split, before ruff
        (out / rel).write_text(text, encoding="utf-8")
    models = out / "src" / "split" / "models"
    check = ["check", "--fix", "--exit-zero", "--no-cache", "--quiet"]
    subprocess.run(
        [*ruff_command(), *check, "--extend-select", ",".join(GATE_RULES), "."],
        cwd=models,
        check=True,
        capture_output=True,
    )
    assert {rel: (out / rel).read_text(encoding="utf-8") for rel in made} == made
