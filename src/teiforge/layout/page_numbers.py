"""Printed page numbers: the numerals at a page's edges, as printed and as OCR reads them
(the sequence they make is page_sequence.py).

A page number is framed by ornaments in many styles (`— 157 —`, `( 12 )`, `⁓ 3 ⁓`,
`[12]`, `vij`, `— XII —`) or set at one end of the running head (`334 LE PARFAIT`,
`AVANT-PROPOS. xij`). OCR misreads some (`11` for 17, `24h` for 244) and loses others.
Which numeral is the page's number, and what number a page bears when its own is
misread, is read from the sequence: pages run on by one, in arabic or in roman
numerals, with breaks where pages are missing or a new part begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..digits import LOOKALIKES
from ..lang import fr
from ..lang.numerals import roman_value

# What frames a page number: dashes, parentheses, brackets, ornaments, stray stops.
_FRAME = "\\s\\-–—―=~⁓∼·•.,:;*'\"«»“”‘’„()\\[\\]{}|"
# What OCR makes of a figure in a page number (old-style figures: `23h` for 234, `5o`
# for 50): read only in a number with two true digits at least and one such letter.
NUMBER_LOOKALIKES = {"h": "4", "o": "0", "O": "0"}
# Letters OCR reads for figures that still parse as a numeral (roman: `l`, `I`, `li`),
# read as figures where the sequence says which number stands there.
DIGIT_LOOKALIKES = {"l": "1", "I": "1"}
_GARBLED_FIGURES = rf"(?=(?:[^\d\s]*\d){{2}})\d*[{''.join(NUMBER_LOOKALIKES)}]\d*"
_NUMERAL = rf"\d{{1,4}}|[ivxlcjIVXLCJ]{{1,8}}|{_GARBLED_FIGURES}"
# What OCR makes of the final `j` of an old print's roman numeral (`XV]` for `xvj`).
_FINAL_J = "]})"
_FRAME_CHARS = " -–—―=~⁓∼·•.,:;*'\"«»“”‘’„()[]{}|"
_WHOLE = re.compile(rf"^[{_FRAME}]*(?P<n>{_NUMERAL})(?P<j>[{_FINAL_J}])?[{_FRAME}]*$")
# figures with one stray letter OCR glued to them (`9e` for `— 9 —`); a letter that looks
# like a figure (`1G`) makes the whole a garbled number, read from the sequence instead
_STRAY = re.compile(
    rf"^[{_FRAME}]*(?:(?P<a>\d{{1,4}})[a-zA-Z]|[a-zA-Z](?P<b>\d{{1,4}}))[{_FRAME}]*$"
)
# a numeral set in a frame on both sides (`( 12 )`, `— 157 —`, `[12]`): the page number's
# form, when OCR reads it inside the page's text
_FRAMED = re.compile(r"^\W*[(\[{\-–—―=~⁓∼]\s*(?P<n>\d{1,4})\s*[)\]}\-–—―=~⁓∼]\W*$")
# at the start of a running head, a numeral with a stop or a parenthesis after it
# (`1. Voici`, `2) la suite`) enumerates; `]` and `}` are what OCR makes of a final `j`
# (`— 279 —    MAIS IL N'Y A`: the number's frame closes apart from it, before the head)
_DASHES = "\\-–—―=~⁓∼•"
_AT_START = re.compile(
    rf"^[{_FRAME}]*(?P<n>{_NUMERAL})(?P<j>[\]}}])?(?:\s+[{_DASHES})\]]+)?\s+(?P<rest>\S.*)$"
)
MAX_HEAD_WORDS = 6
_OPEN, _CLOSE = "\\-–—―=~⁓∼\\[({", "\\-–—―=~⁓∼\\])}"
_GARBLED_TOKEN = rf"[{_OPEN}]+\s*\S{{1,3}}\s*[{_CLOSE}]+|\S{{1,4}}"
_GARBLED_AT_END = re.compile(rf"^(?P<rest>.*?\S)\s+(?P<n>{_GARBLED_TOKEN})$")
_GARBLED_AT_START = re.compile(rf"^(?P<n>{_GARBLED_TOKEN})\s+(?P<rest>\S.*)$")
_AT_END = re.compile(
    rf"^(?P<rest>.*?\S)\s+(?:[{_DASHES}\[({{]+\s*)?(?P<n>{_NUMERAL})(?P<j>[{_FINAL_J}])?[{_FRAME}]*$"
)


@dataclass(frozen=True)
class Numeral:
    text: str  # as printed, frame removed: `157`, `vij`, `XII`
    value: int
    roman: bool
    alone: bool = True  # on a line of its own, not at the end of a running head
    final_j: bool = False  # a roman numeral followed by what OCR makes of a final `j`
    garbled: bool = False  # a figure misread as a letter (`23h`): @n gives the number
    inner: bool = False  # read inside the page's text: counts only where its run agrees

    def readings(self) -> tuple[int, ...]:
        """The values it may stand for: `XV]` is 15, or 16 read `xvj`."""
        return (self.value, self.value + 1) if self.final_j else (self.value,)

    def text_for(self, value: int) -> str:
        if self.garbled:
            return str(value)
        return self.text if value == self.value else self.text.lower() + "j"


@dataclass(frozen=True)
class PageNumber:
    value: int
    text: str  # what pb/@n says: the printed numeral, or one written in the run's style
    printed: bool  # a numeral on the page says it


def parse_numeral(text: str, final_j: bool = False) -> Numeral | None:
    """An arabic or roman numeral; `final_j`: OCR's `]`, `}` or `)` stood after it."""
    if text.isdigit() and text.isascii():
        number = int(text)
        return Numeral(text, number, False) if number > 0 else None
    read = "".join(NUMBER_LOOKALIKES.get(c, c) for c in text)
    if read.isdigit() and read.isascii() and len(read) <= 4 and sum(c.isdigit() for c in text) >= 2:
        if len(text) - sum(c.isdigit() for c in text) == 1 and int(read) > 0:
            return Numeral(text, int(read), False, garbled=True)
        return None
    roman = roman_value(text)
    if not roman:
        return None
    return Numeral(text, roman, True, final_j=final_j and not text.endswith(("j", "J")))


