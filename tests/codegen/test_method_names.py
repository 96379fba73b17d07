"""Method names read well: a method does not repeat its namespace when the rest is
unambiguous; names the spec gives (x-sdk-method) are kept; the result is deterministic and
collision-free."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from generator.build import build_api
from generator.build.grouping import short_names
from generator.build.path_names import path_names, spells_path
from generator.read import read_spec


def test_namespace_words_are_dropped_singular_or_plural() -> None:
    entries = [
        ("bookings", "list_bookings", False),
        ("bookings", "get_booking", False),
        ("bookings", "delete_booking_payment", False),
        ("bookings", "bookings_search", False),
        ("categories", "get_category", False),
        ("pet", "find_pets_by_status", False),
        ("shared_configs", "create_shared_config", False),
        ("store", "get_inventory", False),  # nothing to drop
        ("pets", "get_pets_by_id", False),
        ("pets", "pets_by_owner", False),  # dropping would leave no verb: kept
        ("buckets", "get_buckets_id_labels", False),  # the ID is a bucket's: kept
        ("", "get_health", False),  # on the client itself: kept
        ("batch", "list_batches", False),  # a singular namespace, its "-es" plural
        ("address", "list_addresses", False),
    ]
    assert short_names(entries) == [
        "list",
        "get",
        "delete_payment",
        "search",
        "get",
        "find_by_status",
        "create",
        "get_inventory",
        "get_by_id",
        "pets_by_owner",
        "get_buckets_id_labels",
        "get_health",
        "list",
        "list",
    ]


def test_no_name_ends_with_a_word_that_needs_the_namespace() -> None:
    """Google Maps' ``snapToRoads`` in ``roads`` was ``snap_to``: the namespace's words were
    the object of ``to``. Kept whole; a name without such an ending is still shortened."""
    entries = [
        ("roads", "snap_to_roads", False),
        ("roads", "nearest_roads", False),
        ("files", "copy_into_files", False),
        ("places", "find_place_from_text", False),
    ]
    assert short_names(entries) == ["snap_to_roads", "nearest", "copy_into_files", "find_from_text"]


def test_last_words_after_more_than_a_verb_are_kept() -> None:
    """Twilio's ``ListCallEvent`` in ``event`` was ``list_call`` (it lists a call's events),
    ``CreateMessageFeedback`` in ``feedback`` ``create_message``: the words before the
    namespace's say which one. Kept whole; after a verb alone they are still dropped."""
    entries = [
        ("event", "list_call_event", False),
        ("feedback", "create_message_feedback", False),
        ("event", "list_events", False),
        ("feedback", "feedback_message_create", False),
    ]
    assert short_names(entries) == [
        "list_call_event",
        "create_message_feedback",
        "list",
        "message_create",
    ]


def test_given_names_are_kept_and_clashes_keep_the_long_names() -> None:
    entries = [
        ("files", "list", True),  # x-sdk-method: as written
        ("files", "list_files", False),  # would clash with it: kept
        ("jobs", "get_job", False),
        ("jobs", "get_jobs", False),  # both would be `get`: both kept
        ("jobs", "cancel_job", False),
        ("jobs", "list_job_files", True),  # given: never shortened
    ]
    assert short_names(entries) == [
        "list",
        "list_files",
        "get_job",
        "get_jobs",
        "cancel",
        "list_job_files",
    ]
    assert short_names(entries) == short_names(list(entries))  # deterministic
    # a shortened name that a nested namespace has: kept long
    nested = [("orgs", "orgs_projects", False), ("orgs.projects", "list_projects", False)]
    assert short_names(nested) == ["orgs_projects", "list"]


def test_short_names_in_a_built_api(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        textwrap.dedent(
            """\
            openapi: 3.1.0
            info: {title: Travel, version: "1"}
            paths:
              /bookings:
                get:
                  operationId: listBookings
                  tags: [Bookings]
                  responses: {'204': {description: x}}
                post:
                  operationId: createBooking
                  tags: [Bookings]
                  x-sdk-method: book
                  responses: {'204': {description: x}}
              /bookings/{id}:
                get:
                  operationId: getBooking
                  tags: [Bookings]
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: x}}
            """
        ),
        encoding="utf-8",
    )
    api = build_api(read_spec(spec))
    assert [m.qualified_name for m in api.all_methods] == [
        "bookings.list",
        "bookings.book",
        "bookings.get",
    ]


