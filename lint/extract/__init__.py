"""Extract: Document → every quantity as a Figure (value, unit, label, qualifiers, location)."""

from lint.extract.figures import Extraction, extract

__all__ = ["Extraction", "extract"]
