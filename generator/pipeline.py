"""One generation: spec file -> project directory. Stages are timed for the CLI's report."""

from __future__ import annotations

import re
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .bundle import document_files
from .errors import SpecError
from .fmt import format_tree
from .ir import Skipped
from .load import SpecDocument, load_spec
from .models import generate_models
from .parse import parse_api
from .render import render_package
from .validate import validate_document
from .write import read_tree, replace_dir, staging_dir, write_tree

VERSIONS_FILE = "versions.toml"


@dataclass
class Report:
    spec: Path
    out: Path
    package_version: str = ""
    api_version: str = ""
    operations: int = 0
    models: int = 0
    files: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    skipped: tuple[Skipped, ...] = ()  # operations left out (only with skip_unsupported)

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())


def package_version(doc: SpecDocument) -> str:
    """The package version for this spec, from ``versions.toml`` beside it (see README).

    The scheme is ``<client major>.<API version digits>.<client patch>`` so that
    ``pip install 'pkg~=1.20251003.0'`` picks the client for one API version and only its patches.
    """
    api_version = str((doc.data.get("info") or {}).get("version") or "")
    digits = re.sub(r"[^0-9]", "", api_version)
    versions_path = doc.path.parent / VERSIONS_FILE
    if versions_path.exists():
        try:
            table = tomllib.loads(versions_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SpecError(f"invalid TOML: {exc}", file=str(versions_path)) from None
        entry = table.get(api_version)
        if entry is None:
            raise SpecError(
                f"no entry for API version {api_version!r} "
                f'(add ["{api_version}"] with major and patch)',
                file=str(versions_path),
            )
        numbers = [entry.get("major", 1), entry.get("patch", 0)] if isinstance(entry, dict) else []
        if len(numbers) != 2 or not all(
            isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers
        ):
            raise SpecError(
                f'["{api_version}"]: major and patch must be non-negative integers, got {entry!r}',
                file=str(versions_path),
            )
        return f"{numbers[0]}.{digits or 0}.{numbers[1]}"
    if re.fullmatch(r"\d+(\.\d+){0,2}", api_version):
        return api_version
    return f"0.{digits or 0}.0"


def build(
    spec_path: Path, *, skip_unsupported: bool = False
) -> tuple[dict[str, str], Report, SpecDocument]:
    """Load, validate, parse and render one spec; nothing is written.

    ``skip_unsupported``: leave out (and warn about) operations using an unsupported feature
    instead of stopping with that error.
    """
    report = Report(spec=spec_path, out=Path())
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.timings[stage] = report.timings.get(stage, 0.0) + now - clock
        clock = now

    doc = load_spec(spec_path)
    lap("load")
    try:
        validate_document(doc)
        lap("validate")
        version = package_version(doc)
        models_source, classes = generate_models(doc.data, _package_name(doc))
        lap("models")
        api = parse_api(
            doc,
            package_version=version,
            schema_classes=classes,
            skip_unsupported=skip_unsupported,
        )
        from .release import history  # release imports this module: import it here

        files = render_package(api, models_source, changelog=history(doc))
        files.update(document_files(doc, api.package))  # the spec, shipped in the wheel
        lap("templates")
    except SpecError as exc:
        if not exc.file:
            raise exc.located(str(doc.path), doc.line_of(exc.pointer)) from None
        raise
    report.package_version = version
    report.api_version = api.package.api_version
    report.operations = len(api.all_methods)
    report.models = len(classes)
    report.files = len(files)
    report.skipped = api.skipped
    return files, report, doc


def generate(spec_path: Path, out: Path, *, skip_unsupported: bool = False) -> Report:
    """Generate the project for ``spec_path`` into ``out``, atomically."""
    files, report, _ = build(spec_path, skip_unsupported=skip_unsupported)
    report.out = out
    clock = time.perf_counter()
    staged = staging_dir(out)
    try:
        write_tree(files, staged)
        format_tree(staged)
        report.timings["format"] = time.perf_counter() - clock
        clock = time.perf_counter()
        replace_dir(staged, out)
    except BaseException:
        import shutil

        shutil.rmtree(staged, ignore_errors=True)
        raise
    report.timings["write"] = time.perf_counter() - clock
    return report


def generate_to_tree(spec_path: Path, scratch: Path) -> dict[str, bytes]:
    """Generate into ``scratch`` and return the tree (for ``check`` and golden tests)."""
    generate(spec_path, scratch)
    return read_tree(scratch)


def _package_name(doc: SpecDocument) -> str:
    from .parse import package_name

    return package_name(doc.data)
