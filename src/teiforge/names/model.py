"""What the names stage knows: authority entries (Entity, from the shared model) and the
names that point to them, as the matcher reads them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Entity

# TEI element of a name in the text, by kind of entry.
NAME_TAGS = {"person": "persName", "place": "placeName", "org": "orgName"}

# Origins of a name, in order of precedence when two entries share one: the user's
# authority list, then the built-in base, then what rules found in the document itself.
AUTHORITY, BASE, DOCUMENT = 0, 1, 2


class Name(NamedTuple):  # a tuple: the base makes 36,000 of them at start-up
    """One name (or variant) of one entry.

    `entry` is the entry's key in its Authority. `abbr`: an abbreviation or acronym, which
    matches only in its own capitals (CCAS, not ccas). `ambiguous`: why a name of the
    base may be something else (the flags of tools/build_places.py: w a common word, p a
    person's name, s short, t a village, x a place abroad): tagged only in a place
    context. `after`: the words that must come just before (the contracted article of Le
    Mans: du, au)."""

    text: str
    entry: str
    kind: str
    abbr: bool = False
    ambiguous: str = ""
    after: frozenset[str] = frozenset()
    origin: int = AUTHORITY


@dataclass(frozen=True, eq=False)  # compared (and cached) by identity
class Authority:
    """Entries and their names. `entity(key)` makes an entry's Entity when a document
    needs it (the base has 35,000 entries, a document a handful)."""

    names: tuple[Name, ...]
    entity: Callable[[str], Entity]
    # People by (surname key, initial key), for authors cited as "Gautron, V."
    people: Mapping[tuple[str, str], str] = field(default_factory=dict)
    ids: frozenset[str] = frozenset()  # the xml:ids its entries keep in every document


def _no_entry(key: str) -> Entity:
    raise KeyError(key)


NO_LIST = Authority((), _no_entry)
