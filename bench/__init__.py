"""`make bench`: how fast the toolchain generates and the generated client imports and calls."""
