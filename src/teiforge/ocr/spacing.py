"""A document's habit of spacing (proposer "spacing"): some OCR (and some printers) set a
space before `,` `.` `)` and after `(` (`la ville , le port ( 1857 )`). French print has
no such space; where a document does it most of the time, it is the document's habit and
the corrector takes the spaces away, each as a correction of its own (cert medium): the
space and its mark in `sic` (` ,`), the mark alone in `corr`. A document that does it now and then is left as it is: one space before a
comma is more often the gold's than an error there. French spacing before `; : ! ?` is
typography, never an error, and is not looked at.

passes (left alone): "la ville, le port (1857)."; "il dit : non ; oui !" (French
typography); a document with one `word ,` among twenty commas; fails (spaces taken away): a
document printing "la ville , le port ( 1857 ) ." throughout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .words import Fields

# The habit: at least HABIT of the places where a space may stand before `, . )` or after
# `(`, and at least MIN_PLACES of them (the tuning split's best, docs/ocr-correction.md).
HABIT = 0.5
MIN_PLACES = 3
_SPACED = re.compile(r"(?<=[^\W_]) +(?=[,.)])|(?<=\() +(?=[^\W_])")
_TIGHT = re.compile(r"(?<=[^\W_])[,.)]|\((?=[^\W_])")


def habit(texts: Sequence[str]) -> tuple[int, int]:
    """(places with a space, places) in a document's texts."""
    spaced = sum(len(_SPACED.findall(text)) for text in texts)
    tight = sum(len(_TIGHT.findall(text)) for text in texts)
    return spaced, spaced + tight


def proposals(texts: Sequence[str], cuts: Sequence[frozenset[int]]) -> list[Fields]:
    spaced, places = habit(texts)
    if spaced < MIN_PLACES or spaced < HABIT * places:
        return []
    share = spaced / places
    reason = f"the document spaces {spaced} of {places} places before , . ) or after ("
    chosen: list[Fields] = []
    for passage, text in enumerate(texts):
        for match in _SPACED.finditer(text):
            start, end = match.span()
            if text[start - 1 : start] == "(":
                start -= 1  # the space with its mark: `( ` -> `(`
            else:
                end += 1  # ` ,` -> `,`
            if any(start < cut < end for cut in cuts[passage]):
                continue
            sic = text[start:end]
            corr = sic.strip(" ")
            chosen.append((passage, start, end, sic, corr, "medium", corr, share, reason))
    return chosen


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "In a document that sets a space before , . ) or after ( at least "
        f"{HABIT:.0%} of the time, those spaces were taken away as its habit (cert medium); "
        "the space before ; : ! ? is French typography and was kept."
    )
