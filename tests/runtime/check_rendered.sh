#!/usr/bin/env bash
# Render the runtime into a temp dir and run ruff check, ruff format --check and mypy --strict.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
py=${PYTHON:-$repo/.venv/bin/python}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$py" "$here/render_runtime.py" "$out" >/dev/null
cd "$out"
"$py" -m ruff check --config "$here/ruff.toml" runrl
"$py" -m ruff format --config "$here/ruff.toml" --check runrl
"$py" -m mypy --config-file "$here/mypy.ini" --cache-dir "$out/.mypy_cache" runrl
