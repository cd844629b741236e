"""What a line looks like: its length against the page's width, how it ends and begins."""

from __future__ import annotations

import re
import statistics

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
    if stripped.endswith((" n", " >", " >r", "))")):  # OCR forms of a closing guillemet
        return True
    return stripped.endswith(tuple('.!?:…»"”'))


def is_full_width(line: Line, width: int) -> bool:
    return width > 0 and len(line.text) >= FULL_WIDTH * width


def starts_lowercase(text: str) -> bool:
    """Mid-sentence starts: a lowercase letter, or punctuation that cannot open a sentence."""
    first = text.lstrip()[:1]
    return first.islower() or first in ",;)]"


def starts_new_sentence(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit() or first in '«<"“—–-('


# An interview turn opens with speaker initials or a title and a name, then a colon:
# "R.T. : Et comment...", "M. X : ...", possibly behind a garbled guillemet ("tc R.T. :").
_TURN = re.compile(
    r"^(?:\S{1,3}\s+)?(?:(?:[A-ZÉ]\.\s?){1,3}|M(?:me|lle)?\.?\s+[A-ZÉ][\w.-]*|[A-ZÉ]{1,3})\s*:\s"
)


def starts_turn(text: str) -> bool:
    return _TURN.match(text.strip() + " ") is not None
