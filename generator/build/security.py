"""Security: ``components.securitySchemes`` and ``security`` -> ``ir.Security`` and each
method's requirements, with the client's constructor argument for every credential.

How the arguments are named (README, "Authentication"):

* ``api_key`` (``<ENV_PREFIX>API_KEY``, a ``ClientConfig`` field) feeds the API-key or HTTP
  bearer scheme named ``api_key`` (``apiKey``...) if there is one, else the first, preferring
  one the document's ``security`` names: the common one-key API (RunRL's included) keeps the
  one argument everybody knows;
* every other credential is named after its scheme: ``<scheme>_key`` / ``<scheme>_token`` for
  further API keys and bearer tokens; ``username``/``password`` for HTTP Basic and
  ``access_token``, ``client_id``/``client_secret`` for OAuth2 when the API has one such scheme,
  else prefixed with the scheme's name (``basic_auth_username``); a name that starts with a
  digit comes after the word instead (Autodesk's ``3-legged``: ``access_token_3_legged``, not
  ``_3_legged_token``, which reads as private);
* the environment variable is ``<ENV_PREFIX><ARGUMENT>`` in upper case.

Schemes the runtime cannot apply (``mutualTLS``, HTTP ``digest``...) are left out with a
warning; an operation that needs only them then fails when called, saying so.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import ir
from ..naming import identifier, unique
from ..read.load import SpecDocument
from ..spectext import SpecText, clean_text
from .extensions import spec_operations

# The constructor's own arguments (templates/client/_client.py.jinja): no credential takes one.
CLIENT_ARGUMENTS = frozenset(
    {"self", "api_key", "base_url", "timeout", "total_timeout", "poll_interval",
     "max_poll_timeout", "user_agent", "max_retries", "retry_enabled", "retry_backoff_factor",
     "verify_ssl", "ssl_ca_cert", "cert_file", "key_file", "proxy", "pool_maxsize", "debug",
     "default_headers", "http_client", "token_refresh_margin", "options"}
)  # fmt: skip
_NOT_TOKENS = frozenset({"basic", "digest", "hoba", "mutual", "negotiate", "scram-sha-1",
                         "scram-sha-256", "vapid", "privatetoken", "concealed"})  # fmt: skip


def requirements(raw: Any) -> ir.Requirements:
    """A ``security`` list as alternatives of scheme names (``{}`` -> ``()``)."""
    found = []
    for entry in raw if isinstance(raw, list) else ():
        if isinstance(entry, dict):
            found.append(tuple(SpecText(str(name)) for name in entry))
    return tuple(found)


def operation_security(spec: dict[str, Any], op: dict[str, Any]) -> ir.Requirements | None:
    """The operation's own requirements, or ``None`` when it has none or they equal the
    document's (scopes do not matter at run time)."""
    if "security" not in op:
        return None
    own = requirements(op["security"])
    if own == () and "security" not in spec:
        # Anonymous as written: a document without ``security`` may still send its schemes
        # where it says nothing (``security()``, "no requirement names a scheme").
        return own
    return None if own == requirements(spec.get("security")) else own


