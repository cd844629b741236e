"""TF104 cert.values: a certainty is high, medium or low, or a probability.

Every @cert on a TEI element is `high`, `medium` or `low`, or a number from 0 to 1
(`0.85`). Checked here as well as by our schema, so that documents validated only against
tei_all (which also allows `unknown`) keep to the scale teiforge documents in its header.

passes:
    <corr cert="high">maisons</corr>
    <corr cert="0.7">maisons</corr>
fails:
    <corr cert="maybe">maisons</corr>
    <corr cert="1.5">maisons</corr>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ...model import Diagnostic, Severity
from ...tei.ns import TEI_NS
from ..document import Document
from ..words import display_name

CODE = "TF104"
NAME = "cert.values"
SEVERITY = Severity.ERROR

CERTAINTIES = ("high", "medium", "low")
_NUMBER = re.compile(r"\d+(\.\d*)?|\.\d+")
_CERTS = etree.XPath("//@cert")  # libxml2 walks the tree; most elements carry none
_TEI = f"{{{TEI_NS}}}"


def is_certainty(value: str) -> bool:
    value = value.strip()
    if value in CERTAINTIES:
        return True
    return _NUMBER.fullmatch(value) is not None and float(value) <= 1


def check(document: Document) -> Iterator[Diagnostic]:
    for value in _CERTS(document.root):
        element = value.getparent()
        if element.tag.startswith(_TEI) and not is_certainty(value):
            yield document.diagnostic(
                CODE,
                element,
                f'value "{value}" of attribute "cert" on "{display_name(element.tag)}" is '
                "not high, medium, low or a number from 0 to 1",
                "cert",
            )
