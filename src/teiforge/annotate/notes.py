"""Footnotes: find each note body's anchor in the text of its page, and its number.

Each page's anchors pair with that page's bodies in order. Editors number notes either
consecutively through a document (numbering then jumps only where pages are missing) or
afresh on each page; which one is decided for the whole document, by scoring both over
all its pages and keeping the better. On a page, for each plausible first number, the
best order-preserving pairing of the note bodies with anchor candidates, scored by how
well each garbled label and call reads as its number (numbering.reading_cost).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Annotation, BlockKind, Layout, Span
from ..notemarks import Mark, MarkKind, label_mark, printed_number
from .anchors import Candidate, find_candidates
from .context import Context
from .numbering import ordinals, reading_cost
from .pages import page_segments
from .words import french

log = logging.getLogger(__name__)

UNANCHORED = 2.0  # cost of leaving a note without an anchor
LABEL_CAP = 2.0  # a label may be lost or unreadable: it never costs more than this
WEAK_EVIDENCE = 0.2  # per point of evidence below the strongest
MAX_FIRST_NUMBERS = 40
SEQUENCE_BREAK = 3.0  # numbering that jumps between two consecutive pages
START_JUMP = 0.5  # a document whose first note is not 1: an extract of a longer one
# A call of another kind than its note's bracketed or symbol label (`constat1` ... `(1)
# Voir`): a clean one may be, a letter read for a raised number (`alit`) is not.
KIND_MISMATCH = 1.5


def _next_words(candidates: list[Candidate]) -> list[int]:
    """For each candidate, the index of the first candidate on a later word."""
    following, result = len(candidates), [len(candidates)] * len(candidates)
    for j in range(len(candidates) - 1, -1, -1):
        if j + 1 < len(candidates) and candidates[j + 1].word > candidates[j].word:
            following = j + 1
        result[j] = following
    return result


def _anchor_cost(ordinal: int, label: Mark | None, candidate: Candidate) -> float:
    mismatch = (
        KIND_MISMATCH
        if label is not None
        and label.kind in (MarkKind.BRACKETED, MarkKind.SYMBOL)
        and candidate.mark.kind is not label.kind
        else 0.0
    )
    return (
        reading_cost(ordinal, candidate.mark)
        + (3.0 - candidate.evidence) * WEAK_EVIDENCE
        + mismatch
    )


def _pairing(
    first: int, labels: list[Mark | None], candidates: list[Candidate]
) -> tuple[float, list[Candidate | None]]:
    """The cheapest order-preserving pairing of notes first, first+1... with candidates,
    at most one anchor per word: dynamic programming over (note, candidate), from the end."""
    k, m = len(labels), len(candidates)
    next_word = _next_words(candidates)
    # cost[i][j]: notes i.. paired with candidates j..; move[i][j]: what to do there
    cost = [[0.0] * (m + 1) for _ in range(k + 1)]
    move = [["end"] * (m + 1) for _ in range(k + 1)]
    for i in range(k - 1, -1, -1):
        cost[i][m], move[i][m] = cost[i + 1][m] + UNANCHORED, "unanchored"
        for j in range(m - 1, -1, -1):
            options = [(cost[i + 1][j] + UNANCHORED, "unanchored"), (cost[i][j + 1], "skip")]
            anchor = _anchor_cost(first + i, labels[i], candidates[j])
            if anchor < UNANCHORED:
                options.append((cost[i + 1][next_word[j]] + anchor, "anchor"))
            cost[i][j], move[i][j] = min(options, key=lambda option: option[0])
    anchors: list[Candidate | None] = []
    i = j = 0
    while i < k:
        if move[i][j] == "skip":
            j += 1
        elif move[i][j] == "anchor":
            anchors.append(candidates[j])
            i, j = i + 1, next_word[j]
        else:
            anchors.append(None)
            i += 1
    return cost[0][0], anchors


def _first_numbers(
    previous: int, labels: list[Mark | None], candidates: list[Candidate]
) -> set[int]:
    found = {previous + 1, 1}  # 1: the numbering starts again (a new chapter)
    for i, label in enumerate(labels):
        if label is not None:
            found |= {n - i for n in ordinals(label)}
    for candidate in candidates:
        found |= {n - i for n in ordinals(candidate.mark) for i in range(len(labels))}
    # the most plausible first numbers only: a page with hundreds of candidates would
    # otherwise make the search grow with their square
    plausible = sorted(
        (n for n in found if n == 1 or previous < n < previous + 1000),
        key=lambda n: (n - previous > 1, n),
    )
    return set(plausible[:MAX_FIRST_NUMBERS])


def number_page(
    previous: int,
    after_gap: bool,
    labels: list[Mark | None],
    candidates: list[Candidate],
    restart: bool = False,
) -> tuple[float, int, list[Candidate | None]]:
    """(cost, the first note's number, the anchor of each note or None). `restart`:
    the document numbers its notes afresh on each page."""
    scored = []
    firsts = {1} if restart else _first_numbers(previous, labels, candidates)
    for first in sorted(firsts):
        label_cost = sum(
            min(LABEL_CAP, reading_cost(first + i, label))
            for i, label in enumerate(labels)
            if label is not None
        )
        jump = first - previous - 1
        if restart:
            sequence = 0.0
        elif previous == 0:
            sequence = START_JUMP if jump else 0.0  # an extract may start anywhere
        elif first <= previous:
            sequence = SEQUENCE_BREAK  # numbering started again, at a new chapter
        elif after_gap:
            sequence = 0.01 * jump
        else:
            sequence = SEQUENCE_BREAK + 0.1 * jump if jump else 0.0
        pairing_cost, anchors = _pairing(first, labels, candidates)
        scored.append((label_cost + sequence + pairing_cost, first, anchors))
    return min(scored, key=lambda item: (item[0], item[1]))


def _numbering_mark(label: Mark | None, anchor: Candidate | None) -> Mark | None:
    """The mark that says how a note is numbered (digits, a symbol, a letter): its label
    read clean, else its call read clean, else whatever was read."""
    call = anchor.mark if anchor is not None else None
    for mark in (label, call):
        if mark is not None and mark.clean:
            return mark
    return label or call


# A page's notes (block indexes), their labels, its call candidates, whether it follows a gap.
PageNotes = tuple[list[int], list[Mark | None], list[Candidate], bool]


def _number_document(
    pages: list[PageNotes], restart: bool
) -> tuple[float, list[tuple[int, list[Candidate | None]]]]:
    """The document's notes numbered by one hypothesis: (total cost, per page the first
    number and the anchors)."""
    total, numbered, previous = 0.0, [], 0
    for notes, labels, candidates, after_gap in pages:
        cost, first, anchors = number_page(
            previous, after_gap or previous == 0, labels, candidates, restart
        )
        total += cost
        numbered.append((first, anchors))
        previous = first + len(notes) - 1
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
    block_of: dict[Candidate, int] = {}
    pages: list[PageNotes] = []
    for page in sorted(notes_by_page):
        notes = notes_by_page[page]
        labels = [label_mark(layout.blocks[i].label or "") for i in notes]
        candidates = []
        for ordinal, (text_block, start, end) in enumerate(segments.get(page, [])):
            for candidate in find_candidates(
                layout.blocks[text_block].text, start, end, french().is_word
            ):
                # words numbered through the page, so that one word holds one anchor at most
                candidate = replace(candidate, word=ordinal * 1_000_000 + candidate.word)
                block_of[candidate] = text_block
                candidates.append(candidate)
        pages.append((notes, labels, candidates, page in gaps))
    # numbering through the document or afresh on each page: the better over all pages
    through = _number_document(pages, restart=False)
    afresh = _number_document(pages, restart=True)
    _, numbered = afresh if afresh[0] < through[0] else through
    for (notes, labels, _, _), (first, anchors), page in zip(
        pages, numbered, sorted(notes_by_page)
    ):
        for offset, (note, label, anchor) in enumerate(zip(notes, labels, anchors)):
            mark = _numbering_mark(label, anchor)
            attrs = {"block": str(note), "n": printed_number(first + offset, mark)}
            if anchor is None:
                log.warning(
                    "%s: note %s on page %d has no anchor in the text; it stays at its page",
                    layout.source.name,
                    attrs["n"],
                    page + 1,
                )
                yield Span(note, 0, 0, "note", attrs, "notes")
            else:
                yield Span(block_of[anchor], anchor.start, anchor.end, "note", attrs, "notes")
