"""Every format of every book of ../shared/data/books (GT ALTO v4 and PAGE 2019,
Tesseract hOCR, TSV and ALTO v3) encodes into TEI valid against tei_all and ours, with a
surface per page and a zone per line, keeping every character of the OCR and losing no
word that the same lines read as plain text keep. Skipped where the data is absent."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from support import REPO, missing_words
from teiforge.encode import EncodeOptions, encode
from teiforge.readers import read_document
from teiforge.tei.ns import tei
from teiforge.tei.readings import reading

BOOKS = Path(os.environ.get("TEIFORGE_BOOKS") or REPO.parent / "shared" / "data" / "books")
if not BOOKS.is_dir():  # a worktree: the shared folder is beside the main checkout
    BOOKS = REPO.parents[1] / "shared" / "data" / "books"
SETS = ("chaumiere-indienne-1791", "congres-ethnographique-1881", "nubis-1781-1921")
FORMATS = {
    "gt/*.xml": "alto",
    "gt-page/*.xml": "page",
    "tesseract/*.hocr": "hocr",
    "tesseract/*.tsv": "tsv",
    "tesseract/*.alto.xml": "alto",
}
OPTIONS = EncodeOptions(date="2026-01-01")


def _characters(text: str) -> Counter[str]:
    """What a reading must keep: every character but white space and hyphens (line ends
    and hyphens that broke a word there are layout)."""
    return Counter(c for c in text if not c.isspace() and c not in "-¬\u00ad")


@pytest.mark.skipif(not BOOKS.is_dir(), reason="../shared/data/books is absent")
@pytest.mark.parametrize("pattern", FORMATS)
@pytest.mark.parametrize("book", SETS)
def test_every_format_of_every_book(
    book: str, pattern: str, tei_all: etree.RelaxNG, teiforge_schema: xmlschema.XMLSchema
) -> None:
    files = sorted((BOOKS / book).glob(pattern))
    source = read_document(files)
    assert source.format == FORMATS[pattern]
    root = etree.fromstring(encode(source, OPTIONS))
    assert tei_all.validate(root), str(tei_all.error_log.last_error)
    assert [str(e) for e in teiforge_schema.iter_errors(root)] == []
    surfaces = root.findall(f"{tei('facsimile')}/{tei('surface')}")
    assert len(surfaces) == len(files)
    lines = [line for line in source.text.split("\n") if line.strip("\f ")]
    assert len(root.findall(f".//{tei('zone')}")) == len(lines)
    assert len(root.findall(f".//{tei('pb')}[@facs]")) == len(files)
    diplomatic = reading(root, "diplomatic")
    assert _characters(diplomatic) == _characters(source.text)
    as_text = etree.fromstring(encode(replace(source, facsimile=None), OPTIONS))
    lost = missing_words(source.text, diplomatic)
    assert lost == missing_words(source.text, reading(as_text, "diplomatic"))


@pytest.mark.skipif(not BOOKS.is_dir(), reason="../shared/data/books is absent")
@pytest.mark.parametrize("book", SETS)
def test_tesseract_regions_are_its_paragraphs(book: str) -> None:
    # a blank line between two of Tesseract's regions, where tesseract.txt has one
    tesseract = read_document(sorted((BOOKS / book).glob("tesseract/*.tsv")))
    expected = (BOOKS / book / "tesseract.txt").read_text(encoding="utf-8")
    assert _blank_lines(tesseract.text) == _blank_lines(expected)


def _blank_lines(text: str) -> list[int]:
    """Where the text's blank lines are, by the number of text lines before each."""
    found, lines = [], 0
    for line in text.strip("\n\f").split("\n"):
        if line.strip("\f "):
            lines += 1
        else:
            found.append(lines)
    return found
