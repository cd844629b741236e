"""hOCR (HTML with OCR classes): Tesseract's, OCRopus', Kraken's.

passes: `<div class="ocr_page" title="image "p1.png"; bbox 0 0 1905 2903">` holding
`ocr_line` spans (or ocr_header, ocr_caption, ocr_textfloat) of `ocrx_word` spans with
`bbox` and `x_wconf` in their title; fails: HTML without an ocr_page.

Read with lxml's HTML parser, which loads no DTD and resolves nothing outside the file
(hOCR declares the XHTML DTD by URL, which the XML parser would refuse). A paragraph
(ocr_par, else the content area ocr_carea) is a region; words' confidences are percents.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import InputError
from ..model import Box, Word
from .pages import OcrLine, OcrPage, one_line

CODE = "hocr"
_LINES = frozenset({"ocr_line", "ocrx_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
_REGIONS = ("ocr_par", "ocr_carea")
_BBOX = re.compile(r"\bbbox\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)")
_IMAGE = re.compile(r"""\bimage\s+(?:"([^"]*)"|'([^']*)'|(\S+?))\s*(?:;|$)""")
_WCONF = re.compile(r"\bx_wconf\s+(-?[\d.]+)")
_SNIFF = re.compile(rb"""class\s*=\s*["'][^"']*\bocr_page\b""")


def recognise_bytes(data: bytes) -> bool:
    return _SNIFF.search(data[:65536]) is not None


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def _box(title: str) -> Box | None:
    found = _BBOX.search(title)
    return Box(*(int(v) for v in found.groups())) if found else None


def _words(line: etree._Element) -> tuple[Word, ...]:
    words = []
    for element in line.iter():
        if isinstance(element.tag, str) and "ocrx_word" in _classes(element):
            text = one_line("".join(element.itertext()))
            if text:
                title = element.get("title") or ""
                conf = _WCONF.search(title)
                words.append(Word(text, _box(title), float(conf.group(1)) / 100 if conf else None))
    return tuple(words)


def _region(line: etree._Element, regions: dict[etree._Element, int]) -> int:
    for ancestor in line.iterancestors():
        if _classes(ancestor) & set(_REGIONS):
            return regions.setdefault(ancestor, len(regions))
    return regions.setdefault(line, len(regions))


def read(data: bytes, where: object) -> list[OcrPage]:
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise InputError(where, f"not readable as hOCR ({error})") from None
    if root is None:
        raise InputError(where, "not readable as hOCR (empty document)")
    pages = []
    for page in root.iter():
        if not isinstance(page.tag, str) or "ocr_page" not in _classes(page):
            continue
        title = page.get("title") or ""
        image = _IMAGE.search(title)
        size = _box(title)
        regions: dict[etree._Element, int] = {}
        lines = []
        for line in page.iter():
            if not isinstance(line.tag, str) or not _classes(line) & _LINES:
                continue
            words = _words(line)
            text = (
                " ".join(word.text for word in words)
                if words
                else one_line("".join(line.itertext()))
            )
            if text:
                box = _box(line.get("title") or "")
                lines.append(OcrLine(text, box, words, None, _region(line, regions)))
        pages.append(
            OcrPage(
                tuple(lines),
                next((g for g in image.groups() if g), None) if image else None,
                size.lrx - size.ulx if size else None,
                size.lry - size.uly if size else None,
            )
        )
    if not pages:
        raise InputError(where, "hOCR without an ocr_page")
    return pages
