"""The models module's schemas prepared before the build has finished (the models worker:
generator/parallel.py).

Preparing every schema for datamodel-code-generator (``prepare.rewrite_refs``, ``component``,
the lifted properties patched in: ~0.3 s on stripe.yaml) needs the class names only, and the
build plans them first (``build_api``'s ``planned``: every component schema and every lifted
one), long before it knows which lifted schemas it keeps. So the worker prepares them all
under those early names while the build goes on (``prepare_early``), and when the order comes
(the names the build kept) it picks the ones kept (``pick``) instead of preparing them again.

A schema's copy depends on the names only through the names its refs and discriminator use
(``rewrite_refs``'s ``used``): a ref to a planned schema is renamed, to any other inlined. So
a copy made under the early names is the one ``generate_models`` makes under the final ones
when these agree on every name it used and hold every one of them; ``pick`` checks that for
each schema it picks, and anything else (a schema left out, a name planned again) is prepared
as before: the same bytes either way (tests/codegen/test_parallel.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .lift import Lifted
from .prepare import prepared_component


def schema_inputs(spec: dict[str, Any], names: dict[str, str], lifted: Lifted) -> dict[Any, Any]:
    """The schemas the models module is made of, not prepared yet: every component schema
    (its lifted properties patched in: lift.py), then each lifted schema ``names`` names."""
    schemas = ((spec.get("components") or {}).get("schemas")) or {}
    if not isinstance(schemas, dict):
        schemas = {}
    named = {k: v for k, v in lifted.schemas.items() if k in names}
    return {**{k: lifted.patch(str(k), v) for k, v in schemas.items()}, **named}


@dataclass(frozen=True)
class Early:
    """Every schema prepared under the early names: schema name -> (its copy for
    datamodel-code-generator, the names that copy used)."""

    names: dict[str, str]
    components: frozenset[Any]
    schemas: dict[Any, tuple[Any, frozenset[str]]]


def prepare_early(spec: dict[str, Any], names: dict[str, str], lifted: Lifted) -> Early:
    """Every component schema and every lifted schema prepared under ``names``, the build's
    planned class names, as ``generate_models`` prepares them."""
    prepared: dict[Any, tuple[Any, frozenset[str]]] = {}
    for key, schema in schema_inputs(spec, names, lifted).items():
        used: set[str] = set()
        prepared[key] = (prepared_component(schema, names, spec, used), frozenset(used))
    components = ((spec.get("components") or {}).get("schemas")) or {}
    keys = frozenset(components) if isinstance(components, dict) else frozenset()
    return Early(dict(names), keys, prepared)


def pick(early: Early, names: dict[str, str], leave_out: frozenset[str]) -> dict[str, Any] | None:
    """The models document's schemas (class name -> prepared schema) for the final ``names``
    and ``leave_out``, taken from ``early``; None when they may differ from what
    ``generate_models`` would prepare (then it prepares them)."""
    if leave_out or any(early.names.get(k) != v for k, v in names.items()):
        return None  # a schema left out (the document changes), or a name planned anew
    dropped = early.names.keys() - names.keys()  # lifted schemas the build did not keep
    if dropped & early.components:
        return None
    picked: dict[str, Any] = {}
    for key, (schema, used) in early.schemas.items():
        if key in dropped:
            continue
        if key not in names or not used <= names.keys():
            return None  # a ref renamed early would be inlined now
        picked[names[key]] = schema
    return picked
