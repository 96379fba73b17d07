"""Run example modules one after the other in this process, each in a fresh namespace as
``__main__``, and write what happened to a JSON file.

    python tests/examples/_runner.py RESULTS.json MODULE.py [MODULE.py ...]

One process per API version (the package is imported once); the test
(tests/examples/test_examples.py) sets the environment (API key, base URL of the reference
server), the working directory and ``PYTHONPATH`` (the generated package's ``src``). For each
module: ``ok``, the error (a traceback) if it raised, what it printed, and its start and end
times (``time.time()``, to match the server's recorded requests to the block that sent them).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import sys
import time
import traceback
from pathlib import Path


def run_one(path: Path) -> dict[str, object]:
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    out, err = io.StringIO(), io.StringIO()
    started = time.time()
    error = None
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            exec(code, {"__name__": "__main__", "__file__": str(path)})
    except BaseException:  # noqa: BLE001 - reported by the test, the next module still runs
        error = traceback.format_exc()
    finished = time.time()
    # A block may configure logging (the README's logging example): undo it for the next one.
    logging.getLogger().handlers.clear()
    for logger in logging.Logger.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            logger.setLevel(logging.NOTSET)
            logger.handlers.clear()
    return {
        "module": path.stem,
        "ok": error is None,
        "error": error,
        "stdout": out.getvalue(),
        "stderr": err.getvalue(),
        "started": started,
        "finished": finished,
    }


def main(argv: list[str]) -> int:
    results_path, *modules = argv
    results = [run_one(Path(m)) for m in modules]
    Path(results_path).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
