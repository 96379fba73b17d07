"""``python -m generator check``: generate every spec into a temporary directory and fail with a
unified diff when ``generated/`` is not what the specs produce (CI's drift check)."""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path

from ..output.write import read_tree
from . import layout


def package_tree(spec: Path, scratch: Path) -> dict[str, bytes]:
    """The files ``generate_package`` writes for ``spec`` (into ``scratch``)."""
    from ..pipeline import generate_to_tree
    from ..release.changelog import changelog_for

    return generate_to_tree(spec, scratch, changelog=changelog_for, overlay=layout.overlay_of(spec))


def cmd_check(args: argparse.Namespace) -> int:
    """Regenerate into a temp dir and fail with a diff if ``generated/`` differs."""
    drift = False
    specs = layout.spec_files()
    out_dir = layout.OUT_DIR
    expected_dirs = {s.stem for s in specs}
    for extra in sorted(
        p.name for p in out_dir.glob("*") if p.is_dir() and p.name not in expected_dirs
    ):
        print(f"generated/{extra}: no spec/{extra}.yaml produces it")
        drift = True
    for spec in specs:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = package_tree(spec, Path(tmp) / spec.stem)
        current = read_tree(out_dir / spec.stem) if (out_dir / spec.stem).exists() else {}
        diff = diff_trees(current, fresh, f"generated/{spec.stem}")
        if diff:
            drift = True
            sys.stdout.write(diff)
        elif not args.quiet:
            print(f"generated/{spec.stem}: up to date")
    if drift:
        print(
            "\ngenerated/ is out of date: run `make generate` and commit the result.",
            file=sys.stderr,
        )
        return 1
    return 0


def diff_trees(old: dict[str, bytes], new: dict[str, bytes], label: str) -> str:
    """A unified diff of two file trees (relative path -> bytes)."""
    chunks: list[str] = []
    for rel in sorted(set(old) | set(new)):
        a, b = old.get(rel), new.get(rel)
        if a == b:
            continue
        a_lines = (a or b"").decode("utf-8", "replace").splitlines(keepends=True)
        b_lines = (b or b"").decode("utf-8", "replace").splitlines(keepends=True)
        chunks.extend(
            difflib.unified_diff(
                a_lines,
                b_lines,
                fromfile=f"a/{label}/{rel}" if a is not None else "/dev/null",
                tofile=f"b/{label}/{rel}" if b is not None else "/dev/null",
            )
        )
    return "".join(c if c.endswith("\n") else c + "\n" for c in chunks)
