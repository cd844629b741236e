"""A word trigram language model of French (interpolated Kneser-Ney, pruned), learned by
tools/build_language_model.py from the public-domain novels of ELTeC-fra, shipped as
data/ocr/trigrams_kn.npz and loaded in about 0.2 s.

Words are lowercased, apostrophes folded, an elided article kept with its apostrophe
(`l'`, `qu'`), a number read as `<num>`, and the marks that end or cut a sentence kept
as words (`.`, `,`, `;`, `:`, `!`, `?`), so that the model knows what follows a full
stop. Its probabilities are log10, as in an ARPA file: p(w | u v) is the trigram's own
when the model keeps it, else the backoff weight of (u v) times p(w | v), and so on down
to the unigram (`<unk>` for a word the novels never print three times).

The n-grams are kept as sorted integer keys (word ids packed into one 64-bit integer)
with log probabilities quantised to a byte (steps of 0.05), in arrays looked up by binary
search: nothing is parsed at load, and nothing beyond the standard library is needed.
"""

from __future__ import annotations

import json
import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .typography import fold

NAME = "trigrams_kn.bin"
STEP = 0.05  # a quantised log10 probability q stands for -q * STEP
MEMO = 50_000  # the most lookups kept (about 8 MB), then forgotten at once
# The file: one line of JSON (each section's name, type code and compressed length),
# then the sections, each zlib-compressed.
SECTIONS = (
    ("vocabulary", "B"),
    ("unigram", "B"),
    ("unigram_backoff", "B"),
    ("bigram_keys", "Q"),
    ("bigram", "B"),
    ("bigram_backoff", "B"),
    ("trigram_keys", "Q"),
    ("trigram", "B"),
)
UNKNOWN = "<unk>"
NUMBER = "<num>"
MARKS = ".,;:!?"
WINDOW = 60  # characters read on each side of a span for its context
# A token: an elided word with its apostrophe, a word (its inner hyphens cut), a number,
# a mark.
_TOKEN = re.compile(
    r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu|aujourd)'(?=[^\W\d_])"
    r"|[^\W\d_]+|\d+|[.,;:!?]"
)


def tokens(text: str) -> list[str]:
    """The model's tokens of a text."""
    found = _TOKEN.findall(fold(text).lower())
    return [NUMBER if t[0].isdigit() else t for t in found]


@dataclass(frozen=True)
class NGrams:
    ids: dict[str, int]
    size: int  # the vocabulary's size: keys pack ids in base `size`
    unigram: array  # quantised -log10 p(w), by id
    unigram_backoff: array
    bigram_keys: array  # u * size + v, sorted
    bigram: array
    bigram_backoff: array
    trigram_keys: array  # (u * size + v) * size + w, sorted
    trigram: array
    # log10 p(w | u v) already looked up: a text's contexts recur (`de la`, `, et`)
    memo: dict[tuple[int | None, int | None, int], float] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    @classmethod
    def load(cls, name: str = NAME) -> NGrams:
        data = resources.files("teiforge").joinpath("data", "ocr", name).read_bytes()
        return cls.from_bytes(data)

    @classmethod
    def from_bytes(cls, data: bytes) -> NGrams:
        newline = data.index(b"\n")
        lengths = json.loads(data[:newline])
        arrays: dict[str, array] = {}
        offset = newline + 1
        for name, code in SECTIONS:
            part = array(code)
            part.frombytes(zlib.decompress(data[offset : offset + lengths[name]]))
            arrays[name] = part
            offset += lengths[name]
        vocabulary = arrays.pop("vocabulary").tobytes().decode("utf-8").split("\n")
        return cls({word: i for i, word in enumerate(vocabulary)}, len(vocabulary), **arrays)

    @staticmethod
    def to_bytes(vocabulary: Sequence[str], arrays: dict[str, array]) -> bytes:
        """The file's bytes (tools/build_language_model.py writes them)."""
        parts = {"vocabulary": zlib.compress("\n".join(vocabulary).encode("utf-8"), 9)}
        for name, code in SECTIONS[1:]:
            assert arrays[name].typecode == code, name
            parts[name] = zlib.compress(arrays[name].tobytes(), 9)
        header = json.dumps({name: len(part) for name, part in parts.items()}).encode()
        return header + b"\n" + b"".join(parts[name] for name, _ in SECTIONS)

    def id(self, word: str) -> int:
        return self.ids.get(word, 0)  # 0: <unk>

    def knows(self, word: str) -> bool:
        return word in self.ids

    @staticmethod
    def _find(keys: array, key: int) -> int:
        at = bisect_left(keys, key)
        return at if at < len(keys) and keys[at] == key else -1

    def logp(self, u: int | None, v: int | None, w: int) -> float:
        """log10 p(w | u v); u or v None at the start of a text."""
        found = self.memo.get((u, v, w))
        if found is None:
            if len(self.memo) >= MEMO:
                self.memo.clear()
            found = self.memo[u, v, w] = self._logp(u, v, w)
        return found

    def _logp(self, u: int | None, v: int | None, w: int) -> float:
        size = self.size
        backoff = 0.0
        if u is not None and v is not None:
            at = self._find(self.trigram_keys, (u * size + v) * size + w)
            if at >= 0:
                return -STEP * self.trigram[at]
            history = self._find(self.bigram_keys, u * size + v)
            if history >= 0:
                backoff = -STEP * self.bigram_backoff[history]
        if v is not None:
            at = self._find(self.bigram_keys, v * size + w)
            if at >= 0:
                return backoff - STEP * self.bigram[at]
            backoff -= STEP * self.unigram_backoff[v]
        return backoff - STEP * self.unigram[w]

    def score(self, words: Sequence[str], start: int = 0, end: int | None = None) -> float:
        """log10 of words[start:end] given the two words before `start`."""
        ids = [self.id(word) for word in words]
        total = 0.0
        for i in range(start, len(ids) if end is None else end):
            total += self.logp(ids[i - 2] if i >= 2 else None, ids[i - 1] if i else None, ids[i])
        return total

    def closing_odds(self, text: str, start: int, end: int, closed: str) -> float:
        """log10 odds of reading the words text[start:end] as one closed-up form (a join,
        an elision) against as printed, in their context."""
        left, right = around(text, start, end)
        printed, together = self.compare(left, [tokens(text[start:end]), tokens(closed)], right)
        return together - printed

    def compare(
        self, left: Sequence[str], readings: Iterable[Sequence[str]], right: Sequence[str]
    ) -> list[float]:
        """log10 of each reading (a sequence of tokens) between the same two contexts,
        the words after it included (they say how well the reading leads on)."""
        scores = []
        for reading in readings:
            words = [*left[-2:], *reading, *right[:2]]
            scores.append(self.score(words, min(2, len(left))))
        return scores


def around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The tokens of the WINDOW characters before `start` and after `end`."""
    return tokens(text[max(0, start - WINDOW) : start]), tokens(text[end : end + WINDOW])


@lru_cache(maxsize=1)
def shipped() -> NGrams | None:
    """The shipped model, or None when its file is missing (a corrector without it)."""
    try:
        return NGrams.load()
    except FileNotFoundError:
        return None
