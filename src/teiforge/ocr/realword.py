"""Real-word errors: a word of the lexicon that the document's OCR habits (adapt.py)
could have made from another, common word, decided by the neighbouring words
(context.py): "se pose dons ces" -> dans, in a scan that reads a as o."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .candidates import Candidate
from .context import Bigrams
from .lexicon import Lexicon
from .words import ELISION, Found, Word, shape

MIN_REAL_ZIPF = 3.0  # a real word is corrected only into a common one


@dataclass(frozen=True)
class RealWord:
    candidate: Candidate
    posterior: float  # the probability, in context, that the candidate is what the page had


def variants(
    word: Word, adapted: dict[tuple[str, str], float], lexicon: Lexicon
) -> dict[str, float]:
    """Common words that one of the document's habits turns into this word -> log p."""
    text = word.text
    form = shape(text)
    options: dict[str, float] = {}
    if not text.isalpha() or form == "mixed":
        return options
    for (seen, meant), logp in adapted.items():
        start = text.find(seen) if seen else -1
        while start >= 0:
            variant = text[:start] + meant + text[start + len(seen) :]
            start = text.find(seen, start + 1)
            variant_form = shape(variant)
            fits = variant_form == form or (
                word.sentence_start and form == "lower" and variant_form == "title"
            )
            if (
                fits
                and lexicon.is_listed(variant)
                and lexicon.zipf(variant) >= MIN_REAL_ZIPF
                and logp > options.get(variant, -math.inf)
            ):
                options[variant] = logp
    return options


def real_word(
    found: Found,
    n: int,
    adapted: dict[tuple[str, str], float],
    lexicon: Lexicon,
    bigrams: Bigrams,
    seen: dict[tuple[str, bool], dict[str, float]] | None = None,
) -> RealWord | None:
    """The likeliest other reading of the n-th word, in its context, or None. `seen`: the
    variants already found in the document (the same habits), by the word's text and
    whether it opens a sentence, which is all that `variants` reads of a word."""
    word = found[n][1]
    if seen is None:
        options = variants(word, adapted, lexicon)
    else:
        key = (word.text, word.sentence_start)
        if key not in seen:
            seen[key] = variants(word, adapted, lexicon)
        options = seen[key]
    if not options:
        return None
    left, right = neighbour(found, n, -1), neighbour(found, n, 1)
    scores = {word.text: bigrams.score(left, word.text.lower(), right, lexicon)}
    for variant, logp in options.items():
        scores[variant] = logp + bigrams.score(left, variant.lower(), right, lexicon)
    top = max(scores.values())
    total = sum(math.exp(s - top) for s in scores.values())
    best = max(options, key=lambda v: scores[v])
    return RealWord(Candidate(best, (), options[best], 0.0), math.exp(scores[best] - top) / total)


def neighbour(found: Found, n: int, step: int) -> str | None:
    """The token next to a word, as the bigrams count them: lowercased, an elided article
    apart (l'état: "l'" after the word before, "état" before the word after); None at a
    passage's edge or next to a number."""
    other = n + step
    if not 0 <= other < len(found) or found[other][0] != found[n][0]:
        return None
    tokens = tokens_of(found[other][1].text)
    if not tokens:
        return None
    return tokens[-1] if step < 0 else tokens[0]


def tokens_of(text: str) -> list[str]:
    """A word as the bigrams count it: lowercased, its elided article apart."""
    text = text.replace("’", "'").lower()
    elided = ELISION.match(text)
    parts = [text[: elided.end()], text[elided.end() :]] if elided else [text]
    return [part for part in parts if part.replace("'", "").isalpha()]
