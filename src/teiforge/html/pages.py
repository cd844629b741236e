"""Page breaks (and the surfaces of a sourceDoc) and headings: the margin markers and the table of contents.

A page break with a printed number (pb/@n) is marked "p. 14". One without gets a number
in brackets, as editors mark what they supply: counted on from the last printed number
("[p. 16]" two breaks after p. 14), else its place among the source's pages ("[page 2]";
a text that has words before its first <pb/> starts on page 1, so that break opens
page 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..tei.ns import tei
from .layout import heading_level
from .readings import edited_text
from .tree import Ids, is_element, tei_name


@dataclass(frozen=True)
class PageMark:
    anchor: str
    label: str  # as the margin shows it
    title: str  # what it means, for the tooltip


def _words_before(pb: etree._Element, text: etree._Element) -> bool:
    """Whether the member `text` has words before the page break `pb` (note bodies aside)."""

    def visit(element: etree._Element) -> bool | None:  # None: pb not reached yet
        if element is pb:
            return False
        if tei_name(element) == "note":
            return None
        if (element.text or "").strip():
            return True
        for child in element:
            found = visit(child) if is_element(child) else None
            if found is not None:
                return found
            if (child.tail or "").strip():
                return True
        return None

    return bool(visit(text))


def _breaks(text: etree._Element) -> list[etree._Element]:
    """Where pages begin: the page breaks of a text; the surfaces (pages, leaves) of a
    transcription of the source (sourceDoc), each of which is a page."""
    if tei_name(text) != "sourceDoc":
        return list(text.iter(tei("pb")))
    return [
        surface
        for surface in text.iter(tei("surface"))
        if not any(tei_name(el) == "surface" for el in surface.iterancestors())
    ]


def page_marks(texts: list[etree._Element], ids: Ids) -> dict[etree._Element, PageMark]:
    marks: dict[etree._Element, PageMark] = {}
    for text in texts:
        breaks = _breaks(text)
        start = 2 if breaks and _words_before(breaks[0], text) else 1
        printed: int | None = None  # the last printed page number, while it is arabic
        for ordinal, pb in enumerate(breaks, start):
            n = (pb.get("n") or "").strip()
            if n:
                printed = int(n) if n.isascii() and n.isdigit() else None
                marks[pb] = PageMark(ids.take(f"page-{n}"), f"p. {n}", f"page {n} of the source")
            elif printed is not None:
                printed += 1
                marks[pb] = PageMark(
                    ids.take(f"page-{printed}"),
                    f"[p. {printed}]",
                    f"page {printed} of the source, counted on: its number was not read",
                )
            else:
                marks[pb] = PageMark(
                    ids.take(f"page-{ordinal}"),
                    f"[page {ordinal}]",
                    f"page {ordinal} of the source; no printed page number",
                )
    return marks


@dataclass
class TocEntry:
    anchor: str
    text: str
    level: int
    children: list[TocEntry] = field(default_factory=list)


def contents(
    order: list[etree._Element], ids: Ids
) -> tuple[list[TocEntry], dict[etree._Element, str]]:
    """The table of contents (division headings, nested by depth) and each heading's id."""
    top: list[TocEntry] = []
    stack: list[TocEntry] = []
    anchors: dict[etree._Element, str] = {}
    for head in order:
        level = heading_level(head) if tei_name(head) == "head" else None
        if level is None:
            continue
        anchors[head] = ids.take(f"sec-{len(anchors) + 1}")
        entry = TocEntry(anchors[head], edited_text(head) or "(untitled)", level)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else top).append(entry)
        stack.append(entry)
    return top, anchors
