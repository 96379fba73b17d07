"""datamodel-code-generator alone on one spec: the floor of the generator's model step.

Usage: ``.venv/bin/python bench/dcg_floor.py SPEC`` (from the repository root); prints JSON.

The generator's model step (``generator.models.generate_models``) prepares the component schemas
(safe class names, ``$ref`` rewriting), calls ``datamodel_code_generator.generate`` once and
post-processes its source. Here that same call is made on the same input with the same options,
and the time spent inside datamodel-code-generator (its import included, as in the model step)
is measured apart from the whole step.
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
    from generator.models import generate_models
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
    begin = time.perf_counter()
    generate_models(doc.data, api.schemas, api.package.name)
    step = time.perf_counter() - begin + imported
    print(json.dumps({"dcg": imported + inner["seconds"], "model_step": step}))


if __name__ == "__main__":
    main()