# InfluxDB's operationIds spell the HTTP method and the path, nothing more: `buckets.get()`
# listed the buckets, `get_buckets_id` fetched one, `DeleteDBRPID` read `delete_dbrpid`.
PATH_SPELT = """\
openapi: 3.0.0
info: {title: Buckets, version: "1"}
paths:
  /buckets:
    get: {operationId: GetBuckets, tags: [Buckets], responses: {'204': {description: x}}}
    post: {operationId: PostBuckets, tags: [Buckets], responses: {'204': {description: x}}}
  /buckets/{bucketID}:
    parameters: [{name: bucketID, in: path, required: true, schema: {type: string}}]
    get: {operationId: GetBucketsID, tags: [Buckets], responses: {'204': {description: x}}}
    patch: {operationId: PatchBucketsID, tags: [Buckets], responses: {'204': {description: x}}}
    put: {operationId: PutBucketsID, tags: [Buckets], responses: {'204': {description: x}}}
    delete: {operationId: DeleteBucketsID, tags: [Buckets], responses: {'204': {description: x}}}
  /buckets/{bucketID}/labels:
    parameters: [{name: bucketID, in: path, required: true, schema: {type: string}}]
    get: {operationId: GetBucketsIDLabels, tags: [Buckets], responses: {'204': {description: x}}}
    post: {operationId: PostBucketsIDLabels, tags: [Buckets], responses: {'204': {description: x}}}
  /buckets/{bucketID}/labels/{labelID}:
    parameters:
      - {name: bucketID, in: path, required: true, schema: {type: string}}
      - {name: labelID, in: path, required: true, schema: {type: string}}
    delete:
      operationId: DeleteBucketsIDLabelsID
      tags: [Buckets]
      responses: {'204': {description: x}}
  /dbrps:
    get: {operationId: GetDBRPs, tags: [DBRPs], responses: {'204': {description: x}}}
  /dbrps/{dbrpID}:
    parameters: [{name: dbrpID, in: path, required: true, schema: {type: string}}]
    delete: {operationId: DeleteDBRPID, tags: [DBRPs], responses: {'204': {description: x}}}
  /orgs/{orgID}:
    parameters: [{name: orgID, in: path, required: true, schema: {type: string}}]
    get: {operationId: GetOrgsID, tags: [Organizations], responses: {'204': {description: x}}}
    post: {operationId: PostOrgsID, tags: [Organizations], responses: {'204': {description: x}}}
  /restore/bucket/{bucketID}:
    parameters: [{name: bucketID, in: path, required: true, schema: {type: string}}]
    post: {operationId: PostRestoreBucketID, tags: [Restore], responses: {'204': {description: x}}}
  /health:
    get: {operationId: GetHealth, tags: [Health], responses: {'204': {description: x}}}
  /tasks/{taskID}/runs/{runID}/retry:
    parameters:
      - {name: taskID, in: path, required: true, schema: {type: string}}
      - {name: runID, in: path, required: true, schema: {type: string}}
    post: {operationId: PostTasksIDRunsIDRetry, tags: [Tasks], responses: {'204': {description: x}}}
  /pets/{petId}:
    parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
    get: {tags: [Pets], responses: {'204': {description: x}}}
    put: {operationId: getPetById, tags: [Pets], responses: {'204': {description: x}}}
"""


