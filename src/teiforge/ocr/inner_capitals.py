"""A capital inside a word: OCR reads a small letter as its capital, mid-word (`étaiS`,
`éleVés`, `DanieL`, `nOS` for a catalogue's n°s). The lexicon and the guards read words
whatever their case, so such a word passes for `étais`, for the abbreviation `nos`, or
for a foreign word (`nOI`, Italian `noi`). Print sets a capital after a small letter only
in chemical formulas (`HgO`, left alone) and in names that join two (`MacMahon`), rare in
French print: the tuning split of the development data has none that a guard keeps.

So a word with a capital after a small letter that a guard kept is flagged (a joined
name too, `DuBois`, when the guards know it as a word); when the word read in one case
is a word (`étais`; `MAISON` for `MAISoN`), that is its suggestion. Which word the page
had is not sure enough to correct: on the tuning split, the 43 words this class flags
are all OCR errors, but only 6 of the 31 with a suggestion were that word (`lIme` was
Mme, `fOI` sont). The words no guard kept are the model's, which weighs their case among
its features (features.py, `mixed_case`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .alphanumeric import formula
from .lexicon import Lexicon
from .words import ELISION, Word, capital_inside

# The share of these flags that were OCR errors on the tuning split (43 of 43), with one
# error assumed (the rule of succession, 44 / 45): a flag's confidence, P(error).
INNER_CAPITAL_PRECISION = 0.98


def inner_capital(text: str) -> bool:
    """A capital after a small letter in a word of letters only (étaiS; not HgO)."""
    return text.isalpha() and capital_inside(text) and not formula(text)


def folded(text: str) -> str:
    """The word in one case: in capitals when it begins with two (MAISoN -> MAISON), else
    its letters after the first small (étaiS -> étais, nOS -> nos, DanieL -> Daniel)."""
    if text[:2].isupper():
        return text.upper()
    return text[:1] + text[1:].lower()


def inner_capital_flags(
    found: Sequence[tuple[int, Word, str | None]],
    taken: set[tuple[int, int]],
    lexicon: Lexicon,
) -> list[tuple[int, int, int, str, None, str, str | None, float]]:
    """Flags (passage, start, end, sic, corr None, cert low, suggestion, P(error)) for the
    words with a capital inside that a guard kept (the lexicon too: "known"), among those
    no other class took (`taken`: (passage, start))."""
    flags = []
    for index, word, code in found:
        if code is None or not capital_inside(word.text) or (index, word.start) in taken:
            continue  # nearly every word has no capital after a small letter: left at once
        elided = ELISION.match(word.text)
        head = word.text[: elided.end()] if elided else ""
        bare = word.text[len(head) :]
        if not inner_capital(bare):
            continue
        reading = folded(bare)
        suggestion = head + reading if lexicon.is_word(reading) else None
        flags.append(
            (index, word.start, word.end, word.text, None, "low", suggestion,
             INNER_CAPITAL_PRECISION)
        )  # fmt: skip
    return flags


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "A word with a capital after a small letter (étaiS, nOS; not a chemical formula) that "
        "the lexicon or a guard would have kept, read whatever its case, was flagged in sic "
        "alone with cert low, the word read in one case suggested, P(error) "
        f"{INNER_CAPITAL_PRECISION:.2f} (the share of such flags that were OCR errors on the "
        "tuning data)."
    )
