"""Candidate readings of a printed word: the words of the lexicon the channel can turn
into it, each scored by the noisy channel, log P(printed | word) + log P(word)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .channel import UNSEEN_EDIT, Channel, Edit, log_p
from .lexicon import Lexicon
from .screen import Screen, lexicon_screen
from .words import shape

LN10 = math.log(10)
ROMAN_ZIPF = 5.0  # a roman numeral (VII for Vll) is as likely as a common word
MIN_PART_ZIPF = 3.0  # each word of a split (etsur: et sur) must be common
CACHE = 100_000
_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,4}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
_ROMANISH = re.compile(r"[IVXLCDMl1]{2,}")


@dataclass(frozen=True)
class Candidate:
    text: str
    edits: tuple[Edit, ...]  # what the OCR did to it
    channel: float  # log P(printed | text)
    prior: float  # log P(text), from its frequency

    @property
    def score(self) -> float:
        return self.channel + self.prior


@dataclass
class Candidates:
    lexicon: Lexicon
    channel: Channel
    _cache: dict[str, dict[str, tuple[Edit, ...]]] = field(default_factory=dict)

    @cached_property
    def _screen(self) -> Screen:
        """Built on first use (about 0.2 s): loading the corrector stays quick."""
        return lexicon_screen(self.lexicon.codes)

    def ranked(
        self, printed: str, adapted: Mapping[tuple[str, str], float] | None = None
    ) -> tuple[Candidate, ...]:
        """The candidates for a printed word, best first; `adapted`: the confusions a
        document makes more often than the channel says."""
        found = self._cache.get(printed)
        if found is None:
            roman = bool(_ROMANISH.fullmatch(printed)) and printed[:1] in "IVXLCDM"
            found = self.channel.candidates(
                printed,
                lambda texts: {text for text in texts if self._acceptable(text, roman)},
                None if roman else self._screen,  # a numeral need not be listed
            )
            numeral = printed.replace("l", "I").replace("1", "I")
            if roman and numeral != printed and _ROMAN.fullmatch(numeral):
                # The same glyph misread the same way through the word: one confusion.
                misread = "l" if "l" in printed else "1"
                logp = max(
                    (p for m, p in self.channel.rules.get(misread, ()) if m == "I"),
                    default=UNSEEN_EDIT,
                )
                found[numeral] = ((misread, "I", logp),)
            if len(self._cache) > CACHE:
                self._cache.clear()
            self._cache[printed] = found
        return tuple(
            sorted(
                (
                    Candidate(text, edits, log_p(edits, adapted), self.prior(text))
                    for text, edits in found.items()
                ),
                key=lambda c: (-c.score, c.text),
            )
        )

    def _acceptable(self, text: str, roman: bool) -> bool:
        """A reading must be a listed form (a compound as a whole), two common words, or
        a roman numeral for a word that looks like one; with a plausible case."""
        plain = " " not in text and "-" not in text and "'" not in text and "’" not in text
        if plain and not roman and text.lower() not in self.lexicon.codes:
            return False  # most strings an edit makes: not worth a closer look
        form = shape(text)
        if form == "mixed":
            return False
        if " " in text:
            parts = text.split(" ")
            return len(parts) == 2 and all(self._part(part) for part in parts)
        if roman and _ROMAN.fullmatch(text):
            return True
        if "-" in text:  # the hyphen stays: an-née is right, per-lonnages is per-sonnages
            return self.lexicon.is_known(text)
        if not self.lexicon.is_listed(text):
            return False
        return form != "lower" or not self.lexicon.is_proper(text)

    def _part(self, text: str) -> bool:
        return (
            len(text) > 1
            and shape(text) != "mixed"
            and self.lexicon.is_listed(text)
            and self.lexicon.zipf(text) >= MIN_PART_ZIPF
        )

    def prior(self, text: str) -> float:
        if " " in text:
            return sum(self.prior(part) for part in text.split(" "))
        if _ROMAN.fullmatch(text):
            return LN10 * (max(ROMAN_ZIPF, self.lexicon.zipf(text)) - 9)
        zipf = self.lexicon.zipf(text)
        if not zipf and "-" in text:
            joined = self.lexicon.zipf(text.replace("-", ""))
            zipf = joined or min(self.lexicon.zipf(part) for part in text.split("-"))
        return LN10 * (zipf - 9)
