"""Stray marks (proposer "stray-mark"): a speck OCR read as a mark beside a word, where
French print sets no such mark.

- An apostrophe after a word in small letters of three letters or more, before a space
  and a word (`les francs' Je`, `enfonce' ses ongles`): French elides only before a vowel
  and glued to the next word (`l'homme`); an apostrophe that ends a whole word before a
  space is a speck. It is taken away (cert medium). Left alone: the elisions that end
  longer words (`jusqu'`, `lorsqu'`, `quelqu'`, `entr'`, `grand'`: `grand' mère`), a word
  in capitals or with a capital (`Vel' d'Hiv'`, a name's or a title's abbreviation), and
  every such apostrophe in an old text (`Dieu gard' ma commère`: old print elides before a
  consonant).
- A doubled comma (`Hier,, au`): one comma (cert medium). A comma after a space is the
  spacing proposer's (` ,,`), and is left to it.

Measured on the tuning splits (docs/ocr-correction.md): the apostrophes, 146 places on
ocr-fr-hipe, 0.42% of its character errors removed (78 chunks better, 8 worse: most of
those a mark the gold reads as another mark), 28 places on ocr-fr-dev (0.06%); the doubled
commas 0.08% and 0.12%.

passes (left alone): "jusqu' à", "grand' mère", "au Vel' d'Hiv'", "l' homme", "il dit :
'oui'"; fails (corrected): "les francs' Je" -> "les francs Je"; "Hier,, au" -> "Hier, au".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .oldtext import old_text
from .words import Fields, Found

# Elisions that end a word of three letters or more (the two-letter ones, l' d' qu', are
# shorter than the rule's words).
_ELIDED = "jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu|entr|aujourd|prud|grand"
_APOSTROPHE = re.compile(rf"(?<![\w'])(?!(?:{_ELIDED})')[^\W\d_]{{3,}}(')(?= [^\W\d_])")
_COMMAS = re.compile(r"(?<=[^\W_])(,,+)")
CERT = "medium"
# Its confidence: of the tuning chunks of ocr-fr-hipe it changed, the share it made better
# (78 of 86).
CONFIDENCE = 0.91


def proposals(texts: Sequence[str], cuts: Sequence[frozenset[int]], found: Found) -> list[Fields]:
    if old_text(code for _, _, code in found):
        return []
    chosen: list[Fields] = []
    for passage, text in enumerate(texts):
        for match in _APOSTROPHE.finditer(text):
            word = match.group()[:-1]
            if not word.islower():
                continue
            start, end = match.span(1)
            if start in cuts[passage] or end in cuts[passage]:
                continue
            reason = "an apostrophe after a whole word, before a space: a speck"
            chosen.append((passage, start, end, "'", "", CERT, "", CONFIDENCE, reason))
        for match in _COMMAS.finditer(text):
            start, end = match.span(1)
            if any(start < cut < end for cut in cuts[passage]):
                continue
            reason = "a comma doubled"
            chosen.append((passage, start, end, match.group(1), ",", CERT, ",", CONFIDENCE, reason))
    return chosen


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "In a text that is not old, an apostrophe after a whole word in small letters (no "
        "elision such as jusqu' or grand'), before a space, was taken away as a speck, and a "
        "doubled comma made one (cert medium)."
    )
