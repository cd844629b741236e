"""Entities -> <standOff>: the people, places and organisations the text points to, copied
into each document so that it stands alone."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from ..model import Entity
from .ns import XML_ID, E

# kind -> (list element, entry element, name element), in the order they appear
KINDS = {
    "person": ("listPerson", "person", "persName"),
    "place": ("listPlace", "place", "placeName"),
    "org": ("listOrg", "org", "orgName"),
}


def entry(entity: Entity) -> etree._Element:
    _, entry_tag, name_tag = KINDS[entity.kind]
    element = getattr(E, entry_tag)({XML_ID: entity.xml_id})
    if entity.cert:
        element.set("cert", entity.cert)
    for name, name_type in entity.names:
        element.append(
            getattr(E, name_tag)(name, type=name_type) if name_type else getattr(E, name_tag)(name)
        )
    for idno_type, value in entity.idnos:
        element.append(E.idno(value, type=idno_type))
    if entity.note:
        element.append(E.note(entity.note))
    return element


def build_standoff(entities: Sequence[Entity]) -> etree._Element | None:
    """The standOff, or None when the text points to nobody. Entries keep the order in
    which they were found; an id given twice keeps its first entry."""
    seen: set[str] = set()
    lists: dict[str, etree._Element] = {}
    for entity in entities:
        if entity.xml_id in seen:
            continue
        seen.add(entity.xml_id)
        list_tag = KINDS[entity.kind][0]
        lists.setdefault(entity.kind, getattr(E, list_tag)()).append(entry(entity))
    if not lists:
        return None
    return E.standOff(*(lists[kind] for kind in KINDS if kind in lists))
