"""The site's index of names: the mentions of every document, gathered by entry.

Entries of different documents with the same key (the same xml:id, URI or words) are one
entry: its heading is the first document's, the other documents' headings and forms
become its other names, and identifiers are pooled. Entries are sorted as a reader looks
them up: case and accents aside.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .authority import Identifier
from .names import INDEX_PAGES, INDEX_TITLES, KINDS, Mention, fold


@dataclass(frozen=True)
class DocumentMentions:
    title: str
    href: str  # the document's page
    mentions: tuple[Mention, ...]


@dataclass
class IndexEntry:
    key: str
    label: str
    variants: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    note: str | None = None
    documents: list[DocumentMentions] = field(default_factory=list)
    described: bool = False  # some document has an entry for it, not only the name

    @property
    def identified(self) -> bool:
        """Known by an entry of some document or an authority, not only by its words."""
        return self.described or not self.key.startswith("n-")


@dataclass(frozen=True)
class NameIndex:
    kind: str
    page: str
    title: str
    entries: tuple[IndexEntry, ...]

    @property
    def letters(self) -> list[tuple[str, str]]:
        """(initial, the key of its first entry), for the jump list."""
        seen: dict[str, str] = {}
        for entry in self.entries:
            initial = fold(entry.label)[:1].upper() or "?"
            seen.setdefault(initial if initial.isalpha() else "#", entry.key)
        return list(seen.items())


def _add(entry: IndexEntry, mention: Mention) -> None:
    entity = mention.entity
    for other in (entity.label, *entity.variants, mention.form):
        if other != entry.label and other not in entry.variants and other.strip():
            entry.variants.append(other)
    for identifier in entity.identifiers:
        if identifier not in entry.identifiers:
            entry.identifiers.append(identifier)
    entry.note = entry.note or entity.note
    entry.described = entry.described or entity.described


def _order(entry: IndexEntry) -> tuple[str, bool, str, str]:
    """Alphabetical, case and accents aside; an identified entry before a namesake that
    is not."""
    return fold(entry.label), not entry.identified, entry.label, entry.key


def build_indexes(documents: list[DocumentMentions]) -> list[NameIndex]:
    """One index per kind (people, places, organisations), in the order of KINDS."""
    entries: dict[str, dict[str, IndexEntry]] = {kind: {} for kind in KINDS}
    for document in documents:
        grouped: dict[tuple[str, str], list[Mention]] = {}
        for mention in document.mentions:
            kind, key = mention.entity.kind, mention.entity.key
            entry = entries[kind].setdefault(key, IndexEntry(key, mention.entity.label))
            _add(entry, mention)
            grouped.setdefault((kind, key), []).append(mention)
        for (kind, key), mentions in grouped.items():
            entries[kind][key].documents.append(
                DocumentMentions(document.title, document.href, tuple(mentions))
            )
    return [
        NameIndex(
            kind,
            INDEX_PAGES[kind],
            INDEX_TITLES[kind],
            tuple(sorted(entries[kind].values(), key=_order)),
        )
        for kind in KINDS
    ]
