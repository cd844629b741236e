"""Typography is not an OCR error: a typographic apostrophe (`aujourd’hui`), a long s
(`ſ`), a ligature (`ﬁ`, `œ`) are how the page was printed, at most a normalisation
(`orig`/`reg`), never a `sic`/`corr`.

The corrector reads a passage with its apostrophes folded to the straight one (each a
single character, so every offset holds), and a correction it makes is given back the
apostrophe the page printed (`restore`); a proposal that only normalises (`œuvre` for
`oeuvre`, `aujourd'hui` for `aujourd’hui`) is no proposal (`normalisation_only`).

passes: aujourd’hui -> left alone; qu’iI -> qu’il (the page's apostrophe kept);
ſoleil -> soleil is no correction.
fails: a word whose only error is a wrong kind of apostrophe is left as printed.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = "’ʼ‘`´′"  # the marks OCR and print give for an apostrophe
STRAIGHT = "'"
_FOLD = str.maketrans(dict.fromkeys(APOSTROPHES, STRAIGHT))
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def fold(text: str) -> str:
    """`text` with its apostrophes straight; the same length, so offsets hold."""
    return text.translate(_FOLD)


def restore(printed: str, corrected: str) -> str:
    """`corrected` with the apostrophe `printed` uses, where it has one."""
    mark = next((ch for ch in printed if ch in APOSTROPHES), None)
    return corrected.replace(STRAIGHT, mark) if mark else corrected


def normal(text: str) -> str:
    """A form with print's variants made one: apostrophes, long s, ligatures (NFKC)."""
    return unicodedata.normalize("NFKC", fold(text)).translate(_LIGATURES)


def normalisation_only(printed: str, corrected: str) -> bool:
    """`corrected` differs from `printed` only as print's variants do."""
    return printed != corrected and normal(printed) == normal(corrected)
