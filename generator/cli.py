"""Command line: ``python -m generator generate|check|diff|release-check|release|changelog``.

This module only parses the command line and turns every failure into a one-line message and an
exit code (no input may end in a traceback); what each command does is in generator/commands/.
"""

from __future__ import annotations

import argparse
import os
import sys

from .commands.check import cmd_check, diff_trees, package_tree
from .commands.generate import STAGES, cmd_generate, generate_package, warn_releases
from .commands.layout import OUT_DIR, SPEC_DIR, overlay_of, spec_files
from .commands.release import cmd_changelog, cmd_diff, cmd_release, cmd_release_check
from .errors import SpecError
from .read.sources import LEAVES_ROOT

# Imported from here by tests and tools (``from generator.cli import spec_files``).
__all__ = [
    "OUT_DIR",
    "SPEC_DIR",
    "STAGES",
    "diff_trees",
    "generate_package",
    "main",
    "overlay_of",
    "package_tree",
    "spec_files",
    "warn_releases",
]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if LEAVES_ROOT in str(exc):  # a multi-file document's shared folder
            print(
                "hint: --ref-root DIR lets $ref read the files under DIR (a folder that holds "
                "the spec, e.g. the document's top folder)",
                file=sys.stderr,
            )
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    _add_generate(sub)
    chk = sub.add_parser(
        "check", help="fail with a diff if generated/ is not what the specs produce"
    )
    chk.add_argument("--quiet", action="store_true")
    chk.set_defaults(func=cmd_check)
    _add_release_commands(sub)
    return parser


def _add_generate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
        help="hand-written modules and README sections to add to the package (default: "
        "spec/overlay/ for a spec in spec/, else none: an overlay/ beside another spec is "
        "used only when named here; see README)",
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


def _package_argument(value: str) -> str:
    """``--package``: a lower-case Python package name no dependency or stdlib module has."""
    from .naming import package_name_problem

    problem = package_name_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def _add_release_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
