# Generated from templates/runtime/_redact.py.jinja. Do not edit by hand.
"""Keeping secrets out of messages, reprs and logs: the one place that knows what a secret is.

Everything that shows a URL, a header or a text that may echo a request goes through here: the
clients' and the configuration's ``repr``, the DEBUG log lines, every exception message, and
the redirect rule that keeps credentials on their origin.

* A header is a credential when its name says so (:func:`is_credential`): ``Authorization``,
  ``Proxy-Authorization``, ``Cookie``, ``X-API-Key``, ``X-Auth-Token``, ``X-Session-Id``...
* A URL is shown with its password replaced by ``[secure]``, as ``httpx`` shows URLs in its
  own reprs, and with the values of credential-named query parameters replaced by ``***``.
* A text that may contain a secret (an error body echoing the request, an ``httpx`` error
  quoting a header) has every known secret value replaced by ``***`` (:func:`redact_text`).
* The credentials the authentication layer put on a request (``_security.attach``) are recorded
  on it (:data:`CREDENTIALS_EXTENSION`): their values are secrets whatever their names (an API
  key in a query parameter ``key``, a cookie, the password behind a Basic token), so URLs,
  headers and texts about that request hide them too (:func:`request_secrets`); so are the
  values the caller set itself where the API's schemes put credentials (``Authenticator.hide``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from urllib.parse import unquote

import httpx

__all__ = [
    "CREDENTIALS_EXTENSION",
    "REDACTED",
    "is_credential",
    "redact_bytes",
    "redact_headers",
    "redact_text",
    "redact_url",
    "request_secrets",
    "scrub_exception",
    "secret_values",
]

REDACTED = "***"
# What httpx writes in place of a URL's password in its own reprs.
_URL_PASSWORD = "[secure]"
# Names of headers, query parameters and arguments whose values are secrets.
_CREDENTIAL_NAME = re.compile(
    r"auth|token|secret|passw|signature|api[-_]?key|access[-_]?key|private[-_]?key|"
    r"cookie|session|credential",
    re.IGNORECASE,
)
# Where the authentication layer records the credentials it put on a request (an object with
# a ``secrets`` attribute, ``_security.Applied``): messages about the request redact them, and
# a redirect hop that leaves their origin drops them (``_security.rebind``).
CREDENTIALS_EXTENSION = "runrl.credentials"
# Shorter values are too common in ordinary text to be replaced wherever they occur; a URL's
# password of any length is still hidden, where the URL is shown, by redact_url.
_MIN_SECRET = 4


def is_credential(name: str) -> bool:
    """Whether a header, query parameter or argument with this name carries a secret."""
    return _CREDENTIAL_NAME.search(name) is not None


def redact_url(url: str | httpx.URL, secrets: Collection[str] = ()) -> str:
    """``url`` as text, with its password and credential-named query values hidden, and any
    query value that is one of ``secrets`` (see :func:`request_secrets`)."""
    if not isinstance(url, httpx.URL):
        try:
            url = httpx.URL(url)
        except Exception:
            # Cannot be taken apart, so nothing in it can be shown safely.
            return "<an invalid URL>"
    if url.query:
        params = [
            (key, REDACTED if is_credential(key) or value in secrets else value)
            for key, value in url.params.multi_items()
        ]
        url = url.copy_with(params=params)
    text = str(url)
    userinfo = url.userinfo.decode("ascii", "replace")
    if ":" in userinfo:
        masked = f"{userinfo.split(':', 1)[0]}:{_URL_PASSWORD}"
        text = text.replace(f"{userinfo}@", f"{masked}@", 1)
    return text


def redact_headers(
    headers: Iterable[tuple[str, str]], secrets: Collection[str] = ()
) -> dict[str, str]:
    """Headers to log: credentials hidden (``Authorization`` keeps its scheme), and any value
    that is one of ``secrets``."""
    shown: dict[str, str] = {}
    for key, value in headers:
        if key.lower() == "authorization":
            scheme = value.split(" ", 1)[0] if " " in value else ""
            shown[key] = f"{scheme} {REDACTED}".strip()
        elif is_credential(key) or value in secrets:
            shown[key] = REDACTED
        else:
            shown[key] = value
    return shown


def secret_values(
    headers: Iterable[tuple[str, str]] = (),
    urls: Iterable[str | httpx.URL | None] = (),
    values: Iterable[str] = (),
) -> frozenset[str]:
    """The secret strings in some headers and URLs, and ``values``, as they may appear in a text.

    For a credential header: its value, or for a ``Scheme token`` value the token alone (so
    that ``Bearer ***`` still says which scheme was used); for a URL: its password, as
    written and percent-decoded; ``values`` are secrets already known as such.
    """
    found: set[str] = set(values)
    for key, value in headers:
        if is_credential(key):
            found.add(value.strip().split(" ", 1)[-1].strip())
    for url in urls:
        if url is None:
            continue
        try:
            userinfo = (url if isinstance(url, httpx.URL) else httpx.URL(url)).userinfo
        except Exception:
            continue
        text = userinfo.decode("ascii", "replace")
        if ":" in text:
            password = text.split(":", 1)[1]
            found.update((password, unquote(password)))
    return frozenset(value for value in found if len(value) >= _MIN_SECRET)


def request_secrets(request: httpx.Request | None) -> frozenset[str]:
    """The secrets a request carries: credential headers, URL password, and every value the
    authentication layer recorded on it (:data:`CREDENTIALS_EXTENSION`)."""
    if request is None:
        return frozenset()
    recorded = getattr(request.extensions.get(CREDENTIALS_EXTENSION), "secrets", ())
    return secret_values(request.headers.items(), (request.url,), recorded)


def redact_text(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every occurrence of every secret replaced by ``***``."""
    # Longest first, so that a secret containing another one is replaced whole.
    for secret in sorted(secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def redact_bytes(data: bytes, secrets: Iterable[str]) -> bytes:
    """``data`` (a body, before it is parsed or cut) with every secret replaced by ``***``."""
    for secret in sorted(secrets, key=len, reverse=True):
        encoded = secret.encode("utf-8")
        if encoded in data:
            data = data.replace(encoded, REDACTED.encode("ascii"))
    return data


def scrub_exception(exc: BaseException, secrets: Iterable[str]) -> BaseException:
    """Remove secrets from the messages of an exception raised by a library, and its chain.

    Such an exception becomes the ``__cause__`` of the SDK's own, and a traceback prints its
    message and those of the exceptions it came from: an ``httpx`` error may quote a header
    (``Illegal header value b'Bearer ...'``).
    """
    secrets = frozenset(secrets)
    seen: set[int] = set()
    current: BaseException | None = exc
    while secrets and current is not None and id(current) not in seen:
        seen.add(id(current))
        args = current.args
        if any(isinstance(a, str) and redact_text(a, secrets) != a for a in args):
            current.args = tuple(redact_text(a, secrets) if isinstance(a, str) else a for a in args)
        current = current.__cause__ or current.__context__
    return exc
