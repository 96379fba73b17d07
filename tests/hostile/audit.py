"""Generation under ``sys.addaudithook``: every file opened and every network use, recorded.

``run_audited(cases)`` starts one child process (so the hook, which cannot be removed, dies with
it) that runs ``python -m generator generate`` (``cli.main``) once per case and reports, per
case, the exit code, stderr and the events: ``open`` (path, mode), the ``socket.*`` events that
reach the network, ``urllib.Request`` and ``http.client.connect``. ``forbidden()`` says which
of them a generation may not do.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import contextlib, io, json, sys
events = []
NETWORK = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
           "socket.sendto", "socket.sendmsg", "urllib.Request", "http.client.connect",
           "ftplib.connect", "smtplib.connect", "socket.bind")

def hook(event, args):
    if event == "open":
        events.append(["open", str(args[0]), str(args[1])])
    elif event in ("tempfile.mkdtemp", "tempfile.mkstemp"):
        events.append([event, str(args[0])])
    elif event in NETWORK:
        events.append([event, repr(args)[:300]])

sys.addaudithook(hook)
from generator.cli import main
results = []
for argv in json.loads(sys.argv[1]):
    events.clear()
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(argv)
        except BaseException as exc:  # a traceback the CLI let through
            code = f"raised {type(exc).__name__}: {exc}"
    results.append({"code": code, "stderr": err.getvalue(), "events": list(events)})
sys.__stdout__.write(json.dumps(results))
"""


@dataclass
class Audited:
    code: int | str
    stderr: str
    events: list[list[str]]

    def opened(self) -> set[Path]:
        return {Path(os.path.realpath(e[1])) for e in self.events if e[0] == "open"}


def run_audited(cases: list[list[str]], cache: Path) -> list[Audited]:
    """``python -m generator`` with each argument list in ``cases``, in one audited child."""
    env = {**os.environ, "GENERATOR_CACHE_DIR": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(cases)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return [Audited(**r) for r in json.loads(proc.stdout)]


def _inside(path: Path, directory: Path) -> bool:
    return path == directory or directory in path.parents


def allowed_roots(out: Path, cache: Path) -> list[Path]:
    """What any generation may open: Python and its installed packages, the generator's own
    code and templates, the output (and the staging directory beside it), the cache."""
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.realpath(sys.prefix)}
    roots |= {os.path.realpath(p) for p in sys.path if p and "site-packages" in p}
    paths = [Path(os.path.realpath(r)) for r in roots]
    paths += [ROOT / "generator", ROOT / "templates", out.parent, cache]
    return [Path(os.path.realpath(p)) for p in paths]


TMP = Path(os.path.realpath(tempfile.gettempdir()))
# Jinja's bytecode cache of the generator's templates (render/environment.py).
JINJA_CACHE = Path(os.path.realpath(tempfile.gettempdir())) / f"_jinja2-cache-{os.getuid()}"
# Files any Python process may read (the interpreter's own configuration).
SYSTEM_FILES = {Path("/dev/null"), Path("/etc/mime.types")}


def forbidden(result: Audited, *, allowed_files: set[Path], out: Path, cache: Path) -> list[str]:
    """The events of ``result`` that a generation must not cause: opening a file that is not
    in ``allowed_files`` (the spec and the files it may reach) nor under ``allowed_roots``,
    and any use of the network (the only socket event allowed is urllib3's import-time IPv6
    probe, a bind to ``::1`` port 0 that sends nothing)."""
    roots = allowed_roots(out, cache) + [JINJA_CACHE]
    files = {Path(os.path.realpath(p)) for p in allowed_files}
    bad: list[str] = []
    for event in result.events:
        if event[0] in ("tempfile.mkdtemp", "tempfile.mkstemp"):
            roots.append(Path(os.path.realpath(event[1])))  # its own scratch space
        elif event[0] == "urllib.Request" and event[1].startswith("('file://"):
            path = Path(os.path.realpath(event[1][len("('file://") :].split("'", 1)[0]))
            if not any(_inside(path, r) for r in roots):
                bad.append(f"{event[0]} {event[1]}")
        elif event[0] == "open":
            path = Path(os.path.realpath(event[1]))
            if path in files or path in SYSTEM_FILES or any(_inside(path, r) for r in roots):
                continue
            if event[1].isdigit():  # an already open file descriptor
                continue
            if (
                event[2] == "None"
                and path.parent == TMP
                and re.fullmatch(r"[a-z0-9_]{8}", path.name)
            ):
                continue  # tempfile.gettempdir() checking that it can write there

            bad.append(f"opened {event[1]} ({event[2]})")
        elif event[0] == "socket.bind" and "('::1', 0" in event[1]:
            continue
        else:
            bad.append(f"{event[0]} {event[1]}")
    return bad
