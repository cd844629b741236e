"""The neighbouring words: a bigram model of the 3,000 most frequent French words,
counted on the tuning split of the development data (tools/learn_ocr_model.py ->
data/ocr/bigrams.tsv.gz; only pairs seen twice or more), backed off to the lexicon's
frequencies. It decides between a real word and what a document's OCR habits say it
may have been: "se pose dons ces" -> dans."""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from importlib import resources

from .lexicon import Lexicon

LN10 = math.log(10)
BACKOFF = 100.0  # pseudo-count of the lexicon's frequency in a conditional probability


@dataclass(frozen=True)
class Bigrams:
    unigrams: dict[str, int]  # word -> occurrences
    pairs: dict[tuple[str, str], int]

    @classmethod
    def load(cls, name: str = "bigrams.tsv.gz") -> Bigrams:
        data = resources.files("teiforge").joinpath("data", "ocr", name).read_bytes()
        unigrams: dict[str, int] = {}
        pairs: dict[tuple[str, str], int] = {}
        for line in gzip.decompress(data).decode("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            words, count = line.split("\t")
            first, _, second = words.partition(" ")
            if second:
                pairs[first, second] = int(count)
            else:
                unigrams[first] = int(count)
        return cls(unigrams, pairs)

    def log_p(self, word: str, previous: str | None, lexicon: Lexicon) -> float:
        """log P(word | previous word), interpolated with the word's frequency."""
        prior = 10 ** (max(lexicon.zipf(word), 1.0) - 9)
        if previous is None or previous not in self.unigrams:
            return math.log(prior)
        count = self.pairs.get((previous, word), 0)
        return math.log((count + BACKOFF * prior) / (self.unigrams[previous] + BACKOFF))

    def score(self, left: str | None, word: str, right: str | None, lexicon: Lexicon) -> float:
        """log P(word | left) + log P(right | word): how well a word fits between two."""
        total = self.log_p(word, left, lexicon)
        if right is not None:
            total += self.log_p(right, word, lexicon)
        return total
