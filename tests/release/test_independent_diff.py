"""`python -m generator diff` against an independent tool, api-smart-diff (npm, pinned 1.0.6).

On the two historical pairs in shared/corpus/diff-pairs/ both tools run; their changes are matched
item by item and our breaking/compatible verdict must agree with the tool's wherever both have an
opinion, except for the disagreements documented below (each one a difference of *rules*, with
the reason). The tool's `annotation`/`unclassified` items are no opinion.

Which tool, and why not `openapi-diff` (Atlassian, npm, 0.24.1), tried first: it rejects OpenAPI
3.1 ("Swagger Parser only supports versions 3.0.0 ... 3.0.3"), so it cannot read our own specs; on
the openai pair it was still running after 19 minutes (12 CPU-minutes, killed) and on the GitHub
pair it printed nothing in 120 s (its json-schema-diff explodes on large schemas). api-smart-diff
reads 3.0 and 3.1, runs offline from node_modules, and classifies every change.

Matching: an item is keyed by (operation with path parameters masked, where: parameter / request
body / response + status + media type, field path, aspect: presence, required, field, type,
nullable, enum, default, format, constraint, variant, media-type, operation). The tool reports a
change inside a `$ref`'d schema under `paths/...` only where it can follow it; changes it reports
only under `components/` cannot be tied to an operation and a direction, so they are not compared
(nor are its `x-oaiMeta` and other annotation items).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from generator.read.load import load_spec
from generator.read.refs import Resolver
from generator.release.diff import HTTP_METHODS, Change, diff_documents
from tests.versions import released

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT.parent / "shared" / "corpus" / "diff-pairs"
SCRIPT = Path(__file__).with_name("api_smart_diff.cjs")
TOOL = ROOT / "node_modules" / "api-smart-diff" / "package.json"

# Disagreements of rules, by (where, aspect, our verdict, the tool's verdict): why we differ.
# "where" is parameter / request / response. A disagreement not listed here fails the test.
DOCUMENTED: dict[tuple[str, str, str, str], str] = {
    ("response", "nullable", "breaking", "compatible"): (
        "a response field that may now be null: the tool calls it non-breaking; a deployed "
        "client's model types the field without None and rejects the response (our models "
        "validate responses), so breaking"
    ),
    ("request", "nullable", "compatible", "breaking"): (
        "a request field that may now be null: the tool calls it breaking (its nullable rule "
        "is the reverse of ours); sending what was valid before is still valid, so compatible"
    ),
    ("request", "nullable", "breaking", "compatible"): (
        "a request field that may no longer be null: the tool calls it non-breaking; a client "
        "that sends null (the generated argument allows None) is now rejected, so breaking"
    ),
    ("response", "type", "breaking", "compatible"): (
        "a response field's type replaced (string -> integer|null): the tool calls a type "
        "replacement in a response non-breaking; a deployed client's model rejects the new "
        "type, so breaking"
    ),
    ("response", "field", "breaking", "compatible"): (
        "a response field removed: the tool calls it non-breaking (readers should ignore "
        "absence); the issue's rule and our models (a required field, or user code reading "
        "the attribute) make it breaking"
    ),
    ("response", "enum", "compatible", "breaking"): (
        "an enum value added to a response: the tool calls it breaking (closed enums); our "
        "response enums are open (an unknown value parses), so compatible"
    ),
    ("response", "presence", "compatible", "breaking"): (
        "an error response status (403, 418) removed: the tool calls it breaking; a client "
        "handles an undocumented error status like any other error of its class and the "
        "operation keeps a success response, so compatible"
    ),
    ("request", "default", "compatible", "breaking"): (
        "a request field's default removed or changed: the tool calls it breaking; the "
        "generated client always sends a parameter's default, so a deployed client keeps its "
        "behaviour; compatible unless the spec marks it x-sdk-breaking-default"
    ),
    ("parameter", "default", "compatible", "breaking"): (
        "a query parameter's default changed: as for request fields, compatible unless marked"
    ),
    ("parameter", "type", "breaking", "compatible"): (
        "a query parameter's type replaced (integer -> string): the tool calls it non-breaking "
        "(the wire form of a query value is text either way); the generated argument's type "
        "changes and user code passing an int fails type checks / validation, so breaking"
    ),
}


# -- running both tools --------------------------------------------------------------------------


def run_tool(old: Path, new: Path, tmp: Path) -> list[dict[str, Any]]:
    """api-smart-diff's changes (YAML converted to JSON with our loader first)."""
    node = shutil.which("node")
    assert node, "node is not on PATH"
    assert TOOL.exists(), "node_modules/api-smart-diff missing: run `make node` (npm ci)"
    paths = []
    for label, spec in (("old", old), ("new", new)):
        target = tmp / f"{label}.json"
        target.write_text(json.dumps(load_spec(spec).data))
        paths.append(str(target))
    proc = subprocess.run(
        [node, "--max-old-space-size=4096", str(SCRIPT), *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: list[dict[str, Any]] = json.loads(proc.stdout)
    return result


_PARAM = re.compile(r"\{[^}]*\}")
_VARIANT = re.compile(r"\((as [^)]*|(oneOf|anyOf)\[\d+\])\)")
_CONSTRAINTS = {
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "pattern",
    "multipleOf",
}
_ASPECT_OF_KIND = {
    "parameter-added": "presence",
    "parameter-removed": "presence",
    "parameter-required": "required",
    "parameter-optional": "required",
    "request-body-added": "presence",
    "request-body-removed": "presence",
    "request-body-required": "required",
    "request-body-optional": "required",
    "response-added": "presence",
    "response-removed": "presence",
    "media-type-added": "media-type",
    "media-type-removed": "media-type",
    "request-field-added": "field",
    "request-field-removed": "field",
    "response-field-added": "field",
    "response-field-removed": "field",
    "request-field-required": "required",
    "request-field-optional": "required",
    "response-field-required": "required",
    "response-field-optional": "required",
    "nullable-added": "nullable",
    "nullable-removed": "nullable",
    "type-changed": "type",
    "type-widened": "type",
    "type-narrowed": "type",
    "format-changed": "format",
    "enum-value-added": "enum",
    "enum-value-removed": "enum",
    "enum-added": "enum",
    "enum-removed": "enum",
    "default-added": "default",
    "default-removed": "default",
    "default-changed": "default",
    "constraint-changed": "constraint",
    "variant-added": "variant",
    "variant-removed": "variant",
    "operation-added": "operation",
    "operation-removed": "operation",
}

Key = tuple[str, str, str, str]  # (operation, where, field, aspect)


def mask(operation: str) -> str:
    return _PARAM.sub("{}", operation)


def our_key(change: Change) -> Key | None:
    aspect = _ASPECT_OF_KIND.get(change.kind)
    if aspect is None:
        return None
    if change.section == "parameter":
        where = f"parameter {change.part}"
    elif change.section == "response":
        where = f"response {change.part} {change.media_type}".strip()
    elif change.section == "request body":
        where = f"request {change.media_type}".strip()
    else:
        where = ""
    if aspect == "presence" and change.section == "request body":
        where = "request"
    field = _VARIANT.sub("", change.field)
    return (mask(change.operation), where, field, aspect)


def _schema_tail(segments: list[Any], item: dict[str, Any]) -> tuple[str, str] | None:
    """(field path, aspect) of a tool path inside a schema."""
    field = ""
    i = 0
    while i < len(segments):
        seg = segments[i]
        rest = len(segments) - i - 1
        if seg == "properties" and rest >= 1:
            name = str(segments[i + 1])
            field = f"{field}.{name}" if field else name
            if rest == 1:
                return field, "field"
            i += 2
        elif seg == "items":
            field += "[]"
            i += 1
        elif seg == "additionalProperties" and rest >= 1:
            field += "{*}"
            i += 1
        elif seg in ("oneOf", "anyOf") and rest == 1:
            return field, "variant"
        elif seg in ("oneOf", "anyOf", "allOf") and rest >= 1:
            i += 2
        elif seg == "required":
            member = item.get("after") if item["action"] == "add" else item.get("before")
            if not isinstance(member, str):
                return None
            return (f"{field}.{member}" if field else member), "required"
        elif seg == "enum":
            return field, "enum"
        elif seg in ("nullable", "type", "default", "format"):
            return (field, seg) if rest == 0 else None
        elif seg in _CONSTRAINTS:
            return field, "constraint"
        else:
            return None
    return None


def tool_key(item: dict[str, Any], old: dict[str, Any], new: dict[str, Any]) -> Key | None:
    path = item["path"]
    if len(path) < 3 or path[0] != "paths" or path[2] not in HTTP_METHODS:
        return None
    operation = mask(f"{str(path[2]).upper()} {path[1]}")
    rest = list(path[3:])
    if not rest:
        return (operation, "", "", "operation")
    head = rest[0]
    if head == "parameters" and len(rest) >= 2:
        doc = new if item["action"] == "add" else old
        params = doc["paths"][path[1]][path[2]].get("parameters") or []
        if not isinstance(rest[1], int) or rest[1] >= len(params):
            return None
        param, _ = Resolver(doc).deref(params[rest[1]], "")
        where = f"parameter {param.get('in')} {param.get('name')}"
        tail = rest[2:]
        if not tail:
            return (operation, where, "", "presence")
        if tail == ["required"]:
            return (operation, where, "", "required")
        if tail[0] == "schema":
            found = _schema_tail(tail[1:], item)
            return (operation, where, *found) if found else None
        return None
    if head == "requestBody":
        tail = rest[1:]
        if not tail:
            return (operation, "request", "", "presence")
        if tail == ["required"]:
            return (operation, "request", "", "required")
        if tail[0] == "content" and len(tail) >= 2:
            where = f"request {tail[1]}"
            if len(tail) == 2:
                return (operation, where, "", "media-type")
            if tail[2] == "schema":
                found = _schema_tail(tail[3:], item)
                return (operation, where, *found) if found else None
        return None
    if head == "responses" and len(rest) >= 2:
        code, tail = str(rest[1]), rest[2:]
        if not tail:
            return (operation, f"response {code}", "", "presence")
        if tail[0] == "content" and len(tail) >= 2:
            where = f"response {code} {tail[1]}"
            if len(tail) == 2:
                return (operation, where, "", "media-type")
            if tail[2] == "schema":
                found = _schema_tail(tail[3:], item)
                return (operation, where, *found) if found else None
    return None


def direction(key: Key) -> str:
    return key[1].split(" ", 1)[0] if key[1] else "operation"


def compare(pair: str, tmp: Path) -> dict[str, Any]:
    """Both tools on one corpus pair: matched items, agreements, disagreements by category."""
    folder = PAIRS / pair
    old_path, new_path = sorted(folder.glob("old.*"))[0], sorted(folder.glob("new.*"))[0]
    old_doc, new_doc = load_spec(old_path), load_spec(new_path)
    ours_raw = diff_documents(old_doc, new_doc).layer("wire")
    tool_raw = run_tool(old_path, new_path, tmp)

    ours: dict[Key, bool] = {}
    for change in ours_raw:
        key = our_key(change)
        if key is not None:
            ours[key] = ours.get(key, False) or change.breaking
    tool: dict[Key, bool] = {}
    unplaced = 0
    for item in tool_raw:
        if item["type"] not in ("breaking", "non-breaking"):
            continue
        key = tool_key(item, old_doc.data, new_doc.data)
        if key is None:
            unplaced += 1
            continue
        tool[key] = tool.get(key, False) or item["type"] == "breaking"

    both = sorted(set(ours) & set(tool))
    disagreements: dict[tuple[str, str, str, str], list[Key]] = defaultdict(list)
    for key in both:
        if ours[key] != tool[key]:
            category = (
                direction(key),
                key[3],
                "breaking" if ours[key] else "compatible",
                "breaking" if tool[key] else "compatible",
            )
            disagreements[category].append(key)
    ops_ours: dict[str, bool] = {}
    ops_tool: dict[str, bool] = {}
    for key, verdict in ours.items():
        ops_ours[key[0]] = ops_ours.get(key[0], False) or verdict
    for key, verdict in tool.items():
        ops_tool[key[0]] = ops_tool.get(key[0], False) or verdict
    ops_both = set(ops_ours) & set(ops_tool)
    return {
        "ours": ours,
        "tool": tool,
        "both": both,
        "agree": sum(ours[k] == tool[k] for k in both),
        "disagreements": dict(disagreements),
        "tool_counts": Counter(i["type"] for i in tool_raw),
        "tool_unplaced": unplaced,
        "our_breaking": any(c.breaking for c in ours_raw),
        "tool_breaking": any(i["type"] == "breaking" for i in tool_raw),
        "ops_both": len(ops_both),
        "ops_agree": sum(ops_ours[o] == ops_tool[o] for o in ops_both),
    }


def summary(pair: str, result: dict[str, Any]) -> str:
    lines = [
        f"{pair}: ours {len(result['ours'])} items, tool {len(result['tool'])} placed items "
        f"({result['tool_unplaced']} classified items it reports only under components/ or "
        f"elsewhere), both {len(result['both'])}, agree {result['agree']}; operations with an "
        f"opinion from both {result['ops_both']}, same verdict {result['ops_agree']}"
    ]
    for category, keys in sorted(result["disagreements"].items()):
        lines.append(f"  {len(keys):4d} x {category}: e.g. {keys[0]}")
    only_ours = sorted(set(result["ours"]) - set(result["tool"]))
    only_tool = sorted(set(result["tool"]) - set(result["ours"]))
    lines.append(f"  only ours: {len(only_ours)}, e.g. {only_ours[:3]}")
    lines.append(f"  only the tool: {len(only_tool)}, e.g. {only_tool[:3]}")
    return "\n".join(lines)


@pytest.mark.node
@pytest.mark.slow
@pytest.mark.skipif(not PAIRS.is_dir(), reason="shared/corpus/diff-pairs not beside the checkout")
@pytest.mark.parametrize("pair", ["openai-2023-12", "github-2020-06-to-07"])
def test_verdicts_agree_with_api_smart_diff(pair: str, tmp_path: Path) -> None:
    result = compare(pair, tmp_path)
    print(summary(pair, result))
    # Both call the pair as a whole breaking.
    assert result["our_breaking"] and result["tool_breaking"]
    # Not vacuous: items are judged by both tools, and where the rules are the same, so are the
    # verdicts (every disagreement below is a documented difference of rules).
    assert result["agree"] >= 10, summary(pair, result)
    undocumented = {c: k for c, k in result["disagreements"].items() if c not in DOCUMENTED}
    assert not undocumented, "undocumented disagreements:\n" + "\n".join(
        f"{c}: {k[:3]}" for c, k in undocumented.items()
    )


@pytest.mark.node
@pytest.mark.skipif(
    not {"2025-10-03", "2025-10-11"} <= set(released()), reason="the LoRA pair is not released"
)
def test_tool_agrees_on_the_lora_pair(tmp_path: Path) -> None:
    """Our own specs (OpenAPI 3.1), released and frozen (released.toml): both tools call
    2025-10-03 -> 2025-10-11 compatible."""
    tool = run_tool(ROOT / "spec" / "2025-10-03.yaml", ROOT / "spec" / "2025-10-11.yaml", tmp_path)
    assert {i["type"] for i in tool} <= {"non-breaking", "annotation"}
    added = {i["path"][-1] for i in tool if i["path"][0] == "paths" and i["action"] == "add"}
    assert added == {"use_lora", "lora_rank", "lora_alpha", "lora_dropout"}
