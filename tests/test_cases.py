"""Whole-pipeline golden cases: tests/cases/<name>/input.txt -> expected.xml, and the
invariants every case must keep (valid against our schema and tei_all, deterministic,
lossless). Regenerate with TEIFORGE_REGENERATE=1 and read the diff before committing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from support import CASES, golden, missing_words
from teiforge.encode import EncodeOptions, encode
from teiforge.read import read_source
from teiforge.tei.readings import reading

CASE_DIRS = sorted(path for path in CASES.iterdir() if (path / "input.txt").is_file())
OPTIONS = EncodeOptions(date="2026-01-01")


def encoded(case: Path) -> bytes:
    return encode(read_source(case / "input.txt"), OPTIONS)


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_golden(case: Path) -> None:
    actual = encoded(case)
    assert actual.decode() == golden(case / "expected.xml", actual).decode()


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_deterministic(case: Path) -> None:
    assert encoded(case) == encoded(case)


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_valid_against_our_schema(case: Path, teiforge_schema) -> None:
    errors = [str(e.reason) for e in teiforge_schema.iter_errors(etree.fromstring(encoded(case)))]
    assert errors == []


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_valid_against_tei_all(case: Path, tei_all) -> None:
    valid = tei_all.validate(etree.fromstring(encoded(case)))
    assert valid, str(tei_all.error_log)


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_diplomatic_reading_keeps_every_word(case: Path) -> None:
    source = read_source(case / "input.txt").text
    diplomatic = reading(etree.fromstring(encoded(case)), "diplomatic")
    assert missing_words(source, diplomatic) == {}
    assert missing_words(diplomatic, source) == {}  # and adds none
