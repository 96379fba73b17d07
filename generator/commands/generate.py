"""``python -m generator generate``: which spec goes to which output directory, whether it must
be generated again (output/fingerprint.py), the run itself and what is printed about it.

The pipeline and the release tools are imported where they are used: ``make generate`` with
nothing changed only hashes its inputs and must not pay for importing them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SpecError
from ..output import fingerprint
from . import layout

if TYPE_CHECKING:
    from ..pipeline import Report

STAGES = ("load", "validate", "build", "models", "templates", "format", "write")
GENERATED_MARK = b"# Generated from the spec"
# what --skip-unsupported leaves out, in the hint after a default-mode failure
_LEFT_OUT = ("operation", "optional parameter", "schema model")


class UsageError(Exception):
    """A command line that names no valid target: printed as ``error: ...``, exit code 2."""


def generate_package(
    spec: Path,
    out: Path,
    *,
    skip_unsupported: bool = False,
    overlay: Path | None = None,
    ref_root: Path | None = None,
    package: str | None = None,
    annotations: list[Path] | None = None,
    waiting: Callable[[], object] | None = None,
) -> Report:
    """What ``python -m generator generate`` does for one spec: the package with its
    CHANGELOG.md (written by the release tools) and its overlay (default: ``overlay_of``, the
    ``spec/overlay/`` convention for this repository's specs; none for other specs);
    ``annotations`` (default: annotations/<stem>.yaml beside the spec); ``waiting``: called
    while the models worker runs, if one does (generator/pipeline.py)."""
    from ..pipeline import generate
    from ..release.changelog import changelog_for

    return generate(
        spec,
        out,
        skip_unsupported=skip_unsupported,
        changelog=changelog_for,
        overlay=overlay or layout.overlay_of(spec),
        ref_root=ref_root,
        package=package,
        annotations=annotations,
        waiting=waiting,
    )


def cmd_generate(args: argparse.Namespace) -> int:
    try:
        pairs = _targets(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    own_spec = bool(args.spec) and args.out is not None
    regenerated = False
    for spec, out in pairs:
        regenerated |= _generate_one(spec, out, args, own_spec=own_spec)
    spec_dir = pairs[0][0].parent
    # The gate's warnings come with a run that regenerated something (a run that skipped every
    # package changed nothing the last run did not already warn about; `make release-check`
    # refuses regardless).
    if regenerated and (spec_dir / "versions.toml").exists():
        warn_releases(spec_dir, None if args.spec else layout.OUT_DIR)
    return 0


def _targets(args: argparse.Namespace) -> list[tuple[Path, Path]]:
    """The (spec, output directory) pairs of the command line: one ``--spec``, or every
    ``spec/*.yaml`` into ``generated/<stem>``. Every output directory must be replaceable."""
    if args.spec:
        spec = Path(args.spec)
        if args.out:
            out = Path(args.out)
        elif spec.resolve().parent == layout.SPEC_DIR.resolve():
            out = layout.OUT_DIR / spec.stem  # an API version of this repository
        else:
            raise UsageError(
                f"--out DIR is required for a spec outside {layout.rel(layout.SPEC_DIR)}/ "
                "(the directory the package project is written to, e.g. --out ./my-api-client)"
            )
        pairs = [(spec, out)]
    else:
        if args.out or args.package or args.annotations:
            raise UsageError("--out, --package and --annotations go with --spec")
        pairs = [(spec, layout.OUT_DIR / spec.stem) for spec in layout.spec_files()]
        if not pairs:
            raise UsageError(f"no specs in {layout.SPEC_DIR}")
    for _, out in pairs:
        problem = _not_replaceable(out)
        if problem:
            raise UsageError(f"--out {out}: {problem}")
    return pairs


def _generate_one(spec: Path, out: Path, args: argparse.Namespace, *, own_spec: bool) -> bool:
    """Generate one package unless its inputs and output are as the last run left them;
    whether it was generated."""
    overlay = Path(args.overlay) if args.overlay else None
    ref_root = Path(args.ref_root) if args.ref_root else None
    chosen = overlay or layout.overlay_of(spec)
    from ..read.annotations import annotations_of

    annotations = [Path(a) for a in args.annotations] if args.annotations else None
    if overlay is None:
        _note_unnamed_overlay(spec)
    options = {
        "skip_unsupported": bool(args.skip_unsupported),
        "overlay": str(chosen.resolve()) if chosen else "",
        "ref_root": str(ref_root.resolve()) if ref_root else "",
        "package": args.package or "",
        "annotations": [str(p.resolve()) for p in annotations or annotations_of(spec)],
    }
    if not args.force and fingerprint.up_to_date(spec, out, options):
        if not args.quiet:
            print(f"{spec.stem}: up to date (inputs unchanged) -> {layout.rel(out)}")
        return False
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
            # what the record needs of the tools, computed while the models are made
            waiting=fingerprint.prepare if recorder is not None else None,
        )
    except SpecError as exc:
        if not args.skip_unsupported:
            _hint_skip_unsupported(spec, exc)
        raise
    finally:
        read = recorder.stop(out) if recorder is not None else None
    if read is not None:
        fingerprint.remember(spec, out, options, *read, rendered=report.rendered)
    _say(report, args.quiet, own_spec=own_spec)
    return True


def _note_unnamed_overlay(spec: Path) -> None:
    """One line on stderr when an ``overlay/`` beside a spec outside ``spec/`` is not used."""
    unused = layout.unnamed_overlay(spec)
    if unused is not None:
        where = layout.rel(unused)
        print(
            f"note: {where}/ is not used (an overlay is read only when named): "
            f"add --overlay {where} to put its hand-written code in the package",
            file=sys.stderr,
        )


def _say(report: Report, quiet: bool, *, own_spec: bool = False) -> None:
    if quiet:
        return
    stages = "  ".join(f"{s} {report.timings[s]:.2f}s" for s in STAGES if s in report.timings)
    print(f"  {report.spec.name}: {stages}")
    skipped = f", {len(report.skipped)} skipped" if report.skipped else ""
    print(
        f"{report.api_version or report.spec.stem}: {report.operations} operations{skipped}, "
        f"{report.models} models, {report.files} files, {report.seconds:.2f}s "
        f"-> {layout.rel(report.out)} (package {report.package_name} {report.package_version}, "
        f"import {report.package_name})"
    )
    if own_spec:
        print(
            f"  next: pip install {layout.rel(report.out)}; "
            f"from {report.package_name} import {report.client}"
        )


def _hint_skip_unsupported(spec: Path, exc: SpecError) -> None:
    """When ``--skip-unsupported`` would have generated the package (leaving out what the
    error is about), say so under the error, with what it leaves out: operations, optional
    parameters, models. The default mode's failure (``blockers.Blocked``) knows; another error
    (a caller of the pipeline that did not go through it) builds the spec again."""
    from ..blockers import Blocked

    if isinstance(exc, Blocked):
        if exc.left_out is None:  # --skip-unsupported would stop too
            return
        counts = (exc.left_out.operations, exc.left_out.parameters, exc.left_out.schemas)
    else:
        if "--skip-unsupported" in exc.message:  # the build's own closing line
            return
        counts = _left_out_by_build(spec)
    parts = [
        f"{count} unsupported {noun}{'s' if count > 1 else ''}"
        for count, noun in zip(counts, _LEFT_OUT, strict=True)
        if count
    ]
    if parts:
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        exc.message += (
            "\n(`python -m generator generate --skip-unsupported` generates the rest, leaving "
            f"out {listed}, each reported as a warning)"
        )


def _left_out_by_build(spec: Path) -> tuple[int, int, int]:
    """What the build with ``skip_unsupported`` leaves out: (operations, parameters, 0)."""
    from ..build import build_api
    from ..read.load import load_spec
    from ..read.validate import check_version

    try:
        doc = load_spec(spec)
        doc.quiet = True
        check_version(doc)  # a Swagger 2.0 document: --skip-unsupported stops there too
        api = build_api(doc, skip_unsupported=True)
    except (SpecError, OSError):
        return (0, 0, 0)
    return (len(api.skipped), len(api.omitted), 0)


def warn_releases(spec_dir: Path, generated: Path | None) -> None:
    """Say at once (stderr) what the release gate will refuse: a breaking change on the same
    major, a released version changed. Generation itself succeeded."""
    from ..release.gate import check_releases

    report = check_releases(spec_dir, generated)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if report.problems:
        print(
            'warning: `make release-check` fails until this is fixed (README: "Changing the API")',
            file=sys.stderr,
        )


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
