"""Bodies and their seats: a council of the base and the place after it (le conseil
municipal de Lyon), an institution by its shape and the place of the base after it (la
Société de géographie de Paris), one organisation of the document's each.

passes: le [conseil municipal de Lyon]; la [Société de géographie de Paris]
fails:  le conseil municipal (the base's generic body); le Paris de Balzac (no body)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .candidates import Candidate, Words
from .document import DocumentEntries
from .model import BASE, DOCUMENT
from .organisations import organisations

# The base's councils, whose note says which one is not identified: with the place after
# them they are one identified body (le conseil municipal de Lyon).
COUNCILS = frozenset({"org-conseil-municipal", "org-conseil-departemental", "org-conseil-regional"})
_OF_PLACE = re.compile(r"\s+(?:de|d['’]|du)\s*(?:la\s+|l['’]\s*)?", re.IGNORECASE)


def councils_of_places(
    text: str, listed: Sequence[Candidate], entries: DocumentEntries
) -> list[Candidate]:
    """A council of the base, "de" and a place the base tagged there: one organisation
    of the document's (le conseil municipal de Lyon), over the council and the place."""
    places = {
        c.start: c
        for c in listed
        if c.origin == BASE and entries.tag(c.origin, c.entry) == "placeName"
    }
    found = []
    for council in listed:
        if council.origin != BASE or entries.entity(BASE, council.entry).xml_id not in COUNCILS:
            continue
        link = _OF_PLACE.match(text, council.end)
        place = places.get(link.end()) if link else None
        if link is not None and place is not None:
            name = " ".join(text[council.start : place.end].split())
            key = entries.generate("org", name)
            words = council.words + len(re.findall(r"\w+", link.group())) + place.words
            found.append(Candidate(council.start, place.end, words, DOCUMENT, key))
    return found


def complement(candidate: Candidate, start: int, end: int, entries: DocumentEntries) -> bool:
    """A place of the base inside an organisation's name, after its head: what names it."""
    return (
        candidate.origin == BASE
        and start < candidate.start
        and candidate.end <= end
        and entries.tag(candidate.origin, candidate.entry) == "placeName"
    )


def seated(
    words: Words, listed: Sequence[Candidate], entries: DocumentEntries
) -> Iterator[tuple[int, int, int]]:
    """The institutions by their shape (start, end, words), each with the place of the
    base after it and "de", where it has one: its seat (la Société de géographie de
    Paris, l'Académie des sciences de Berlin)."""
    for org in organisations(words.text, words.tokens):
        end, count = org.end, org.words
        link = _OF_PLACE.match(words.text, end)
        if link is not None:
            for seat in listed:
                if seat.start == link.end() and complement(seat, org.start, seat.end, entries):
                    end = seat.end
                    count += len(re.findall(r"\w+", link.group())) + seat.words
        yield org.start, end, count
