"""Which anchors of a page the evidence settles: a note takes a call only where it is
more likely its call than not.

The cheapest pairing (pairing.pairing) is one of many; where OCR lost a call and the
calls left read alike (`()`, `)`, `®)`: no number to tell), several pairings cost the
same, and the cheapest breaks the tie blindly: every note after the lost call takes the
next note's call. Here every pairing is weighed, exp(-cost / TEMPERATURE), and each
(note, call) gets the share of the weight of the pairings that hold it (the forward-
backward sums over the same moves as pairing's search). The anchors kept are the
order-preserving set of pairs, each more likely than not (share > SETTLED), of the
greatest total share: with five notes and four calls that read alike, the first two
notes take the first two calls, the last two the last two, and the middle note, whose
call may be either, stays at its page. A wrong anchor misleads a reader; a note at its
page's foot does not.
"""

from __future__ import annotations

import math

from ..notemarks import Mark
from .anchors import Candidate
from .pairing import UNANCHORED, anchor_cost, next_words, traced

TEMPERATURE = 0.1  # in cost units: a pairing dearer by 0.1 is e times less likely
# What leaving a note without an anchor weighs here: more than the cheapest pairing's
# UNANCHORED (2.0), as OCR loses a call less often than it misreads one. At 2.0, a call
# `(9)` read for the eighth note's `(8)` made "the seventh note's call lost, the eighth
# and ninth notes at the last two calls" as likely as each note at its call, and three
# right anchors were dropped; a few tenths more settle it without taking a note's call
# where a pairing leaves it (measured on the tune pages, docs/layout.md).
LEFT = 2.3
SETTLED = 0.5  # the share a pair needs to be kept
_NONE = -math.inf


def _add(a: float, b: float) -> float:
    """log(exp(a) + exp(b))."""
    if a == _NONE:
        return b
    if b == _NONE:
        return a
    top = max(a, b)
    return top + math.log1p(math.exp(-abs(a - b)))


def shares(
    numbers: list[int],
    labels: list[Mark | None],
    candidates: list[Candidate],
) -> dict[tuple[int, int], float]:
    """For each (note, candidate) the pairing may hold (notes numbered `numbers`), the share of all pairings' weight
    held by those that pair them. Each pairing is counted once: between two anchors, the
    candidates passed over come before the notes left unanchored (state `after`: a note
    was left since the last anchor, no candidate may be passed over now)."""
    k, m = len(labels), len(candidates)
    next_word = next_words(candidates)
    weight: dict[tuple[int, int], float] = {}
    for i in range(k):
        for j in range(m):
            cost = anchor_cost(numbers[i], labels[i], candidates[j])
            if cost < UNANCHORED:
                weight[(i, j)] = -cost / TEMPERATURE
    left = -LEFT / TEMPERATURE
    # backward[i][j][after]: log weight of finishing from notes i.., candidates j..
    backward = [[[_NONE, _NONE] for _ in range(m + 1)] for _ in range(k + 1)]
    for j in range(m + 1):
        backward[k][j][0] = 0.0  # pass over the candidates left
    backward[k][m][1] = 0.0
    for i in range(k - 1, -1, -1):
        for j in range(m, -1, -1):
            for after in (1, 0):
                total = backward[i + 1][j][1] + left
                if (i, j) in weight:
                    total = _add(total, weight[(i, j)] + backward[i + 1][next_word[j]][0])
                if after == 0 and j < m:
                    total = _add(total, backward[i][j + 1][0])
                backward[i][j][after] = total
    # forward[i][j][after]: log weight of the ways to reach that state from the start
    forward = [[[_NONE, _NONE] for _ in range(m + 1)] for _ in range(k + 1)]
    forward[0][0][0] = 0.0
    for i in range(k + 1):
        for j in range(m + 1):
            for after in (0, 1):
                here = forward[i][j][after]
                if here == _NONE or i == k:
                    continue
                nxt = forward[i + 1][j]
                nxt[1] = _add(nxt[1], here + left)
                if (i, j) in weight:
                    landing = forward[i + 1][next_word[j]]
                    landing[0] = _add(landing[0], here + weight[(i, j)])
                if after == 0 and j < m:
                    forward[i][j + 1][0] = _add(forward[i][j + 1][0], here)
    total = backward[0][0][0]
    found = {}
    for (i, j), w in weight.items():
        reach = _add(forward[i][j][0], forward[i][j][1])
        found[(i, j)] = math.exp(reach + w + backward[i + 1][next_word[j]][0] - total)
    return found


def settled_anchors(
    numbers: list[int],
    labels: list[Mark | None],
    candidates: list[Candidate],
) -> list[Candidate | None]:
    """The anchors the evidence settles (module docstring): order-preserving, one per word,
    each pair's share above SETTLED, the greatest total share."""
    k, m = len(labels), len(candidates)
    next_word = next_words(candidates)
    kept = {
        pair: share
        for pair, share in shares(numbers, labels, candidates).items()
        if share > SETTLED
    }
    # best[i][j]: the greatest total share of notes i.. with candidates j..
    best = [[0.0] * (m + 1) for _ in range(k + 1)]
    move = [["none"] * (m + 1) for _ in range(k + 1)]
    for i in range(k - 1, -1, -1):
        for j in range(m, -1, -1):
            options = [(best[i + 1][j], "none")]
            if j < m:
                options.append((best[i][j + 1], "skip"))
                if (i, j) in kept:
                    options.append((kept[(i, j)] + best[i + 1][next_word[j]], "anchor"))
            best[i][j], move[i][j] = max(options, key=lambda option: option[0])
    return traced(move, candidates, next_word, k)
