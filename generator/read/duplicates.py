"""The warning for a key given twice in one mapping (YAML keeps the last value, silently).

The YAML loader (``parse.py``) notes where each repeated key stands; this module says so, once
per key, at the first one (the pointer found through the line map).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import escape_pointer_token
from .lines import line_map
from .parse import Duplicate

if TYPE_CHECKING:
    from .document import SpecDocument


def warn_duplicates(doc: SpecDocument, duplicates: list[Duplicate]) -> None:
    """A key given twice in one mapping: the first value is lost (an ``x-sdk-method`` added
    above the one already there does nothing), so say where, at the first one."""
    lines = line_map(doc.text)
    for key, first, again in duplicates:
        tail = "/" + escape_pointer_token(key)
        where = next((p for p, n in lines.items() if n == first and p.endswith(tail)), "")
        doc.warn(
            f"{key!r} is given twice in one mapping (lines {first} and {again}): "
            "only the last is read",
            where,
        )
