"""Small questions asked of TEI elements by every part of the renderer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..tei.ns import TEI_NS

# XInclude: a TEI file may include others; the renderer shows a placeholder, never fetches.
XI_NS = "http://www.w3.org/2001/XInclude"
_UNSAFE_ID = re.compile(r"[^\w.-]")


def is_element(node: object) -> bool:
    """True for elements; False for comments and processing instructions (whose tag is not
    a string), which are never rendered though the text after them (their tail) is."""
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def tei_name(element: etree._Element) -> str | None:
    """The local name of a TEI element; None for an element of another namespace."""
    name = etree.QName(element)
    return str(name.localname) if name.namespace == TEI_NS else None


def xi_name(element: etree._Element) -> str | None:
    """The local name of an XInclude element (include, fallback); None otherwise."""
    name = etree.QName(element)
    return str(name.localname) if name.namespace == XI_NS else None


def local_name(element: etree._Element) -> str:
    return str(etree.QName(element).localname)


def elements(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if is_element(child)]


def plain_text(element: etree._Element) -> str:
    """All the text under `element`, whitespace normalised: what an attribute keeps of a
    reading that is not displayed."""
    return " ".join("".join(element.itertext()).split())


def pointers(value: str | None) -> Iterator[str]:
    """The ids a TEI pointer attribute (@target, @who, @ref) names in this document."""
    for token in (value or "").split():
        if token.startswith("#") and len(token) > 1:
            yield token[1:]


def safe_id(text: str) -> str:
    """`text` made usable as an HTML id and URL fragment (word characters, . and -)."""
    return _UNSAFE_ID.sub("_", text) or "_"


class Ids:
    """HTML ids, unique within a page: "note-12", then "note-12-2" for a second note 12."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, base: str) -> str:
        base = safe_id(base)
        candidate, number = base, 2
        while candidate in self._taken:
            candidate, number = f"{base}-{number}", number + 1
        self._taken.add(candidate)
        return candidate
