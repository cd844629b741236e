"""Quotation marks as OCR reads them: « and », and what they become in print of poor
quality (`<`, `>`, `>r`, `))`, `n`, `(`, `tc`). Each mark found says whether it opens or
closes, and how sure we are that it is a quotation mark at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.fr import CLOSE, GUILLEMETS, OPEN, QUOTE_FORMS, SURE, UNSURE

__all__ = ["CLOSE", "GUILLEMETS", "OPEN", "SURE", "UNSURE", "Mark", "find_marks", "pair_marks"]

# The forms of the marks are the language's (lang/fr.py); pairing them is this module's.
_FORMS = QUOTE_FORMS
_STANDALONE = re.compile(r"(?<!\S)(«|<<|<|“|„|tc|\(\(|\(|»|>>|>r|>|”|\)\)|\)|n)(?=[\s.,;:!?]|$)")
_GLUED_OPEN = re.compile(r"(?<!\S)([«“])(?=\w)")
_GLUED_CLOSE = re.compile(r"(?<=\w)([»”])(?=[\s.,;:!?]|$)")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    text: str
    role: str  # OPEN or CLOSE
    certainty: str  # SURE or UNSURE

    @property
    def is_parenthesis(self) -> bool:
        return self.text in ("(", ")")


def find_marks(text: str) -> list[Mark]:
    marks = [
        Mark(m.start(1), m.end(1), m.group(1), *_FORMS[m.group(1)])
        for m in _STANDALONE.finditer(text)
    ]
    marks += [
        Mark(m.start(1), m.end(1), m.group(1), OPEN, SURE) for m in _GLUED_OPEN.finditer(text)
    ]
    marks += [
        Mark(m.start(1), m.end(1), m.group(1), CLOSE, SURE) for m in _GLUED_CLOSE.finditer(text)
    ]
    return sorted(marks, key=lambda mark: mark.start)


def pair_marks(marks: list[Mark]) -> list[tuple[Mark, Mark]]:
    """Quotations as (opening, closing) marks, outer ones first when they nest. A real
    parenthesis, an unsure mark with no sure partner, an opening never closed and a closing
    whose opening is not in the text (a missing page) make no quotation."""
    pairs: list[tuple[Mark, Mark]] = []
    stack: list[Mark] = []
    for mark in marks:
        if mark.role == OPEN:
            stack.append(mark)
            continue
        if not stack:
            continue
        opening = stack[-1]
        if mark.text == ")" and opening.text == "(":
            stack.pop()  # a parenthesis, not a quotation
        elif mark.certainty == SURE or opening.certainty == SURE:
            if mark.text == ")" or (mark.certainty == UNSURE and opening.is_parenthesis):
                continue
            stack.pop()
            pairs.append((opening, mark))
    return sorted(pairs, key=lambda pair: (pair[0].start, -pair[1].end))
