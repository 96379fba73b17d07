from pathlib import Path

import pytest

from generator.naming import field_name, identifier, pascal_case, snake_case
from generator.pipeline import generate


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("getRunHistory", "get_run_history"),
        ("shared-configurations", "shared_configurations"),
        ("HTTPServerError", "http_server_error"),
        ("already_snake", "already_snake"),
        ("with space.and.dots", "with_space_and_dots"),
        ("", "_"),
        # An acronym's plural is one word (a user trial on InfluxDB and Clerk: dbr_ps, i_ds).
        ("DBRPs", "dbrps"),
        ("IDs", "ids"),
        ("getURLs", "get_urls"),
        ("orgIDs", "org_ids"),
        ("GetDBRPsID", "get_dbrps_id"),
        ("URLsForOrg", "urls_for_org"),
        ("APIs", "apis"),
        ("IDs2", "ids2"),
        ("DataIOEndpoints", "data_io_endpoints"),
        ("IDsearch", "i_dsearch"),  # an s that begins a word is not a plural
        # OAuth is one word, as users write it.
        ("OAuth2Token", "oauth2_token"),
        ("getOAuthToken", "get_oauth_token"),
        ("OAuth.TokenInfo", "oauth_token_info"),
        ("OAUTH", "oauth"),
        ("OAuthed", "o_authed"),
        # So are the other brand words of the table (naming.BRAND_WORDS).
        ("GraphQL", "graphql"),
        ("getGraphQLSchema", "get_graphql_schema"),
        ("graphQLQuery", "graphql_query"),
        ("GitHub", "github"),
        ("enabledForGitHubApps", "enabled_for_github_apps"),  # github-2020's
        ("iOS", "ios"),
        ("iOSApp", "ios_app"),
        ("get_iOS_version", "get_ios_version"),
        ("macOS", "macos"),
        ("getMacOSVersion", "get_macos_version"),
        ("IPv4Address", "ipv4_address"),
        ("PostgreSQLVersion", "postgresql_version"),
        ("OpenAI API", "openai_api"),  # a user trial on OpenAI's document: not open_ai_api
        ("getOpenAPIDocument", "get_openapi_document"),
        ("Swagger Petstore - OpenAPI 3.0", "swagger_petstore_openapi_3_0"),
        # ... but only the words as written: not inside another word, not an acronym's end.
        ("BIOSVersion", "bios_version"),
        ("photographQL", "photograph_ql"),
        ("getiOS", "geti_os"),
        ("GitHubber", "git_hubber"),
        ("ChaosMonkey", "chaos_monkey"),
        # Letters spelt with slashes or dots are one word (InfluxDB's tag "Data I/O endpoints").
        ("Data I/O endpoints", "data_io_endpoints"),
        ("A/B tests", "ab_tests"),
        ("R&D", "rd"),
        ("and/or", "and_or"),
        # A word written apart that ends in capitals is one word, as the text spells it
        # (info.title "InfluxDB OSS API Service": the package was influx_db_oss_api_service) ...
        ("InfluxDB OSS API Service", "influxdb_oss_api_service"),
        ("the MongoDB Atlas API", "the_mongodb_atlas_api"),
        # ... but an identifier's capitals still begin a word.
        ("InfluxDB", "influx_db"),
        ("UserID", "user_id"),
        ("getUserDB", "get_user_db"),
        ("User IDs", "user_ids"),
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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Class names keep the capitals they always had: snake_case's acronym rule is not theirs.
        ("OAuth.Token", "OAuthToken"),
        ("orgIDs", "OrgIDs"),
        ("DBRPs", "DbrPs"),
        ("dbrps", "Dbrps"),
    ],
)
def test_pascal_case_is_unchanged_by_the_acronym_rule(raw: str, expected: str) -> None:
    assert pascal_case(raw) == expected


