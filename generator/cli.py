"""Command line: ``python -m generator generate|check|diff|release-check|release|changelog``."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SpecError
from .output import fingerprint
from .output.write import read_tree

if TYPE_CHECKING:
    from .pipeline import Report

# The pipeline and the release tools are imported where they are used: `make generate` with
# nothing changed only hashes its inputs (generator/output/fingerprint.py) and must not pay for
# importing them.

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "spec"
OUT_DIR = ROOT / "generated"
STAGES = ("load", "validate", "build", "models", "templates", "format", "write")


OVERLAY = "overlay"


def overlay_of(spec: Path) -> Path | None:
    """The overlay of a spec: the ``overlay/`` directory beside it, if there is one."""
    candidate = spec.parent / OVERLAY
    return candidate if candidate.is_dir() else None


def generate_package(
    spec: Path,
    out: Path,
    *,
    skip_unsupported: bool = False,
    overlay: Path | None = None,
    ref_root: Path | None = None,
    package: str | None = None,
    annotations: list[Path] | None = None,
) -> Report:
    """What ``python -m generator generate`` does for one spec: the package with its
    CHANGELOG.md (written by the release tools) and its overlay (default: ``overlay_of``);
    ``annotations`` (default: annotations/<stem>.yaml beside the spec)."""
    from .pipeline import generate
    from .release.changelog import changelog_for

    return generate(
        spec,
        out,
        skip_unsupported=skip_unsupported,
        changelog=changelog_for,
        overlay=overlay or overlay_of(spec),
        ref_root=ref_root,
        package=package,
        annotations=annotations,
    )


def package_tree(spec: Path, scratch: Path) -> dict[str, bytes]:
    """The files ``generate_package`` writes for ``spec`` (into ``scratch``)."""
    from .pipeline import generate_to_tree
    from .release.changelog import changelog_for

    return generate_to_tree(spec, scratch, changelog=changelog_for, overlay=overlay_of(spec))


def spec_files(spec_dir: Path = SPEC_DIR) -> list[Path]:
    """Every API version's spec, oldest first (the file name is the API version)."""
    return sorted(p for p in spec_dir.glob("*.yaml") if not p.name.startswith("."))


def _say(report: Report, quiet: bool, *, own_spec: bool = False) -> None:
    if quiet:
        return
    stages = "  ".join(f"{s} {report.timings[s]:.2f}s" for s in STAGES if s in report.timings)
    print(f"  {report.spec.name}: {stages}")
    skipped = f", {len(report.skipped)} skipped" if report.skipped else ""
    print(
        f"{report.api_version or report.spec.stem}: {report.operations} operations{skipped}, "
        f"{report.models} models, {report.files} files, {report.seconds:.2f}s "
        f"-> {_rel(report.out)} (package {report.package_name} {report.package_version}, "
        f"import {report.package_name})"
    )
    if own_spec:
        print(
            f"  next: pip install {_rel(report.out)}; "
            f"from {report.package_name} import {report.client}"
        )


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def cmd_generate(args: argparse.Namespace) -> int:
    own_spec = False
    if args.spec:
        spec = Path(args.spec)
        if args.out:
            out = Path(args.out)
        elif spec.resolve().parent == SPEC_DIR.resolve():
            out = OUT_DIR / spec.stem  # an API version of this repository
        else:
            print(
                f"error: --out DIR is required for a spec outside {_rel(SPEC_DIR)}/ "
                "(the directory the package project is written to, e.g. --out ./my-api-client)",
                file=sys.stderr,
            )
            return 2
        own_spec = args.out is not None
        pairs = [(spec, out)]
    else:
        if args.out or args.package or args.annotations:
            print("error: --out, --package and --annotations go with --spec", file=sys.stderr)
            return 2
        pairs = [(spec, OUT_DIR / spec.stem) for spec in spec_files()]
        if not pairs:
            print(f"error: no specs in {SPEC_DIR}", file=sys.stderr)
            return 2
    for _, out in pairs:
        problem = _not_replaceable(out)
        if problem:
            print(f"error: --out {out}: {problem}", file=sys.stderr)
            return 2
    overlay = Path(args.overlay) if args.overlay else None
    ref_root = Path(args.ref_root) if args.ref_root else None
    from .read.annotations import annotations_of

    annotations = [Path(a) for a in args.annotations] if args.annotations else None
    regenerated = False
    for spec, out in pairs:
        chosen = overlay or overlay_of(spec)
        options = {
            "skip_unsupported": bool(args.skip_unsupported),
            "overlay": str(chosen.resolve()) if chosen else "",
            "ref_root": str(ref_root.resolve()) if ref_root else "",
            "package": args.package or "",
            "annotations": [str(p.resolve()) for p in annotations or annotations_of(spec)],
        }
        if not args.force and fingerprint.up_to_date(spec, out, options):
            if not args.quiet:
                print(f"{spec.stem}: up to date (inputs unchanged) -> {_rel(out)}")
            continue
        regenerated = True
        recorder = fingerprint.Recorder.get() if fingerprint.cache_base() else None
        if recorder is not None:
            recorder.start()  # which files this generation reads: the next run's inputs
        try:
            report = generate_package(
                spec,
                out,
                skip_unsupported=args.skip_unsupported,
                overlay=overlay,
                ref_root=ref_root,
                package=args.package,
                annotations=annotations,
            )
        except SpecError as exc:
            if not args.skip_unsupported:
                _hint_skip_unsupported(spec, exc)
            raise
        finally:
            read = recorder.stop(out) if recorder is not None else None
        if read is not None:
            fingerprint.remember(spec, out, options, *read)
        _say(report, args.quiet, own_spec=own_spec)
    spec_dir = pairs[0][0].parent
    # The gate's warnings come with a run that regenerated something (a run that skipped every
    # package changed nothing the last run did not already warn about; `make release-check`
    # refuses regardless).
    if regenerated and (spec_dir / "versions.toml").exists():
        warn_releases(spec_dir, None if args.spec else OUT_DIR)
    return 0


