"""Stage 5: the rendered files -> the project directory: ruff (fixes and format), then an atomic
replace of the output directory."""