def security(doc: SpecDocument, env_prefix: str) -> ir.Security:
    """The schemes (with their arguments), the document's default, and whether any
    requirement names a scheme."""
    spec = doc.data
    components = spec.get("components") if isinstance(spec.get("components"), dict) else {}
    raw = components.get("securitySchemes") if isinstance(components, dict) else None
    raw = raw if isinstance(raw, dict) else {}
    default = requirements(spec.get("security"))
    listed = [default] + [requirements(op.get("security")) for op in spec_operations(spec)]
    required = any(req for alternatives in listed for req in alternatives)
    schemes = [_scheme(str(name), s) for name, s in raw.items() if isinstance(s, dict)]
    for scheme in schemes:
        if not scheme.runtime:
            where = f"/components/securitySchemes/{scheme.name.value}"
            doc.warn(f"security scheme type {scheme.type!r} is not supported: left out", where)
    declared = {str(name) for name in raw}
    for name in sorted({n.value for r in default for n in r} - declared):
        doc.warn(f"security requirement names an undeclared scheme {name!r}", "/security")
    schemes = _name_credentials(schemes, default, env_prefix)
    supported = {s.name.value for s in schemes if s.runtime}
    # Alternatives the client cannot meet (a scheme left out, or not declared) are dropped; if
    # none is left, nothing is required by default (the warning above said why).
    kept = tuple(r for r in default if all(n.value in supported for n in r))
    if default and not kept:
        kept = ((),)
    silent = sum("security" not in op for op in spec_operations(spec))
    if "security" not in spec and supported and silent:
        # Schemes declared and no default: the evident meaning of an operation that says
        # nothing is a forgotten ``security`` (Kubernetes names its BearerToken nowhere; one
        # of Adyen's 28 operations names none of its two schemes), not an API nobody
        # authenticates to. Each scheme is sent there when its credential is given; none is
        # required (an anonymous call still goes out).
        kept = tuple((s.name,) for s in schemes if s.runtime) + ((),)
        doc.warn(
            "security schemes are declared but no security requirement names one: each is "
            "sent when its credential is given, none is required"
            if not required
            else f"{silent} operation(s) declare no security and the document sets no "
            "default: each scheme is sent to them when its credential is given, none is "
            "required",
            "/components/securitySchemes",
        )
    return ir.Security(schemes=tuple(schemes), required=required, default=kept)


