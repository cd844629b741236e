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

The other way (proposer "lost-space", `lost_spaces`): French print sets a space before `?`
and `!`; OCR often loses it (`Eh bien! quoi?` for `Eh bien ! quoi ?`). Where a document
sets it at least half of the time, in 3 places or more, the places it lacks are the OCR's
losses and get the document's own space back (`?` -> ` ?`, cert medium). A `?` or `!`
inside a word (`n?pro`, `ma!t`: a misread letter) is not looked at; a document that
glues its marks (`quoi?` throughout) is left as it is: its print or its OCR's habit,
unknown.

passes (left alone): "Quoi? Eh bien! Non?"; "quoi ? non ! Eh bien!" (2 places only);
fails (space given back): "Quoi ? Eh bien ! Non ! Et alors? Oui ?" -> `alors ?`.
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
# A `?` or `!` after a word's letter, with its space or without, not inside a word.
_SPACED_QUERY = re.compile(r"(?<=[^\W\d_])( +)[?!](?![^\W_])")
_GLUED_QUERY = re.compile(r"(?<=[^\W\d_])[?!](?![^\W_])")


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


def lost_spaces(texts: Sequence[str], cuts: Sequence[frozenset[int]]) -> list[Fields]:
    """The spaces before `?` `!` that a document sets as a habit and the OCR lost."""
    spaces = [m.group(1) for text in texts for m in _SPACED_QUERY.finditer(text)]
    glued = sum(len(_GLUED_QUERY.findall(text)) for text in texts)
    if not glued or len(spaces) < MIN_PLACES or len(spaces) < HABIT * (len(spaces) + glued):
        return []
    space = max(set(spaces), key=spaces.count)  # the document's own space
    share = len(spaces) / (len(spaces) + glued)
    reason = f"the document spaces {len(spaces)} of {len(spaces) + glued} places before ? !"
    chosen: list[Fields] = []
    for passage, text in enumerate(texts):
        for match in _GLUED_QUERY.finditer(text):
            start, end = match.span()
            if start in cuts[passage]:
                continue
            sic = text[start:end]
            corr = space + sic
            chosen.append((passage, start, end, sic, corr, "medium", corr, share, reason))
    return chosen


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "In a document that sets a space before , . ) or after ( at least "
        f"{HABIT:.0%} of the time, those spaces were taken away as its habit (cert medium); "
        "the space before ; : ! ? is French typography and was kept; in a document that "
        f"sets a space before ? and ! at least {HABIT:.0%} of the time, the spaces the OCR "
        "lost there were given back (cert medium)."
    )
