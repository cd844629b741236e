"""The "ocr" annotator in the pipeline: its spans, what it leaves alone (names, note
anchors, milestones, the edges of earlier spans), and valid TEI."""

from __future__ import annotations

from lxml import etree

from support import REPO
from teiforge.annotate import ANNOTATORS, Context
from teiforge.annotate.ocr import annotate_ocr
from teiforge.encode import EncodeOptions, encode
from teiforge.layout import segment
from teiforge.model import Layout, Span
from teiforge.read import read_source, source_from_bytes
from teiforge.tei.ns import tei
from teiforge.tei.readings import reading

SAMPLE = REPO / "tests" / "ocr" / "sample.txt"


def test_ocr_runs_last() -> None:
    assert list(ANNOTATORS)[-1] == "ocr"


P = 1  # the paragraph's block: block 0 is the page break that opens the text


def _layout(text: str) -> Layout:
    layout = segment(source_from_bytes(text.encode(), "t.txt"))
    assert layout.blocks[P].text == text.strip()
    return layout


def test_spans_over_the_ocr_words() -> None:
    layout = _layout("Les postes de médiotion ou de médiation sociole. Chocun le pense.\n")
    spans = list(annotate_ocr(layout, (), Context()))
    assert spans == [
        Span(
            P, 14, 23, "choice", {"corr": "médiation", "resp": "#teiforge", "cert": "medium"}, "ocr"
        ),
        Span(
            P, 40, 47, "choice", {"corr": "sociale", "resp": "#teiforge", "cert": "medium"}, "ocr"
        ),
        Span(P, 49, 55, "choice", {"corr": "Chacun", "resp": "#teiforge", "cert": "medium"}, "ocr"),
    ]


def test_words_inside_names_anchors_and_milestones_are_left_alone() -> None:
    text = "Le docteur Dhurne vit les rnaisons et la médiotionl3 dans Du trovail social.\n"
    layout = _layout(text)
    name = Span(P, 11, 17, "persName", {}, "names")  # Dhurne: an error, but a name
    anchor = Span(P, 50, 52, "note", {"n": "13"}, "notes")  # "l3" glued to médiotion
    page_break = Span(P, 28, 28, "pb", {}, "layout")  # inside "rnaisons"
    title = Span(P, 58, 75, "title", {}, "bibl")  # "Du trovail social": words inside are corrected
    spans = list(annotate_ocr(layout, (name, anchor, page_break, title), Context()))
    assert [(text[s.start : s.end], s.tag, s.attrs.get("corr")) for s in spans] == [
        ("médiotion", "choice", "médiation"),
        ("trovail", "choice", "travail"),
    ]


def test_a_correction_never_crosses_an_earlier_span() -> None:
    text = "Les postes de médiotion de proximité.\n"
    layout = _layout(text)
    quote = Span(P, 0, 18, "q", {}, "quotes")  # ends inside "médiotion"
    spans = list(annotate_ocr(layout, (quote,), Context()))
    assert all(not (s.start < 18 < s.end) for s in spans)


def test_the_sample_encodes_valid_with_its_corrections(teiforge_schema, tei_all) -> None:  # type: ignore[no-untyped-def]
    data = encode(read_source(SAMPLE), EncodeOptions(date="2026-01-01"))
    root = etree.fromstring(data)
    choices = [
        (c.findtext(tei("sic")), c.findtext(tei("corr")), c.find(tei("corr")).get("cert"))
        for c in root.iter(tei("choice"))
        if c.find(tei("corr")).get("resp") == "#teiforge" and c.findtext(tei("corr"))
    ]
    assert choices == [
        ("médiotion", "médiation", "medium"),
        ("sociole", "sociale", "medium"),
        ("lls", "Ils", "medium"),
        ("pâr", "par", "medium"),
        ("dons", "dans", "medium"),
        ("Chocun", "Chacun", "medium"),
    ]
    flagged = [s.text for s in root.iter(tei("sic")) if s.getparent().tag != tei("choice")]
    assert flagged == ["1998l3", "posæ"]  # a year with its note call misread (l3 for 13)
    assert teiforge_schema.is_valid(etree.ElementTree(root))
    assert tei_all.validate(etree.ElementTree(root)), tei_all.error_log
    source = SAMPLE.read_text(encoding="utf-8")
    diplomatic = reading(root, "diplomatic")
    assert diplomatic.split() == source.split()
    corrected = reading(root, "corrected")
    assert "Ils remplissent par ailleurs" in corrected and "se posæ dans ces" in corrected


def test_the_header_says_how() -> None:
    data = encode(read_source(SAMPLE), EncodeOptions(date="2026-01-01"))
    correction = etree.fromstring(data).find(f".//{tei('correction')}/{tei('p')}").text
    assert "learned from French OCR with human gold (ICDAR 2017)" in correction
    assert "corr/@cert is high from" in correction
    assert "flagged in sic alone" in correction
