"""An abbreviation next to its expansion: `Centre communal d'action sociale (CCAS)`. The
acronym's letters must be the initials of the expansion's words, in order, small words
(de, la, et, d'...) left out; then both are names of one organisation, and the acronym
names it wherever else the document uses it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .normalise import Token, joined, tokenise

_ACRONYM = re.compile(r"\(\s*(?P<acronym>[A-Z][A-Z&]{1,9})\s*\)")
# fmt: off
SMALL_WORDS = frozenset({
    "de", "d", "des", "du", "la", "le", "l", "les", "et", "a", "au", "aux", "en", "pour", "sur",
    "par", "dans"
})
# fmt: on


@dataclass(frozen=True)
class Expansion:
    start: int  # of the expansion
    end: int
    acronym: str
    acronym_start: int


def _first_word(words: list[Token], text: str, letters: str) -> int | None:
    """Index of the expansion's first word, reading back from the last word: each letter
    from the end is the initial of a word; small words may be skipped (or give a letter:
    Union des associations, UDA); no punctuation between the words."""

    def search(index: int, remaining: int) -> int | None:
        if remaining == 0:
            return index + 1
        if index < 0:
            return None
        if index < len(words) - 1 and not joined(text, words[index], words[index + 1]):
            return None
        word = words[index]
        if word.key[:1] == letters[remaining - 1]:
            found = search(index - 1, remaining - 1)
            if found is not None:
                return found
        if word.key in SMALL_WORDS and remaining < len(letters):
            return search(index - 1, remaining)
        return None

    return search(len(words) - 1, len(letters))


def expansions(text: str) -> Iterator[Expansion]:
    for match in _ACRONYM.finditer(text):
        acronym = match.group("acronym")
        words = tokenise(text[: match.start()])
        if not words or not text[words[-1].end : match.start()].isspace():
            continue
        first = _first_word(words, text, "".join(c.lower() for c in acronym if c.isalpha()))
        if first is not None:
            yield Expansion(words[first].start, words[-1].end, acronym, match.start("acronym"))
