"""A page's body lines -> pieces: paragraphs and headings, in order.

A blank line is not a paragraph break on a double-spaced page; there, and on a page set
solid, a paragraph ends where a short line ends a sentence and the next line starts like
a sentence, or where an interview turn starts. A heading is a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..lang import fr
from ..model import BlockKind, Line
from .headings import (
    MAX_HEADING_LINES,
    heading_continues,
    heading_style,
    heads_what_follows,
    is_centred,
    is_heading_line,
    runs_into_sentence,
    set_apart_style,
)
from .joining import HYPHENS
from .measure import (
    carries_on_sentence,
    continues_in_lowercase,
    is_full_width,
    is_noise,
    starts_lowercase,
    starts_new_sentence,
    starts_turn,
    typical_width,
)
from .measure import (
    ends_sentence as _ends_sentence,
)

MIN_INDENT = 2  # spaces that indent a paragraph's first line
MAX_INDENTED_SHARE = 0.4  # of the lines: more indented lines are a layout of their own
MIN_INDENTED = 3
# A document whose pages set lines apart this often marks its paragraphs with blank lines.
BLANK_MARKED_SHARE = 0.3
MIN_LINES_TO_TELL = 5
# In a text set solid, a sentence's end on a line shorter than this share of the measure
# ends a paragraph (0.85 where blank lines mark paragraphs: the sentence is a second sign).
SOLID_FULL_WIDTH = 0.93
# Blank lines in mid-sentence from which a page's blank lines are no paragraph sign.
MIN_BROKEN_BLANKS = 2


# A note call that ends a line after its sentence's stop (`les bras : ††`, `fin.¹²`,
# `partit. [3]`, `dit-il. (a)`): the sentence ends before it.
_TRAILING_CALL = re.compile(
    r"(?:\s*(?:[*†‡]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\[\d{1,3}\]|\((?:\d{1,3}|[a-k])\))"
    r"|(?<=[.!?:…»])\d{1,3})$"
)


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence, a note call after its stop aside."""
    return _ends_sentence(_TRAILING_CALL.sub("", text.rstrip()))


@dataclass(frozen=True)
class Piece:
    kind: BlockKind  # PARAGRAPH or HEADING
    lines: tuple[Line, ...]
    style: str = ""  # headings: their enumerator style


def indents_paragraphs(lines: list[Line]) -> bool:
    """Whether a document keeps the print's indentation of a paragraph's first line: some
    lines, but a minority, start with spaces (a text laid out from an edition; OCR engines
    drop indentation, and a stray space or two is no convention). Centred lines (titles,
    page numbers) are not indented ones."""
    width = typical_width(lines)
    indented = sum(
        1 for line in lines if _indent(line) >= MIN_INDENT and not is_centred(line, width)
    )
    return MIN_INDENTED <= indented <= MAX_INDENTED_SHARE * len(lines)


def is_indented(line: Line) -> bool:
    """Whether a line is indented as a paragraph's first line is."""
    return _indent(line) >= MIN_INDENT


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip(" "))


def marks_paragraphs_with_blanks(pages: list[list[Line]]) -> bool:
    """Whether a document separates paragraphs by blank lines: on a good share of its
    pages some lines are set apart. Where it does not (a text set solid, an edition's
    text laid out line by line), sentences are the only sign of a paragraph's end, and a
    last line that nearly fills the measure ends one too."""
    pages = [page for page in pages if len(page) >= MIN_LINES_TO_TELL]
    marked = sum(1 for page in pages if any(line.blank_before for line in page[1:]))
    return not pages or marked >= BLANK_MARKED_SHARE * len(pages)


def breaks_paragraph(
    previous: Line,
    line: Line,
    width: int,
    double_spaced: bool,
    indents: bool = False,
    blank_marked: bool = True,
    blanks: bool = True,
) -> bool:
    """Whether `line` starts a new paragraph after `previous`. `indents`: the document
    indents first lines (a line flush left and not set apart by a blank line then carries
    on, unless it stands alone: a list item, a date, a signature). `blanks`: whether the
    page's blank lines mark paragraphs (blanks_mark_breaks); where they do not, a blank
    line counts only after a short line."""
    if indents and _indent(line) >= MIN_INDENT + _indent(previous):
        return not starts_lowercase(line.text)  # an indented first line, not a verse's
    # two first lines in a row: the one above was a paragraph of one line (`— Son nom ?`)
    if (
        indents
        and MIN_INDENT <= _indent(line) == _indent(previous)
        and ends_sentence(previous.text)
        and starts_new_sentence(line.text)
    ):
        return True
    spacing = line.blank_before - (1 if double_spaced else 0)
    if indents and _indent(line) < MIN_INDENT and spacing < 1 and not _stands_alone(line.text):
        return False  # where first lines are indented, a line flush left carries on
    if spacing >= 1:
        # OCR sets blank lines between the blocks it finds, in mid-sentence too: a line
        # that carries on a sentence (`tyrans qui les ont`, after `car les.`) does not
        # start a paragraph, nor one after a full line that breaks off; on a page whose
        # blank lines mostly fall in mid-sentence, nor one after any full line (a stop
        # at the measure's end is no paragraph's end there)
        if _carries_on_over_blank(previous, line):
            return False
        short = not is_full_width(previous, width)
        return short or (blanks and ends_sentence(previous.text))
    if starts_turn(line.text) or _stands_alone(line.text) and not _carries_on(previous):
        return True
    if _stands_alone(previous.text) and not is_full_width(previous, width):
        return True  # a date line ends its paragraph, even without a full stop
    if carries_on_sentence(line.text) or not starts_new_sentence(line.text):
        return False
    if not ends_sentence(previous.text):
        return False
    if blank_marked:
        return not is_full_width(previous, width)
    return len(previous.text.strip()) < SOLID_FULL_WIDTH * width


