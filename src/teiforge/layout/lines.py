"""Where each source line begins in the blocks that rejoined them: line-break spans, for
a source whose lines stand somewhere on a page image (the TEI's lb/@facs)."""

from __future__ import annotations

from ..model import BlockKind, Layout, Span
from .origins import source_map

_WITH_LINES = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.NOTE)


def line_breaks(layout: Layout) -> list[Span]:
    """An "lb" milestone where each source line begins in a paragraph, heading or note;
    attrs: the source line's number, and break "no" where the joining dropped a hyphen
    (the line goes on in mid-word)."""
    traced = source_map(layout)
    spans = []
    for index, block in enumerate(layout.blocks):
        if block.kind not in _WITH_LINES:
            continue
        for offset, line in traced.line_beginnings(index):
            attrs = {"line": str(line)}
            if offset and not block.text[offset - 1].isspace():
                attrs["break"] = "no"
            spans.append(Span(index, offset, offset, "lb", attrs, "layout"))
    return spans
