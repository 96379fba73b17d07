"""The `runrl` command line: every operation of the API as ``runrl <group> <command>``.

A generic engine (argparse, from the standard library) over the command table in
``_cli_table.py``. Only the parser of the command asked for is built, and the client (httpx,
pydantic, the models) is imported only when a command runs: ``runrl --help`` stays fast.

Exit codes: 0 success; 1 the API answered with an error (or a polled object failed);
2 usage (a bad command line, an argument refused before sending, missing credentials);
3 the API could not be reached in time; 130 interrupted (Ctrl-C); 141 the output's reader
went away.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from itertools import islice
from typing import IO, Any, Iterable, Iterator, NamedTuple, Optional, Sequence, Tuple, Union

PROG = "runrl"
ENV_API_KEY = "RUNRL_API_KEY"
EXIT_OK, EXIT_API, EXIT_USAGE, EXIT_UNREACHABLE = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
FORMATS = ("table", "json", "jsonl")
# Options of the program itself, written before the command (and after it, when the command's
# own arguments do not use the name): name -> takes a value.
_GLOBAL = {"--api-key": True, "--base-url": True, "--timeout": True, "--max-retries": True}
_GLOBAL["--format"] = True
_C0_C1 = dict.fromkeys([*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)])


class Option(NamedTuple):
    """One argument of a command (see generator/render/commands.py)."""

    name: str
    flag: str
    metavar: str
    kind: str
    choices: Tuple[Union[str, int], ...]
    multiple: bool
    required: bool
    body: bool
    wire: str
    help: str
    default: Optional[str]


class Command(NamedTuple):
    name: str
    method: str
    summary: str
    description: str
    kind: str
    body: str
    deprecated: bool
    options: Tuple[Option, ...]


class Group(NamedTuple):
    name: str
    attr: str
    description: str
    commands: Tuple[Command, ...]


class UsageError(Exception):
    """A command line that cannot be sent (exit code 2)."""


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line (``argv`` defaults to ``sys.argv[1:]``); returns the exit code."""
    from . import _cli_table as table

    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["__complete"]:  # the shell completion scripts ask here (--completion)
        print("\n".join(_complete(table.GROUPS, table.COMMANDS, args_list[1:])))
        return EXIT_OK
    api_key: Optional[str] = None
    try:
        parser, chosen = _parser(table.GROUPS, table.COMMANDS, args_list)
        args = parser.parse_args(args_list)  # exits 2 (usage) or 0 (--help) itself
        if chosen is None or getattr(args, "cli_command", None) is None:
            (chosen[1] if chosen else parser).print_help(sys.stderr)
            return EXIT_USAGE
        group, _, command = chosen
        api_key = args.api_key
        return _run(args, group, command)
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE, api_key)
    except Exception as exc:  # every error becomes a message and an exit code, no traceback
        return _fail(*_classify(exc), api_key)


# ---- the parser ---------------------------------------------------------------------------


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, keeping the paragraphs of a description."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n\n".join(
            super(_Formatter, self)._fill_text(p, width, indent) for p in text.split("\n\n")
        )


