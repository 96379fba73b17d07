"""schemathesis fuzzes the reference server (tests/server) from each version's spec.

``schemathesis run spec/<version>.yaml`` (the CLI, pinned in requirements/dev.txt) runs all its
phases against the ``reference_server`` fixture: the spec's examples, coverage of boundary and
invalid values, random fuzzing and stateful sequences (links inferred from the spec). Every
answer is checked against the spec: status code documented, content type, headers and body
schema, invalid input rejected, no 5xx, 405 for undeclared methods, deleted resources gone, auth
enforced (``_support.CHECKS`` lists them, and the one left out and why). Server-sent events are
checked against ``x-event-data`` (schemathesis_hooks.py). The run fails on the first answer the
spec does not allow; the report names the case and a curl command that reproduces it.

Before the run the server is seeded (_seed.py) so that the examples' ids exist and fuzzing
reaches the handlers behind "unknown id"; the terminal summary lists, per version, how many
operations were tested and which never answered a 2xx.

The example budget is bounded (``RUNRL_SCHEMATHESIS_EXAMPLES``, default 15 per operation and
phase) and the seed fixed (``RUNRL_SCHEMATHESIS_SEED``) so that a failure reproduces; set either
variable to explore further.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.contract._seed import seed_reference_server
from tests.contract._support import (
    CHECKS,
    SPEC_VERSIONS,
    coverage,
    load_spec,
    operations,
    run_schemathesis,
    spec_path,
)
from tests.server import ReferenceServer

pytestmark = [pytest.mark.reference_server, pytest.mark.slow, pytest.mark.timeout(600)]

MAX_EXAMPLES = os.environ.get("RUNRL_SCHEMATHESIS_EXAMPLES", "15")
SEED = os.environ.get("RUNRL_SCHEMATHESIS_SEED", "20251011")


def _summary(output: str) -> str:
    """schemathesis' own summary of failures (the part worth reading in a failed test)."""
    start = output.find("=== FAILURES")
    return output[start if start >= 0 else -6000 :][-12000:]


@pytest.mark.parametrize("version", SPEC_VERSIONS)
def test_reference_server_conforms_to_spec(
    reference_server: ReferenceServer, version: str, tmp_path: Path
) -> None:
    seed = seed_reference_server(reference_server)
    run = run_schemathesis(
        spec_path(version),
        reference_server.base_url,
        reference_server.api_key,
        seed,
        tmp_path,
        *CHECKS,
        "--max-examples",
        MAX_EXAMPLES,
        "--seed",
        SEED,
        "--workers",
        "2",
    )
    assert run.report, f"schemathesis wrote no report (exit {run.returncode}):\n{run.output}"
    assert run.returncode == 0 and not run.report["failures"], (
        f"schemathesis found answers of the reference server that {version}.yaml does not "
        f"allow (exit {run.returncode}):\n{_summary(run.output)}"
    )
    assert not run.report["errors"], _summary(run.output)

    ops = operations(load_spec(version))
    label_to_id = {f"{method} {path}": op_id for op_id, (method, path) in ops.items()}
    assert run.report["operations"]["tested"] == len(ops), run.report["operations"]
    assert set(run.tested) == set(label_to_id), set(label_to_id) ^ set(run.tested)
    # The fuzzing reached the handlers: (almost) every operation answered some case with a 2xx,
    # so the run did not end in 401s (a deleted key) or 404s (ids that do not exist).
    accepted = run.accepted()
    never = sorted(set(label_to_id) - set(accepted))
    assert len(accepted) >= 0.85 * len(ops), f"no 2xx from {never}"

    cases = run.report["test_cases"]["generated"]
    links = re.search(r"API Links:\s+(\d+) covered / (\d+)", run.output)
    entry = coverage("schemathesis", version, len(ops))
    entry.covered.update(label_to_id[label] for label in run.tested)
    entry.notes[:] = [
        f"{cases} generated cases, seed {SEED}, {MAX_EXAMPLES} examples per operation and phase"
        + (f", {links[1]}/{links[2]} inferred links followed" if links else ""),
        f"{len(accepted)}/{len(ops)} operations answered some case with a 2xx"
        + (f"; never: {', '.join(never)}" if never else ""),
    ]
