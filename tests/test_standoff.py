"""Annotations reach the document: entities become standOff entries, responsibilities
respStmts in the header, and every pointer to them resolves."""

from __future__ import annotations

from lxml import etree

from teiforge.annotate import Annotations
from teiforge.layout import segment
from teiforge.model import Entity, Responsibility, Span
from teiforge.read import source_from_bytes
from teiforge.tei.build import build_tei, serialize
from teiforge.tei.header import HeaderFacts

TEXT = "Le maire de Lyon a réuni la CAF et Marie Durand le 3 mai.\n"


def test_entities_and_responsibilities_in_the_document(teiforge_schema, tei_all) -> None:
    layout = segment(source_from_bytes(TEXT.encode(), "t.txt"))
    paragraph = next(i for i, block in enumerate(layout.blocks) if block.kind.value == "p")
    text = layout.blocks[paragraph].text
    annotations = Annotations(
        spans=(
            Span(
                paragraph,
                text.index("Lyon"),
                text.index("Lyon") + 4,
                "placeName",
                {"ref": "#pl-lyon"},
            ),
            Span(
                paragraph, text.index("CAF"), text.index("CAF") + 3, "orgName", {"ref": "#org-caf"}
            ),
            Span(
                paragraph,
                text.index("réuni"),
                text.index("réuni") + 5,
                "choice",
                {"corr": "réunit", "resp": "#ed", "cert": "high"},
            ),
        ),
        entities=(
            Entity(
                "org",
                "org-caf",
                (("Caisse d'allocations familiales", None), ("CAF", "abbr")),
                (("wikidata", "Q2932343"),),
            ),
            Entity("place", "pl-lyon", (("Lyon", None),), (("insee", "69123"),)),
            Entity("place", "pl-lyon", (("Lyon (doublon)", None),)),
        ),
        responsibilities=(Responsibility("ed", "Jeanne Martin", "review of OCR corrections"),),
    )
    tei = etree.fromstring(serialize(build_tei(layout, annotations, HeaderFacts(version="9.9"))))
    standoff = etree.tostring(tei.find("{http://www.tei-c.org/ns/1.0}standOff")).decode()
    assert standoff == (
        '<standOff xmlns="http://www.tei-c.org/ns/1.0">\n'
        "    <listPlace>\n"
        '      <place xml:id="pl-lyon">\n'
        "        <placeName>Lyon</placeName>\n"
        '        <idno type="insee">69123</idno>\n'
        "      </place>\n"
        "    </listPlace>\n"
        "    <listOrg>\n"
        '      <org xml:id="org-caf">\n'
        "        <orgName>Caisse d'allocations familiales</orgName>\n"
        '        <orgName type="abbr">CAF</orgName>\n'
        '        <idno type="wikidata">Q2932343</idno>\n'
        "      </org>\n"
        "    </listOrg>\n"
        "  </standOff>\n  "
    )
    paragraph_xml = etree.tostring(
        tei.find(".//{http://www.tei-c.org/ns/1.0}body//{http://www.tei-c.org/ns/1.0}p"),
        encoding="unicode",
    )
    assert paragraph_xml.endswith(
        'Le maire de <placeName ref="#pl-lyon">Lyon</placeName> a <choice><sic>réuni</sic>'
        '<corr cert="high" resp="#ed">réunit</corr></choice> la <orgName ref="#org-caf">CAF</orgName> '
        "et Marie Durand le 3 mai.</p>\n      "
    )
    names = [
        e.findtext("{http://www.tei-c.org/ns/1.0}name")
        for e in tei.iter("{http://www.tei-c.org/ns/1.0}respStmt")
    ]
    assert names == ["teiforge 9.9", "Jeanne Martin"]
    assert list(teiforge_schema.iter_errors(tei)) == []
    assert tei_all.validate(tei), str(tei_all.error_log)
