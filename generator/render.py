"""Rendering: intermediate model -> {relative path: file text}, with Jinja templates only.

The templates receive the IR (``api``), the package facts (``pkg``) and the sync/async ``modes``;
filters here only escape or format text, they make no decisions about the API.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import jinja2

from . import ir
from .modes import MODES

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _docstring(text: str, indent: int = 0) -> str:
    """Make arbitrary spec text safe inside a triple-quoted docstring.

    Backslashes and quotes are escaped, control characters dropped, so a description can never
    end the string early or smuggle code into the generated module.
    """
    cleaned = "".join(ch for ch in str(text) if ch in "\n\t" or ord(ch) >= 32)
    cleaned = cleaned.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if cleaned.endswith('"'):
        cleaned += " "
    lines = [line.rstrip() for line in cleaned.strip().splitlines()]
    pad = " " * indent
    return ("\n" + pad).join(lines).replace("\n" + pad + "\n", "\n\n").replace(pad + "\n", "\n")


def _comment(text: str) -> str:
    """One safe line of text for a ``#`` comment."""
    return " ".join(_docstring(text).split())


def _wrap(text: str, width: int = 88, indent: int = 0) -> str:
    pad = " " * indent
    paragraphs = [p for p in _docstring(text).split("\n\n") if p.strip()]
    out = []
    for paragraph in paragraphs:
        out.append(textwrap.fill(" ".join(paragraph.split()), width=width, subsequent_indent=pad))
    return ("\n\n" + pad).join(out)


def _pyrepr(value: Any) -> str:
    """A deterministic Python literal (dict keys in insertion order)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_pyrepr(k)}: {_pyrepr(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_pyrepr(v) for v in value)
        return (
            f"({inner},)"
            if isinstance(value, tuple) and len(value) == 1
            else (f"({inner})" if isinstance(value, tuple) else f"[{inner}]")
        )
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


_NAME = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*\b")


def _models_used(methods: tuple[ir.Method, ...], api: ir.Api) -> list[str]:
    """The model classes the given methods mention, sorted (for the import block)."""
    known = set(api.schemas.values())
    used: set[str] = set()
    for meth in methods:
        texts = [p.type_hint for p in meth.params] + [meth.returns.type_hint, meth.returns.cast]
        for text in texts:
            used.update(n for n in _NAME.findall(text) if n in known)
    return sorted(used)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - we generate Python, not HTML; text is escaped by filters
        # Compiled templates are kept between runs (a per-user temp directory, keyed by each
        # template's source checksum): compiling them is about half of the templates stage.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    env.filters["docstring"] = _docstring
    env.filters["comment"] = _comment
    env.filters["wrap"] = _wrap
    env.filters["pyrepr"] = _pyrepr
    env.filters["models_used"] = _models_used
    env.globals["modes"] = MODES
    return env


def render_changelog(pkg: Any, changelog: list[Any]) -> str:
    """CHANGELOG.md: ``changelog`` is ``release.history()`` (newest first); ``pkg`` has ``name``,
    ``version`` and ``api_version``."""
    return (
        environment()
        .get_template("package/CHANGELOG.md.jinja")
        .render(pkg=pkg, changelog=changelog)
    )


def render_package(
    api: ir.Api, models_source: str, changelog: list[Any] | None = None
) -> dict[str, str]:
    """All files of the generated project, keyed by path relative to the project root.

    ``changelog``: the package's release history (``release.history()``), for CHANGELOG.md.
    """
    env = environment()
    pkg = api.package
    src = f"src/{pkg.name}"
    ctx: dict[str, Any] = {"api": api, "pkg": pkg}
    files: dict[str, str] = {}

    def render(template: str, target: str, **extra: Any) -> None:
        files[target] = env.get_template(template).render(**ctx, **extra)

    # The runtime: the same files for every API, parametrised by `pkg`.
    for path in sorted((TEMPLATES / "runtime").glob("*.py.jinja")):
        render(f"runtime/{path.name}", f"{src}/{path.name[: -len('.jinja')]}")
    render("client/__init__.py.jinja", f"{src}/__init__.py")
    render("client/_version.py.jinja", f"{src}/_version.py")
    render("client/_client.py.jinja", f"{src}/_client.py")
    render("client/_resource.py.jinja", f"{src}/_resource.py")
    render("client/exceptions.py.jinja", f"{src}/exceptions.py")
    render("client/config.py.jinja", f"{src}/config.py")
    render("client/futures.py.jinja", f"{src}/futures.py")
    render("client/resources__init__.py.jinja", f"{src}/resources/__init__.py")
    for ns in api.namespaces:
        render("client/resource.py.jinja", f"{src}/resources/{ns.name}.py", ns=ns)
    files[f"{src}/models.py"] = models_source
    files[f"{src}/py.typed"] = ""
    render("package/pyproject.toml.jinja", "pyproject.toml")
    render("package/README.md.jinja", "README.md")
    render("package/api.md.jinja", "api.md")
    if changelog is not None:
        files["CHANGELOG.md"] = render_changelog(pkg, changelog)
    return files
