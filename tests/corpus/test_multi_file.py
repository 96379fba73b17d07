"""A multi-file document nobody here wrote: ``more-specs/algolia-search`` (114 files, root
``search/spec.yml``, 615 relative-file ``$ref``s such as ``../common/...``; see the corpus
README). It is read as one document (issue 14, item 1), and the client generated from it is
ruff and ``mypy --strict`` clean.

Its root refers to ``../common/``, outside the root's own directory: that is refused by default
and read with ``--ref-root`` set to the document's top directory (``ref_root=``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.errors import SpecError
from generator.pipeline import generate
from generator.read.load import load_spec
from tests.corpus.corpus import CORPUS_DIR
from tests.models_source import models_source

TOP = Path(os.environ.get("MORE_SPECS_DIR") or CORPUS_DIR.parent / "more-specs") / "algolia-search"
ROOT_SPEC = TOP / "search" / "spec.yml"
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.skipif(not ROOT_SPEC.is_file(), reason=f"no {ROOT_SPEC}")


def _refs(node: Any) -> list[str]:
    """Every ``$ref`` outside data (x- extensions and literal values)."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key == "$ref":
                    found.append(value)
                elif not str(key).startswith("x-") and key not in ("example", "default", "enum"):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_it_is_read_as_one_document_from_every_file_it_reaches() -> None:
    doc = load_spec(ROOT_SPEC, ref_root=TOP)
    every_file = {p.resolve() for p in TOP.rglob("*.yml")}
    assert {p.resolve() for p in doc.files} == every_file  # all 114 are reachable
    assert doc.files[0] == ROOT_SPEC
    refs = _refs(doc.data)
    assert refs and all(ref.startswith("#/") for ref in refs)  # only local references left
    assert "searchParams" in doc.data["components"]["schemas"]
    # a value that came from another file is located in that file
    err = doc.error("probe", "/paths/~11~1keys~1{key}/get/responses/404")
    assert err.file.endswith("common/responses/IndexNotFound.yml") and err.line == 1


def test_by_default_only_the_spec_directory_is_read() -> None:
    with pytest.raises(SpecError) as info:
        load_spec(ROOT_SPEC)
    lines = str(info.value).splitlines()
    assert lines[0].startswith(f"{ROOT_SPEC}:")
    assert all("leaves the reference root" in line for line in lines)
    assert any(line.startswith(str(TOP / "search" / "paths")) for line in lines)  # located there


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_generated_client_is_ruff_and_mypy_strict_clean(tmp_path: Path) -> None:
    """Generated as it is published, with ``--skip-unsupported`` (helpers with object query
    parameters are a stated limitation). The document is OpenAPI 3.0.2 but uses 3.1's
    ``{type: 'null'}`` members of ``oneOf``, a mix-up the tolerant reading warns about and reads
    as ``nullable``. It refers to ``../common``, so its reference root is the corpus folder."""
    top = tmp_path / "algolia-search"
    shutil.copytree(TOP, top)
    for path in top.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    spec = top / "search" / "spec.yml"
    out = tmp_path / "out"
    report = generate(spec, out, skip_unsupported=True, ref_root=top)
    assert report.operations >= 60 and report.models >= 200
    package = next(p.name for p in (out / "src").iterdir() if (p / "__init__.py").exists())
    models = models_source(out / "src" / package)
    assert "class SearchParamsObject(" in models or "class SearchParams" in models
    for command in (
        [str(BIN / "ruff"), "check", "--no-cache", "--quiet", "."],
        [str(BIN / "ruff"), "format", "--check", "--no-cache", "--quiet", "."],
        [str(BIN / "mypy"), "--strict", "--no-error-summary", f"src/{package}"],
    ):  # fmt: skip
        proc = subprocess.run(command, cwd=out, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, f"{command[0]}: {proc.stdout[-2000:]}{proc.stderr[-2000:]}"
