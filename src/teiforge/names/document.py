"""One document's entries: which entry each name points to, the xml:ids they get (unique
in the document, whatever else it holds), and the entries that rules made up."""

from __future__ import annotations

from dataclasses import replace

from ..model import Entity
from .known import Known
from .model import AUTHORITY, DOCUMENT, NAME_TAGS
from .normalise import slug

ID_PREFIXES = {"person": "pers", "place": "pl", "org": "org"}
GENERATED_CERT = "medium"  # an entry a rule found, that no list holds


class DocumentEntries:
    def __init__(self, known: Known, reserved: set[str]) -> None:
        self.known = known
        self.used = set(reserved)  # xml:ids already taken in the document
        self.generated: dict[str, Entity] = {}
        self.ids: dict[tuple[int, str], str] = {}
        self.order: list[Entity] = []

    def generate(self, kind: str, text: str, abbr: str | None = None, key: str = "") -> str:
        """The key of an entry made up by a rule for `text` (a name no list holds)."""
        key = key or f"{kind}:{slug(text)}"
        if key not in self.generated:
            names: tuple[tuple[str, str | None], ...] = ((text, None),)
            if abbr:
                names += ((abbr, "abbr"),)
            self.generated[key] = Entity(
                kind, f"{ID_PREFIXES[kind]}-{slug(abbr or text)}", names, cert=GENERATED_CERT
            )
        return key

    def entity(self, origin: int, entry: str) -> Entity:
        return self.generated[entry] if origin == DOCUMENT else self.known.entity(origin, entry)

    def ref(self, origin: int, entry: str) -> str:
        """The xml:id the entry has in this document (given at its first use). The user's
        entries keep theirs; another entry whose id is one of them takes a suffix."""
        key = (origin, entry)
        if key not in self.ids:
            entity = self.entity(origin, entry)
            taken = self.used if origin == AUTHORITY else self.used | self.known.user_ids
            xml_id, suffix = entity.xml_id, 1
            while xml_id in taken:
                suffix += 1
                xml_id = f"{entity.xml_id}-{suffix}"
            self.used.add(xml_id)
            self.ids[key] = xml_id
            self.order.append(replace(entity, xml_id=xml_id))
        return self.ids[key]

    def tag(self, origin: int, entry: str) -> str:
        return NAME_TAGS[self.entity(origin, entry).kind]
