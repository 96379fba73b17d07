from __future__ import annotations

from pathlib import Path

import pytest

from generator import ir
from generator.build import build_api
from generator.read import SpecDocument, load_spec

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="session")
def mini_doc() -> SpecDocument:
    return load_spec(FIXTURES / "mini" / "spec.yaml")


@pytest.fixture(scope="session")
def mini_api(mini_doc: SpecDocument) -> ir.Api:
    return build_api(mini_doc, package_version="1.0.0")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of the test's own (``GENERATOR_CACHE_DIR``): incremental records,
    validation findings, parsed documents."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("GENERATOR_CACHE_DIR", str(directory))
    return directory
