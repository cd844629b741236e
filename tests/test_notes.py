"""Footnotes anchored and numbered: small cases in tests/annotate/notes.toml, the number
reading model, and the notes as the TEI shows them."""

from __future__ import annotations

import tomllib

import pytest
from lxml import etree

from support import REPO
from teiforge.annotate.context import Context
from teiforge.annotate.notes import annotate_notes
from teiforge.annotate.numbering import misreading_cost, readings
from teiforge.encode import encode
from teiforge.layout import segment
from teiforge.model import Span
from teiforge.read import source_from_bytes

CASES = tomllib.loads((REPO / "tests" / "annotate" / "notes.toml").read_text(encoding="utf-8"))[
    "case"
]
TEI = {"t": "http://www.tei-c.org/ns/1.0"}


def _describe(text: str) -> list[str]:
    layout = segment(source_from_bytes(text.lstrip("\n").encode(), "case.txt"))
    lines = []
    for span in annotate_notes(layout, (), Context()):
        assert isinstance(span, Span)
        if span.block == int(span.attrs["block"]):
            lines.append(f"n={span.attrs['n']} unanchored")
        else:
            lines.append(
                f"n={span.attrs['n']} anchor={layout.blocks[span.block].text[span.start : span.end]}"
            )
    return lines


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_notes(case: dict[str, object]) -> None:
    assert _describe(str(case["text"])) == case["expected"]


@pytest.mark.parametrize(
    ("number", "printed", "cost"),
    [
        (13, "13", 0.0),
        (13, "l3", 0.3),
        (14, "la", 0.6),
        (25, "2s", 0.3),
        (26, "6", 0.8),
        (14, "xy", 2.0),
    ],
)
def test_misreading_cost(number: int, printed: str, cost: float) -> None:
    assert misreading_cost(number, printed) == pytest.approx(cost)


def test_readings_of_a_garbled_label() -> None:
    assert sorted(readings("l3")) == [13]
    assert sorted(readings("6")) == [6, 16, 26, 36, 46, 56, 66, 76, 86, 96]


def test_note_moves_to_its_anchor_and_keeps_the_marks_as_read() -> None:
    text = "Le rapport de 1998 en faisait le constatl2 et proposait une réforme des contrats de ville.\n\n12 Voir le rapport.\n"
    tei = etree.fromstring(encode(source_from_bytes(text.encode(), "t.txt")))
    paragraph = tei.find(".//t:body//t:p", TEI)
    assert etree.tostring(paragraph, encoding="unicode").split(">", 1)[1].rsplit("<", 1)[0] == (
        'Le rapport de 1998 en faisait le constat<choice><sic>l2</sic><corr resp="#teiforge"/></choice>'
        '<note place="foot" n="12" xml:id="note12"><choice><sic>12</sic><corr resp="#teiforge"/></choice>'
        " Voir le rapport.</note> et proposait une réforme des contrats de ville."
    )
    assert len(tei.findall(".//t:body//t:note", TEI)) == 1