def _parser(
    groups: Tuple[Group, ...], commands: Tuple[Command, ...], argv: Sequence[str]
) -> Tuple[argparse.ArgumentParser, Any]:
    """The root parser, and (group, group parser, command) of the command ``argv`` names.

    Only what ``argv`` needs is built: the commands of the group it names (the other groups by
    name and description only), and the options of its command (the others by summary)."""
    root = argparse.ArgumentParser(
        prog=PROG,
        description="RunRL API" + " command line, API " + "2025-10-03" + ".",
        epilog=f"Credentials: --api-key or ${ENV_API_KEY}. Output: a table on a terminal, "
        "JSON otherwise (--format). Exit codes: 0 ok, 1 API error, 2 usage, 3 unreachable.",
        formatter_class=_Formatter,
    )
    root.add_argument("--version", action="version", version=_version())
    root.add_argument(
        "--completion",
        action=_Completion,
        choices=tuple(_COMPLETION),
        help="print the shell completion script (e.g. `source <(%(prog)s --completion bash)`)",
    )
    _add_globals(root, defaults=True)
    words = _words(argv)
    sub = root.add_subparsers(title="commands", metavar="COMMAND", dest="cli_group")
    chosen: Any = None
    for group in groups:
        gp = sub.add_parser(
            group.name, help=_help(_first_line(group.description)), description=group.description
        )
        gp.formatter_class = _Formatter
        if words[:1] != [group.name]:
            continue  # another group: its commands are not needed (a large API has hundreds)
        gsub = gp.add_subparsers(title="commands", metavar="COMMAND", dest="cli_command")
        for command in group.commands:
            wanted = words[:2] == [group.name, command.name]
            cp = _command_parser(gsub, command, full=wanted)
            if wanted:
                chosen = (group, cp, command)
        if chosen is None:
            chosen = (group, gp, None)
    for command in commands:
        wanted = words[:1] == [command.name]
        cp = _command_parser(sub, command, full=wanted)
        if wanted:
            chosen = (None, cp, command)
            cp.set_defaults(cli_command=command.name)
    return root, chosen


def _words(argv: Sequence[str]) -> list[str]:
    """The words of ``argv`` that name the group and the command (options skipped)."""
    out: list[str] = []
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word == "--":
            break
        elif word.startswith("-"):
            skip = _GLOBAL.get(word, False)
        else:
            out.append(word)
            if len(out) == 2:
                break
    return out


def _add_globals(
    parser: argparse.ArgumentParser, *, defaults: bool, taken: frozenset[str] = frozenset()
) -> None:
    """The program's own options; on a command (``defaults=False``) they default to nothing, so
    a value given before the command is kept."""
    if "--api-key" not in taken:
        parser.add_argument(
            "--api-key",
            dest="api_key",
            default=None if defaults else argparse.SUPPRESS,
            metavar="KEY",
            help=f"API key (default: ${ENV_API_KEY}); never printed",
        )
    if "--base-url" not in taken:
        parser.add_argument(
            "--base-url",
            dest="base_url",
            default=None if defaults else argparse.SUPPRESS,
            metavar="URL",
            help="the API's base URL",
        )
    if "--timeout" not in taken:
        parser.add_argument(
            "--timeout",
            dest="timeout",
            type=_positive_float,
            default=None if defaults else argparse.SUPPRESS,
            metavar="SECONDS",
            help="timeout of each request",
        )
    if "--max-retries" not in taken:
        parser.add_argument(
            "--max-retries",
            dest="max_retries",
            type=int,
            default=None if defaults else argparse.SUPPRESS,
            metavar="N",
            help="retries of a failed request (0: none)",
        )
    if "--format" not in taken:
        parser.add_argument(
            "--format",
            dest="format",
            choices=FORMATS,
            default=None if defaults else argparse.SUPPRESS,
            help="output: table (default on a terminal), json (default otherwise), jsonl",
        )


def _command_parser(sub: Any, command: Command, *, full: bool) -> argparse.ArgumentParser:
    summary = ("[deprecated] " if command.deprecated else "") + _first_line(command.summary)
    description = "\n\n".join(t for t in (command.summary, command.description) if t)
    cp: argparse.ArgumentParser = sub.add_parser(
        command.name,
        help=_help(summary),
        description=_description(description),
        formatter_class=_Formatter,
    )
    if not full:
        return cp
    taken = frozenset(o.flag for o in command.options if o.flag)
    for option in command.options:
        _add_option(cp, option)
    if command.body == "fields" and "--json" not in taken:
        cp.add_argument(
            "--json",
            dest="cli_json",
            type=_json_value,
            metavar="JSON",
            help="the request body's fields as a JSON object (@FILE reads a file, - stdin); "
            "options given as well win",
        )
    if command.kind == "page":
        if "--all" not in taken:
            cp.add_argument("--all", dest="cli_all", action="store_true", help="every page")
        if "--limit" not in taken:
            cp.add_argument(
                "--limit",
                dest="cli_limit",
                type=_positive_int,
                metavar="N",
                help="at most N items (fetching more pages as needed)",
            )
    if command.kind == "future" and "--wait" not in taken:
        cp.add_argument(
            "--wait",
            dest="cli_wait",
            action="store_true",
            help="wait until it is done (progress on stderr), then print the final object",
        )
    if command.kind == "bytes" and "--output" not in taken:
        cp.add_argument(
            "--output",
            "-o",
            dest="cli_output",
            metavar="PATH",
            help="write the content to PATH (default: stdout)",
        )
    _add_globals(cp, defaults=False, taken=taken)
    cp.set_defaults(cli_command=command.name)
    return cp


