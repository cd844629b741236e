"""Source text -> raw pages: lists of non-blank Lines, split at form feeds and long blank runs."""

from __future__ import annotations

from ..model import Line

# A run of this many blank lines or more separates pages. OCR exports put dozens of blank
# lines where a page ended; within a page, even double-spaced text has one or two.
PAGE_BREAK_BLANKS = 5


def split_pages(text: str) -> list[list[Line]]:
    pages: list[list[Line]] = [[]]
    blanks = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        *before_feeds, raw = raw.split("\f")
        for before in before_feeds:
            # a form feed ends a page wherever it stands; text around it stays with its side
            if before.strip():
                pages[-1].append(Line(number, before.rstrip(), blanks if pages[-1] else 0))
            pages.append([])
            blanks = 0
        if not raw.strip():
            blanks += 1
            continue
        if blanks >= PAGE_BREAK_BLANKS and pages[-1]:
            pages.append([])
        first_on_page = not pages[-1]
        pages[-1].append(Line(number, raw.rstrip(), 0 if first_on_page else blanks))
        blanks = 0
    return [page for page in pages if page]


def spacing_vote(pages: list[list[Line]]) -> tuple[int, int, int]:
    """(gaps of exactly one blank line, gaps of two or more, all gaps between lines)."""
    gaps = [line.blank_before for page in pages for line in page[1:]]
    return sum(1 for gap in gaps if gap == 1), sum(1 for gap in gaps if gap > 1), len(gaps)


def is_double_spaced(lines: list[Line], document_vote: tuple[int, int, int]) -> bool:
    """Double-spaced OCR puts one blank line after every line; then a single blank line is
    not a paragraph break. A page is so when most of its gaps are blank lines, single or
    wider (a page set solid has gaps of one blank line only between paragraphs, and none
    wider): a share of exactly-one gaps alone would miss a page of short paragraphs set two
    blank lines apart, and make every line a paragraph. A page with too few lines
    to tell follows the whole document's spacing_vote (counted once: per page, it would
    make time grow with pages squared)."""
    ones, wider, gaps = spacing_vote([lines])
    if gaps < 4:
        ones, wider, gaps = document_vote
    return gaps >= 2 and ones > 0 and ones + wider >= 0.6 * gaps
