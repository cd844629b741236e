"""Lookalikes: a word of the lexicon, rare, that one learned confusion (channel.py) makes
of a far more common word ("dé" for de, "celte" for cette, "tète" for tête, "pouf" for
pour). realword.py questions a word of the lexicon only in a document whose own OCR
habits say so; most documents are short pages that show no habit, so this class weighs
each such word on general evidence alone:

- the frequencies (lexicon.py) of the word and of the common word, and the channel's
  probability of the confusion, more likely when it is only an accent;
- the neighbouring words (context.py) on each side, as the bigrams say the common word
  fits better than the printed one;
- how often the document prints each of the two, and whether the word is capitalised
  or the common word is two words (delà: de la).

A logistic model over these features, learned on the tuning split with each sample's
bigram features counted without its own documents (tools/learn_lookalikes.py ->
data/ocr/lookalikes.json), gives P(fix), that the common word is what the page had; the
threshold of a correction (cert medium) is chosen there by cross-validation over
documents. The class only corrects: its flags, cross-validated at 0.6 precision on the
tuning split, were right a fifth of the time on held-out documents, and were dropped.

passes (left alone): "les dons de la fondation", "un dé à coudre", "la culture celte",
and, missed, "que celte anecdote" (the context alone is not sure enough).
fails (proposed): "le nom dé la ville" -> de, "à celte époque" -> cette.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from .channel import Channel
from .context import LN10, Bigrams
from .lexicon import Lexicon
from .realword import MIN_REAL_ZIPF, neighbour
from .words import Found, Word, shape

# A word is questioned only when the common word is this much more frequent (Zipf).
MIN_GAP = 1.0
# The most a neighbour may say, in log odds: a token the lexicon does not count (an
# elided "l'") has no frequency to back off to, and would say too much.
MAX_CONTEXT = 5.0
FEATURES = (
    "bias",
    "zipf of the word",
    "zipf of the common word",
    "channel log p",
    "accent only",
    "left context",
    "right context",
    "capitalised",
    "log count of the word in the document",
    "log count of the common word in the document",
    "two words",
)
CACHE = 100_000


@dataclass(frozen=True)
class Variant:
    text: str  # the common word, lowercase (de, cette, de la)
    logp: float  # the channel's log p of the one confusion
    accent: bool  # the confusion only changes an accent


@dataclass(frozen=True)
class Reading:
    """A word of the lexicon, its common variant and what the features are made of."""

    passage: int
    word: Word
    variant: Variant
    left: str | None
    right: str | None
    word_count: int  # the word in the document, any case
    variant_count: int

    @property
    def suggestion(self) -> str:
        text = self.variant.text
        return text[:1].upper() + text[1:] if self.word.text[:1].isupper() else text

    def values(self, lexicon: Lexicon, bigrams: Bigrams) -> tuple[float, ...]:
        word, variant = self.word.text.lower(), self.variant.text
        first, last = variant.split(" ")[0], variant.split(" ")[-1]
        left = right = 0.0
        if self.left is not None:
            # How much the left word raises each reading above its own frequency.
            left = (
                bigrams.log_p(first, self.left, lexicon) - bigrams.log_p(first, None, lexicon)
            ) - (bigrams.log_p(word, self.left, lexicon) - bigrams.log_p(word, None, lexicon))
        if self.right is not None:
            right = bigrams.log_p(self.right, last, lexicon) - bigrams.log_p(
                self.right, word, lexicon
            )
        return (
            1.0,
            lexicon.zipf(word) - 4,
            _zipf(variant, lexicon) - 6,
            self.variant.logp + 6,
            float(self.variant.accent),
            max(-MAX_CONTEXT, min(MAX_CONTEXT, left)),
            max(-MAX_CONTEXT, min(MAX_CONTEXT, right)),
            float(self.word.text[:1].isupper()),
            math.log(self.word_count),
            math.log(1 + self.variant_count),
            float(" " in variant),
        )


def _zipf(text: str, lexicon: Lexicon) -> float:
    return min(lexicon.zipf(part) for part in text.split(" "))


def _bare(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _logistic(weights: Sequence[float], values: Sequence[float]) -> float:
    total = sum(w * v for w, v in zip(weights, values))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))


@dataclass
class Lookalikes:
    lexicon: Lexicon
    channel: Channel
    bigrams: Bigrams
    fix: tuple[float, ...]
    correct: float  # P(fix) of a correction
    _variants: dict[str, Variant | None] = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls, lexicon: Lexicon, channel: Channel, bigrams: Bigrams, name: str = "lookalikes.json"
    ) -> Lookalikes:
        data = json.loads(resources.files("teiforge").joinpath("data", "ocr", name).read_text())
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{name} was learned for other features: rerun its tool")
        return cls(
            lexicon,
            channel,
            bigrams,
            tuple(data["fix"]),
            data["thresholds"]["correct"],
        )

    def variant(self, text: str) -> Variant | None:
        """The likeliest common word that one learned confusion turns into this one, once
        per word in a process: lowercase or capitalised words of letters only."""
        if text in self._variants:
            return self._variants[text]
        found = None
        if text.isalpha() and shape(text) in ("lower", "title"):
            found = self._variant(text.lower())
        if len(self._variants) > CACHE:
            self._variants.clear()
        self._variants[text] = found
        return found

    def _variant(self, word: str) -> Variant | None:
        floor = max(MIN_REAL_ZIPF, self.lexicon.zipf(word) + MIN_GAP)
        best: Variant | None = None
        best_score = -math.inf  # the noisy channel's: log p of the confusion + log frequency
        for seen, meant, text, logp in self._options(word):
            zipf = self._common(text, floor)
            if zipf is not None and logp + LN10 * zipf > best_score:
                best = Variant(text, logp, _bare(seen) == _bare(meant))
                best_score = logp + LN10 * zipf
        return best

    def _options(self, word: str) -> Iterator[tuple[str, str, str, float]]:
        """(printed, page string, variant, log p): each learned confusion undone once,
        when the variant is a common word or has a space (most edits make no word: ruled
        out here by one look-up)."""
        rules, common = self.channel.rules, self._common_words
        size = len(word)
        heads = [word[:at] for at in range(size + 1)]
        tails = [word[at:] for at in range(size + 1)]
        for start in range(size):
            for end in (start + 1, start + 2):
                if end > size:
                    break
                seen = word[start:end]
                options = rules.get(seen)
                if options is None:
                    continue
                head, tail = heads[start], tails[end]
                for meant, logp in options:
                    text = head + meant + tail
                    if text in common or " " in text:
                        yield seen, meant, text, logp
        # A letter or a space the OCR lost.
        places = range(size + 1)
        for lost, logp in rules.get("", ()):
            if lost == " ":
                for cut in range(1, size):
                    yield "", " ", f"{heads[cut]} {tails[cut]}", logp
            elif len(lost) == 1:  # a letter: no space
                texts = [text for at in places if (text := heads[at] + lost + tails[at]) in common]
                for text in texts:
                    yield "", lost, text, logp

    @cached_property
    def _common_words(self) -> dict[str, float]:
        """The lexicon's common lowercase words -> Zipf, built on first use."""
        return self.lexicon.common_forms(MIN_REAL_ZIPF)

    def _common(self, text: str, floor: float) -> float | None:
        """The Zipf frequency of a common word, or of the rarer of two, when it reaches
        `floor`; else None."""
        common = self._common_words
        zipf = common.get(text)
        if zipf is None and " " in text:
            first, _, second = text.partition(" ")
            zipf = min(common.get(first, 0.0), common.get(second, 0.0)) or None
        return zipf if zipf is not None and zipf >= floor else None

    def readings(self, found: Found, taken: AbstractSet[tuple[int, int]]) -> list[Reading]:
        """The document's words of the lexicon (guard "known") with a common variant, but
        for the words `taken` by another proposal."""
        counts = Counter(word.text.lower() for _, word, _ in found)
        chosen = []
        for n, (index, word, code) in enumerate(found):
            if code != "known" or (index, word.start) in taken:
                continue
            variant = self.variant(word.text)
            if variant is None:
                continue
            chosen.append(
                Reading(
                    index,
                    word,
                    variant,
                    neighbour(found, n, -1),
                    neighbour(found, n, 1),
                    counts[word.text.lower()],
                    counts[variant.text],
                )
            )
        return chosen

    def proposals(
        self, found: Found, taken: AbstractSet[tuple[int, int]]
    ) -> list[tuple[int, int, int, str, str | None, str, str, float]]:
        """The corrector's proposals (passage, start, end, sic, corr, cert, suggestion,
        confidence): corrections, cert medium."""
        chosen: list[tuple[int, int, int, str, str | None, str, str, float]] = []
        for reading in self.readings(found, taken):
            values = reading.values(self.lexicon, self.bigrams)
            p_fix = _logistic(self.fix, values)
            word, suggestion = reading.word, reading.suggestion
            if p_fix >= self.correct:
                chosen.append(
                    (reading.passage, word.start, word.end, word.text, suggestion, "medium")
                    + (suggestion, p_fix)
                )
        return chosen


@lru_cache(maxsize=1)
def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    data = json.loads(
        resources.files("teiforge").joinpath("data", "ocr", "lookalikes.json").read_text()
    )
    t = data["thresholds"]
    return (
        "A rare word of the lexicon that one learned confusion makes of a far more common "
        "word (dé for de, celte for cette), in a document that shows no such habit, was "
        "weighed by a logistic model learned on the same data, over the two words' "
        "frequencies, the confusion's probability, the neighbouring words (the bigram "
        "model) and how often the document prints each: it was corrected (cert medium) "
        f"when the probability that the common word is right reached {t['correct']:.2f}."
    )
