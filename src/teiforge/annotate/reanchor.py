"""Where a row of the corrections file (ocr/decisions.py) stands in a document as the
layout cuts it now: its block and offsets, found from the row's source anchor, or, when
the word is no longer exactly there, from its word and context.

A row is found, in this order:
1. at its source line and column, when its word (`sic`, whole) still starts there and at
   least one side of its context agrees (or neither side can tell: a one-word block).
   Layout changes never move a word in the source, so this finds nearly every row;
2. a row of an old file: at its block and offsets, on the same terms;
3. elsewhere (the source was edited, or an old file's layout changed): the word, whole,
   where its context agrees. Tried in turn: lines within NEAR of the row's line with
   both sides agreeing (or one agreeing and the other unknown), the whole document so,
   then lines within NEAR with one side agreeing, the whole document so. The first try
   that finds one place gives it; one that finds several leaves the row AMBIGUOUS.

The context of a place is what review writes in left and right; a side agrees when its
NEAREST words (nearest first) are the row's, is unknown when either has no word there
(the edge of a block), and differs otherwise. A side differs where the layout changed
next to the word (a running head no longer in the text), which is why one side is
enough at the anchor.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..layout.origins import source_map
from ..model import Layout
from ..ocr.decisions import AMBIGUOUS, NOT_FOUND, Row

log = logging.getLogger(__name__)

CONTEXT = 40  # characters of context on each side, as review writes them
NEAREST = 2  # words of context compared on each side
NEAR = 3  # source lines on each side of the row's line searched first


@dataclass(frozen=True)
class Place:
    """A word in the current layout, with where it starts in the source ((0, 0): not
    traced)."""

    block: int
    start: int
    end: int
    line: int
    column: int


@dataclass(frozen=True)
class Lost:
    """A row found nowhere (NOT_FOUND) or at several places (AMBIGUOUS, their lines)."""

    status: str
    lines: tuple[int, ...] = ()


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The text on each side of [start, end), spaces collapsed: left and right of a row."""
    left = text[max(0, start - CONTEXT) : start]
    return " ".join(left.split()), " ".join(text[end : end + CONTEXT].split())


def agreement(wanted: str, found: str, left: bool) -> bool | None:
    """Whether the NEAREST words of a context side agree with a row's; None: unknown."""
    want, have = wanted.split(), found.split()
    if left:
        want, have = want[::-1], have[::-1]
    for index in range(min(NEAREST, len(want), len(have))):
        a, b = want[index], have[index]
        if a == b:
            continue
        # a context's farthest word may be cut where its CONTEXT characters end
        cut = index in (len(want) - 1, len(have) - 1)
        if not (cut and _cut_alike(a, b, left)):
            return False
    return None if not want or not have else True


def _cut_alike(a: str, b: str, left: bool) -> bool:
    """Whether one word is the other cut short: its end kept on the left, its start on
    the right."""
    if left:
        return a.endswith(b) or b.endswith(a)
    return a.startswith(b) or b.startswith(a)


def _whole(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not part of a longer word."""
    glued_before = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    glued_after = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    return not (glued_before or glued_after)


def _occurrences(text: str, word: str) -> Iterator[int]:
    start = text.find(word)
    while start != -1:
        if _whole(text, start, start + len(word)):
            yield start
        start = text.find(word, start + 1)


class Locator:
    """Finds rows of one document in its layout; the layout is traced once."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.source_map = source_map(layout)

    def place(self, block: int, start: int, end: int) -> Place:
        line, column = self.source_map.position(block, start) or (0, 0)
        return Place(block, start, end, line, column)

    def _sides(self, row: Row, block: int, start: int) -> tuple[bool | None, bool | None]:
        left, right = context(self.layout.blocks[block].text, start, start + len(row.sic))
        return agreement(row.left, left, True), agreement(row.right, right, False)

    def _anchored(self, row: Row) -> Place | None:
        anchors = []
        if row.column > 0:
            anchors.append(self.source_map.offset(row.line, row.column))
        if row.block_anchor is not None:
            anchors.append(row.block_anchor[:2])
        for anchor in anchors:
            if anchor is None or not 0 <= anchor[0] < len(self.layout.blocks):
                continue
            block, start = anchor
            end = start + len(row.sic)
            text = self.layout.blocks[block].text
            if start < 0 or text[start:end] != row.sic or not _whole(text, start, end):
                continue
            sides = self._sides(row, block, start)
            if True in sides or sides == (None, None):
                return self.place(block, start, end)
        return None

    def locate(self, row: Row) -> Place | Lost:
        if not row.sic:
            return Lost(NOT_FOUND)
        anchored = self._anchored(row)
        if anchored is not None:
            return anchored
        found: list[tuple[Place, bool]] = []  # with: no side differs
        for block, found_block in enumerate(self.layout.blocks):
            for start in _occurrences(found_block.text, row.sic):
                sides = self._sides(row, block, start)
                if True in sides:
                    found.append(
                        (self.place(block, start, start + len(row.sic)), False not in sides)
                    )
        near = {p for p, _ in found if p.line and abs(p.line - row.line) <= NEAR}
        for in_reach, both in ((True, True), (False, True), (True, False), (False, False)):
            matches = [
                p for p, agree in found if (agree or not both) and (p in near or not in_reach)
            ]
            if len(matches) == 1:
                return matches[0]
            if matches:
                return Lost(AMBIGUOUS, tuple(sorted(p.line for p in matches)))
        return Lost(NOT_FOUND)


def placed(rows: Sequence[Row], locator: Locator, where: object) -> list[tuple[Row, Place]]:
    """The decided rows of a document where they stand now; the others are reported, with
    their line in the corrections file `where`, and left out. Of two rows on one word,
    the first in the file wins."""
    document = locator.layout.source.name
    taken: list[tuple[Row, Place]] = []
    for row in rows:
        found = locator.locate(row)
        where_row = f"{where}:{row.file_line}: '{row.sic}' (source line {row.line})"
        if isinstance(found, Lost):
            if found.status == AMBIGUOUS:
                lines = ", ".join(str(line) for line in found.lines)
                log.warning(
                    "%s found at %d places in %s (source lines %s), none sure; "
                    "decision kept in the file, not applied",
                    where_row,
                    len(found.lines),
                    document,
                    lines,
                )
            else:
                log.warning(
                    "%s no longer found in %s; decision kept in the file, not applied",
                    where_row,
                    document,
                )
            continue
        first = next((r for r, p in taken if _overlap(p, found)), None)
        if first is not None:
            log.warning(
                "%s is the word the row of line %d decides; not applied", where_row, first.file_line
            )
            continue
        if (found.line, found.column) != (row.line, row.column):
            log.info("%s found at source line %d, column %d", where_row, found.line, found.column)
        taken.append((row, found))
    return taken


def _overlap(a: Place, b: Place) -> bool:
    return a.block == b.block and a.start < b.end and b.start < a.end
