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
from pathlib import Path, PurePosixPath

from .ahead import FormatAhead
from .format import format_tree
from .write import replace_dir, staging_dir, write_tree


class StagedOutput:
    """The staging directory of ``out`` (made when first written), generated from ``spec``
    (messages name both)."""

    def __init__(self, out: Path, spec: Path) -> None:
        self.out = out
        self.spec = spec
        self._root: Path | None = None
        self._early: dict[str, str] = {}
        self._ahead: dict[str, str] = {}  # written as the worker sent them (``ahead``)
        # ruff over those, in the background (output/ahead.py); False: not (``_format_ahead``)
        self._formatting: FormatAhead | bool | None = None
        self._touched = False  # whether it ever ran

    @property
    def root(self) -> Path:
        if self._root is None:
            self._root = staging_dir(self.out)
        return self._root

    def early(self, files: dict[str, str]) -> None:
        """Write and format ``files``, the package's files but the models'."""
        write_tree(files, self.root)
        format_tree(self.root, label=self._label(self.out))
        self._early = dict(files)

    def ahead(self, files: dict[str, str]) -> None:
        """Write ``files``, some of the models', as the worker sends them (after ``early``),
        and format them in the background (output/ahead.py) when they are a directory of
        their own; ``complete`` writes them again only if they changed."""
        write_tree(files, self.root)
        self._ahead.update(files)
        self._format_ahead(files)

    def _format_ahead(self, files: dict[str, str]) -> None:
        if self._formatting is False or not files:
            return
        parents = {str(PurePosixPath(k).parent) for k in files}
        where = parents.pop()
        directory = self.root / where
        formatting = self._formatting
        if formatting is None and not parents and _own_directory(files, self._early) == where:
            formatting = self._formatting = FormatAhead(directory)
            self._touched = True  # ruff may change the files written ahead from now on
        if not isinstance(formatting, FormatAhead) or parents or formatting.directory != directory:
            self._stop_formatting()  # not one directory: formatted in ``complete``
            return
        if any(k.startswith(where + "/") for k in self._early):
            self._stop_formatting()
            return
        formatting.add([PurePosixPath(k).name for k in files])

    def _stop_formatting(self) -> None:
        if isinstance(self._formatting, FormatAhead):
            self._formatting.stop()
        self._formatting = False

    def _formatted_ahead(self, later: dict[str, str], where: str, trusted: frozenset[str]) -> bool:
        """Whether ``later``, the files of ``where``, were each written and formatted ahead,
        every pass finding nothing, and are trusted (``format_tree`` would compile none)."""
        formatting = self._formatting
        if not isinstance(formatting, FormatAhead) or formatting.directory != self.root / where:
            return False
        if not formatting.ok():
            return False
        prefix = where + "/"
        return all(
            k in self._ahead and k.startswith(prefix) and k[len(prefix) :] in trusted
            and k[len(prefix) :] in formatting.done
            for k in later
        )  # fmt: skip

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
                self._stop_formatting()
                shutil.rmtree(self.root)
                self._root, self._early, self._ahead = None, {}, {}
                self._touched = False
            write_tree(files, self.root)
            format_tree(self.root, label=self._label(self.out), trusted=frozenset(trusted))
            return
        write_tree({k: v for k, v in later.items() if k not in ahead}, self.root)
        prefix = where + "/"
        inside = frozenset(k[len(prefix) :] for k in trusted if k.startswith(prefix))
        if self._formatted_ahead(later, where, inside):
            return
        self._stop_formatting()
        if self._touched:  # as they were written, then formatted as a whole
            write_tree({k: v for k, v in later.items() if k in ahead}, self.root)
        format_tree(self.root / where, label=self._label(self.out / where), trusted=inside)

    def _label(self, path: Path) -> str:
        return f"{path} (generated from {self.spec})"

    def replace(self) -> None:
        """Swap the finished tree into place of ``out`` (output/write.py)."""
        replace_dir(self.root, self.out)
        self._root = None

    def discard(self) -> None:
        self._stop_formatting()
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
