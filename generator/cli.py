"""Command line: ``python -m generator generate|check``."""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path

from .errors import SpecError
from .pipeline import Report, generate, generate_to_tree
from .write import read_tree

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "spec"
OUT_DIR = ROOT / "generated"
STAGES = ("load", "validate", "models", "templates", "format", "write")


def spec_files(spec_dir: Path = SPEC_DIR) -> list[Path]:
    """Every API version's spec, oldest first (the file name is the API version)."""
    return sorted(p for p in spec_dir.glob("*.yaml") if not p.name.startswith("."))


def _say(report: Report, quiet: bool) -> None:
    if quiet:
        return
    stages = "  ".join(f"{s} {report.timings[s]:.2f}s" for s in STAGES if s in report.timings)
    print(f"  {report.spec.name}: {stages}")
    print(
        f"{report.api_version or report.spec.stem}: {report.operations} operations, "
        f"{report.models} models, {report.files} files, {report.seconds:.2f}s "
        f"-> {_rel(report.out)} (package {report.package_version})"
    )


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def cmd_generate(args: argparse.Namespace) -> int:
    if args.spec:
        pairs = [(Path(args.spec), Path(args.out) if args.out else OUT_DIR / Path(args.spec).stem)]
    else:
        pairs = [(spec, OUT_DIR / spec.stem) for spec in spec_files()]
        if not pairs:
            print(f"error: no specs in {SPEC_DIR}", file=sys.stderr)
            return 2
    for spec, out in pairs:
        _say(generate(spec, out, skip_unsupported=args.skip_unsupported), args.quiet)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Regenerate into a temp dir and fail with a diff if ``generated/`` differs."""
    drift = False
    specs = spec_files()
    expected_dirs = {s.stem for s in specs}
    for extra in sorted(
        p.name for p in OUT_DIR.glob("*") if p.is_dir() and p.name not in expected_dirs
    ):
        print(f"generated/{extra}: no spec/{extra}.yaml produces it")
        drift = True
    for spec in specs:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = generate_to_tree(spec, Path(tmp) / spec.stem)
        current = read_tree(OUT_DIR / spec.stem) if (OUT_DIR / spec.stem).exists() else {}
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="generate every spec/<version>.yaml, or one --spec")
    gen.add_argument("--spec", help="one spec file (default: every spec/*.yaml)")
    gen.add_argument("--out", help="output directory for --spec (default: generated/<spec stem>)")
    gen.add_argument("--quiet", action="store_true", help="print nothing on success")
    gen.add_argument(
        "--skip-unsupported",
        action="store_true",
        help="leave out operations that use an unsupported feature (each reported as a "
        "warning) instead of stopping with that error",
    )
    gen.set_defaults(func=cmd_generate)
    chk = sub.add_parser(
        "check", help="fail with a diff if generated/ is not what the specs produce"
    )
    chk.add_argument("--quiet", action="store_true")
    chk.set_defaults(func=cmd_check)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
