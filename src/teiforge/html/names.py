"""Names of people, places and organisations: what each one refers to, and where the
site's name index lists it.

A name's @ref may point at an entry of the document (a <person>, <place>, <org> in the
standOff or the header, with its names and idno), at a web address (an authority's URI),
or nowhere: then the name stands for its words.

Index entries are keyed so that a document's page and the index agree without talking to
each other, and so that documents agree with each other: by an authority identifier when
there is one (`wikidata-Q1289`: the same place in every document that says so), else by
the heading's words, case and accents aside (`n-grenoble`), as a printed index is. Not by
xml:id: each document names its own entries, and two documents' `sp-RT` may be two
people.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lxml import etree

from ..tei.ns import tei
from .authority import Identifier, from_url, identifier
from .tree import elements, plain_text, safe_id, tei_name

KINDS = ("person", "place", "org")
INDEX_PAGES = {
    "person": "index-people.html",
    "place": "index-places.html",
    "org": "index-organisations.html",
}
INDEX_TITLES = {"person": "People", "place": "Places", "org": "Organisations"}
KIND_WORDS = {"person": "person", "place": "place", "org": "organisation"}
NAME_KINDS = {"persName": "person", "placeName": "place", "orgName": "org"}
TYPED_KINDS = {
    "person": "person",
    "place": "place",
    "org": "org",
    "organisation": "org",
    "organization": "org",
}
ENTRY_KINDS = {"person": "person", "personGrp": "person", "place": "place", "org": "org"}
# Names of an entry that are short or alternative forms, not its heading in the index.
SECONDARY = frozenset({"abbr", "acronym", "short", "variant", "alt", "alternative", "sigle"})


def name_kind(element: etree._Element) -> str | None:
    """person, place or org for a name the index lists; None for any other element."""
    local = tei_name(element) or ""
    if local in NAME_KINDS:
        return NAME_KINDS[local]
    if local in ("name", "rs"):
        return TYPED_KINDS.get((element.get("type") or "").lower())
    return None


@dataclass(frozen=True)
class Entity:
    key: str  # the index entry's id on its page
    kind: str
    label: str  # the entry's heading
    variants: tuple[str, ...]
    identifiers: tuple[Identifier, ...]
    note: str | None
    described: bool  # the document has an entry for it (standOff, header)

    @property
    def href(self) -> str:
        return f"{INDEX_PAGES[self.kind]}#{self.key}"


@dataclass(frozen=True)
class Mention:
    entity: Entity
    form: str  # the name as the text writes it (corrected reading)
    anchor: str  # its id on the document's page
    page: str | None  # the page it stands on, as the margin marker says it
    part: str | None = None  # the file of the part it is on, when the edition is in parts


def fold(text: str) -> str:
    """Case and accents aside: the form names are compared and sorted by."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Which identifier keys an entry, in order of preference.
KEY_SCHEMES = ("wikidata", "geonames", "viaf", "isni", "orcid", "insee", "siren", "uri")


def entry_key(label: str, identifiers: tuple[Identifier, ...]) -> str:
    """The id of an index entry: its best authority identifier, else its words."""
    linked = [i for i in identifiers if i.url and i.scheme in KEY_SCHEMES]
    if linked:
        best = min(linked, key=lambda i: KEY_SCHEMES.index(i.scheme))
        return safe_id(f"{best.scheme}-{best.value}" if best.scheme != "uri" else f"u-{best.value}")
    return f"n-{safe_id(fold(' '.join(label.split())))}"


def _entity(
    kind: str,
    label: str,
    variants: tuple[str, ...] = (),
    identifiers: tuple[Identifier, ...] = (),
    note: str | None = None,
    described: bool = False,
) -> Entity:
    key = entry_key(label, identifiers)
    return Entity(key, kind, label, variants, identifiers, note, described)


def _entry_names(entry: etree._Element) -> list[etree._Element]:
    wanted = ("persName", "placeName", "orgName", "name", "roleName", "addName", "surname")
    return [child for child in elements(entry) if tei_name(child) in wanted]


def _from_entry(entry: etree._Element, kind: str, form: str) -> Entity:
    names = [(n.get("type") or "").lower() for n in _entry_names(entry)]
    texts = [plain_text(n) for n in _entry_names(entry)]
    main = [t for t, type_ in zip(texts, names) if type_ not in SECONDARY and t]
    label = main[0] if main else next((t for t in texts if t), form)
    variants = tuple(dict.fromkeys(t for t in texts if t and t != label))
    found = [
        identifier(idno.get("type"), plain_text(idno))
        for idno in entry.iter(tei("idno"))
        if plain_text(idno)
    ]
    for attribute in ("sameAs", "corresp", "ref"):
        for token in (entry.get(attribute) or "").split():
            if token.startswith(("https://", "http://")):
                found.append(from_url(token))
    note = entry.find(tei("note"))
    if note is None:
        note = entry.find(tei("desc"))
    return _entity(
        kind,
        label,
        variants,
        tuple(dict.fromkeys(found)),
        plain_text(note) or None if note is not None else None,
        described=True,
    )


def entity_of(
    name: etree._Element, kind: str, form: str, by_id: dict[str, etree._Element]
) -> Entity:
    """What `name` (of `kind`, written `form`) refers to."""
    for token in (name.get("ref") or "").split():
        if token.startswith("#") and token[1:] in by_id:
            entry = by_id[token[1:]]
            if tei_name(entry) not in ENTRY_KINDS:  # @ref to a name inside the entry
                parent = entry.getparent()
                entry = parent if parent is not None else entry
            return _from_entry(entry, kind, form)
        if token.startswith(("https://", "http://")):
            return _entity(kind, form, identifiers=(from_url(token),))
    return _entity(kind, form)


def speaker_entity(token: str, by_id: dict[str, etree._Element]) -> Entity | None:
    """The person a said/@who points at, when it is an entry of the document."""
    entry = by_id.get(token.removeprefix("#"))
    if entry is None or ENTRY_KINDS.get(tei_name(entry) or "") != "person":
        return None
    return _from_entry(entry, "person", token.removeprefix("#"))
