"""The `runrl` command line: every operation of the API as ``runrl <group> <command>``.

A generic engine (argparse, from the standard library) over the command table in
``_cli_table.py``: this module runs a command, ``_cli_parser.py`` builds the parser (and answers
shell completion), ``_cli_output.py`` prints results. Only the parser of the command asked for is built, and the client (httpx,
pydantic, the models) is imported only when a command runs: ``runrl --help`` stays fast.

Exit codes: 0 success; 1 the API answered with an error (or a polled object failed);
2 usage (a bad command line, an argument refused before sending, missing credentials);
3 the API could not be reached in time, or what ``--wait-timeout`` waits for did not end by
then; 130 interrupted (Ctrl-C); 141 the output's reader
went away.
"""

from __future__ import annotations

import argparse
import os
import sys
from itertools import islice
from typing import Any, Iterable, NamedTuple, Optional, Sequence, Tuple, Union

PROG = "runrl"
EXIT_OK, EXIT_API, EXIT_USAGE, EXIT_UNREACHABLE = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
FORMATS = ("table", "json", "jsonl")


class Credential(NamedTuple):
    """A credential argument of the client (from the API's security schemes) and its options:
    ``flag`` (its value, ``-``: stdin) and ``flag-file`` (the first line of a file)."""

    flag: str
    argument: str  # the client's keyword argument
    env: str  # the environment variable the client reads when the option is not given
    what: str  # "API key", "token", "password", ... (help, prompt, messages)
    scheme: str  # the security scheme it feeds ("": the API key's)


# What the client's constructor takes, as the API's security schemes declare (no option for an
# argument no scheme reads).
CREDENTIALS: Tuple[Credential, ...] = (
    Credential(
        "--api-key",
        "api_key",
        "RUNRL_API_KEY",
        "API key",
        "",
    ),
)


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
    if "httpx" not in sys.modules:
        # httpx imports its own command line (click, rich, pygments: ~35 ms) whenever they are
        # installed; this process never runs it, so httpx falls back to its stub.
        sys.modules["httpx._main"] = None  # type: ignore[assignment]
    from . import _cli_table as table
    from ._cli_parser import build_parser, complete

    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["__complete"]:  # the shell completion scripts ask here (--completion)
        print("\n".join(complete(table.GROUPS, table.COMMANDS, args_list[1:])))
        return EXIT_OK
    secrets: dict[str, str] = {}
    try:
        parser, chosen = build_parser(table.GROUPS, table.COMMANDS, args_list)
        args = parser.parse_args(args_list)  # exits 2 (usage) or 0 (--help) itself
        if chosen is None or getattr(args, "cli_command", None) is None:
            (chosen[1] if chosen else parser).print_help(sys.stderr)
            return EXIT_USAGE
        group, _, command = chosen
        for credential in CREDENTIALS:
            value = _credential(args, credential)
            if value is not None:
                secrets[credential.argument] = value
        return _run(args, group, command, secrets)
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE, secrets)
    except Exception as exc:  # every error becomes a message and an exit code, no traceback
        return _fail(*_classify(exc), secrets)


def _credential(args: argparse.Namespace, credential: Credential) -> Optional[str]:
    """The value of ``--api-key`` (``-``: from stdin) or ``--api-key-file``, or of another
    credential's options; ``None``: the client's own (the environment). A secret on the command
    line is visible to other users in ``ps``, so the environment, a file or stdin are the safe
    ways; the value is never shown, not even in an error about reading it."""
    flag = credential.flag
    value: Optional[str] = getattr(args, "credential:" + credential.argument, None)
    path: Optional[str] = getattr(args, "credential-file:" + credential.argument, None)
    if value is not None and path is not None:
        raise UsageError(f"{flag} and {flag}-file: give one of them")
    if path is not None:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.readline(_MAX_KEY)
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            raise UsageError(f"{flag}-file: cannot read {path!r}: {reason}") from None
        return _key_from(text, f"{flag}-file: the first line of the file is empty")
    if value != "-":
        return value
    if sys.stdin.isatty():
        from getpass import getpass

        text = getpass(f"{credential.what}: ")  # on the terminal, without echo
    else:
        text = sys.stdin.readline(_MAX_KEY)
    noun = "key" if credential.what == "API key" else credential.what
    return _key_from(text, f"{flag} -: no {noun} on stdin (stdin can feed only one option)")