def _add_option(parser: argparse.ArgumentParser, option: Option) -> None:
    extra = []
    if option.required and option.flag:
        extra.append("required")
    if option.default is not None:
        extra.append(f"default: {option.default}")
    if option.kind == "json":
        extra.append("JSON, @FILE or - for stdin")
    if option.kind == "file":
        extra.append("a path, - for stdin")
    if option.multiple:
        extra.append("repeatable")
    text = _first_line(option.help, limit=300)
    text = (text + " (" + "; ".join(extra) + ")" if extra else text).strip()
    kwargs: dict[str, Any] = {"help": _help(text)}
    if option.kind == "bool":
        kwargs["action"] = argparse.BooleanOptionalAction
    else:
        kwargs["type"] = _CONVERTERS[option.kind]
        kwargs["metavar"] = option.metavar
        if option.kind == "choice":
            kwargs["choices"] = [str(c) for c in option.choices]
            if len(option.choices) <= 12:
                kwargs["metavar"] = "{" + ",".join(str(c) for c in option.choices) + "}"
            else:  # a long enum: named in the help of this option only, not in every usage line
                shown = ", ".join(str(c) for c in option.choices[:12])
                kwargs["help"] += _help(f" (one of {len(option.choices)}: {shown}, ...)")
        if option.multiple:
            kwargs["action"] = "append" if option.flag else "store"
    if not option.flag:
        if option.multiple:
            kwargs["nargs"] = "+"
            kwargs.pop("action", None)
        parser.add_argument("p:" + option.name, **kwargs)
        return
    parser.add_argument(option.flag, dest="p:" + option.name, default=argparse.SUPPRESS, **kwargs)


def _help(text: str) -> str:
    return text.replace("%", "%%")


def _description(text: str) -> str:
    return text.replace("%", "%%") if "%(" in text else text


def _first_line(text: str, limit: int = 120) -> str:
    line = text.split("\n\n", 1)[0].strip()
    return line if len(line) <= limit else line[: limit - 3].rstrip() + "..."


def _version() -> str:
    from ._version import API_VERSION, __version__

    return f"{PROG} {__version__} (runrl, API {API_VERSION})"


# ---- shell completion --------------------------------------------------------------------


_COMPLETION = {
    "bash": (
        "_{fn}() {{\n"
        "    local IFS=$'\\n'\n"
        '    COMPREPLY=($({prog} __complete "${{COMP_WORDS[@]:1:COMP_CWORD}}" 2>/dev/null))\n'
        "}}\n"
        "complete -o default -F _{fn} {prog}\n"
    ),
    "zsh": (
        "#compdef {prog}\n"
        "_{fn}() {{\n"
        "    local -a found\n"
        '    found=("${{(@f)$({prog} __complete "${{(@)words[2,CURRENT]}}" 2>/dev/null)}}")\n'
        "    compadd -a found\n"
        "}}\n"
        "compdef _{fn} {prog}\n"
    ),
    "fish": (
        "complete -c {prog} -f -a "
        "'({prog} __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'\n"
    ),
}


class _Completion(argparse.Action):
    def __call__(self, parser: Any, namespace: Any, values: Any, option: Any = None) -> None:
        fn = "".join(ch if ch.isalnum() else "_" for ch in PROG)
        sys.stdout.write(_COMPLETION[str(values)].format(prog=PROG, fn=fn))
        parser.exit()


