"""A hyphen that breaks no word: OCR reads a speck or a mark at a line end as a hyphen
between two whole words (`industrielle- de`, `presque- toujours`, `avec-une`,
`dessin-de`). A hyphen is a word broken at a line end (`pro- messe`) or a compound
(`peut-être`, `dit-il`, `très-vif`); between two words of the lexicon that make no word
together, no compound the lexicon lists, and no compound of the grammar (a pronoun after
a verb, -ci, -là, -même), it is neither.

- Followed by a space (`industrielle- de`), the hyphen is corrected away (cert medium):
  on the tuning split of the development data all such hyphens the gold has are errors.
- Inside a word (`avec-une`), the word is flagged with the two words as its suggestion:
  such hyphens are errors two times in three there; the rest are compounds made for the
  occasion (`canots-tambours`, `docteur-médecin`). A capitalised first part is a name
  (`Le-moine`, `Clé-singer`) and is left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cached_property

from .lexicon import LEXICAL, Lexicon
from .words import ELISION, Word

# French grammar: what follows a verb or a demonstrative after a hyphen (dit-il,
# rassurez-vous, donne-le, va-t'en, celui-ci, eux-mêmes).
ENCLITICS = frozenset(
    """il elle ils elles on je tu nous vous moi toi lui leur leurs eux le la les en y ce
    ci là t même mêmes""".split()  # noqa: SIM905 - a list of words reads better as one text
)
# The share of errors among these hyphens on the tuning split: a hyphen before a space
# (31 of 31), corrected (cert medium), and one inside a word (48 of 65), flagged.
SPACED_CONFIDENCE = 0.95
INSIDE_CONFIDENCE = 0.74

Proposal = tuple[int, int, int, str, str | None, str, str | None, float]


class Hyphens:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    @cached_property
    def _compound_parts(self) -> tuple[Counter[str], Counter[str]]:
        """How many compounds of the lexicon begin and end with each word."""
        heads: Counter[str] = Counter()
        tails: Counter[str] = Counter()
        for form, code in self.lexicon.codes.items():
            if "-" in form and code & LEXICAL:
                parts = form.split("-")
                heads[parts[0]] += 1
                tails[parts[-1]] += 1
        return heads, tails

    def breaks_nothing(self, first: str, second: str) -> bool:
        """No word broken at a line end, no compound: two words a hyphen should not join."""
        first = ELISION.sub("", first, count=1)
        lexicon = self.lexicon
        if not (first.isalpha() and second.isalpha()):
            return False
        if not (lexicon.is_listed(first) and lexicon.is_listed(second)):
            return False
        if lexicon.is_listed(first + second) or lexicon.is_listed(f"{first}-{second}"):
            return False
        heads, tails = self._compound_parts
        return (
            second.lower() not in ENCLITICS
            and heads[first.lower()] == 0
            and tails[second.lower()] == 0
        )

    def proposals(
        self,
        texts: Sequence[str],
        cuts: Sequence[frozenset[int]],
        found: Sequence[tuple[int, Word, str | None]],
        taken: set[tuple[int, int]],
    ) -> list[Proposal]:
        """Proposals (passage, start, end, sic, corr, cert, suggestion, confidence) for the
        words no other class took (`taken`: (passage, start))."""
        chosen: list[Proposal] = []
        for n, (index, word, _) in enumerate(found):
            if (index, word.start) in taken:
                continue
            following = found[n + 1][1] if n + 1 < len(found) and found[n + 1][0] == index else None
            if self._inside(word):
                chosen.append(
                    (index, word.start, word.end, word.text, None, "low",
                     word.text.replace("-", " "), INSIDE_CONFIDENCE)
                )  # fmt: skip
            elif following is not None and self._before_space(
                word, following, texts[index], cuts[index]
            ):
                chosen.append(
                    (index, word.start, word.end + 1, word.text + "-", word.text, "medium",
                     word.text, SPACED_CONFIDENCE)
                )  # fmt: skip
        return chosen

    def _inside(self, word: Word) -> bool:
        """avec-une; not Le-moine (a name)."""
        parts = word.text.split("-")
        head = ELISION.sub("", parts[0], count=1)
        return len(parts) == 2 and head[:1].islower() and self.breaks_nothing(*parts)

    def _before_space(self, word: Word, following: Word, text: str, cuts: frozenset[int]) -> bool:
        """industrielle- de; not Du- Puy (a name), nor a hyphen at a cut."""
        between = text[word.end : following.start]
        if between.rstrip(" ") != "-" or len(between) < 2 or "-" in word.text:
            return False
        if any(word.end <= cut <= following.start for cut in cuts):
            return False
        if word.text[:1].isupper() and following.text[:1].isupper():
            return False
        return self.breaks_nothing(word.text, following.text)


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "A hyphen between two words of the lexicon that make no word together, no compound "
        "the lexicon lists and no compound of the grammar (a pronoun after a verb, -ci, -là, "
        "-même) was read as no hyphen: before a space it was corrected away (cert medium), "
        "inside a word the word was flagged with the two words as its suggestion, P(error) "
        f"{INSIDE_CONFIDENCE:.2f} (the share of such hyphens that were errors on the tuning "
        "data)."
    )
