"""Quotations: paired quotation marks become <quote> (a passage cited from a source, the
kind a note follows) or <q> (a short quoted phrase). The marks stay inside, as read; a
garbled mark gets its guillemet as a correction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Annotation, BlockKind, Layout, Span
from .context import Context
from .marks import GUILLEMETS, SURE, Mark, find_marks, pair_marks

# A note anchor this close to the closing mark (before or after it) makes a citation.
ANCHOR_REACH = 3


def mark_correction(block: int, mark: Mark, sure: bool) -> Span | None:
    """The guillemet a garbled mark stands for, as a choice span; None for a clean mark."""
    if mark.text in ("«", "»"):
        return None
    attrs = {
        "corr": GUILLEMETS[mark.role],
        "resp": "#teiforge",
        "cert": "high" if sure else "medium",
    }
    return Span(block, mark.start, mark.end, "choice", attrs, "quotes")


def _cites(opening: Mark, closing: Mark, anchors: list[Span]) -> bool:
    return any(
        closing.start - ANCHOR_REACH <= a.end and a.start <= closing.end + ANCHOR_REACH
        for a in anchors
    )


def _is_title(opening: Mark, closing: Mark, titles: list[Span]) -> bool:
    """A quoted title in a reference is the bibliography's, not a quotation."""
    return any(opening.end <= t.start and t.end <= closing.start for t in titles)


def annotate_quotes(
    layout: Layout, found: Sequence[Annotation], context: Context
) -> Iterable[Annotation]:
    spans = [a for a in found if isinstance(a, Span)]
    for index, block in enumerate(layout.blocks):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.NOTE):
            continue
        own = [s for s in spans if s.block == index]
        anchors = [s for s in own if s.tag == "note" and s.start != s.end]
        titles = [s for s in own if s.tag == "title"]
        for opening, closing in pair_marks(find_marks(block.text)):
            sure = opening.certainty == SURE and closing.certainty == SURE
            for mark in (opening, closing):
                correction = mark_correction(index, mark, sure)
                if correction is not None:
                    yield correction
            if _is_title(opening, closing, titles):
                continue
            tag = "quote" if _cites(opening, closing, anchors) else "q"
            yield Span(index, opening.start, closing.end, tag, {}, "quotes")
