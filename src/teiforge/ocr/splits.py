"""Glued and split words, decided by the lexicon and the word trigram model (ngrams.py).

Proposer "split": a word no lexicon knows that is two or three words glued by a space the
OCR lost (`delaville`, `etsur`, `avaitpoussé`) is split, when each part is a common word
and the trigram model, over the two words on each side, finds the parts likelier in
their place than the word's best correction by at least SPLIT_MARGIN (log10).

Proposer "join": two words a space cut apart (`su jets`, `ani maux`, `son t`), each of
them a word or a lone letter, are joined when together they are a word of the lexicon and
the model finds the joined word likelier in its place than the two by at least
JOIN_MARGIN (`de main` stays in "de main de maître", `par ce` in "par ce moyen"). A pair
with an unknown word is the model's (joins.py).

passes (left alone): "de la ville", "de main de maître", "par ce moyen", "Saintpierre"
(a capital: a name); fails (corrected): "delaville" -> "de la ville", "su jets" ->
"sujets".
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .candidates import Candidates
from .lexicon import Lexicon
from .ngrams import NGrams, around, tokens
from .words import Fields, Found, one_space_apart

SPLIT_MARGIN = 0.0  # log10: the parts likelier than the best single word (tuning split)
JOIN_MARGIN = 5.0
MIN_PART_ZIPF = 3.0  # each part of a split: a common word (per billion: 1,000 times)
MIN_JOINED_ZIPF = 2.0
MIN_LENGTH = 4  # a glued word: at least this many letters
LONE_WORDS = frozenset({"a", "à", "y", "ô", "o"})
# Guards whose words may be half of a split word: a word, a lone letter, a broken word.
JOINABLE = frozenset({"known", "letter", None})


@dataclass(frozen=True)
class Splits:
    lexicon: Lexicon
    ngrams: NGrams

    def _common(self, part: str) -> bool:
        return self.lexicon.is_listed(part) and self.lexicon.zipf(part) >= MIN_PART_ZIPF

    def readings(self, text: str) -> list[list[str]]:
        """The ways to read `text` as two or three common words."""
        found = []
        for i in range(1, len(text)):
            first, rest = text[:i], text[i:]
            if not self._common(first):
                continue
            if self._common(rest):
                found.append([first, rest])
            for j in range(1, len(rest)):
                if self._common(rest[:j]) and self._common(rest[j:]):
                    found.append([first, rest[:j], rest[j:]])
        return found

    def split_proposals(
        self,
        texts: Sequence[str],
        found: Found,
        taken: AbstractSet[tuple[int, int]],
        candidates: Candidates,
    ) -> list[Fields]:
        chosen: list[Fields] = []
        for passage, word, code in found:
            text = word.text
            if code is not None or (passage, word.start) in taken:
                continue
            if len(text) < MIN_LENGTH or not text.isalpha() or not text.islower():
                continue  # a capital: a name (Lacroix, Lebas), not two words
            options = self.readings(text)
            if not options:
                continue
            left, right = around(texts[passage], word.start, word.end)
            ranked = candidates.ranked(text)
            single = [tokens(c.text) for c in ranked[:1] if " " not in c.text]
            scores = self.ngrams.compare(left, [*options, *single, tokens(text)], right)
            best = max(range(len(options)), key=scores.__getitem__)
            margin = scores[best] - max(scores[len(options) :])
            if margin < SPLIT_MARGIN:
                continue
            parts = options[best]
            corr = " ".join(parts)
            reason = f"{corr} {10**margin:,.0f} times likelier in context"
            confidence = 1 / (1 + 10**-margin)
            chosen.append(
                (passage, word.start, word.end, text, corr, "medium", corr, confidence, reason)
            )
        return chosen

    def join_proposals(
        self,
        texts: Sequence[str],
        cuts: Sequence[frozenset[int]],
        found: Found,
        taken: AbstractSet[tuple[int, int]],
    ) -> list[Fields]:
        chosen: list[Fields] = []
        skip = -1
        for n in range(len(found) - 1):
            (passage, first, one), (other, second, two) = found[n], found[n + 1]
            if n == skip or passage != other or one not in JOINABLE or two not in JOINABLE:
                continue
            if one is None and two is None:
                continue  # two unknown words: the model's (joins.py)
            if (passage, first.start) in taken or (passage, second.start) in taken:
                continue
            text = texts[passage]
            if not one_space_apart(text, cuts[passage], first, second):
                continue
            if not (first.text.isalpha() and second.text.isalpha() and second.text.islower()):
                continue
            if first.text.lower() in LONE_WORDS or second.text in LONE_WORDS:
                continue  # a vis, a droite: a word of one letter stands alone
            whole = first.text + second.text
            if not self.lexicon.is_listed(whole) or self.lexicon.zipf(whole) < MIN_JOINED_ZIPF:
                continue
            if not self.ngrams.knows(whole.lower()):
                continue  # the model would read it as <unk>, every rare word's mass
            margin = self.ngrams.closing_odds(text, first.start, second.end, whole)
            if margin < JOIN_MARGIN:
                continue
            sic = text[first.start : second.end]
            reason = f"{whole} {10**margin:,.0f} times likelier in context than two words"
            confidence = 1 / (1 + 10**-margin)
            chosen.append(
                (passage, first.start, second.end, sic, whole, "medium", whole, confidence, reason)
            )
            skip = n + 1
        return chosen


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "A word no lexicon knows that reads as two or three common words glued together was "
        "split when a word trigram model of French (learned from public-domain novels) made "
        "the parts likelier in their place than the word's best correction; two words that "
        "read as one word of the lexicon were joined when the model made the joined word "
        f"at least {10**JOIN_MARGIN:,.0f} times likelier than the two (cert medium)."
    )
