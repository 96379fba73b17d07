"""The corpus run as a test (see corpus.py): every public spec in ../shared/corpus/specs and
more-specs either generates a working client or fails with a named, documented limitation.

``make test`` runs the fast variant (the documents of specs/ and those of more-specs/ up to
700 KB; mypy and pip install only for documents under 100 KB, two documents at a time);
``make corpus`` runs everything (``CORPUS_FULL=1``: mypy on every document under 2 MB, install
of every package) and prints the same table.
"""

from __future__ import annotations

import os

import pytest

from tests.corpus.corpus import (
    CORPUS_DIR,
    LIMITATIONS,
    Result,
    fast_subset,
    format_table,
    label,
    run,
    spec_paths,
)

FULL = os.environ.get("CORPUS_FULL") == "1"
SPECS = spec_paths() if FULL else fast_subset(spec_paths())
JOBS = int(os.environ.get("CORPUS_JOBS", "2"))
# Documents the generator refuses as a whole, and the limitation it must name.
EXPECTED_REFUSALS = {
    "petstore-swagger2.yaml": "Swagger 2.0 (OpenAPI 2.0) is not supported",
    "slack-web-swagger2.json": "Swagger 2.0 (OpenAPI 2.0) is not supported",
    "webhook-only-3.1.yaml": "webhooks are not supported",
}

pytestmark = [
    pytest.mark.skipif(not SPECS, reason=f"no corpus in {CORPUS_DIR} (set CORPUS_DIR)"),
    pytest.mark.slow,
    pytest.mark.timeout(3600),
]


@pytest.fixture(scope="module")
def results(corpus_reports: dict[str, str]) -> dict[str, Result]:
    done = run(SPECS, fast=not FULL, jobs=JOBS)
    corpus_reports["corpus run" + (" (full)" if FULL else " (fast)")] = format_table(done)
    return {r.spec: r for r in done}


@pytest.mark.parametrize("name", [label(p) for p in SPECS])
def test_document_generates_a_working_client_or_names_its_limitation(
    name: str, results: dict[str, Result]
) -> None:
    result = results[name]
    assert result.passed, f"{name}: {result.detail}"
    if name in EXPECTED_REFUSALS:
        assert result.outcome == "unsupported", result.result_text
        assert EXPECTED_REFUSALS[name] in result.detail
        return
    if result.outcome == "unsupported" and "/" in name and "remote $ref" in result.detail:
        # a multi-file document (a folder): the relative-$ref reading is another piece of work
        pytest.skip(f"{name}: multi-file documents are not read yet ({result.detail})")
    assert result.outcome == "ok", result.result_text
    assert result.operations > 0
    expected = ["ruff", "format", "compile", "import"]
    assert all(check in result.checks for check in expected), result.checks
    # Every operation left out is one of the README's documented limitations.
    for skipped in result.skipped:
        assert any(limitation in skipped for limitation in LIMITATIONS), skipped
