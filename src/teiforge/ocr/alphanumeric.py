"""Digits inside a word: OCR reads a letter as a digit, or a digit as a letter, in the
middle of a word or a number (n08 for nos, d0 for de, i857 for 1857, 1G55 for 1655). A
word that mixes letters and digits is a word of no language, so it is flagged, whatever
guard kept it (a single letter, an abbreviation, capitals): which letters the digits
stand for is not sure enough to correct, and the best candidate is only suggested.

Not flagged, because the print mixes them itself:
- a number with its ordinal or its superscript (3e, 1er, 2o, 5bis), kept by the number
  guard before this class is asked;
- a word with a note call glued to it (France1, Baer3): the note annotator links it, and
  a misread letter there (colora1) is the unknown-word corrector's to find;
- a book's format (in-8, in-12, in-18);
- an ordinal of older print (2me, 2d, 2nde);
- a reference to a page, a volume or an article (p.12, t.2, vol.3);
- a measure with its unit (0m,03, 10h30, 3fr.50, 5kg);
- a chemical formula (NH3, C8H7N2O3);
- a running head's page number glued to its title in capitals (4ÉTUDES, 8L'ART).

Measured on the tuning split of the development data, 76 of the 79 words it flags are
OCR errors (the other three: a number glued to `à`, a year misread `l789` the gold kept,
`bon-1`); on the held-out split, 53 of 56.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .candidates import Candidates
from .lexicon import Lexicon
from .words import ABBREVIATIONS, Word

# The share of these flags that are OCR errors on the tuning split (76 of 79): a flag's
# confidence, P(error).
DIGITS_PRECISION = 0.96

_DIGITS = frozenset("0123456789")
_ABBREVIATIONS = frozenset(a.lower() for a in ABBREVIATIONS)
_NOTE_CALL = re.compile(r"[^\W\d_]{2,}\d{1,2}")
_BOOK_FORMAT = re.compile(r"(?i)in-?(?:4|8|12|16|18|24|32|64)o?")
_OLD_ORDINAL = re.compile(r"\d+(?:me|mes|d|ds|nd|nde|ndes)")
_REFERENCE = re.compile(r"(?P<abbreviation>[^\W\d_]+)\.\d+(?:-\d+)?")
_MEASURE = re.compile(r"\d+(?:[.,]\d+)?(?:mm|cm|km|kg|mg|gr|cl|ml|mn|min|fr|ha|m|g|h)(?:[.,]?\d+)?")
_FORMULA = re.compile(r"(?:[A-Z][a-z]?\d*)+")
_SYMBOL = re.compile(r"[A-Z][a-z]?")
_RUNNING_HEAD = re.compile(r"\d{1,4}(?P<title>[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*)")
ELEMENTS = frozenset(
    """H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga
    Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd
    Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac
    Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr""".split()  # noqa: SIM905 - the periodic table
)


def mixed(text: str) -> bool:
    """Letters and digits in one word: a letter misread as a digit or the reverse. Only
    0-9: a superscript or subscript digit is printed as such (m², H₂O)."""
    return any(ch in _DIGITS for ch in text) and any(ch.isalpha() for ch in text)


def printed(text: str, lexicon: Lexicon) -> bool:
    """Letters and digits the print itself mixes (in-8, p.12, 0m,03, NH3, 4ÉTUDES, France1)."""
    if any(
        pattern.fullmatch(text) for pattern in (_NOTE_CALL, _OLD_ORDINAL, _BOOK_FORMAT, _MEASURE)
    ):
        return True
    reference = _REFERENCE.fullmatch(text)
    if reference is not None:
        return reference.group("abbreviation").lower() in _ABBREVIATIONS
    if formula(text):
        return True
    head = _RUNNING_HEAD.fullmatch(text)
    if head is None:
        return False
    title = head.group("title")
    return title.isupper() and lexicon.is_known(title)


def formula(text: str) -> bool:
    """A chemical formula: two symbols of elements or more (NH3, HgO, C8H7N2O3)."""
    if not _FORMULA.fullmatch(text):
        return False
    symbols = _SYMBOL.findall(text)
    return len(symbols) >= 2 and all(symbol in ELEMENTS for symbol in symbols)


def misread_digits(text: str, lexicon: Lexicon) -> bool:
    """A word OCR mixed digits into (n08, d0, i857, 1G55, in-80): to be flagged."""
    return mixed(text) and not printed(text, lexicon)


def digit_flags(
    found: Sequence[tuple[int, Word, str | None]],
    taken: set[tuple[int, int]],
    candidates: Candidates,
) -> list[tuple[int, int, int, str, None, str, str | None, float]]:
    """Flags (passage, start, end, sic, corr None, cert low, suggestion, P(error)) for
    the words of a document that mix digits into letters, among those no other class took
    (`taken`: (passage, start)); a number the number guard kept is no such word (3e)."""
    flags = []
    for index, word, code in found:
        if code == "number" or (index, word.start) in taken:
            continue
        if not misread_digits(word.text, candidates.lexicon):
            continue
        ranked = candidates.ranked(word.text)
        suggestion = ranked[0].text if ranked else None
        if suggestion is not None and not candidates.lexicon.is_word(suggestion):
            suggestion = None  # Grand-g for Grand-9 helps no editor
        flags.append(
            (index, word.start, word.end, word.text, None, "low", suggestion, DIGITS_PRECISION)
        )
    return flags


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "A word that mixes letters and digits (n08, i857), unless the print mixes them "
        "itself (3e, in-8, 0m,03, NH3, a note call), was flagged in sic alone with cert low, "
        f"P(error) {DIGITS_PRECISION:.2f} (the share of such flags that were OCR errors on "
        "the tuning data)."
    )
