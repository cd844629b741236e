"""The French lexicon: which forms exist, how frequent they are, which are proper nouns,
which are words of other languages. Precomputed from hunspell-fr and wordfreq by
tools/build_lexicon.py into package data; loaded in about 0.2 s."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from .words import ELISION

# Bits of an entry's code, below its Zipf frequency (times ten).
LEXICAL = 1  # hunspell-fr accepts the form
PROPER = 2  # ... only as a proper noun
ATTESTED = 4  # wordfreq's French list has it, hunspell does not
FOREIGN = 8  # a common word of English, German, Italian, Spanish or Portuguese
ACRONYM = 16  # hunspell-fr has it only in capitals (CNRS, IUT)
_FLAG_BITS = {"h": LEXICAL, "p": PROPER, "a": ATTESTED, "f": FOREIGN, "u": ACRONYM}
_SHIFT = 5

# A form with no frequency is still a word: as rare as the rarest counted ones.
UNCOUNTED_ZIPF = 1.0


@dataclass(frozen=True)
class Lexicon:
    codes: dict[str, int]  # lowercased form -> Zipf*10 << _SHIFT | flags

    @classmethod
    def load(cls, name: str = "lexicon.tsv.gz") -> Lexicon:
        data = resources.files("teiforge").joinpath("data", "ocr", name).read_bytes()
        codes: dict[str, int] = {}
        for line in gzip.decompress(data).decode("utf-8").split("\n"):
            zipf, flags, forms = line.split("\t")
            code = int(zipf) << _SHIFT | sum(_FLAG_BITS[flag] for flag in flags)
            codes.update(dict.fromkeys(forms.split(" "), code))
        return cls(codes)

    def _lexical(self, word: str) -> bool:
        code = self.codes.get(word.lower(), 0)
        return bool(code & LEXICAL) and (not code & ACRONYM or word.isupper())

    def is_listed(self, word: str) -> bool:
        """The form itself is in hunspell's list (after an elided article or pronoun);
        a compound only as a whole (porte-monnaie), an acronym only in capitals."""
        return self._lexical(_bare(word))

    def is_word(self, word: str) -> bool:
        """A listed form, or a compound of listed forms (dit-on, c'est-à-dire)."""
        bare = _bare(word)
        if self._lexical(bare):
            return True
        return "-" in bare and all(part and self.is_listed(part) for part in bare.split("-"))

    def is_known(self, word: str) -> bool:
        """A word the corrector leaves alone: a word, where each hyphen may also be
        layout, the mark of a line end the text lost (an-née, s'é-criait-elle)."""
        if self.is_word(word):
            return True
        if "-" not in word:
            return False
        return _joins(_bare(word).split("-"), self.is_listed)

    def is_proper(self, word: str) -> bool:
        return bool(self.codes.get(word.lower(), 0) & PROPER)

    def is_attested_name(self, word: str) -> bool:
        """A form wordfreq's French list has and that is no word hunspell knows, nor a
        common word of another language: with a capital, mostly a name (Lancret, Galien)."""
        code = self.codes.get(word.lower(), 0)
        return bool(code & ATTESTED) and not code & (LEXICAL | FOREIGN)

    def is_rare_word(self, word: str) -> bool:
        """A word hunspell knows whose Zipf frequency is below 4.2: with a capital in
        mid-sentence, a surname as often (Boucher, Bacon)."""
        code = self.codes.get(word.lower(), 0)
        return bool(code & LEXICAL) and not code & ACRONYM and (code >> _SHIFT) < 42

    def is_attested(self, word: str) -> bool:
        return bool(self.codes.get(_bare(word).lower(), 0) & ATTESTED)

    def is_foreign(self, word: str) -> bool:
        return bool(self.codes.get(word.lower(), 0) & FOREIGN)

    def common_forms(self, min_zipf: float) -> dict[str, float]:
        """The lowercase forms hunspell lists (not acronyms) with a Zipf frequency of at
        least `min_zipf` -> that frequency: one pass over the lexicon."""
        least = round(min_zipf * 10) << _SHIFT
        return {
            form: (code >> _SHIFT) / 10
            for form, code in self.codes.items()
            if code >= least and code & LEXICAL and not code & ACRONYM and form.islower()
        }

    def zipf(self, word: str) -> float:
        """Frequency on the Zipf scale (log10 per billion words); 0 for an unknown form."""
        code = self.codes.get(_bare(word).lower(), 0)
        if not code & (LEXICAL | ATTESTED):
            return 0.0
        return max((code >> _SHIFT) / 10, UNCOUNTED_ZIPF if code & LEXICAL else 0.0)


def _bare(word: str) -> str:
    """The word without its elided article or pronoun (l'instant: instant); the regex is
    spared for the many words with no apostrophe."""
    return ELISION.sub("", word, count=1) if "'" in word or "’" in word else word


def _joins(parts: list[str], lexical: Callable[[str], bool]) -> bool:
    """Can the parts be glued into runs (a hyphen of layout) that are all words?"""
    if not parts:
        return True
    return any(
        bool(parts[0]) and lexical("".join(parts[:size])) and _joins(parts[size:], lexical)
        for size in range(1, len(parts) + 1)
    )
