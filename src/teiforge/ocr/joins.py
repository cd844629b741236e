"""Words split by a space the page did not have (con templaient, renou velé): an unknown
word and its neighbour are read as one when together they are a word of the lexicon that
explains them better than each read on its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .candidates import Candidate, Candidates
from .channel import UNSEEN_EDIT
from .features import SCORE_FLOOR
from .words import Found, Word, one_space_apart, shape

MIN_JOIN_ZIPF = 1.0  # the joined word must be counted in the lexicon's frequencies

# (passage, word, guard code) for every word of a document, in order


@dataclass(frozen=True)
class Join:
    other: int  # the neighbour's index in the document's words
    pair: Word  # the two words as one, the space between them included
    candidate: Candidate


def _alone(
    found: Found, n: int, ranked: tuple[Candidate, ...] | None, candidates: Candidates
) -> float:
    """The score of a word read on its own: its best candidate's, or its own prior."""
    if found[n][2] is not None:
        return candidates.prior(found[n][1].text)
    return ranked[0].score if ranked else SCORE_FLOOR


def joins(
    found: Found,
    unknown: dict[int, tuple[Candidate, ...]],
    texts: Sequence[str],
    cuts: Sequence[frozenset[int]],
    candidates: Candidates,
) -> dict[int, Join]:
    """{an unknown word's index: its join with a neighbour}, each word in one join at most."""
    lexicon = candidates.lexicon
    space = candidates.channel.rules.get(" ", ())
    logp = max((p for meant, p in space if meant == ""), default=UNSEEN_EDIT)
    found_joins: dict[int, Join] = {}
    taken: set[int] = set()
    for n, ranked in unknown.items():
        if n in taken:
            continue
        passage = found[n][0]
        for other in (n - 1, n + 1):
            if other in taken or not 0 <= other < len(found) or found[other][0] != passage:
                continue
            first, second = sorted((found[n][1], found[other][1]), key=lambda w: w.start)
            if not one_space_apart(texts[passage], cuts[passage], first, second):
                continue
            text = first.text + second.text
            if shape(text) == "mixed" or lexicon.zipf(text) < MIN_JOIN_ZIPF:
                continue
            if not lexicon.is_listed(text):
                continue
            join = Candidate(text, ((" ", "", logp),), logp, candidates.prior(text))
            apart = _alone(found, n, ranked, candidates) + _alone(
                found, other, unknown.get(other), candidates
            )
            if join.score <= apart:
                continue
            pair = Word(
                first.start, second.end, f"{first.text} {second.text}", first.sentence_start
            )
            found_joins[n] = Join(other, pair, join)
            taken |= {n, other}
            break
    return found_joins
