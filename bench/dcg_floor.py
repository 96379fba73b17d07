"""datamodel-code-generator alone on one spec: the floor of the generator's model step.

Usage: ``.venv/bin/python bench/dcg_floor.py SPEC`` (from the repository root); prints JSON.

The generator's model step (``generator.models.generate_models``) prepares the component schemas
(safe class names, ``$ref`` rewriting), calls ``datamodel_code_generator.generate`` (once; or
twice at once on the two halves of a large document: generator/models/halves.py) and
post-processes its source. Here datamodel-code-generator alone is one call on all the same
schemas with the same options (the halves turned off), its import included, as in the model
step, and the whole step is measured as it runs in the generator, halves and all.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from generator.build import build_api
    from generator.models import generate_models, halves
    from generator.read.load import load_spec

    doc = load_spec(Path(sys.argv[1]))
    doc.quiet = True
    api = build_api(doc, skip_unsupported=True)  # the class names the model step is given
    started = time.perf_counter()
    import datamodel_code_generator

    imported = time.perf_counter() - started
    inner = {"seconds": 0.0}
    original = datamodel_code_generator.generate

    def timed(*args: Any, **kwargs: Any) -> Any:
        begin = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            inner["seconds"] += time.perf_counter() - begin

    datamodel_code_generator.generate = timed
    cut = halves.MIN_SCHEMAS
    halves.MIN_SCHEMAS = sys.maxsize  # alone: one call on every schema
    generate_models(doc.data, api.schemas, api.package.name)
    datamodel_code_generator.generate = original
    halves.MIN_SCHEMAS = cut
    begin = time.perf_counter()
    generate_models(doc.data, api.schemas, api.package.name)
    step = time.perf_counter() - begin + imported
    print(json.dumps({"dcg": imported + inner["seconds"], "model_step": step}))


if __name__ == "__main__":
    main()
