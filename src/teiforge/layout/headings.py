"""Headings: a short line that opens a division, usually enumerated (`B. Les impasses...`,
`II. Méthode`, `3.2 Résultats`), never ending with a full stop, sometimes run on to a
second short line. Unnumbered headings are recognised when set in capitals."""

from __future__ import annotations

import re

from ..lang import fr
from ..model import Line
from .measure import ends_sentence, is_full_width, starts_lowercase

_ENUMERATOR = re.compile(
    r"^(?P<enum>(?:[IVX]{1,5}|[A-L]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-h]))[.)°]\s+(?P<title>\S.*)$"
)
_NAMED = re.compile(rf"^(?:{'|'.join(fr.DIVISION_WORDS)})\s+\S+", re.IGNORECASE)
_SPEAKER = re.compile(r"^\S{1,8}\s*:")  # "M. X :" opens an interview turn, not a heading


def enumerator_style(text: str) -> str:
    """The kind of enumerator a heading uses (roman, upper, digits, digits.1, lower), or
    "unnumbered": headings of one style are siblings, a new style goes one level deeper."""
    match = _ENUMERATOR.match(text.strip())
    if match is None:
        return "unnumbered"
    enum = match.group("enum")
    if re.fullmatch(r"[IVX]+", enum):
        return "roman"
    if enum[0].isdigit():
        return f"digits.{enum.count('.')}" if "." in enum else "digits"
    return "upper" if enum.isupper() else "lower"


def is_heading_line(line: Line, width: int) -> bool:
    text = line.text.strip()
    if ends_sentence(text) or text.endswith((",", ";")) or _SPEAKER.match(text):
        return False
    match = _ENUMERATOR.match(text)
    if match is not None:
        title = match.group("title")
        return title[:1].isupper() and not title.startswith(("M. ", "Mme "))
    if _NAMED.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 3 and all(c.isupper() for c in letters) and not is_full_width(line, width)
    )


def heading_continues(line: Line, following: Line | None, width: int) -> bool:
    """A heading too long for one line runs on to a short line that starts lowercase and is
    followed by the start of a paragraph."""
    if not starts_lowercase(line.text) or ends_sentence(line.text):
        return False
    if is_full_width(line, width) or len(line.text) > 0.7 * width:
        return False
    return following is None or not starts_lowercase(following.text)
