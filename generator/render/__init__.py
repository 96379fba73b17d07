"""Stage 4: the IR -> the package's files, with Jinja templates (templates/) that only render."""