def _scheme(name: str, raw: dict[str, Any]) -> ir.SecurityScheme:
    kind = str(raw.get("type") or "")
    http = str(raw.get("scheme") or "").strip()
    param = raw.get("name")
    base = ir.SecurityScheme(
        name=SpecText(name),
        type=kind,
        scheme=http.lower(),
        location=str(raw.get("in") or ""),
        parameter=SpecText(param) if isinstance(param, str) else None,
    )
    if kind == "apiKey" and base.location in ("header", "query", "cookie") and param:
        word = None
        if base.location == "header" and str(param).strip().lower() == "authorization":
            word = authorization_word(raw.get("description"))
        return _with(base, runtime="apikey", prefix=SpecText(word) if word else None)
    if kind == "http" and http.lower() == "basic":
        return _with(base, runtime="basic")
    if kind == "http" and re.fullmatch(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+", http):
        if http.lower() not in _NOT_TOKENS:
            prefix = "Bearer" if http.lower() == "bearer" else http
            return _with(base, runtime="bearer", prefix=SpecText(prefix))
    if kind == "oauth2":
        flows = raw.get("flows") if isinstance(raw.get("flows"), dict) else {}
        flow = flows.get("clientCredentials") if isinstance(flows, dict) else None
        if isinstance(flow, dict) and isinstance(flow.get("tokenUrl"), str):
            raw_scopes = flow.get("scopes")
            scopes = raw_scopes if isinstance(raw_scopes, dict) else {}
            return _with(
                base,
                runtime="oauth2",
                token_url=SpecText(clean_text(flow["tokenUrl"]).strip()),
                scopes=tuple(SpecText(str(s)) for s in scopes),
            )
        return _with(base, runtime="oauth2")
    if kind == "openIdConnect":
        return _with(base, runtime="oauth2")
    return base


# ``Authorization: Token INFLUX_API_TOKEN``: the scheme word, then a placeholder (capitals and
# underscores, ``<token>``, ``{token}``, ``[token]``, ``$TOKEN``, ``${TOKEN}``).
_AUTHORIZATION_EXAMPLE = re.compile(
    r"Authorization:[ \t]*([A-Za-z][A-Za-z0-9-]{0,30})[ \t]+"
    r"(?:[A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{3,}\b|<[^<>\s]+>|\{[^{}\s]+\}|\[[^\[\]\s]+\]|\$\{?\w+\}?)"
)


def authorization_word(description: Any) -> str | None:
    """The scheme word an API key in the ``Authorization`` header is sent after, as the
    scheme's description shows it (InfluxDB: ``Authorization: Token INFLUX_API_TOKEN`` ->
    ``Token``): the key is then sent as ``Token <key>``. ``None`` when the description shows
    no such value, or two different words."""
    if not isinstance(description, str):
        return None
    words = {m[1] for m in _AUTHORIZATION_EXAMPLE.finditer(clean_text(description))}
    return words.pop() if len(words) == 1 else None


def _with(scheme: ir.SecurityScheme, **changes: Any) -> ir.SecurityScheme:
    return replace(scheme, **changes)


def _primary(schemes: list[ir.SecurityScheme], default: ir.Requirements) -> str | None:
    """The scheme ``api_key`` feeds: an API key or bearer token, the document's first; but a
    scheme whose own name reads ``api_key`` (``apiKey``, ``api-key``) keeps it, so a second
    scheme never turns it into ``api_key_2`` while ``api_key`` feeds another (Algolia's
    ``appId`` AND ``apiKey``: the secret key went to the application-id header)."""
    candidates = [s.name.value for s in schemes if s.runtime in ("apikey", "bearer")]
    own = [name for name in candidates if identifier(name).strip("_") == "api_key"]
    if own:
        return own[0]
    for requirement in default:
        for name in requirement:
            if name.value in candidates:
                return name.value
    return candidates[0] if candidates else None


def _name_credentials(
    schemes: list[ir.SecurityScheme], default: ir.Requirements, env_prefix: str
) -> list[ir.SecurityScheme]:
    primary = _primary(schemes, default)
    basics = sum(s.runtime == "basic" for s in schemes)
    oauths = sum(s.runtime == "oauth2" for s in schemes)
    clients = sum(s.runtime == "oauth2" and s.token_url is not None for s in schemes)
    taken: set[str] = set(CLIENT_ARGUMENTS)

    def arg(role: str, plain: str | None, stem: str, oauth: bool = False) -> ir.Credential:
        suffix = {"key": "_key", "token": "_token"}.get(role, "_" + role)
        if plain is None and stem[:1].isdigit():  # "3-legged": access_token_3_legged, not _3_...
            word = "access_token" if oauth and role == "token" else suffix[1:]
            plain = f"{word}_{stem}"
        elif plain is None:
            plain = stem if stem.endswith(suffix) or stem == suffix[1:] else stem + suffix
        name = unique(identifier(plain), taken)
        taken.add(name)
        sync, asynchronous = "str", "str"
        if role == "token":
            # The client module names them through its runtime module (no model can clash).
            extra = ", _auth.ClientCredentials" if oauth else ""
            sync = f"Union[str, _auth.TokenProvider{extra}]"
            asynchronous = f"Union[str, _auth.TokenProvider, _auth.AsyncTokenProvider{extra}]"
        return ir.Credential(name, f"{env_prefix}{name.upper()}", role, sync, asynchronous)

    out = []
    for scheme in schemes:
        stem = identifier(scheme.name.value).strip("_")
        creds: tuple[ir.Credential, ...] = ()
        if scheme.name.value == primary:
            role = "key" if scheme.runtime == "apikey" else "token"
            creds = (ir.Credential("api_key", f"{env_prefix}API_KEY", role),)
        elif scheme.runtime in ("apikey", "bearer"):
            creds = (arg("key" if scheme.runtime == "apikey" else "token", None, stem),)
        elif scheme.runtime == "basic":
            one = basics == 1
            creds = (
                arg("username", "username" if one else None, stem),
                arg("password", "password" if one else None, stem),
            )
        elif scheme.runtime == "oauth2":
            plain = "access_token" if oauths == 1 else None
            creds = (arg("token", plain, stem, oauth=True),)
            if scheme.token_url is not None:
                one = clients == 1
                creds += (
                    arg("client_id", "client_id" if one else None, stem),
                    arg("client_secret", "client_secret" if one else None, stem),
                )
        out.append(_with(scheme, credentials=creds))
    return out
