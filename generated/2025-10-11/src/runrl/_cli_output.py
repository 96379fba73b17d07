"""How the `runrl` command line prints results: a table or a record on a terminal, JSON
(or JSON lines) otherwise; text from the API never carries control characters to a terminal."""

from __future__ import annotations

import json
import sys
from typing import IO, Any, Iterable, Iterator, Optional

_C0_C1 = dict.fromkeys([*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)])


def _data(value: Any) -> Any:
    """JSON-able data of a result: models as their wire names, with the members the server
    sent (its nulls too), not the ones it left out (``exclude_unset``): what ``curl | jq``
    would see, and no ``null`` for every optional field it did not send."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (list, tuple)):
        return [_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _data(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _dumps(data: Any, *, indent: Optional[int] = None) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return "".join(f"\\u{ord(ch):04x}" if 0x7F <= ord(ch) <= 0x9F else ch for ch in text)


def terminal(text: str) -> str:
    """Text from the API or the spec, safe on a terminal (no escape sequences)."""
    return text.translate(_C0_C1)


def emit(value: Any, fmt: str, out: IO[str]) -> None:
    data = _data(value)
    if isinstance(data, list):
        emit_list(iter(data), fmt, out)
    elif fmt == "table" and isinstance(data, dict):
        out.write(_record(data))
    elif fmt == "table":  # text as it is (its lines kept), without control characters
        text = data if isinstance(data, str) else _cell(data)
        out.write(terminal(text) + ("" if text.endswith("\n") else "\n"))
    else:
        out.write(_dumps(data, indent=2 if fmt == "json" and out.isatty() else None) + "\n")
    out.flush()


def emit_list(items: Iterator[Any], fmt: str, out: IO[str]) -> None:
    if fmt == "jsonl":
        for item in items:
            out.write(_dumps(_data(item)) + "\n")
            out.flush()
    elif fmt == "json":
        out.write("[")
        for i, item in enumerate(items):
            out.write(("," if i else "") + "\n  " + _dumps(_data(item)))
            out.flush()
        out.write("\n]\n")
    else:
        out.write(_table([_data(item) for item in items]))
    out.flush()


def emit_stream(events: Iterable[Any], fmt: str, out: IO[str]) -> None:
    """One line per event as it arrives: its data (JSON as it is, text as a JSON string)."""
    for event in events:
        data = getattr(event, "data", event)
        if not isinstance(data, str):
            data = _dumps(_data(data))
        if fmt == "table":
            line = terminal(data)
        else:
            try:
                line = _dumps(json.loads(data))
            except ValueError:
                line = _dumps(data)
        out.write(line + "\n")
        out.flush()


def write_bytes(content: Any, path: Optional[str], out: IO[str]) -> None:
    data = content if isinstance(content, bytes) else str(content).encode()
    if path is not None and path != "-":
        with open(path, "wb") as f:
            f.write(data)
        return
    out.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _cell(value: Any, width: int = 0) -> str:
    text = value if isinstance(value, str) else "" if value is None else _dumps(value)
    text = " ".join(terminal(text).split())
    if width and len(text) > width:
        text = text[: max(width - 1, 0)] + "…"
    return text


def _record(data: dict[str, Any]) -> str:
    if not data:
        return "(empty)\n"
    keys = [_cell(k) for k in data]
    pad = max(len(k) for k in keys)
    return "".join(f"{k.ljust(pad)}  {_cell(v)}\n" for k, v in zip(keys, data.values()))


def _table(rows: list[Any]) -> str:
    """Rows of objects as aligned columns: the members that are scalars, fitted to the width."""
    if not rows:
        return "(no items)\n"
    if not all(isinstance(r, dict) for r in rows):
        return "".join(_cell(r) + "\n" for r in rows)
    from shutil import get_terminal_size

    columns: list[str] = []
    for row in rows:
        for key, value in row.items():
            if key not in columns and not isinstance(value, (dict, list)):
                columns.append(key)
    total = get_terminal_size((120, 24)).columns
    cells = [[_cell(r.get(c), 40) for c in columns] for r in rows]
    widths = [max(len(_cell(c)), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    keep, used = 0, 0
    while keep < len(columns) and used + widths[keep] <= total:
        used += widths[keep] + 2
        keep += 1
    keep = max(keep, 1)
    lines = ["  ".join(_cell(c).upper().ljust(w) for c, w in zip(columns[:keep], widths))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row[:keep], widths)) for row in cells]
    return "\n".join(line.rstrip() for line in lines) + "\n"
