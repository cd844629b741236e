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
        if "\f" in raw:
            # a form feed ends a page wherever it stands; text around it stays with its side
            before, _, after = raw.partition("\f")
            if before.strip():
                pages[-1].append(Line(number, before.rstrip(), blanks))
            pages.append([])
            blanks = 0
            raw = after.replace("\f", "")
        if not raw.strip():
            blanks += 1
            continue
        if blanks >= PAGE_BREAK_BLANKS and pages[-1]:
            pages.append([])
        first_on_page = not pages[-1]
        pages[-1].append(Line(number, raw.rstrip(), 0 if first_on_page else blanks))
        blanks = 0
    return [page for page in pages if page]


def _spacing_vote(pages: list[list[Line]]) -> tuple[int, int]:
    gaps = [line.blank_before for page in pages for line in page[1:]]
    return sum(1 for gap in gaps if gap == 1), len(gaps)


def is_double_spaced(lines: list[Line], document: list[list[Line]]) -> bool:
    """Double-spaced OCR puts one blank line after every line; then a single blank line is
    not a paragraph break. A page with too few lines to tell follows the whole document."""
    single_blanks, gaps = _spacing_vote([lines])
    if gaps < 4:
        single_blanks, gaps = _spacing_vote(document)
    return gaps >= 2 and single_blanks >= 0.6 * gaps
