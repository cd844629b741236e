"""PAGE XML (PRImA), 2013 to 2019: the export of Transkribus, eScriptorium, OCR-D.

passes: `<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">`
with Page (@imageFilename, @imageWidth, @imageHeight), ReadingOrder, TextRegion
(@type, Coords/@points), TextLine with TextEquiv/Unicode, Word with TextEquiv/@conf;
fails: another root, a namespace of another version ("PAGE of an unsupported version").

Regions are read in the ReadingOrder (groups in @index order, nested groups where they
stand), then those it leaves out in the file's order. A line's text is its own TextEquiv
(the lowest @index), else its Words' joined by spaces. Text is in logical order, so a
right-to-left script needs nothing more.
"""

from __future__ import annotations

from lxml import etree

from ..errors import InputError
from ..model import Box, Word
from . import regions
from .pages import OcrLine, OcrPage, box_from_points, number, one_line
from .parse import parse_versioned

CODE = "page"
VERSIONS = ("2013-07-15", "2016-07-15", "2017-07-15", "2018-07-15", "2019-07-15")
NAMESPACES = {f"http://schema.primaresearch.org/PAGE/gts/pagecontent/{v}": v for v in VERSIONS}


ROOT = "PcGts"  # the root element's local name, which recognises the format


def _box(element: etree._Element, q: str) -> Box | None:
    coords = element.find(f"{q}Coords")
    if coords is None:
        return None
    points: list[tuple[float, float]] = []
    for pair in (coords.get("points") or "").split():
        x, _, y = pair.partition(",")
        try:
            points.append((float(x), float(y)))
        except ValueError:
            continue
    return box_from_points(points)


def _equiv(element: etree._Element, q: str) -> tuple[str, float | None] | None:
    """(text, conf) of an element's own TextEquiv with the lowest @index, if it has one."""
    equivs = element.findall(f"{q}TextEquiv")
    if not equivs:
        return None
    best = min(equivs, key=lambda e: number(e.get("index")) or 0)
    unicode = best.findtext(f"{q}Unicode") or ""
    conf = best.get("conf")
    return unicode, float(conf) if conf else None


def _order(page: etree._Element, q: str) -> list[str]:
    """Region ids in reading order."""
    found: list[str] = []

    def walk(group: etree._Element) -> None:
        children = [c for c in group if isinstance(c.tag, str)]
        if etree.QName(group).localname.startswith("Ordered"):
            children.sort(key=lambda c: number(c.get("index")) or 0)
        for child in children:
            ref = child.get("regionRef")
            if ref:
                found.append(ref)
            walk(child)

    reading_order = page.find(f"{q}ReadingOrder")
    if reading_order is not None:
        walk(reading_order)
    return found


def _line(line: etree._Element, q: str) -> tuple[str, tuple[Word, ...]]:
    words = []
    for word in line.iterfind(f"{q}Word"):
        equiv = _equiv(word, q)
        if equiv is not None and equiv[0].strip():
            words.append(Word(one_line(equiv[0]), _box(word, q), equiv[1]))
    own = _equiv(line, q)
    text = own[0] if own is not None else " ".join(word.text for word in words)
    if not words and own is not None and own[1] is not None:
        words = [Word(one_line(own[0]), _box(line, q), own[1])]
    return one_line(text), tuple(words)


def read(data: bytes, where: object) -> list[OcrPage]:
    root, q = parse_versioned(data, where, NAMESPACES, "PAGE")
    pages = []
    for page in root.iterfind(f"{q}Page"):
        text_regions = list(page.iter(f"{q}TextRegion"))
        rank = {ref: i for i, ref in enumerate(_order(page, q))}
        ordered = sorted(
            enumerate(text_regions),
            key=lambda item: (rank.get(item[1].get("id", ""), len(rank)), item[0]),
        )
        lines = []
        for block, (_, region) in enumerate(ordered):
            kind = regions.kind_of(region.get("type")) or regions.kind_of_custom(
                region.get("custom")
            )
            for line in region.iterfind(f"{q}TextLine"):
                text, words = _line(line, q)
                if text:
                    line_kind = regions.kind_of_custom(line.get("custom"))
                    lines.append(OcrLine(text, _box(line, q), words, kind or line_kind, block))
        pages.append(
            OcrPage(
                tuple(lines),
                page.get("imageFilename") or None,
                number(page.get("imageWidth")),
                number(page.get("imageHeight")),
            )
        )
    if not pages:
        raise InputError(where, "PAGE without a Page")
    return pages