def _hint_skip_unsupported(spec: Path, exc: SpecError) -> None:
    """When ``--skip-unsupported`` would have generated the package (leaving out what the
    error is about), say so under the error. Only on the error path: builds the spec again."""
    from .build import build_api
    from .read.load import load_spec

    try:
        doc = load_spec(spec)
        doc.quiet = True
        api = build_api(doc, skip_unsupported=True)
    except (SpecError, OSError):
        return
    left_out = len(api.skipped) + len(api.omitted)
    if left_out and "--skip-unsupported" not in exc.message:  # the build's own closing line
        exc.message += (
            f" (`python -m generator generate --skip-unsupported` generates the rest, leaving "
            f"out {left_out} unsupported operation(s) or parameter(s), each reported as a warning)"
        )


def warn_releases(spec_dir: Path, generated: Path | None) -> None:
    """Say at once (stderr) what the release gate will refuse: a breaking change on the same
    major, a released version changed. Generation itself succeeded."""
    from .release.gate import check_releases

    report = check_releases(spec_dir, generated)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if report.problems:
        print(
            'warning: `make release-check` fails until this is fixed (README: "Changing the API")',
            file=sys.stderr,
        )


GENERATED_MARK = b"# Generated from the spec"


def _not_replaceable(out: Path) -> str:
    """Why ``out`` must not be replaced by a generated project ("" when it may be): the
    output directory is replaced as a whole, so it must be new, empty or an earlier output."""
    if not out.exists():
        return ""
    if not out.is_dir():
        return "exists and is not a directory"
    if not any(out.iterdir()):
        return ""
    pyproject = out / "pyproject.toml"
    if pyproject.is_file() and pyproject.read_bytes().startswith(GENERATED_MARK):
        return ""
    return (
        "exists and is not a package this generator wrote (the directory is replaced as a "
        "whole): choose a new or empty directory"
    )


def _package_argument(value: str) -> str:
    """``--package``: a lower-case Python package name no dependency or stdlib module has."""
    from .naming import package_name_problem

    problem = package_name_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


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
            fresh = package_tree(spec, Path(tmp) / spec.stem)
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


def cmd_diff(args: argparse.Namespace) -> int:
    """Compare two specs; exit 1 when a change is breaking for a client user, 2 on bad input."""
    from .release.diff import diff_files

    try:
        result = diff_files(args.old, args.new)
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.markdown_out:
        Path(args.markdown_out).write_text(result.to_markdown(), encoding="utf-8")
    if args.json_out:
        Path(args.json_out).write_text(result.to_json(), encoding="utf-8")
    sys.stdout.write(result.to_json() if args.json else result.to_markdown())
    return 1 if result.is_breaking else 0


def cmd_release_check(args: argparse.Namespace) -> int:
    """The release gate: version numbers agree with the diffs; packages carry their changelog."""
    from .release.gate import check_releases

    spec_dir = Path(args.spec_dir) if args.spec_dir else SPEC_DIR
    generated = (
        None if args.no_generated else (Path(args.generated_dir) if args.generated_dir else OUT_DIR)
    )
    report = check_releases(spec_dir, generated)
    sys.stdout.write(report.text())
    return 0 if report.ok else 1


def cmd_release(args: argparse.Namespace) -> int:
    """Record published API versions in spec/released.toml (after ``twine upload``)."""
    from .release.gate import record_releases

    spec_dir = Path(args.spec_dir) if args.spec_dir else SPEC_DIR
    generated = Path(args.generated_dir) if args.generated_dir else OUT_DIR
    report, recorded = record_releases(spec_dir, generated, args.versions or None)
    if not report.ok:
        sys.stdout.write(report.text())
        print("nothing recorded: the release gate must pass first", file=sys.stderr)
        return 1
    for release in recorded:
        print(f"recorded {release.api_version} as released: {release.package}")
    if not recorded:
        print("nothing to record: every version's package version is recorded already")
    return 0


