"""TF106 note.sequence: numbered notes follow each other.

In the text of a document, each note whose @n is a whole number is numbered one more than
the numbered note before it, or 1 (numbering restarts, e.g. on each page or in each
chapter). Notes are numbered apart by @place and @type (footnotes and endnotes, authorial
and editorial notes each have their own sequence); a note with a @n that is not a whole
number (`a`, `*`) is not counted. A jump or a repeat is usually a note the OCR lost or read
twice; but where text is missing (`<gap reason="missing"/>`, pages lost from the source),
the numbering may jump. A warning (see `rule_severity`): a book may number its notes so.

passes:
    <note place="foot" n="1"/> ... <note place="foot" n="2"/> ... <note place="foot" n="1"/>
    <note place="foot" n="1"/> <note place="end" n="1"/> <note n="*"/>
    <note n="14"/> <gap reason="missing"/> <note n="24"/>
fails:
    <note n="1"/> ... <note n="3"/>   (no note 2)
    <note n="4"/> ... <note n="4"/>
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ...model import Diagnostic, Severity
from ...tei.ns import tei
from ..document import Document

CODE = "TF106"
NAME = "note.sequence"
SEVERITY = Severity.WARNING  # a heuristic: a jump may be the source's own


def check(document: Document) -> Iterator[Diagnostic]:
    for text in document.root.iter(tei("text")):
        if any(True for _ in text.iterancestors(tei("text"))):
            continue  # a text inside a text (group) is walked with its outermost text
        previous: dict[tuple[str | None, str | None], etree._Element] = {}
        for note in text.iter(tei("note"), tei("gap")):
            if etree.QName(note).localname == "gap":
                if note.get("reason") == "missing":
                    previous.clear()  # notes on the missing pages are missing too
                continue
            number = note.get("n", "").strip()
            if not number.isdigit():
                continue
            sequence = (note.get("place"), note.get("type"))
            before = previous.get(sequence)
            previous[sequence] = note
            if int(number) == 1 or before is None and int(number) > 0:
                continue
            expected = int(before.get("n", "0")) + 1 if before is not None else 1
            if int(number) == expected:
                continue
            after = (
                f'the note numbered "{before.get("n", "").strip()}" on line '
                f"{document.locator.position(before)[0]}"
                if before is not None
                else "no numbered note"
            )
            yield document.diagnostic(
                CODE,
                note,
                f'note n="{number}" comes after {after}; expected "{expected}" '
                '(or "1" where numbering starts again)',
                "n",
            )
