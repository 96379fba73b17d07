"""Document-level facts: the package's names and defaults (``info``, ``servers``, ``info.x-sdk``,
security). Derived once per build; everything that needs them reads ``ir.Package``."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from .. import ir
from ..errors import SpecError, combined, pointer
from ..naming import clean_text, package_name_from_title, pascal_case
from ..read.load import SpecDocument
from ..spectext import SpecText
from .extensions import HTTP_METHODS, Extensions

_PATH_TEMPLATE = re.compile(r"\{([^{}]*)\}")


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
    prefix = sdk.prefix or pascal_case(name)
    envelope = sdk.envelope.data
    return ir.Package(
        name=name,
        title=SpecText(title(info)),
        description=SpecText(clean_text(info.get("description") or "").strip()),
        api_version=SpecText(api_version(info)),
        version=version,
        prefix=prefix,
        client=sdk.client or f"{prefix}Client",
        async_client=sdk.async_client or f"Async{prefix}Client",
        env_prefix=sdk.env_prefix or f"{name.upper()}_",
        user_agent=SpecText(sdk.user_agent or f"{name}-python"),
        base_url=SpecText(base_url(spec)),
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
        security=security(spec),
        dict_access=sdk.dict_access,
        exception_aliases=sdk.exception_aliases,
        cli=sdk.cli or name.replace("_", "-"),
    )


def title(info: dict[str, Any]) -> str:
    text = " ".join(clean_text(info.get("title") or "api").split()).replace('"', "'")
    return text or "api"


def api_version(info: dict[str, Any]) -> str:
    raw = str(info.get("version") if info.get("version") is not None else "")
    version = re.sub(r"[^A-Za-z0-9._+:~-]+", "-", raw.strip()).strip("-")
    return version or "0"


def base_url(spec: dict[str, Any]) -> str:
    """``servers[0].url`` with its variables at their defaults, as an absolute URL."""
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

    url = _PATH_TEMPLATE.sub(substitute, url)
    if url.startswith("//"):
        url = "https:" + url
    elif not url or url.startswith("/"):
        url = "http://localhost" + url
    elif not re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", url):
        url = "https://" + url.lstrip("./")
    url = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    return url.rstrip("/")


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


def security(spec: dict[str, Any]) -> ir.Security:
    """The security schemes, and whether any requirement names one (a credential is needed)."""
    components = spec.get("components") if isinstance(spec.get("components"), dict) else {}
    raw = components.get("securitySchemes") if isinstance(components, dict) else None
    schemes = []
    for name, scheme in raw.items() if isinstance(raw, dict) else ():
        if not isinstance(scheme, dict):
            continue
        param = scheme.get("name")
        schemes.append(
            ir.SecurityScheme(
                name=SpecText(str(name)),
                type=str(scheme.get("type") or ""),
                scheme=str(scheme.get("scheme") or "").lower(),
                location=str(scheme.get("in") or ""),
                parameter=SpecText(param) if isinstance(param, str) else None,
            )
        )
    requirements = [spec.get("security")]
    paths = spec.get("paths")
    for item in paths.values() if isinstance(paths, dict) else ():
        for verb in HTTP_METHODS:
            op = item.get(verb) if isinstance(item, dict) else None
            if isinstance(op, dict):
                requirements.append(op.get("security"))
    required = any(
        isinstance(entry, dict) and entry
        for listed in requirements
        if isinstance(listed, list)
        for entry in listed
    )
    return ir.Security(schemes=tuple(schemes), required=required)
