"""Large and degenerate inputs encode whole. How time and memory grow with the input is
measured, not tested: `python benchmarks/scale.py --shape SHAPE` prints both, with the ratio
of each size to the previous one (linear growth keeps it near the ratio of the sizes)."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator

import pytest
from lxml import etree

from support import REPO, missing_words
from teiforge.encode import EncodeOptions, encode
from teiforge.layout.joining import TextBuilder
from teiforge.read import source_from_bytes
from teiforge.tei.readings import reading

_SPEC = importlib.util.spec_from_file_location("scale", REPO / "benchmarks" / "scale.py")
assert _SPEC is not None and _SPEC.loader is not None
scale = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(scale)

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(autouse=True)
def quiet() -> Iterator[None]:
    logging.disable(logging.WARNING)  # notes left without an anchor are said, not failures
    yield
    logging.disable(logging.NOTSET)


def _body(text: str) -> etree._Element:
    source = source_from_bytes(text.encode("utf-8"), "book.txt")
    tei = etree.fromstring(encode(source, EncodeOptions(date="2026-01-01")))
    body = tei.find(f"{TEI}text/{TEI}body")
    assert body is not None
    return body


@pytest.mark.parametrize("shape", sorted(scale.SHAPES))
def test_every_word_of_a_large_book_is_kept(shape: str) -> None:
    """The benchmark's books, 200 kB each: the diplomatic reading has every word of the
    source and no other."""
    text = scale.SHAPES[shape](200_000)
    diplomatic = reading(_body(text), "diplomatic")
    assert missing_words(text, diplomatic) == {}
    assert missing_words(diplomatic, text) == {}


def test_a_page_with_many_anchor_candidates() -> None:
    """A page of 800 lines whose words end in digits (anchor candidates), and one note: the
    800 read alike, so the evidence settles none as its call (annotate/confidence.py); the
    note stays at its page and the 800 stay as they are."""
    text = "Le rapport1 du conseil est long.\n" * 800 + "\n1 Voir le rapport.\n"
    body = _body(text)
    [note] = body.iter(f"{TEI}note")
    assert note.get("n") == "1"
    assert note.getparent().index(note) == 0 and len(note.getparent()) == 1  # alone
    assert reading(body, "corrected").count("rapport1 ") == 800
    assert missing_words(text, reading(body, "diplomatic")) == {}


def test_a_paragraph_of_many_lines_is_joined_whole() -> None:
    line = "le conseil de la ville et les quartiers de la commune voisine"
    builder = TextBuilder()
    for _ in range(32_000):
        builder.append(line)
    assert builder.text == " ".join([line] * 32_000)


def test_a_paragraph_across_thousands_of_pages() -> None:
    """A paragraph that never ends a sentence runs on from page to page: one <p> holding a
    <pb/> for each page after the first."""
    text = "".join(f"ligne {i} de la page sans fin de phrase\n\f" for i in range(4_000))
    paragraphs = list(_body(text).iter(f"{TEI}p"))
    assert len(paragraphs) == 1
    assert len(list(paragraphs[0].iter(f"{TEI}pb"))) == 3_999
