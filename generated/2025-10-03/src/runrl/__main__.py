"""``python -m runrl``: the `runrl` command line (see ``_cli.py``)."""

from ._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
