"""Where a block's text stands in the source: each character's source line and column.

The layout takes whole lines out (page numbers, footnote separators, a page's notes
between a paragraph and its continuation overleaf), a note's label off its first line,
and joins the rest (joining.py: a line end becomes one space, a hyphen that breaks a
word is dropped). Tracing a block back through its source lines therefore needs none of
the layout's rules, only that a block is pieces of source lines in order, joined that
way; it keeps working whatever the rules decide about which lines go where. A stretch it
cannot trace (a rule that rewrote characters) has no position, and whoever asks falls
back on the words around (annotate/reanchor.py).

A word broken across two lines (dévelop- / pés) is one word of the block; its position
is where it starts.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Block, Layout
from .joining import HYPHENS

MAX_SKIPPED = 80  # source lines a block may jump (a page's notes, its foot, the next head)


@dataclass(frozen=True)
class Stretch:
    """Characters [offset, offset + length) of a block's text are those of source line
    `line` from `column` (1-based) on."""

    offset: int
    line: int
    column: int
    length: int


def _segments(line: str) -> list[tuple[int, str]]:
    """(0-based column, text) of what a source line holds, stripped as the layout strips
    it; a form feed ends a page inside a line, so each side is a segment of its own."""
    found = []
    column = 0
    for part in line.split("\f"):
        text = part.strip()
        if text:
            found.append((column + len(part) - len(part.lstrip()), text))
        column += len(part) + 1
    return found


def _match(segment: str, text: str, at: int) -> int | None:
    """How many characters of `segment` the block's text holds at `at`: all of it, all
    but a hyphen the joining dropped, or the start of it where the block ends mid-line."""
    if text.startswith(segment, at):
        return len(segment)
    if segment.endswith(HYPHENS) and text.startswith(segment[:-1], at):
        return len(segment) - 1
    rest = text[at:]
    if rest and segment.startswith(rest):
        return len(rest)
    return None


def _first_match(segment: str, text: str) -> tuple[int, int] | None:
    """(characters skipped, characters matched) of a block's first segment, which may
    start after a word the layout took off (a note's label)."""
    for skip in range(len(segment)):
        if skip == 0 or (segment[skip - 1].isspace() and not segment[skip].isspace()):
            length = _match(segment[skip:], text, 0)
            if length:
                return skip, length
    return None


def trace(lines: Sequence[str], block: Block) -> tuple[Stretch, ...]:
    """The stretches of `block`'s text, in order, as far as they can be traced from
    `lines` (the source's lines; block.first_line is 1-based among them)."""
    text = block.text
    stretches: list[Stretch] = []
    position, number, skipped = 0, block.first_line, 0
    while position < len(text) and 1 <= number <= len(lines) and skipped <= MAX_SKIPPED:
        skipped += 1
        for column, segment in _segments(lines[number - 1]):
            if position >= len(text):
                break
            if stretches:
                at = position + 1 if text[position] == " " else position
                length = _match(segment, text, at)
                skip = 0
            else:
                at = 0
                first = _first_match(segment, text)
                skip, length = first if first else (0, None)
            if length:
                stretches.append(Stretch(at, number, column + skip + 1, length))
                position, skipped = at + length, 0
        number += 1
    return tuple(stretches)


class SourceMap:
    """Both ways between a layout's blocks and its source: (block, offset) <-> (line,
    column). Every block is traced once, when the map is made."""

    def __init__(self, layout: Layout) -> None:
        lines = layout.source.text.split("\n")
        self._stretches = [trace(lines, block) for block in layout.blocks]
        self._starts = [[s.offset for s in found] for found in self._stretches]
        self._by_line: dict[int, list[tuple[int, Stretch]]] = {}
        for index, found in enumerate(self._stretches):
            for stretch in found:
                self._by_line.setdefault(stretch.line, []).append((index, stretch))

    def position(self, block: int, offset: int) -> tuple[int, int] | None:
        """(source line, column) of a character of a block's text; None for a space that
        a line end became, or what could not be traced."""
        if not 0 <= block < len(self._stretches):
            return None
        index = bisect.bisect_right(self._starts[block], offset) - 1
        if index < 0:
            return None
        stretch = self._stretches[block][index]
        if offset >= stretch.offset + stretch.length:
            return None
        return stretch.line, stretch.column + offset - stretch.offset

    def offset(self, line: int, column: int) -> tuple[int, int] | None:
        """(block, offset) of the character at a source line and column, if a block
        holds it."""
        for block, stretch in self._by_line.get(line, ()):
            if stretch.column <= column < stretch.column + stretch.length:
                return block, stretch.offset + column - stretch.column
        return None
