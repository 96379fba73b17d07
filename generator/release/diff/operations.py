"""Walking two documents' operations: each operation, parameter, request body and response of
one matched with the other's, their schemas compared (schemas.py), every change collected."""

from __future__ import annotations

import re
from typing import Any

from ...errors import escape_pointer_token
from .changes import HTTP_METHODS, Change, _Where
from .normalise import Side
from .schemas import Rel, SchemaDiffer, has_default

_PATH_PARAM = re.compile(r"\{([^}]*)\}")
_OP: _Where = ("", "", "")
_BODY: _Where = ("request body", "", "")
Params = dict[tuple[str, str], tuple[dict[str, Any], str, str]]
Operations = dict[str, tuple[str, dict[str, Any], Any, str]]


class Differ(SchemaDiffer):
    """Every change between the ``old`` and the ``new`` document (``run()``, then ``changes``)."""

    changes: list[Change]

    def run(self) -> None:
        self.changes = []
        old_ops = operations(self.old)
        new_ops = operations(self.new)
        for key, (label, op, _item, _ptr) in old_ops.items():
            if key not in new_ops:
                message = f"operation removed ({_op_id(op)})"
                self.add("operation-removed", label, _OP, label, None, True, message)
        for key, (label, op, item, ptr) in new_ops.items():
            if key not in old_ops:
                message = f"new operation ({_op_id(op)})"
                self.add("operation-added", label, _OP, None, label, False, message)
                continue
            old_label, old_op, old_item, old_ptr = old_ops[key]
            self.operation(label, old_label, (old_op, old_item, old_ptr), (op, item, ptr))

    def operation(
        self,
        label: str,
        old_label: str,
        old: tuple[dict[str, Any], dict[str, Any], str],
        new: tuple[dict[str, Any], dict[str, Any], str],
    ) -> None:
        old_op, old_item, old_ptr = old
        new_op, new_item, new_ptr = new
        if bool(old_op.get("deprecated")) != bool(new_op.get("deprecated")):
            now = bool(new_op.get("deprecated"))
            self.add(
                "operation-deprecated" if now else "operation-undeprecated",
                label,
                _OP,
                not now,
                now,
                False,
                "operation deprecated" if now else "operation no longer deprecated",
            )
        self.parameters(
            label,
            params_of(self.old, old_item, old_op, old_ptr, old_label),
            params_of(self.new, new_item, new_op, new_ptr, label),
        )
        self.request_body(label, old_op, old_ptr, new_op, new_ptr)
        self.responses(label, old_op, old_ptr, new_op, new_ptr)

    # -- parameters -----------------------------------------------------------------------------

    def parameters(self, label: str, old_params: Params, new_params: Params) -> None:
        for key, (_param, _ptr, name) in old_params.items():
            if key not in new_params:
                where = ("parameter", f"{key[0]} {name}", "")
                self.add("parameter-removed", label, where, name, None, True, "parameter removed")
        for key, (param, ptr, name) in new_params.items():
            where = ("parameter", f"{key[0]} {name}", "")
            if key not in old_params:
                self._parameter_added(label, where, param, ptr, name)
            else:
                self._parameter(label, where, old_params[key], (param, ptr, name))

    def _parameter_added(
        self, label: str, where: _Where, param: dict[str, Any], ptr: str, name: str
    ) -> None:
        required = bool(param.get("required"))
        schema = param.get("schema")
        defaulted = schema is not None and has_default(self.new, schema, ptr + "/schema")
        self.add(
            "parameter-added",
            label,
            where,
            None,
            name,
            required and not defaulted,
            f"new {'required' if required else 'optional'} parameter"
            f" ({self.describe(self.new, param.get('schema'), ptr + '/schema')})",
        )

    def _parameter(
        self,
        label: str,
        where: _Where,
        old: tuple[dict[str, Any], str, str],
        new: tuple[dict[str, Any], str, str],
    ) -> None:
        (old_param, old_ptr, old_name), (param, ptr, name) = old, new
        if old_name != name:
            message = f"path parameter renamed from {old_name} (positional; the URL is the same)"
            self.add("parameter-renamed", label, where, old_name, name, False, message)
        was, now = bool(old_param.get("required")), bool(param.get("required"))
        if was != now:
            kind = "parameter-required" if now else "parameter-optional"
            message = "parameter became required" if now else "parameter became optional"
            self.add(kind, label, where, was, now, now, message)
        was_dep, now_dep = bool(old_param.get("deprecated")), bool(param.get("deprecated"))
        if was_dep != now_dep:
            message = "parameter deprecated" if now_dep else "parameter no longer deprecated"
            self.add("deprecated", label, where, was_dep, now_dep, False, message)
        old_schema, new_schema = old_param.get("schema"), param.get("schema")
        if old_schema is None and new_schema is None:
            return
        rels = self.compare(
            old_schema or {}, f"{old_ptr}/schema", new_schema or {}, f"{ptr}/schema", "request"
        )
        self.emit(label, where, rels)

    # -- bodies ---------------------------------------------------------------------------------

    def request_body(
        self, label: str, old_op: dict[str, Any], old_ptr: str, new_op: dict[str, Any], new_ptr: str
    ) -> None:
        old_body, old_body_ptr = _body(self.old, old_op, old_ptr)
        new_body, new_body_ptr = _body(self.new, new_op, new_ptr)
        if old_body is None and new_body is None:
            return
        if new_body is None:
            self.add("request-body-removed", label, _BODY, True, None, True, "removed")
            return
        if old_body is None:
            required = bool(new_body.get("required"))
            kind = "required" if required else "optional"
            message = f"new {kind} request body"
            self.add("request-body-added", label, _BODY, None, kind, required, message)
            return
        was, now = bool(old_body.get("required")), bool(new_body.get("required"))
        if was != now:
            kind = "request-body-required" if now else "request-body-optional"
            self.add(
                kind, label, _BODY, was, now, now, "became required" if now else "became optional"
            )
        self.contents(
            label,
            _BODY,
            (old_body.get("content"), f"{old_body_ptr}/content"),
            (new_body.get("content"), f"{new_body_ptr}/content"),
            "request",
        )

    def contents(
        self, label: str, where: _Where, old: tuple[Any, str], new: tuple[Any, str], direction: str
    ) -> None:
        (old_content, old_ptr), (new_content, new_ptr) = old, new
        old_types = _media_types(old_content)
        new_types = _media_types(new_content)
        for essence in old_types:
            if essence not in new_types:
                at = (where[0], where[1], essence)
                self.add("media-type-removed", label, at, essence, None, True, "media type removed")
        for essence, raw in new_types.items():
            at = (where[0], where[1], essence)
            if essence not in old_types:
                self.add("media-type-added", label, at, None, essence, False, "new media type")
                continue
            old_raw = old_types[essence]
            old_media, new_media = old_content[old_raw], new_content[raw]
            if not isinstance(old_media, dict) or not isinstance(new_media, dict):
                continue
            if old_media.get("schema") is None and new_media.get("schema") is None:
                continue
            rels = self.compare(
                old_media.get("schema") or {},
                f"{old_ptr}/{escape_pointer_token(old_raw)}/schema",
                new_media.get("schema") or {},
                f"{new_ptr}/{escape_pointer_token(raw)}/schema",
                direction,
            )
            self.emit(label, at, rels)

    # -- responses ------------------------------------------------------------------------------

    def responses(
        self, label: str, old_op: dict[str, Any], old_ptr: str, new_op: dict[str, Any], new_ptr: str
    ) -> None:
        old_resp = old_op.get("responses") if isinstance(old_op.get("responses"), dict) else {}
        new_resp = new_op.get("responses") if isinstance(new_op.get("responses"), dict) else {}
        assert isinstance(old_resp, dict) and isinstance(new_resp, dict)
        old_codes = {str(k): k for k in old_resp}
        new_codes = {str(k): k for k in new_resp}
        for old_code, new_code in self._response_pairs(label, old_codes, new_codes):
            old_r, o_ptr, _ = self.old.deref(
                old_resp[old_codes[old_code]],
                f"{old_ptr}/responses/{escape_pointer_token(old_code)}",
            )
            new_r, n_ptr, _ = self.new.deref(
                new_resp[new_codes[new_code]],
                f"{new_ptr}/responses/{escape_pointer_token(new_code)}",
            )
            if not isinstance(old_r, dict) or not isinstance(new_r, dict):
                continue
            code = new_code if old_code == new_code else f"{old_code}→{new_code}"
            self.contents(
                label,
                ("response", code, ""),
                (old_r.get("content"), f"{o_ptr}/content"),
                (new_r.get("content"), f"{n_ptr}/content"),
                "response",
            )

    def _response_pairs(
        self, label: str, old_codes: dict[str, Any], new_codes: dict[str, Any]
    ) -> list[tuple[str, str]]:
        """Report removed and added statuses; the pairs of statuses to compare (the first
        success of each side is paired when its code changed)."""
        new_success = sorted(c for c in new_codes if c.startswith("2"))
        old_success = sorted(c for c in old_codes if c.startswith("2"))
        for code in old_codes:
            if code not in new_codes:
                last = code.startswith("2") and not new_success
                message = "response removed" + (
                    " (the operation has no success response left)" if last else ""
                )
                self.add(
                    "response-removed", label, ("response", code, ""), code, None, last, message
                )
        for code in new_codes:
            if code not in old_codes:
                self.add(
                    "response-added",
                    label,
                    ("response", code, ""),
                    None,
                    code,
                    False,
                    "new response",
                )
        pairs = [(c, c) for c in old_codes if c in new_codes]
        if (
            old_success
            and new_success
            and old_success[0] != new_success[0]
            and old_success[0] not in new_codes
            and new_success[0] not in old_codes
        ):
            pairs.append((old_success[0], new_success[0]))
        return pairs

    # -- recording ------------------------------------------------------------------------------

    def emit(self, operation: str, where: _Where, rels: tuple[Rel, ...]) -> None:
        for r in rels:
            self.add(r.kind, operation, where, r.before, r.after, r.breaking, r.message, r.path)

    def add(
        self,
        kind: str,
        operation: str,
        where: _Where,
        before: Any,
        after: Any,
        breaking: bool,
        message: str,
        field: str = "",
    ) -> None:
        section, part, media_type = where
        self.changes.append(
            Change(
                kind, operation, section, part, media_type, field, before, after, breaking, message
            )
        )


