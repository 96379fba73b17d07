"""How the client authenticates, as the spec says it (``components.securitySchemes``, the
document's and the operations' ``security``): made by generator/build/security.py, rendered by
the client template into the runtime's ``_auth.Security`` (DESIGN.md, "Authentication").
Split from api.py because it is one topic with its own rules (which arguments feed which scheme).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..spectext import SpecText


@dataclass(frozen=True)
class Credential:
    """One constructor argument of the client that feeds a security scheme."""

    argument: str  # the keyword argument (an identifier made here); "api_key" = ClientConfig's
    env: str  # the environment variable read when the argument is not given
    role: str  # "key" | "token" | "username" | "password" | "client_id" | "client_secret"
    annotation: str = "str"  # the argument's type (sync client); see ``async_annotation``
    async_annotation: str = "str"

    @property
    def config(self) -> bool:
        """``api_key`` is a ``ClientConfig`` field; the others go in ``credentials=``."""
        return self.argument == "api_key"


@dataclass(frozen=True)
class SecurityScheme:
    """One entry of ``components.securitySchemes`` and the runtime scheme it becomes
    (``runtime``: ``""`` for a scheme the runtime cannot apply; it is left out)."""

    name: SpecText
    type: str  # "apiKey" | "http" | "oauth2" | "openIdConnect" | "mutualTLS" | other
    scheme: str = ""  # for http: "bearer", "basic", ...
    location: str = ""  # for apiKey: "header" | "query" | "cookie"
    parameter: SpecText | None = None  # for apiKey: the header/query/cookie name
    runtime: str = ""  # "apikey" | "bearer" | "basic" | "oauth2" | ""
    # bearer: the Authorization scheme word ("Bearer"); an API key in the Authorization header:
    # the word its description shows before the key ("Token": build/security.authorization_word)
    prefix: SpecText | None = None
    token_url: SpecText | None = None  # oauth2 clientCredentials flow
    scopes: tuple[SpecText, ...] = ()  # that flow's scope names
    credentials: tuple[Credential, ...] = ()

    @property
    def plain_bearer(self) -> bool:
        """``Authorization: Bearer <token>`` (what ``api_key`` means by default)."""
        return (
            self.runtime == "bearer" and self.prefix is not None and self.prefix.value == "Bearer"
        )

    @property
    def authorization_key(self) -> bool:
        """An API key sent as the ``Authorization`` header itself: its value goes as given
        (after ``prefix`` when the description shows one: ``Token <key>``), so otherwise any
        scheme word (``Bearer``) is the caller's to include (Kubernetes' BearerToken)."""
        return (
            self.runtime == "apikey"
            and self.location == "header"
            and self.parameter is not None
            and self.parameter.value.lower() == "authorization"
        )

    def credential(self, role: str) -> Credential | None:
        return next((c for c in self.credentials if c.role == role), None)


# Alternatives (any one will do), each the names of schemes applied together.
Requirements = tuple[tuple[SpecText, ...], ...]


@dataclass(frozen=True)
class Security:
    """What the spec says about authentication."""

    schemes: tuple[SecurityScheme, ...] = ()
    # The document's (or any operation's) security requirements name at least one scheme.
    required: bool = False
    # The document's ``security`` (``()``: none, no credential needed by default).
    default: Requirements = ()

    @property
    def supported(self) -> tuple[SecurityScheme, ...]:
        return tuple(s for s in self.schemes if s.runtime)

    @property
    def credentials(self) -> tuple[Credential, ...]:
        return tuple(c for s in self.supported for c in s.credentials)

    @property
    def api_key_scheme(self) -> SecurityScheme | None:
        """The scheme the ``api_key`` argument feeds, if any."""
        return next((s for s in self.supported if any(c.config for c in s.credentials)), None)

    @property
    def default_needs_credentials(self) -> bool:
        """Construction fails without a credential (no empty alternative in the default)."""
        return bool(self.default) and () not in self.default

    def needed_at_start(self, scheme: SecurityScheme) -> bool:
        """Construction fails without ``scheme``'s credentials: every alternative of the
        document's ``security`` names it (Algolia's application id and key, both required)."""
        name = scheme.name.value
        return self.default_needs_credentials and all(
            any(n.value == name for n in r) for r in self.default
        )

    def uses(self, runtime: str) -> bool:
        return any(s.runtime == runtime for s in self.supported)

    @property
    def explained(self) -> bool:
        """More than the one ``api_key`` sent as a Bearer token: the README's Authentication
        section explains the schemes and arguments."""
        keyed = self.api_key_scheme
        return bool(self.supported) and not (
            len(self.supported) == 1 and keyed is not None and keyed.plain_bearer
        )

    @property
    def exports(self) -> tuple[str, ...]:
        """What the package re-exports from ``_auth`` for users to build credentials with."""
        names = set()
        if self.uses("basic"):
            names.add("BasicCredentials")
        if self.token_providers:
            names |= {"AccessToken", "TokenProvider"}
        if self.uses("oauth2"):
            names.add("ClientCredentials")
        return tuple(sorted(names))

    @property
    def example_credentials(self) -> tuple[Credential, ...]:
        """The arguments the README's examples pass: what the first requirement the client
        can meet asks for (the document's ``security``, else the first scheme the client
        applies, as when every operation has its own), a token for OAuth2 (its flows aside).
        ``()`` when nothing is needed."""
        by_name = {s.name.value: s for s in self.supported}
        alternatives = [r for r in self.default if r and all(n.value in by_name for n in r)]
        if self.default and not alternatives:  # () in the default, or nothing it can meet
            return ()
        chosen = (
            [by_name[n.value] for n in alternatives[0]]
            if alternatives
            else list(self.supported[:1])
        )
        roles = ("key", "token", "username", "password")
        return tuple(c for s in chosen for c in s.credentials if c.role in roles)

    @property
    def token_providers(self) -> bool:
        """An argument takes a ``TokenProvider`` (bearer or OAuth2, other than ``api_key``)."""
        return any(
            c.role == "token" and not c.config
            for s in self.supported
            if s.runtime in ("bearer", "oauth2")
            for c in s.credentials
        )
