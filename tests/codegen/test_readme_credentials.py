"""The package README's configuration table says which credential arguments construction
needs and where each is sent: Algolia's application id and key are both required (every
alternative of the document's ``security`` names both), sent in their own headers; the
client indeed refuses to start without either. With alternatives, neither is required."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.codegen.packages import generated_package

SPEC = """openapi: 3.1.0
info: {title: Two Keys, version: '1'}
security:
  - appId: []
    apiKey: []
components:
  securitySchemes:
    appId: {type: apiKey, in: header, name: x-app-id}
    apiKey: {type: apiKey, in: header, name: x-api-key}
    partner: {type: apiKey, in: query, name: partner}
paths:
  /things:
    get:
      operationId: listThings
      tags: [things]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
  /partner:
    get:
      operationId: partnerThings
      tags: [things]
      security: [{partner: []}, {}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
"""


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, str]]:
    path = tmp_path_factory.mktemp("two_keys") / "two_keys.yaml"
    path.write_text(SPEC, encoding="utf-8")
    with generated_package(path, "two_keys") as package:
        readme = (path.parent / "out" / "README.md").read_text(encoding="utf-8")
        yield package, readme


def _row(readme: str, argument: str) -> str:
    return next(line for line in readme.splitlines() if line.startswith(f"| `{argument}` |"))


def test_both_keys_are_required_and_say_where_they_go(pkg: tuple[ModuleType, str]) -> None:
    _, readme = pkg
    app_id = _row(readme, "app_id_key")
    assert "| required |" in app_id
    assert "sent in the header `x-app-id`" in app_id
    api_key = _row(readme, "api_key")
    assert "| required |" in api_key and "`x-api-key`" in api_key


def test_an_operation_s_own_optional_scheme_is_not_required(pkg: tuple[ModuleType, str]) -> None:
    _, readme = pkg
    partner = _row(readme, "partner_key")
    assert "| `None` |" in partner
    assert "sent in the query `partner`" in partner


def test_the_client_refuses_to_start_without_either(
    pkg: tuple[ModuleType, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    package, _ = pkg
    for name in ("TWO_KEYS_API_KEY", "TWO_KEYS_APP_ID_KEY", "TWO_KEYS_PARTNER_KEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(package.AuthenticationError):
        package.TwoKeysClient(api_key="k", base_url="http://127.0.0.1:9")
    with pytest.raises(package.AuthenticationError):
        package.TwoKeysClient(app_id_key="a", base_url="http://127.0.0.1:9")
    package.TwoKeysClient(api_key="k", app_id_key="a", base_url="http://127.0.0.1:9").close()
