"""The decision: two logistic models over the features of a word, learned on the tuning
split of the development data (tools/learn_ocr_model.py -> data/ocr/model.json), and
the thresholds chosen there.

- P(error): the word is an OCR error (whatever the page had);
- P(fix): the best candidate is what the page had, given that the word is an error.

Their product is the confidence of a correction. A correction is made when it reaches
`medium` (cert medium), or `high` (cert high); a word whose P(error) reaches `flag` but
whose correction is not sure enough is flagged, its best candidate left to the editor
(cert low in the review file).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import (
    alphanumeric,
    capitals,
    elisions,
    hyphens,
    in_context,
    inner_capitals,
    line_ends,
    lookalikes,
    own_words,
    spacing,
    splits,
    stray_marks,
    stray_stops,
    strays,
)
from .features import FEATURES
from .oldtext import CLEAN_PRINT
from .punctuation import Punctuation


def _logistic(weights: Sequence[float], values: Sequence[float]) -> float:
    total = sum(w * v for w, v in zip(weights, values))
    if total < -30:
        return 0.0
    return 1 / (1 + math.exp(-total))


# The least confidence of a correction with cert high, over the learned threshold (0.93,
# where the learning sample's corrections from the top were 95% right): on the tuning
# splits of ocr-fr-dev and ocr-fr-hipe/train, the unknown words corrected from 0.93 were
# 59 of 66 right by the gold (89%), from 0.95 32 of 33 (the one left is right by hand:
# `c'est,un` -> `c'est un`, the gold's line otherwise garbled). Below 0.95: a digit read
# for a letter (`1` -> `l`, the page had `à`), a word cut by a stray space (`l'év qne` ->
# `que`, the page had `l'évêque`), a garble inside a name (`etde` -> `et de`).
HIGH_FLOOR = 0.95


@dataclass(frozen=True)
class Thresholds:
    high: float
    medium: float
    flag: float
    context: float  # a real word: the posterior of its best candidate in context


@dataclass(frozen=True)
class Model:
    error: tuple[float, ...]
    fix: tuple[float, ...]
    thresholds: Thresholds

    @classmethod
    def load(cls, name: str = "model.json") -> Model:
        data = json.loads(resources.files("teiforge").joinpath("data", "ocr", name).read_text())
        if tuple(data["features"]) != FEATURES:
            raise ValueError(
                f"{name} was learned for other features: rerun tools/learn_ocr_model.py"
            )
        return cls(tuple(data["error"]), tuple(data["fix"]), Thresholds(**data["thresholds"]))

    @property
    def high(self) -> float:
        """The least confidence of a correction with cert high."""
        return max(self.thresholds.high, HIGH_FLOOR)

    def p_error(self, values: Sequence[float]) -> float:
        return _logistic(self.error, values)

    def p_fix(self, values: Sequence[float]) -> float:
        return _logistic(self.fix, values)

    def cert_in_context(self, posterior: float) -> str | None:
        """A real word is corrected only when its context makes it sure, and then with
        cert medium, never high: what it would become is a guess from the document's
        habits and two neighbours, and the page may well have printed the word it shows
        (passes: `se pose dons ces` -> `dans`, medium. Fails, so never high: `formé d'un
        tuyau` -> `forme`, `la fuite` -> `suite`, `tons` -> `tous` in a list of painters;
        on the tuning splits 21 of the 35 such corrections past the high threshold were
        right, 60%, against 59 of 66 for unknown words, docs/ocr-correction.md)."""
        if posterior < self.thresholds.context:
            return None
        return "medium"

    def cert(self, confidence: float) -> str | None:
        """high or medium for a correction to make, None when it is not sure enough:
        high from the learned threshold or HIGH_FLOOR, whichever is higher."""
        if confidence >= self.high:
            return "high"
        if confidence >= self.thresholds.medium:
            return "medium"
        return None

    def describe(self) -> str:
        """The method and the thresholds, for the header's editorialDecl/correction."""
        t = self.thresholds
        return (
            "A word was examined when the lexicon (hunspell-fr and wordfreq) did not know it "
            "and no guard applied (names, acronyms, numbers, roman numerals, abbreviations, old "
            "spellings, words of other languages, capitals without accents, note anchors; in a "
            "modern text, a word in small letters that only another language knows, between two "
            "French words, was examined). In an "
            f"old text whose OCR garbled fewer than one word in {round(1 / CLEAN_PRINT)} (a "
            "digit against a letter, a mark inside a word, a capital after a small letter; and no "
            "two words whose long s it read as f), a "
            "word that looks spelled (no triple of letters French words lack, u and v, i and j "
            "read as the old print used them) is taken for the text's own spelling and left "
            "alone. Its "
            "candidates are the words of the lexicon that OCR confusions, learned from French "
            "OCR with human gold (ICDAR 2017), turn into it, scored by a noisy channel: the "
            "confusions' probability times the word's frequency; a word the document itself prints "
            "right several times is a candidate too, its share of the document its frequency. "
            "Two logistic models learned on "
            "the same data give the probability that the word is an error, P(error), and that "
            "its best candidate is right, P(fix). A correction was made when P(error) x P(fix) "
            f"reached {t.medium:.2f}: corr/@cert is high from {self.high:.2f}, else medium (a "
            "word of the lexicon corrected in context, below, is medium at most). A word "
            f"whose P(error) reached {t.flag:.2f} without a sure correction is flagged in sic "
            "alone, its best candidate left to an editor (cert low in the corrections file). "
            "The likely corrections of a document are evidence of its OCR's habits (a read as o): "
            "a confusion seen in several words is made likelier in that document, and a word of "
            "the lexicon is corrected only when such a habit and its neighbouring words (a "
            "bigram model of frequent French words) make another word more probable, with a "
            f"posterior of {t.context:.2f} or more."
        )


@lru_cache(maxsize=1)
def correction_method() -> str:
    return (
        f"{line_ends.describe()} {splits.describe()} {elisions.describe()} "
        f"{Model.load().describe()} {Punctuation.load().describe()} {lookalikes.describe()} "
        f"{capitals.describe()} {hyphens.describe()} {alphanumeric.describe()} "
        f"{in_context.describe() + ' ' if in_context.ENABLED else ''}"
        f"{inner_capitals.describe()} {strays.describe()} {spacing.describe()} {stray_marks.describe()} "
        f"{stray_stops.describe()} {own_words.describe()}"
    )
