"""The output tree while it is made: written and formatted whole, or in two parts.

While the models worker runs (generator/parallel.py), the pipeline hands every other file
here (``early``): they are written to the staging directory and formatted then, beside the
worker; then the models' files, written as the worker sends them while it splits the models
module (``ahead``). ``complete`` writes the rest and formats only the models' directory.
Formatting is per file (ruff reads the project's ``pyproject.toml``, found above that
directory), so the bytes are those of one pass over the whole tree
(tests/codegen/test_parallel.py). When the rest is not one directory of its own (an overlay's
modules, the models kept as one ``models.py``) or a file written early or ahead is not in the
final output as written (a blocker changed the api), the tree is written and formatted again,
whole, as without the early part.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from pathlib import Path

from .fingerprint import final_output
from .format import format_tree
from .write import replace_dir, staging_dir, text_digest, write_tree


class StagedOutput:
    """The staging directory of ``out`` (made when first written), generated from ``spec``
    (messages name both)."""

    def __init__(self, out: Path, spec: Path) -> None:
        self.out = out
        self.spec = spec
        self._root: Path | None = None
        self._early: dict[str, str] = {}
        self._ahead: dict[str, str] = {}  # written as the worker sent them (``ahead``)
        self._previous: dict[str, str] | None = None  # the previous output's (``_write``)
        self._asked = False  # whether ``_previous`` was decided
        self._linked: set[str] = set()  # files linked to the previous output's (``_write``)
        # the ``text_digest`` of each file's text as written (before formatting): what the
        # next run links to (recorded by the command line: output/fingerprint.py)
        self.rendered: dict[str, str] = {}

    @property
    def root(self) -> Path:
        if self._root is None:
            self._root = staging_dir(self.out)
        return self._root

    def _write(self, files: dict[str, str]) -> None:
        """Write ``files`` into the staging directory. When the previous output is final
        (``fingerprint.final_output``: what the last run wrote, formatted by this same ruff,
        with the same ``pyproject.toml``, ruff's configuration), a file made from the same
        text as that output's is linked to it and not formatted again (``format_tree``'s
        ``final``): its bytes are the ones formatting this text gives."""
        if not self._asked and "pyproject.toml" in files:
            self._asked = True
            previous = final_output(self.out)
            if previous is not None and previous.get("pyproject.toml") == text_digest(
                files["pyproject.toml"]
            ):
                self._previous = previous
        self._linked |= write_tree(files, self.root, self.out, self._previous)
        self.rendered.update((k, text_digest(v)) for k, v in files.items())

    def _final(self, prefix: str = "") -> frozenset[str]:
        """The linked files under ``prefix`` (relative to it)."""
        return frozenset(k[len(prefix) :] for k in self._linked if k.startswith(prefix))

    def early(self, files: dict[str, str]) -> None:
        """Write and format ``files``, the package's files but the models'."""
        self._write(files)
        format_tree(self.root, label=self._label(self.out), final=self._final())
        self._early = dict(files)

    def ahead(self, files: dict[str, str]) -> None:
        """Write ``files``, some of the models', as the worker sends them (after ``early``):
        ``complete`` formats them, and writes them again only if they changed."""
        self._write(files)
        self._ahead.update(files)

    def complete(self, files: dict[str, str], trusted: Collection[str] = ()) -> None:
        """Write and format what of ``files`` (every file of the package) is not yet;
        ``trusted``: the ones known to compile (the models': output/format.py)."""
        done, ahead = self._early, self._ahead
        later = {k: v for k, v in files.items() if k not in done}
        where = _own_directory(later, done)
        if (
            where is None
            or any(files.get(k) != v for k, v in done.items())
            or any(k in done or files.get(k) != v for k, v in ahead.items())
        ):
            if done or ahead:  # start over: the whole tree, as without the early part
                shutil.rmtree(self.root)
                self._root, self._early, self._ahead = None, {}, {}
                self._linked, self.rendered = set(), {}
            self._write(files)
            format_tree(
                self.root,
                label=self._label(self.out),
                trusted=frozenset(trusted),
                final=self._final(),
            )
            return
        self._write({k: v for k, v in later.items() if k not in ahead})
        prefix = where + "/"
        inside = frozenset(k[len(prefix) :] for k in trusted if k.startswith(prefix))
        format_tree(
            self.root / where,
            label=self._label(self.out / where),
            trusted=inside,
            final=self._final(prefix),
        )

    def _label(self, path: Path) -> str:
        return f"{path} (generated from {self.spec})"

    def replace(self) -> None:
        """Swap the finished tree into place of ``out`` (output/write.py)."""
        replace_dir(self.root, self.out)
        self._root = None

    def discard(self) -> None:
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None


def _own_directory(later: dict[str, str], done: dict[str, str]) -> str | None:
    """The directory holding every file of ``later`` and none of ``done`` (None: there is
    none, or nothing was written early)."""
    if not done or not later:
        return None
    parents = {k.rpartition("/")[0] or "." for k in later}  # relative posix paths
    where = os.path.commonpath(list(parents))
    if where in ("", "."):
        return None
    prefix = where + "/"
    if any(k.startswith(prefix) for k in done):
        return None
    return where
