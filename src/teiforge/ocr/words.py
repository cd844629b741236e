"""Words of a block's text as the corrector sees them: runs of letters and digits with
what OCR leaves inside a word (l,instant, so!eil, per-lonnages), never across a cut (the
edge of a span another annotator found)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

# Elided words that OCR texts glue to the next word: l'instant, qu'il, jusqu'à.
ELISION = re.compile(
    r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’](?=[aeiouyhàâäéèêëîïôöùûüœæ])",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W_]+(?:[-'’,.!][^\W_]+)*")
# Abbreviations of French scholarly prose, read with or without their full stop.
ABBREVIATIONS = frozenset(
    """op cit éd ed éds eds vol vols p pp t tt cf ibid id etc art chap ch fig n no nos col
    coll trad dir env av apr s sq sqq l liv v fol fo ro vo ms mss ill suppl sect part impr
    rééd réimpr ann app cap cad M MM Mme Mmes Mlle Mlles Mgr Dr Me St Ste ex vve Vve cie
    Cie""".split()  # noqa: SIM905 - a list of 70 words reads better as one text
)
_BEFORE_STOP = re.compile(r"(\w+)\.\s*$")
# What ends a sentence or opens a clause, so that the next word may take a capital.
_OPENING = frozenset('.!?:;«»"“”([—–-')


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    sentence_start: bool  # first word of the block, or after . ! ? : « ( —

    @property
    def shape(self) -> str:
        return shape(self.text)


# Every word of a document in reading order: (passage, word, its guard's code or None).
Found = Sequence[tuple[int, Word, str | None]]
# A proposal's fields, as a proposer gives them: passage, start, end, sic, corr, cert,
# the corrected text, confidence, and the reason.
Fields = tuple[int, int, int, str, str | None, str, str | None, float, str]


def one_space_apart(text: str, cuts: AbstractSet[int], first: Word, second: Word) -> bool:
    """Two words of a passage set one plain space apart, with no line end cut between
    them: what a join or an elision may close up."""
    return text[first.end : second.start] == " " and not any(
        first.end <= cut <= second.start for cut in cuts
    )


def shape(text: str) -> str:
    """lower, title, upper or mixed (nOS, coMmuru): what the case of a word says, its
    elided article aside (l'État is title)."""
    if "'" in text or "’" in text:
        text = ELISION.sub("", text, count=1)
    if text.islower():
        return "lower"
    if text.isupper():
        return "upper" if sum(ch.isalpha() for ch in text) > 1 else "title"
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "lower"
    if letters[0].isupper() and all(ch.islower() for ch in letters[1:]):
        return "title"
    return "mixed"


def capital_inside(text: str) -> bool:
    """A capital after a small letter (étaiS, coMmuru), which print sets only in a few
    names and formulas: OCR's misreading, most often."""
    if text.islower() or text.isupper():
        return False  # most words: no pair to look at
    return any(first.islower() and second.isupper() for first, second in itertools.pairwise(text))


def words(text: str, cuts: Iterable[int] = ()) -> list[Word]:
    """The words of `text`; a word never runs across one of the offsets in `cuts`."""
    edges = sorted({0, len(text), *(cut for cut in cuts if 0 < cut < len(text))})
    found = []
    for start, end in itertools.pairwise(edges):
        for match in WORD.finditer(text, start, end):
            before = text[max(0, match.start() - 12) : match.start()].rstrip()
            opening = not before or before[-1] in _OPENING
            if opening and before.endswith("."):
                # M. Malgaigne, J. Dupont, p. Vll: the stop of an abbreviation ends nothing
                abbreviated = _BEFORE_STOP.search(before)
                if abbreviated and (
                    len(abbreviated.group(1)) == 1 or abbreviated.group(1) in ABBREVIATIONS
                ):
                    opening = False
            found.append(Word(match.start(), match.end(), match.group(), opening))
    return found
