"""Real words decided in context (proposer "lm"): a word of the lexicon that OCR often
prints for another (`le` for `Je`, `font` for `sont`, `a` for `à`, `ta` for `la`),
corrected when the word trigram model (ngrams.py) says the other word fits its place so
much better that it outweighs how rarely the confusion happens.

The confusions and their prior odds come from the tuning split
(tools/learn_real_words.py -> data/ocr/real_words.tsv): the printed word stood for the
other `confused` times and was right `right` times, so the prior log10 odds are
log10(confused / (right + 1)), at most 0. The model compares the printed word and each other word
with the two words before and after them, and gives the log10 odds, prior plus context.

A confusion rarer than 10^MIN_PRIOR (`de` for `des`) is not weighed (`decisive`): at the
learned bar such confusions made 5 of 492 corrections on the tuning splits, and their
printed words, French's commonest, were about half of the proposer's time.

How sure it must be depends on the document (`needed`): a real word is an OCR error
about as often as the document garbles words, and in a clean print the rarer reading is
more often the author's (`tes amis`, `la culture celte`) than the OCR's. So a correction
(cert medium) is made when 10^odds x noise^EXPONENT >= 1, `noise` the share of the
document's words that no lexicon knows (the words the model examines): odds of 10^2.25 in
a document with a word in ten unknown, 10^3.1 with one in 25, 10^4.5 with one in a
hundred; a document with fewer (MIN_NOISE) is not questioned. EXPONENT is learned on the tuning splits of both data sets
(`benchmarks/ocr_lm_threshold.py`: the exponent, and an intercept found to be 0, that
make the most words the gold's less five times the right words changed). Never in an old
text (oldtext.py): the model, learned from novels of 1840-1920, does not know an old
text's spelling and grammar.

passes (left alone): "il a dit", "la maison", "je ne sais"; fails (corrected, in a noisy
document): "le ne veux pas" -> je, "ils font venus" -> sont, "ta maison" -> la.
Only words a guard calls known are questioned (never a name, a number, an abbreviation),
and a case change alone is not a confusion (the model reads lowercase).

Before (issue 18, third round) it ran only in a document with at least 4% of its words
unknown, at odds of 10^2.5 in every such document (docs/ocr-correction.md); it was off
before that (issue 18's first measure: on every document at 10^2 it raised the held-out
monographs' harm from 0.043% to 0.104%).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .ngrams import NGrams, around, tokens
from .oldtext import old_text
from .words import Fields, Found, Word

ENABLED = True
EXPONENT = 2.25  # odds needed: noise ** -EXPONENT (learned, benchmarks/ocr_lm_threshold.py)
# A document with fewer unknown words is not questioned: the odds it needs (10^4.5 and
# more) are reached by few words (on the tuning splits 32, 4 of them right words changed),
# and scoring every word of the table cost about 30% of lm's time on ocr-fr-dev.
MIN_NOISE = 0.01
# A confusion rarer than this (prior log10 odds) is not weighed: at the learned bar it made
# 5 of 492 corrections on the tuning splits (4 right), and the words it would make the model
# score are French's commonest (`de` for `des`, `les` for `des`, `en` for `on`): about half
# of lm's time.
MIN_PRIOR = -2.5


@lru_cache(maxsize=1)
def confusions() -> dict[str, tuple[tuple[str, float], ...]]:
    """printed word -> (intended word, prior log10 odds), from data/ocr/real_words.tsv."""
    text = resources.files("teiforge").joinpath("data", "ocr", "real_words.tsv").read_text("utf-8")
    table: dict[str, list[tuple[str, float]]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        printed, intended, confused, right = line.split("\t")
        if printed.lower() == intended.lower() or printed[0].isupper() != intended[0].isupper():
            continue  # case: the model reads lowercase, and a correction keeps the print's
        if printed.replace("î", "i").replace("û", "u") == intended:
            continue  # reconnaît, reconnait: the 1990 reform's spelling, not an error
        # Never above even odds: the printed word is a word, and a confusion the tuning
        # split never saw right (celte: 12 to 0) is still a word elsewhere (la culture celte).
        odds = min(0.0, math.log10(int(confused) / (int(right) + 1)))
        table.setdefault(printed, []).append((intended, odds))
    return {printed: tuple(options) for printed, options in table.items()}


def decisive(
    table: dict[str, tuple[tuple[str, float], ...]],
) -> dict[str, tuple[tuple[str, float], ...]]:
    """The confusions whose prior odds reach MIN_PRIOR: those that may decide a word."""
    kept = {
        printed: tuple(option for option in options if option[1] >= MIN_PRIOR)
        for printed, options in table.items()
    }
    return {printed: options for printed, options in kept.items() if options}


@lru_cache(maxsize=4096)
def _tokens(word: str) -> tuple[str, ...]:
    """A word's tokens, for the words of the confusions' table (they recur); a tuple, so
    that no caller can change what the cache holds."""
    return tuple(tokens(word))


def _cased(intended: str, printed: str) -> str:
    """The intended word in the printed word's case (`Le` -> `Je`, `TA` -> `LA`)."""
    if printed.isupper() and len(printed) > 1:
        return intended.upper()
    if printed[:1].isupper():
        return intended[:1].upper() + intended[1:]
    return intended


