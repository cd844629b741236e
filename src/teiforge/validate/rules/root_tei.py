"""TF105 root.tei: the document is a TEI document.

The root element is `<TEI>` or `<teiCorpus>` in the TEI namespace. An XML Schema accepts
any element it declares as a root (a lone `<p>` passes), so this check is ours.

passes:
    <TEI xmlns="http://www.tei-c.org/ns/1.0">...</TEI>
fails:
    <p xmlns="http://www.tei-c.org/ns/1.0">...</p>
    <TEI>...</TEI>   (no namespace)
A TEI P4 document (`<TEI.2>`) is tei.p4's (TF108) to name.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ...model import Diagnostic, Severity
from ...tei.ns import TEI_NS, tei
from ..document import Document
from .tei_p4 import P4_ROOTS

CODE = "TF105"
NAME = "root.tei"
SEVERITY = Severity.ERROR

ROOTS = (tei("TEI"), tei("teiCorpus"))


def check(document: Document) -> Iterator[Diagnostic]:
    root = document.root
    if root.tag in ROOTS or root.tag in P4_ROOTS:
        return
    qname = etree.QName(root)
    if qname.namespace == TEI_NS:
        message = f'root element is "{qname.localname}"; expected "TEI" or "teiCorpus"'
    else:
        where = f'namespace "{qname.namespace}"' if qname.namespace else "no namespace"
        message = (
            f'root element "{qname.localname}" is in {where}; expected "TEI" or "teiCorpus" '
            f"in the TEI namespace ({TEI_NS})"
        )
    yield document.diagnostic(CODE, root, message)
