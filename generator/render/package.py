"""Stage 4: the IR (and the models module) -> every file of the package, with templates only.

The templates receive the IR (``api``), the package facts (``pkg``), the sync/async ``modes``
and what this module computed for them (import blocks); filters only escape text.
"""

from __future__ import annotations

import ast
from typing import Any

from .. import ir
from ..errors import SpecError
from ..models.split import split_models
from ..read.overlay import Overlay
from ..spectext import UnescapedSpecText
from .commands import command_table
from .commands import examples as cli_examples
from .environment import TEMPLATES, environment
from .examples import example_call
from .imports import from_imports, method_imports, module_imports, type_only_imports
from .readme import contents, overlay_sections


class _Files:
    """The files rendered so far, and one way to render a template into one."""

    def __init__(self, api: ir.Api, overlay: Overlay | None) -> None:
        self.env = environment()
        self.src = f"src/{api.package.name}"
        self.ctx: dict[str, Any] = {
            "api": api,
            "pkg": api.package,
            "overlay_modules": overlay.public_modules if overlay else (),
        }
        self.files: dict[str, str] = {}

    def render(self, template: str, target: str, **extra: Any) -> None:
        try:
            self.files[target] = self.env.get_template(template).render(**self.ctx, **extra)
        except UnescapedSpecText as exc:
            raise UnescapedSpecText(f"templates/{template}: {exc}") from None


def render_package(
    api: ir.Api,
    models_source: str,
    changelog: str | None = None,
    overlay: Overlay | None = None,
) -> dict[str, str]:
    """All files of the generated project, keyed by path relative to the project root.

    ``changelog``: the text of CHANGELOG.md (the release tools write it; none without).
    ``overlay``: hand-written modules and README sections added to the package.
    """
    out = _Files(api, overlay)
    _render_client(out, api)
    # The command line: a generic engine and the command table of this API (templates/cli/).
    for module in ("_cli", "_cli_parser", "_cli_output"):
        out.render(f"cli/{module}.py.jinja", f"{out.src}/{module}.py")
    table = command_table(api)
    out.render("cli/_cli_table.py.jinja", f"{out.src}/_cli_table.py", table=table)
    out.render("cli/__main__.py.jinja", f"{out.src}/__main__.py")
    split = split_models(models_source, api.package.name)
    if split is None:
        out.files[f"{out.src}/models.py"] = models_source
    else:  # one module per model, loaded on first use (generator/models/split.py)
        for name, text in split.items():
            out.files[f"{out.src}/models/{name}"] = text
    out.files[f"{out.src}/py.typed"] = ""
    out.render("package/pyproject.toml.jinja", "pyproject.toml")
    out.render(
        "package/README.md.jinja",
        "README.md",
        contents=contents(api.docs, overlay),
        overlay_sections=overlay_sections(api.package, overlay),
        cli_examples=cli_examples(table, api),
        objects_example=_objects_example(api.objects),
    )
    out.render("package/api.md.jinja", "api.md")
    if changelog is not None:
        out.files["CHANGELOG.md"] = changelog
    if overlay is not None:
        _add_overlay(out, overlay)
    return out.files


def _render_client(out: _Files, api: ir.Api) -> None:
    """The runtime, the clients, the resource modules and the object layer."""
    pkg, src = api.package, out.src
    # The runtime: the same files for every API, parametrised by `pkg`.
    for path in sorted((TEMPLATES / "runtime").glob("*.py.jinja")):
        out.render(f"runtime/{path.name}", f"{src}/{path.name[: -len('.jinja')]}")
    # The package __init__ loads the exceptions lazily, so it lists their names (_exceptions'
    # own __all__, read from the rendered module: one source).
    out.render(
        "client/__init__.py.jinja",
        f"{src}/__init__.py",
        exception_names=_all_names(out.files[f"{src}/_exceptions.py"]),
    )
    out.render("client/_version.py.jinja", f"{src}/_version.py")
    out.render(
        "client/_client.py.jinja",
        f"{src}/_client.py",
        imports=_imports(pkg, api.client_methods, ".", models=False),
        type_only=from_imports(type_only_imports(pkg, api.client_methods), "."),
    )
    out.render("client/_resource.py.jinja", f"{src}/_resource.py")
    out.render("client/resources__init__.py.jinja", f"{src}/resources/__init__.py")
    by_name = {ns.name: ns for ns in api.namespaces}
    for ns in api.namespaces:
        out.render(
            "client/resource.py.jinja",
            f"{src}/resources/{ns.name}.py",
            ns=ns,
            children=[by_name[child] for child in ns.children],
            imports=_imports(pkg, ns.methods, "..", models=False),
            type_only=from_imports(type_only_imports(pkg, ns.methods), ".."),
        )
    # The object layer (response links): one module, loaded on first use (templates/resources/).
    if api.objects is not None:
        out.render(
            "resources/objects.py.jinja",
            f"{src}/objects.py",
            imports=_imports(pkg, api.objects.methods, ".", models=True),
        )


def _add_overlay(out: _Files, overlay: Overlay) -> None:
    """The overlay's hand-written modules join the package; none may replace a generated file."""
    for rel, text in overlay.files.items():
        target = f"{out.src}/{rel}"
        if target in out.files:
            raise SpecError(
                f"overlay file src/{rel} would replace a generated file",
                file=str(overlay.root / "src" / rel),
            )
        out.files[target] = text


def _objects_example(objects: ir.Objects | None) -> tuple[str, str] | None:
    """(call, class) for the README's object-layer example: the first method making objects
    whose required arguments all have an example value."""
    for ns in objects.namespaces if objects is not None else ():
        for source in ns.sources:
            meth = source.method
            if source.resource and not source.many:
                if all(p.example != "..." for p in meth.params if p.required):
                    call = example_call(meth, on="objects")
                    call = call.replace(f"objects.{meth.namespace}.", f"objects.{ns.attribute}.", 1)
                    return call, source.resource
    return None


def _all_names(source: str) -> list[str]:
    """The ``__all__`` list of a rendered module (a literal list of strings)."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return [str(ast.literal_eval(e)) for e in node.value.elts]  # type: ignore[attr-defined]
    raise ValueError("the module has no __all__")


def _imports(
    pkg: ir.Package, methods: tuple[ir.Method, ...], dots: str, *, models: bool
) -> list[str]:
    return module_imports(methods) + from_imports(method_imports(pkg, methods, models=models), dots)
