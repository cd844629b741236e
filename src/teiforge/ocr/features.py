"""What the corrector knows about a word it cannot find in the lexicon: the evidence that
it is an OCR error, and that its best candidate is the word the page had. The model
(model.py) weighs these; tools/learn_ocr_model.py learns the weights."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from .candidates import Candidate
from .lexicon import Lexicon
from .words import Word

FEATURES = (
    "bias",
    "best_score",  # channel + prior of the best candidate (per-billion scale, natural log)
    "best_channel",  # log P(printed | best candidate)
    "margin",  # how far ahead of the second candidate the best is
    "no_candidate",
    "attested",  # wordfreq's Zipf frequency of the printed form (names, rare words)
    "capital_inside",  # a capital inside a sentence: a name, most likely
    "capital_start",
    "upper",
    "digit",  # a digit among letters (vr6ur)
    "mixed_case",  # nOS, coMmuru
    "inner_mark",  # l,instant, so!eil
    "repeats",  # log of the times the same form occurs in the document
    "odd_trigrams",  # letter triples rare in French words
    "length",
    "unknown_document",  # the share of its words neither known nor guarded (Middle French)
    "split",  # the best candidate is two words
    "own_word",  # the best candidate is not in the lexicon: a word of the document's own
)
RARE_TRIGRAM = 3  # frequent words that contain a triple for it to be ordinary
SCORE_FLOOR = -40.0  # the score when there is no candidate


@dataclass(frozen=True)
class Trigrams:
    counts: dict[str, int]  # letter triple (^ and $ mark the ends) -> frequent words with it

    @classmethod
    def load(cls, name: str = "trigrams.tsv") -> Trigrams:
        text = resources.files("teiforge").joinpath("data", "ocr", name).read_text("utf-8")
        counts = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                trigram, count = line.split("\t")
                counts[trigram] = int(count)
        return cls(counts)

    def rare(self, word: str) -> int:
        marked = f"^{word.lower()}$"
        return sum(
            self.counts.get(marked[i : i + 3], 0) < RARE_TRIGRAM for i in range(len(marked) - 2)
        )


@dataclass(frozen=True)
class Document:
    """What the corrector counts over a whole document before deciding on a word."""

    counts: Counter[str]  # word form -> occurrences
    unknown_share: float  # of the words, neither known nor guarded


def features(
    word: Word,
    candidates: Sequence[Candidate],
    lexicon: Lexicon,
    trigrams: Trigrams,
    document: Document,
) -> list[float]:
    text = word.text
    letters = [ch for ch in text if ch.isalpha()]
    best = candidates[0] if candidates else None
    second = candidates[1].score if len(candidates) > 1 else SCORE_FLOOR
    form = word.shape
    return [
        1.0,
        best.score if best else SCORE_FLOOR,
        best.channel if best else SCORE_FLOOR,
        min(best.score - second, 10.0) if best else 0.0,
        0.0 if best else 1.0,
        lexicon.zipf(text) if lexicon.is_attested(text) else 0.0,
        float(form == "title" and not word.sentence_start),
        float(form == "title" and word.sentence_start),
        float(form == "upper"),
        float(any(ch.isdigit() for ch in text) and bool(letters)),
        float(form == "mixed"),
        float(any(ch in ".,!" for ch in text)),
        math.log(document.counts[text]) if document.counts[text] else 0.0,
        float(trigrams.rare(text)),
        float(len(text)),
        document.unknown_share,
        float(best is not None and " " in best.text),
        float(best is not None and " " not in best.text and not lexicon.is_listed(best.text)),
    ]