def _complete(
    groups: Tuple[Group, ...], commands: Tuple[Command, ...], words: list[str]
) -> list[str]:
    """Candidates for the last of ``words`` (what is typed so far, the program name left out)."""
    *before, current = words or [""]
    named = [w for w in before if not w.startswith("-")]
    flags = ["--help", *_GLOBAL]
    command: Optional[Command] = None
    if not named:
        found = [g.name for g in groups] + [c.name for c in commands] + flags + ["--version"]
    else:
        group = next((g for g in groups if g.name == named[0]), None)
        if group is not None and len(named) == 1:
            found = [c.name for c in group.commands] + ["--help"]
        else:
            pool = group.commands if group is not None else commands
            wanted = named[1] if group is not None else named[0]
            command = next((c for c in pool if c.name == wanted), None)
            found = []
    if command is not None:
        last = before[-1] if before else ""
        option = next((o for o in command.options if o.flag and o.flag == last), None)
        if option is not None and option.kind == "choice":
            return [str(c) for c in option.choices if str(c).startswith(current)]
        if last == "--format":
            return [f for f in FORMATS if f.startswith(current)]
        found = [o.flag for o in command.options if o.flag] + flags
        if command.kind == "page":
            found += ["--all", "--limit"]
        if command.body == "fields":
            found.append("--json")
        if command.kind == "future":
            found.append("--wait")
    return [w for w in found if w.startswith(current)]


# ---- values -------------------------------------------------------------------------------


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer: {text!r}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number: {text!r}")
    return value


def _read_text(text: str) -> str:
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        try:
            with open(text[1:], encoding="utf-8") as f:
                return f.read()
        except OSError as exc:
            raise argparse.ArgumentTypeError(f"cannot read {text[1:]!r}: {exc.strerror}") from None
    return text


def _json_value(text: str) -> Any:
    """JSON (``@FILE``: a file's, ``-``: stdin's); a bare word that is not JSON is a string."""
    source = _read_text(text)
    try:
        return json.loads(source)
    except ValueError:
        if source is text and not text.lstrip().startswith(("{", "[", '"')):
            return text
        raise argparse.ArgumentTypeError("not valid JSON") from None


def _file_value(text: str) -> Any:
    from pathlib import Path

    if text == "-":
        return sys.stdin.buffer.read()
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"no such file: {text!r}")
    return path


def _bool_value(text: str) -> bool:
    return text.lower() in ("1", "true", "yes", "on")


_CONVERTERS: dict[str, Any] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": _bool_value,
    "choice": str,
    "json": _json_value,
    "file": _file_value,
}


def _arguments(args: argparse.Namespace, command: Command) -> dict[str, Any]:
    """The method's keyword arguments: the options given, then ``--json``'s fields under them."""
    given = vars(args)
    kwargs: dict[str, Any] = {}
    for option in command.options:
        if "p:" + option.name not in given:
            continue
        value = given["p:" + option.name]
        if option.kind == "choice":
            lookup = {str(c): c for c in option.choices}
            value = [lookup[v] for v in value] if isinstance(value, list) else lookup[value]
        kwargs[option.name] = value
    body = given.get("cli_json")
    if body is not None:
        if not isinstance(body, dict):
            raise UsageError("--json: expected a JSON object of the request body's fields")
        fields = {o.wire: o.name for o in command.options if o.body}
        names = {o.name for o in command.options if o.body}
        extra: dict[str, Any] = {}
        for key, value in body.items():
            name = fields.get(key, key if key in names else None)
            if name is None:
                extra[key] = value
            elif name not in kwargs:
                kwargs[name] = value
        if extra:
            kwargs["extra_body"] = extra
    missing = [o.flag or o.metavar for o in command.options if o.required and o.name not in kwargs]
    if missing:
        raise UsageError("missing required arguments: " + ", ".join(missing))
    return kwargs


# ---- running a command --------------------------------------------------------------------