def operations(side: Side) -> Operations:
    """``METHOD /path/{}`` (parameter names masked) -> (label, operation, path item, pointer)."""
    found: Operations = {}
    paths = side.doc.data.get("paths") or {}
    if not isinstance(paths, dict):
        return found
    for path, raw_item in paths.items():
        item_ptr = f"/paths/{escape_pointer_token(path)}"
        item, item_ptr, _ = side.deref(raw_item, item_ptr)
        if not isinstance(item, dict):
            continue
        for verb in HTTP_METHODS:
            op = item.get(verb)
            if isinstance(op, dict):
                key = f"{verb.upper()} {_PATH_PARAM.sub('{}', str(path))}"
                found[key] = (f"{verb.upper()} {path}", op, item, f"{item_ptr}/{verb}")
    return found


def params_of(
    side: Side, item: dict[str, Any], op: dict[str, Any], op_ptr: str, label: str
) -> Params:
    """(in, key) -> (parameter, pointer, display name); operation parameters win."""
    item_ptr = op_ptr.rsplit("/", 1)[0]
    path = label.split(" ", 1)[1]
    positions = {name: i for i, name in enumerate(_PATH_PARAM.findall(path))}
    result: Params = {}
    for params, base in ((item.get("parameters"), item_ptr), (op.get("parameters"), op_ptr)):
        if not isinstance(params, list):
            continue
        for i, raw in enumerate(params):
            param, ptr, _ = side.deref(raw, f"{base}/parameters/{i}")
            if not isinstance(param, dict):
                continue
            where, name = str(param.get("in") or ""), str(param.get("name") or "")
            key = name.lower() if where == "header" else name
            if where == "path" and name in positions:
                key = f"#{positions[name]}"
            result[(where, key)] = (param, ptr, name)
    return result


def _body(side: Side, op: dict[str, Any], op_ptr: str) -> tuple[Any, str]:
    raw = op.get("requestBody")
    if raw is None:
        return None, ""
    body, ptr, _ = side.deref(raw, f"{op_ptr}/requestBody")
    return (body if isinstance(body, dict) else None), ptr


def _op_id(op: dict[str, Any]) -> str:
    return str(op.get("operationId") or "no operationId")


def _media_types(content: Any) -> dict[str, str]:
    """Media type essence (lower case, no parameters) -> the key as written."""
    if not isinstance(content, dict):
        return {}
    return {str(k).split(";", 1)[0].strip().lower(): k for k in content}
