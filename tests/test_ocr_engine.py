"""The OCR engine's word confidence in the corrector (issue 19, item 5): the engine model
(ocr/engine.py), the engine's words placed in the blocks' text, and a word of the
lexicon flagged when the engine doubted it."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from teiforge.annotate.engine_words import block_confidences
from teiforge.layout import segment
from teiforge.model import Word
from teiforge.ocr import load_corrector
from teiforge.ocr.corrector import Passage
from teiforge.ocr.engine import Confidences, EngineModel, line_spans
from teiforge.readers import read_document

HERE = Path(__file__).parent / "readers"
MODEL = EngineModel((0.0, 1.0, 2.0), (-2.0, 4.0))


def test_engine_model_raises_p_error_as_confidence_falls() -> None:
    assert MODEL.p_error(0.5, 1.0) == pytest.approx(0.5)  # logit 0, no doubt
    assert MODEL.p_error(0.5, 0.5) == pytest.approx(1 / (1 + math.exp(-1)))
    assert MODEL.p_error(0.5, None) == 0.5  # no confidence: the model's own P(error)
    assert MODEL.p_error_known(1.0) == pytest.approx(1 / (1 + math.exp(2)))
    assert MODEL.p_error_known(0.25) == pytest.approx(1 / (1 + math.exp(-1)))


def test_shipped_engine_model_is_learned_doubt_raises_p_error() -> None:
    shipped = EngineModel.load()
    assert shipped.p_error(0.3, 0.2) > shipped.p_error(0.3, 0.97)
    assert shipped.p_error_known(0.2) > shipped.p_error_known(0.97)


def test_confidence_of_a_word_is_the_lowest_of_the_engine_words_it_touches() -> None:
    found = Confidences(((0, 3, 0.96), (4, 12, 0.5), (16, 23, 0.8), (23, 26, 0.7)))
    assert found.of(4, 11) == 0.5  # `maisons` of the engine's `maisons,`
    assert found.of(16, 26) == 0.7  # dévelop + pés, joined
    assert found.of(12, 16) is None  # nothing the engine gave a confidence
    assert Confidences().of(0, 3) is None


def test_line_spans_finds_the_engine_words_in_order() -> None:
    words = [Word("la", None, 0.9), Word("la", None, None), Word("la", None, 0.4)]
    assert line_spans("la la la", words, 10) == [(10, 12, 0.9), (16, 18, 0.4)]


def test_engine_words_placed_in_the_rejoined_paragraph() -> None:
    layout = segment(read_document([HERE / "page1.alto.xml"]))
    placed = [
        [(block.text[s:e], c) for s, e, c in found.spans]
        for block, found in zip(layout.blocks, block_confidences(layout))
        if block.text
    ]
    assert placed == [
        [("Les", 0.96), ("maisons", 0.5), ("dévelop", 0.8), ("pés", 0.7), ("quartier.", 0.9)]
    ]


def test_plain_text_has_no_engine_confidence() -> None:
    layout = segment(read_document([HERE.parent / "cases" / "heading_levels" / "input.txt"]))
    assert {found.spans for found in block_confidences(layout)} == {()}


def test_a_word_of_the_lexicon_the_engine_doubted_is_flagged() -> None:
    corrector = load_corrector()
    assert corrector.engine is not None
    text = "Nous avons vu la maison du voisin."
    doubted = Passage(text, confidences=Confidences(((17, 23, 0.2), (24, 26, 0.99))))
    [proposal] = corrector.propose([doubted])
    p_error = corrector.engine.p_error_known(0.2)
    assert (proposal.sic, proposal.corr, proposal.cert, proposal.proposer) == (
        "maison",
        None,
        "low",
        "engine",
    )
    assert proposal.why == f"engine: P(error) {p_error:.2f}, the OCR engine's confidence 0.20"
    assert corrector.propose([Passage(text)]) == []  # a plain text: nothing
    sure = Passage(text, confidences=Confidences(((17, 23, 0.97),)))
    assert corrector.propose([sure]) == []


def test_the_header_says_the_engine_confidence_was_used_only_when_it_was() -> None:
    from lxml import etree

    from teiforge.encode import EncodeOptions, encode
    from teiforge.ocr.engine import describe
    from teiforge.tei.ns import tei

    def method(source_path: Path) -> str:
        root = etree.fromstring(
            encode(read_document([source_path]), EncodeOptions(date="2026-01-01"))
        )
        return "".join(root.find(f".//{tei('correction')}").itertext()).strip()  # type: ignore[union-attr]

    assert method(HERE / "page1.alto.xml").endswith(f" {describe()}")
    assert describe() not in method(HERE.parent / "cases" / "heading_levels" / "input.txt")
