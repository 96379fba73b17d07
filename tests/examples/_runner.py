"""Run example modules one after the other in this process, each in a fresh namespace as
``__main__``, and write what happened to a JSON file.

    python tests/examples/_runner.py RESULTS.json MODULE.py [MODULE.py ...]

One process per API version (the package is imported once); the test
(tests/examples/test_examples.py) sets the environment (API key, base URL of the reference
server), the working directory and ``PYTHONPATH`` (the generated package's ``src``). For each
module: ``ok``, the error (a traceback) if it raised, what it printed, the lines of the module
that ran (``sys.settrace``, this thread only: the test checks that no ``except`` branch ran),
and its start and end times (``time.time()``, to match the server's recorded requests to the
block that sent them).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

Tracer = Callable[[FrameType, str, Any], Any]


def _line_tracer(filename: str, lines: set[int]) -> Tracer:
    """A ``sys.settrace`` function recording the lines run in ``filename`` (other files: none)."""

    def local(frame: FrameType, event: str, arg: Any) -> Tracer | None:
        if event == "line":
            lines.add(frame.f_lineno)
        return local

    def global_(frame: FrameType, event: str, arg: Any) -> Tracer | None:
        return local if frame.f_code.co_filename == filename else None

    return global_


def run_one(path: Path) -> dict[str, object]:
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    out, err = io.StringIO(), io.StringIO()
    started = time.time()
    error = None
    lines: set[int] = set()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            sys.settrace(_line_tracer(str(path), lines))
            try:
                exec(code, {"__name__": "__main__", "__file__": str(path)})
            finally:
                sys.settrace(None)
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
        "lines": sorted(lines),
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
