"""Footnotes: find each note body's anchor in the text of its page, and its number.

Each page's anchors pair with that page's bodies in order. Editors number notes either
consecutively through a document (numbering then jumps only where pages are missing) or
afresh on each page; which one is decided for the whole document, by scoring both over
all its pages and keeping the better. On a page, for each plausible first number, the
best order-preserving pairing of the note bodies with anchor candidates, scored by how
well each garbled label and call reads as its number (numbering.reading_cost), gives the
numbers; the anchors are those the evidence settles over every pairing
(annotate.confidence), so that a call OCR lost leaves its note, and no other, at its page.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Annotation, BlockKind, Layout, Span
from ..notemarks import Mark, lettered_run, page_labels, printed_number
from .anchors import Candidate, find_candidates
from .confidence import settled_anchors
from .context import Context
from .numbering import ordinals, reading_cost
from .pages import Segment, page_segments
from .pairing import LABEL_CAP, may_skip, pairing, pairing_with_skips
from .words import french

log = logging.getLogger(__name__)

MAX_FIRST_NUMBERS = 40
SEQUENCE_BREAK = 3.0  # numbering that jumps between two consecutive pages
START_JUMP = 0.5  # a document whose first note is not 1: an extract of a longer one


def _first_numbers(
    previous: int, labels: list[Mark | None], candidates: list[Candidate]
) -> set[int]:
    # what the labels read comes first: many garbled calls (`l`, `i` read as 1) must not
    # crowd out a label's `374`
    read = {n - i for i, label in enumerate(labels) if label is not None for n in ordinals(label)}
    found = {previous + 1, 1} | read  # 1: the numbering starts again (a new chapter)
    for candidate in candidates:
        found |= {n - i for n in ordinals(candidate.mark) for i in range(len(labels))}
    # the most plausible first numbers only: a page with hundreds of candidates would
    # otherwise make the search grow with their square
    plausible = sorted(
        (n for n in found if n == 1 or previous < n < previous + 1000),
        key=lambda n: (n != previous + 1 and n not in read, n - previous > 1, n),
    )
    return set(plausible[:MAX_FIRST_NUMBERS])


def _sequence_cost(first: int, previous: int, after_gap: bool, restart: bool) -> float:
    """What a page's first number costs after the previous page's last."""
    jump = first - previous - 1
    if restart:
        return 0.0
    if previous == 0:
        return START_JUMP if jump else 0.0  # an extract may start anywhere
    if first <= previous:
        return SEQUENCE_BREAK  # numbering started again, at a new chapter
    if after_gap:
        return 0.01 * jump
    return SEQUENCE_BREAK + 0.1 * jump if jump else 0.0


def number_page(
    previous: int,
    after_gap: bool,
    labels: list[Mark | None],
    candidates: list[Candidate],
    restart: bool = False,
) -> tuple[float, list[int], list[Candidate | None]]:
    """(cost, the notes' numbers, the anchor of each note or None). `restart`: the
    document numbers its notes afresh on each page. The numbers are the cheapest
    pairing's; the anchors, those the evidence settles (annotate.confidence): where
    pairings that put a note at different calls cost about the same, at none."""
    scored = []
    firsts = {1} if restart else _first_numbers(previous, labels, candidates)
    for first in sorted(firsts):
        label_cost = sum(
            min(LABEL_CAP, reading_cost(first + i, label))
            for i, label in enumerate(labels)
            if label is not None
        )
        pairing_cost, _ = pairing(first, labels, candidates)
        sequence = _sequence_cost(first, previous, after_gap, restart)
        scored.append((label_cost + sequence + pairing_cost, first))
    cost, first = min(scored)
    numbers = list(range(first, first + len(labels)))
    if may_skip(first, labels):
        skipping, skipped, _ = pairing_with_skips(first, labels, candidates)
        skipping += _sequence_cost(first, previous, after_gap, restart)
        if skipping < cost:
            cost, numbers = skipping, skipped
    return cost, numbers, settled_anchors(numbers, labels, candidates)


def _numbering_mark(
    label: Mark | None, anchor: Candidate | None, lettered: bool = True
) -> Mark | None:
    """The mark that says how a note is numbered (digits, a symbol, a letter): its label
    read clean, else its call read clean, else whatever was read. A call read as a letter
    says so only in a document whose labels are letters (`lettered`), and not below a
    label read otherwise: `(f)` above `@ Raffenel` is a garbled `(6)`."""
    call = anchor.mark if anchor is not None else None
    denied = not lettered or label is not None and label.denies_letters()
    if call is not None and call.lettered and denied:
        call = None
    for mark in (label, call):
        if mark is not None and mark.clean:
            return mark
    return label or call


# A page's notes (block indexes), their labels, its call candidates, whether it follows a gap.
PageNotes = tuple[list[int], list[Mark | None], list[Candidate], bool]


def _number_document(
    pages: list[PageNotes], restart: bool
) -> tuple[float, list[tuple[list[int], list[Candidate | None]]]]:
    """The document's notes numbered by one hypothesis: (total cost, per page the notes'
    numbers and anchors)."""
    total, numbered, previous = 0.0, [], 0
    for _, labels, candidates, after_gap in pages:
        cost, numbers, anchors = number_page(
            previous, after_gap or previous == 0, labels, candidates, restart
        )
        total += cost
        numbered.append((numbers, anchors))
        previous = numbers[-1] if numbers else previous
    return total, numbered


def annotate_notes(
    layout: Layout, found: Sequence[Annotation], context: Context
) -> Iterable[Annotation]:
    notes_by_page: dict[int, list[int]] = defaultdict(list)
    for index, block in enumerate(layout.blocks):
        if block.kind is BlockKind.NOTE:
            notes_by_page[block.page].append(index)
    gaps = {block.page for block in layout.blocks if block.kind is BlockKind.GAP}
    segments = page_segments(layout)
    # a candidate's block, by page: two pages of the same text read alike candidates
    block_of: dict[tuple[int, Candidate], int] = {}
    pages: list[PageNotes] = []
    printed = {p: [layout.blocks[i].label or "" for i in notes_by_page[p]] for p in notes_by_page}
    lettered_document = any(lettered_run(labels) for labels in printed.values())
    for page in sorted(notes_by_page):
        notes, labels = _in_label_order(
            notes_by_page[page], page_labels(printed[page], lettered_document)
        )
        notes_by_page[page] = notes
        # letters without brackets: their calls are letters too, glued or apart
        letters = any(
            label is not None and label.lettered and label.printed == label.core for label in labels
        )
        candidates = []
        for ordinal, (text_block, start, end) in enumerate(segments.get(page, [])):
            for candidate in find_candidates(
                layout.blocks[text_block].text, start, end, french().is_word, letters
            ):
                # words numbered through the page, so that one word holds one anchor at most
                candidate = replace(candidate, word=ordinal * 1_000_000 + candidate.word)
                block_of[(page, candidate)] = text_block
                candidates.append(candidate)
        pages.append((notes, labels, candidates, page in gaps))
    lettered = any(label is not None and label.lettered for _, ls, _, _ in pages for label in ls)
    # numbering through the document or afresh on each page: the better over all pages
    through = _number_document(pages, restart=False)
    afresh = _number_document(pages, restart=True)
    _, numbered = afresh if afresh[0] < through[0] else through
    for (notes, labels, _, _), (numbers, anchors), page in zip(
        pages, numbered, sorted(notes_by_page)
    ):
        for note, label, anchor, number in zip(notes, labels, anchors, numbers):
            mark = _numbering_mark(label, anchor, lettered)
            attrs = {"block": str(note), "n": printed_number(number, mark)}
            if anchor is None:
                log.warning(
                    "%s: note %s on page %d has no anchor in the text; it stays at its page",
                    layout.source.name,
                    attrs["n"],
                    page + 1,
                )
                yield _at_page_foot(layout, segments.get(page, []), note, attrs)
            else:
                yield Span(
                    block_of[(page, anchor)], anchor.start, anchor.end, "note", attrs, "notes"
                )


def _in_label_order(
    notes: list[int], labels: list[Mark | None]
) -> tuple[list[int], list[Mark | None]]:
    """A page's notes in the order of their labels, where every label is a clean number
    and together they are a run out of order (`(2)`, `(3)`, `(4)`, `(1)`: a reading order
    that put a note after the others, as some ALTO files do); else as they stand."""
    numbers = [label.number if label is not None else None for label in labels]
    if len(numbers) < 2 or any(n is None for n in numbers):
        return notes, labels
    run = sorted(n for n in numbers if n is not None)
    if run == numbers or run != list(range(run[0], run[0] + len(run))):
        return notes, labels
    order = sorted(range(len(notes)), key=lambda i: numbers[i] or 0)
    return [notes[i] for i in order], [labels[i] for i in order]


def _at_page_foot(
    layout: Layout, segments: Sequence[Segment], note: int, attrs: dict[str, str]
) -> Span:
    """A note without an anchor stays at its page: after the last word of the page's
    text (not inside a word the page break cuts), so that it comes before the next page
    even where a paragraph runs on to it; on a page without text, in its own place."""
    if not segments:
        return Span(note, 0, 0, "note", attrs, "notes")
    block, start, end = segments[-1]
    text = layout.blocks[block].text
    at = end
    if start < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
        at = max(start, text.rfind(" ", start, at))  # a word cut by the page break
    while at > start and text[at - 1].isspace():
        at -= 1
    return Span(block, at, at, "note", attrs, "notes")