def test_field_name_is_the_model_attribute(tmp_path: Path) -> None:
    """A model's attribute (datamodel-code-generator's snake_case, patched while it runs) and
    an argument for the same wire name are spelt alike; names the acronym rule makes equal
    are told apart, as any two that collide are."""
    spec = tmp_path / "names.yaml"
    spec.write_text(NAMES, encoding="utf-8")
    generate(spec, tmp_path / "out")
    models = (tmp_path / "out" / "src" / "names" / "models" / "_thing.py").read_text()
    for attribute, wire in [
        ("org_ids", "orgIDs"),
        ("org_ids_1", "org_ids"),
        ("oauth_token", "OAuthToken"),
        ("template_urls", "templateURLs"),
        ("graphql_url", "graphQLUrl"),
        ("ios_bundle_id", "iOSBundleId"),
    ]:
        assert f'{attribute}: Annotated[Optional[str], Field(alias="{wire}")]' in models
    assert field_name("templateURLs") == "template_urls"
    assert field_name("iOSBundleId") == "ios_bundle_id"
    things = (tmp_path / "out" / "src" / "names" / "resources" / "things.py").read_text()
    assert "def get_thing_ids(" in things and "def get_thing_ids_2(" in things
    assert "        template_urls: Optional[str] = None," in things


NAMES = """openapi: 3.1.0
info: {title: Names, version: '1'}
paths:
  /things:
    post:
      operationId: getThingIDs
      tags: [things]
      parameters:
        - {name: templateURLs, in: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
  /things/ids:
    get:
      operationId: getThingIds
      tags: [things]
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
components:
  schemas:
    Thing:
      type: object
      properties:
        orgIDs: {type: string}
        org_ids: {type: string}
        OAuthToken: {type: string}
        templateURLs: {type: string}
        graphQLUrl: {type: string}
        iOSBundleId: {type: string}
"""


ACME = """\
openapi: 3.0.3
info: {title: Acme API, version: "1.0.0"}
components:
  securitySchemes: {bearer: {type: http, scheme: bearer}}
security: [{bearer: []}]
paths:
  /things:
    get:
      operationId: listThings
      responses: {'200': {description: ok}}
"""


def test_a_title_ending_in_api_does_not_say_api_twice_in_its_variables(tmp_path: Path) -> None:
    """``Acme API`` is the package ``acme_api``; its variables are ``ACME_API_KEY`` and
    ``ACME_BASE_URL`` (as OpenAI's own are ``OPENAI_API_KEY``), not ``ACME_API_API_KEY``."""
    spec = tmp_path / "acme.yaml"
    spec.write_text(ACME, encoding="utf-8")
    generate(spec, tmp_path / "out")
    src = tmp_path / "out" / "src" / "acme_api"
    assert '_ENV_PREFIX = "ACME_"' in (src / "_config.py").read_text()
    readme = (tmp_path / "out" / "README.md").read_text()
    assert "`ACME_API_KEY`" in readme and "`ACME_BASE_URL`" in readme
    assert "API_API" not in readme


def test_a_long_client_name_keeps_the_quick_start_on_one_line(tmp_path: Path) -> None:
    """The Quick start's credential note goes above ``client = ...()`` when the two would not
    fit on one line, instead of the formatter wrapping the call in parentheses."""
    spec = tmp_path / "long.yaml"
    long_title = "Swagger Petstore - OpenAPI 3.0 With A Longer Name"
    spec.write_text(ACME.replace("Acme API", long_title), encoding="utf-8")
    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text()
    quick = readme[readme.index("## Quick start") : readme.index("## Configuration")]
    assert "client = (" not in quick
    prefix = "SWAGGER_PETSTORE_OPENAPI_3_0_WITH_A_LONGER_NAME_"
    assert f"# api_key from {prefix}API_KEY\nclient = SwaggerPetstore" in quick
    short = tmp_path / "short.yaml"
    short.write_text(ACME, encoding="utf-8")
    generate(short, tmp_path / "out2")
    assert (
        "client = AcmeApiClient()  # api_key from ACME_API_KEY\n"
        in (tmp_path / "out2" / "README.md").read_text()
    )
