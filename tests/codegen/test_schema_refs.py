"""The models stage's one reference walk: which component schemas a schema depends on.

Leave-out (which schemas to drop with an unsupported one) and lift (which inline classes are
generated) both follow these edges; a schema reached only through an example, a link or an
extension is data, not a dependency.
"""

from __future__ import annotations

from generator.read.refs import closure, schema_refs


def test_refs_name_the_schema_they_point_into() -> None:
    node = {
        "properties": {
            "a": {"$ref": "#/components/schemas/A"},
            "b": {"items": {"$ref": "#/components/schemas/B/properties/inner"}},
            "c": {"$ref": "#/components/schemas/Slash~1Name"},
            "d": {"anyOf": [{"$ref": "#/components/schemas/D"}, {"type": "null"}]},
        }
    }
    assert schema_refs(node) == {"A", "B", "Slash/Name", "D"}


def test_data_and_extensions_are_not_dependencies() -> None:
    node = {
        "example": {"$ref": "#/components/schemas/InExample"},
        "examples": [{"$ref": "#/components/schemas/InExamples"}],
        "x-vendor": {"$ref": "#/components/schemas/InExtension"},
        "links": {"next": {"$ref": "#/components/schemas/InLink"}},
        "properties": {"p": {"$ref": "#/components/parameters/NotASchema"}},
    }
    assert schema_refs(node) == set()


def test_closure_follows_edges_once_through_cycles() -> None:
    edges = {"A": {"B"}, "B": {"C", "A"}, "C": set(), "D": {"A"}}
    asked: list[str] = []

    def step(name: str) -> set[str]:
        asked.append(name)
        return edges.get(name, set())

    assert closure(["A"], step) == {"A", "B", "C"}
    assert sorted(asked) == ["A", "B", "C"]
    assert closure([], step) == set()
