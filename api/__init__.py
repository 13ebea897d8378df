"""Jekyll-style markdown content served as a typed JSON API."""

__version__ = "0.1.0"
