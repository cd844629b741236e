"""Names and text as the matcher sees them: words with their offsets, each folded to a key
that ignores case, accents and ligatures (Échirolles, ECHIROLLES and Echirolles are one
key), the apostrophe of an elision splitting a word (d'Echirolles: d + Echirolles), and a
dotted abbreviation read as one word (A.S.H. is the key "ash")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii():
            table[code] = base
    table.update({ord(c): s for c, s in {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"}.items()})
    # Combining accents (text in decomposed form, as some ground truths are: e + U+0301)
    # fold away like the precomposed letters' accents.
    table.update({code: "" for code in range(0x300, 0x370)})
    return table


_FOLD = _fold_table()


def fold(word: str) -> str:
    """The key of a word: lower case, no accents, ligatures spelt out (œ -> oe)."""
    return word.translate(_FOLD).casefold()


# A word: a dotted abbreviation (A.S.H., R.T.), else a run of letters (with their
# combining accents, in decomposed text), else of digits.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|(?:[^\W\d_][\u0300-\u036f]*)+|\d+")
# What may stand between the words of one name: spaces, one hyphen or apostrophe.
_JOIN = re.compile(r"\s*[-‐‑'’ʼ]?\s*")
APOSTROPHES = "'’ʼ"


class Token(NamedTuple):  # a tuple: a page of text makes hundreds
    start: int
    end: int
    text: str
    key: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def dotted(self) -> bool:
        return self.text.endswith(".")


def _key(word: str) -> str:
    if word.isascii():
        return word.replace(".", "").lower() if word[-1] == "." else word.lower()
    return fold(word.replace(".", ""))


def tokenise(text: str, breaks: frozenset[int] = frozenset()) -> list[Token]:
    """The words of `text`. A word is also cut at each offset of `breaks` (the edges of
    spans found earlier, such as a note anchor glued to its word), so that a name never
    takes in part of another span."""
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        if breaks and any(start < b < end for b in breaks):
            cuts = sorted(b for b in breaks if start < b < end)
            for left, right in zip([start, *cuts], [*cuts, end]):
                tokens.append(Token(left, right, text[left:right], _key(text[left:right])))
        else:
            tokens.append(Token(start, end, word, _key(word)))
    return tokens


def joined(text: str, left: Token, right: Token) -> bool:
    """Whether two neighbouring words may belong to one name: nothing but spaces and at
    most one hyphen or apostrophe between them (not a comma, a full stop, a bracket)."""
    return _JOIN.fullmatch(text, left.end, right.start) is not None


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, ...]:
    """The keys of a name as an authority writes it."""
    return tuple(token.key for token in tokenise(name))


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+")


def is_acronym(text: str) -> bool:
    """CCAS, A.S.H.: a word in capitals, which is matched only in capitals."""
    return _ACRONYM.fullmatch(text.replace(".", "")) is not None


def slug(text: str) -> str:
    """An xml:id-friendly form of a name: ascii letters and digits joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text))) or "x"
