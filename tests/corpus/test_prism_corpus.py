"""The fast subset of the Prism corpus run (tests/corpus/prism.py; all documents:
``make corpus-prism``), plus tests/fixtures/prism (pages inferred without x-sdk): each small
document's generated client calls every operation against
``prism mock --errors``, authenticates as the spec says (Prism refuses the same request without
the credential, for each distinct security requirement), and reads Prism's 404 with its reason;
every operation with the sync client and again with the async one."""

from __future__ import annotations

import pytest

from tests.corpus.prism import FAST, ROOT, Result, format_table, run, spec_paths

# The small corpus documents, and ours (tests/fixtures/prism: inferred cursor, offset and
# starting_after pages; what the trial of Box, Autodesk and Okta's documents found).
SPECS = spec_paths(list(FAST)) + sorted((ROOT / "tests" / "fixtures" / "prism").glob("*.yaml"))

pytestmark = [
    pytest.mark.skipif(not SPECS, reason="no corpus documents in ../shared/corpus"),
    pytest.mark.slow,
    pytest.mark.timeout(900),
]


@pytest.fixture(scope="module")
def results(corpus_reports: dict[str, str]) -> dict[str, Result]:
    done = run(SPECS, every=True)
    corpus_reports["Prism corpus run (fast subset)"] = format_table(done)
    return {r.spec: r for r in done}


@pytest.mark.parametrize("name", [p.name for p in SPECS])
def test_every_operation_against_prism(results: dict[str, Result], name: str) -> None:
    r = results[name]
    assert r.outcome == "ok", format_table([r])
    assert r.ok == r.called > 0, format_table([r])
    assert r.auth_checked == r.requirements and not r.auth_failures, format_table([r])
    assert "reason read" in r.error, r.error
    assert r.async_ok == r.ok and not r.async_failures, format_table([r])


def test_security_and_pages_are_exercised(results: dict[str, Result]) -> None:
    """Some document needs a credential and Prism accepts ours; some pages, and the client
    walks to a second page on Prism's answers."""
    assert any(r.auth_checked > 1 for r in results.values())  # several requirements, each
    notes = results["paged-notes.yaml"]
    # cursor, offset and Stripe's starting_after (last_item), each inferred, each to page 2
    assert notes.paged == 3 and notes.second_pages == 3, format_table([notes])
    # The trial of Box, Autodesk and Okta (tests/fixtures/prism/trial-documents.yaml): Box's
    # entries-beside-order list walked by offset (no marker asked for), a JSON:API
    # links.next.href list, two OAuth2 requirements (one scheme named "3-legged").
    trial = results["trial-documents.yaml"]
    assert trial.paged == 2 and trial.second_pages == 2, format_table([trial])
    assert trial.requirements == trial.auth_checked == 2, format_table([trial])
