"""The OCR engine's confidence in each word, placed in the blocks' text for the corrector
(ocr/engine.py): a source read from ALTO, PAGE, hOCR or TSV has its words' confidences
on its facsimile's zones, by source line; the layout's source map says where each word
went in the blocks (rejoined paragraphs, hyphenated words, notes moved). A plain text
has none: every block gets no confidence.
"""

from __future__ import annotations

from ..layout.origins import source_map
from ..model import Layout
from ..ocr.engine import Confidences, carries_confidences, line_spans


def block_confidences(layout: Layout) -> list[Confidences]:
    """For each block, its engine words' spans and confidences, in order."""
    facsimile = layout.source.facsimile
    if facsimile is None or not carries_confidences(layout.source):
        return [Confidences() for _ in layout.blocks]
    found: list[list[tuple[int, int, float]]] = [[] for _ in layout.blocks]
    lines = layout.source.text.split("\n")
    where = source_map(layout)
    for zone in facsimile.zones:
        if not 0 < zone.line <= len(lines):
            continue
        for start, end, confidence in line_spans(lines[zone.line - 1], zone.words):
            placed = where.offset(zone.line, start + 1)
            if placed is not None:
                block, offset = placed
                found[block].append((offset, offset + end - start, confidence))
    return [Confidences(tuple(_apart(sorted(spans)))) for spans in found]


def _apart(spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Spans in order, none overlapping the one before (what a repeated trace may give)."""
    kept: list[tuple[int, int, float]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
