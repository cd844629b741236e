"""TF107 pb.order: page numbers go up.

Each `<pb>` whose @n is a page number (arabic, `12` or `[12]`; or roman, `xiv`) has a
number greater than the previous numbered page of the same kind, arabic or roman (front
matter numbered in roman precedes the arabic pages). Pages may be skipped (plates, pages
missing from the source, unnumbered pages); a repeat or a step back is reported. It is a
warning (see `rule_severity`): most often an OCR misreading of the number, but a book may
also number its pages so. Page breaks of different editions (@ed) are counted apart.

passes:
    <pb n="iii"/> ... <pb n="iv"/> ... <pb n="1"/> ... <pb/> ... <pb n="3"/>
fails:
    <pb n="12"/> ... <pb n="21"/> ... <pb n="13"/>
    <pb n="7"/> ... <pb n="7"/>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ...lang.numerals import roman_value
from ...model import Diagnostic, Severity
from ...tei.ns import tei
from ..document import Document

CODE = "TF107"
NAME = "pb.order"
SEVERITY = Severity.WARNING  # a heuristic: a jump may be the source's own

_ARABIC = re.compile(r"\[?(\d+)\]?")


def page_number(n: str) -> tuple[str, int] | None:
    """("arabic" | "roman", value) of a page number, or None for anything else. A roman
    numeral may end in j as the old print's do (`vij`, `xiij`)."""
    n = n.strip()
    arabic = _ARABIC.fullmatch(n)
    if arabic is not None:
        return "arabic", int(arabic.group(1))
    roman = roman_value(n)
    return ("roman", roman) if roman else None


def check(document: Document) -> Iterator[Diagnostic]:
    previous: dict[tuple[str | None, str], etree._Element] = {}
    values: dict[tuple[str | None, str], int] = {}
    for pb in document.root.iter(tei("pb")):
        number = page_number(pb.get("n", ""))
        if number is None:
            continue
        kind, value = number
        sequence = (pb.get("ed"), kind)
        before = previous.get(sequence)
        if before is not None and value <= values[sequence]:
            line = document.locator.position(before)[0]
            yield document.diagnostic(
                CODE,
                pb,
                f'page number "{pb.get("n", "").strip()}" does not follow page '
                f'"{before.get("n", "").strip()}" on line {line}: page numbers must go up',
                "n",
            )
        previous[sequence] = pb
        values[sequence] = value
