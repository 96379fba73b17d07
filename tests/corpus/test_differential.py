"""The differential check as a test (see differential.py): for every corpus document
openapi-python-client can read, our operations and parameters equal its parser's, up to
differences with a known reason.

``make test`` checks the documents of its fast subset under 2 MB; ``make corpus``
(``CORPUS_FULL=1``) all.
"""

from __future__ import annotations

import os

import pytest

from tests.corpus.corpus import CORPUS_DIR, fast_subset, label, spec_paths
from tests.corpus.differential import Comparison, compare, format_report

FULL = os.environ.get("CORPUS_FULL") == "1"
SPECS = (
    spec_paths() if FULL else [p for p in fast_subset(spec_paths()) if p.stat().st_size < 2_000_000]
)

pytest.importorskip("openapi_python_client")
pytestmark = [
    pytest.mark.skipif(not SPECS, reason=f"no corpus in {CORPUS_DIR} (set CORPUS_DIR)"),
    pytest.mark.slow,
    pytest.mark.timeout(1800),
]
_DONE: list[Comparison] = []


@pytest.mark.parametrize("spec", SPECS, ids=[label(p) for p in SPECS])
def test_operations_and_parameters_match_openapi_python_client(
    spec: os.PathLike[str], corpus_reports: dict[str, str]
) -> None:
    from pathlib import Path

    result = compare(Path(spec))
    _DONE.append(result)
    corpus_reports["differential check against openapi-python-client"] = format_report(_DONE)
    assert not result.unexplained, "\n".join(
        f"{d.op[0]} {d.op[1]}: {d.what}" for d in result.unexplained[:20]
    )
    if not result.theirs.error:
        assert result.common > 0 or not result.ours.ops
