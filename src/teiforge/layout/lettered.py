"""Notes lettered a, b, c without brackets (`jours a.` ... `a Voir Durand`): a raised
letter is read apart or glued to its word, and a line that opens with a lone letter is
as often text (`a Paris`, the verb's line): only the run of labels a, b, c... in turn at a
page's foot, or an `a` alone that the text calls, makes a footnote zone."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang import fr
from ..model import Line
from ..notemarks import Mark, MarkKind, opens_like_a_note
from .measure import ends_sentence

_LETTER_LABEL = re.compile(r"^\s*(?P<letter>[a-z])\s+(?P<rest>\S.*)$")


def letter_label(text: str) -> tuple[Mark, str] | None:
    """A lowercase letter apart, then a note's opening (`a Voir Durand`): a raised letter
    label, its brackets none (a `(a)` label is parse_label's)."""
    match = _LETTER_LABEL.match(text)
    if match is None or not opens_like_a_note(match.group("rest")):
        return None
    letter = match.group("letter")
    if letter not in fr.NOTE_LETTERS:
        return None
    return Mark(MarkKind.BRACKETED, letter, letter), match.group("rest")


def letter_sequence(lines: Sequence[Line], start: int, alone: bool = False) -> list[int]:
    """The indexes of the lines from `start` on that open notes lettered a, b, c without
    brackets: `a` after a blank line or a finished sentence, then each next letter in
    turn, two notes at least. A line that opens `a Paris` is text unless `b ...` and the
    rest follow it: the sequence is the evidence. With `alone`, a note `a` alone after a
    blank line is enough (the text above calls it: see calls_a_letter)."""
    found: list[int] = []
    for index in range(start, len(lines)):
        label = letter_label(lines[index].text)
        if label is None:
            continue
        letter = label[0].core
        if letter == fr.NOTE_LETTERS[0] and not found:
            opened = index == 0 or lines[index].blank_before >= 1
            if opened or ends_sentence(lines[index - 1].text):
                found = [index]
        elif found and len(found) < len(fr.NOTE_LETTERS) and letter == fr.NOTE_LETTERS[len(found)]:
            found.append(index)
    if len(found) == 1 and alone and lines[found[0]].blank_before >= 1:
        return found
    return found if len(found) >= 2 else []


_LETTER_CALL = re.compile(rf"[^\W\d_] {fr.NOTE_LETTERS[0]}[.,;:]")


def calls_a_letter(lines: Sequence[Line]) -> bool:
    """Whether the text calls a first lettered note, apart, before a stop (`jours a.`)."""
    return any(_LETTER_CALL.search(line.text) for line in lines)
