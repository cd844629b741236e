"""Footnotes: find each note body's anchor in the text of its page, and its number.

Editors number notes consecutively through a document, and each page's anchors pair with
that page's bodies in order; numbering jumps only where pages are missing. So the numbers
and the anchors are recovered together, page by page: for each plausible first number,
the best order-preserving pairing of the page's note bodies with anchor candidates, scored
by how well each garbled label and anchor reads as its number.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Annotation, BlockKind, Layout, Span
from .anchors import Candidate, find_candidates
from .context import Context
from .numbering import misreading_cost, readings
from .pages import page_segments
from .words import french

log = logging.getLogger(__name__)

UNANCHORED = 2.0  # cost of leaving a note without an anchor
LABEL_CAP = 2.0  # a label may be lost or unreadable: it never costs more than this
WEAK_EVIDENCE = 0.2  # per point of evidence below the strongest
MAX_FIRST_NUMBERS = 40
SEQUENCE_BREAK = 3.0  # numbering that jumps between two consecutive pages


def _next_words(candidates: list[Candidate]) -> list[int]:
    """For each candidate, the index of the first candidate on a later word."""
    following, result = len(candidates), [len(candidates)] * len(candidates)
    for j in range(len(candidates) - 1, -1, -1):
        if j + 1 < len(candidates) and candidates[j + 1].word > candidates[j].word:
            following = j + 1
        result[j] = following
    return result


def _pairing(
    first: int, labels: list[str], candidates: list[Candidate]
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
            candidate = candidates[j]
            anchor = (
                misreading_cost(first + i, candidate.tail)
                + (3.0 - candidate.evidence) * WEAK_EVIDENCE
            )
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


def _first_numbers(previous: int, labels: list[str], candidates: list[Candidate]) -> set[int]:
    found = {previous + 1}
    for i, label in enumerate(labels):
        found |= {n - i for n in readings(label)}
    for candidate in candidates:
        found |= {n - i for n in readings(candidate.tail) for i in range(len(labels))}
    # the most plausible first numbers only: a page with hundreds of candidates would
    # otherwise make the search grow with their square
    plausible = sorted(
        (n for n in found if previous < n < previous + 1000), key=lambda n: (n - previous > 1, n)
    )
    return set(plausible[:MAX_FIRST_NUMBERS])


def number_page(
    previous: int, after_gap: bool, labels: list[str], candidates: list[Candidate]
) -> tuple[int, list[Candidate | None]]:
    """(the first note's number, the anchor of each note or None)."""
    scored = []
    for first in sorted(_first_numbers(previous, labels, candidates)):
        label_cost = sum(
            min(LABEL_CAP, misreading_cost(first + i, label))
            for i, label in enumerate(labels)
            if label
        )
        jump = first - previous - 1
        sequence = 0.01 * jump if after_gap else (SEQUENCE_BREAK + 0.1 * jump if jump else 0.0)
        pairing_cost, anchors = _pairing(first, labels, candidates)
        scored.append((label_cost + sequence + pairing_cost, first, anchors))
    _, first, anchors = min(scored, key=lambda item: (item[0], item[1]))
    return first, anchors


def annotate_notes(
    layout: Layout, found: Sequence[Annotation], context: Context
) -> Iterable[Annotation]:
    notes_by_page: dict[int, list[int]] = defaultdict(list)
    for index, block in enumerate(layout.blocks):
        if block.kind is BlockKind.NOTE:
            notes_by_page[block.page].append(index)
    gaps = {block.page for block in layout.blocks if block.kind is BlockKind.GAP}
    segments = page_segments(layout)
    previous = 0
    for page in sorted(notes_by_page):
        notes = notes_by_page[page]
        labels = [layout.blocks[i].label or "" for i in notes]
        block_of: dict[Candidate, int] = {}
        for ordinal, (text_block, start, end) in enumerate(segments.get(page, [])):
            for candidate in find_candidates(
                layout.blocks[text_block].text, start, end, french().is_word
            ):
                # words numbered through the page, so that one word holds one anchor at most
                block_of[replace(candidate, word=ordinal * 1_000_000 + candidate.word)] = text_block
        candidates = list(block_of)
        first, anchors = number_page(previous, page in gaps or previous == 0, labels, candidates)
        for offset, (note, anchor) in enumerate(zip(notes, anchors)):
            attrs = {"block": str(note), "n": str(first + offset)}
            if anchor is None:
                log.warning(
                    "%s: note %d on page %d has no anchor in the text; it stays at its page",
                    layout.source.name,
                    first + offset,
                    page + 1,
                )
                yield Span(note, 0, 0, "note", attrs, "notes")
            else:
                yield Span(block_of[anchor], anchor.start, anchor.end, "note", attrs, "notes")
        previous = first + len(notes) - 1