def cmd_changelog(args: argparse.Namespace) -> int:
    """Print the CHANGELOG.md of one API version's package (default: the latest)."""
    from .release.changelog import changelog_text

    specs = spec_files(Path(args.spec_dir) if args.spec_dir else SPEC_DIR)
    if args.version:
        specs = [s for s in specs if s.stem == args.version]
    if not specs:
        print(f"error: no spec for API version {args.version!r}", file=sys.stderr)
        return 2
    sys.stdout.write(changelog_text(specs[-1]))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="generate every spec/<version>.yaml, or one --spec")
    gen.add_argument("--spec", help="one spec file (default: every spec/*.yaml)")
    gen.add_argument(
        "--out",
        help="output directory for --spec: the package project (pyproject.toml, src/...), "
        "replaced as a whole; required unless the spec is one of spec/*.yaml "
        "(default there: generated/<spec stem>)",
    )
    gen.add_argument(
        "--package",
        metavar="NAME",
        type=_package_argument,
        help="with --spec: the import and distribution name (default: info.x-sdk.package, "
        "else info.title in snake_case)",
    )
    gen.add_argument("--quiet", action="store_true", help="print nothing on success")
    gen.add_argument(
        "--force",
        action="store_true",
        help="regenerate even when the inputs and the output are as the last run left them",
    )
    gen.add_argument(
        "--skip-unsupported",
        action="store_true",
        help="leave out operations that use an unsupported feature (each reported as a "
        "warning) instead of stopping with that error",
    )
    gen.add_argument(
        "--overlay",
        metavar="DIR",
        help="hand-written modules and README sections to add to the package "
        "(default: the overlay/ directory beside the spec, if any; see README)",
    )
    gen.add_argument(
        "--ref-root",
        metavar="DIR",
        help="the directory that files referenced by $ref must be under (default: the spec's "
        "own directory; see README, Security)",
    )
    gen.add_argument(
        "--annotations",
        metavar="FILE",
        action="append",
        help="an OpenAPI Overlay 1.0 applied to the spec as it is read (repeatable, in order; "
        "default: annotations/<spec stem>.yaml beside the spec, if any; see README)",
    )
    gen.set_defaults(func=cmd_generate)
    chk = sub.add_parser(
        "check", help="fail with a diff if generated/ is not what the specs produce"
    )
    chk.add_argument("--quiet", action="store_true")
    chk.set_defaults(func=cmd_check)
    dif = sub.add_parser(
        "diff",
        help="changes between two specs, each breaking or compatible for a client user "
        "(exit 1 if any is breaking, 2 on unreadable input)",
    )
    dif.add_argument("old", help="the older spec (YAML or JSON)")
    dif.add_argument("new", help="the newer spec")
    dif.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    dif.add_argument("--markdown-out", metavar="FILE", help="also write the Markdown report here")
    dif.add_argument("--json-out", metavar="FILE", help="also write the JSON report here")
    dif.set_defaults(func=cmd_diff)
    rel = sub.add_parser(
        "release-check",
        help="the release gate: breaking diff between consecutive API versions => major bump; "
        "every generated package has its version and CHANGELOG.md",
    )
    rel.add_argument("--spec-dir", help="default: spec/")
    rel.add_argument("--generated-dir", help="default: generated/")
    rel.add_argument(
        "--no-generated", action="store_true", help="check the specs only, not generated/"
    )
    rel.set_defaults(func=cmd_release_check)
    pub = sub.add_parser(
        "release",
        help="record published API versions in spec/released.toml (their specs become frozen; "
        "release-check then fails when one changes without a version bump)",
    )
    pub.add_argument(
        "versions", nargs="*", help="API versions (default: every one not recorded yet)"
    )
    pub.add_argument("--spec-dir", help="default: spec/")
    pub.add_argument("--generated-dir", help="default: generated/")
    pub.set_defaults(func=cmd_release)
    chl = sub.add_parser("changelog", help="print the CHANGELOG.md of an API version's package")
    chl.add_argument("version", nargs="?", help="API version (default: the latest)")
    chl.add_argument("--spec-dir", help="default: spec/")
    chl.set_defaults(func=cmd_changelog)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # the output directory, a spec that cannot be read...
        where = f": {exc.filename}" if exc.filename else ""
        print(f"error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except (RecursionError, MemoryError) as exc:
        print(
            f"error: the input is too large or nested too deeply ({type(exc).__name__})",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # noqa: BLE001 - no input may end in a traceback
        if os.environ.get("GENERATOR_TRACEBACK"):
            raise
        message = " ".join(str(exc).split())[:300]
        print(
            f"error: internal error ({type(exc).__name__}: {message}); this is a bug of the "
            "generator: please report it with the input (GENERATOR_TRACEBACK=1 shows where)",
            file=sys.stderr,
        )
        return 3
