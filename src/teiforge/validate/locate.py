"""Where an element stands in its file: a readable xpath and a 1-based line and column.

lxml knows an element's line but not its column, so the start tags are found again in the
source text, in document order, and matched one to one with the parsed elements. When the
two disagree (a construct the scanner does not know), positions fall back to lxml's line
with column 0 rather than guess.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

from ..tei.ns import XML_NS

# Markup that may hold a "<" that opens no element, then a start tag (attribute values may
# hold ">", so quoted values are matched whole).
_MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>"
    r"|<(?P<tag>[^\s/>!?][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)
# One attribute of a start tag, its value skipped whole (a value may hold " n=").
_ATTRIBUTE = re.compile(r"""\s(?P<name>[^\s=/>]+)\s*=\s*(?:"[^"]*"|'[^']*')""")


def xpath_of(element: etree._Element) -> str:
    """`/TEI/text/body/div[2]/p[3]`: local names, with a position only where siblings share
    the element's name."""
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        name = etree.QName(node).localname
        parent = node.getparent()
        if parent is not None:
            same = list(parent.iterchildren(node.tag))
            if len(same) > 1:
                name = f"{name}[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


class Locator:
    """Line and column of every element of one parsed document (and of its attributes)."""

    def __init__(self, tree: etree._ElementTree, data: bytes) -> None:
        self._tags: dict[etree._Element, tuple[int, int]] = {}  # element -> tag start, end
        self._text = _decode(data, tree.docinfo.encoding)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)]
        tags = [m.span() for m in _MARKUP.finditer(self._text) if m.group("tag")]
        if len(tags) != len(elements):
            return
        for element, span in zip(elements, tags):
            if self._line_col(span[0])[0] != element.sourceline:
                self._tags.clear()
                return
            self._tags[element] = span

    def knows(self, element: etree._Element) -> bool:
        """Is this element one of the document's own (not one an assembly brought in)?"""
        return element in self._tags

    def position(self, element: etree._Element, attribute: str | None = None) -> tuple[int, int]:
        """(line, column) of the element's start tag, or of the attribute inside it."""
        span = self._tags.get(element)
        if span is None:
            return element.sourceline or 1, 1  # the scanner lost its way: the line is sure
        start, end = span
        if attribute is not None:
            for found in _ATTRIBUTE.finditer(self._text, start, end):
                if _names_attribute(found.group("name"), attribute):
                    start = found.start("name")
                    break
        return self._line_col(start)

    def _line_col(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


def _names_attribute(written: str, clark: str) -> bool:
    """Is `written` (as in the source: `n`, `xml:id`, `x:type`) the attribute `clark`?"""
    qname = etree.QName(clark)
    local = str(qname.localname)
    if qname.namespace == XML_NS:
        return written == f"xml:{local}"
    if qname.namespace:
        return written.endswith(f":{local}")
    return written == local


def _decode(data: bytes, encoding: str | None) -> str:
    try:
        return data.decode(encoding or "utf-8").lstrip("\ufeff")
    except (LookupError, UnicodeDecodeError):
        return ""
