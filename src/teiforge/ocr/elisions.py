"""Lost apostrophes of elision (proposer "elision"): OCR reads the apostrophe of an
elided word as a space, or loses it (`d une`, `qu il`, `n est`), decided by the word
trigram model (ngrams.py).

An elided word standing alone (`c d j l m n s t qu`, `jusqu lorsqu puisqu quoiqu`), one
space, then a word of the lexicon that begins with a vowel or an h
(French elides only there): the two are read as one elided word when the model finds the
elision at least 10^ELIDE times likelier than the two words apart, the two words on each
side counted (`d'une`, `qu'il`, `n'est`). The correction (cert medium) spans
both words, as a join does: `sic` `d une`, `corr` `d'une`.

Left alone: a letter the model finds as likely standing alone (an initial, a variable, an
enumeration: `les points c et d en rouge`), a word after it that is no word of the lexicon or that
begins with a consonant (`d la`), a capital after it (`t Alger`: a name), what a cut
(the edge of a span found before) separates, and a `1` before a word (`1 an`, `1 heure`
are numbers: `1 article` for `l'article` is left to the editor).

Measured on the tuning splits before it was built (docs/ocr-correction.md, "lost
apostrophes"), the pairs whose odds reach 10^4: on ocr-fr-hipe 22 where the gold has the
elision, 3 where it keeps the two words (the gold keeping the OCR's error, `n y croyons`,
or a name), 5 with other errors around; on ocr-fr-dev 9, 2 and 3. At 10^3: 28, 7, 13 and
11, 3, 7.

passes (left alone): "les points c et d en rouge", "la note s ici", "il a vu t Alger",
"France 1 an"; fails (corrected): "le projet d une ville" -> "d'une", "il dit qu
il viendra" -> "qu'il".
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from .lexicon import Lexicon
from .ngrams import NGrams
from .words import Fields, Found, one_space_apart

ELIDE = 4.0  # log10: the elision over 10,000 times likelier than the two words apart
CERT = "medium"
ELIDED = frozenset(
    ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
)
VOWELS = frozenset("aeiouyhàâäéèêëîïôöùûüœæ")


def elided(text: str) -> str | None:
    """The elided word a lone word stands for (`d`, `Qu`), or None."""
    return text if text.lower() in ELIDED and text.isalpha() else None


def proposals(
    ngrams: NGrams,
    lexicon: Lexicon,
    texts: Sequence[str],
    cuts: Sequence[frozenset[int]],
    found: Found,
    taken: AbstractSet[tuple[int, int]],
) -> list[Fields]:
    chosen: list[Fields] = []
    for n in range(len(found) - 1):
        (passage, first, _), (other, second, code) = found[n], found[n + 1]
        article = elided(first.text)
        if article is None or passage != other or code != "known":
            continue
        if (passage, first.start) in taken or (passage, second.start) in taken:
            continue
        text = texts[passage]
        if not one_space_apart(text, cuts[passage], first, second):
            continue
        if second.text[0].lower() not in VOWELS or not second.text[0].islower():
            continue
        if not lexicon.is_word(second.text):
            continue
        joined = f"{article}'{second.text}"
        odds = ngrams.closing_odds(text, first.start, second.end, joined)
        if odds < ELIDE:
            continue
        sic = text[first.start : second.end]
        reason = f"{joined} {10**odds:,.0f} times likelier in context than two words"
        confidence = 1 / (1 + 10**-odds)
        chosen.append(
            (passage, first.start, second.end, sic, joined, CERT, joined, confidence, reason)
        )
    return chosen


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "An elided word standing alone (d, l, qu) before a word of the "
        "lexicon that begins with a vowel or an h was read as one elided word (d une: "
        "d'une) when the word trigram model made the elision at least "
        f"{10**ELIDE:,.0f} times likelier than the two words apart (cert medium)."
    )
