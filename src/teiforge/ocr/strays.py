"""Stray letters: a letter standing alone that is no French word (f, r, j, u, é, E, J):
a speck, a broken glyph or the end of a torn word read as a letter. The guards keep
every lone letter from the corrector (a single letter, an abbreviation, an initial),
since it has nothing to read in one; this class flags those that cannot be words, in sic
alone: whether the letter is a speck to delete or part of a word is the editor's to say.

Not flagged:
- the letters that are words: a, à, y, ô, o (an exclamation, and `with` in old texts),
  x (an unknown), and their capitals; i too in an old text, where it is y (`il i ot`);
- a roman numeral (I, V, X, L, C, D, M), kept by its guard;
- an elided word (d' Assise: the apostrophe follows), a folio (f° 44), a compound's
  initial (J-B);
- a letter with a stop, a bracket or a comma (a. b) (c) J. A, B): an abbreviation, an
  initial, an enumeration;
- a unit after a number (5 m, 10 h, 3 g);
- a letter that abbreviates (p, t, s, v, l, n: page, tome, siècle, voir, livre, numéro)
  unless a small word follows it without its stop (figurt s du, p t bien);
- an enumeration's letter opening a sentence before a capital (reins. b Les phosphates).

Measured on the tuning split of the development data: see STRAY_PRECISION.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .words import ABBREVIATIONS, Word

# The share of these flags that are OCR errors on the tuning split (325 of 340): a
# flag's confidence, P(error).
STRAY_PRECISION = 0.96

WORDS = frozenset("aàyôoxAÀYÔOX")
OLD_WORDS = frozenset("i")
_AFTER = frozenset(".)'’°-,")
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*\s*$")
_NEXT = re.compile(r"\s*(\S)")
_ABBREVIATING = frozenset(a for a in ABBREVIATIONS if len(a) == 1 and a.islower())


def stray(word: Word, text: str, old_text: bool) -> bool:
    """A lone letter that is no word where it stands (`text`: its block)."""
    letter = word.text
    if len(letter) != 1 or not letter.isalpha() or letter in WORDS:
        return False
    if old_text and letter in OLD_WORDS:
        return False
    if text[word.end : word.end + 1] in _AFTER or text[word.start - 1 : word.start] == "(":
        return False
    if _NUMBER_BEFORE.search(text, max(0, word.start - 20), word.start):
        return False
    following = _NEXT.match(text, word.end)
    after = following.group(1) if following is not None else ""
    if letter in _ABBREVIATING:
        return after.isalpha() and after.islower()
    return not (word.sentence_start and after.isupper())


def stray_flags(
    found: Sequence[tuple[int, Word, str | None]],
    taken: set[tuple[int, int]],
    texts: Sequence[str],
    old_text: bool,
) -> list[tuple[int, int, int, str, None, str, None, float]]:
    """Flags (passage, start, end, sic, corr None, cert low, no suggestion, P(error)) for
    the lone letters that the single-letter, abbreviation or name guard kept and that are
    no words, among those no other class took (`taken`: (passage, start))."""
    return [
        (index, word.start, word.end, word.text, None, "low", None, STRAY_PRECISION)
        for index, word, code in found
        if code in ("letter", "abbreviation", "name")
        and (index, word.start) not in taken
        and stray(word, texts[index], old_text)
    ]


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "A letter standing alone that is no word (f, r, u, E: a speck or a broken glyph), "
        "unless it abbreviates, is an initial, numbers a list or follows a number as its "
        f"unit, was flagged in sic alone with cert low, P(error) {STRAY_PRECISION:.2f} (the "
        "share of such flags that were OCR errors on the tuning data)."
    )
