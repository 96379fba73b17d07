from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import SpecDocument, load_spec
from generator.models import generate_models
from generator.parse import parse_api

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="session")
def mini_doc() -> SpecDocument:
    return load_spec(FIXTURES / "mini" / "spec.yaml")


@pytest.fixture(scope="session")
def mini_api(mini_doc: SpecDocument):  # type: ignore[no-untyped-def]
    _, classes = generate_models(mini_doc.data, "minijobs")
    return parse_api(mini_doc, package_version="1.0.0", schema_classes=classes)
