"""A word the document prints often, and consistently, is the document's word: a term,
a name, a spelling of its own. `carie`, the disease of wheat, fifteen times in a book
about it, is not `carte`; `forte` printed throughout is not `sorte`.

A word proposal (the model's, the context's, a lookalike's: not a mark or a garble that
no spelling prints, such as n08, étaiS, a stray f) is dropped when the document prints
the word `REPEATED` times or more, and at least as often as the word it would become,
and the word is one of the lexicon's or looks spelled (oldtext.spelled): a garble a book
repeats (`ejl` for `est`, its long s misread, 32 times in a tuning book) is still an error.

passes: `carie` x5, `carte` x1 -> `carie` left alone; `tète` x4 in a text with `tête` x9
-> still questioned.
fails: an OCR misreading repeated more often than the right word in a short text is kept.
"""

from __future__ import annotations

from collections import Counter

from .typography import normal

REPEATED = 4


def key(text: str) -> str:
    """What counts as the same word: case and print's variants aside."""
    return normal(text).lower()


def own_word(printed: str, other: str | None, counts: Counter[str]) -> bool:
    """The document prints `printed` often, and at least as often as `other`, what it
    would be corrected into."""
    seen = counts[key(printed)]
    return seen >= REPEATED and (other is None or seen >= counts[key(other)])


def describe() -> str:
    """The rule, for the header's editorialDecl/correction."""
    return (
        f"A word (of the lexicon, or that looks spelled) the document prints {REPEATED} times "
        "or more, and at least as often as the word it would be corrected into, was taken "
        "as the document's own and left alone. Typographic apostrophes, long s and ligatures are the print's, never "
        "corrected; passages of 20 words or more clearly in another language than French "
        "were left alone."
    )
