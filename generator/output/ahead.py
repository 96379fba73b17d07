"""Formatting the models' files while more of them are written: ``format_tree``'s two ruff
passes, run in the background over the files written so far (output/staged.py).

A large document's models are thousands of files (stripe.yaml: 3,561), written as the models
worker sends them (generator/parallel.py); writing them (~0.5-1 s: a file created is ~0.2 ms
of the kernel's time) and ruff's two passes over them (~0.6 s) were one after the other at the
end of the run. Ruff works file by file (each file's fixes and format depend on it and the
project's ``pyproject.toml`` above it, written before: the early files), so the passes run on
the files written so far while this process writes the next ones: a batch is ``check --fix``
then ``format`` on the files written since the last batch started, with the arguments
``format_tree`` gives them; the next batch starts when one ends. The bytes are those of one
pass over the directory.

Anything unusual (a pass that fails, or finds one of the gate's problems) is not reported
here: ``ok()`` says no, and the caller writes the files again and runs ``format_tree`` over
the directory, which reports it as it would have (the same files, the same lines).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import IO

from .format import GATE_RULES, gate_lines, ruff_command


class FormatAhead:
    """ruff's passes over the files of ``directory`` handed to ``add``, in the background."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.done: set[str] = set()  # formatted (names relative to ``directory``)
        self.failed = False
        self._waiting: list[str] = []  # written, in no batch yet
        self._batch: list[str] = []
        self._step = ""  # the running pass of the batch: "check" or "format"
        self._proc: subprocess.Popen[bytes] | None = None
        self._output: IO[bytes] | None = None

    def add(self, names: list[str]) -> None:
        """``names`` (relative to the directory) are written: format them when ruff is free."""
        self._waiting += names
        self._advance()

    def ok(self) -> bool:
        """Wait for the batches; whether every pass succeeded and found nothing."""
        while self._proc is not None:
            self._proc.wait()
            self._advance()
        return not self.failed

    def stop(self) -> None:
        """End a running pass (the directory is about to be removed)."""
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            self._proc = None
        self._close()
        self.failed = True

    def _advance(self) -> None:
        """Start what can start: the format pass after a check that found nothing, the next
        batch after a batch."""
        proc = self._proc
        if proc is not None:
            if proc.poll() is None:
                return
            self._proc = None
            output = self._read()
            if proc.returncode != 0 or (self._step == "check" and gate_lines(output)):
                self.failed = True
            elif self._step == "check":
                self._start("format", ["format", "--quiet", "--no-cache"])
                return
            else:
                self.done.update(self._batch)
        if self.failed or not self._waiting:
            return
        self._batch, self._waiting = self._waiting, []
        gate = ",".join(GATE_RULES)
        check = ["check", "--fix", "--exit-zero", "--no-cache", "--quiet"]
        self._start("check", [*check, "--output-format", "concise", "--extend-select", gate])

    def _start(self, step: str, args: list[str]) -> None:
        self._step = step
        self._output = tempfile.TemporaryFile()  # noqa: SIM115 - closed in _read
        env = {**os.environ, "RUFF_NO_CACHE": "true"}
        self._proc = subprocess.Popen(  # noqa: S603 - the pinned ruff, on our own files
            ruff_command() + args + ["--", *self._batch],
            cwd=self.directory,
            env=env,
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )

    def _read(self) -> str:
        assert self._output is not None
        self._output.seek(0)
        text = self._output.read().decode("utf-8", "replace")
        self._close()
        return text

    def _close(self) -> None:
        if self._output is not None:
            self._output.close()
            self._output = None