def _parse(match: re.Match[str]) -> Numeral | None:
    return parse_numeral(match.group("n"), bool(match.group("j")))


def whole_numeral(text: str) -> Numeral | None:
    """The numeral a line holds alone, in its frame (`— 157 —`, `( 12 )`, `vij`)."""
    match = _WHOLE.match(text)
    return _parse(match) if match else None


def stray_numeral(text: str) -> Numeral | None:
    """Figures alone on a line with one stray letter glued to them (`9e`; `0e` is no
    number, and `1G` a garbled one the sequence reads): what OCR makes of a page number
    in ornaments. Garbled: pb/@n gives the number, `fw` the line as read."""
    match = _STRAY.match(text)
    if match is None:
        return None
    figures = match.group("a") or match.group("b")
    letter = text.strip(_FRAME_CHARS).replace(figures, "")
    if int(figures) == 0 or any(letter in looks for looks in LOOKALIKES.values()):
        return None
    return Numeral(figures, int(figures), False, garbled=True)


def garbled_at_edge(text: str) -> tuple[str, str] | None:
    """(a page number OCR garbled at one end of a running head, the head): a short token in
    the number's frame (`MONSIEUR POUR MOURIR   - S -`), or, after a head in capitals, a
    short one that is not (`PRÉLIMINAIRE. à` for `ix`). None where the line ends in a
    numeral, or in a word of the head (`DE LA FRANCE ET`)."""
    for pattern in (_GARBLED_AT_END, _GARBLED_AT_START):
        match = pattern.match(text)
        if match is None:
            continue
        token, rest = match.group("n"), match.group("rest")
        framed = re.fullmatch(rf"[{_OPEN}].*[{_CLOSE}]", token) is not None
        if len(head_letters(rest)) < 3 or numeral_at_edge(text)[0] is not None:
            continue
        if _numbers_division(rest) or _numbers_division(token):
            continue  # `CHAPITRE II.`: a division's number, however garbled
        if framed or (rest.upper() == rest and token.upper() != token):
            return token.strip(), rest.strip()
    return None


def head_letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def framed_numeral(text: str) -> Numeral | None:
    """A number in a frame on both sides alone on a line (`(12)`, `— 9 —`), read inside
    a page's text: the page's number only where the sequence says so (`inner`)."""
    match = _FRAMED.match(text)
    if match is None or int(match.group("n")) == 0:
        return None
    return Numeral(match.group("n"), int(match.group("n")), False, inner=True)


def numeral_at_edge(text: str) -> tuple[Numeral | None, str]:
    """(a numeral at either end of a line of other text, the rest of the line)."""
    for pattern in (_AT_START, _AT_END):
        match = pattern.match(text)
        if match is not None:
            numeral, rest = _parse(match), match.group("rest")
            if pattern is _AT_END and _numbers_division(rest):
                continue
            if numeral is not None and len(rest.split()) <= MAX_HEAD_WORDS:
                return replace(numeral, alone=False), rest
    return None, text


def _numbers_division(before: str) -> bool:
    """Whether a numeral after these words is a division's number (`CHAPITRE IX`,
    `Livre 2`), not a page's."""
    words = before.split()
    return bool(words) and words[-1].strip(".,:;").lower() in fr.DIVISION_WORDS
