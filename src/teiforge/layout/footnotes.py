"""The footnote zone at the bottom of a page, and the note bodies in it.

A note body starts with its label: the printed number, which OCR often garbles (`13`,
`to` for 14, `6` for 26). A zone starts at the first label line below which every line
belongs to notes; on a double-spaced page the zone is set solid (lines with no blank
between them), which is what tells it from body text that happens to start with a number.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..digits import GARBLED_DIGIT_CHARS
from ..lang import fr
from ..model import Line

_DIGIT_LOOKALIKES = "".join(sorted(GARBLED_DIGIT_CHARS))
_LABEL = re.compile(
    rf"^(?P<label>\d{{1,3}}|[{re.escape(_DIGIT_LOOKALIKES)}]{{1,3}})(?:\s+(?P<rest>.*))?$"
)
_SEPARATOR = re.compile(r"^\s*[_\-—–]{3,}\s*$")
MAX_ZONE_SHARE = 0.6  # a footnote zone never fills most of a page


@dataclass(frozen=True)
class NoteBody:
    label: str  # as printed, possibly garbled
    lines: tuple[Line, ...]  # the body's lines, the label removed from the first
    first_line: int


def note_label(text: str) -> tuple[str, str] | None:
    """(label, rest of the line) when a line starts like a note body, else None."""
    match = _LABEL.match(text.strip())
    if match is None:
        return None
    label, rest = match.group("label"), (match.group("rest") or "")
    if not label.isdigit() and (
        label.lower() in fr.SHORT_WORDS or not any(c in _DIGIT_LOOKALIKES for c in label)
    ):
        return None
    if label.isdigit() and label.startswith("0"):
        return None
    first = rest[:1]
    if rest and not (first.isupper() or first in fr.NOTE_BODY_OPENERS):
        return None  # a note starts like a sentence or a reference: "Voir...", "Dupont J., ..."
    return label, rest


def find_zone_start(lines: list[Line], double_spaced: bool, note_open: bool = False) -> int | None:
    """Index of the first line of the footnote zone, or None when the page has none.
    `note_open`: the previous page's last note breaks off in mid-sentence."""
    limit = max(1, math.ceil(len(lines) * MAX_ZONE_SHARE))
    for index in range(max(1, len(lines) - limit), len(lines)):
        if note_label(lines[index].text) is None:
            continue
        if _SEPARATOR.match(lines[index - 1].text):
            return index
        if double_spaced and _set_solid(lines[index:]):
            return _take_continuation(lines, index) if note_open else index
        if (
            not double_spaced
            and lines[index].blank_before >= 1
            and _labels_all_clean(lines[index:])
        ):
            return index
    return None


def _take_continuation(lines: list[Line], start: int) -> int:
    """On a double-spaced page, lines set solid just above the first label continue the
    previous page's last note: they belong to the zone."""
    while start > 1 and lines[start].blank_before == 0:
        start -= 1
    return start


def _set_solid(zone: list[Line]) -> bool:
    if len(zone) == 1:
        return (note_label(zone[0].text) or ("", ""))[0].isdigit()
    if zone[1].blank_before != 0:
        return False
    solid = sum(1 for line in zone[1:] if line.blank_before == 0)
    return solid >= 0.5 * (len(zone) - 1)


def _labels_all_clean(zone: list[Line]) -> bool:
    """On a single-spaced page a zone opens with a printed digit label, or with two or
    more lines that start like note bodies (`to Dhume F.`, `6 Gautron V.`)."""
    label = note_label(zone[0].text)
    if label is not None and label[0].isdigit():
        return True
    return sum(1 for line in zone if note_label(line.text) is not None) >= 2


def split_notes(zone: list[Line]) -> list[NoteBody]:
    notes: list[NoteBody] = []
    for line in zone:
        if _SEPARATOR.match(line.text):
            continue
        found = note_label(line.text)
        if found is not None or not notes:
            label, rest = found if found is not None else ("", line.text)
            first = (Line(line.number, rest, line.blank_before),) if rest else ()
            notes.append(NoteBody(label, first, line.number))
        else:
            last = notes[-1]
            notes[-1] = NoteBody(last.label, last.lines + (line,), last.first_line)
    return notes
