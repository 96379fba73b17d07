"""The OpenAPI document this package was generated from (API version 2025-10-11).

It ships inside the package as ``openapi.yaml``, so a test can mock exactly the API version it
pinned (e.g. ``prism mock``, see the README), or validate against the very schemas the client
was built from. ``importlib.resources`` finds it wherever the package is installed.
"""

from pathlib import Path
from typing import ContextManager

OPENAPI_SPEC_FILE = "openapi.yaml"


def openapi_spec() -> str:
    """The text of the OpenAPI document of API version 2025-10-11, as the client was
    generated from it."""
    from importlib.resources import files

    return files("runrl").joinpath(OPENAPI_SPEC_FILE).read_text(encoding="utf-8")


def openapi_spec_path() -> ContextManager[Path]:
    """A context manager giving the document's path on the filesystem (a temporary copy that is
    removed on exit if the package is imported from a zip archive)::

        with runrl.openapi_spec_path() as spec:
            subprocess.Popen(["prism", "mock", str(spec)])
    """
    from importlib.resources import as_file, files

    return as_file(files("runrl").joinpath(OPENAPI_SPEC_FILE))
