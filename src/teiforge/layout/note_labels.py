"""Note labels OCR garbled past what notemarks reads alone, read by the zone around them:
a raised number read as a sign apart (`' Pays` for `¹ Pays`), a bracketed label whose
brackets were lost (`6 Thunberg` among `(8)`) or read as one letter (`ë  Tuckey`), a
first note whose label's closing bracket was lost (`(Mohammed et Tounsy, ...`), and
the kind of the labels below a zone's first line that tells which reading fits.
"""

from __future__ import annotations

import re

from ..lang import fr
from ..model import Line
from ..notemarks import Mark, MarkKind, parse_label
from .measure import ends_sentence

_SIGN_LABEL = re.compile(
    rf"^\s*(?P<sign>[{re.escape(''.join(fr.GARBLED_SUPERSCRIPTS))}])\s+(?P<rest>[A-ZÀ-Ý].*)$"
)
_UNCLOSED_OPENING = re.compile(r"^\s*\((?P<rest>[A-ZÀ-Ý][^()]*)$")
_LONE_SIGN = re.compile(r"^\s*(?P<sign>[^\W\d_])\s+(?P<rest>[A-ZÀ-Ý].*)$")


def sign_label(text: str) -> tuple[Mark, str] | None:
    """A raised number OCR read as a sign apart, before a capital (`' Pays village` for
    `¹ Pays`): a note's label among numbered ones."""
    match = _SIGN_LABEL.match(text)
    if match is None:
        return None
    sign = match.group("sign")
    return Mark(MarkKind.DIGITS, sign, fr.GARBLED_SUPERSCRIPTS[sign]), match.group("rest")


def sign_above(lines: list[Line], start: int) -> bool:
    """Above a zone of numbered labels, a line that opens with a sign read for a raised
    number (`' Pays`, the zone's first label garbled), after a finished sentence."""
    found = parse_label(lines[start].text)
    if found is None or found[0].kind is not MarkKind.DIGITS:
        return False
    return sign_label(lines[start - 1].text) is not None and ends_sentence(lines[start - 2].text)


def opened_label(lines: list[Line], start: int) -> bool:
    """Above a zone of bracketed labels, after a blank, a line that opens a bracket on a
    capital and never closes it (`(Mohammed et Tounsy, Voyage au Ouadey, p. 277`): its
    first note, the label's closing bracket lost."""
    found = parse_label(lines[start].text)
    if found is None or found[0].kind is not MarkKind.BRACKETED:
        return False
    return (
        lines[start - 1].blank_before >= 1 and unclosed_opening(lines[start - 1].text) is not None
    )


def label_lost_above(lines: list[Line], start: int) -> bool:
    """Above a zone's first label set solid below it, after a blank, a line that opens
    like a sentence and ends one, where the text above the blank breaks off in
    mid-sentence (so it neither carries the text on nor opens a paragraph of it): the
    zone's first note, its label lost or glued to its first word (`OT. II, p. 214.` for
    `(1) T. II, p. 214.`). Fails: a line after a finished sentence (a paragraph), one
    that breaks off (the text's last line, the notes set solid after it), one in
    lowercase (the text carried on, or a note continued), a label after a blank."""
    if start < 2 or lines[start].blank_before != 0 or lines[start - 1].blank_before < 1:
        return False
    found = parse_label(lines[start].text)
    if found is None or parse_label(lines[start - 1].text) is not None:
        return False
    line = lines[start - 1].text
    if not line.lstrip()[:1].isupper() or not ends_sentence(line):
        return False
    return not ends_sentence(lines[start - 2].text)


def reference_alone(lines: list[Line]) -> bool:
    """The page's last line, after a blank, one reference that opens like a sentence and
    ends one (`Saugnier, p. 264.`): a note whose label OCR lost, where the page's text
    calls one (the caller asks). Fails: a line set solid with the text, a sentence of the
    text (no reference), a line in lowercase."""
    if len(lines) < 2 or lines[-1].blank_before < 1:
        return False
    text = lines[-1].text.strip()
    if not text[:1].isupper() or not ends_sentence(text) or parse_label(text) is not None:
        return False
    return fr.REFERENCE.search(text) is not None and len(text.split()) <= 12


def unclosed_opening(text: str) -> tuple[Mark, str] | None:
    """`(Mohammed et Tounsy, ...`: an opening bracket glued to a capital, none closed."""
    match = _UNCLOSED_OPENING.match(text)
    if match is None:
        return None
    return Mark(MarkKind.BRACKETED, "(", ""), match.group("rest")


def lost_brackets(found: tuple[Mark, str], kind: MarkKind) -> tuple[Mark, str] | None:
    """A label of another kind than the zone's is a line of a note that happens to start
    like one; but in a zone of bracketed labels, one garbled sign that OCR read for a
    number, its brackets lost (`G Gray and Dochard.`, `6 Thunberg` among `G)`, `()`, `(8)`),
    opens a note of the zone's kind."""
    mark, rest = found
    lost = kind is MarkKind.BRACKETED and mark.kind is MarkKind.DIGITS
    if lost and len(mark.core) == 1 and rest[:1].isupper():
        return Mark(MarkKind.BRACKETED, mark.printed, mark.core), rest
    return None


def lone_sign(text: str) -> tuple[Mark, str] | None:
    """In a zone of bracketed labels, a line that opens with one letter that is no word,
    apart, before a capital (`ë  Tuckey, Narration`): a label OCR read as a letter."""
    match = _LONE_SIGN.match(text)
    if match is None or match.group("sign").lower() in fr.SHORT_WORDS:
        return None
    sign = match.group("sign")
    return Mark(MarkKind.BRACKETED, sign, sign), match.group("rest")


def kind_below(zone: list[Line]) -> MarkKind | None:
    """The kind of the zone's first label below its first line (numbers, brackets), if
    any."""
    for line in zone[1:]:
        found = parse_label(line.text)
        if found is not None:
            return found[0].kind
    return None
