"""A generic OpenAPI 3.1 -> typed Python SDK generator.

Nothing in this package knows about a particular API: everything API-specific is read from the
spec and its ``x-sdk-*`` extensions (see DESIGN.md and README.md).
"""
