"""The document-level facts of the package (``info``, ``servers``, ``info.x-sdk``), made once by
generator/build/package.py: names, defaults, envelopes and the security a whole client shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..spectext import SpecText
from .security import Security


@dataclass(frozen=True)
class FailureError:
    class_name: str
    attribute: str


@dataclass(frozen=True)
class Package:
    """Document-level facts (``info``, ``servers``, ``info.x-sdk``)."""

    name: str  # distribution and import name
    title: SpecText
    description: SpecText
    api_version: SpecText  # info.version, sanitized
    version: str  # the package version (PEP 440)
    prefix: str  # runtime class-name prefix: <prefix>Exception, <prefix>PollingFuture
    client: str
    async_client: str
    env_prefix: str
    user_agent: SpecText
    base_url: SpecText
    default_timeout: float
    default_poll_interval: float
    default_max_poll_timeout: float
    envelope_data: SpecText | None  # member of a success body holding the payload
    error_code_field: SpecText
    error_message_field: SpecText
    error_details_field: SpecText
    failure_errors: tuple[FailureError, ...] = ()
    security: Security = Security()
    dict_access: bool = False  # x-sdk dict-access: models answer the dict protocol
    exception_aliases: bool = False  # x-sdk exception-aliases: the other SDKs' names too
    idempotency_keys: bool = False  # x-sdk idempotency-keys: the server honours Idempotency-Key
    request_id_header: SpecText | None = None  # the response header naming the request's id
    cli: str = ""  # x-sdk cli: the console script's name (default: the package name)
    # servers[0].url as written when it has variables ("https://{yourOktaDomain}"), else ""
    server_template: SpecText = SpecText("")
    # The document's server when it is a path with no host (InfluxDB's "/api/v2"; "" for "/"
    # or no servers): then base_url is "" and required. None: servers[0] has a host.
    server_path: SpecText | None = None

    @property
    def base_url_example(self) -> SpecText:
        """``base_url``, or for a document with no host an example of one (README, messages)."""
        if self.server_path is None:
            return self.base_url
        return SpecText("https://api.example.com" + self.server_path.value)

    @property
    def request_id_header_name(self) -> SpecText:
        """The request-id header the runtime reads first, lower case (default ``x-request-id``)."""
        name = self.request_id_header.value if self.request_id_header else "x-request-id"
        return SpecText(name.lower())

    def runtime_class_names(self) -> frozenset[str]:
        """Class names the package defines itself (clients, futures, exceptions): no model or
        namespace class may take them."""
        return frozenset(
            {
                self.client,
                self.async_client,
                f"{self.client}WithRawResponse",
                f"{self.async_client}WithRawResponse",
                f"{self.prefix}Exception",
                f"{self.prefix}PollingFuture",
                f"Async{self.prefix}PollingFuture",
                *(fe.class_name for fe in self.failure_errors),
            }
        )
