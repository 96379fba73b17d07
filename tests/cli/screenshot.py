"""The README's screenshot of the command line: ``.venv/bin/python -m tests.cli.screenshot``.

Starts the reference server, installs the newest generated package into a temporary directory,
runs a few commands in a real terminal (tmux, 110x42), reads the screen back with its colours
(``capture-pane -e``), turns it into HTML and has headless Chromium take the picture:
docs/img/cli-terminal.png. Not a test: run it by hand after a visible change.
"""

from __future__ import annotations

import html
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.cli import spec_files
from tests.cli.conftest import ROOT, install
from tests.sdk._support import MODEL, seed_file, seed_files
from tests.server import ReferenceServer, RunRLReferenceApp

OUT = ROOT / "docs" / "img" / "cli-terminal.png"
_SGR = re.compile(r"\x1b\[([0-9;]*)m")
_BASIC = ["#2e3436", "#cc0000", "#4e9a06", "#c4a000", "#3465a4", "#75507b", "#06989a", "#d3d7cf"]
_BRIGHT = ["#555753", "#ef2929", "#8ae234", "#fce94f", "#729fcf", "#ad7fa8", "#34e2e2", "#eeeeec"]


def _color(codes: list[int], color: str | None, bold: bool) -> tuple[str | None, bool]:
    """The foreground colour (None: the default) and boldness after an SGR sequence."""
    i = 0
    while i < len(codes):
        code = codes[i]
        if code == 0:
            color, bold = None, False
        elif code == 39:
            color = None
        elif code == 22:
            bold = False
        elif code == 1:
            bold = True
        elif 30 <= code <= 37:
            color = _BASIC[code - 30]
        elif 90 <= code <= 97:
            color = _BRIGHT[code - 90]
        elif code == 38 and i + 2 < len(codes) and codes[i + 1] == 5:
            n = codes[i + 2]
            color = (_BASIC + _BRIGHT)[n] if n < 16 else "#729fcf"
            i += 2
        elif code == 38 and i + 4 < len(codes) and codes[i + 1] == 2:
            color = "#{:02x}{:02x}{:02x}".format(*codes[i + 2 : i + 5])
            i += 4
        i += 1
    return color, bold


def to_html(screen: str) -> str:
    out, pos = [], 0
    color, bold = None, False
    for match in _SGR.finditer(screen):
        out.append(_span(screen[pos : match.start()], color, bold))
        codes = [int(c) for c in match.group(1).split(";") if c] or [0]
        color, bold = _color(codes, color, bold)
        pos = match.end()
    out.append(_span(screen[pos:], color, bold))
    style = (
        "body{margin:0;background:#1e1e1e}pre{margin:0;padding:14px 18px;color:#d3d7cf;"
        "font:14px/1.35 'DejaVu Sans Mono',monospace;white-space:pre}"
    )
    return f"<!doctype html><meta charset=utf-8><style>{style}</style><pre>{''.join(out)}</pre>"


def _span(text: str, color: str | None, bold: bool) -> str:
    if not text:
        return ""
    style = (f"color:{color};" if color else "") + ("font-weight:bold;" if bold else "")
    return f'<span style="{style}">{html.escape(text)}</span>' if style else html.escape(text)


def main() -> int:
    tmux = shutil.which("tmux")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if tmux is None or chromium is None:
        print("needs tmux and chromium", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="cli-shot-"))
    install(ROOT / "generated" / spec_files()[-1].stem, work / "pkg")
    server = ReferenceServer(RunRLReferenceApp()).start()
    try:
        store = server.app.store
        prompt, reward = seed_files(store)
        seed_file(store, name="math-prompts", file_type="prompt")
        commands = [
            "runrl files list",
            "runrl files list | jq -c '.[] | {name, type, file_size}'",
            f"runrl runs create --model {MODEL} --prompt-file-id {prompt[:8]}... --wait",
        ]
        real = commands[:2] + [
            f"runrl runs create --model {MODEL} --prompt-file-id {prompt} "
            f"--reward-file-id {reward} --wait"
        ]
        script = "; ".join(
            f"printf '\\033[1;32m$\\033[0m %s\\n' {shlex.quote(shown)}; {run}"
            for shown, run in zip(commands, real, strict=True)
        )
        env = {
            "PATH": f"{work / 'pkg' / 'bin'}:/usr/bin:/bin",
            "PYTHONPATH": str(work / "pkg"),
            "RUNRL_API_KEY": server.api_key,
            "RUNRL_BASE_URL": server.base_url,
            "RUNRL_POLL_INTERVAL": "0.3",
            "TERM": "xterm-256color",
            "COLUMNS": "110",
        }
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        socket = str(work / "tmux.sock")
        shell = f"env {exports} sh -c {shlex.quote(script + '; echo; sleep 60')}"
        subprocess.run(
            [tmux, "-S", socket, "new-session", "-d", "-x", "110", "-y", "42", "sh", "-c", shell],
            check=True,
        )
        try:
            time.sleep(8)
            screen = subprocess.run(
                [tmux, "-S", socket, "capture-pane", "-e", "-p", "-t", "0"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            subprocess.run([tmux, "-S", socket, "kill-server"], check=False)
        page = work / "screen.html"
        page.write_text(to_html(screen.rstrip() + "\n"), encoding="utf-8")
        OUT.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
            + [f"--screenshot={OUT}", "--window-size=1000,600", page.as_uri()],
            check=True,
            capture_output=True,
        )
        print(f"written {OUT.relative_to(ROOT)}")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
