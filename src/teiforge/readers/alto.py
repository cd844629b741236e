"""ALTO v2, v3 and v4 (Library of Congress): the layout of the Tesseract, ABBYY (Gallica)
and eScriptorium exports.

passes: `<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">` with Page, TextBlock,
TextLine, String (CONTENT, WC, HPOS/VPOS/WIDTH/HEIGHT), SP and HYP;
fails: ALTO v1 or an unknown namespace ("ALTO of an unsupported version").

A line's text is its Strings' CONTENT, a space between two (SP or not: each String is a
word), its HYP's CONTENT after the last (the hyphen as printed; SUBS_CONTENT, the whole
word, is not the page's text). Blocks are read in the file's order, which is the
engine's reading order; a block's TAGREFS (or its line's) name its kind when their tag's
LABEL is one regions.py knows.
"""

from __future__ import annotations

from lxml import etree

from ..errors import InputError
from ..model import Box, Word
from . import regions
from .pages import OcrLine, OcrPage, number, one_line, union
from .parse import parse_versioned

CODE = "alto"
NAMESPACES = {
    "http://www.loc.gov/standards/alto/ns-v2#": "2",
    "http://www.loc.gov/standards/alto/ns-v3#": "3",
    "http://www.loc.gov/standards/alto/ns-v4#": "4",
}


ROOT = "alto"  # the root element's local name, which recognises the format


def _box(element: etree._Element) -> Box | None:
    x, y = number(element.get("HPOS")), number(element.get("VPOS"))
    w, h = number(element.get("WIDTH")), number(element.get("HEIGHT"))
    if x is None or y is None or w is None or h is None:
        return None
    return Box(x, y, x + w, y + h)


def _confidence(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _line(line: etree._Element) -> tuple[str, tuple[Word, ...]]:
    parts: list[str] = []
    words: list[Word] = []
    for child in line:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "String":
            content = child.get("CONTENT", "")
            words.append(Word(content, _box(child), _confidence(child.get("WC"))))
            parts.append(" " + content if parts else content)
        elif name == "HYP":
            parts.append(child.get("CONTENT", "-"))
    return one_line("".join(parts)), tuple(words)


def read(data: bytes, where: object) -> list[OcrPage]:
    root, q = parse_versioned(data, where, NAMESPACES, "ALTO")
    labels = {
        tag.get("ID"): tag.get("LABEL") or tag.get("TYPE") or ""
        for tag in root.iterfind(f"{q}Tags/*")
        if tag.get("ID")
    }
    image = root.findtext(f"{q}Description/{q}sourceImageInformation/{q}fileName")
    image = image.strip() if image and image.strip() else None
    unit = (root.findtext(f"{q}Description/{q}MeasurementUnit") or "pixel").strip()

    def kind(element: etree._Element) -> str | None:
        for ref in (element.get("TAGREFS") or "").split():
            found = regions.kind_of(labels.get(ref))
            if found:
                return found
        return None

    pages = []
    for page in root.iterfind(f"{q}Layout/{q}Page"):
        lines = []
        for block_number, block in enumerate(page.iter(f"{q}TextBlock")):
            block_kind = kind(block)
            for line in block.iterfind(f"{q}TextLine"):
                text, words = _line(line)
                if not text:
                    continue
                box = _box(line) or union(word.box for word in words)
                lines.append(OcrLine(text, box, words, block_kind or kind(line), block_number))
        pages.append(
            OcrPage(
                tuple(lines),
                image,
                number(page.get("WIDTH")),
                number(page.get("HEIGHT")),
                unit == "pixel",
            )
        )
    if not pages:
        raise InputError(where, "ALTO without a Page")
    return pages
