"""Render templates/runtime/*.jinja into an importable package, for the runtime tests.

Usage: ``python tests/runtime/render_runtime.py OUTDIR`` writes ``OUTDIR/runrl/`` (the runtime
modules plus a minimal ``__init__.py`` of our own; the real generator writes its own
``__init__.py``, ``_client.py``, resources and models next to these modules).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "templates" / "runtime"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator import ir  # noqa: E402
from generator.render.environment import environment  # noqa: E402
from generator.spectext import SpecText  # noqa: E402


def runrl_package() -> ir.Package:
    """The ``pkg`` context object with RunRL's values of API 2025-10-03 (the runtime tests
    check some of them, e.g. the User-Agent)."""
    return ir.Package(
        name="runrl",
        title=SpecText("RunRL API"),
        description=SpecText(""),
        api_version=SpecText("2025-10-03"),
        version="1.20251003.0",
        prefix="RunRL",
        client="RunRLClient",
        async_client="AsyncRunRLClient",
        env_prefix="RUNRL_",
        user_agent=SpecText("runrl-python"),
        base_url=SpecText("https://runrl.com/api/v1"),
        default_timeout=30.0,
        default_poll_interval=5.0,
        default_max_poll_timeout=3600.0,
        envelope_data=SpecText("data"),
        error_code_field=SpecText("error"),
        error_message_field=SpecText("message"),
        error_details_field=SpecText("details"),
        failure_errors=(ir.FailureError("RunFailedError", "run"),),
        security=ir.Security(required=True),
        dict_access=True,
        exception_aliases=True,
        request_id_header=SpecText("X-Request-Id"),
    )


def Package(**overrides: Any) -> ir.Package:  # noqa: N802 - reads like the class it makes
    """``runrl_package()`` with some fields changed (a ``str`` for a spec-text field is wrapped)."""
    base = runrl_package()
    changes = {
        name: SpecText(value)
        if isinstance(value, str) and isinstance(getattr(base, name), SpecText)
        else value
        for name, value in overrides.items()
    }
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


TEST_INIT = '"""Runtime-only package rendered for the runtime tests (not the generated one)."""\n'


def render_runtime(out_dir: Path, pkg: ir.Package | None = None) -> Path:
    """Render every runtime template into ``out_dir/<pkg.name>/`` with the generator's own
    Jinja environment (its escaping filters); return that directory."""
    pkg = pkg or runrl_package()
    env = environment()
    target = Path(out_dir) / pkg.name
    target.mkdir(parents=True, exist_ok=True)
    for template in sorted(TEMPLATES.glob("*.py.jinja")):
        name = template.name[: -len(".jinja")]
        text = env.get_template(f"runtime/{template.name}").render(pkg=pkg)
        (target / name).write_text(text, encoding="utf-8")
    init = target / "__init__.py"
    if not init.exists():
        init.write_text(TEST_INIT, encoding="utf-8")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(render_runtime(Path(sys.argv[1])))
