"""Lines in capitals, as titles are set: a word of four letters or more, letters spaced
out (`E X T R A I T`), or three short words each with a vowel (`À CE QUE JE TE.`); what
OCR reads out of an ornament (`RE CE`, `PTE ER OR T`) is none of these (headings.py)."""

from __future__ import annotations

import re

LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿœæ")


def all_capitals(text: str) -> bool:
    """A line of capitals however short (`SEC ET`): the second line of a title in capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 3
        and all(c.isupper() for c in letters)
        and (LONG_WORD.search(text) is not None or letter_spaced(text))
    )


def letter_spaced(text: str) -> bool:
    """A word in capitals set letter by letter (`E X T R A I T`), as OCR reads it
    (`EXT R A TIT`): three groups or more of at most three letters, two of them single
    letters, five letters in all (`RE CE`, OCR's reading of an ornament, is none)."""
    groups = text.strip(" .").split()
    return (
        len(groups) >= 3
        and all(len(group) <= 3 and group.isalpha() for group in groups)
        and sum(1 for group in groups if len(group) == 1) >= 2
        and sum(len(group) for group in groups) >= 5
    )


def short_capital_words(words: list[str]) -> bool:
    """A title in capitals of three short words or more, each with a vowel (`À CE QUE JE
    TE.`): words, where OCR's reading of an ornament (`RE CE`, `PTE ER OR T`) is not."""
    return (
        len(words) >= 3
        and all_capitals(" ".join(words))
        and all(any(c in _VOWELS for c in word.lower()) for word in words)
    )