def test_names_that_spell_the_verb_and_path_come_from_the_paths_shape(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(PATH_SPELT, encoding="utf-8")
    api = build_api(read_spec(spec))
    assert [(m.qualified_name, m.http_method) for m in api.all_methods] == [
        ("buckets.list", "GET"),
        ("buckets.create", "POST"),
        ("buckets.get", "GET"),
        ("buckets.replace", "PUT"),  # beside a PATCH
        ("buckets.delete", "DELETE"),
        ("buckets.update", "PATCH"),
        ("buckets.list_labels", "GET"),  # a collection of a bucket's
        ("buckets.create_label", "POST"),
        ("buckets.delete_label", "DELETE"),
        ("dbrps.list", "GET"),
        ("dbrps.delete", "DELETE"),  # was delete_dbrpid
        ("organizations.get_org", "GET"),  # /orgs is not the namespace's word
        ("organizations.update_org", "POST"),  # a POST to an item with a GET, no PUT/PATCH
        ("restore.post_bucket_id", "POST"),  # no GET: an action, not an update
        ("health.get", "GET"),  # no /health/{id}: not a collection to list
        ("tasks.retry_run", "POST"),  # an action on a run of a task: the run's word too
        ("pets.get", "GET"),  # no operationId: named from the path too
        ("pets.get_by_id", "PUT"),  # an operationId that says more than the path: kept
    ]


def test_a_path_shaped_name_another_method_has_is_not_taken(tmp_path: Path) -> None:
    """``GET /buckets/{id}`` would be ``get``, but the namespace has a ``get`` already (an
    operationId of its own): the path-shaped name yields, deterministically."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        textwrap.dedent(
            """\
            openapi: 3.0.0
            info: {title: Buckets, version: "1"}
            paths:
              /buckets/{bucketID}:
                parameters: [{name: bucketID, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: GetBucketsID
                  tags: [Buckets]
                  responses: {'204': {description: x}}
              /buckets/find:
                get: {operationId: get, tags: [Buckets], responses: {'204': {description: x}}}
            """
        ),
        encoding="utf-8",
    )
    api = build_api(read_spec(spec))
    assert [m.qualified_name for m in api.all_methods] == ["buckets.get_buckets_id", "buckets.get"]


@pytest.mark.parametrize(
    ("operation_id", "verb", "path", "spelt"),
    [
        ("GetBucketsID", "get", "/buckets/{bucketID}", True),
        ("DeleteDBRPID", "delete", "/dbrps/{dbrpID}", True),  # singular
        ("GetAccountsAccount", "get", "/v1/accounts/{account}", True),  # the parameter's name
        ("get_files_id", "get", "/files/{file_id}", True),  # Box
        ("getPetById", "get", "/pet/{petId}", False),  # "by": the author's words
        ("listBuckets", "get", "/buckets", False),
        ("GetBucketsIDLabels", "get", "/buckets/{bucketID}", False),
        ("get_files_id_thumbnail_id", "get", "/files/{file_id}/thumbnail.{extension}", True),
        ("get_files_id_thumbnail", "get", "/files/{file_id}/thumbnail.{extension}", True),
    ],
)
def test_spells_path(operation_id: str, verb: str, path: str, spelt: bool) -> None:
    assert spells_path(operation_id, verb, path) is spelt


# Paths below an item (sub-resources) whose operationIds only spell verb and path (Box's,
# Stripe's, Adyen's): a sub-collection, one thing or an action, from the segment and answers.
THING = {"type": "object", "properties": {"id": {"type": "string"}}}
ANSWERS = {
    "thing": THING,
    "things": {"type": "array", "items": THING},
    # the list one object down (Clerk's): the answer is one object
    "wrapped": {
        "type": "object",
        "properties": {
            "response": {
                "type": "object",
                "properties": {"data": {"type": "array", "items": THING}},
            }
        },
    },
}


def _op(operation_id: str, tag: str, answer: str = "", **more: str) -> dict[str, object]:
    response: dict[str, object] = {"description": "x"}
    if answer:
        response["content"] = {"application/json": {"schema": ANSWERS[answer]}}
    return {"operationId": operation_id, "tags": [tag], "responses": {"200": response}, **more}


def _sub_resources() -> dict[str, object]:
    paths: dict[str, dict[str, object]] = {
        "/folders/{folder_id}/items": {"get": _op("get_folders_id_items", "Folders", "things")},
        "/folders/{folder_id}/copy": {"post": _op("post_folders_id_copy", "Folders", "thing")},
        "/folders/{folder_id}/thumbnail.{extension}": {
            "get": _op("get_folders_id_thumbnail_id", "Folders", "thing")
        },
        "/folders/{folder_id}/collaborations": {
            "get": _op("get_folders_id_collaborations", "Collaborations", "things")
        },
        "/files/{file_id}/collaborations": {
            "get": _op("get_files_id_collaborations", "Collaborations", "things")
        },
        "/customers/{customer}/cash_balance": {
            "get": _op("GetCustomersCustomerCashBalance", "Customers", "thing"),
            "post": _op("PostCustomersCustomerCashBalance", "Customers", "thing"),
        },
        "/customers/{customer}/discount": {
            "get": _op("GetCustomersCustomerDiscount", "Customers", "thing"),
            "delete": _op("DeleteCustomersCustomerDiscount", "Customers", "thing"),
        },
        "/customers/{customer}/subscriptions/{sub}/discount": {
            "get": _op("GetCustomersCustomerSubscriptionsSubDiscount", "Customers", "thing")
        },
        "/customers/{customer}/verify_microdeposits": {
            "post": _op("PostCustomersCustomerVerifyMicrodeposits", "Customers")
        },
        "/customers/{customer}/invitations": {
            "get": _op("GetCustomersCustomerInvitations", "Customers", "wrapped")
        },
        "/customers/{customer}/password": {
            "put": _op("PutCustomersCustomerPassword", "Customers"),
            "post": _op("PostCustomersCustomerPassword", "Customers"),
        },
        "/customers/{customer}/dispute/close": {
            "post": _op("PostCustomersCustomerDisputeClose", "Customers")
        },
        "/customers/{customer}/refund": {"post": _op("giveRefund", "Customers")},
        "/customers/{customer}/pause": {
            "post": _op("PostCustomersCustomerPause", "Customers", **{"x-sdk-method": "hold"})
        },
        "/payments": {"post": _op("post-payments", "Payments", "thing")},
        "/paymentMethods": {"post": _op("post-paymentMethods", "Payments", "thing")},
        "/payments/{paymentPspReference}/captures": {
            "post": _op("post-payments-paymentPspReference-captures", "Modifications", "thing")
        },
        "/issuing/authorizations/{authorization}/approve": {
            "post": _op("PostIssuingAuthorizationsAuthorizationApprove", "Issuing")
        },
        "/taxonomies/{id}/levels:append": {
            "post": _op("post_taxonomies_id_levels_append", "Taxonomies")
        },
    }
    for path, item in paths.items():
        names = re.findall(r"\{([^{}]*)\}", path)
        item["parameters"] = [
            {"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in names
        ]
    return {"openapi": "3.0.0", "info": {"title": "Subs", "version": "1"}, "paths": paths}


def test_sub_resources_are_named_as_lists_things_and_actions(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_sub_resources()), encoding="utf-8")
    api = build_api(read_spec(spec))
    assert [(m.qualified_name, m.http_method) for m in api.all_methods] == [
        ("folders.list_items", "GET"),  # a plural answering an array: a sub-collection
        ("folders.copy", "POST"),  # POST alone on a segment that is not a plural: an action
        ("folders.get_thumbnail", "GET"),  # thumbnail.{extension}: one thing
        # both would be `list` (the namespace's word): the item's word tells them apart
        ("collaborations.list_folder_collaborations", "GET"),
        ("collaborations.list_file_collaborations", "GET"),
        ("customers.get_cash_balance", "GET"),  # one thing (the namespace's own item)
        ("customers.update_cash_balance", "POST"),  # POST beside its GET: an update
        ("customers.get_discount", "GET"),
        ("customers.delete_discount", "DELETE"),
        ("customers.get_subscription_discount", "GET"),  # an item of an item's: its word first
        ("customers.verify_microdeposits", "POST"),  # a plural after a verb: still an action
        # a plural answering one object (the list is inside): neither list nor get, kept
        ("customers.get_customer_invitations", "GET"),
        ("customers.update_password", "PUT"),
        # POST beside a PUT and no GET: unclear, kept
        ("customers.post_customer_password", "POST"),
        ("customers.post_customer_dispute_close", "POST"),  # deeper: kept
        ("customers.give_refund", "POST"),  # an operationId of its own: kept
        ("customers.hold", "POST"),  # x-sdk-method: kept
        ("payments.create", "POST"),  # POST to the namespace's own plural: create
        ("payments.post_methods", "POST"),  # another plural (Adyen's query): kept
        ("modifications.create_capture", "POST"),  # POST alone to a plural: create one
        ("issuing.approve_authorization", "POST"),  # one word on another's item: its word too
        ("taxonomies.append_levels", "POST"),  # an AIP-136 custom method: verb, then things
    ]


def test_a_top_level_post_beside_a_get_of_one_thing_is_not_create(tmp_path: Path) -> None:
    """``POST /settings`` beside a GET answering one object updates it: no ``create``."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        textwrap.dedent(
            """\
            openapi: 3.0.0
            info: {title: S, version: "1"}
            paths:
              /settings:
                get:
                  operationId: GetSettings
                  tags: [Settings]
                  responses:
                    '200':
                      description: x
                      content:
                        application/json:
                          schema: {type: object, properties: {a: {type: string}}}
                post:
                  operationId: PostSettings
                  tags: [Settings]
                  responses: {'204': {description: x}}
            """
        ),
        encoding="utf-8",
    )
    api = build_api(read_spec(spec))
    assert [m.qualified_name for m in api.all_methods] == ["settings.get", "settings.post"]


@pytest.mark.parametrize(
    ("verb", "path", "beside", "listed", "names"),
    [
        # a page answers: a list though the segment is no plural
        (
            "GET",
            "/holds/{id}/files_on_hold",
            {"GET"},
            "page",
            ("list_files_on_hold", "list_hold_files_on_hold"),
        ),
        # an object holding a list, the segment no plural: one thing
        ("GET", "/sources/{id}/health", {"GET"}, "list", ("get_health", "get_source_health")),
        (
            "GET",
            "/sources/{id}/buckets",
            {"GET"},
            None,
            ("list_buckets", "list_source_buckets"),
        ),  # no schema says
        ("GET", "/sources/{id}/buckets", {"GET"}, "list", ("list_buckets", "list_source_buckets")),
        ("GET", "/sources/{id}/buckets", {"GET"}, "one", ()),  # a plural, one object: kept
        (
            "POST",
            "/files/{id}/upload_sessions",
            {"POST"},
            None,
            ("create_upload_session", "create_file_upload_session"),
        ),
        (
            "POST",
            "/users/{id}/avatar",
            {"GET", "POST"},
            "one",
            ("update_avatar", "update_user_avatar"),
        ),
        ("POST", "/users/{id}/avatar", {"GET", "POST", "PUT"}, "one", ()),
        (
            "PUT",
            "/users/{id}/avatar",
            {"GET", "PUT", "PATCH"},
            "one",
            ("replace_avatar", "replace_user_avatar"),
        ),
        ("DELETE", "/users/{id}/avatar", {"DELETE"}, None, ("delete_avatar", "delete_user_avatar")),
        ("POST", "/users/{id}/avatar", {"POST", "DELETE"}, None, ()),
        ("POST", "/orders/cancel", {"POST"}, None, ()),  # not below an item: kept
        ("POST", "/orders", {"POST"}, None, ("create",)),
        ("POST", "/orders", {"GET", "POST"}, "one", ()),
        ("GET", "/orders", {"GET"}, "page", ()),  # no item path under it: kept (GET /health)
        # the item's word: second, or first on an item of an item's
        ("GET", "/files/{id}/tags", {"GET"}, None, ("list_tags", "list_file_tags")),
        ("GET", "/a/{a}/files/{id}/tags", {"GET"}, None, ("list_file_tags", "list_tags")),
    ],
)
def test_path_names_below_an_item(
    verb: str, path: str, beside: set[str], listed: str | None, names: tuple[str, ...]
) -> None:
    assert path_names(verb, path, "orders", frozenset(), beside, listed) == names
