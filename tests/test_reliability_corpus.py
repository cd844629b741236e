"""Every OCR text of the development set (../shared/data/ocr-fr-dev, 715 texts of French
books, read in place, never copied here): encode never crashes, the diplomatic reading
holds every word of the text and adds none. A deterministic sample is also checked against
our schema (every 12th text) and tei_all (every 60th), and encoded twice."""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from support import REPO, missing_words
from teiforge.encode import EncodeOptions, encode
from teiforge.read import read_source
from teiforge.tei.readings import reading

DEV_DATA = Path(
    os.environ.get("TEIFORGE_OCR_DEV") or REPO.parent / "shared" / "data" / "ocr-fr-dev"
)
TEXTS = sorted(DEV_DATA.glob("*.ocr.txt"))
OPTIONS = EncodeOptions(date="2026-01-01")

pytestmark = pytest.mark.skipif(
    not TEXTS, reason=f"the OCR development set is not at {DEV_DATA} (set TEIFORGE_OCR_DEV)"
)


@cache
def encoded(path: Path) -> bytes:
    return encode(read_source(path), OPTIONS)


@pytest.fixture(scope="module", autouse=True)
def quiet() -> object:
    """Annotators log what they leave undecided (a note without an anchor): not a failure."""
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)
    encoded.cache_clear()


def test_the_development_set_is_complete() -> None:
    assert len(TEXTS) == 715


PARTS = 6  # the texts in parts, so that the workers of `pytest -n` share them


@pytest.mark.parametrize("part", range(PARTS))
def test_every_text_encodes_and_keeps_every_word(part: int) -> None:
    lost: dict[str, object] = {}
    for path in TEXTS[part::PARTS]:
        try:
            data = encoded(path)
        except Exception as error:  # noqa: BLE001 - every crash is reported, with its file
            lost[path.name] = f"crash: {type(error).__name__}: {error}"
            continue
        source = read_source(path).text
        diplomatic = reading(etree.fromstring(data), "diplomatic")
        missing, added = missing_words(source, diplomatic), missing_words(diplomatic, source)
        if missing or added:
            lost[path.name] = {"missing": dict(missing), "added": dict(added)}
    assert lost == {}


@pytest.mark.parametrize("path", TEXTS[::12], ids=lambda path: path.name)
def test_sample_is_valid_and_deterministic(
    teiforge_schema: xmlschema.XMLSchema, path: Path
) -> None:
    data = encoded(path)
    errors = [str(error.reason) for error in teiforge_schema.iter_errors(etree.fromstring(data))]
    assert errors == []
    assert encode(read_source(path), OPTIONS) == data


@pytest.mark.parametrize("path", TEXTS[::60], ids=lambda path: path.name)
def test_sample_is_valid_tei(tei_all: etree.RelaxNG, path: Path) -> None:
    assert tei_all.validate(etree.fromstring(encoded(path))), str(tei_all.error_log.last_error)
