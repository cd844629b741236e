"""Names in whole documents: the seed against my hand list of its names (blind, and with
this repository's authority list), and a made-up OCR text as golden files, with and
without an authority list. Every output is valid against our schema and tei_all, and
every @ref points to an entry of the document's standOff."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from support import REPO, golden
from teiforge.encode import EncodeOptions, encode
from teiforge.read import read_source

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SEED = REPO / "seeds" / "000_9de8f81969a03aea.txt"
AUTHORITY = REPO / "tei" / "authority.xml"
GOLDEN = REPO / "tests" / "names" / "golden"
DATE = "2026-01-01"

# My hand encoding of the seed's names, in document order (notes stand at their anchors),
# with the entries of tei/authority.xml. Not names: "d'Hères" (the end of
# Saint-Martin-d'Hères, whose start is on a missing page), "service de police municipal",
# "la police municipale" (a service every commune may have), "l'agglomération grenobloise"
# (a description, not a name), "la ville", "les communes", "l'Etat", "le préfet", "le
# procureur de la République" (roles), "Ërance" (garbled), "Champ Pénal/Penal Field" (a
# title), "R.T." (a speaker, the interview's).
HAND = [
    ("CLSPD", "orgName", "#org-clspd"),
    ("Echirolles", "placeName", "#pl-echirolles"),
    ("Centre communal d'action sociale", "orgName", "#org-ccas-echirolles"),
    ("CCAS", "orgName", "#org-ccas-echirolles"),
    ("police nationale", "orgName", "#org-police-nationale"),
    ("Bousquet, R.", "persName", "#pers-bousquet-r"),
    ("Lenoir, E.", "persName", "#pers-lenoir-e"),
    ("Dhume F.", "persName", "#pers-dhume-f"),
    ("A.S.H.", "orgName", "#org-ash"),
    ("Paris", "placeName", "#pl-paris"),
    ("Gautron V.", "persName", "#pers-gautron-v"),
    ("police nationale", "orgName", "#org-police-nationale"),
    ("Gautron V.", "persName", "#pers-gautron-v"),
    ("CISPD", "orgName", "#org-cispd"),
    ("CLSPD", "orgName", "#org-clspd"),
    ("CLSPD", "orgName", "#org-clspd"),
    ("CISPD", "orgName", "#org-cispd"),
    ("CLSPD", "orgName", "#org-clspd"),
    ("CISPD", "orgName", "#org-cispd"),
    ("Conseil Général", "orgName", "#org-conseil-general-isere"),
    ("CISPD", "orgName", "#org-cispd"),
    ("CISPD", "orgName", "#org-cispd"),
]
# Blind, the same names point to the built-in base's entries (or to entries the rules made):
# the CCAS and the Conseil général are the generic bodies, not Échirolles' and the Isère's.
BLIND_REFS = {
    "#org-ccas-echirolles": "#org-ccas",
    "#org-conseil-general-isere": "#org-conseil-departemental",
    "#org-ash": "#org-a-s-h",
}
IDENTIFIED_BLIND = {"#org-a-s-h"}  # the same publisher as #org-ash, under a rule's id


def names(tei: etree._Element) -> list[tuple[str, str, str]]:
    body = tei.find(f"{T}text")
    return [
        ("".join(e.itertext()), etree.QName(e).localname, e.get("ref", ""))
        for e in body.iter(f"{T}persName", f"{T}placeName", f"{T}orgName")
    ]


def precision_recall(found: list[tuple[str, str, str]]) -> tuple[float, float, float]:
    """Precision and recall of (text, element), and the share of the names found whose
    @ref identifies the entity of the hand list."""
    expected = Counter((text, tag) for text, tag, _ in HAND)
    actual = Counter((text, tag) for text, tag, _ in found)
    matched = sum((expected & actual).values())
    right = {ref for _, _, ref in HAND} | IDENTIFIED_BLIND
    identified = sum(1 for _, _, ref in found if ref in right)
    return matched / sum(actual.values()), matched / sum(expected.values()), identified / len(found)


def check_document(tei: etree._Element, teiforge_schema, tei_all) -> None:  # type: ignore[no-untyped-def]
    assert [str(e.reason) for e in teiforge_schema.iter_errors(tei)] == []
    assert tei_all.validate(tei), str(tei_all.error_log)
    entries = {e.get(XML_ID) for e in tei.find(f"{T}standOff").iter()} - {None}
    refs = {e.get("ref", "")[1:] for e in tei.iter(f"{T}persName", f"{T}placeName", f"{T}orgName")}
    assert refs - {""} <= entries


def test_seed_blind(teiforge_schema, tei_all) -> None:  # type: ignore[no-untyped-def]
    tei = etree.fromstring(encode(read_source(SEED), EncodeOptions(date=DATE)))
    found = names(tei)
    assert found == [(text, tag, BLIND_REFS.get(ref, ref)) for text, tag, ref in HAND]
    assert precision_recall(found) == (1.0, 1.0, 19 / 22)
    check_document(tei, teiforge_schema, tei_all)


def test_seed_with_its_authority(teiforge_schema, tei_all) -> None:  # type: ignore[no-untyped-def]
    tei = etree.fromstring(encode(read_source(SEED), EncodeOptions(authority=AUTHORITY)))
    found = names(tei)
    assert found == HAND
    assert precision_recall(found) == (1.0, 1.0, 1.0)
    check_document(tei, teiforge_schema, tei_all)


@pytest.mark.parametrize("authority", [None, "authority.xml"], ids=["blind", "authority"])
def test_golden(authority: str | None, teiforge_schema, tei_all) -> None:  # type: ignore[no-untyped-def]
    options = EncodeOptions(
        date=DATE, authority=REPO / "tests" / "names" / authority if authority else None
    )
    actual = encode(read_source(GOLDEN / "input.txt"), options)
    expected: Path = GOLDEN / f"expected-{'authority' if authority else 'blind'}.xml"
    assert actual.decode() == golden(expected, actual).decode()
    check_document(etree.fromstring(actual), teiforge_schema, tei_all)
