"""Stage 4: the IR (and the models module) -> every file of the package, with templates only.

The templates receive the IR (``api``), the package facts (``pkg``), the sync/async ``modes``
and what this module computed for them (import blocks); filters only escape text.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
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


def render_package(
    api: ir.Api,
    models_source: str,
    changelog: str | None = None,
    overlay: Overlay | None = None,
) -> dict[str, str]:
    """All files of the generated project, keyed by path relative to the project root.

    ``changelog``: the text of CHANGELOG.md (the release tools write it; none without).
    ``overlay``: hand-written modules and README sections added to the package.
    The three parts below, in this order (generator/parallel.py renders the first while the
    models are made, and makes the second beside them).
    """
    templates = render_templates(api, changelog, overlay)
    return package_files(templates, model_files(models_source, api.package.name), api, overlay)


def model_files(
    models_source: str, package: str, emit: Callable[[dict[str, str]], object] | None = None
) -> dict[str, str]:
    """The models module's files: one module per model, loaded on first use
    (generator/models/split.py), or ``models.py`` when it cannot be split. ``emit``: given
    them in parts as they are made, each once, before they are returned (the models worker
    sends them to be written meanwhile: generator/parallel.py)."""
    src = f"src/{package}"

    def prefixed(part: dict[str, str]) -> None:
        assert emit is not None
        emit({f"{src}/models/{name}": text for name, text in part.items()})

    split = split_models(models_source, package, emit=prefixed if emit else None)
    if split is None:
        files = {f"{src}/models.py": models_source}
        if emit is not None:
            emit(files)
        return files
    return {f"{src}/models/{name}": text for name, text in split.items()}


def package_files(
    templates: dict[str, str],
    models: dict[str, str],
    api: ir.Api,
    overlay: Overlay | None = None,
) -> dict[str, str]:
    """The rendered files, the models' and the overlay's hand-written modules, which may not
    replace either."""
    files = {**templates, **models}
    if overlay is not None:
        src = f"src/{api.package.name}"
        for rel, text in overlay.files.items():
            target = f"{src}/{rel}"
            if target in files:
                raise SpecError(
                    f"overlay file src/{rel} would replace a generated file",
                    file=str(overlay.root / "src" / rel),
                )
            files[target] = text
    return files


def render_templates(
    api: ir.Api, changelog: str | None = None, overlay: Overlay | None = None
) -> dict[str, str]:
    """Every file of the project that the templates make (all but the models and the
    overlay's modules): nothing here reads the models module."""
    env = environment()
    pkg = api.package
    src = f"src/{pkg.name}"
    ctx: dict[str, Any] = {
        "api": api,
        "pkg": pkg,
        "overlay_modules": overlay.public_modules if overlay else (),
    }
    files: dict[str, str] = {}

    def render(template: str, target: str, **extra: Any) -> None:
        try:
            files[target] = env.get_template(template).render(**ctx, **extra)
        except UnescapedSpecText as exc:
            raise UnescapedSpecText(f"templates/{template}: {exc}") from None

    # The runtime: the same files for every API, parametrised by `pkg`.
    for path in sorted((TEMPLATES / "runtime").glob("*.py.jinja")):
        render(f"runtime/{path.name}", f"{src}/{path.name[: -len('.jinja')]}")
    # The package __init__ loads the exceptions lazily, so it lists their names (_exceptions'
    # own __all__, read from the rendered module: one source).
    render(
        "client/__init__.py.jinja",
        f"{src}/__init__.py",
        exception_names=_all_names(files[f"{src}/_exceptions.py"]),
    )
    render("client/_version.py.jinja", f"{src}/_version.py")
    render(
        "client/_client.py.jinja",
        f"{src}/_client.py",
        imports=_imports(pkg, api.client_methods, ".", models=False),
        type_only=from_imports(type_only_imports(pkg, api.client_methods), "."),
    )
    render("client/_resource.py.jinja", f"{src}/_resource.py")
    render("client/resources__init__.py.jinja", f"{src}/resources/__init__.py")
    by_name = {ns.name: ns for ns in api.namespaces}
    for ns in api.namespaces:
        render(
            "client/resource.py.jinja",
            f"{src}/resources/{ns.name}.py",
            ns=ns,
            children=[by_name[child] for child in ns.children],
            imports=_imports(pkg, ns.methods, "..", models=False),
            type_only=from_imports(type_only_imports(pkg, ns.methods), ".."),
        )
    # The object layer (response links): one module, loaded on first use (templates/resources/).
    if api.objects is not None:
        render(
            "resources/objects.py.jinja",
            f"{src}/objects.py",
            imports=_imports(pkg, api.objects.methods, ".", models=True),
        )
    # The command line: a generic engine and the command table of this API (templates/cli/).
    for module in ("_cli", "_cli_parser", "_cli_output"):
        render(f"cli/{module}.py.jinja", f"{src}/{module}.py")
    table = command_table(api)
    render("cli/_cli_table.py.jinja", f"{src}/_cli_table.py", table=table)
    render("cli/__main__.py.jinja", f"{src}/__main__.py")
    files[f"{src}/py.typed"] = ""
    render("package/pyproject.toml.jinja", "pyproject.toml")
    render(
        "package/README.md.jinja",
        "README.md",
        contents=contents(api.docs, overlay),
        overlay_sections=overlay_sections(pkg, overlay),
        cli_examples=cli_examples(table, api),
        cli_text_body=any(o.kind == "text" for c in table.every() for o in c.options),
        objects_example=_objects_example(api.objects),
    )
    render("package/api.md.jinja", "api.md")
    if changelog is not None:
        files["CHANGELOG.md"] = changelog
    return files


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
