"""What each ``python -m generator`` command does (generator/cli.py parses the command line and
calls them): ``layout`` says where the toolchain's own specs and packages are, ``generate`` makes
packages, ``check`` compares generated/ with what the specs produce, ``release`` runs the diff,
the release gate and the changelog.

Not to be confused with generator/render/commands.py: the command line of a *generated* package.
"""
