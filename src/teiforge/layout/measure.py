"""What a line looks like: its length against the page's width, how it ends and begins."""

from __future__ import annotations

import re
import statistics

from ..lang import fr
from ..lang.numerals import numeral_value
from ..model import Line

FULL_WIDTH = 0.85  # a line this close to the page's width was broken by the typesetter
_WORD = re.compile(r"[^\W\d_]{2,}|\d{2,}")
MAX_NOISE_MARKS = 3  # non-space characters of a line of stray marks
ASTERISMS = "*⁂"


def typical_width(lines: list[Line]) -> int:
    """The measure of the page: the upper quartile of line lengths (robust to the short
    last lines of paragraphs)."""
    lengths = sorted(len(line.text) for line in lines)
    if not lengths:
        return 0
    if len(lengths) < 4:
        return lengths[-1]
    return int(statistics.quantiles(lengths, n=4)[2])


def ends_sentence(text: str) -> bool:
    """Whether a line ends on a sentence's stop, or on a closing guillemet; a stop inside
    closing brackets counts (`(Applaudissements.)`, `[sic.]`)."""
    stripped = text.rstrip()
    if stripped.endswith(fr.GARBLED_CLOSING_ENDS):  # OCR forms of a closing guillemet
        return True
    if stripped.endswith((")", "]")):
        inside = stripped[:-1].rstrip()
        return inside.endswith(tuple(fr.SENTENCE_END_MARKS)) and not inside.endswith(":")
    return stripped.endswith(tuple(fr.SENTENCE_END_MARKS))


def is_full_width(line: Line, width: int) -> bool:
    return width > 0 and len(line.text) >= FULL_WIDTH * width


def starts_lowercase(text: str) -> bool:
    """Mid-sentence starts: a lowercase letter, or punctuation that cannot open a sentence."""
    first = text.lstrip()[:1]
    return first.islower() or first in fr.MID_SENTENCE_OPENERS


def carries_on_sentence(text: str) -> bool:
    """A line that goes on with the sentence above it: it starts in lowercase or with
    punctuation that cannot open a sentence (starts_lowercase), or with an ampersand, which
    joins words; a quotation's continuation mark at the start of each line (`» vice ne
    permet pas`) is looked past."""
    text = _past_mark(text)
    return starts_lowercase(text) or text.startswith("&")


def continues_in_lowercase(text: str) -> bool:
    """A line that opens on a lowercase word or an ampersand (a quotation's mark at its
    start looked past): a sentence's continuation, whatever the line above ends with.
    Punctuation at a line's start is weaker (`))` is also what OCR makes of `»`), and so
    is a lone letter that is no word (`n Pia, ma chère`: `»` misread)."""
    text = _past_mark(text)
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if len(first) == 1 and first not in fr.ONE_LETTER_WORDS:
        return first == "&"
    return text[:1].islower() or text.startswith("&")


def _past_mark(text: str) -> str:
    """A line less the guillemet that old print repeats at the start of each line of a
    quotation (`» Considérant que`), when words follow it."""
    text = text.lstrip()
    if text[:1] in "«»" and text[1:].strip():
        return text[1:].lstrip()
    return text


def starts_new_sentence(text: str) -> bool:
    """A line that may open a sentence: a capital, a digit or an opening mark, after a
    quotation's continuation mark at the line's start (`» Considérant que`)."""
    first = _past_mark(text)[:1]
    return first.isupper() or first.isdigit() or first in fr.SENTENCE_OPENERS


def starts_turn(text: str) -> bool:
    return fr.TURN_LINE.match(text.strip() + " ") is not None


def is_noise(text: str) -> bool:
    """A line that holds no word and no number of two figures, only a stray mark or
    three (`»`, `=`, `%,`, a lone `5` or `X`): what OCR reads from a stain or the gutter.
    It starts no paragraph (it stays with the one it falls in) and follows no heading. An
    asterism (`* * *`, `⁂`) and a rule (`__________`) are print's own marks, not noise."""
    marks = "".join(text.split())
    return (
        _WORD.search(text) is None
        and len(marks) <= MAX_NOISE_MARKS
        and not set(marks) <= set(ASTERISMS)
    )


def numbered_in_turn(previous: str | None, number: str | None) -> bool:
    """Whether a page's printed number (pb/@n) comes right after the previous page's
    (`243`, `244`; `vij`, `viij`): no page is missing between them."""
    if previous is None or number is None:
        return False
    before, after = numeral_value(_roman_j(previous)), numeral_value(_roman_j(number))
    return before is not None and after == before + 1


def _roman_j(text: str) -> str:
    """A roman numeral's final j read as i (`viij`)."""
    text = text.strip()
    return text[:-1] + "i" if text.endswith("j") and text[:-1].isalpha() else text
