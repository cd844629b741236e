"""Which anchors the evidence settles (annotate.confidence): each (note, call) pair's
share of the pairings' weight, and the anchors kept, on calls that read alike."""

from __future__ import annotations

import pytest

from teiforge.annotate.anchors import Candidate
from teiforge.annotate.confidence import settled_anchors, shares
from teiforge.notemarks import Mark, MarkKind


def _alike(count: int) -> list[Candidate]:
    """Calls that read alike (`)` after a word, no number), one word apart."""
    mark = Mark(MarkKind.BRACKETED, ")", "")
    return [Candidate(w, 10 * w, 10 * w + 1, mark, 1.5) for w in range(count)]


def _words(anchors: list[Candidate | None]) -> list[int | None]:
    return [a.word if a is not None else None for a in anchors]


def test_three_notes_two_calls_alike_share_as_the_pairings_do() -> None:
    found = shares([1, 2, 3], [None] * 3, _alike(2))
    rounded = {pair: round(share, 3) for pair, share in found.items() if share > 0.001}
    # the lost call is any of three: the first note holds the first call in two pairings
    assert rounded == {
        (0, 0): 0.667,
        (1, 0): 0.333,
        (1, 1): 0.333,
        (2, 1): 0.667,
    }


def test_the_note_in_doubt_stays_and_no_note_is_shifted() -> None:
    assert _words(settled_anchors([1, 2, 3, 4, 5], [None] * 5, _alike(4))) == [0, 1, None, 2, 3]
    assert _words(settled_anchors([1, 2, 3, 4], [None] * 4, _alike(3))) == [0, None, None, 2]


def test_as_many_calls_as_notes_settle_every_anchor() -> None:
    found = shares([1, 2, 3], [None] * 3, _alike(3))
    assert [found[(i, i)] for i in range(3)] == pytest.approx([1.0, 1.0, 1.0], abs=1e-3)
    assert _words(settled_anchors([1, 2, 3], [None] * 3, _alike(3))) == [0, 1, 2]


def test_a_number_read_settles_which_call_is_lost() -> None:
    calls = _alike(2)
    four = Mark(MarkKind.BRACKETED, "(3)", "3")
    calls[1] = Candidate(1, 10, 13, four, 3.0)
    # notes 1, 2, 3; calls `)` and `(3)`: the third note is at `(3)`, the second stays
    # in doubt between losing its call and the first note's
    assert _words(settled_anchors([1, 2, 3], [None] * 3, calls)) == [0, None, 1]
