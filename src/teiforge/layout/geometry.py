"""Where a line stands on its page image, as evidence for the layout: its left edge against
the page's text column, measured in the width of the page's characters, written before
the line's text as the spaces a text laid out from an edition would have (a paragraph's
first line indented, a title or a page number centred), so that the text rules read a
page from ALTO, PAGE, hOCR or TSV as they read such a text.

passes: a line whose box starts at least INDENT_CHARACTERS characters right of the
column's left edge (the lower quartile of the page's lines' left edges) gets that many
spaces, rounded; fails (no spaces): a line at the column's edge or left of it, a line
without a box, every line of a page with fewer than MIN_LINES boxed lines (no column to
measure against), a source without a facsimile (plain text: its lines as they are), and
every line of a document whose engine's regions are its paragraphs (Tesseract's blocks),
unless most of them open on an indented line."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Box, Line, Source, Zone

INDENT_CHARACTERS = 1.5  # a first line's indent is an em or two; the column's edge wavers by < 1
MIN_LINES = 5  # boxed lines on a page to tell its column's edge
# The column's left edge: the lower quartile of the lines' left edges (the median is set in
# on a page where many lines are: a quotation, a verse, short paragraphs' first lines).
EDGE_QUANTILE = 0.25
REGION_SHARE = 0.75  # of a page's lines in its largest region: the text is one region
OPENING_SHARE = 2 / 3  # of the regions opening on an indented line: the paragraphs are
MIN_MEASURED = 10  # characters: lines this long measure the page's character width


@dataclass(frozen=True)
class Column:
    """A page's text column: its left and right edges and the width of one character, in
    the image's unit."""

    left: float
    right: float
    character: float


def column(lines: Sequence[tuple[str, Box]]) -> Column | None:
    """The text column of a page's (text, box) lines: its left edge (EDGE_QUANTILE), its
    right edge (the median right edge) and the median width of a character on lines of
    MIN_MEASURED characters or more; None when too few lines to tell."""
    if len(lines) < MIN_LINES:
        return None
    widths = [
        (box.lrx - box.ulx) / len(text)
        for text, box in lines
        if len(text) >= MIN_MEASURED and box.lrx > box.ulx
    ]
    if not widths:
        return None
    character = statistics.median(widths)
    if character <= 0:
        return None
    lefts = sorted(box.ulx for _, box in lines)
    left = lefts[int(EDGE_QUANTILE * (len(lefts) - 1))]
    return Column(left, statistics.median(box.lrx for _, box in lines), character)


def indent(text: str, box: Box, page: Column) -> int:
    """The spaces that stand for a line's indent from its column's edge (0: none). A line
    that stops short of the column's right edge gets no more than leave its text ending
    where its box ends, counted in the page's characters: a line in smaller type (a
    verse, a quotation's source) is not set in as far as its box, nor made as long as
    the measure by its spaces."""
    characters = (box.ulx - page.left) / page.character
    if characters < INDENT_CHARACTERS:
        return 0
    spaces = round(characters)
    if (page.right - box.lrx) / page.character >= INDENT_CHARACTERS:
        reach = round((box.lrx - page.left) / page.character)
        spaces = min(spaces, max(0, reach - len(text)))
    return spaces if spaces >= INDENT_CHARACTERS else 0


def laid_out(pages: list[list[Line]], source: Source) -> list[list[Line]]:
    """The pages' lines, each indented as its box stands in its page's column; as they
    are where the engine's regions are the paragraphs and do not open indented."""
    if source.facsimile is None:
        return pages
    zones = source.facsimile.by_line()
    indented = [_page(lines, zones) for lines in pages]
    if regions_are_paragraphs(pages) and not regions_open_indented(indented):
        return pages
    return indented


def regions_open_indented(pages: list[list[Line]]) -> bool:
    """Whether the regions of a document laid out with its indents (the lines after a
    blank line, a page's first aside) open on an indented line OPENING_SHARE of the time
    or more: its paragraphs are indented, and an indented line inside a region starts a
    paragraph the engine ran on with the one above it (the other regions are headings,
    notes, page furniture)."""
    opening = [line for lines in pages for line in lines[1:] if line.blank_before]
    found = sum(1 for line in opening if line.text.startswith(" "))
    return bool(opening) and found >= OPENING_SHARE * len(opening)


def _page(lines: list[Line], zones: dict[int, Zone]) -> list[Line]:
    boxed = [
        (line, box)
        for line in lines
        if (zone := zones.get(line.number)) is not None and (box := zone.box) is not None
    ]
    page = column([(line.text.strip(), box) for line, box in boxed])
    if page is None:
        return lines
    spaces = {line.number: indent(line.text.strip(), box, page) for line, box in boxed}
    return [
        replace(line, text=" " * spaces[line.number] + line.text.lstrip())
        if spaces.get(line.number)
        else line
        for line in lines
    ]


def regions_are_paragraphs(pages: list[list[Line]]) -> bool:
    """Whether the engine's regions are the paragraphs (Tesseract's blocks): on the median
    page of MIN_LINES lines or more, no region holds REGION_SHARE of its lines. A blank
    line marks each such region (readers/assemble.py), and a line's indent inside one is
    noise (a word lost at its start, a verse) unless the regions open indented
    (regions_open_indented); where a page's text is mostly one region (eScriptorium's main
    zone), the indent is what marks its paragraphs."""
    shares = []
    for lines in pages:
        if len(lines) < MIN_LINES:
            continue
        runs = [0]
        for index, line in enumerate(lines):
            if index and line.blank_before:
                runs.append(0)
            runs[-1] += 1
        shares.append(max(runs) / len(lines))
    return not shares or statistics.median(shares) < REGION_SHARE
