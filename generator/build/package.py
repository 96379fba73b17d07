"""Document-level facts: the package's names and defaults (``info``, ``servers``, ``info.x-sdk``,
security). Derived once per build; everything that needs them reads ``ir.Package``."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from .. import ir
from ..errors import SpecError, combined, pointer
from ..naming import package_name_from_title, pascal_case
from ..read.load import SpecDocument
from ..spectext import SpecText, clean_text
from .extensions import HTTP_METHODS, Extensions, spec_operations
from .security import security

_PATH_TEMPLATE = re.compile(r"\{([^{}]*)\}")


def class_prefix(name: str) -> str:
    """The classes' prefix from the package name: PascalCase without a trailing ``Client``
    (``numbers_client``, the title ``Numbers`` kept off the standard library's name, was
    ``NumbersClientClient``; now ``NumbersClient``, ``NumbersException``)."""
    prefix = pascal_case(name)
    shorter = prefix.removesuffix("Client")
    return shorter if shorter and shorter != prefix else prefix


def package_facts(
    doc: SpecDocument, ext: Extensions, version: str, package: str | None = None
) -> ir.Package:
    """``ir.Package`` of a document whose extensions were checked (``ext``). The package
    (import and distribution) name: ``package`` (``generate --package``), else
    ``info.x-sdk.package``, else ``info.title`` in snake_case."""
    spec = doc.data
    info: dict[str, Any] = spec["info"] if isinstance(spec.get("info"), dict) else {}
    sdk = ext.info
    name = package or sdk.package or package_name_from_title(title(info))
    prefix = sdk.prefix or class_prefix(name)
    envelope = sdk.envelope.data
    # OpenAI API -> openai_api: OPENAI_API_KEY, OPENAI_BASE_URL (not OPENAI_API_API_KEY)
    env_prefix = sdk.env_prefix or f"{name.upper().removesuffix('_API') or name.upper()}_"
    relative = server_path(spec)
    return ir.Package(
        name=name,
        title=SpecText(title(info)),
        description=SpecText(clean_text(info.get("description") or "").strip()),
        api_version=SpecText(api_version(info)),
        version=version,
        prefix=prefix,
        client=sdk.client or f"{prefix}Client",
        async_client=sdk.async_client or f"Async{prefix}Client",
        env_prefix=env_prefix,
        user_agent=SpecText(sdk.user_agent or f"{name}-python"),
        base_url=SpecText("" if relative is not None else base_url(spec)),
        server_template=SpecText(server_template(spec)),
        server_path=SpecText(relative) if relative is not None else None,
        default_timeout=sdk.defaults.timeout,
        default_poll_interval=sdk.defaults.poll_interval,
        default_max_poll_timeout=sdk.defaults.max_poll_timeout,
        envelope_data=SpecText(envelope) if envelope is not None else None,
        error_code_field=SpecText(sdk.error_envelope.code or "error"),
        error_message_field=SpecText(sdk.error_envelope.message or "message"),
        error_details_field=SpecText(sdk.error_envelope.details or "details"),
        failure_errors=failure_errors(
            spec,
            ext,
            taken={
                sdk.client or f"{prefix}Client",
                sdk.async_client or f"Async{prefix}Client",
                f"{prefix}Exception",
                f"{prefix}PollingFuture",
                f"Async{prefix}PollingFuture",
            },
        ),
        security=security(doc, env_prefix),
        dict_access=sdk.dict_access,
        exception_aliases=sdk.exception_aliases,
        idempotency_keys=sdk.idempotency_keys,
        cli=sdk.cli or name.replace("_", "-"),
        request_id_header=request_id_header(doc, sdk.request_id_header),
    )


def title(info: dict[str, Any]) -> str:
    text = " ".join(clean_text(info.get("title") or "api").split()).replace('"', "'")
    return text or "api"


def api_version(info: dict[str, Any]) -> str:
    raw = str(info.get("version") if info.get("version") is not None else "")
    version = re.sub(r"[^A-Za-z0-9._+:~-]+", "-", raw.strip()).strip("-")
    return version or "0"


def server_template(spec: dict[str, Any]) -> str:
    """``servers[0].url`` as written when it has variables (the README says what they are)."""
    servers = spec.get("servers")
    server = servers[0] if isinstance(servers, list) and servers else {}
    url = str(server.get("url") or "") if isinstance(server, dict) else ""
    return url if _PATH_TEMPLATE.search(url) else ""


def server_path(spec: dict[str, Any]) -> str | None:
    """The path of ``servers[0]`` when it names no host (InfluxDB's ``/api/v2``; ``""`` for
    ``/`` or ``''``), else ``None`` (also without ``servers``: ``http://localhost`` then). Such
    a URL is relative to wherever the document is served (OpenAPI 3.1, 4.8.5): no client
    default can be made of it (``http://localhost/api/v2`` was InfluxDB's, on port 80, not its
    8086)."""
    servers = spec.get("servers")
    if not isinstance(servers, list) or not servers:
        return None  # no servers: http://localhost, as documented (README: no servers)
    url = _server_url(spec)
    if url and not (url.startswith("/") and not url.startswith("//")):
        return None
    return base_url(spec).removeprefix("http://localhost")


def base_url(spec: dict[str, Any]) -> str:
    """``servers[0].url`` with its variables at their defaults, as an absolute URL (a path
    alone under ``http://localhost``: ``server_path`` says when)."""
    url = _server_url(spec)
    if url.startswith("//"):
        url = "https:" + url
    elif not url or url.startswith("/"):
        url = "http://localhost" + url
    elif not re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", url):
        url = "https://" + url.lstrip("./")
    url = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    return url.rstrip("/")


def _server_url(spec: dict[str, Any]) -> str:
    """``servers[0].url`` with its variables at their defaults, as written otherwise."""
    servers = spec.get("servers")
    server = servers[0] if isinstance(servers, list) and servers else {}
    server = server if isinstance(server, dict) else {}
    url = str(server.get("url") or "").strip()
    variables: dict[str, Any] = (
        server["variables"] if isinstance(server.get("variables"), dict) else {}
    )

    def substitute(match: re.Match[str]) -> str:
        var = variables.get(match.group(1))
        return str(var.get("default", "")) if isinstance(var, dict) else ""

    return _PATH_TEMPLATE.sub(substitute, url)


def failure_errors(
    spec: dict[str, Any],
    ext: Extensions,
    taken: set[str] = frozenset(),  # type: ignore[assignment]
) -> tuple[ir.FailureError, ...]:
    """The exception classes ``x-sdk-polling.failure-error`` names (one per class name).

    A class named like one the package defines (``taken``: the clients, the base exception,
    the futures), or one class given two different attributes, is a located error."""
    found: dict[str, str] = {}
    problems: list[SpecError] = []
    paths = spec.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        for verb in HTTP_METHODS:
            op = item.get(verb) if isinstance(item, dict) else None
            polling = ext.operation(op).polling if isinstance(op, dict) else None
            if (
                polling is None
                or "failure_error" not in polling.model_fields_set
                or polling.failure_error == "PollingFailedError"  # the default, named
            ):
                continue
            where = pointer("paths", path, verb, "x-sdk-polling", "failure-error")
            name, attribute = polling.failure_error, polling.failure_attribute
            if name in taken:
                problems.append(
                    SpecError(f"{name!r} is a class the package defines", pointer=where)
                )
            elif found.get(name, attribute) != attribute:
                problems.append(
                    SpecError(
                        f"{name!r} is given the attribute {attribute!r} here and "
                        f"{found[name]!r} elsewhere: one class has one attribute",
                        pointer=where,
                    )
                )
            found[name] = attribute
    if problems:
        raise combined(problems)
    return tuple(ir.FailureError(k, v) for k, v in sorted(found.items()))


# A declared response header is the request id when its name says so (X-Request-Id, Request-Id,
# x-amzn-RequestId, X-GitHub-Request-Id...).
_REQUEST_ID = re.compile(r"(?i)^[a-z0-9-]*request-?id$")


def request_id_header(doc: SpecDocument, declared: str | None) -> SpecText | None:
    """``info.x-sdk.request-id-header``, else the request-id header the responses declare most
    often (``None``: the runtime's default, ``X-Request-Id`` then ``Request-Id``)."""
    if declared:
        return SpecText(declared)
    counts: dict[str, int] = {}
    spec = doc.data
    responses: list[Any] = []
    components = spec.get("components") if isinstance(spec.get("components"), dict) else {}
    for section in ("responses", "headers"):
        found = components.get(section) if isinstance(components, dict) else None
        if isinstance(found, dict) and section == "responses":
            responses.extend(found.values())
        elif isinstance(found, dict):
            _count_headers(found, counts)
    for op in spec_operations(spec):
        listed = op.get("responses")
        if isinstance(listed, dict):
            responses.extend(listed.values())
    for response in responses:
        headers = response.get("headers") if isinstance(response, dict) else None
        if isinstance(headers, dict):
            _count_headers(headers, counts)
    if not counts:
        return None
    name = max(sorted(counts), key=lambda n: counts[n])
    return SpecText(name)


def _count_headers(headers: dict[Any, Any], counts: dict[str, int]) -> None:
    for name in headers:
        text = str(name)
        if _REQUEST_ID.match(text) and re.fullmatch(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+", text):
            counts[text] = counts.get(text, 0) + 1