def _run(args: argparse.Namespace, group: Optional[Group], command: Command) -> int:
    kwargs = _arguments(args, command)
    out = sys.stdout
    fmt = args.format or ("table" if out.isatty() else "json")
    from ._client import RunRLClient

    options: dict[str, Any] = {}
    if args.api_key is not None:
        options["api_key"] = args.api_key
    if args.base_url is not None:
        options["base_url"] = args.base_url
    if args.timeout is not None:
        options["timeout"] = args.timeout
    if args.max_retries is not None:
        options["max_retries"] = args.max_retries
    with RunRLClient(**options) as client:
        target = getattr(client, group.attr) if group is not None else client
        method = getattr(target, command.method)
        if command.kind == "follow":
            final = method(**kwargs, file=out)
            _emit(final, fmt, out)
            return EXIT_OK
        result = method(**kwargs)
        if command.kind == "page":
            limit = getattr(args, "cli_limit", None)
            walk = getattr(args, "cli_all", False) or limit is not None
            items: Iterable[Any] = iter(result) if walk else result.items
            _emit_list(islice(items, limit), fmt, out)
        elif command.kind == "stream":
            _emit_stream(result, fmt, out)
        elif command.kind == "future":
            if getattr(args, "cli_wait", False):
                from contextlib import redirect_stdout

                with redirect_stdout(sys.stderr):  # the progress display, on stderr
                    final = result.result(progress=sys.stderr.isatty())
                _emit(final, fmt, out)
            else:
                _emit(result.initial, fmt, out)
        elif command.kind == "bytes":
            _write_bytes(result, getattr(args, "cli_output", None), out)
        elif command.kind != "none":
            _emit(result, fmt, out)
    return EXIT_OK


def _classify(exc: Exception) -> Tuple[str, int]:
    from ._exceptions import APIConnectionError, APIStatusError, RunRLException
    from ._exceptions import TimeoutError as WaitTimeout

    if isinstance(exc, (APIConnectionError, WaitTimeout)):
        return str(exc), EXIT_UNREACHABLE
    if isinstance(exc, APIStatusError):
        sent = getattr(exc, "response", None) is not None
        return str(exc), EXIT_API if sent else EXIT_USAGE
    if isinstance(exc, RunRLException):
        return str(exc), EXIT_API
    if isinstance(exc, (TypeError, ValueError)):
        return f"invalid arguments: {exc}", EXIT_USAGE
    return f"{type(exc).__name__}: {exc}", EXIT_API


def _fail(message: str, code: int, api_key: Optional[str]) -> int:
    for secret in (api_key, os.environ.get(ENV_API_KEY)):
        if secret and len(secret) >= 4:
            message = message.replace(secret, "***")
    print(f"{PROG}: error: {_terminal(message)}", file=sys.stderr)
    return code


# ---- output -------------------------------------------------------------------------------


def _data(value: Any) -> Any:
    """JSON-able data of a result (models as their wire names)."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=False)
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


def _terminal(text: str) -> str:
    """Text from the API or the spec, safe on a terminal (no escape sequences)."""
    return text.translate(_C0_C1)


def _emit(value: Any, fmt: str, out: IO[str]) -> None:
    data = _data(value)
    if isinstance(data, list):
        _emit_list(iter(data), fmt, out)
    elif fmt == "table" and isinstance(data, dict):
        out.write(_record(data))
    elif fmt == "table":  # text as it is (its lines kept), without control characters
        text = data if isinstance(data, str) else _cell(data)
        out.write(_terminal(text) + ("" if text.endswith("\n") else "\n"))
    else:
        out.write(_dumps(data, indent=2 if fmt == "json" and out.isatty() else None) + "\n")
    out.flush()


def _emit_list(items: Iterator[Any], fmt: str, out: IO[str]) -> None:
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


def _emit_stream(events: Iterable[Any], fmt: str, out: IO[str]) -> None:
    """One line per event as it arrives: its data (JSON as it is, text as a JSON string)."""
    for event in events:
        data = getattr(event, "data", event)
        if not isinstance(data, str):
            data = _dumps(_data(data))
        if fmt == "table":
            line = _terminal(data)
        else:
            try:
                line = _dumps(json.loads(data))
            except ValueError:
                line = _dumps(data)
        out.write(line + "\n")
        out.flush()


def _write_bytes(content: Any, path: Optional[str], out: IO[str]) -> None:
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
    text = " ".join(_terminal(text).split())
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
