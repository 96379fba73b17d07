"""Formatting the rendered tree with the pinned ruff: fixes (unused imports, import order),
then format; and the gate that refuses output that would not work.

Ruff reads the generated project's own ``pyproject.toml``, so the rules that apply are the ones
shipped with the package. Before formatting, every module must compile; after the fixes, ruff
must find no redefinition (F811) and no undefined name (F821): both mean a name from the spec took
the place of one the generated code uses, which the naming stage should have prevented. Either
stops the run with one line per problem, ``<file>:<line>:<col>: <reason>``.

The models' modules are compiled only as one module, before they are written: the models
module was parsed and checked statement by statement (``models.verify_models``: model classes,
imports, ``__all__``, no function, ``global`` or ``yield``, where compiling could fail after
parsing), and its split modules copy those statements line for line under import lines made of
names from that tree (``models/split.py``). Their files are ``trusted`` here, not compiled
again (stripe.yaml: 3,561 modules, ~0.4 s at the end of the run).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path

from ..errors import SpecError

# What would make the generated code fail at run time although it parses.
GATE_RULES = ("F811", "F821")
# a line of ruff's concise output reporting one of them: ``path:line:col: F821 Undefined ...``
_GATE_LINE = re.compile(r":\d+:\d+: (?:" + "|".join(GATE_RULES) + r")\b")
_MAX_SHOWN = 20
# More files left to format than this: ruff is given the directory (a command line's length is
# bounded; Windows: 32,767 characters), and so the final files too, which it leaves unchanged.
_MAX_ARGUMENTS = 400
# What `ruff format` formats in a directory: modules, and the Python code blocks of Markdown
# files (README.md's examples); a file of these not linked from the last output is named.
_FORMATTED = (".py", ".pyi", ".md")


class GeneratedCodeError(SpecError):
    """The rendered package is broken (a generator bug, or a spec name the generator failed to
    keep apart from its own): the files, lines and reasons."""

    def __init__(self, summary: str, problems: list[str]) -> None:
        shown = problems[:_MAX_SHOWN]
        more = len(problems) - len(shown)
        lines = [summary, *("  " + p for p in shown)] + ([f"  ... and {more} more"] if more else [])
        super().__init__("\n".join(lines))
        self.problems = problems

    def __str__(self) -> str:
        return self.message


def gate_lines(output: str) -> list[str]:
    """The lines of ``ruff check``'s concise output reporting one of the gate's rules."""
    return [line for line in output.splitlines() if _GATE_LINE.search(line)]


def ruff_command() -> list[str]:
    """The pinned ruff: the one installed beside this Python, else on the PATH."""
    local = Path(sys.executable).with_name("ruff")
    if local.exists():
        return [str(local)]
    found = shutil.which("ruff")
    if found:
        return [found]
    return [sys.executable, "-m", "ruff"]


def compile_errors(root: Path, trusted: Collection[str] = ()) -> list[str]:
    """``<file>:<line>:<col>: <reason>`` for every module under ``root`` that does not compile
    (but the ``trusted`` ones, paths relative to ``root``: the module docstring)."""
    problems = []
    for path, rel in _modules(root):
        if rel in trusted:
            continue
        with open(path, "rb") as fh:
            text = fh.read()
        try:
            compile(text, rel, "exec", dont_inherit=True)
        except SyntaxError as exc:
            problems.append(f"{rel}:{exc.lineno or 0}:{exc.offset or 0}: {exc.msg}")
        except ValueError as exc:  # e.g. "source code string cannot contain null bytes"
            problems.append(f"{rel}:0:0: {exc}")
    return problems


def _modules(root: Path, suffixes: tuple[str, ...] = (".py",)) -> list[tuple[str, str]]:
    """Every ``*.py`` (or file of ``suffixes``) under ``root``: (path, path relative to
    ``root``, posix), in the order of those relative paths (as ``sorted(root.rglob("*.py"))``,
    without a ``Path`` for each of a large API's ~3,600 models' files)."""
    found = []
    for dirpath, _, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        found += [(os.path.join(dirpath, n), prefix + n) for n in filenames if n.endswith(suffixes)]
    return sorted(found, key=lambda item: item[1].split("/"))


def format_tree(
    root: Path, label: str = "", trusted: Collection[str] = (), final: Collection[str] = ()
) -> None:
    """Check, fix and format a rendered project directory (see the module docstring).

    ``label`` names the output in messages (``root`` may be a staging directory); file names
    are relative to it. ``trusted``: modules (relative to ``root``) known to compile.
    ``final``: files (relative to ``root``) that are the previous output's, unchanged, which
    this same ruff checked, fixed and formatted with the same configuration: left as they are
    (they are links to that output's files: ``write_tree``).
    """
    label = label or str(root)
    targets = ["."]
    if final:
        left = [rel for _, rel in _modules(root, _FORMATTED) if rel not in final]
        if not left:
            return
        if len(left) <= _MAX_ARGUMENTS:
            targets = left
    broken = compile_errors(root, {*trusted, *final})
    if broken:
        raise GeneratedCodeError(
            f"the generated code does not compile (a generator bug), under {label}:", broken
        )
    env = {**os.environ, "RUFF_NO_CACHE": "true"}
    base = ruff_command()

    def ruff(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            base + list(args), cwd=root, env=env, capture_output=True, text=True, check=False
        )

    # One `check` applies the fixes (never failing on style that remains: ``make lint`` reports
    # that) and lists what is left, of which only the gate's rules stop the run; formatting
    # moves no name, so the gate's answer is the same before and after `format`. (It was a
    # second `check` after `format`: on a large API each invocation reads ~3,700 files.)
    gate_rules = ",".join(GATE_RULES)
    fixed = ruff(
        "check", "--fix", "--exit-zero", "--no-cache", "--quiet", "--output-format", "concise",
        "--extend-select", gate_rules, "--force-exclude", *targets,
    )  # fmt: skip
    if fixed.returncode != 0:
        detail = (fixed.stderr or fixed.stdout).strip().splitlines()[-20:]
        raise GeneratedCodeError(f"ruff check failed on {label}:", detail)
    found = gate_lines(fixed.stdout)
    if found:
        raise GeneratedCodeError(
            "the generated code redefines or misses a name (a name from the spec shadows one "
            f"the generated code uses), under {label}:",
            found,
        )
    # (``--force-exclude``: files named one by one are excluded as in the directory's walk)
    proc = ruff("format", "--quiet", "--no-cache", "--force-exclude", *targets)
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()[-20:]
        raise GeneratedCodeError(f"ruff format failed on {label}:", detail)


_VERSION: list[str] = []


def formatter_version() -> str:
    """What ``ruff --version`` prints (asked once per process; "" when it cannot be run), and
    a digest of this module, which says what ruff is given: the output's files are final only
    for the ruff that made them, run as it was (``StagedOutput``; a README once left out of
    ruff's files stayed unformatted in an output linked again and again)."""
    if not _VERSION:
        try:
            proc = subprocess.run(
                [*ruff_command(), "--version"], capture_output=True, text=True, check=False
            )
            ruff = proc.stdout.strip() if proc.returncode == 0 else ""
        except OSError:
            ruff = ""
        own = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
        _VERSION.append(f"{ruff}; format.py {own}" if ruff else "")
    return _VERSION[0]
