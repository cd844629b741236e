"""Where a footnote anchor may stand in the text. Every kind of call (notecalls.find_calls:
`(1)`, `[1]`, `(@)`, `¹`, `*`, `pages.1`, `meilleurs. »91`, `Elhauy'`), and a superscript
number glued to the word before it, read by OCR as digits or letters (`instantl3`,
`fermésla`, `pouvoiÉa`, `déficient2s`). Each candidate says how strong the evidence is
that it is a call; the numbering decides which, if any, is one."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from ..digits import GARBLED_DIGIT_CHARS as TAIL_CHARS
from ..lang import fr
from ..notecalls import find_calls
from ..notemarks import Mark, MarkKind

_TOKEN = re.compile(r"[^\s]+")
_TRAILING = re.compile(r"[.,;:!?»)\]'’\"]+$")
MAX_TAIL = 3

# Evidence that a tail is a note anchor rather than part of the word.
DIGITS = 3.0  # a digit glued to a word
INNER_CAPITAL = 2.0  # a capital after lowercase letters: pouvoiÉa
LEXICON = 2.0  # the word without the tail is a word, with it is not: fermésla (lowercase)
LETTER_BEFORE_STOP = 2.0  # a letter apart before a stop, on a page of lettered notes: `jours a.`
LETTER_APART = 1.0  # a letter apart that is no word (`le pays b et`)


@dataclass(frozen=True)
class Candidate:
    word: int  # index of the word in the text searched: one anchor per word at most
    start: int  # offsets of the mark in the block's text
    end: int
    mark: Mark
    evidence: float

    @property
    def tail(self) -> str:
        return self.mark.printed


def _evidence(stem: str, tail: str, word: str, is_word: Callable[[str], bool] | None) -> float:
    if any(c.isdigit() for c in tail):
        return DIGITS if not tail.isdigit() or stem.isalpha() else 0.0
    if tail[0].isupper() and stem[-1:].islower():
        return INNER_CAPITAL
    # a capitalised word is a name the lexicon may not know in all its forms (Hervei)
    if is_word is not None and word[:1].islower() and is_word(stem) and not is_word(word):
        return LEXICON
    return 0.0


def _glued_tails(
    text: str, start: int, end: int, is_word: Callable[[str], bool] | None
) -> list[Candidate]:
    """Every plausible tail of every word (`instantl3` gives `3`, `l3` and `tl3`)."""
    found: list[Candidate] = []
    for index, match in enumerate(_TOKEN.finditer(text, start, end)):
        word = _TRAILING.sub("", match.group())
        if len(word) < 3 or not word[0].isalpha() or word.isupper():
            continue
        for size in range(1, min(MAX_TAIL, len(word) - 2) + 1):
            stem, tail = word[:-size], word[-size:]
            if not all(c in TAIL_CHARS for c in tail) or not stem[-1].isalpha():
                continue
            if sum(c.isalpha() for c in stem) < 2:
                continue
            evidence = _evidence(stem, tail, word, is_word)
            if evidence:
                offset = match.start() + len(stem)
                mark = Mark(MarkKind.DIGITS, tail, tail)
                found.append(Candidate(index, offset, offset + size, mark, evidence))
    return found


def _letter_calls(
    text: str, start: int, end: int, is_word: Callable[[str], bool] | None
) -> list[Candidate]:
    """On a page whose notes are lettered a, b, c without brackets, the raised letters as
    OCR reads them: glued to a word that is none with it (`joursa`), or apart after a
    word, before a stop (`jours a.`) or where the letter is no word (`pays b et`)."""
    found: list[Candidate] = []
    previous = ""
    for index, match in enumerate(_TOKEN.finditer(text, start, end)):
        token = match.group()
        word = _TRAILING.sub("", token)
        letter = word[-1:]
        if len(word) == 1 and letter in fr.NOTE_LETTERS and previous[-1:].isalpha():
            stop = len(token) > 1 and token[1] in ".,;:"
            word_itself = letter in fr.SHORT_WORDS  # `il a`, `il y`
            evidence = LETTER_BEFORE_STOP if stop else 0.0 if word_itself else LETTER_APART
            if evidence:
                mark = Mark(MarkKind.BRACKETED, letter, letter)
                found.append(Candidate(index - 1, match.start(), match.start() + 1, mark, evidence))
        elif _letter_glued(word, is_word):
            at = match.start() + len(word) - 1
            mark = Mark(MarkKind.BRACKETED, letter, letter)
            found.append(Candidate(index, at, at + 1, mark, LEXICON))
        previous = word
    return found


def _letter_glued(word: str, is_word: Callable[[str], bool] | None) -> bool:
    """A word that is none, but is one without its last letter, a note's (`luic`)."""
    if len(word) < 3 or not word.islower() or word[-1] not in fr.NOTE_LETTERS:
        return False
    return is_word is not None and is_word(word[:-1]) and not is_word(word)


def find_candidates(
    text: str,
    start: int,
    end: int,
    is_word: Callable[[str], bool] | None = None,
    letters: bool = False,
) -> list[Candidate]:
    """Anchor candidates in text[start:end], in order of position, at most one per span
    of text: a call of a kind notecalls reads, then the glued tails it does not; with
    `letters`, the letters of lettered notes (_letter_calls)."""
    word_starts = [m.start() for m in _TOKEN.finditer(text, start, end)]
    found = {(c.start, c.end): c for c in _glued_tails(text, start, end, is_word)}
    if letters:
        found.update({(c.start, c.end): c for c in _letter_calls(text, start, end, is_word)})
    for call in find_calls(text, start, end):
        # the word a call stands on or follows: one anchor per word at most
        word = max(0, _word_index(word_starts, call.start))
        found[(call.start, call.end)] = Candidate(
            word, call.start, call.end, call.mark, call.evidence
        )
    return sorted(found.values(), key=lambda c: (c.start, c.end))


def _word_index(word_starts: list[int], offset: int) -> int:
    """Index of the word holding `offset`; a call standing alone after a word (`rité *`)
    counts as that word's."""
    index = bisect_right(word_starts, offset) - 1
    if index > 0 and word_starts[index] == offset:
        return index - 1
    return index
