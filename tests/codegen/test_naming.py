import pytest

from generator.naming import identifier, pascal_case, snake_case


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("getRunHistory", "get_run_history"),
        ("shared-configurations", "shared_configurations"),
        ("HTTPServerError", "http_server_error"),
        ("already_snake", "already_snake"),
        ("with space.and.dots", "with_space_and_dots"),
        ("", "_"),
    ],
)
def test_snake_case(raw: str, expected: str) -> None:
    assert snake_case(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("class", "class_"),
        ("1st", "_1st"),
        ("timeout", "timeout_"),
        ("self", "self_"),
        ("fileId", "file_id"),
    ],
)
def test_identifier_is_always_safe(raw: str, expected: str) -> None:
    assert identifier(raw) == expected
    assert identifier(raw).isidentifier()


def test_pascal_case() -> None:
    assert pascal_case("shared_configurations") == "SharedConfigurations"
    assert pascal_case("api-keys") == "ApiKeys"
