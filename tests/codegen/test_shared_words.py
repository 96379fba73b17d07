"""Namespaces leave out the word every one of them shares (``grouping.shared_words``).

Google Maps tags every operation ``<Name> API`` (``client.geolocation_api.geolocate``), Twilio
``Api20100401<Resource>`` (``client.api20100401_message.create_message``): the shared word
says nothing, and kept in the namespace it also kept the methods from dropping their
namespace's words. Now ``client.geolocation.geolocate`` and ``client.message.create``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.build import build_api
from generator.build.grouping import shared_words
from generator.read import read_spec

SPEC = textwrap.dedent(
    """\
    openapi: 3.0.3
    info: {title: Shared, version: 1.0.0}
    tags:
      - {name: Places API, description: Places of interest.}
    paths:
      /places:
        get:
          operationId: listPlaces
          tags: [{first}]
          responses: {"204": {description: x}}
      /places/{id}:
        get:
          operationId: getPlace
          tags: [{first}]
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses: {"204": {description: x}}
      /geolocate:
        post:
          operationId: geolocate
          tags: [{second}]
          responses: {"204": {description: x}}
      /health:
        get:
          operationId: health
          {third}
          responses: {"204": {description: x}}
    """
)


def _names(tmp_path: Path, first: str, second: str, third: str = "") -> dict[str, list[str]]:
    spec = tmp_path / "openapi.yaml"
    text = SPEC.replace("{first}", first).replace("{second}", second).replace("{third}", third)
    spec.write_text(text, encoding="utf-8")
    api = build_api(read_spec(spec), package_version="1.0.0")
    found = {ns.name: [m.name for m in ns.methods] for ns in api.namespaces}
    docs = {ns.name: ns.description.value for ns in api.namespaces}
    found["(docs)"] = [f"{k}: {v}" for k, v in docs.items() if v]
    return found


def test_a_last_word_all_share(tmp_path: Path) -> None:
    found = _names(tmp_path, "Places API", "Geolocation API", "tags: [Health API]")
    assert found == {
        "places": ["list", "get"],
        "geolocation": ["geolocate"],
        "health": ["health"],
        "(docs)": ["places: Places of interest."],  # the tag's description follows it
    }


def test_a_first_word_all_share(tmp_path: Path) -> None:
    third = "tags: [Api20100401Health]"
    found = _names(tmp_path, "Api20100401Place", "Api20100401Geolocation", third)
    assert list(found) == ["place", "geolocation", "health", "(docs)"]
    assert found["place"] == ["list", "get"]  # `listPlaces`, `getPlace` in `place`
    assert found["geolocation"] == ["geolocate"]


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        ("Places API", "Geolocation", "tags: [Health API]"),  # one has a single word
        ("Places API", "Geolocation API", ""),  # one namespace from the path: `health`
        ("Places API", "Places Other", ""),  # nothing shared by all three
        ("Places API", "Geolocation API", "x-sdk-namespace: places"),  # given: not compared
    ],
)
def test_kept_as_they_are(tmp_path: Path, first: str, second: str, third: str) -> None:
    found = _names(tmp_path, first, second, third)
    assert "places_api" in found


def test_the_rule() -> None:
    assert shared_words([("a_api", False), ("b_api", False)]) == {"a_api": "a", "b_api": "b"}
    assert shared_words([("v1_a_api", False), ("v1_b_api", False)]) == {
        "v1_a_api": "a",
        "v1_b_api": "b",
    }
    assert shared_words([("a_api", False)]) == {}  # one namespace: nothing to compare
    assert shared_words([("x_a", False), ("x_b_a", False)]) == {}  # nothing left of `x_a`
    assert shared_words([("x_a", False), ("a", True)]) == {}  # `a` is taken by a given one
    assert shared_words([("x_a.y", False), ("x_b", False)]) == {"x_a": "a", "x_b": "b"}
    assert shared_words([("api_config", False), ("api_runs", False)]) == {
        "api_config": "config_",  # still not a client attribute
        "api_runs": "runs",
    }
