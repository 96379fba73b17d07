"""The issue-17 table of ``make bench``: one row per target, from the measurements of one run.

Each row: what is measured, ours, the baseline, the ratio (or difference) the target is about,
the target, and whether this run met it. The detailed table above it in RESULTS.md has the
spread and the side numbers (CPU time, quartiles, the peers).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def paired(ours: list[float], base: list[float]) -> float:
    """Median of per-round ratios: each round measures both, so the machine's drifts cancel."""
    return median([a / b for a, b in zip(ours, base, strict=False) if b])


@dataclass
class Row:
    target: str
    what: str
    ours: str
    baseline: str
    ratio: str
    goal: str
    met: bool | None

    def cells(self) -> list[str]:
        mark = {True: "met", False: "**missed**", None: "not measured"}[self.met]
        return [self.target, self.what, self.ours, self.baseline, self.ratio, self.goal, mark]


def _rate(value: float) -> str:
    return f"{value:,.0f}/s"


def fan_out_rows(srv: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    conc = srv.get("concurrency", {})
    if not conc or "error" in conc:
        why = conc.get("error", "not run") if conc else "not run"
        return [Row("1", "fan-out", f"failed: {why}", "", "", "", None)]
    sdk, raw, seq = conc["sdk"], conc["raw"], conc["sdk one at a time"]
    vs_seq = paired(sdk["rate"], seq["rate"])
    vs_raw = paired(sdk["rate"], raw["rate"])
    errors = sdk["errors"] + seq["errors"]
    rows.append(
        Row(
            "1",
            f"1,000 concurrent async GETs on one client vs the same client one at a time "
            f"(errors: {errors})",
            _rate(median(sdk["rate"])),
            _rate(median(seq["rate"])),
            f"{vs_seq:.2f}×",
            "≥ 1.00×, 0 errors",
            vs_seq >= 1.0 and errors == 0,
        )
    )
    rows.append(
        Row(
            "1",
            "1,000 concurrent async GETs vs raw `httpx.AsyncClient`, same pool limits "
            f"(raw errors: {raw['errors']})",
            _rate(median(sdk["rate"])),
            _rate(median(raw["rate"])),
            f"{vs_raw:.2f}×",
            "≥ 2.00×",
            vs_raw >= 2.0 and sdk["errors"] == 0,
        )
    )
    big = conc.get("big")
    if big:
        after = big["rss_after_kib"]
        growth = (after[-1] - after[0]) / 1024
        held = (max(big["peak_kib"], after[0]) - big["rss_before_kib"]) / 1024
        rows.append(
            Row(
                "1",
                f"10,000 concurrent async GETs, {len(after)} rounds: errors; resident memory "
                f"after the first round → after the last (peak while 10,000 are pending: "
                f"+{held:.0f} MiB over before, ~{held * 1024 / 10:.0f} B per pending call)",
                f"{big['errors']} errors; {after[0] / 1024:.0f} → {after[-1] / 1024:.0f} MiB",
                "",
                f"+{growth:.1f} MiB",
                "0 errors, flat (< +5 MiB)",
                big["errors"] == 0 and growth < 5,
            )
        )
    threads = srv.get("threads", {})
    if threads and "error" not in threads:
        ratio = paired(threads["sdk"]["rate"], threads["raw"]["rate"])
        rows.append(
            Row(
                "1",
                f"sync client from 32 threads vs raw `httpx.Client` from 32 threads (errors: ours "
                f"{threads['sdk']['errors']}, raw {threads['raw']['errors']}"
                + (
                    f", raw's first: `{threads['raw']['first_error']}`"
                    if threads["raw"].get("first_error")
                    else ""
                )
                + ")"
                + _cpu_per_call(threads),
                _rate(median(threads["sdk"]["rate"])),
                _rate(median(threads["raw"]["rate"])),
                f"{ratio:.2f}×",
                "≥ 1.00×",
                ratio >= 1.0 and threads["sdk"]["errors"] == 0,
            )
        )
    return rows


def _cpu_per_call(threads: dict[str, Any]) -> str:
    """The client process's CPU time per call, ours vs raw (medians), when measured."""
    if not (threads["sdk"].get("cpu_us") and threads["raw"].get("cpu_us")):
        return ""
    ours, raw = median(threads["sdk"]["cpu_us"]), median(threads["raw"]["cpu_us"])
    return f"; the client's CPU per call: ours {ours:.0f} µs, raw {raw:.0f} µs"


def per_call_rows(srv: dict[str, Any]) -> list[Row]:
    calls = srv.get("calls", {})
    if "error" in calls:
        return [Row("2", "per call", f"failed: {calls['error']}", "", "", "", None)]
    rows = []
    for case, times in calls.items():
        ratio = paired(times["sdk"], times["raw"])
        rows.append(
            Row(
                "2",
                f"{case}: µs per call vs raw httpx + the same validation (median of per-round "
                f"ratios)",
                f"{median(times['sdk']):,.0f} µs",
                f"{median(times['raw']):,.0f} µs",
                f"{ratio:.2f}×",
                "≤ 1.00×",
                ratio <= 1.0,
            )
        )
    return rows


def large_api_rows(gen: dict[str, Any], srv: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    first = srv.get("first_call", {})
    if not first or "error" in first:
        why = first.get("error", "no corpus document generated") if first else "not run"
        rows.append(Row("3", "large API: import + client + first call", why, "", "", "", None))
    else:
        ours, floor = median(first["ours"]["cpu"]), median(first["floor"]["cpu"])
        rows.append(
            Row(
                "3",
                f"largest corpus document ({first['call']}): `import` + construct a client + the "
                f"first call, CPU ms, fresh processes (wall {median(first['ours']['wall']):,.0f} "
                f"vs {median(first['floor']['wall']):,.0f} ms)",
                f"{ours:,.0f} ms",
                f"`import httpx, pydantic` + a GET {floor:,.0f} ms",
                f"+{ours - floor:,.0f} ms",
                "≤ floor + 150 ms",
                ours - floor <= 150,
            )
        )
    large = gen.get("large")
    if large and large["ours"].ok:
        ours_s = median(large["ours"].wall)
        doc = large["doc"].name
        if large["opc"].ok:
            opc_s = median(large["opc"].wall)
            rows.append(
                Row(
                    "3",
                    f"`{doc}`: generation wall vs openapi-python-client",
                    f"{ours_s:.1f} s",
                    f"{opc_s:.1f} s",
                    f"{ours_s / opc_s:.2f}×",
                    "≤ 0.35×",
                    ours_s / opc_s <= 0.35,
                )
            )
        if large["dcg"].ok:
            dcg_s = median(large["dcg"].wall)
            rows.append(
                Row(
                    "3",
                    f"`{doc}`: generation wall vs datamodel-code-generator alone on its schemas",
                    f"{ours_s:.1f} s",
                    f"{dcg_s:.1f} s",
                    f"{ours_s / dcg_s:.2f}×",
                    "≤ 1.20×",
                    ours_s / dcg_s <= 1.2,
                )
            )
    return rows


def incremental_rows(gen: dict[str, Any]) -> list[Row]:
    inc = gen.get("incremental", {})
    if not inc or "error" in inc:
        why = inc.get("error", "not run") if inc else "not run"
        return [Row("4", "`make generate` with nothing changed", why, "", "", "", None)]
    seconds = inc["median"]
    return [
        Row(
            "4",
            f"`make generate` with nothing changed ({inc['versions']} API versions; median of "
            f"{len(inc['wall'])})",
            f"{seconds:.2f} s",
            "",
            "",
            "≤ 1 s",
            seconds <= 1.0,
        ),
        Row(
            "4",
            "one API version changed: versions regenerated",
            f"{inc.get('regenerated', '?')} of {inc['versions']} "
            f"({inc.get('one_changed', 0.0):.2f} s)",
            "",
            "",
            "only the changed one",
            inc.get("regenerated") == 1,
        ),
    ]


def keep_rows(imp: dict[str, Any], srv: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    if "ours import" in imp and "floor" in imp:
        ours, floor = median(imp["ours import"]["cpu"]), median(imp["floor"]["cpu"])
        rows.append(
            Row(
                "5",
                "`import runrl`, CPU ms, fresh processes",
                f"{ours:.1f} ms",
                f"`import httpx, pydantic` {floor:.1f} ms",
                f"{ours - floor:+.1f} ms",
                "≤ floor + 30 ms",
                ours - floor <= 30,
            )
        )
    sse = srv.get("sse", {})
    labels = {
        "": "typed events (LogEvent) vs raw httpx + httpx-sse + the same validation",
        "_untyped": "`.events()` vs raw httpx + httpx-sse",
    }
    for case, rates in ({} if "error" in sse else sse).items():
        for suffix, label in labels.items():
            if f"sdk{suffix}" not in rates:
                continue
            ratio = paired(rates[f"sdk{suffix}"], rates[f"raw{suffix}"])
            rows.append(
                Row(
                    "5",
                    f"SSE {case}, {label}: events/s (median of per-round ratios)",
                    _rate(median(rates[f"sdk{suffix}"])),
                    _rate(median(rates[f"raw{suffix}"])),
                    f"{ratio:.2f}×",
                    "≥ 0.90×",
                    ratio >= 0.9,
                )
            )
    mem = srv.get("sse_memory", {})
    if mem and "error" not in mem:
        samples = {int(k): v for k, v in mem["rss_kib"].items()}
        keys = sorted(samples)
        start = samples[keys[1] if len(keys) > 1 else keys[0]]
        growth = (samples[keys[-1]] - start) / 1024
        rows.append(
            Row(
                "5",
                f"SSE {mem['events']:,} events: resident memory from 10 % of the stream to its end",
                f"{samples[keys[-1]] / 1024:.1f} MiB",
                f"{start / 1024:.1f} MiB",
                f"{growth:+.1f} MiB",
                "flat (< +5 MiB)",
                growth < 5,
            )
        )
    up = srv.get("upload", {})
    if up and "error" not in up:
        before = max(up["rss_before_kib"], up["peak_before_kib"])
        growth = (up["peak_after_kib"] - before) / 1024
        rows.append(
            Row(
                "5",
                f"upload of {up['server_received'] >> 20:,} MiB from disk: peak resident memory",
                f"{up['peak_after_kib'] / 1024:.1f} MiB",
                f"{before / 1024:.1f} MiB before",
                f"{max(growth, 0):+.1f} MiB",
                "flat (< +50 MiB)",
                growth < 50,
            )
        )
    return rows


def cli_rows(imp: dict[str, Any]) -> list[Row]:
    """Issue 19: the command line starts fast (fresh processes, wall ms over `python -c pass`)."""
    rows: list[Row] = []
    if "empty" not in imp:
        return rows
    empty = median(imp["empty"]["process"])
    for name, what in (
        ("cli help", "`runrl --help`"),
        ("cli command help", "`runrl runs create --help`"),
        ("cli first command", "`runrl health` up to its request (a closed port)"),
        ("cli namespace list", "`runrl files list` up to its request (a closed port)"),
        ("cli namespace get", "`runrl runs get 1` up to its request (a closed port)"),
    ):
        if name not in imp:
            continue
        process = median(imp[name]["process"])
        connect = imp[name].get("connect") or []
        # "Up to its request": from the process's start to its first connection attempt; the
        # whole process (the error message and the interpreter's shutdown after the request
        # included) and the CPU of the code are side numbers.
        ours = median(connect) if connect else process
        side = f"whole process {process:.0f} ms, " if connect else ""
        rows.append(
            Row(
                "19",
                f"{what}, wall ms, fresh processes ({side}"
                f"CPU after the interpreter's start {median(imp[name]['cpu']):.0f} ms)",
                f"{ours:.0f} ms",
                f"`python -c pass` {empty:.0f} ms",
                f"+{ours - empty:.0f} ms",
                "≤ +150 ms",
                ours - empty <= 150,
            )
        )
    return rows


def issue17_table(
    gen: dict[str, Any], imp: dict[str, Any], srv: dict[str, Any]
) -> tuple[str, list[str]]:
    """The markdown table, and the targets this run missed."""
    rows = (
        fan_out_rows(srv)
        + per_call_rows(srv)
        + large_api_rows(gen, srv)
        + incremental_rows(gen)
        + keep_rows(imp, srv)
        + cli_rows(imp)
    )
    head = ["target", "measurement", "ours", "baseline", "ratio / Δ", "target", "this run"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    missed = [f"{row.target}: {row.what.split(' (')[0]}" for row in rows if row.met is False]
    return "\n".join(lines), missed
