"""Stray full stops (proposer "stray-stop"): a speck OCR read as a full stop after a word,
inside a sentence, decided by the word trigram model (ngrams.py).

A full stop glued to a word of the lexicon in small letters, before a space and a word in
small letters (`la présence de la. main`, `nos sous-marins ont. envoyé`), ends no sentence
when the model finds the words without it at least 10^STOP times likelier than with it
(the words around it, two on each side, and the words after it, say how well each reading
leads on). It is taken away (an empty `corr`, cert medium).

Left alone: a stop after an abbreviation or an initial (`vol. in-8`, `M. le`, `J. de`: a
guard keeps them, or they are capitals), after a word in capitals (`DANS UNE RUE. me
tenez`: a heading), before a capital or a number, a stop of an ellipsis (`un ami. qui` is
often `un ami... qui`: the model has to be sure), and every stop in an old text, whose
punctuation the model, learned from novels of 1840-1920, does not know.

Measured on the tuning splits before it was built (docs/ocr-correction.md, "stray full
stops"): among such stops, at 10^3.5 the gold has none at 94 places of ocr-fr-hipe and 43
of ocr-fr-dev, keeps it at 7 and 10, and has another mark at 5 and 7 (an ellipsis, a
comma). The same rule for commas was not kept: at 10^4 ocr-fr-dev's gold kept 10 of 21.

passes (left alone): "il dit. nous", when the model does not find it sure enough,
"6 vol. in-8", "DANS UNE RUE. me"; fails (corrected): "la présence de la. main de Moscou"
-> "la présence de la main de Moscou".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .ngrams import NGrams, around
from .oldtext import old_text
from .words import Fields, Found

STOP = 3.5  # log10: the reading without the stop over 3,000 times likelier
CERT = "medium"
# A stop glued to the word before, then one space and a letter (in small letters: checked).
_AFTER = re.compile(r"\. ([^\W\d_])")


def proposals(
    ngrams: NGrams, texts: Sequence[str], cuts: Sequence[frozenset[int]], found: Found
) -> list[Fields]:
    if old_text(code for _, _, code in found):
        return []
    chosen: list[Fields] = []
    for passage, word, code in found:
        text = texts[passage]
        stop = word.end
        if (
            code != "known"
            or not word.text.isalpha()
            or not word.text.islower()
            or len(word.text) < 2
            or not (after := _AFTER.match(text, stop))
            or not after.group(1).islower()
            or stop in cuts[passage]
            or stop + 1 in cuts[passage]
        ):
            continue
        left, right = around(text, stop, stop + 1)
        with_stop, without = ngrams.compare(left, (["."], []), right)
        odds = without - with_stop
        if odds < STOP:
            continue
        reason = f"no stop {10**odds:,.0f} times likelier in context"
        confidence = 1 / (1 + 10**-odds)
        chosen.append((passage, stop, stop + 1, ".", "", CERT, "", confidence, reason))
    return chosen


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "In a text that is not old, a full stop after a word in small letters and before "
        "one, which the word trigram model made at least "
        f"{10**STOP:,.0f} times less likely than no stop, was taken away as a speck "
        "(cert medium)."
    )
