"""An overlay: hand-written code and docs added to a generated package (what Stainless and
Speakeasy call custom code). It lives beside the spec, so ``make generate`` keeps it.

Layout of an overlay directory (``spec/overlay/`` for the specs in ``spec/``)::

    overlay/
      src/<name>.py ...     copied into src/<package>/ (subdirectories too); a module whose name
                            does not start with "_" is public: ``<package>.<name>`` is loaded on
                            first use and listed in ``__all__``
      readme/<NN-name>.md   one section each of the package README, in file-name order, before
                            "Methods"; the first line is its "## Title". ``$package``,
                            ``$version``, ``$api_version`` and ``$pin`` (``pkg~=1.2025.0``) are
                            replaced; ``$$`` is a dollar sign

The overlay is maintainers' code, written for the package it joins: it is copied as it is (the
formatting stage formats it with the rest), type-checked and linted with the package
(``make lint``), and tested by the project's tests. It may not replace a generated file.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from ..errors import SpecError

_TITLE = re.compile(r"^## (\S.*)$")


@dataclass(frozen=True)
class Section:
    """One README section of the overlay."""

    title: str  # the heading, without "## "
    text: str  # the whole section, heading included, placeholders not yet replaced
    source: str  # the file, for messages

    @property
    def anchor(self) -> str:
        return anchor(self.title)

    def render(self, values: dict[str, str]) -> str:
        return string.Template(self.text).safe_substitute(values).rstrip() + "\n"


@dataclass(frozen=True)
class Overlay:
    root: Path
    files: dict[str, str]  # path under src/<package>/ -> text
    sections: tuple[Section, ...] = ()

    @property
    def public_modules(self) -> tuple[str, ...]:
        """Top-level modules (``config.py``) and packages (``tools/__init__.py``) whose name
        does not start with an underscore."""
        names = set()
        for rel in self.files:
            head, _, rest = rel.partition("/")
            if not rest and head.endswith(".py"):
                names.add(head[: -len(".py")])
            elif rest == "__init__.py":
                names.add(head)
        return tuple(sorted(n for n in names if not n.startswith("_") and n.isidentifier()))


def read_overlay(root: Path) -> Overlay:
    """The overlay in ``root``; a located error for anything it cannot use."""
    if not root.is_dir():
        raise SpecError(f"overlay {root} is not a directory", file=str(root))
    files: dict[str, str] = {}
    src = root / "src"
    for path in sorted(src.rglob("*")) if src.is_dir() else ():
        if any(part in ("__pycache__", ".mypy_cache", ".ruff_cache") for part in path.parts):
            continue
        if path.is_symlink() or not (path.is_file() or path.is_dir()):
            raise SpecError("overlay files must be regular files, not links", file=str(path))
        if path.is_file():
            files[path.relative_to(src).as_posix()] = _text(path)
    sections = []
    readme = root / "readme"
    for path in sorted(readme.glob("*.md")) if readme.is_dir() else ():
        text = _text(path)
        first = text.split("\n", 1)[0]
        match = _TITLE.match(first)
        if match is None:
            raise SpecError(
                "an overlay README section starts with its '## Title' line", file=str(path), line=1
            )
        sections.append(Section(match.group(1).strip(), text, str(path)))
    return Overlay(root, files, tuple(sections))


def anchor(title: str) -> str:
    """The link anchor GitHub and PyPI give a heading (``Migrating from 0.2.2`` ->
    ``migrating-from-022``)."""
    text = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return "#" + text.replace(" ", "-")


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read overlay file: {exc}", file=str(path)) from None
