"""Versions of this package and of the API it was generated for. Set by the generator."""

__version__ = "2.20251011.0"
API_VERSION = "2025-10-11"
