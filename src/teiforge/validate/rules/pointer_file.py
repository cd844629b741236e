"""TF109 pointer.file-present: a pointer into another file names a file that is there.

A pointer such as `people.xml#MD` in @ref, @who, @target, @corresp, @next, @prev, @resp or
@source names a file relative to the document. When that file is not there, TF101 cannot
check the id, and the link is broken in any edition made from this folder. A warning by
default: the file may be published beside the document later, or elsewhere.

passes:
    <persName ref="people.xml#MD"> ... with people.xml beside the document
    <persName ref="https://example.org/people.xml#MD">  (on the network: not checked)
fails:
    <persName ref="people.xml#MD"> ... with no people.xml beside the document
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from ...model import Diagnostic, Severity
from ..document import Document
from ..lent_ids import DOCUMENT_POINTER
from ..words import display_name
from .pointer_resolves import POINTER_ATTRIBUTES, TEI_ELEMENT

CODE = "TF109"
NAME = "pointer.file-present"
SEVERITY = Severity.WARNING

_INTO_A_FILE = etree.XPath("//@*[contains(., '.xml#')]")


def check(document: Document) -> Iterator[Diagnostic]:
    folder = Path(document.file).parent
    present: dict[str, bool] = {}
    for value in _INTO_A_FILE(document.root):
        attribute = value.attrname
        element = value.getparent()
        if attribute not in POINTER_ATTRIBUTES or not element.tag.startswith(TEI_ELEMENT):
            continue
        for pointer in str(value).split():
            other = DOCUMENT_POINTER.match(pointer)
            if other is None:
                continue
            name = unquote(other.group(1))
            if name not in present:
                present[name] = (folder / name).is_file()
            if not present[name]:
                yield document.diagnostic(
                    CODE,
                    element,
                    f'pointer "{pointer}" in attribute "{attribute}" of '
                    f'"{display_name(element.tag)}" names {name}, which is not beside '
                    "the document",
                    attribute,
                )
