"""A generated package, imported for a test module and forgotten afterwards."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from generator.pipeline import generate


@contextmanager
def generated_package(spec: Path, name: str) -> Iterator[ModuleType]:
    """Generate ``spec`` into ``out/`` beside it and import its package ``name``; on exit the
    package leaves ``sys.path`` and ``sys.modules`` (the next test module may reuse the name)."""
    src = spec.parent / "out" / "src"
    generate(spec, src.parent)
    sys.path.insert(0, str(src))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(src))
        for module in [m for m in sys.modules if m.split(".")[0] == name]:
            del sys.modules[module]
