"""Which text the French corrector may touch: French text only.

The corrector's lexicon, confusions and models are French; on English, German or
Spanish they "correct" right words into French ones (`can` -> `c'an`, `faßt` -> `fait`,
`dialectos` -> `dialectes`). So it runs only when the document's language (its
`xml:lang`, from `--lang` or the configuration) is French, and, within such a document,
never on text that is clearly in another language: the whole document, or a passage of
at least `MIN_WORDS` words, whose small function words are far more often another
language's than French's.

The function words below are each language's most frequent ones that the others do not
share (`de`, `la`, `que`, `en` are French and Spanish; `et`, `est`, `qui` French and
Latin; `il` French and Italian), so a count of them is cheap and hard to fool.

passes: an English, German, Spanish, Italian or Latin page -> not French; a French page
with foreign names or a short Latin tag -> French; a passage under 20 words -> French
(too short to tell).
fails: a passage mixing French and another language in equal parts is French.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FRENCH = "fr"
MIN_WORDS = 20  # fewer words than this say too little: the declared language holds
OTHER_SHARE = 0.12  # another language's function words make at least this share...
OVER_FRENCH = 3.0  # ... and at least this many times French's
SAMPLE = 4000  # words read of a long document (its start, middle and end)

_LISTS = {
    "fr": (
        "le les des une du dans pour pas sur au aux avec mais ou sont nous vous ces cette "
        "était être avait elle ils lui leur leurs très même aussi été fait comme"
    ),
    "en": (
        "the and of to is was that with which this it for he she his her have has had were "
        "be from they would there their been are not an or but"
    ),
    "de": (
        "der die das und ist nicht mit sich auch auf ein eine zu den dem von im wird war "
        "sind er sie es ich wir aber oder nach bei"
    ),
    "es": (
        "el los las y del es por con para una su lo como más pero sus al fue muy esta este "
        "era han hay sobre"
    ),
    "it": (
        "il della di che è per non gli nel alla anche sono delle questo questa degli dei "
        "come più ma loro"
    ),
    "la": (
        "in est non ad cum quod sed ut enim autem esse quae atque ab hoc sunt erat etiam nec eius"
    ),
}
FUNCTION_WORDS = {code: frozenset(listed.split()) for code, listed in _LISTS.items()}

_WORD = re.compile(r"[^\W\d_]+")


def declared_french(language: str) -> bool:
    """The document's declared language (an xml:lang code: fr, fr-FR) is French."""
    return language.split("-")[0].lower() == FRENCH


def clearly_other(text: str) -> str | None:
    """The language `text` is clearly written in when that is not French, else None."""
    found = [w.lower() for w in _WORD.findall(text)]
    if len(found) > SAMPLE:
        third = SAMPLE // 3
        middle = len(found) // 2 - third // 2
        found = found[:third] + found[middle : middle + third] + found[-third:]
    if len(found) < MIN_WORDS:
        return None
    counts = {code: sum(w in words for w in found) for code, words in FUNCTION_WORDS.items()}
    french = counts.pop(FRENCH)
    other, hits = max(counts.items(), key=lambda item: item[1])
    if hits >= OTHER_SHARE * len(found) and hits > OVER_FRENCH * french:
        return other
    return None


def corrects(language: str, texts: Iterable[str]) -> bool:
    """The French corrector runs on a document: declared French, and not clearly in
    another language."""
    return declared_french(language) and clearly_other("\n".join(texts)) is None
