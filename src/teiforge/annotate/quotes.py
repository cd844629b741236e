"""Quotations: paired quotation marks become <quote> (a passage cited from a source, the
kind a note follows) or <q> (a short quoted phrase). The marks stay inside, as read; a
garbled mark gets its guillemet as a correction. Marks that continue a quotation at the
start of its lines or paragraphs (marks.py) stay in the text too, and open nothing.

A quotation over several paragraphs is one <quote> per paragraph, the parts linked in
reading order by @next and @prev (att.global.linking, TEI's way of saying that elements
are parts of one: Guidelines, "Aggregation") and sharing one kind. Not a block <quote>
holding the paragraphs, because:
  - the quotation often starts inside a paragraph (`Il écrit : « Les premiers mois...`)
    or ends inside one (`... fait. » Et il ajoute`): a block would have to cut those
    paragraphs in two, and the text's own paragraphs are evidence too;
  - the page breaks and the notes that stand between the paragraphs stay where the
    layout put them, and the body's structure (tei/body.py) stays the layout's;
  - every part is an ordinary span over one paragraph's text, so the serializer needs no
    new case and an old reader of the TEI still sees a quotation in each paragraph.
A passage long enough to run over paragraphs is cited, not a phrase: its parts are
<quote>, whatever follows them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from ..layout.origins import source_map
from ..model import Annotation, BlockKind, Layout, Span
from .context import Context
from .marks import SURE, Mark, Pairing, Quotation, pair_marks

# A note anchor this close to the closing mark (before or after it) makes a citation.
ANCHOR_REACH = 3
# Blocks a quotation runs on over (the page turns, the footnotes printed between).
_TRANSPARENT = (BlockKind.PAGE_BREAK, BlockKind.NOTE)


def mark_correction(block: int, mark: Mark, sure: bool) -> Span | None:
    """The guillemet a garbled mark stands for, as a choice span; None for a clean mark."""
    if mark.text == mark.form:
        return None
    attrs = {
        "corr": mark.form,
        "resp": "#teiforge",
        "cert": "high" if sure else "medium",
    }
    return Span(block, mark.start, mark.end, "choice", attrs, "quotes")


def _cites(closing: Mark, anchors: list[Span]) -> bool:
    return any(
        closing.start - ANCHOR_REACH <= a.end and a.start <= closing.end + ANCHOR_REACH
        for a in anchors
    )


def _is_title(opening: Mark, closing: Mark, titles: list[Span]) -> bool:
    """A quoted title in a reference is the bibliography's, not a quotation."""
    return any(opening.end <= t.start and t.end <= closing.start for t in titles)


def _quotations(layout: Layout) -> Iterator[Quotation]:
    """Every quotation, in reading order: those of paragraphs, which may run on over
    paragraphs (past the page breaks and footnotes between them), and those of headings
    and notes, each on its own."""
    source = source_map(layout)
    pairing = Pairing()
    for index, block in enumerate(layout.blocks):
        if block.kind is BlockKind.PARAGRAPH:
            yield from pairing.paragraph(index, block.text, source.line_starts(index))
        elif block.kind in (BlockKind.HEADING, BlockKind.NOTE):
            yield from (_in_block(q, index) for q in pair_marks(block.text))
        if block.kind not in (BlockKind.PARAGRAPH, *_TRANSPARENT):
            pairing.interrupt()


def _in_block(quotation: Quotation, block: int) -> Quotation:
    opening, closing = quotation.opening, quotation.closing
    return Quotation(replace(opening, block=block), replace(closing, block=block), (), (block,))


def _parts(layout: Layout, quotation: Quotation, number: int) -> Iterator[Span]:
    """One <quote> per paragraph of a quotation that runs over several, linked."""
    blocks = quotation.blocks
    ids = [f"quote{number}-{part}" for part in range(1, len(blocks) + 1)]
    for part, block in enumerate(blocks):
        start = quotation.opening.start if part == 0 else 0
        end = quotation.closing.end if part == len(blocks) - 1 else len(layout.blocks[block].text)
        attrs = {"xml:id": ids[part]}
        if part + 1 < len(blocks):
            attrs["next"] = f"#{ids[part + 1]}"
        if part > 0:
            attrs["prev"] = f"#{ids[part - 1]}"
        yield Span(block, start, end, "quote", attrs, "quotes")


def annotate_quotes(
    layout: Layout, found: Sequence[Annotation], context: Context
) -> Iterable[Annotation]:
    by_block: dict[int, list[Span]] = defaultdict(list)
    for span in found:
        if isinstance(span, Span) and span.tag in ("title", "note"):
            by_block[span.block].append(span)
    number = 0  # of the quotations over several paragraphs, for their parts' ids
    for quotation in _quotations(layout):
        opening, closing = quotation.opening, quotation.closing
        for mark in (opening, closing, *quotation.continuations):
            sure = quotation.sure and mark.certainty == SURE
            correction = mark_correction(mark.block, mark, sure)
            if correction is not None:
                yield correction
        if len(quotation.blocks) > 1:
            number += 1
            yield from _parts(layout, quotation, number)
            continue
        own = by_block[opening.block]
        if _is_title(opening, closing, [s for s in own if s.tag == "title"]):
            continue
        anchors = [s for s in own if s.tag == "note" and s.start != s.end]
        tag = "quote" if _cites(closing, anchors) else "q"
        yield Span(opening.block, opening.start, closing.end, tag, {}, "quotes")
