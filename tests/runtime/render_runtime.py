"""Render templates/runtime/*.jinja into an importable package, for the runtime tests.

Usage: ``python tests/runtime/render_runtime.py OUTDIR`` writes ``OUTDIR/runrl/`` (the runtime
modules plus a minimal ``__init__.py`` of our own; the real generator writes its own
``__init__.py``, ``_client.py``, resources and models next to these modules).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "templates" / "runtime"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.modes import MODES  # noqa: E402


@dataclass(frozen=True)
class FailureError:
    class_name: str
    attribute: str


@dataclass(frozen=True)
class Package:
    """The ``pkg`` context object, with RunRL's values (see DESIGN.md)."""

    name: str = "runrl"
    prefix: str = "RunRL"
    client: str = "RunRLClient"
    async_client: str = "AsyncRunRLClient"
    env_prefix: str = "RUNRL_"
    user_agent: str = "runrl-python"
    version: str = "1.20251003.0"
    api_version: str = "2025-10-03"
    base_url: str = "https://runrl.com/api/v1"
    default_timeout: float = 30.0
    default_poll_interval: float = 5.0
    default_max_poll_timeout: float = 3600.0
    envelope_data: str = "data"
    error_code_field: str = "error"
    error_message_field: str = "message"
    error_details_field: str = "details"
    request_id_header: str = "X-Request-Id"
    failure_errors: list[FailureError] = field(
        default_factory=lambda: [FailureError("RunFailedError", "run")]
    )


TEST_INIT = '"""Runtime-only package rendered for the runtime tests (not the generated one)."""\n'


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render_runtime(out_dir: Path, pkg: Package | None = None) -> Path:
    """Render every runtime template into ``out_dir/<pkg.name>/``; return that directory."""
    pkg = pkg or Package()
    env = environment()
    target = Path(out_dir) / pkg.name
    target.mkdir(parents=True, exist_ok=True)
    for template in sorted(TEMPLATES.glob("*.py.jinja")):
        name = template.name[: -len(".jinja")]
        text = env.get_template(template.name).render(modes=MODES, pkg=pkg)
        (target / name).write_text(text, encoding="utf-8")
    init = target / "__init__.py"
    if not init.exists():
        init.write_text(TEST_INIT, encoding="utf-8")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(render_runtime(Path(sys.argv[1])))
