"""The OpenAPI document a generated package ships (generator/render/bundle.py): the spec's own text,
as ``openapi.yaml`` or, for a JSON spec, ``openapi.json``, found by ``openapi_spec()`` and
``openapi_spec_path()`` wherever the package is imported from."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.pipeline import generate

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "spec.yaml"

PROBE = """
import json, sys, minijobs
with minijobs.openapi_spec_path() as path:
    print(json.dumps([minijobs.openapi_spec(), path.name, path.read_text(encoding="utf-8"),
                      str(path.parent)]))
"""


def _probe(src: Path) -> tuple[str, str, str, str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={"PYTHONPATH": str(src), "PATH": ""},
        cwd=src,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    text, name, read, parent = json.loads(proc.stdout)
    return text, name, read, parent


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_the_package_ships_the_spec_text_it_was_generated_from(suffix: str, tmp_path: Path) -> None:
    spec = tmp_path / f"spec{suffix}"
    if suffix == ".json":
        data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    else:  # a BOM is not part of the text; CRLF line ends are kept as they are
        text = MINI.read_text(encoding="utf-8").replace("\n", "\r\n")
    spec.write_bytes(("\ufeff" if suffix == ".yaml" else "").encode() + text.encode())
    generate(spec, tmp_path / "out")
    package = tmp_path / "out" / "src" / "minijobs"
    shipped = package / f"openapi{suffix}"
    assert shipped.read_bytes() == text.encode()
    assert not (package / f"openapi{'.json' if suffix == '.yaml' else '.yaml'}").exists()
    got, name, read, parent = _probe(tmp_path / "out" / "src")
    assert (got.replace("\r\n", "\n"), name) == (text.replace("\r\n", "\n"), shipped.name)
    assert read.replace("\r\n", "\n") == got.replace("\r\n", "\n")
    assert Path(parent) == package
