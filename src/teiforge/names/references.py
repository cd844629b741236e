"""Names in bibliographic references (in notes, or in a bibl found earlier), found by
their shape rather than by a list:

- authors cited surname first, with initials: `Gautron V.`, `Bousquet, R.`, `Le Goff J.-P.`
  (persName);
- the publisher after "éd." or "éditions": `éd. A.S.H.`, `éditions du Seuil` (orgName);
- a place of publication before a colon and a year or a publisher: `Bruxelles : 2001`,
  `Genève : Droz, 1998` (placeName). A known place (Paris) is found by the lists anyway.

Initials first (`V. Gautron`) is not taken: `M. Dupont` is as often Monsieur Dupont.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
LOWER = "a-zàâäçéèêëîïôöùûüÿæœß"
_SURNAME = (
    rf"(?:(?:de|du|van|von|d[’'])\s?)?[{UPPER}][{LOWER}]+(?:[-’'][{UPPER}][{LOWER}]+)*"
    rf"|[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*"
)
_INITIALS = rf"[{UPPER}]\.(?:\s?-?\s?[{UPPER}]\.)*"
AUTHOR = re.compile(rf"(?<![\w.’'-])(?P<surname>{_SURNAME}),?\s(?P<initials>{_INITIALS})(?![\w’'])")
PUBLISHER = re.compile(
    rf"(?<!\w)(?:[éÉ]d\.|[éÉ]ditions|Ed\.)\s+(?:du\s|des\s|de\sla\s|de\sl[’']|de\s|d[’'])?"
    rf"(?P<name>(?:[{UPPER}]\.){{2,}}|[{UPPER}][\w’'&-]*(?:\s[{UPPER}][\w’'&-]*){{0,3}})"
    rf"(?=\s*[,;:)]|\s*$)"
)
PUB_PLACE = re.compile(
    rf"(?:(?<=[,.;]\s)|^)(?P<name>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)*)\s?:\s?"
    rf"(?=\d{{4}}\b|[{UPPER}][\w’'&.-]*(?:\s[{UPPER}][\w’'&.-]*){{0,3}},\s*\d{{4}}\b)"
)
# Capitalised words that come first in a reference without being an author's surname.
# fmt: off
NOT_SURNAMES = frozenset({
    "Voir", "Cf", "Ibid", "Ibidem", "Id", "Idem", "In", "Op", "Vol", "Dir", "Coll", "Ed", "Éd",
    "Trad", "See", "Et", "Ou", "Le", "La", "Les", "Des", "Du", "De", "Un", "Une", "Sur", "Pour",
    "Par", "Dans", "Avec", "Chap", "Fig", "Tab", "Art"
})
# fmt: on


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str  # person, place or org
    text: str
    surname: str = ""  # people: for the authority's look-up by surname and initial
    initial: str = ""


def authors(text: str) -> Iterator[Found]:
    for match in AUTHOR.finditer(text):
        surname = match.group("surname")
        if surname in NOT_SURNAMES:
            continue
        yield Found(
            match.start(),
            match.end(),
            "person",
            match.group(),
            surname=surname,
            initial=match.group("initials")[0],
        )


def publishers(text: str) -> Iterator[Found]:
    for match in PUBLISHER.finditer(text):
        yield Found(match.start("name"), match.end("name"), "org", match.group("name"))


def publication_places(text: str) -> Iterator[Found]:
    for match in PUB_PLACE.finditer(text):
        if match.group("name") not in NOT_SURNAMES:
            yield Found(match.start("name"), match.end("name"), "place", match.group("name"))


def in_references(text: str) -> Iterator[Found]:
    yield from authors(text)
    yield from publishers(text)
    yield from publication_places(text)
