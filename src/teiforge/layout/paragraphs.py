"""A page's body lines -> pieces: paragraphs and headings, in order.

A blank line is not a paragraph break on a double-spaced page; there, and on a page set
solid, a paragraph ends where a short line ends a sentence and the next line starts like
a sentence, or where an interview turn starts. A heading is a line of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import BlockKind, Line
from .headings import enumerator_style, heading_continues, is_heading_line
from .measure import (
    ends_sentence,
    is_full_width,
    starts_lowercase,
    starts_new_sentence,
    starts_turn,
)


@dataclass(frozen=True)
class Piece:
    kind: BlockKind  # PARAGRAPH or HEADING
    lines: tuple[Line, ...]
    style: str = ""  # headings: their enumerator style


def breaks_paragraph(previous: Line, line: Line, width: int, double_spaced: bool) -> bool:
    spacing = line.blank_before - (1 if double_spaced else 0)
    if spacing >= 1:
        return True
    if starts_turn(line.text):
        return True
    if starts_lowercase(line.text) or not starts_new_sentence(line.text):
        return False
    return ends_sentence(previous.text) and not is_full_width(previous, width)


def page_pieces(body: list[Line], width: int, double_spaced: bool) -> list[Piece]:
    pieces: list[Piece] = []
    current: list[Line] = []
    index = 0
    while index < len(body):
        line = body[index]
        at_break = index == 0 or breaks_paragraph(body[index - 1], line, width, double_spaced)
        # a heading needs only the sentence before it finished, even on a full-width line
        may_head = at_break or ends_sentence(body[index - 1].text) or not current
        if may_head and is_heading_line(line, width):
            if current:
                pieces.append(Piece(BlockKind.PARAGRAPH, tuple(current)))
                current = []
            heading = [line]
            following = body[index + 2] if index + 2 < len(body) else None
            if index + 1 < len(body) and heading_continues(body[index + 1], following, width):
                heading.append(body[index + 1])
            pieces.append(Piece(BlockKind.HEADING, tuple(heading), enumerator_style(line.text)))
            index += len(heading)
            continue
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
