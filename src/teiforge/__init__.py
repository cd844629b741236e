"""teiforge: OCR text to archival TEI P5, validated and readable on the web."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("teiforge")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
