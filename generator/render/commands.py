"""The command line of a generated package, as data: one command per method of ``ir.Api``.

``command_table(api)`` turns the IR into a ``CommandTable`` (groups = namespaces, commands =
methods, options = arguments typed from the parameters and body fields). The templates in
templates/cli/ render it as the package's ``_cli_table.py`` (plain data, imported by the
generic engine ``_cli.py`` without the client). Spec text (help, enum values, defaults) stays
``SpecText``/``SpecValue`` here; the template writes it through ``cli_text``/``pyrepr``.

Where an argument's CLI type comes from: ``option_kind()`` (the argument's ``ir.types`` tree).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .. import ir
from ..ir.types import (
    FILE_INPUT,
    DictOf,
    ListOf,
    LiteralOf,
    Model,
    Named,
    OptionalOf,
    Scalar,
    Type,
    UnionOf,
)
from ..spectext import SpecText, SpecValue, raw

# Options the engine adds to every command (or every command of a kind); a parameter keeps
# its own flag and the engine's option then exists only before the command name.
ENGINE_FLAGS = frozenset(
    {"--format", "--all", "--limit", "--wait", "--output", "--json", "--help", "--api-key"}
    | {"--base-url", "--timeout", "--max-retries", "--version"}
)
_RESERVED = frozenset({"--help"})
_SCALARS = {"int": "int", "float": "float", "bool": "bool", "str": "str"}


@dataclass(frozen=True)
class Option:
    """One argument of a command: a positional or a ``--flag``."""

    name: str  # the method's Python argument
    flag: str  # "--file-id"; "" for a positional
    metavar: str  # "FILE_ID"
    # "str" | "int" | "float" | "bool" | "choice" | "file" | "text" | "json" (a bare word is
    # a string) | "json-object" | "json-array" | "json-number" | "json-value" (JSON only)
    kind: str
    choices: tuple[SpecValue, ...]  # kind "choice": the enum values (str or int)
    multiple: bool  # a list: the option is repeated (a positional takes several values)
    required: bool
    body: bool  # a request-body field (``--json`` may carry it too)
    wire: SpecText  # its name on the wire (body fields: the key in ``--json``)
    help: SpecText
    default: SpecText | None  # the spec default as JSON text, for the help only


@dataclass(frozen=True)
class Command:
    name: str  # "stream-logs"
    method: str  # the Python method ("stream_logs")
    summary: SpecText
    description: SpecText
    kind: str  # "value" | "none" | "bytes" | "stream" | "page" | "future" | "follow"
    body: str  # "" | "fields" (``--json`` holds body fields) | "whole" (``--json`` is the body)
    deprecated: bool
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Group:
    name: str  # "shared-configurations"
    attr: str  # the attributes from the client to it ("shared_configurations", "org.projects")
    description: SpecText
    commands: tuple[Command, ...]


@dataclass(frozen=True)
class CommandTable:
    prog: str  # the console script's name
    groups: tuple[Group, ...]
    commands: tuple[Command, ...]  # methods on the client itself: top-level commands

    def every(self) -> list[Command]:
        return [*self.commands, *(c for g in self.groups for c in g.commands)]


def command_table(api: ir.Api) -> CommandTable:
    """A group per namespace that has commands (a nested one is reached through its parents:
    ``attr`` is its dotted path; a parent with no methods of its own is no group)."""
    groups = tuple(
        Group(_kebab(ns.name), ns.access, ns.description, commands)
        for ns in api.namespaces
        if (commands := _commands(ns.methods))
    )
    taken = {g.name for g in groups}
    top = tuple(c for c in _commands(api.client_methods) if c.name not in taken)
    return CommandTable(prog=api.package.cli or api.package.name, groups=groups, commands=top)


def examples(table: CommandTable, api: ir.Api) -> list[str]:
    """Command lines for the package README: help, then a list, one object, a wait, a stream
    (those the API has), placeholders for the required arguments. Identifiers only."""
    lines = [f"{table.prog} --help"]
    docs = api.docs
    chosen = [
        (docs.page, " --all --format jsonl"),
        (docs.get or docs.one, ""),
        (docs.poll, " --wait"),
        (docs.stream, ""),
    ]
    seen: set[str] = set()
    for method, extra in chosen:
        if method is None:
            continue
        line = _example(table, method)
        if line is not None and line not in seen:
            seen.add(line)
            lines.append(line + extra)
    return lines


def _example(table: CommandTable, method: ir.Method) -> str | None:
    group = next((g for g in table.groups if g.name == _kebab(method.namespace)), None)
    commands = group.commands if group is not None else table.commands
    command = next((c for c in commands if c.method == method.name), None)
    if command is None:
        return None
    words = [table.prog] + ([group.name] if group is not None else []) + [command.name]
    for option in command.options:
        if option.required:
            words += [option.metavar] if not option.flag else [option.flag, option.metavar]
    return " ".join(words)


def _commands(methods: tuple[ir.Method, ...]) -> tuple[Command, ...]:
    out: list[Command] = []
    names: set[str] = set()
    for method in methods:
        for command in _method_commands(method):
            if command.name not in names:  # two names for one kebab form: the first wins
                names.add(command.name)
                out.append(command)
    return tuple(out)


def _method_commands(method: ir.Method) -> list[Command]:
    params = [p for p in method.params if p.location != "cookie"]
    whole = any(p.is_whole_body for p in params)
    fields = any(p.location in ("body", "form", "file") and not p.is_whole_body for p in params)
    body = "whole" if whole else "fields" if fields and method.body_type == "json" else ""
    command = Command(
        name=_kebab(method.name),
        method=method.name,
        summary=method.summary,
        description=method.description,
        kind=_kind(method),
        body=body,
        deprecated=method.deprecated,
        options=_options(params, whole_body_flag=whole),
    )
    found = [command]
    if method.follow is not None:
        path = [p for p in params if p.location == "path"]
        found.append(
            Command(
                name=_kebab(method.follow.method),
                method=method.follow.method,
                summary=SpecText("Print the events as they arrive until the object is done."),
                description=method.summary,
                kind="follow",
                body="",
                deprecated=method.deprecated,
                options=_options(path, whole_body_flag=False),
            )
        )
    return found


def _kind(method: ir.Method) -> str:
    if method.polling is not None:
        return "future"
    return method.returns.kind


def _options(params: list[ir.Param], *, whole_body_flag: bool) -> tuple[Option, ...]:
    out: list[Option] = []
    flags: set[str] = set()
    for param in params:
        kind, choices, multiple = option_kind(param)
        positional = param.positional and param.required and not multiple and kind != "bool"
        flag = "" if positional else "--" + _kebab(param.name)
        if param.is_whole_body and param.raw == "text":  # text/plain...: the text, @FILE, -
            kind, choices, multiple = "text", (), False
        elif param.is_whole_body and whole_body_flag and kind != "file":  # binary: a path
            flag = "--json" if "--json" not in flags else "--body"
            kind, multiple = "json", False
        if flag in _RESERVED:  # argparse's own (--help): the argument gets another name
            flag += "-value"
        if flag and flag in flags:  # two arguments with one kebab form (a_b, a-b): keep the first
            continue
        flags.add(flag)
        default = None
        shown = param.default.value if param.default is not None else None
        if shown is None:
            shown = param.server_default  # sent only when given; the server's default
        if shown is not None:
            default = SpecText(json.dumps(raw(shown), ensure_ascii=False))
        out.append(
            Option(
                name=param.name,
                flag=flag,
                metavar="TEXT" if kind == "text" else (param.name.strip("_") or param.name).upper(),
                kind=kind,
                choices=choices,
                multiple=multiple,
                required=param.required,
                body=param.location in ("body", "form") and not param.is_whole_body,
                wire=param.wire_name,
                help=param.description,
                default=default,
            )
        )
    return tuple(out)


def option_kind(param: ir.Param) -> tuple[str, tuple[SpecValue, ...], bool]:
    """What a command-line value of this argument is: (kind, enum values, repeated)."""
    if param.location == "file":
        return "file", (), False
    constraints = param.constraints.value
    enum = constraints.get("enum") if isinstance(constraints, dict) else None
    plain = _plain(param.type)
    kind, choices = _value_kind(plain)
    if isinstance(plain, ListOf):
        # each value one item, the option repeated (`--labels bug --labels ui`); a JSON item
        # (an object, or a string or an object: GitHub's labels) is one JSON value or a bare
        # word (a string) each time, and one JSON array alone is the whole list
        item = _plain(plain.item)
        item_kind, item_choices = _value_kind(item)
        return _json_kind(item_kind, item), item_choices, True
    if enum and kind in ("str", "int") and not choices:
        choices = tuple(SpecValue(v) for v in enum)
        kind = "choice"
    if kind == "choice" and not all(_printable(c.value) for c in choices):
        kind, choices = "str", ()
    return _json_kind(kind, plain), choices, False


def _json_kind(kind: str, plain: Type) -> str:
    """``json`` when a bare word may stand for a string (``--label bug``), else what the JSON
    must be: ``json-object``, ``json-array``, ``json-number``, ``json-value``; there a bare
    word is a usage error naming the option and what it takes, not a string the server (or
    the model) refuses later, or worse accepts."""
    if kind != "json" or _takes_words(plain):
        return kind
    members = plain.flat() if isinstance(plain, UnionOf) else (plain,)
    if all(isinstance(m, (Model, DictOf)) for m in members):  # a free-form class or a dict
        return "json-object"
    if isinstance(plain, ListOf):
        return "json-array"
    if all(isinstance(m, Scalar) and m.python in ("int", "float") for m in members):
        return "json-number"
    return "json-value"


def _takes_words(kind: Type) -> bool:
    """A string is one of the type's values (or may be: ``Any``, a class of another module)."""
    kind = _plain(kind)
    if isinstance(kind, UnionOf):
        return any(_takes_words(m) for m in kind.flat())
    if isinstance(kind, Scalar):
        return kind.python == "str"
    if isinstance(kind, LiteralOf):
        return any(isinstance(v, str) for v in raw(kind.values))
    return not isinstance(kind, (Model, DictOf, ListOf))


