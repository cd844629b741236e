"""TF101 pointer.resolves: a local pointer names an xml:id of the same document.

Every value of @ref, @who, @target, @corresp, @resp and @source that starts with `#` (each
item of a space-separated list, too) must be the xml:id of an element of the document.
Pointers to other documents (`people.xml#MD`, `https://...`) are not checked.

passes:
    <said who="#MD">...</said> ... <person xml:id="MD">...</person>
    <corr resp="#teiforge #ed1"> ... with respStmt xml:id="teiforge" and xml:id="ed1"
fails:
    <said who="#MX">...</said>   (no element has xml:id="MX")
    <persName ref="#">...</persName>
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Diagnostic
from ...tei.ns import TEI_NS, XML_ID
from ..document import Document
from ..words import display_name

CODE = "TF101"
NAME = "pointer.resolves"

POINTER_ATTRIBUTES = ("ref", "who", "target", "corresp", "resp", "source")


def check(document: Document) -> Iterator[Diagnostic]:
    ids = {element.get(XML_ID) for element in document.root.iter() if isinstance(element.tag, str)}
    for element in document.root.iter(f"{{{TEI_NS}}}*"):
        for attribute in POINTER_ATTRIBUTES:
            for pointer in element.get(attribute, "").split():
                if pointer.startswith("#") and pointer[1:] not in ids:
                    yield document.diagnostic(
                        CODE,
                        element,
                        f'pointer "{pointer}" in attribute "{attribute}" of '
                        f'"{display_name(element.tag)}" names no xml:id of this document',
                        attribute,
                    )
