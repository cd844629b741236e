"""OCR corrections (code "ocr"; it runs last): the corrector's proposals as choice spans
(sic and corr, corr/@resp #teiforge and @cert) and sic spans (an error with no sure
correction), then the editor's decisions from the corrections file, if there is one,
each found where its row is anchored in the source (reanchor.py).

passes: médiotion -> choice (corr médiation); lls -> choice (corr Ils); CNRS, XIV, estoit,
Paris -> nothing; any word of a document declared in another language (`--lang en`), or of
one clearly written in another, -> nothing (ocr/language.py); the editor's decisions
still apply.
A word inside a name, a note anchor or an earlier correction is left alone; a correction
never runs across the edge of an earlier span (a quotation, a title), and a word that
holds a milestone (a page break) is not touched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Annotation, Layout, Responsibility, Span
from ..ocr import Passage, Proposal, load_corrector
from ..ocr.decisions import ACCEPT, REJECT, Row, read_corrections
from ..ocr.language import declared_french
from .context import Context
from .engine_words import block_confidences
from .reanchor import Locator, Place, placed

RESP = "#teiforge"
REVIEW = "review of OCR corrections"
# Spans whose words the corrector may correct: they hold running text.
CONTAINERS = frozenset(
    {"quote", "q", "said", "cit", "title", "bibl", "hi", "emph", "head", "p", "seg", "s", "l"}
)


def passages(layout: Layout, found: Sequence[Annotation]) -> list[Passage]:
    """One passage per block: its text, the edges of the spans found before as cuts, and
    the words to leave alone (inside names, anchors, corrections; holding a milestone),
    and the OCR engine's confidence in its words where the source has them."""
    cuts: list[set[int]] = [set() for _ in layout.blocks]
    protected: list[list[tuple[int, int]]] = [[] for _ in layout.blocks]
    spans = [a for a in found if isinstance(a, Span)] + list(layout.spans)
    for span in spans:
        if not 0 <= span.block < len(layout.blocks):
            continue
        if span.start == span.end:
            protected[span.block].append((span.start, span.end))
            continue
        cuts[span.block].update((span.start, span.end))
        if span.tag not in CONTAINERS:
            protected[span.block].append((span.start, span.end))
    engine = block_confidences(layout)
    return [
        Passage(block.text, frozenset(cuts[i]), tuple(protected[i]), engine[i])
        for i, block in enumerate(layout.blocks)
    ]


def proposals(layout: Layout, found: Sequence[Annotation], language: str = "fr") -> list[Proposal]:
    """The corrector's proposals; none unless the document is declared French (the
    corrector's resources are French: ocr/language.py), nor in text clearly in another
    language."""
    if not declared_french(language):
        return []
    return load_corrector().propose(passages(layout, found))


def _span(proposal: Proposal) -> Span:
    p = proposal
    if p.corr is None:
        return Span(p.passage, p.start, p.end, "sic", {"resp": RESP}, "ocr")
    attrs = {"corr": p.corr, "resp": RESP, "cert": p.cert}
    return Span(p.passage, p.start, p.end, "choice", attrs, "ocr")


def _decided(place: Place, row: Row, resp: str) -> Span | None:
    """The editor's decision on a word as a span; None when the word is right."""
    block, start, end = place.block, place.start, place.end
    decision = row.decision.strip()
    if decision == REJECT or decision == row.sic:
        return None
    if decision != ACCEPT:
        return Span(block, start, end, "choice", {"corr": decision, "resp": resp}, "ocr")
    if row.proposed:
        return Span(block, start, end, "choice", {"corr": row.proposed, "resp": resp}, "ocr")
    return Span(block, start, end, "sic", {"resp": resp}, "ocr")  # an error, no reading


def annotate_ocr(
    layout: Layout, found: Sequence[Annotation], context: Context
) -> Iterable[Annotation]:
    automatic = [_span(p) for p in proposals(layout, found, context.language)]
    if context.corrections is None:
        return automatic
    corrections = read_corrections(context.corrections)
    rows = corrections.decided(layout.source.name)
    if not rows:
        return automatic
    editor = corrections.responsible
    resp = f"#{editor.xml_id}"
    decided = placed(rows, Locator(layout), context.corrections)
    # The editor's word wins over any automatic proposal it overlaps.
    kept: list[Annotation] = [
        span
        for span in automatic
        if not any(
            p.block == span.block and p.start < span.end and span.start < p.end for _, p in decided
        )
    ]
    kept.extend(span for row, place in decided if (span := _decided(place, row, resp)) is not None)
    if decided:
        kept.append(Responsibility(editor.xml_id, editor.name, REVIEW))
    return kept