def _value_kind(kind: Type) -> tuple[str, tuple[SpecValue, ...]]:
    if isinstance(kind, Scalar):
        return _SCALARS.get(kind.python, "file" if kind.python == "bytes" else "str"), ()
    if isinstance(kind, LiteralOf):
        return "choice", tuple(SpecValue(v) for v in raw(kind.values))
    if isinstance(kind, UnionOf):
        members = [_plain(m) for m in kind.flat()]
        literals = [m for m in members if isinstance(m, LiteralOf)]
        if literals and all(isinstance(m, (LiteralOf, Model)) for m in members):
            return "choice", tuple(SpecValue(v) for lit in literals for v in raw(lit.values))
        kinds = {_value_kind(m)[0] for m in members}
        return (kinds.pop(), ()) if len(kinds) == 1 and "json" not in kinds else ("json", ())
    if kind == FILE_INPUT:
        return "file", ()
    if isinstance(kind, Named) and kind.name in ("datetime", "date", "UUID"):
        return "str", ()
    if isinstance(kind, (Model, DictOf, ListOf, Named)):
        return "json", ()
    return "json", ()


def _plain(kind: Type) -> Type:
    while isinstance(kind, OptionalOf):
        kind = kind.inner
    if isinstance(kind, UnionOf):
        # None is "not given" on the command line (an option left out); so is NOT_GIVEN, except
        # beside None (a nullable field of a JSON body: a JSON value, `null` clears it)
        names = {m.name for m in kind.flat() if isinstance(m, Named)}
        gone = {"None"} if "None" in names else {"NotGiven"}
        members = tuple(m for m in kind.flat() if not (isinstance(m, Named) and m.name in gone))
        if len(members) == 1:
            return _plain(members[0])
        if len(members) != len(kind.flat()):
            return UnionOf(members)
    return kind


def _printable(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return False
    text = str(value)
    return bool(text) and all(ord(ch) >= 32 and not 0x7F <= ord(ch) <= 0x9F for ch in text)


def _kebab(name: str) -> str:
    return name.strip("_").replace("_", "-") or name
