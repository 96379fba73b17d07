"""The diff's second layer: the Python surface of the client (release/diff/surface.py).

Each test changes one thing a user's code names, leaving the wire as it is (or changing it in a
way the wire layer reports by itself), and checks the surface change, its classification and
that the wire layer is not counted twice. The base document is the oldest released API version
(frozen by spec/released.toml, so these tests do not move when a new version is added).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.read.load import SpecDocument, load_spec
from generator.release.changelog import changelog_line
from generator.release.diff import Change, diff_documents
from generator.release.gate import check_releases
from tests.generator_cli import run_generator
from tests.versions import SPEC_DIR, next_name, released, versions, versions_entry

RELEASED = sorted(released())
pytestmark = pytest.mark.skipif(not RELEASED, reason="no released API version in spec/")
BASE: dict[str, Any] = load_spec(SPEC_DIR / f"{RELEASED[0]}.yaml").data if RELEASED else {}


def operation(data: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in data["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return op
    raise KeyError(operation_id)


def surface_changes(new: dict[str, Any]) -> tuple[list[Change], list[Change]]:
    """(surface changes, wire changes) from BASE to ``new``."""
    old_doc = SpecDocument(path=Path("old.yaml"), text="", data=BASE)
    result = diff_documents(old_doc, SpecDocument(path=Path("new.yaml"), text="", data=new))
    assert not result.notes, result.notes
    return result.layer("surface"), result.layer("wire")


def object_layer(change: Change) -> bool:
    """A change of the object layer (classes from response links, spec/annotations/): a plain
    method renamed or changed renames or changes the object methods linked to it as well."""
    return change.section == "package" and change.operation == "objects"


def only(new: dict[str, Any]) -> Change:
    """The one change of the plain client (the object layer's follow-on changes aside)."""
    surface, wire = surface_changes(new)
    assert wire == [], [(c.kind, c.operation, c.message) for c in wire]
    plain = [c for c in surface if not object_layer(c)]
    assert len(plain) == 1, [(c.kind, c.operation, c.message) for c in surface]
    return plain[0]


def mutated() -> dict[str, Any]:
    return copy.deepcopy(BASE)


def test_no_change_no_surface_change() -> None:
    assert surface_changes(mutated()) == ([], [])


def test_method_renamed_is_breaking() -> None:
    new = mutated()
    operation(new, "listFiles")["x-sdk-method"] = "list_all"
    change = only(new)
    assert (change.kind, change.operation, change.breaking) == (
        "surface-method-renamed",
        "files.list_all",
        True,
    )
    assert "client.files.list() is now client.files.list_all()" in change.message


def test_method_moved_to_another_namespace_is_breaking() -> None:
    new = mutated()
    operation(new, "listFiles")["x-sdk-namespace"] = "documents"
    change = only(new)
    assert (change.kind, change.before, change.after) == (
        "surface-method-renamed",
        "files.list",
        "documents.list",
    )
    assert change.breaking


def test_argument_renamed_is_breaking() -> None:
    new = mutated()
    new["components"]["parameters"]["FileId"]["x-sdk-name"] = "id_of_file"
    found, wire = surface_changes(new)
    assert wire == []
    assert found and all(c.kind == "surface-argument-renamed" and c.breaking for c in found)
    assert {c.before for c in found} == {"file_id"} and {c.after for c in found} == {"id_of_file"}


def test_positional_to_keyword_only_is_breaking_and_back_compatible() -> None:
    new = mutated()
    media = operation(new, "createFile")["requestBody"]["content"]["multipart/form-data"]
    media["x-sdk-positional"] = []
    change = only(new)
    assert (change.kind, change.part, change.breaking) == (
        "surface-argument-keyword-only",
        "argument path",
        True,
    )
    old_style = mutated()
    operation(old_style, "createFile")["requestBody"]["content"]["multipart/form-data"][
        "x-sdk-positional"
    ] = ["path", "name"]
    change = only(old_style)
    assert (change.kind, change.breaking) == ("surface-argument-positional", False)


def test_positional_arguments_reordered_is_breaking() -> None:
    new = mutated()
    media = operation(new, "createFile")["requestBody"]["content"]["application/json"]
    media["x-sdk-positional"] = ["content", "name", "file_type"]
    change = only(new)
    assert (change.kind, change.breaking) == ("surface-positional-order-changed", True)


def test_return_shape_changes_are_breaking() -> None:
    unwrapped = mutated()
    del operation(unwrapped, "getFileContent")["x-sdk-unwrap"]
    change = only(unwrapped)
    assert (change.kind, change.breaking) == ("surface-return-type-changed", True)
    assert change.before == "str"

    not_paged = mutated()
    # (deleting x-sdk-pagination is not enough: page/per_page is then inferred)
    operation(not_paged, "listFiles")["x-sdk-pagination"] = {"style": "none"}
    change = only(not_paged)
    assert (change.kind, change.before, change.after) == (
        "surface-return-kind-changed",
        "page (page)",
        "value",
    )

    no_future = mutated()
    del operation(no_future, "createDeployment")["x-sdk-polling"]
    surface, wire = surface_changes(no_future)
    assert wire == []
    # with response links (spec/annotations/), the deployment objects lose wait() too
    objects = [c for c in surface if c.section == "package" and c.operation == "objects"]
    assert [(c.part, c.breaking) for c in objects] in ([], [("DeploymentObject.wait()", True)])
    (change,) = [c for c in surface if c not in objects]
    assert (change.kind, change.before, change.after, change.breaking) == (
        "surface-return-kind-changed",
        "future",
        "value",
        True,
    )


def test_object_layer_changes_removed_breaking_added_compatible() -> None:
    new = mutated()
    responses = operation(new, "getHealth")["responses"]
    status = next(iter(responses))
    responses[status]["links"] = {"health_again": {"operationId": "getHealth"}}
    added = [c for c in surface_changes(new)[0] if c.operation == "objects"]
    assert added and all(c.kind == "surface-added" and not c.breaking for c in added)
    assert "HealthStatusObject" in [c.part for c in added]
    # A changelog line says what changed for a user: the class or method, and that it is new.
    lines = {changelog_line(c) for c in added}
    assert "`HealthStatusObject` added (object layer)" in lines
    assert "`HealthStatusObject.health_again()` added (object layer)" in lines
    assert all(line.endswith(" added (object layer)") for line in lines), lines

    linked = mutated()  # a link of the released document (its annotations) removed: breaking
    responses = [
        r
        for item in linked["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
        for r in op.get("responses", {}).values()
        if isinstance(r, dict) and r.get("links")
    ]
    if not responses:
        pytest.skip("the released document has no links")
    name = next(iter(responses[0]["links"]))
    for response in responses:
        response["links"].pop(name, None)
    removed = [c for c in surface_changes(linked)[0] if c.operation == "objects"]
    assert removed and all(c.kind == "surface-removed" and c.breaking for c in removed)
    assert all(c.part.endswith(f".{name}()") for c in removed), [c.part for c in removed]
    assert {changelog_line(c) for c in removed} == {
        f"`{c.part}` removed (object layer)" for c in removed
    }
    assert all(c.line() == changelog_line(c) for c in removed)  # `diff` reads the same


def test_helper_method_removed_is_breaking() -> None:
    new = mutated()
    del operation(new, "streamRunLogs")["x-sdk-follow"]
    change = only(new)
    assert (change.kind, change.operation, change.breaking) == (
        "surface-method-removed",
        "runs.follow",
        True,
    )


def test_model_class_renamed_is_breaking_though_the_wire_is_the_same() -> None:
    text = yaml.safe_dump(BASE).replace("#/components/schemas/File'", "#/components/schemas/Doc'")
    new = yaml.safe_load(text.replace("#/components/schemas/File\n", "#/components/schemas/Doc\n"))
    new["components"]["schemas"]["Doc"] = new["components"]["schemas"].pop("File")
    found, wire = surface_changes(new)
    assert wire == []  # component names are not compared on the wire
    kinds = {(c.kind, c.operation, c.breaking) for c in found}
    assert ("surface-model-removed", "models.File", True) in kinds
    assert ("surface-model-added", "models.Doc", False) in kinds


def test_exception_classes_removed_are_breaking() -> None:
    new = mutated()
    new["info"]["x-sdk"]["exception-aliases"] = False
    found, wire = surface_changes(new)
    assert wire == []
    assert {c.part for c in found} == {
        "APIError",
        "PermissionDeniedError",
        "UnprocessableEntityError",
        "InternalServerError",
    }
    assert all(c.kind == "surface-removed" and c.breaking for c in found)


def test_wire_changes_are_not_counted_twice() -> None:
    """A new optional request field is one wire change; the new argument is not reported again."""
    new = mutated()
    new["components"]["schemas"]["RunCreate"]["properties"]["notes"] = {"type": "string"}
    surface, wire = surface_changes(new)
    assert [c.kind for c in wire] == ["request-field-added"]
    assert surface == []


def test_cli_json_has_the_layer_and_the_gate_fails_a_renamed_method(tmp_path: Path) -> None:
    """README "Adding an API version" with a renamed method: `diff` exits 1 and names the
    layer; the gate refuses the same major and passes with the major bumped."""
    specs = tmp_path / "spec"
    specs.mkdir()
    for v in versions():
        (specs / v.spec.name).write_bytes(v.spec.read_bytes())
    latest = versions()[-1]
    new_name = next_name()
    data = load_spec(latest.spec).data
    data["info"]["version"] = new_name
    listing = operation(data, "listFiles")
    renamed = f"{listing.get('x-sdk-method', 'list')}_v2"
    listing["x-sdk-method"] = renamed
    (specs / f"{new_name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    table = (SPEC_DIR / "versions.toml").read_text()
    (specs / "versions.toml").write_text(table + versions_entry(new_name, latest.major))

    proc = run_generator("diff", str(latest.spec), str(specs / f"{new_name}.yaml"), "--json")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    plain = [
        c for c in report["changes"] if (c["section"], c["operation"]) != ("package", "objects")
    ]
    assert [(c["layer"], c["classification"]) for c in plain] == [("surface", "breaking")], plain
    assert report["summary"]["surface"]["breaking"] >= 1
    assert report["changes"][0]["layer"] == "surface"

    gate = check_releases(specs)
    assert not gate.ok and f"set major = {latest.major + 1}" in gate.problems[0]
    assert f"files.{renamed}" in gate.problems[0]
    bumped = table + versions_entry(new_name, latest.major + 1)
    (specs / "versions.toml").write_text(bumped)
    assert check_releases(specs).ok


def test_an_argument_type_widened_is_compatible_and_narrowed_breaking() -> None:
    """``int`` -> ``Union[int, NotGiven]`` (a body field's default left to the server) takes
    every value it took: no user's call breaks. The reverse, or another type, does."""
    from generator.release.diff.surface import surface_of
    from generator.release.diff.surface_changes import diff_surfaces

    old = surface_of(SpecDocument(path=Path("old.yaml"), text="", data=BASE))
    name = next(k for k, m in sorted(old["methods"].items()) if m["params"])
    cases = {
        ("str", "Union[str, NotGiven]"): False,
        ("Optional[int]", "Union[int, None, NotGiven]"): False,
        ("Optional[List[Union[A, B]]]", "Union[List[Union[A, B]], None, NotGiven]"): False,
        ("Union[int, NotGiven]", "int"): True,
        ("Optional[int]", "Union[int, NotGiven]"): True,
        ("int", "str"): True,
        ("List[int]", "List[Union[int, str]]"): True,  # conservative: only top-level members
        # a free-form object's class also takes a dict (nested unions are flat)
        ("Params", "Union[Params, Dict[str, Any]]"): False,
        ("Optional[Params]", "Optional[Union[Params, Dict[str, Any]]]"): False,
        ("Optional[Union[Params, Dict[str, Any]]]", "Optional[Params]"): True,
        ("Optional[Tags]", "Optional[Union[Tags, Dict[str, str]]]"): False,  # a map's class
        # a oneOf of component models (a RootModel[Union[...]]) also takes its members
        ("Message", "Union[Message, System, User]"): False,
        ("Optional[Message]", "Optional[Union[Message, System, User, Tools, Tool]]"): False,
        ("Union[Message, System, User]", "Message"): True,
        # but in a list it is not: List is invariant, mypy refuses a caller's List[Message]
        # where List[Union[Message, System, User]] is expected
        ("List[Message]", "List[Union[Message, System, User]]"): True,
    }
    for (before, after), breaking in cases.items():
        first, second = copy.deepcopy(old), copy.deepcopy(old)
        first["methods"][name]["params"][0]["type"] = before
        second["methods"][name]["params"][0]["type"] = after
        changes = [c for c in diff_surfaces(first, second, []) if "type" in c.kind]
        assert len(changes) == 1, (before, after)
        assert changes[0].breaking is breaking, (before, after)
        kind = "argument-type-changed" if breaking else "argument-type-widened"
        assert changes[0].kind.endswith(kind), changes[0].kind
