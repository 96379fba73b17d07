"""The package README's examples call methods whose required arguments all have example
values: a method that needs a model (Adyen's refund needs an ``Amount``) was shown with
``amount=...``, which neither runs nor type-checks. Another method of the kind is shown when
there is one; the null example is left out when there is none."""

from __future__ import annotations

import re
from pathlib import Path

from generator.pipeline import generate

SPEC = """openapi: 3.1.0
info: {title: Refunds, version: '1'}
paths:
  /payments/{id}/refunds:
    post:
      operationId: refundPayment
      tags: [payments]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [amount]
              properties:
                amount: {$ref: '#/components/schemas/Amount'}
                reason: {type: [string, 'null']}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
  /sessions:
    post:
      operationId: createSession
      tags: [payments]
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [reference], properties: {reference: {type: string}}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
components:
  schemas:
    Amount:
      type: object
      required: [currency, value]
      properties: {currency: {type: string}, value: {type: integer}}
"""


def test_examples_use_methods_they_can_call_in_full(tmp_path: Path) -> None:
    spec = tmp_path / "refunds.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```python\n(.*?)```", readme, re.S))
    assert "=...," not in code and "=...)" not in code
    assert "client.payments.create_session(" in code  # the create example
    assert "null in the JSON body" not in readme  # only the refund sends null: no example


ITEMS = """openapi: 3.0.3
info: {title: Enrollments, version: '1'}
paths:
  /enrollments/{id}/push/notifications:
    get:
      operationId: listPendingNotifications
      tags: [enrollments]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
  /emails/{id}:
    get:
      operationId: getEmail
      tags: [emails]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
"""


def test_the_quick_start_gets_one_object_by_its_id_when_it_can(tmp_path: Path) -> None:
    """Okta's Quick start called ``list_pending_push_notification_challenges(enrollment_id)``,
    the first GET with one path parameter: an object by its id (``emails.get(id)``) reads as
    the example a user expects; something below an object is shown only without one."""
    spec = tmp_path / "items.yaml"
    spec.write_text(ITEMS, encoding="utf-8")
    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    assert 'client.emails.get("<id>")' in quick
    spec.write_text(ITEMS.split("  /emails/{id}:")[0], encoding="utf-8")
    generate(spec, tmp_path / "out2")
    readme = (tmp_path / "out2" / "README.md").read_text(encoding="utf-8")
    assert "client.enrollments.list_pending_notifications(" in readme.split("## Quick start", 1)[1]


CATCH_ALL = """openapi: 3.0.3
info: {title: Search, version: '1'}
paths:
  /{path}:
    get:
      operationId: customGet
      tags: [custom]
      parameters: [{name: path, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
    post:
      operationId: customPost
      tags: [custom]
      parameters: [{name: path, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
  /1/keys/{key}:
    get:
      operationId: getApiKey
      tags: [keys]
      parameters: [{name: key, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
  /1/indexes/{indexName}/query:
    post:
      operationId: searchSingleIndex
      tags: [search]
      parameters: [{name: indexName, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
"""


def test_a_request_to_any_path_is_no_example(tmp_path: Path) -> None:
    """Algolia's first operations are ``GET/POST /{path}`` (a raw request of the caller's own):
    its Quick start showed ``client.default.custom_get("<path>")``, which says nothing of the
    API; an operation of the API's own is shown instead."""
    spec = tmp_path / "search.yaml"
    spec.write_text(CATCH_ALL, encoding="utf-8")
    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```(?:python|bash)\n(.*?)```", readme, re.S))
    assert "custom" not in code
    assert (
        'client.keys.get_api_key("<key>")'
        in readme.split("## Quick start", 1)[1].split("```", 2)[1]
    )
