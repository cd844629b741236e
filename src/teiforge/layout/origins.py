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
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Block, Layout
from .joining import HYPHENS

MAX_SKIPPED = 80  # source lines a block may jump (a page's notes, its foot, the next head)
# readings followed at once: the furthest; a block of many alike lines ("le conseil de la
# ville" a thousand times) can be read at as many offsets, which made tracing quadratic
MAX_READINGS = 64


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
    skip = segment.find(text[:1])
    while skip != -1:
        if skip == 0 or segment[skip - 1].isspace():
            if len(segment) - skip - 1 <= len(text):  # it may end within the text
                length = _match(segment[skip:], text, 0)
            else:  # the text ends within it (no copy of a long line for each word)
                length = len(text) if segment.startswith(text, skip) else None
            if length:
                return skip, length
        skip = segment.find(text[:1], skip + 1)
    return None


@dataclass(frozen=True)
class _Reading:
    """One way of reading a block's text off its source lines so far: how far it got, the
    lines read since it last took one, its stretches (linked back, last first)."""

    position: int
    skipped: int
    stretch: Stretch | None = None
    before: _Reading | None = None

    def take(self, text: str, number: int, column: int, segment: str) -> _Reading | None:
        """This reading with `segment` taken as the block's next stretch, if it is."""
        if self.stretch is None:
            first = _first_match(segment, text)
            if first is None:
                return None
            at, (skip, length) = 0, first
        else:
            at = self.position + 1 if text[self.position] == " " else self.position
            skip, length = 0, _match(segment, text, at) or 0
        if not length:
            return None
        return _Reading(at + length, 0, Stretch(at, number, column + skip + 1, length), self)

    def stretches(self) -> tuple[Stretch, ...]:
        found = []
        reading: _Reading | None = self
        while reading is not None and reading.stretch is not None:
            found.append(reading.stretch)
            reading = reading.before
        return tuple(reversed(found))


def trace(lines: Sequence[str], block: Block) -> tuple[Stretch, ...]:
    """The stretches of `block`'s text, in order, as far as they can be traced from
    `lines` (the source's lines; block.first_line is 1-based among them).

    Each source line from the block's first on is either in the block or left out, and a
    line that looks taken may not be (a catchword at a page's foot repeats the next page's
    first word): every reading is followed, one per position reached, until one reaches
    the text's end or none has taken a line for MAX_SKIPPED lines."""
    text = block.text
    if not text:
        return ()  # a page break, a gap
    readings = [_Reading(0, 0)]
    furthest = readings[0]
    for number in range(max(1, block.first_line), len(lines) + 1):
        for column, segment in _segments(lines[number - 1]):
            grown = [r for r in (r.take(text, number, column, segment) for r in readings) if r]
            for reading in grown:
                if reading.position >= len(text):
                    return reading.stretches()
                furthest = max(furthest, reading, key=lambda r: r.position)
            readings = _fewest_skipped([*grown, *readings])
        # built directly: dataclasses.replace was most of the time of tracing a long block
        readings = [
            _Reading(r.position, r.skipped + 1, r.stretch, r.before)
            for r in readings
            if r.skipped < MAX_SKIPPED
        ]
        if not readings:
            break
    return furthest.stretches()


def _fewest_skipped(readings: list[_Reading]) -> list[_Reading]:
    """One reading per position reached: the one that took a line last; at most
    MAX_READINGS of them, the furthest."""
    kept: dict[int, _Reading] = {}
    for reading in readings:
        if reading.position not in kept or reading.skipped < kept[reading.position].skipped:
            kept[reading.position] = reading
    if len(kept) > MAX_READINGS:
        return [kept[p] for p in sorted(kept, reverse=True)[:MAX_READINGS]]
    return list(kept.values())


class SourceMap:
    """Both ways between a layout's blocks and its source: (block, offset) <-> (line,
    column). Every block is traced once, when the map is made."""

    def __init__(self, layout: Layout) -> None:
        lines = layout.source.text.split("\n")
        self._lines = lines
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

    def line_starts(self, block: int) -> frozenset[int]:
        """The offsets in a block's text where a source line's text begins (always 0, the
        block's own start): old print sets a quotation's mark at every line's start."""
        starts = {0}
        for stretch in self._stretches[block]:
            segments = _segments(self._lines[stretch.line - 1])
            if any(stretch.column == column + 1 for column, _ in segments):
                starts.add(stretch.offset)
        return frozenset(starts)

    def line_beginnings(self, block: int) -> list[tuple[int, int]]:
        """(offset in the block's text, source line number) where each source line of a
        block begins: its first stretch (after a note's label, say), then every stretch
        that starts where its source line's text does."""
        found = []
        for index, stretch in enumerate(self._stretches[block]):
            segments = _segments(self._lines[stretch.line - 1])
            if index == 0 or any(stretch.column == column + 1 for column, _ in segments):
                found.append((stretch.offset, stretch.line))
        return found

    def offset(self, line: int, column: int) -> tuple[int, int] | None:
        """(block, offset) of the character at a source line and column, if a block
        holds it."""
        for block, stretch in self._by_line.get(line, ()):
            if stretch.column <= column < stretch.column + stretch.length:
                return block, stretch.offset + column - stretch.column
        return None


_last: tuple[weakref.ref[Layout], SourceMap] | None = None


def source_map(layout: Layout) -> SourceMap:
    """The SourceMap of a layout, made once for the stages that ask for it in turn (the
    quotation and note annotators, the line breaks of a facsimile): tracing every block
    is the costly part."""
    global _last
    if _last is not None and _last[0]() is layout:
        return _last[1]
    made = SourceMap(layout)
    _last = (weakref.ref(layout), made)
    return made
