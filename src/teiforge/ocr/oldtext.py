"""Old texts: a document whose words are often old spellings (estoit, faict), and, when
its print was read cleanly, whose other unknown words are its spelling too.

An old text's spelling outruns any list of rules (oldspell.py knows the grammarians'
changes, not `eslongnees`, `treuue`, `pensers`, `domté`). In a document where OCR
garbled almost nothing, such a word is far likelier the text's own than a misreading:
of the words the corrector would have examined in the tuning split's clean old texts,
those that look spelled were errors 14 times in 414, against 377 times in 675 in its one
old text whose OCR was noisy (Middle French verse, its long s read as f); in the held-out
split's old text, 18 times in 182. So in a clean old text a word that looks spelled, not
garbled, is left alone; in a noisy one the corrector weighs it as any other word.

passes (left alone, in a clean old text): pensers, domté, l'espesseur, treuue (u for v).
fails (still examined): atttibue, eslongnees (triples of letters no French word has:
ttt, ngn), n08, l,instant (garbled).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .features import Trigrams
from .oldspell import modern_letters
from .words import ELISION, Word, capital_inside

# The share (and the least number) of old spellings (estoit, faict) that make an old text.
OLD_TEXT = 0.01
OLD_TEXT_WORDS = 2
# A print read cleanly: fewer garbled words than this share (the noisy old text of the
# tuning split has 1.0%, the clean ones 0.4% at most, the held-out one 0.02%).
CLEAN_PRINT = 0.005
# What only a misreading makes: a digit against a letter (n08, i857; not an ordinal, 3e),
# a mark inside a word (l,instant, so!eil); and a capital after a small letter (coMmuru).
_GARBLED = re.compile(r"\d[^\W\d_]|[^\W\d_]\d|[^\W\d_][.,;:!][^\W\d_]")
_ORDINAL = re.compile(r"\d+(?:e|er|ère|re|es|ème|èmes|me|o)")


def old_text(codes: Iterable[str | None]) -> bool:
    """Whether a document's words, by their guards' codes, make an old text."""
    listed = list(codes)
    old = listed.count("old")
    return old >= OLD_TEXT_WORDS and old / max(1, len(listed)) >= OLD_TEXT


def garbled(text: str) -> bool:
    if _ORDINAL.fullmatch(text):
        return False
    return _GARBLED.search(text) is not None or capital_inside(text)


def clean_print(found: Sequence[Word]) -> bool:
    """Whether OCR garbled fewer than CLEAN_PRINT of a document's words."""
    return sum(garbled(word.text) for word in found) < CLEAN_PRINT * len(found)


def spelled(text: str, trigrams: Trigrams) -> bool:
    """A word that looks spelled, not garbled: letters only in each part (after an elided
    article, between hyphens), no triple of letters that French words do not have, once
    u and v, i and j are read as the old print used them (treuue: treuve)."""
    parts = ELISION.sub("", text, count=1).lower().split("-")
    return not garbled(text) and all(
        part.isalpha() and any(trigrams.rare(form) == 0 for form in modern_letters(part))
        for part in parts
    )
