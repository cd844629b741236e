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


def spacing_vote(pages: list[list[Line]]) -> tuple[int, int]:
    """(gaps of exactly one blank line, all gaps between lines) over `pages`."""
    gaps = [line.blank_before for page in pages for line in page[1:]]
    return sum(1 for gap in gaps if gap == 1), len(gaps)


def is_double_spaced(lines: list[Line], document_vote: tuple[int, int]) -> bool:
    """Double-spaced OCR puts one blank line after every line; then a single blank line is
    not a paragraph break. A page with too few lines to tell follows the whole document's
    spacing_vote (counted once: per page, it would make time grow with pages squared)."""
    single_blanks, gaps = spacing_vote([lines])
    if gaps < 4:
        single_blanks, gaps = document_vote
    return gaps >= 2 and single_blanks >= 0.6 * gaps