_MAX_KEY = 65536  # bytes of a key file or stdin line read at most


def _key_from(text: str, empty: str) -> str:
    key = text.strip()
    if not key:
        raise UsageError(empty)
    return key


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
        elif option.kind.startswith("json") and option.multiple and isinstance(value, list):
            if len(value) == 1 and isinstance(value[0], list):
                value = value[0]  # one JSON array: the whole list, as before
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


def _run(
    args: argparse.Namespace, group: Optional[Group], command: Command, secrets: dict[str, str]
) -> int:
    kwargs = _arguments(args, command)
    out = sys.stdout
    fmt = args.format or ("table" if out.isatty() else "json")
    from ._cli_output import emit, emit_list, emit_stream, write_bytes
    from ._client import RunRLClient

    options: dict[str, Any] = dict(secrets)  # the client's credential arguments
    if args.base_url is not None:
        options["base_url"] = args.base_url
    if args.timeout is not None:
        options["timeout"] = args.timeout
    if args.max_retries is not None:
        options["max_retries"] = args.max_retries
    with RunRLClient(**options) as client:
        target: Any = client
        for attribute in group.attr.split(".") if group is not None else ():
            target = getattr(target, attribute)
        method = getattr(target, command.method)
        wait_timeout = getattr(args, "cli_wait_timeout", None)
        if command.kind == "follow":
            final = method(**kwargs, file=out, timeout=wait_timeout)
            emit(final, fmt, out)
            return EXIT_OK
        result = method(**kwargs)
        if command.kind == "page":
            limit = getattr(args, "cli_limit", None)
            walk = getattr(args, "cli_all", False) or limit is not None
            items: Iterable[Any] = iter(result) if walk else result.items
            emit_list(islice(items, limit), fmt, out)
        elif command.kind == "stream":
            emit_stream(result.events(), fmt, out)
        elif command.kind == "future":
            if getattr(args, "cli_wait", False) or wait_timeout is not None:
                from contextlib import redirect_stdout

                with redirect_stdout(sys.stderr):  # the progress display, on stderr
                    final = result.result(wait_timeout, progress=sys.stderr.isatty())
                emit(final, fmt, out)
            else:
                emit(result.initial, fmt, out)
        elif command.kind == "bytes":
            write_bytes(result, getattr(args, "cli_output", None), out)
        elif command.kind != "none":
            emit(result, fmt, out)
    return EXIT_OK


def _classify(exc: Exception) -> Tuple[str, int]:
    from ._exceptions import APIConnectionError, APIStatusError, RunRLException
    from ._exceptions import TimeoutError as WaitTimeout

    if isinstance(exc, (APIConnectionError, WaitTimeout)):
        return str(exc), EXIT_UNREACHABLE
    if isinstance(exc, APIStatusError):
        if getattr(exc, "response", None) is not None:
            return str(exc), EXIT_API
        # refused before sending (missing credentials): say it in this program's words
        message = str(exc)
        for credential in CREDENTIALS:
            message = message.replace(
                f"{credential.argument}=...", f"{credential.flag} {_metavar(credential)}"
            )
        return message, EXIT_USAGE
    if isinstance(exc, RunRLException):
        return str(exc), EXIT_API
    if isinstance(exc, (TypeError, ValueError)):
        return f"invalid arguments: {exc}", EXIT_USAGE
    return f"{type(exc).__name__}: {exc}", EXIT_API


def _metavar(credential: Credential) -> str:
    """``KEY``, ``TOKEN``, ``PASSWORD``, ``CLIENT_SECRET``, ...: the value of a credential option."""
    return "KEY" if credential.what == "API key" else credential.what.upper().replace(" ", "_")


def _fail(message: str, code: int, secrets: dict[str, str]) -> int:
    given = list(secrets.values()) + [os.environ.get(c.env) for c in CREDENTIALS]
    for secret in given:
        if secret and len(secret) >= 4:
            message = message.replace(secret, "***")
    from ._cli_output import terminal

    print(f"{PROG}: error: {terminal(message)}", file=sys.stderr)
    return code
