"""Prints the corpus table and the differential report at the end of the test session."""

from __future__ import annotations

from typing import Any

import pytest

REPORTS: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for title, text in REPORTS.items():
        terminalreporter.section(title)
        terminalreporter.write_line(text)


@pytest.fixture(scope="session")
def corpus_reports() -> dict[str, str]:
    return REPORTS
