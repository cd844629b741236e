"""Namespace constants and element makers: nothing else spells a namespace URI."""

from lxml import etree
from lxml.builder import ElementMaker

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})


def tei(local: str) -> str:
    """The Clark name of a TEI element: tei("p") -> "{http://www.tei-c.org/ns/1.0}p"."""
    return f"{{{TEI_NS}}}{local}"


XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname
