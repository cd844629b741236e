"""TF102 id.unique: no two elements share an xml:id.

A pointer to a duplicated id is ambiguous. The parser keeps duplicates (it does not
collect ids), so every repeat is reported, at the repeat, naming the first use.

passes:
    <person xml:id="MD"/> <person xml:id="AB"/>
fails:
    <person xml:id="MD"/> <person xml:id="MD"/>
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ...model import Diagnostic, Severity
from ...tei.ns import XML_ID
from ..document import Document
from ..words import display_name

CODE = "TF102"
NAME = "id.unique"
SEVERITY = Severity.ERROR

_IDENTIFIED = etree.XPath("//*[@xml:id]")


def check(document: Document) -> Iterator[Diagnostic]:
    first: dict[str, etree._Element] = {}
    for element in _IDENTIFIED(document.root):
        value = element.get(XML_ID)
        if value not in first:
            first[value] = element
            continue
        earlier = first[value]
        line, _ = document.locator.position(earlier, XML_ID)
        yield document.diagnostic(
            CODE,
            element,
            f'xml:id "{value}" of "{display_name(element.tag)}" is already used by '
            f'"{display_name(earlier.tag)}" on line {line}',
            XML_ID,
        )
