"""The runtime under test: rendered once per process and imported as ``runrl_rt``.

The templates are rendered into a temp dir as ``<tmp>/runrl/``, and the package is registered
under the name ``runrl_rt`` so that it can never be confused with a generated ``runrl`` (the
full package) that other test suites import in the same process. Importing this module is
what makes ``import runrl_rt`` work; conftest.py does it before any test module is collected.
"""

from __future__ import annotations

import atexit
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

from tests.runtime.render_runtime import render_runtime

NAME = "runrl_rt"

_render_dir = Path(tempfile.mkdtemp(prefix="runrl-runtime-"))
atexit.register(shutil.rmtree, _render_dir, ignore_errors=True)
PACKAGE_DIR = render_runtime(_render_dir)

_spec = importlib.util.spec_from_file_location(
    NAME, PACKAGE_DIR / "__init__.py", submodule_search_locations=[str(PACKAGE_DIR)]
)
assert _spec is not None and _spec.loader is not None
_package = importlib.util.module_from_spec(_spec)
sys.modules[NAME] = _package
_spec.loader.exec_module(_package)
