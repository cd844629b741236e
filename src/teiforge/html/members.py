"""The texts a page shows: a TEI document's text (and its transcriptions of the source,
sourceDoc), those of each TEI of a teiCorpus with its own header, or a fragment itself
(any other TEI element as the root: a <div>, a <noteGrp>, a <text>)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .header import HeaderInfo, read_header
from .tree import elements, tei_name


@dataclass(frozen=True)
class Member:
    """A TEI text shown on the page; `header` is set for the members of a teiCorpus."""

    text: etree._Element
    header: HeaderInfo | None = None


# What a TEI document shows: its text, and its transcriptions of the source (sourceDoc)
SHOWN = ("text", "sourceDoc")


def _shown(tei_element: etree._Element) -> list[etree._Element]:
    return [child for child in elements(tei_element) if tei_name(child) in SHOWN]


def members(root: etree._Element) -> list[Member]:
    """The texts of a TEI document, of each TEI in a teiCorpus, or a fragment itself (any
    other TEI element as root: a <div>, a <noteGrp>, a <text>)."""
    if tei_name(root) == "TEI":
        return [Member(part) for part in _shown(root)]
    if tei_name(root) != "teiCorpus":
        return [Member(root)]
    found: list[Member] = []
    for child in elements(root):
        if tei_name(child) == "teiCorpus":
            found.extend(members(child))
        elif tei_name(child) == "TEI":
            header = read_header(child)
            found.extend(Member(part, header) for part in _shown(child))
    return found
