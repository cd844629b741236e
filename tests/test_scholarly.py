"""Quotations, interviews and references: small cases in tests/annotate/*.toml, each a text
and its annotated form (tests/support.py: bracketed)."""

from __future__ import annotations

import tomllib

import pytest

from support import REPO, bracketed
from teiforge.annotate import annotate
from teiforge.layout import segment
from teiforge.model import BlockKind
from teiforge.read import source_from_bytes


def _cases(name: str) -> list[dict[str, object]]:
    return tomllib.loads(
        (REPO / "tests" / "annotate" / f"{name}.toml").read_text(encoding="utf-8")
    )["case"]


def _annotated(text: str, kind: BlockKind, enabled: list[str]) -> tuple[str, list[str]]:
    layout = segment(source_from_bytes(text.encode(), "case.txt"))
    annotations = annotate(layout, enabled=enabled)
    index = next(i for i, b in enumerate(layout.blocks) if b.kind is kind)
    spans = [s for s in annotations.spans if s.block == index]
    speakers = [f"{e.xml_id} {e.names[0][0]}" for e in annotations.entities]
    return bracketed(layout.blocks[index].text, spans), speakers


def _paragraphs(text: str, enabled: list[str]) -> str:
    """Every paragraph of the text, annotated, one after the other (a blank line apart)."""
    layout = segment(source_from_bytes(text.encode(), "case.txt"))
    spans = annotate(layout, enabled=enabled).spans
    return "\n\n".join(
        bracketed(block.text, [s for s in spans if s.block == index])
        for index, block in enumerate(layout.blocks)
        if block.kind is BlockKind.PARAGRAPH
    )


@pytest.mark.parametrize("case", _cases("quotes"), ids=lambda c: str(c["name"]))
def test_quotes(case: dict[str, object]) -> None:
    assert _paragraphs(str(case["text"]), ["notes", "quotes"]) == case["expected"]


@pytest.mark.parametrize("case", _cases("interview"), ids=lambda c: str(c["name"]))
def test_interviews(case: dict[str, object]) -> None:
    annotated, speakers = _annotated(
        str(case["text"]), BlockKind.PARAGRAPH, ["quotes", "interview"]
    )
    assert (annotated, speakers) == (case["expected"], case["speakers"])


@pytest.mark.parametrize("case", _cases("bibl"), ids=lambda c: str(c["name"]))
def test_references(case: dict[str, object]) -> None:
    note = f"Un paragraphe qui appelle une note1.\n\n1 {case['text']}\n"
    annotated, _ = _annotated(note, BlockKind.NOTE, ["bibl", "quotes"])
    assert annotated == case["expected"]
