"""The release commands: ``diff`` (two specs, each change breaking or compatible for a client
user), ``release-check`` (the release gate), ``release`` (record published versions) and
``changelog``. Thin: the work is in generator/release/, imported when a command runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import SpecError
from . import layout


def cmd_diff(args: argparse.Namespace) -> int:
    """Compare two specs; exit 1 when a change is breaking for a client user, 2 on bad input."""
    from ..release.diff import diff_files

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
    from ..release.gate import check_releases

    spec_dir = Path(args.spec_dir) if args.spec_dir else layout.SPEC_DIR
    generated = (
        None
        if args.no_generated
        else (Path(args.generated_dir) if args.generated_dir else layout.OUT_DIR)
    )
    report = check_releases(spec_dir, generated)
    sys.stdout.write(report.text())
    return 0 if report.ok else 1


def cmd_release(args: argparse.Namespace) -> int:
    """Record published API versions in spec/released.toml (after ``twine upload``)."""
    from ..release.gate import record_releases

    spec_dir = Path(args.spec_dir) if args.spec_dir else layout.SPEC_DIR
    generated = Path(args.generated_dir) if args.generated_dir else layout.OUT_DIR
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
    from ..release.changelog import changelog_text

    specs = layout.spec_files(Path(args.spec_dir) if args.spec_dir else None)
    if args.version:
        specs = [s for s in specs if s.stem == args.version]
    if not specs:
        print(f"error: no spec for API version {args.version!r}", file=sys.stderr)
        return 2
    sys.stdout.write(changelog_text(specs[-1]))
    return 0
