"""A page's note bodies paired in order with the calls in its text (anchor candidates).

The pairing is order-preserving, one anchor per word at most, scored by how well each
call reads as its note's number (numbering.reading_cost), how strong the evidence is that
it is a call, and whether it is of its label's kind; a note may stay unanchored. Notes
are numbered first, first + 1...; where OCR lost a label, the note merged into the one
before it, and the numbers after it skip one: pairing_with_skips lets them, at a cost,
where the labels and calls read after the skip say so. The cheapest pairing's cost
decides how a page's notes are numbered; which of its anchors are kept is for
annotate.confidence, which weighs every pairing.
"""

from __future__ import annotations

from ..notecalls import MISPLACED_PUNCTUATION_CALL
from ..notemarks import Mark, MarkKind
from .anchors import Candidate
from .numbering import UNREADABLE_MARK, call_cost, reading_cost

UNANCHORED = 2.0  # cost of leaving a note without an anchor
LABEL_CAP = 2.0  # a label may be lost or unreadable: it never costs more than this
WEAK_EVIDENCE = 0.2  # per point of evidence below the strongest
# A call of another kind than its note's bracketed or symbol label (`constat1` ... `(1)
# Voir`): a clean one may be, a letter read for a raised number (`alit`) is not.
KIND_MISMATCH = 1.5
MISPLACED_SIGN = 1.2  # a misplaced sign (notecalls.MISPLACED_PUNCTUATION_CALL) for any number
MISPLACED = MISPLACED_PUNCTUATION_CALL
# A garbled call read as its note's label is read (`6)` ... `6) Stolman`, `@)` ... `@ Cf.`):
# OCR makes the same sign of the same printed number, in the text as at the foot. A
# discount on the reading, not a reading: it tells which note a call is where a page's
# calls are fewer than its notes, never how the document numbers them.
SAME_GARBLING = 0.2


def next_words(candidates: list[Candidate]) -> list[int]:
    """For each candidate, the index of the first candidate on a later word."""
    following, result = len(candidates), [len(candidates)] * len(candidates)
    for j in range(len(candidates) - 1, -1, -1):
        if j + 1 < len(candidates) and candidates[j + 1].word > candidates[j].word:
            following = j + 1
        result[j] = following
    return result


def _mismatch(label: Mark | None, call: Mark) -> bool:
    """A call of another kind than its note's label: a bracketed or symbol label's, or a
    symbol for a note whose label is a number read clean (`acheta * pour` ... `1. Franklin`:
    a speck read as an asterisk)."""
    if label is None or call.kind is label.kind:
        return False
    if label.kind in (MarkKind.BRACKETED, MarkKind.SYMBOL):
        return True
    return label.kind is MarkKind.DIGITS and label.clean and call.kind is MarkKind.SYMBOL


def _same_garbling(label: Mark | None, call: Mark) -> bool:
    """A bracketed call whose number reads as its bracketed label's, both misread alike
    (`6)` for the third note, labelled `6)`); not a sign (`®`, `@`: OCR makes them of any
    raised number) nor a bracket left empty (`()`: every lost mark reads so)."""
    if label is None or label.kind is not MarkKind.BRACKETED or call.kind is not label.kind:
        return False
    return call.core.isdigit() and call.core == label.core


def anchor_cost(ordinal: int, label: Mark | None, candidate: Candidate) -> float:
    mismatch = KIND_MISMATCH if _mismatch(label, candidate.mark) else 0.0
    reading = call_cost(ordinal, label, candidate.mark)
    if candidate.mark.kind is MarkKind.GARBLED_SUPERSCRIPT and candidate.evidence >= MISPLACED:
        # a sign where punctuation cannot stand (`maîtres°`, `trois,'`): a raised number,
        # whichever; OCR reads many of them as the same sign
        reading = min(reading, MISPLACED_SIGN)
    if candidate.mark.lettered and label is not None and label.denies_letters():
        reading = max(reading, UNREADABLE_MARK)  # `(f)` read for `(6)`: any note's call
    if _same_garbling(label, candidate.mark):
        reading = max(0.0, reading - SAME_GARBLING)
    return reading + (3.0 - candidate.evidence) * WEAK_EVIDENCE + mismatch


