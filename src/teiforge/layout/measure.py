"""What a line looks like: its length against the page's width, how it ends and begins."""

from __future__ import annotations

import statistics

from ..lang import fr
from ..model import Line

FULL_WIDTH = 0.85  # a line this close to the page's width was broken by the typesetter


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
    stripped = text.rstrip()
    if stripped.endswith(fr.GARBLED_CLOSING_ENDS):  # OCR forms of a closing guillemet
        return True
    return stripped.endswith(tuple(fr.SENTENCE_END_MARKS))


def is_full_width(line: Line, width: int) -> bool:
    return width > 0 and len(line.text) >= FULL_WIDTH * width


def starts_lowercase(text: str) -> bool:
    """Mid-sentence starts: a lowercase letter, or punctuation that cannot open a sentence."""
    first = text.lstrip()[:1]
    return first.islower() or first in fr.MID_SENTENCE_OPENERS


def starts_new_sentence(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit() or first in fr.SENTENCE_OPENERS


def starts_turn(text: str) -> bool:
    return fr.TURN_LINE.match(text.strip() + " ") is not None
