"""A TEI authority list -> Authority. The file is a TEI document whose listPerson,
listPlace and listOrg (in its standOff, or anywhere else) hold entries:

    <person xml:id="pers-gautron-v"><persName>Gautron, V.</persName></person>
    <place xml:id="pl-echirolles"><placeName>Échirolles</placeName>
      <placeName type="variant">Echirolles</placeName><idno type="insee">38151</idno></place>
    <org xml:id="org-ccas"><orgName>Centre communal d'action sociale</orgName>
      <orgName type="abbr">CCAS</orgName></org>

Every name of an entry is matched; a name of @type "abbr" only in its own capitals. Each
entry needs an xml:id and a name; anything else in it (idno, note, @cert) is copied as it
is into the documents that point to it. A file that is not such a list is an InputError.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..model import Entity
from ..tei.load import load_tei
from ..tei.ns import XML_ID, tei
from .model import NAME_TAGS, Authority, Name
from .normalise import is_acronym, tokenise

ENTRY_KINDS = ("person", "place", "org")


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _entity(element: etree._Element, kind: str, path: object) -> Entity:
    xml_id = element.get(XML_ID)
    line = f"line {element.sourceline}: "
    if not xml_id:
        raise InputError(path, f"{line}<{kind}> without xml:id (every entry must have one)")
    names = tuple(
        (_text(name), name.get("type")) for name in element.iterchildren(tei(NAME_TAGS[kind]))
    )
    names = tuple((text, kind_) for text, kind_ in names if text)
    if not names:
        raise InputError(path, f'{line}<{kind} xml:id="{xml_id}"> has no {NAME_TAGS[kind]}')
    idnos = []
    for idno in element.iterchildren(tei("idno")):
        if not idno.get("type") or not _text(idno):
            raise InputError(path, f'{line}idno of "{xml_id}" needs a @type and a value')
        idnos.append((idno.get("type", ""), _text(idno)))
    note = element.find(tei("note"))
    return Entity(
        kind,
        xml_id,
        names,
        tuple(idnos),
        cert=element.get("cert"),
        note=_text(note) if note is not None else None,
    )


def person_keys(name: str) -> list[tuple[str, str]]:
    """(surname, initial) keys of a person's name: "Gautron, V.", "Gautron V.", "V. Gautron",
    "Virginie Gautron" and "Gautron, Virginie" all give ("gautron", "v")."""
    surname, _, forenames = name.partition(",")
    if forenames.strip():
        first = tokenise(forenames)
        family = tokenise(surname)
        return [(" ".join(t.key for t in family), first[0].key[0])] if first and family else []
    tokens = tokenise(name)
    if len(tokens) < 2:
        return []
    if len(tokens[-1].key) == 1:  # Gautron V.
        family, initial = tokens[:-1], tokens[-1]
    else:  # V. Gautron, Virginie Gautron
        family, initial = tokens[1:], tokens[0]
    return [(" ".join(t.key for t in family), initial.key[0])]


def authority_from_tree(tree: etree._ElementTree, path: object) -> Authority:
    """The entries of a parsed list; `path` names it in errors."""
    entities: dict[str, Entity] = {}
    for kind in ENTRY_KINDS:
        for element in tree.iter(tei(kind)):
            entity = _entity(element, kind, path)
            if entity.xml_id in entities:
                raise InputError(
                    path, f'line {element.sourceline}: xml:id "{entity.xml_id}" is used twice'
                )
            entities[entity.xml_id] = entity
    if not entities:
        raise InputError(path, "no person, place or org entry: not an authority list")
    names: list[Name] = []
    people: dict[tuple[str, str], str] = {}
    for entity in entities.values():
        for text, name_type in entity.names:
            abbr = name_type == "abbr" or is_acronym(text)
            names.append(Name(text, entity.xml_id, entity.kind, abbr=abbr))
            if entity.kind == "person":
                for key in person_keys(text):
                    people.setdefault(key, entity.xml_id)
    return Authority(tuple(names), entities.__getitem__, people, frozenset(entities))


@lru_cache(maxsize=8)
def _load(path: Path, stamp: tuple[int, int]) -> Authority:
    return authority_from_tree(load_tei(path), path)


def load_authority(path: Path) -> Authority:
    """The authority list in `path` (cached while the file is unchanged)."""
    try:
        status = path.stat()
    except OSError:
        load_tei(path)  # raises the InputError that says why the file cannot be read
        raise
    return _load(path, (status.st_mtime_ns, status.st_size))
