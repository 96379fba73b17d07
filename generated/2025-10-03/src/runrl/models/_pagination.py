"""The ``Pagination`` model. Generated from the spec; do not edit."""

from __future__ import annotations

from typing import Optional

from runrl._models import BaseModel


class Pagination(BaseModel):
    """
    Where a page sits in the whole list. Its members are undocumented by RunRL (0.2.2 passes the object through as a dict); the ones below are inferred and all optional.
    """

    page: Optional[int] = None
    """
    The current page number (1-based).
    """
    per_page: Optional[int] = None
    """
    Items per page.
    """
    total: Optional[int] = None
    """
    Total number of items.
    """
    total_pages: Optional[int] = None
    """
    Total number of pages.
    """
    has_more: Optional[bool] = None
    """
    Whether a further page exists.
    """


# Models the annotations name: put here when Pydantic needs them
_REFERENCES = ()
