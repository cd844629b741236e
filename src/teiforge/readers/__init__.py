"""Input formats: bytes -> Source, one reader per format, recognised by content.

Registry: code -> reader module. A reader has CODE, a way to be recognised (ROOT, the
local name of its XML root element, or recognise_bytes) and `read(data, where)` -> pages
of OCR lines (readers/pages.py), which assemble.py turns into the Source the layout reads.
Plain text is read by read.py as before. A folder, or several files given as one
document, are its pages in order (a folder's files in natural order: p2 before p10).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from ..errors import InputError
from ..model import Source
from ..read import read_bytes, source_from_bytes
from . import alto, hocr, pagexml, tsv
from .assemble import assemble
from .images import located
from .pages import OcrPage

READERS: dict[str, ModuleType] = {"alto": alto, "page": pagexml, "hocr": hocr, "tsv": tsv}
FORMATS = ("text", *READERS)
_BY_ROOT = {alto.ROOT: "alto", pagexml.ROOT: "page"}
# Files of a folder that are read as pages: what OCR engines write (images are skipped).
PAGE_SUFFIXES = frozenset(
    {".xml", ".alto", ".page", ".hocr", ".html", ".htm", ".xhtml", ".tsv", ".txt"}
)
_MARKUP = re.compile(
    rb"\s*(?:<\?xml|<!DOCTYPE|<!--|<([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)[\s/>])", re.IGNORECASE
)
_FIRST_TAG = re.compile(rb"<(?![?!/])(?:[A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)")
_BOM = b"\xef\xbb\xbf"


def sniff(data: bytes, where: object) -> str:
    """The code of the format `data` is written in; markup of another kind is refused."""
    if tsv.recognise_bytes(data):
        return "tsv"
    head = data[:65536]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # markup in UTF-16 (Windows tools write it): looked at as UTF-8, parsed as it is
        head = head[: len(head) // 2 * 2].decode("utf-16", errors="replace").encode()
    start = head.removeprefix(_BOM)
    if not _MARKUP.match(start):
        return "text"
    if hocr.recognise_bytes(head):
        return "hocr"
    first = _FIRST_TAG.search(start)
    root = first.group(1).decode("ascii") if first else ""
    if root in _BY_ROOT:
        return _BY_ROOT[root]
    if root.lower() == "html":
        raise InputError(where, "HTML without hOCR pages (no class ocr_page)")
    raise InputError(
        where,
        f"XML of an unsupported kind (root element {root or '?'}); "
        "teiforge reads ALTO, PAGE, hOCR, Tesseract TSV and plain text",
    )


def ocr_pages(data: bytes, code: str, where: object) -> list[OcrPage]:
    if not data:
        raise InputError(where, "empty file")
    pages: list[OcrPage] = READERS[code].read(data, where)
    return pages


def source_from_parts(parts: Sequence[tuple[Path, bytes]], name: str, where: object) -> Source:
    """One document from the bytes of its files (one file, or a folder's pages in order)."""
    codes = [sniff(data, path) for path, data in parts]
    if len(parts) == 1 and codes[0] == "text":
        return source_from_bytes(parts[0][1], name, where)
    if len(set(codes)) > 1:
        raise InputError(where, f"pages in several formats ({', '.join(sorted(set(codes)))})")
    if codes[0] == "text":
        texts = [source_from_bytes(data, path.name, path) for path, data in parts]
        joined = "\f".join(text.text.strip("\n") for text in texts) + "\n"
        combined = source_from_bytes(joined.encode("utf-8"), name, where)
        return combined
    pages = [
        located(page, path) for path, data in parts for page in ocr_pages(data, codes[0], path)
    ]
    if not any(page.lines for page in pages):
        raise InputError(where, "no text on any page")
    return assemble(pages, name, [data for _, data in parts], codes[0])


def _natural(path: Path) -> list[object]:
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", path.name)]


def page_files(path: Path) -> list[Path]:
    """The files a source path stands for: itself, or a folder's OCR files in order."""
    try:
        folder = path.is_dir()
    except OSError:  # Python 3.11 raises EACCES here: reading the file will say it
        folder = False
    if not folder:
        return [path]
    try:
        found = [
            p
            for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES and not p.name.startswith(".")
        ]
    except OSError as error:
        raise InputError(path, f"cannot read folder ({error.strerror})") from None
    if not found:
        raise InputError(path, "a folder without OCR files (.xml, .hocr, .tsv, .txt...)")
    return sorted(found, key=_natural)


def read_parts(paths: Sequence[Path]) -> list[tuple[Path, bytes]]:
    return [(file, read_bytes(file)) for path in paths for file in page_files(path)]


def read_document(paths: Sequence[Path]) -> Source:
    """Read one document: a file, a folder of pages, or several files that are its pages.
    Every failure is an InputError naming the file."""
    where = paths[0] if len(paths) == 1 else paths[0].parent
    name = paths[0].name
    return source_from_parts(read_parts(paths), name, where)
