"""What a user trial of Box, Autodesk and Okta's documents found, checked against Prism serving
``tests/fixtures/prism/trial-documents.yaml`` (``--errors``: Prism refuses a request the
document forbids, and answers it with the document's examples).

* Okta's error body (``errorCode``, ``errorSummary``): the exception's ``code`` and
  ``message`` (they were ``None`` and an excerpt of the raw body);
* the ``Authorization: Bearer`` Prism accepts for each OAuth2 requirement (the scheme named
  ``3-legged`` feeds ``access_token_3_legged``, ``OAuth2`` ``oauth2_token``), and what is
  refused before sending without it;
* Box's list walked by offset when no marker is asked for, with Okta's versioned media types
  and merge-patch body accepted as sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import httpx
import pytest

from tests.codegen.packages import generated_package
from tests.contract._support import ROOT, Prism

pytestmark = [pytest.mark.node]

SPEC = ROOT / "tests" / "fixtures" / "prism" / "trial-documents.yaml"


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prism]:
    server = Prism(SPEC, tmp_path_factory.mktemp("prism-trial") / "prism.log").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    spec = tmp_path_factory.mktemp("trial") / SPEC.name
    spec.write_bytes(SPEC.read_bytes())
    with generated_package(spec, "trial_documents") as package:
        yield package


def test_okta_errors_read_and_requests_accepted(pkg: ModuleType, prism: Prism) -> None:
    sent: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [sent.append]})
    with pkg.TrialDocumentsClient(
        oauth2_token="box-token", access_token_3_legged="aps-token", base_url=prism.url,
        max_retries=0, http_client=http,
    ) as client:  # fmt: skip
        assert client.profile.update(nickname="me").nickname is not None
        with pytest.raises(pkg.NotFoundError) as info:
            client.profile.update(nickname="me", extra_headers={"Prefer": "code=404"})
        assert info.value.code == "E0000007"
        assert info.value.message == "Not found: Resource not found: me (User)"
        pages = client.folders.list_items("0", limit=1)
        walked = [item.id for _, item in zip(range(2), pages, strict=False)]
        assert walked == ["12345", "12345"]  # the example again, asked for at offset 1
        projects = client.projects.get(page_limit=1)
        assert [p.id for _, p in zip(range(2), projects, strict=False)] == ["p1", "p1"]
    http.close()
    patch = next(r for r in sent if r.method == "PATCH")
    assert patch.headers["content-type"] == "application/merge-patch+json;okta-version=1.0.0"
    assert patch.headers["accept"] == "application/json;okta-version=1.0.0"
    assert patch.headers["authorization"] == "Bearer box-token"
    folder_pages = [r for r in sent if r.url.path.startswith("/folders/")]
    assert [r.url.params.get("offset") for r in folder_pages] == [None, "1"]
    project_pages = [r for r in sent if r.url.path == "/projects"]
    assert [r.headers["authorization"] for r in project_pages] == ["Bearer aps-token"] * 2
    assert project_pages[1].url.params.get("page[number]") == "1"


def test_no_token_is_refused_before_sending(pkg: ModuleType, prism: Prism) -> None:
    with pkg.TrialDocumentsClient(oauth2_token="box-token", base_url=prism.url) as client:
        with pytest.raises(pkg.AuthenticationError, match="access_token_3_legged"):
            client.projects.get()
