"""The parser of the `runrl` command line, built from the command table (only what the
command line asks for), the shell completion it answers, and the converters of its values."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any, Optional, Sequence, Tuple

from ._cli import CREDENTIALS, FORMATS, PROG, Command, Credential, Group, Option, _metavar

# Options of the program itself, written before the command (and after it, when the command's
# own arguments do not use the name): name -> takes a value.
_GLOBAL = {c.flag: True for c in CREDENTIALS}
_GLOBAL.update({"--base-url": True, "--timeout": True, "--max-retries": True})
_GLOBAL.update({c.flag + "-file": True for c in CREDENTIALS})
_GLOBAL["--format"] = True


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose refusals do not show a secret: argparse quotes the words it
    cannot place, and the value of a mistyped or unknown option (``--api-key KEY`` where the API
    takes ``--access-token``) is such a word."""

    hidden: frozenset[str] = frozenset()  # the words of the command line not to show

    def error(self, message: str) -> Any:
        for word in sorted(self.hidden, key=len, reverse=True):
            message = message.replace(word, "***")
        return super().error(message)


_SECRET_FLAG = ("key", "token", "secret", "password", "credential", "auth")


def _hidden(argv: Sequence[str]) -> frozenset[str]:
    """The values given to options whose names say they hold a secret (known or not)."""
    pairs = list(zip(["", *argv], argv))  # (the word before, the word)
    pairs += [(w.split("=", 1)[0], w.split("=", 1)[1]) for w in argv if "=" in w]
    found = [
        value
        for flag, value in pairs
        if flag.startswith("--") and any(w in flag.lower() for w in _SECRET_FLAG)
    ]
    return frozenset(w for w in found if len(w) >= 4 and w != "-")


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, keeping the paragraphs of a description and the lines of one
    (each a list item or a heading: the generator's ``cli_text``), each wrapped by itself; a
    list item's next lines hang under its text."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap  # only help output pays the import

        paragraphs = []
        for paragraph in text.split("\n\n"):
            lines = []
            for line in paragraph.split("\n"):
                item = _LIST_ITEM.match(line)
                hang = indent + " " * (len(item.group(0)) if item else 0)
                lines.append(
                    textwrap.fill(
                        " ".join(line.split()), width, initial_indent=indent, subsequent_indent=hang
                    )
                )
            paragraphs.append("\n".join(lines))
        return "\n\n".join(paragraphs)


_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")


def build_parser(
    groups: Tuple[Group, ...], commands: Tuple[Command, ...], argv: Sequence[str]
) -> Tuple[argparse.ArgumentParser, Any]:
    """The root parser, and (group, group parser, command) of the command ``argv`` names.

    Only what ``argv`` needs is built: the commands of the group it names (the other groups by
    name and description only), and the options of its command (the others by summary)."""
    _Parser.hidden = _hidden(argv)
    root = _Parser(
        prog=PROG,
        description="RunRL API" + " command line, API " + "2025-10-03" + ".",
        epilog=_credentials_help() + "Output: a table on a terminal, "
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
    for credential in CREDENTIALS:
        _add_credential(parser, credential, defaults=defaults, taken=taken)
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


def _credentials_help() -> str:
    """The epilog's sentence on credentials (none when the API declares no scheme the client
    applies)."""
    if not CREDENTIALS:
        return ""
    envs = ", ".join("$" + c.env for c in CREDENTIALS)
    first = CREDENTIALS[0]
    each = " (each)" if len(CREDENTIALS) > 1 else ""
    noun = "secret" if len(CREDENTIALS) > 1 else "key" if first.what == "API key" else first.what
    return (  # names made by the generator: no "%" for argparse to format
        f"Credentials: {envs} (preferred), {first.flag}-file PATH or {first.flag} - (stdin)"
        f"{each}; a {noun} written on the command line is visible to every user of the "
        "machine (ps). "
    )


def _add_credential(
    parser: argparse.ArgumentParser,
    credential: Credential,
    *,
    defaults: bool,
    taken: frozenset[str],
) -> None:
    """``--<argument>`` and ``--<argument>-file`` of one credential argument of the client."""
    flag, what = credential.flag, credential.what
    noun = "key" if what == "API key" else what
    of = f" of the `{credential.scheme}` scheme" if credential.scheme else ""
    if flag not in taken:
        parser.add_argument(
            flag,
            dest="credential:" + credential.argument,
            default=None if defaults else argparse.SUPPRESS,
            metavar=_metavar(credential),
            help=_help(
                f"{what[:1].upper()}{what[1:]}{of} (default: ${credential.env}, preferred); - reads it from stdin (a "
                f"prompt without echo on a terminal); never printed. A {noun} written here is "
                "visible to other users in `ps`"
            ),
        )
    if flag + "-file" not in taken:
        parser.add_argument(
            flag + "-file",
            dest="credential-file:" + credential.argument,
            default=None if defaults else argparse.SUPPRESS,
            metavar="PATH",
            help=_help(f"read the {what}{of} from the first line of this file"),
        )


def _limit_flag(taken: frozenset[str]) -> str:
    """The option for "at most N items" of a list command: ``--limit``, or ``--max-items`` when
    the operation has a ``limit`` parameter of its own (a page size), "" if both are taken."""
    return next((flag for flag in ("--limit", "--max-items") if flag not in taken), "")


def _command_parser(sub: Any, command: Command, *, full: bool) -> argparse.ArgumentParser:
    summary = ("[deprecated] " if command.deprecated else "") + _first_line(command.summary)
    description = "\n\n".join(dict.fromkeys(t for t in (command.summary, command.description) if t))
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
        limit = _limit_flag(taken)
        if limit:
            cp.add_argument(
                limit,
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
    if command.kind in ("future", "follow") and "--wait-timeout" not in taken:
        cp.add_argument(
            "--wait-timeout",
            dest="cli_wait_timeout",
            type=_positive_float,
            metavar="SECONDS",
            help="wait at most SECONDS for it to end (exit 3 then; it keeps running)"
            + ("; implies --wait" if command.kind == "future" else ""),
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
    if option.kind.startswith("json"):
        extra.append("JSON, @FILE or - for stdin")
    if option.kind == "file":
        extra.append("a path, - for stdin")
    if option.kind == "text":
        extra.append("the text, @FILE or - for stdin")
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


def complete(
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
            found += ["--all", _limit_flag(frozenset(o.flag for o in command.options if o.flag))]
        if command.body == "fields":
            found.append("--json")
        if command.kind == "future":
            found.append("--wait")
        if command.kind in ("future", "follow"):
            found.append("--wait-timeout")
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
    """The text itself; ``@FILE``: a file's (UTF-8); ``-``: stdin's."""
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        try:
            with open(text[1:], encoding="utf-8") as f:
                return f.read()
        except OSError as exc:
            raise argparse.ArgumentTypeError(f"cannot read {text[1:]!r}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise argparse.ArgumentTypeError(f"cannot read {text[1:]!r}: not UTF-8 text") from None
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


def _json_only(what: str) -> Any:
    """JSON (``@FILE``, ``-``) of a type no string is a value of: a bare word is refused, named
    by argparse with the option (``argument --items: takes a JSON object...``)."""

    def convert(text: str) -> Any:
        source = _read_text(text)
        try:
            return json.loads(source)
        except ValueError:
            shown = source if len(source) <= 40 else source[:37] + "..."
            raise argparse.ArgumentTypeError(
                f"takes {what} (JSON, @FILE or - for stdin), not {shown!r}"
            ) from None

    convert.__name__ = "JSON"
    return convert


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
    "json-object": _json_only('a JSON object, e.g. \'{"key": "value"}\''),
    "json-array": _json_only("a JSON array, e.g. '[1, 2]'"),
    "json-number": _json_only("a number"),
    "json-value": _json_only("a JSON value (a string in quotes: '\"word\"')"),
    "file": _file_value,
    "text": _read_text,
}
