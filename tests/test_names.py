"""The names annotator on small cases: tests/names/cases.toml, each a text, its annotated
form and the standOff entries the document gets."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from support import REPO, bracketed
from teiforge.annotate import Context, annotate
from teiforge.layout import segment
from teiforge.model import BlockKind, Entity, Span
from teiforge.names.candidates import Candidate, choose
from teiforge.read import source_from_bytes

NAMES = REPO / "tests" / "names"
CASES: list[dict[str, Any]] = tomllib.loads((NAMES / "cases.toml").read_text(encoding="utf-8"))[
    "case"
]


def entry(entity: Entity) -> str:
    cert = f" cert={entity.cert}" if entity.cert else ""
    idnos = "".join(f" {kind}={value}" for kind, value in entity.idnos)
    return f"{entity.xml_id} {entity.names[0][0]}{cert}{idnos}"


def annotated(case: dict[str, Any]) -> tuple[str, list[str]]:
    if case.get("note"):
        text, kind = f"Un paragraphe qui appelle une note1.\n\n1 {case['text']}\n", BlockKind.NOTE
    else:
        text, kind = f"{case['text']}\n", BlockKind.PARAGRAPH
    layout = segment(source_from_bytes(text.encode(), "case.txt"))
    authority = NAMES / case["authority"] if "authority" in case else None
    found = annotate(layout, Context(authority=authority), ["notes", "bibl", "quotes", "names"])
    index = next(i for i, block in enumerate(layout.blocks) if block.kind is kind)
    spans = [s for s in found.spans if s.block == index and s.source == "names"]
    names = [entry(e) for e in found.entities]
    return bracketed(layout.blocks[index].text, spans), names


@pytest.mark.parametrize("case", CASES, ids=lambda case: str(case["name"]))
def test_names(case: dict[str, Any]) -> None:
    assert annotated(case) == (case["expected"], case["entities"])


def test_a_name_never_crosses_an_earlier_span() -> None:
    """Longest first; a candidate that crosses a span found earlier (or sits on a name, or
    inside an element that cannot hold one) gives way to the shorter names inside it."""
    long, short = Candidate(0, 20, 3, 1, "long"), Candidate(0, 8, 1, 1, "short")
    assert choose([short, long], []) == [long]
    assert choose([short, long], [Span(0, 15, 25, "q")]) == [short]  # crosses the q
    assert choose([short, long], [Span(0, 0, 30, "q")]) == [long]  # inside it: fine
    assert choose([short, long], [Span(0, 0, 30, "date")]) == []  # a date holds no name
    assert choose([short, long], [Span(0, 10, 10, "pb")]) == [long]  # a milestone inside
    assert choose([short, long], [Span(0, 0, 8, "persName")]) == []  # a speaker, say
