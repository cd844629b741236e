"""Where the source's lines begin in a paragraph's text.

Layout joins a paragraph's lines into one text and keeps no trace of where each began;
the quotation marks that old print sets at the start of every line of a quotation are
known by that place. So the lines are joined again, as layout joins them (TextBuilder),
from the paragraph's first line on, across a page's turn; if that does not give back the
paragraph's text exactly, only its start is known.
"""

from __future__ import annotations

from ..layout.joining import TextBuilder
from ..model import Block, BlockKind, Layout, Line


def _body_lines(layout: Layout) -> tuple[list[Line], dict[int, int]]:
    lines = [line for page in layout.pages for line in page.body]
    return lines, {line.number: index for index, line in enumerate(lines)}


def _starts(block: Block, lines: list[Line], index: int | None) -> frozenset[int]:
    if index is None:
        return frozenset({0})
    builder, starts, end = TextBuilder(), [], 0
    while end < len(block.text) and index < len(lines):
        start = builder.append(lines[index].text)
        starts.append(start)
        end = start + len(lines[index].text.strip())
        index += 1
    if builder.text != block.text:
        return frozenset({0})
    return frozenset(starts)


def line_starts(layout: Layout) -> dict[int, frozenset[int]]:
    """For each paragraph (by block index), the offsets in its text where a line begins."""
    lines, by_number = _body_lines(layout)
    return {
        index: _starts(block, lines, by_number.get(block.first_line))
        for index, block in enumerate(layout.blocks)
        if block.kind is BlockKind.PARAGRAPH
    }