@dataclass(frozen=True)
class InContext:
    ngrams: NGrams
    table: dict[str, tuple[tuple[str, float], ...]]

    def odds(self, text: str, word: Word) -> tuple[str, float] | None:
        """The likeliest other word and its log10 odds against the printed one."""
        options = self.table.get(word.text)
        if not options:
            return None
        left, right = around(text, word.start, word.end)
        readings = [_tokens(word.text)] + [_tokens(intended) for intended, _ in options]
        scores = self.ngrams.compare(left, readings, right)
        best = max(
            (
                (intended, scores[i + 1] - scores[0] + prior)
                for i, (intended, prior) in enumerate(options)
            ),
            key=lambda pair: pair[1],
        )
        return best

    def proposals(
        self, texts: Sequence[str], found: Found, taken: AbstractSet[tuple[int, int]]
    ) -> list[Fields]:
        chosen: list[Fields] = []
        share = noise(found)
        if share is None or share < MIN_NOISE:
            return chosen
        bar = needed(share)
        for passage, word, code in found:
            if code != "known" or (passage, word.start) in taken:
                continue
            decided = self.odds(texts[passage], word)
            if decided is None or decided[1] < bar:
                continue
            intended, odds = decided
            corr = _cased(intended, word.text)
            confidence = 1 / (1 + 10**-odds)
            reason = f"{intended} {10**odds:,.0f} times likelier in context"
            chosen.append(
                (passage, word.start, word.end, word.text, corr, "medium", corr, confidence, reason)
            )
        return chosen


def noise(found: Found) -> float | None:
    """The share of a document's words no lexicon knows (examined), or None for an old
    text, whose real words the model never questions."""
    codes = [code for _, _, code in found]
    if old_text(codes):
        return None
    return codes.count(None) / max(1, len(codes))


def needed(share: float) -> float:
    """The log10 odds a correction needs in a document with `share` of its words unknown:
    10^odds x share^EXPONENT >= 1."""
    return -EXPONENT * math.log10(max(share, MIN_NOISE))


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "In a document that is no old text, a word of the lexicon that OCR often prints "
        "for another (le for Je, font for sont, learned on the same data) was corrected when "
        "a word trigram model of French (interpolated Kneser-Ney, learned from public-domain "
        "novels) made the other word likelier in its place, the confusion's rarity counted "
        f"(one rarer than 1 in {10**-MIN_PRIOR:,.0f} on the same data not weighed), "
        "by odds that grow as the document's OCR is cleaner: the odds times the share of its "
        f"words unknown to the lexicon to the power {EXPONENT} at least 1 (odds of "
        f"{10 ** needed(0.1):,.0f} with one word in ten unknown, {10 ** needed(0.01):,.0f} "
        f"with one in a hundred; none with fewer than {MIN_NOISE:.0%}; cert medium)."
    )
