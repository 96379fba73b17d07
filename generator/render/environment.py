"""The Jinja environment every template is rendered with: the escaping filters (one per output
context, generator/escape.py), the sync/async ``modes``, and two guards that keep spec text
from being written raw: a ``finalize`` hook refuses ``{{ x }}`` of a ``SpecText`` or
``SpecValue``, and the (sandboxed) environment refuses ``x.value``. So a template cannot write
spec text without choosing its context."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .. import escape
from ..naming import field_name
from ..spectext import SpecText, SpecValue, UnescapedSpecText
from .examples import example_call, follow_call, short_signature, type_imports, typed_example
from .modes import MODES

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def _finalize(value: Any) -> Any:
    if isinstance(value, (SpecText, SpecValue)):
        raise UnescapedSpecText(
            f"spec text {str(value.value)[:60]!r} reached a template output without an escaping "
            "filter (docstring, comment, wrap, pyrepr, pystr_inner, toml_inner, md, md_code)"
        )
    return value


class _Environment(SandboxedEnvironment):
    """Jinja's sandbox, here for one rule: a template cannot reach the raw text inside
    ``SpecText``/``SpecValue`` (their ``.value``), only a filter can."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (type of the object, attribute) -> allowed: every attribute a template reads asks
        # (stripe.yaml: ~220,000 times, a third of the templates stage), and the answer
        # depends on nothing else: ours and Jinja's (``is_internal_attribute``) test only
        # ``isinstance(obj, ...)`` and the attribute's name.
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = not isinstance(obj, (SpecText, SpecValue)) and bool(
                super().is_safe_attribute(obj, attr, value)
            )
            self._safe[key] = safe
        return safe


def environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - we generate Python, not HTML; text is escaped by filters
        finalize=_finalize,
        # Compiled templates are kept between runs (a per-user temp directory, keyed by each
        # template's source checksum): compiling them is about half of the templates stage.
        # The file names carry a digest of this module: compiled code depends on the
        # environment (finalize), so a change here must not reuse old compilations.
        bytecode_cache=jinja2.FileSystemBytecodeCache(pattern=f"__sdkgen_{_DIGEST}_%s.cache"),
    )
    env.filters.update(
        docstring=escape.docstring,
        comment=escape.comment,
        wrap=escape.wrap,
        pyrepr=escape.pyrepr,
        pystr_inner=escape.pystr_inner,
        toml_inner=escape.toml_inner,
        md=escape.md,
        md_code=escape.md_code,
        cli_text=escape.cli_text,
        attr_name=field_name,  # identifier context: a model's attribute for a wire field
    )
    env.globals["call"] = example_call
    env.globals["follow_call"] = follow_call
    env.globals["typed_example"] = typed_example
    env.globals["short_signature"] = short_signature
    env.globals["type_imports"] = type_imports
    env.globals["modes"] = MODES
    return env
