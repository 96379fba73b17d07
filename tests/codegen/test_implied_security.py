"""A document that declares a security scheme and never names it in a requirement (Kubernetes'
``BearerToken``: no ``security`` at the top, none on its 248 operations): the client sends the
credential it is given wherever an operation says nothing, requires none, and keeps an
operation's own ``security: []`` anonymous; the run warns. Before, ``api_key`` was a documented
option (README, environment variable) that no request ever carried, so every call to a real
cluster answered 401. The same holds for an operation that says nothing in a document whose
other operations name schemes but which sets no default (Adyen's ``/validateShopperId``)."""

from __future__ import annotations

from pathlib import Path

from generator.build import build_api
from generator.pipeline import generate
from generator.read import load_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.0
info: {title: Implied Auth, version: '1'}
paths:
  /namespaces:
    get:
      operationId: listNamespaces
      tags: [core]
      responses: {'204': {description: ok}}
  /healthz:
    get:
      operationId: health
      tags: [core]
      security: []
      responses: {'204': {description: ok}}
components:
  securitySchemes:
    BearerToken: {type: apiKey, in: header, name: authorization}
"""


def test_a_declared_scheme_no_requirement_names_is_sent_when_given(tmp_path: Path) -> None:
    spec = tmp_path / "implied.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    doc = load_spec(spec)
    build_api(doc, package_version="1.0.0")
    warnings = " ".join(str(w) for w in doc.warnings)
    srv = TestServer()
    srv.start()
    srv.on("GET", "/namespaces", lambda _s, _n: Reply(status=204))
    srv.on("GET", "/healthz", lambda _s, _n: Reply(status=204))
    try:
        with generated_package(spec, "implied_auth") as pkg:
            with pkg.ImpliedAuthClient(api_key="Bearer abc", base_url=srv.url) as client:
                client.core.list_namespaces()
                client.core.health()
            with pkg.ImpliedAuthClient(base_url=srv.url) as anonymous:
                anonymous.core.list_namespaces()  # nothing required: no AuthenticationError
        sent = [s.headers.get("authorization") for s in srv.seen("GET")]
    finally:
        srv.stop()
    assert sent == ["Bearer abc", None, None]
    assert "security schemes are declared but no security requirement names one" in warnings
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "| `BearerToken` | header `authorization`" in readme


def test_an_api_key_sent_as_the_authorization_header_says_it_is_the_whole_value(
    tmp_path: Path,
) -> None:
    """An ``apiKey`` scheme whose header is ``Authorization`` (Kubernetes' ``BearerToken``) is
    sent as given, without a ``Bearer`` the client would add to an HTTP bearer scheme: the
    README's row says so, or a user passes the bare token and every call answers 401."""
    spec = tmp_path / "implied.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert (
        "| `BearerToken` | header `authorization` (the whole value: include a prefix such as "
        "`Bearer ` if the API expects one) | `api_key`" in readme
    )


MOSTLY_NAMED = """openapi: 3.1.0
info: {title: Mostly Named, version: '1'}
paths:
  /payments:
    post:
      operationId: createPayment
      tags: [payments]
      security: [{BasicAuth: []}, {ApiKeyAuth: []}]
      responses: {'204': {description: ok}}
  /validateShopperId:
    post:
      operationId: validateShopperId
      tags: [payments]
      responses: {'204': {description: ok}}
  /public:
    get:
      operationId: getPublic
      tags: [payments]
      security: []
      responses: {'204': {description: ok}}
components:
  securitySchemes:
    ApiKeyAuth: {type: apiKey, in: header, name: X-API-Key}
    BasicAuth: {type: http, scheme: basic}
"""


def test_an_operation_silent_in_a_document_without_a_default_gets_the_credentials(
    tmp_path: Path,
) -> None:
    """Adyen: 27 operations name ``BasicAuth`` or ``ApiKeyAuth``, ``POST /validateShopperId``
    names nothing and the document has no top-level ``security``: the key goes there too (it
    went without, and the real service answers 401), while ``security: []`` stays anonymous."""
    spec = tmp_path / "mostly.yaml"
    spec.write_text(MOSTLY_NAMED, encoding="utf-8")
    doc = load_spec(spec)
    build_api(doc, package_version="1.0.0")
    warnings = " ".join(str(w) for w in doc.warnings)
    assert "1 operation(s) declare no security and the document sets no default" in warnings
    srv = TestServer()
    srv.start()
    for method, path in (("POST", "/payments"), ("POST", "/validateShopperId"), ("GET", "/public")):
        srv.on(method, path, lambda _s, _n: Reply(status=204))
    try:
        with generated_package(spec, "mostly_named") as pkg:
            with pkg.MostlyNamedClient(api_key="k1", base_url=srv.url) as client:
                client.payments.create()
                client.payments.validate_shopper_id()
                client.payments.get_public()
        sent = [(s.path, s.headers.get("x-api-key")) for s in srv.seen()]
    finally:
        srv.stop()
    assert sent == [("/payments", "k1"), ("/validateShopperId", "k1"), ("/public", None)]
