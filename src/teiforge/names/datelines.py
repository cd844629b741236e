"""Datelines: a newspaper's item opens with the place it comes from, in capitals, then a
full stop or a comma and a dash, a parenthesis or a date (`BERNE, 6 avril`, `BOLOGNE.
(Corr.) —`, `BALE. —— Otto Beyeler`). Such a name is the place the lists know, whatever
context its flags ask for; not one the base flags as a person's name too (a speaker's
label in minutes, `BROCA. —`, stays a person's), nor a word in small letters.

passes: [BERNE], 6 avril ; [BOLOGNE]. (Corr.) — Il y a
fails:  Berne — Ou nous écrit (not in capitals); CHAPITRE III. — (no place)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .candidates import Candidate, Words
from .context import starts_sentence
from .matcher import Hit
from .model import BASE

_AFTER = re.compile(r"\s*[.,]\s*(?:[—–-]|\(|\d)")


def datelines(words: Words, hits: Sequence[tuple[int, Hit]]) -> Iterator[Candidate]:
    """The base's places that open a sentence as a dateline (`hits`: the lists' hits)."""
    tokens = words.tokens
    found: dict[tuple[int, int], list[Hit]] = {}
    for origin, hit in hits:
        if origin != BASE or hit.name.kind != "place" or "p" in hit.name.ambiguous:
            continue
        named = tokens[hit.first : hit.stop]
        if not all(t.text.isupper() and len(t.text) > 1 for t in named):
            continue
        if not starts_sentence(words.text, tokens, hit.first):
            continue
        if _AFTER.match(words.text, named[-1].end):
            found.setdefault((hit.first, hit.stop), []).append(hit)
    for same in found.values():
        # Capitals may have lost an accent: BERNE is Berne rather than the commune Berné.
        written = words.text[tokens[same[0].first].start : tokens[same[0].stop - 1].end]
        exact = [h for h in same if h.name.text.casefold() == written.casefold()]
        for hit in exact or same:
            yield words.candidate(hit, BASE, hit.name.entry)
