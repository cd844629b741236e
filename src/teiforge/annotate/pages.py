"""Which stretches of the blocks' text stand on which page (a paragraph may run on to the
next page: the layout marks where with a pb span)."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from ..model import BlockKind, Layout

Segment = tuple[int, int, int]  # (block index, start, end) in the block's text


def page_segments(layout: Layout) -> dict[int, list[Segment]]:
    """For each page, the body text on it (headings and paragraphs, not notes), in order."""
    breaks: dict[int, list[int]] = defaultdict(list)
    for span in layout.spans:
        if span.tag == "pb":
            breaks[span.block].append(span.start)
    segments: dict[int, list[Segment]] = defaultdict(list)
    for index, block in enumerate(layout.blocks):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            continue
        bounds = [0, *sorted(breaks.get(index, [])), len(block.text)]
        for page_offset, (start, end) in enumerate(pairwise(bounds)):
            segments[block.page + page_offset].append((index, start, end))
    return segments
