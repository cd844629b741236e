"""TF101 pointer.resolves: a local pointer names an xml:id of the same document.

Every value of @ref, @who, @target, @corresp, @next, @prev, @resp and @source that starts
with `#` (each item of a space-separated list, too) must be the xml:id of an element of the
document. Pointers to other documents (`people.xml#MD`, `https://...`) are not checked.

passes:
    <said who="#MD">...</said> ... <person xml:id="MD">...</person>
    <corr resp="#teiforge #ed1"> ... with respStmt xml:id="teiforge" and xml:id="ed1"
fails:
    <said who="#MX">...</said>   (no element has xml:id="MX")
    <persName ref="#">...</persName>
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ...model import Diagnostic, Severity
from ...tei.ns import TEI_NS
from ..document import Document
from ..words import display_name

CODE = "TF101"
NAME = "pointer.resolves"
SEVERITY = Severity.ERROR

POINTER_ATTRIBUTES = ("ref", "who", "target", "corresp", "next", "prev", "resp", "source")
_TEI = f"{{{TEI_NS}}}"


# Every attribute that holds a "#": one walk of the tree by libxml2 (most attributes hold
# none), in document order; the pointing ones of TEI elements are kept below.
_HOLDING_HASH = etree.XPath("//@*[contains(., '#')]")
_IDS = etree.XPath("//@xml:id")


def check(document: Document) -> Iterator[Diagnostic]:
    ids = {str(value) for value in _IDS(document.root)}
    dangling: dict[str, list[str]] = {}  # value -> its pointers that resolve to nothing
    for value in _HOLDING_HASH(document.root):
        text = str(value)
        if text not in dangling:
            dangling[text] = [p for p in text.split() if p.startswith("#") and p[1:] not in ids]
        if not dangling[text]:
            continue  # the common case, said once per distinct value
        attribute = value.attrname
        element = value.getparent()
        if attribute not in POINTER_ATTRIBUTES or not element.tag.startswith(_TEI):
            continue
        for pointer in dangling[text]:
            yield document.diagnostic(
                CODE,
                element,
                f'pointer "{pointer}" in attribute "{attribute}" of '
                f'"{display_name(element.tag)}" names no xml:id of this document',
                attribute,
            )
