"""TF101 pointer.resolves: a pointer names an xml:id of the document, or of the corpus.

Every value of @ref, @who, @target, @corresp, @next, @prev, @resp and @source that starts
with `#` (each item of a space-separated list, too) must be the xml:id of an element of the
document, of a file the configuration's `shared_ids` names, or of the edition an XInclude
driver assembles from it (see lent_ids.py). A pointer into another file, `people.xml#MD`,
must name an xml:id of that file (relative to the document) when it exists; one on the
network (`https://...`) is not checked.

passes:
    <said who="#MD">...</said> ... <person xml:id="MD">...</person>
    <corr resp="#teiforge #ed1"> ... with respStmt xml:id="teiforge" and xml:id="ed1"
    <persName ref="people.xml#MD"> ... with people.xml beside it holding xml:id="MD"
fails:
    <said who="#MX">...</said>   (no element has xml:id="MX")
    <persName ref="#">...</persName>
    <persName ref="people.xml#MX"> ... people.xml has no xml:id="MX"
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from ...model import Diagnostic, Severity
from ...tei.ns import TEI_NS
from ..document import Document
from ..lent_ids import DOCUMENT_POINTER, ids_of
from ..words import display_name

CODE = "TF101"
NAME = "pointer.resolves"
SEVERITY = Severity.ERROR

POINTER_ATTRIBUTES = ("ref", "who", "target", "corresp", "next", "prev", "resp", "source")
TEI_ELEMENT = f"{{{TEI_NS}}}"  # the start of a TEI element's Clark name


# Every attribute that holds a "#": one walk of the tree by libxml2 (most attributes hold
# none), in document order; the pointing ones of TEI elements are kept below.
_HOLDING_HASH = etree.XPath("//@*[contains(., '#')]")
_IDS = etree.XPath("//@xml:id")


def check(document: Document) -> Iterator[Diagnostic]:
    ids = {str(value) for value in _IDS(document.root)} | document.lent
    folder = Path(document.file).parent
    dangling: dict[str, list[str]] = {}  # value -> its pointers that resolve to nothing
    for value in _HOLDING_HASH(document.root):
        text = str(value)
        if text not in dangling:
            dangling[text] = [p for p in text.split() if _dangling(p, ids, folder)]
        if not dangling[text]:
            continue  # the common case, said once per distinct value
        attribute = value.attrname
        element = value.getparent()
        if attribute not in POINTER_ATTRIBUTES or not element.tag.startswith(TEI_ELEMENT):
            continue
        for pointer in dangling[text]:
            where = "this document" if pointer.startswith("#") else pointer.split("#")[0]
            yield document.diagnostic(
                CODE,
                element,
                f'pointer "{pointer}" in attribute "{attribute}" of '
                f'"{display_name(element.tag)}" names no xml:id of {where}',
                attribute,
            )


def _dangling(pointer: str, ids: set[str] | frozenset[str], folder: Path) -> bool:
    if pointer.startswith("#"):
        return pointer[1:] not in ids
    other = DOCUMENT_POINTER.match(pointer)
    if other is None:
        return False  # a URL, a file of another kind: not ours to check
    target = folder / unquote(other.group(1))
    if not target.is_file():
        return False  # published elsewhere, perhaps: nothing to say
    found = ids_of(target)
    return found is not None and other.group(2) not in found
