"""Bodies and their seats: a council of the base and the place after it (le conseil
municipal de Lyon), an institution by its shape and the place of the base after it (la
Société de géographie de Paris), one organisation of the document's each.

passes: le [conseil municipal de Lyon]; le [Conseil général de la Seine] (no list has
        it); la [Société de géographie de Paris]
fails:  le conseil municipal (the base's generic body); le Paris de Balzac (no body)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from .candidates import Candidate, Words
from .document import DocumentEntries
from .model import BASE, DOCUMENT
from .organisations import organisations

# The base's councils, whose note says which one is not identified: with the place after
# them they are one identified body (le conseil municipal de Lyon).
COUNCILS = frozenset({"org-conseil-municipal", "org-conseil-departemental", "org-conseil-regional"})
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:-[A-Za-zÀ-ÿ]+)*\b(?![.'’-])")
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
        if link is None:
            continue
        place = places.get(link.end())
        # or a capitalised name no list holds (le Conseil général de la Seine, a
        # département of old)
        other = _CAPITALISED.match(text, link.end()) if place is None else None
        end = place.end if place else other.end() if other else None
        if end is not None:
            name = " ".join(text[council.start : end].split())
            key = entries.generate("org", name)
            named = place.words if place else len(re.findall(r"\w+", text[link.end() : end]))
            words = council.words + len(re.findall(r"\w+", link.group())) + named
            found.append(Candidate(council.start, end, words, DOCUMENT, key))
    return found


def complement(candidate: Candidate, start: int, end: int, entries: DocumentEntries) -> bool:
    """A place of the base inside an organisation's name, after its head: what names it;
    or a body of the base inside it and shorter, which the name makes one (the base's
    generic tribunal in le Tribunal de commerce)."""
    if candidate.origin != BASE or not (start <= candidate.start and candidate.end <= end):
        return False
    tag = entries.tag(candidate.origin, candidate.entry)
    if tag == "orgName":
        return candidate.end - candidate.start < end - start
    return tag == "placeName" and start < candidate.start


def seated(
    words: Words,
    listed: Sequence[Candidate],
    entries: DocumentEntries,
    is_word: Callable[[str], bool],
) -> Iterator[tuple[int, int, int]]:
    """The institutions by their shape (start, end, words), each with the place of the
    base after it and "de", where it has one: its seat (la Société de géographie de
    Paris, l'Académie des sciences de Berlin)."""
    for org in organisations(words.text, words.tokens, is_word):
        end, count = org.end, org.words
        link = _OF_PLACE.match(words.text, end)
        if link is not None:
            for seat in listed:
                if (
                    seat.start == link.end()
                    and entries.tag(seat.origin, seat.entry) == "placeName"
                    and complement(seat, org.start, seat.end, entries)
                ):
                    end = seat.end
                    count += len(re.findall(r"\w+", link.group())) + seat.words
        yield org.start, end, count
