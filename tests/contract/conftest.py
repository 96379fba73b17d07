"""Contract tests: Spectral, Prism and schemathesis against spec/*.yaml (see README.md).

At the end of the run the terminal summary lists, per tool and API version, how many of the
spec's operations each tool exercised.
"""

from __future__ import annotations

import pytest

from tests.contract._support import BREAK_CAUGHT, COVERAGE


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if COVERAGE:
        _coverage(terminalreporter)
    if BREAK_CAUGHT:
        terminalreporter.section("deliberate break (File.name renamed file_name in the spec)")
        for line in BREAK_CAUGHT:
            terminalreporter.write_line(line)


def _coverage(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.section("contract coverage (operations exercised per tool and API version)")
    for (tool, version), entry in sorted(COVERAGE.items()):
        line = f"{tool:<13} {version}: {len(entry.covered)}/{entry.total} operations"
        terminalreporter.write_line(line)
        for note in entry.notes:
            terminalreporter.write_line(f"{'':<13} {'':<10}  - {note}")
