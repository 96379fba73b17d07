"""The OpenAPI document shipped inside the generated package, and the module that finds it.

Downstream teams mock exactly the API version they pinned from this copy (README of the
package: "Testing against a mock"). It is the loaded document's own text (a JSON spec stays
JSON): a data file, never code, so it needs no escaping. Multi-file specs will be bundled into
this one file when the loader supports them.
"""

from __future__ import annotations

from .. import ir
from ..read.load import SpecDocument
from .environment import environment


def document_files(doc: SpecDocument, pkg: ir.Package) -> dict[str, str]:
    """``src/<pkg>/openapi.{yaml,json}`` (the document) and ``src/<pkg>/_openapi.py`` (its
    accessors, ``openapi_spec()`` and ``openapi_spec_path()``), keyed like ``render_package``."""
    spec_file = "openapi.json" if doc.path.suffix.lower() == ".json" else "openapi.yaml"
    module = (
        environment().get_template("client/_openapi.py.jinja").render(pkg=pkg, spec_file=spec_file)
    )
    src = f"src/{pkg.name}"
    return {f"{src}/{spec_file}": doc.text, f"{src}/_openapi.py": module}
