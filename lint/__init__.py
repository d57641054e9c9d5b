"""fiscal-lint: a consistency linter for Chinese fiscal reports."""

__version__ = "0.1.0"