def _carries_on_over_blank(previous: Line, line: Line) -> bool:
    """A line after a blank that goes on with the sentence above: it opens on a lowercase
    word (`tyrans qui les ont`, even after `car les.`: OCR's stop), or on punctuation
    that cannot open a sentence after a line that did not end one."""
    return continues_in_lowercase(line.text) or (
        carries_on_sentence(line.text) and not ends_sentence(previous.text)
    )


def blanks_mark_breaks(body: list[Line], extra: int) -> bool:
    """Whether a page's blank lines (beyond its own `extra` spacing) may mark paragraphs.
    OCR sets blank lines between the blocks it finds, and on some pages most of them fall
    inside sentences (a line that carries on the one above, a word broken at a hyphen);
    when at least MIN_BROKEN_BLANKS and half of them do, a blank line on that page ends a
    paragraph only after a short line (a full line that ends on a stop goes on). A page
    whose blank lines fall between sentences (or once in mid-sentence) keeps them."""
    gaps = broken = 0
    for previous, line in pairwise(body):
        if line.blank_before - extra < 1:
            continue
        gaps += 1
        if _carries_on_over_blank(previous, line) or previous.text.rstrip().endswith(HYPHENS):
            broken += 1
    return broken < MIN_BROKEN_BLANKS or 2 * broken < gaps


def _signed_after(text: str) -> bool:
    """Whether a line is what a signature follows: a title ending with a comma, or the
    date line of a letter or an act (`Fait à Paris, le 12 mars 1767.`)."""
    text = text.strip()
    return text.endswith(",") or bool(fr.DATE_LINE.search(text) and len(text.split()) <= 10)


def _carries_on(previous: Line) -> bool:
    """A line that ends on a word, without a stop (`ils parviennent à rester jusqu'à`):
    its sentence goes on in the next line, whatever that line looks like (`5o secondes`
    is no list item)."""
    text = previous.text.rstrip()
    return bool(text) and (text[-1].isalpha() or text[-1] in "'’")


def _stands_alone(text: str) -> bool:
    """Lines that are a paragraph of their own whatever the spacing: a date line, a
    signature, a list item (`1° ...`)."""
    text = text.strip()
    return bool(
        fr.LIST_ITEM.match(text)
        or fr.SIGNATURE_LINE.match(text)
        or (fr.DATE_LINE.search(text) and len(text.split()) <= 10)
    )


def page_pieces(
    body: list[Line],
    width: int,
    double_spaced: bool,
    indents: bool = False,
    blank_marked: bool = True,
    headings: frozenset[int] = frozenset(),
) -> list[Piece]:
    """A page's body -> paragraphs and headings. `headings`: the source lines the OCR
    engine labelled as headings (layout/labels.py), each run of them one heading."""
    pieces: list[Piece] = []
    current: list[Line] = []
    extra = 1 if double_spaced else 0
    blanks = blanks_mark_breaks(body, extra)
    index = 0
    previous: Line | None = None  # the last line above that holds a word (is_noise)
    while index < len(body):
        line = body[index]
        at_break = previous is None or breaks_paragraph(
            previous, line, width, double_spaced, indents, blank_marked, blanks
        )
        # a heading needs only the sentence before it finished, even on a full-width line
        may_head = at_break or previous is None or ends_sentence(previous.text) or not current
        if previous is not None and _signed_after(previous.text):
            may_head = False  # `Le Commissaire de la République,` / `LAKANAL.` signs
        following = body[index + 1] if index + 1 < len(body) else None
        if following is not None and fr.BYLINE.match(following.text.strip()):
            may_head = True  # a title signed by its byline, though a sentence runs into it
        style = heading_style(line.text) if may_head and is_heading_line(line, width) else None
        if style is None and may_head:
            style = set_apart_style(
                previous, line, following, width, extra, blank_marked and blanks
            )
        if style is not None and not heads_what_follows(line, following):
            style = None
        if current and style is None and line.number not in headings and is_noise(line.text):
            current.append(line)  # stray marks stay in the paragraph they fall in
            index += 1
            continue
        previous = line
        if line.number in headings:
            if current:
                pieces.append(Piece(BlockKind.PARAGRAPH, tuple(current)))
                current = []
            end = index + 1
            while end < len(body) and body[end].number in headings:
                end += 1
            pieces.append(Piece(BlockKind.HEADING, tuple(body[index:end]), "labelled"))
            index, previous = end, body[end - 1]
            continue
        if style is not None:
            if current:
                pieces.append(Piece(BlockKind.PARAGRAPH, tuple(current)))
                current = []
            heading = [line]
            while len(heading) < MAX_HEADING_LINES and index + len(heading) < len(body):
                end = index + len(heading)
                after = body[end + 1] if end + 1 < len(body) else None
                if not heading_continues(line, body[end], after, width, extra):
                    break
                heading.append(body[end])
            after_heading = body[index + len(heading)] if index + len(heading) < len(body) else None
            if not runs_into_sentence(heading, after_heading):
                pieces.append(Piece(BlockKind.HEADING, tuple(heading), style))
                index, previous = index + len(heading), heading[-1]
                continue
            style = None
        if current and at_break:
            pieces.append(Piece(BlockKind.PARAGRAPH, tuple(current)))
            current = []
        current.append(line)
        index += 1
    if current:
        pieces.append(Piece(BlockKind.PARAGRAPH, tuple(current)))
    return pieces


def ends_paragraph(piece: Piece, width: int) -> bool:
    """Whether a page's last piece is finished, or runs on to the next page."""
    if piece.kind is BlockKind.HEADING:
        return True
    last = piece.lines[-1]
    return ends_sentence(last.text) and not is_full_width(last, width)
