"""teiforge: OCR text to archival TEI P5, validated and readable on the web."""

__version__ = "0.1.0"  # the package's version (pyproject.toml reads it from here)
