"""Layout + spans -> the TEI document, and its bytes. The serializer's single entry point."""

from __future__ import annotations

from lxml import etree

from ..annotate import Annotations
from ..model import Layout
from .body import build_body
from .facsimile import FacsimileIds
from .header import HeaderFacts, build_header
from .ns import XML_LANG, E
from .standoff import build_standoff


def build_tei(layout: Layout, annotations: Annotations, facts: HeaderFacts) -> etree._Element:
    tei = E.TEI({XML_LANG: facts.language})
    tei.append(build_header(layout, facts, annotations.responsibilities))
    facsimile = layout.source.facsimile
    facs = FacsimileIds(facsimile) if facsimile is not None else None
    if facs is not None:
        tei.append(facs.build())
    standoff = build_standoff(annotations.entities)
    if standoff is not None:
        tei.append(standoff)
    tei.append(E.text(build_body(layout, annotations.spans, facs)))
    return tei


# Elements that hold only elements: white space may be added between their children.
# Everything else may hold text, where added white space would change the document.
ELEMENT_ONLY = frozenset(
    [
        "TEI",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "respStmt",
        "extent",
        "publicationStmt",
        "availability",
        "sourceDesc",
        "encodingDesc",
        "appInfo",
        "application",
        "editorialDecl",
        "correction",
        "normalization",
        "hyphenation",
        "quotation",
        "segmentation",
        "interpretation",
        "profileDesc",
        "langUsage",
        "particDesc",
        "revisionDesc",
        "facsimile",
        "surface",
        "standOff",
        "listPerson",
        "listPlace",
        "listOrg",
        "listBibl",
        "person",
        "place",
        "org",
        "text",
        "body",
        "back",
        "div",
    ]
)


def indent(element: etree._Element, depth: int = 0) -> None:
    """Indent element-only content two spaces a level; leave mixed content untouched."""
    if etree.QName(element).localname not in ELEMENT_ONLY or not len(element):
        return
    inside = "\n" + "  " * (depth + 1)
    element.text = inside
    for child in element:
        indent(child, depth + 1)
        child.tail = inside
    element[-1].tail = "\n" + "  " * depth


def serialize(tei: etree._Element) -> bytes:
    """Pretty-printed UTF-8 with an XML declaration. Mixed content stays on one line, so a
    diff of two encodings shows what changed, paragraph by paragraph."""
    indent(tei)
    return etree.tostring(tei, xml_declaration=True, encoding="UTF-8") + b"\n"