def traced(
    move: list[list[str]], candidates: list[Candidate], next_word: list[int], k: int
) -> list[Candidate | None]:
    """The anchors of k notes along a table of moves from (0, 0): `skip` passes a
    candidate, `anchor` gives the note this candidate, any other move leaves it
    unanchored."""
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
    return anchors


def _rounded(option: tuple[float, str]) -> float:
    """An option's cost, rounded: sums of the same costs in another order are a tie (then
    the first option listed wins), not a difference of floating-point noise."""
    return round(option[0], 6)


def pairing(
    first: int, labels: list[Mark | None], candidates: list[Candidate]
) -> tuple[float, list[Candidate | None]]:
    """The cheapest order-preserving pairing of notes first, first+1... with candidates,
    at most one anchor per word: dynamic programming over (note, candidate), from the end."""
    k, m = len(labels), len(candidates)
    next_word = next_words(candidates)
    # cost[i][j]: notes i.. paired with candidates j..; move[i][j]: what to do there
    cost = [[0.0] * (m + 1) for _ in range(k + 1)]
    move = [["end"] * (m + 1) for _ in range(k + 1)]
    for i in range(k - 1, -1, -1):
        cost[i][m], move[i][m] = cost[i + 1][m] + UNANCHORED, "unanchored"
        for j in range(m - 1, -1, -1):
            # on a tie, the note takes the call, or a later one: the k-th note the k-th call
            options = []
            anchor = anchor_cost(first + i, labels[i], candidates[j])
            if anchor < UNANCHORED:
                options.append((cost[i + 1][next_word[j]] + anchor, "anchor"))
            options += [(cost[i][j + 1], "skip"), (cost[i + 1][j] + UNANCHORED, "unanchored")]
            cost[i][j], move[i][j] = min(options, key=_rounded)
    return cost[0][0], traced(move, candidates, next_word, k)


SKIP = 1.5  # per number skipped: more than one reading made right, less than two
MAX_SKIPPED = 3  # numbers a page may skip in all


def may_skip(first: int, labels: list[Mark | None]) -> bool:
    """Whether a clean label reads beyond its place in the sequence (`(3)` for the second
    note): only then is a skip worth searching for."""
    return any(
        label is not None and label.number is not None and label.number > first + i
        for i, label in enumerate(labels)
    )


def pairing_with_skips(
    first: int, labels: list[Mark | None], candidates: list[Candidate]
) -> tuple[float, list[int], list[Candidate | None]]:
    """(cost, numbers, anchors): the cheapest pairing where the numbers of notes first,
    first + 1... may skip (a note lost to OCR), each label's reading counted: dynamic
    programming over (note, candidate, numbers skipped so far), from the end."""
    k, m = len(labels), len(candidates)
    next_word = next_words(candidates)
    skips = range(MAX_SKIPPED + 1)
    label_cost = [
        [
            min(LABEL_CAP, reading_cost(first + i + s, label)) if label is not None else 0.0
            for s in skips
        ]
        for i, label in enumerate(labels)
    ]
    # cost[s][i][j]: notes i.. with candidates j.., s numbers skipped before note i
    cost = [[[0.0] * (m + 1) for _ in range(k + 1)] for _ in skips]
    move = [[["end"] * (m + 1) for _ in range(k + 1)] for _ in skips]
    for i in range(k - 1, -1, -1):
        for s in reversed(skips):
            for j in range(m, -1, -1):
                here = label_cost[i][s]
                options = []
                if j < m:
                    anchor = anchor_cost(first + i + s, labels[i], candidates[j])
                    if anchor < UNANCHORED:
                        options.append((cost[s][i + 1][next_word[j]] + anchor + here, "anchor"))
                    options.append((cost[s][i][j + 1], "skip"))
                options.append((cost[s][i + 1][j] + UNANCHORED + here, "unanchored"))
                if s < MAX_SKIPPED:
                    options.append((cost[s + 1][i][j] + SKIP, "number"))
                cost[s][i][j], move[s][i][j] = min(options, key=_rounded)
    numbers: list[int] = []
    anchors: list[Candidate | None] = []
    i = j = s = 0
    while i < k:
        step = move[s][i][j]
        if step == "number":
            s += 1
        elif step == "skip":
            j += 1
        else:
            numbers.append(first + i + s)
            anchors.append(candidates[j] if step == "anchor" else None)
            i, j = i + 1, (next_word[j] if step == "anchor" else j)
    return cost[0][0][0], numbers, anchors
