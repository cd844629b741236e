"""Real words decided in context (proposer "lm"): a word of the lexicon that OCR often
prints for another (`le` for `Je`, `font` for `sont`, `a` for `à`, `ta` for `la`),
corrected when the word trigram model (ngrams.py) says the other word fits its place so
much better that it outweighs how rarely the confusion happens.

The confusions and their prior odds come from the tuning split
(tools/learn_real_words.py -> data/ocr/real_words.tsv): the printed word stood for the
other `confused` times and was right `right` times, so the prior log10 odds are
log10(confused / (right + 1)), at most 0. The model compares the printed word and each other word
with the two words before and after them; a correction is made when the log10 odds,
prior plus context, reach `CORRECT` (cert medium: on the tuning split, 58% of such
corrections give the gold's word and 12% change a right word (1,312 proposals), the rest an
error into another error).

passes (left alone): "il a dit", "la maison", "je ne sais"; fails (corrected): "le ne
veux pas" -> je, "ils font venus" -> sont, "ta maison" -> la.
Only words a guard calls known are questioned (never a name, a number, an abbreviation),
and a case change alone is not a confusion (the model reads lowercase).

Only in a document whose OCR is noisy (NOISE: at least 4% of its words no lexicon knows)
and that is no old text (oldtext.py): a real word is an error about as often as the
document garbles words, and in a clean print the rare reading is more often the author's
(`tes amis`, `la culture celte`) than the OCR's; the model, learned from novels of
1840-1920, does not know an old text's spelling and grammar. Measured on the tuning
splits (docs/ocr-correction.md, issue 18, third round): in documents under
the bar, 23% of its corrections changed a right word on ocr-fr-dev; over it, 4% on
ocr-fr-hipe. It was off before (issue 18's first measure: on every document it raised the
held-out monographs' harm from 0.043% to 0.104%).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .ngrams import NGrams, tokens
from .oldtext import old_text
from .words import Fields, Found, Word

ENABLED = True
NOISE = 0.04  # the least share of a document's words that no lexicon knows (examined)
CORRECT = 2.5  # log10 odds: over 300 to one for the other word
WINDOW = 60  # characters read on each side of a word for its two neighbours


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
        left = tokens(text[max(0, word.start - WINDOW) : word.start])
        right = tokens(text[word.end : word.end + WINDOW])
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
        if not noisy(found):
            return chosen
        for passage, word, code in found:
            if code != "known" or (passage, word.start) in taken:
                continue
            decided = self.odds(texts[passage], word)
            if decided is None or decided[1] < CORRECT:
                continue
            intended, odds = decided
            corr = _cased(intended, word.text)
            confidence = 1 / (1 + 10**-odds)
            reason = f"{intended} {10**odds:,.0f} times likelier in context"
            chosen.append(
                (passage, word.start, word.end, word.text, corr, "medium", corr, confidence, reason)
            )
        return chosen


def noisy(found: Found) -> bool:
    """Whether a document is one whose real words the model may question: its OCR noisy
    (NOISE of its words examined), its text not old."""
    codes = [code for _, _, code in found]
    return codes.count(None) >= NOISE * max(1, len(codes)) and not old_text(codes)


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "In a document whose OCR is noisy (at least "
        f"{NOISE:.0%} of its words unknown to the lexicon) and that is no old text, a word "
        "of the lexicon that OCR often prints for another (le for Je, font for sont, "
        "learned on the same data) was corrected when a word trigram model of French "
        "(interpolated Kneser-Ney, learned from public-domain novels) made the other word "
        f"at least {10**CORRECT:.0f} times likelier in its place, the confusion's rarity "
        "counted (cert medium)."
    )
