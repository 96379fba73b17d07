"""The ``Visibility`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from runrl._models import OpenEnum


class Visibility(OpenEnum):
    """Who can see a shared configuration: everyone (`public`), anyone with the link (`unlisted`), or only the owner (`private`)."""

    PUBLIC = "public"
    UNLISTED = "unlisted"
    PRIVATE = "private"


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
