"""Finding known names in a text: a dictionary from the keys of a name's words to the
names, indexed by first word, so that each word of the text costs one look-up unless a
name starts there. Every name that starts at a word is found, longest first; choosing
among overlapping names is the annotator's job.

Capitals: an abbreviation matches only in its own capitals (CCAS); in the names of people
and places each word the authority capitalises must be capitalised in the text (Mer, not
mer), except particles (la Rochelle, Saint-Martin-d'Hères); names of organisations match
in any case (conseil général, Conseil Général), unless they are a single word (Mairie).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import Name
from .normalise import Token, fold, name_keys

# fmt: off
PARTICLES = frozenset({
    "le", "la", "les", "l", "de", "du", "des", "d", "en", "sur", "sous", "lez", "et",
    "aux", "au", "a", "saint", "sainte", "st", "ste", "van", "von"
})
# fmt: on
_WORD = re.compile(r"[^\W\d_]+|\d+")


def keys_of(text: str) -> tuple[str, ...]:
    """name_keys(text), faster for the usual name without dotted abbreviations."""
    if "." in text:
        return name_keys(text)
    return tuple(_WORD.findall(fold(text)))


@lru_cache(maxsize=4096)
def _capitalised_words(text: str) -> tuple[int, ...]:
    words = _WORD.findall(text)
    return tuple(
        i for i, word in enumerate(words) if word[:1].isupper() and fold(word) not in PARTICLES
    )


@lru_cache(maxsize=4096)
def _letters(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.replace(".", "")))


def _same_letters(written: str, name: str) -> bool:
    """Accents as the name has them; only a capital may go without (Echirolles for
    Échirolles, not Prince for Princé, nor Pâris for Paris)."""
    if len(written) != len(name):
        return True  # a ligature spelt out (oe for œ): the keys already agree
    for letter, model in zip(written, name):
        if letter == model or letter.lower() == model.lower():
            continue
        if not (letter.isupper() and fold(letter) == letter.lower() == fold(model)):
            return False
    return True


def written_as(name: Name, words: Sequence[Token]) -> bool:
    """Whether the words of the text are capitalised and accented as the name requires."""
    if name.abbr:
        return tuple(w.text.replace(".", "") for w in words) == _letters(name.text)
    model = _letters(name.text)
    if not all(_same_letters(w.text, m) for w, m in zip(words, model)):
        return False
    if name.kind == "org":
        return len(words) > 1 or not name.text[:1].isupper() or words[0].capitalised
    return all(words[i].capitalised for i in _capitalised_words(name.text))


@dataclass(frozen=True)
class Hit:
    first: int  # index of the name's first word in the block's tokens
    stop: int  # index after its last word
    name: Name


class Matcher:
    def __init__(self, names: Iterable[Name]) -> None:
        self._build((keys_of(name.text), name) for name in names)

    @classmethod
    def indexed(cls, entries: Iterable[tuple[tuple[str, ...], Name]]) -> Matcher:
        """A matcher over names whose keys are already known (the base computes them in
        bulk: 36,000 names load faster so)."""
        matcher = cls.__new__(cls)
        matcher._build(entries)
        return matcher

    def _build(self, entries: Iterable[tuple[tuple[str, ...], Name]]) -> None:
        index: defaultdict[tuple[str, ...], list[Name]] = defaultdict(list)
        for keys, name in entries:
            index[keys].append(name)
        index.pop((), None)
        lengths: defaultdict[str, list[int]] = defaultdict(list)
        for keys in index:
            lengths[keys[0]].append(len(keys))
        self._index = dict(index)
        # For each first word, the lengths of the names it starts, longest first.
        self._lengths = {
            first: tuple(sorted(set(found), reverse=True)) if len(found) > 1 else tuple(found)
            for first, found in lengths.items()
        }

    def hits(self, tokens: Sequence[Token], linked: Sequence[bool]) -> Iterator[Hit]:
        """Every name written at each word. `linked[i]`: tokens i and i + 1 may belong to
        one name (only spaces, a hyphen or an apostrophe between them)."""
        lengths, index = self._lengths, self._index
        count = len(tokens)
        keys = [token.key for token in tokens]
        for first, key in enumerate(keys):
            for length in lengths.get(key, ()):
                stop = first + length
                if stop > count or not all(linked[first : stop - 1]):
                    continue
                words = tokens[first:stop]
                for name in index.get(tuple(keys[first:stop]), ()):
                    if name.after and (first == 0 or tokens[first - 1].key not in name.after):
                        continue
                    if written_as(name, words):
                        yield Hit(first, stop, name)
