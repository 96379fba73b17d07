"""The package version of a spec: ``versions.toml`` beside it (README: "Versions and releases")."""

from __future__ import annotations

import re
import tomllib

from ..errors import SpecError
from .load import SpecDocument

VERSIONS_FILE = "versions.toml"


def api_version_of(doc: SpecDocument) -> str:
    """``info.version`` as written (``""`` when absent)."""
    info = doc.data.get("info")
    return str((info if isinstance(info, dict) else {}).get("version") or "")


def package_version(doc: SpecDocument) -> str:
    """The package version for this spec, from ``versions.toml`` beside it.

    The scheme is ``<client major>.<API version digits>.<client patch>`` so that
    ``pip install 'pkg~=1.20251003.0'`` picks the client for one API version and only its patches.
    Without ``versions.toml``: the API version if it is a release number, else ``0.<digits>.0``.
    """
    api_version = api_version_of(doc)
    digits = re.sub(r"[^0-9]", "", api_version)
    versions_path = doc.path.parent / VERSIONS_FILE
    if not versions_path.exists():
        if re.fullmatch(r"\d+(\.\d+){0,2}", api_version):
            return api_version
        return f"0.{digits or 0}.0"
    try:
        table = tomllib.loads(versions_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(f"invalid TOML: {exc}", file=str(versions_path)) from None
    entry = table.get(api_version)
    if entry is None:
        raise SpecError(
            f"no entry for API version {api_version!r} "
            f'(add ["{api_version}"] with major and patch)',
            file=str(versions_path),
        )
    numbers = [entry.get("major", 1), entry.get("patch", 0)] if isinstance(entry, dict) else []
    if len(numbers) != 2 or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers
    ):
        raise SpecError(
            f'["{api_version}"]: major and patch must be non-negative integers, got {entry!r}',
            file=str(versions_path),
        )
    return f"{numbers[0]}.{digits or 0}.{numbers[1]}"
